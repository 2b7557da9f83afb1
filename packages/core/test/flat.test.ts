/** Rule regexes read a sentence flat: any run of white space between words is one space. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, sentencesOf } from '../src/analyse.js';
import { flatten, fromFlat, holdsSpan, irregularSpaces, spansHolding, toFlat } from '../src/flat.js';
import { text as readText } from '../src/readers/text.js';
import { scanDocument } from '../src/scan.js';
import { builtinRuleSet } from '../src/index.js';
import { testRule, testSet } from './context/test-rules.js';

describe('flatten', () => {
  it('is null for text with single spaces only, and maps every character back otherwise', () => {
    expect(flatten('Sam is not allowed out.')).toBeNull();
    const f = flatten('Sam is not\n  allowed\u00a0out.')!;
    expect(f.text).toBe('Sam is not allowed out.');
    expect(fromFlat(f, 7, 18)).toEqual([7, 20]);
    expect(toFlat(f, 13)).toBe(11);
    expect(toFlat(f, 'Sam is not\n  allowed\u00a0out.'.length)).toBe(f.text.length);
  });

  it('keeps every other character, in order, at its own offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\r\n', 'é'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const f = flatten(text);
        if (!f) return;
        expect(f.text).toBe(text.replace(/\s+/g, ' '));
        for (let i = 0; i < f.text.length; i++) {
          if (f.text[i] !== ' ') expect(text[f.at[i]!]).toBe(f.text[i]);
          else expect(text[f.at[i]!]).toMatch(/\s/);
          if (f.text[i] !== ' ') expect(toFlat(f, f.at[i]!)).toBe(i);
        }
      }),
    );
  });
});

describe('irregularSpaces and holdsSpan (which sentences need flattening, found once per document)', () => {
  const pieces = ['Sam', 'was', 'not', '.', '. ', '?', ' ', '  ', '\n', '\n\n', ' \n', '\r\n', '\t', '\u00a0', '\u2003', '- ', '"'];

  it('says any span of the text needs flattening exactly when flatten says so', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const runs = irregularSpaces(text);
        const start = x % (text.length + 1);
        const end = start + (y % (text.length - start + 1));
        expect(holdsSpan(runs, text, start, end)).toBe(flatten(text.slice(start, end)) !== null);
      }),
      { numRuns: 3000 },
    );
  });

  it('the scan notes the same runs as irregularSpaces, and sentences agree with flatten', () => {
    const set = builtinRuleSet();
    const active = set.rules.map(() => true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'refused', 'service user'), { maxLength: 40 }), (parts) => {
        const doc = readText(parts.join(' '));
        const sentences = sentencesOf(doc);
        const runs = scanDocument(set, doc.text, sentences, active).irregular!;
        expect(runs).toEqual(irregularSpaces(doc.text));
        for (const s of sentences) expect(holdsSpan(runs, doc.text, s.start, s.end)).toBe(flatten(s.text) !== null);
      }),
      { numRuns: 1000 },
    );
  });

  it('spansHolding answers as holdsSpan for each of a document’s sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'refused', 'service user'), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join(' ');
        const runs = irregularSpaces(text);
        // Sorted, non-overlapping spans: the sentences, and arbitrary cuts of the text.
        const sentences = sentencesOf(readText(text));
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const cutSpans = points.slice(1).map((end, i) => ({ start: points[i]!, end }));
        for (const spans of [sentences, cutSpans]) {
          expect([...spansHolding(runs, text, spans)]).toEqual(spans.map((s) => (holdsSpan(runs, text, s.start, s.end) ? 1 : 0)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a run counts by the part of it inside the span', () => {
    const text = 'ab \ncd  ef\tg';
    const runs = irregularSpaces(text);
    expect(runs).toEqual([2, 4, 6, 8, 10, 11]);
    expect(holdsSpan(runs, text, 0, 3)).toBe(false); // only the space of " \n"
    expect(holdsSpan(runs, text, 0, 4)).toBe(true);
    expect(holdsSpan(runs, text, 3, 5)).toBe(true); // the "\n" alone
    expect(holdsSpan(runs, text, 4, 7)).toBe(false); // one space of "  "
    expect(holdsSpan(runs, text, 4, 8)).toBe(true);
    expect(holdsSpan(runs, text, 8, 10)).toBe(false);
    expect(holdsSpan(runs, text, 8, 11)).toBe(true);
  });
});

describe('rule regexes across line breaks, double spaces and no-break spaces', () => {
  const rule = testRule('control/t-not-allowed', ['not allowed to'], { patterns: [{ regex: '\\bnot allowed to\\b' }], unless: [{ regex: 'allowed to park', scope: 'overlap' }] });
  const set = testSet([rule]);
  it('matches, with offsets into the text as written', () => {
    for (const gap of ['\n', '  ', '\u00a0', '\r\n', ' \n ']) {
      const src = `Sam is not${gap}allowed to go out.`;
      const [f] = analyse(src, set).findings;
      expect(f?.text).toBe(`not${gap}allowed to`);
      expect(src.slice(f!.start!.offset, f!.end!.offset)).toBe(f!.text);
    }
  });

  it('a regex without literal anchors reads each sentence flat too', () => {
    // No word the scan could look for: this regex runs on every sentence.
    const any = testRule('control/t-room', ['Room 12'], { patterns: [{ regex: '\\b[A-Z][a-z]+ [0-9]{2}\\b' }] });
    const anySet = testSet([any]);
    for (const gap of [' ', '  ', '\u00a0', '\t']) {
      const src = `We met in Room${gap}12 today. Then we left.`;
      const found = analyse(src, anySet).findings;
      expect(found.map((f) => f.text)).toEqual([`Room${gap}12`]);
      expect(src.slice(found[0]!.start!.offset, found[0]!.end!.offset)).toBe(found[0]!.text);
    }
  });

  it('an unless pattern reads the sentence flat too', () => {
    expect(analyse('Sam is not allowed to\npark there.', set).findings).toEqual([]);
    expect(analyse('Sam is not allowed to go there.', set).findings).toHaveLength(1);
  });
});
