/**
 * anyPhraseRegex's faster twin (patterns/terms.ts, searchRegex): it must find exactly the spans the
 * look-behind regex finds in any text it is used on (a text without "_").
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyPhraseRegex, searchRegex } from '../../src/patterns/terms.js';

function spans(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(`${m.index}-${m.index + m[0].length}`);
  }
  return out;
}

const phrases = ['dog', 'dogs', 'cat', 'service user', 'wheelchair-bound', "doesn't engage", 'x2', '2:1'];
const re = anyPhraseRegex(phrases.filter((p) => /^[a-z0-9]/i.test(p)))!;

describe('searchRegex', () => {
  it('uses a twin only when the text has no underscore, and the twin is another regex', () => {
    expect(searchRegex(re, 'the dog barked')).not.toBe(re);
    expect(searchRegex(re, 'the _dog_ barked')).toBe(re);
  });

  it('gives no twin when a phrase begins with something other than an ASCII letter or digit', () => {
    const pound = anyPhraseRegex(['£30 a week', 'dog'])!;
    expect(searchRegex(pound, 'an extra £30 a week')).toBe(pound);
    const accented = anyPhraseRegex(['élan'])!;
    expect(searchRegex(accented, 'with élan')).toBe(accented);
  });

  it('still finds a phrase after "_" (the look-behind regex is used there)', () => {
    expect(spans(searchRegex(re, 'a _service user_ here'), 'a _service user_ here')).toEqual(['3-15']);
  });

  it('finds exactly the spans of the look-behind regex in any text', () => {
    const pieces = fc.constantFrom(
      'dog', 'Dogs', 'DOG', 'cat', 'cats', 'service', ' user', 'service user', 'service-user', 'wheelchair', '-bound', ' bound',
      "doesn't engage", 'doesnt engage', 'x2', '2:1', 'a', 'é', 'É', 'ß', 'ſ', 'K', '’', "'", '-', '‐', ' ', '\n', '.', ',', '(', '"',
      '1', '_', 'hot', 'dog', 'scat', 'catalogue',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        expect(spans(searchRegex(re, text), text)).toEqual(spans(re, text));
      }),
      { numRuns: 3000 },
    );
  });
});
