/**
 * Identifiers pasted from Word or a PDF often keep a no-break space (U+00A0) or a narrow no-break
 * space (U+202F) between their groups, so that they do not wrap: "Z33 8TH", "999 456 7896",
 * "AB 12 34 56 C". They are the same identifiers and are found the same way, with exact offsets.
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, readers } from '../../src/index.js';
import { findPostcodes, classifyPostcode } from '../../src/privacy/postcode.js';
import { findNhsNumbers } from '../../src/privacy/nhs-number.js';
import { findNiNumbers } from '../../src/privacy/ni-number.js';

const spans = (s: string, find: (s: string) => { start: number; end: number }[]) => find(s).map((h) => s.slice(h.start, h.end));

describe('identifiers with no-break spaces', () => {
  for (const sp of ['\u00a0', '\u202f']) {
    const name = sp === '\u00a0' ? 'no-break space' : 'narrow no-break space';
    it(`finds a postcode split by a ${name}`, () => {
      expect(classifyPostcode(`Z33${sp}8TH`)).toBe('postcode');
      expect(classifyPostcode(`ZZ99${sp}3VZ`)).toBe('pseudo');
      expect(spans(`She moved to 4 Mill Lane, Z33${sp}8TH, in May.`, findPostcodes)).toEqual([`Z33${sp}8TH`]);
    });
    it(`finds an NHS number grouped with a ${name}`, () => {
      expect(spans(`NHS number: 999${sp}456${sp}7896.`, findNhsNumbers)).toEqual([`999${sp}456${sp}7896`]);
      // Mixed separators are still not one number.
      expect(spans(`NHS number: 999${sp}456 7896.`, findNhsNumbers)).toEqual([]);
    });
    it(`finds an NI number grouped with a ${name}`, () => {
      expect(spans(`Her NI number is AB${sp}12${sp}34${sp}56${sp}C.`, findNiNumbers)).toEqual([`AB${sp}12${sp}34${sp}56${sp}C`]);
    });
  }

  it('reports them through the rules with offsets on the source', () => {
    const src = 'Nadia lives at 4 Mill Lane,\nZ33\u00a08TH. NI number AB\u00a012\u00a034\u00a056\u00a0C.';
    const fs = analyse(readers.text(src), builtinRuleSet()).findings.filter((f) => f.category === 'privacy' && f.ruleId !== 'privacy/person-name');
    expect(fs.map((f) => f.ruleId).sort()).toEqual(['privacy/ni-number', 'privacy/postcode', 'privacy/street-address']);
    for (const f of fs) expect(src.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('still leaves a no-break space between unrelated numbers alone', () => {
    expect(spans('Visits at 10\u00a0am and 2\u00a0pm, 3\u00a0times a week.', findNhsNumbers)).toEqual([]);
    expect(spans('Room 12\u00a0AB is on the left.', findPostcodes)).toEqual([]);
  });
});
