/**
 * The cheap prefilters in front of two per-finding context checks never change an answer:
 * isFirstPerson equals its token reading (firstPersonByTokens), and negationCue equals
 * negationCueByTokens, at every offset of arbitrary sentences — including words cut by the edge of
 * the text each one reads, letters that lower-case to ASCII (U+0130, U+212A), digits, underscores
 * and curly apostrophes next to the words they look for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstPersonByTokens, isFirstPerson } from '../../src/context/first-person.js';
import { negationCue, negationCueByTokens } from '../../src/context/negation.js';

const pieces = fc.constantFrom(
  'I', 'i', "I'm", 'I’ve', 'Im', 'Ive', 'me', 'Me', 'MY', 'my', 'myself', 'mine', 'Imagine', 'Jaime', 'time', 'home',
  'not', 'Not', 'NOT', 'no', 'never', 'cannot', 'without', 'free', 'of', 'denies', 'isnt', "isn't", 'didn’t', 'nothing', 'nor',
  'only', 'just', 'sure', 'one', 'but', 'because', 'which', 'and', 'so', 'he', 'she', 'Jack', 'staff', 'refuses', 'support',
  'a', 'the', 'is', 'was', 'have', 'really', ' ', ' ', ' ', '  ', ',', '.', ';', ':', ' - ', '—', '(', '"', '“', '”', "'", '’',
  '_', '2', 'é', '\u0130', '\u212A', 'x'.repeat(40), 'y'.repeat(75),
);
const sentence = fc.array(pieces, { maxLength: 50 }).map((a) => a.join(''));

describe('context prefilters', () => {
  it('isFirstPerson answers as its token reading does, at every offset', () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), (s, possessive) => {
        for (let at = 0; at <= s.length; at++) {
          expect(isFirstPerson(s, at, { possessive })).toBe(firstPersonByTokens(s, at, { possessive }));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('negationCue answers as its token reading does, at every offset', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        for (let at = 0; at <= s.length; at++) expect(negationCue(s, at)).toBe(negationCueByTokens(s, at));
      }),
      { numRuns: 400 },
    );
  });

  it('still finds what a word cut at the edge of the text read makes', () => {
    // The 80-character opening ends inside "Imagine": the token reading sees "I" after three lead words.
    const s = `And${' '.repeat(30)}so${' '.repeat(30)}then,${' '.repeat(9)}Imagine refused.`;
    expect(s.slice(0, 80).endsWith(' I')).toBe(true);
    expect(firstPersonByTokens(s, s.indexOf('refused'))).toBe(true);
    expect(isFirstPerson(s, s.indexOf('refused'))).toBe(true);
    // The 100 characters before the match begin inside "knot": the token reading sees "not".
    const t = `A knot ${'w'.repeat(95)} refuses.`;
    const rel = t.indexOf('refuses');
    expect(t.slice(rel - 100, rel).startsWith('not ')).toBe(true);
    expect(negationCueByTokens(t, rel)).toBe('not');
    expect(negationCue(t, rel)).toBe('not');
  });

  it('answers no without reading tokens when no candidate word is there', () => {
    expect(isFirstPerson('Jack refuses his tablets most mornings.', 12)).toBe(false);
    expect(negationCue('Jack refuses his tablets most mornings.', 5)).toBeUndefined();
    expect(isFirstPerson('I sometimes refuse to go out.', 13)).toBe(true);
    expect(negationCue('Jack did not refuse his tablets.', 13)).toBe('not');
  });
});
