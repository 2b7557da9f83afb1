/**
 * Visits the sentences of a document that a trigger RegExp matches in, as analyse() does for a
 * detector's `meta.trigger`, without collecting the matches into arrays or searching the
 * sentence list for each one. With `jump`, once a sentence is hit the scan jumps to its end (for
 * triggers that match many times per sentence); that is exact only for triggers whose matches
 * never cross a sentence boundary (no white space or punctuation in a match). Without it, the
 * scan is match by match, exactly as analyse()'s. Pure.
 */
import type { SentenceView } from './types.js';

/**
 * Call `visit` for each sentence (in order) in which a non-empty match of `trigger` (a global
 * RegExp) starts. `sentences` must be sorted and must not overlap, as analyse() makes them.
 * `jump` (default true): skip the rest of a sentence once it is hit (see above).
 */
export function forEachTriggered(text: string, sentences: readonly SentenceView[], trigger: RegExp, visit: (s: SentenceView) => void, options: { jump?: boolean } = {}): void {
  const jump = options.jump !== false;
  let si = 0;
  trigger.lastIndex = 0;
  let m: RegExpExecArray | null;
  try {
    while (si < sentences.length && (m = trigger.exec(text))) {
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
