/** Rule regexes read a sentence flat: any run of white space between words is one space. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, sentencesOf } from '../src/analyse.js';
import { flatten, fromFlat, holdsSpan, irregularSpaces, toFlat } from '../src/flat.js';
import { text as readText } from '../src/readers/text.js';
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
  it('says a sentence needs flattening exactly when flatten says so', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Sam', 'was', 'not', '.', '. ', '?', ' ', '  ', '\n', '\n\n', ' \n', '\r\n', '\t', '\u00a0', '- ', '"'), { maxLength: 40 }), (parts) => {
        const doc = readText(parts.join(' '));
        const spans = irregularSpaces(doc.text);
        for (const s of sentencesOf(doc)) expect(holdsSpan(spans, s.start, s.end)).toBe(flatten(s.text) !== null);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts only a span wholly inside [start, end)', () => {
    const spans = irregularSpaces('ab \ncd  ef');
    expect(spans).toEqual([2, 4, 6, 8]);
    expect(holdsSpan(spans, 0, 3)).toBe(false);
    expect(holdsSpan(spans, 0, 4)).toBe(true);
    expect(holdsSpan(spans, 4, 7)).toBe(false);
    expect(holdsSpan(spans, 4, 11)).toBe(true);
    expect(holdsSpan(spans, 8, 11)).toBe(false);
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

  it('an unless pattern reads the sentence flat too', () => {
    expect(analyse('Sam is not allowed to\npark there.', set).findings).toEqual([]);
    expect(analyse('Sam is not allowed to go there.', set).findings).toHaveLength(1);
  });
});
