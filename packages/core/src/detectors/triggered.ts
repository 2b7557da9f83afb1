/**
 * Visits the sentences of a document that a trigger RegExp matches in, as analyse() does for a
 * detector's `meta.trigger`, without collecting the matches into arrays or searching the
 * sentence list for each one. With `jump`, once a sentence is hit the scan jumps to its end (for
 * triggers that match many times per sentence); that is exact only for triggers whose matches
 * never cross a sentence boundary (no white space or punctuation in a match). Without it, the
 * scan is match by match, exactly as analyse()'s. forEachTriggeredSkipping() is analyse()'s own
 * walk for a detector's `meta.trigger`, for a detector that runs it in done() so that a cheap
 * search can say where the trigger's next match can start. Pure.
 */
import type { SentenceView } from './types.js';
import { stickyCopy } from '../search.js';

/**
 * Call `visit` for each sentence (in order) in which a non-empty match of `trigger` (a global
 * RegExp) starts. `sentences` must be sorted and must not overlap, as analyse() makes them.
 * `jump` (default true): skip the rest of a sentence once it is hit (see above). `skipTo` (as
 * for forEachTriggeredSkipping, e.g. the detector context's `skipTo`) moves each search ahead to
 * where a match can begin; the matches found are the same.
 */
export function forEachTriggered(text: string, sentences: readonly SentenceView[], trigger: RegExp, visit: (s: SentenceView) => void, options: { jump?: boolean; skipTo?: ((text: string, from: number) => number) | undefined } = {}): void {
  const jump = options.jump !== false;
  const skipTo = options.skipTo;
  let si = 0;
  trigger.lastIndex = 0;
  let m: RegExpExecArray | null;
  try {
    while (si < sentences.length) {
      if (skipTo) {
        const from = skipTo(text, trigger.lastIndex);
        if (from < 0) break;
        trigger.lastIndex = from;
      }
      if (!(m = trigger.exec(text))) break;
      if (m[0].length === 0) {
        trigger.lastIndex++;
        continue;
      }
      const at = m.index;
      while (si < sentences.length && sentences[si]!.end <= at) si++;
      if (si >= sentences.length) break;
      const s = sentences[si]!;
      if (at < s.start) continue; // between sentences (block markup): no sentence is hit
      si++; // later matches in this sentence now fall before sentences[si] and are skipped
      if (jump && trigger.lastIndex < s.end) trigger.lastIndex = s.end;
      visit(s);
    }
  } finally {
    trigger.lastIndex = 0;
  }
}

/** Sticky copies of global triggers, for forEachTriggeredSkipping's `sticky` walk. */
const stickies = new WeakMap<RegExp, RegExp>();

/**
 * Visit the sentences analyse() would visit for a detector with `meta.trigger` = `trigger` (a
 * global RegExp), in the same order, with the same walk: the first match at or after the scan
 * position; a match inside a sentence visits it and moves the scan to its end; a match between
 * sentences moves the scan past the match. Before each search, `skipTo(text, from)` moves the scan
 * ahead: it must return a position at or after `from` and at or before the first place at or
 * after `from` where a match of `trigger` can start, or -1 when no match can start there. So the
 * (slow) trigger is only ever tried right before a place a (fast) search found.
 *
 * With `sticky`, the trigger is tried *only* at the place skipTo gives (a sticky copy), and when it
 * does not match there the walk asks skipTo for the next place after it. The matches are the same;
 * without it, a trigger that fails where skipTo pointed searches on through the rest of the text,
 * which for a trigger with several alternatives (cheapest-option's) cost more than the detector.
 * Use it only with a skipTo that lists places (the engine's scan positions, small-sum's searches):
 * with one that returns `from` itself the walk would try every character.
 *
 * With `jump` false, a hit sentence moves the scan only to the end of the match, as
 * forEachTriggered's walk without jumps does (the privacy triggers, whose matches may cross a
 * sentence's end): the sentences visited are then forEachTriggered's with `{ jump: false }`.
 */
export function forEachTriggeredSkipping(
  text: string,
  sentences: readonly SentenceView[],
  trigger: RegExp,
  visit: (s: SentenceView) => void,
  skipTo: (text: string, from: number) => number,
  sticky = false,
  jump = true,
): void {
  let re = trigger;
  if (sticky) {
    let y = stickies.get(trigger);
    if (!y) stickies.set(trigger, (y = stickyCopy(trigger)));
    re = y;
  }
  let si = 0;
  let pos = 0;
  try {
    while (si < sentences.length) {
      const from = skipTo(text, pos);
      if (from < 0 || from >= text.length) break; // a match starting at the end is in no sentence
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) {
        if (!sticky) break;
        pos = from + 1; // nothing starts here: ask skipTo for the next place
        continue;
      }
      pos = re.lastIndex;
      const at = m.index;
      if (!jump && m[0].length === 0) {
        pos++; // forEachTriggered's walk without jumps visits no sentence for an empty match
        continue;
      }
      while (si < sentences.length && sentences[si]!.end <= at) si++;
      const s = sentences[si];
      if (!s) break;
      if (at >= s.start) {
        visit(s);
        if (jump) pos = s.end;
        si++;
      } else if (m[0].length === 0) pos++;
    }
  } finally {
    re.lastIndex = 0;
  }
}
