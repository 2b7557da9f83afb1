/** forEachTriggered: visits exactly the sentences analyse() would pick with a trigger, in order. */
import { describe, expect, it } from 'vitest';
import { forEachTriggered, forEachTriggeredSkipping } from '../../src/detectors/triggered.js';
import { sentencesOf } from '../../src/analyse.js';
import { text } from '../../src/readers/text.js';
import { markdown } from '../../src/readers/markdown.js';
import type { SentenceView } from '../../src/detectors/types.js';

/** analyse()'s way: every match, the sentence that starts at or before it, if the match is inside it. */
function reference(source: string, sentences: SentenceView[], trigger: RegExp): number[] {
  const seen = new Set<number>();
  trigger.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = trigger.exec(source))) {
    if (m[0].length === 0) {
      trigger.lastIndex++;
      continue;
    }
    let si = -1;
    for (let i = 0; i < sentences.length; i++) if (sentences[i]!.start <= m.index) si = i;
    if (si >= 0 && m.index < sentences[si]!.end) seen.add(si);
  }
  trigger.lastIndex = 0;
  return [...seen].sort((a, b) => a - b);
}

function visited(source: string, sentences: SentenceView[], trigger: RegExp, jump = true): number[] {
  const out: number[] = [];
  forEachTriggered(source, sentences, trigger, (s) => out.push(s.index), { jump });
  return out;
}

const SAMPLES = [
  'Jack enjoys gardening and loves his dog. He likes tea. The bus was late. She would like to swim; she hopes to go on Friday.',
  '# About me\n\n- I love music and like dancing\n- Walking\n\n| Likes | Dislikes |\n| --- | --- |\n| tea | noise |\n\nGood days are quiet.',
  'No match here at all. Nor here.',
  'like like like. like.\n\nlike',
  'Jack Smith. Grace Jones\tMary Lee. Visited Tom Byrne today.\nAnna Berg went home',
  '',
];

describe('forEachTriggered', () => {
  it.each(SAMPLES)('visits the same sentences as a full scan: %j', (source) => {
    for (const doc of [text(source), markdown(source)]) {
      const sentences = sentencesOf(doc);
      for (const trigger of [/\b(?:enjoy|lov|lik|hop|would|good)/gi, /e/g, /\b/g, /(?:)/g, /#/g, /\|/g]) {
        expect(visited(doc.text, sentences, trigger), `${trigger}`).toEqual(reference(doc.text, sentences, trigger));
      }
    }
  });
  it.each(SAMPLES)('without jumps, matches even triggers that cross sentences: %j', (source) => {
    for (const doc of [text(source), markdown(source)]) {
      const sentences = sentencesOf(doc);
      for (const trigger of [/\w+[.;]?\s+\w/g, /[a-z]+\s+[A-Z]/g, /e/g, /(?:)/g, /\s/g, /\|[^|]*\|/g]) {
        expect(visited(doc.text, sentences, trigger, false), `${trigger}`).toEqual(reference(doc.text, sentences, trigger));
      }
    }
  });
  it('leaves the trigger ready for the next document', () => {
    const trigger = /lik/gi;
    const doc = text('He likes tea. She likes coffee.');
    forEachTriggered(doc.text, sentencesOf(doc), trigger, () => {});
    expect(trigger.lastIndex).toBe(0);
  });
});

/** analyse()'s walk for a detector's meta.trigger: a hit sentence moves the scan to its end. */
function analyseWalk(source: string, sentences: SentenceView[], trigger: RegExp): number[] {
  const out: number[] = [];
  trigger.lastIndex = 0;
  let si = 0;
  let m: RegExpExecArray | null;
  while (si < sentences.length && (m = trigger.exec(source))) {
    const a = m.index;
    while (si < sentences.length && sentences[si]!.end <= a) si++;
    const s = sentences[si];
    if (!s) break;
    if (a >= s.start) {
      out.push(s.index);
      trigger.lastIndex = s.end;
      si++;
    } else if (m[0].length === 0) trigger.lastIndex++;
  }
  trigger.lastIndex = 0;
  return out;
}

describe('forEachTriggeredSkipping', () => {
  const skipped = (source: string, sentences: SentenceView[], trigger: RegExp, skipTo: (t: string, from: number) => number, sticky = false): number[] => {
    const out: number[] = [];
    forEachTriggeredSkipping(source, sentences, trigger, (s) => out.push(s.index), skipTo, sticky);
    return out;
  };
  /** A skipTo that finds the next "a" or "£" (every trigger below needs one where it starts). */
  const nextMark = (t: string, from: number): number => {
    for (let i = from; i < t.length; i++) if (t[i] === 'a' || t[i] === '£') return i;
    return -1;
  };

  it.each([...SAMPLES, 'a. aa. £3 a\n\na', 'Mr a£a b. c a'])('walks as analyse() does: %j', (source) => {
    for (const doc of [text(source), markdown(source)]) {
      const sentences = sentencesOf(doc);
      for (const trigger of [/a/g, /a\w*\s+\w/g, /£|a+/g, /(?=a)/g, /a[\s\S]*?\|/g]) {
        const expected = analyseWalk(doc.text, sentences, trigger);
        expect(skipped(doc.text, sentences, trigger, (_t, from) => from), `${trigger}`).toEqual(expected);
        expect(skipped(doc.text, sentences, trigger, nextMark), `${trigger}`).toEqual(expected);
        // Sticky: the trigger is tried only where skipTo points, then skipTo is asked again.
        expect(skipped(doc.text, sentences, trigger, nextMark, true), `${trigger} sticky`).toEqual(expected);
        expect(skipped(doc.text, sentences, trigger, (_t, from) => from, true), `${trigger} sticky, every place`).toEqual(expected);
        expect(trigger.lastIndex).toBe(0);
      }
    }
  });
});

describe('forEachTriggered with the scan’s skipTo', () => {
  it.each(SAMPLES)('visits the same sentences when searches jump to where the trigger can begin: %j', async (source) => {
    const { scanDocument, skipperFor } = await import('../../src/scan.js');
    const { builtinRuleSet } = await import('../../src/rules/builtin.js');
    const set = builtinRuleSet();
    const trigger = set.rules.find((r) => r.detector?.meta.name === 'strengths')!.detector!.meta.searches![0]!;
    for (const doc of [text(source), markdown(source)]) {
      const sentences = sentencesOf(doc);
      const scan = scanDocument(set, doc.text, sentences, set.rules.map(() => true));
      expect(scan.searches.has(trigger)).toBe(true);
      const out: number[] = [];
      forEachTriggered(doc.text, sentences, trigger, (s) => out.push(s.index), { skipTo: skipperFor(scan, trigger) });
      expect(out).toEqual(visited(doc.text, sentences, trigger));
    }
  });
});
