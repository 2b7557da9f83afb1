/** NHS number check digit, test range, CHI shape and the finder's cue rules. */
import { describe, expect, it } from 'vitest';
import { findNhsNumbers, isChiShape, isNhsTestNumber, isValidNhsNumber, nhsCheckDigit } from '../../src/privacy/nhs-number.js';

const spans = (s: string) => findNhsNumbers(s).map((h) => s.slice(h.start, h.end));

// Fixtures use the 999 000 0000–999 999 9999 test range. The few tests about numbers outside it use
// 001 234 5679: valid by the check digit, but below the CHI range (a CHI number starts with a day,
// never 00) and in no range NHS England issues, so it can never be anyone's number.
const OUTSIDE = '001 234 5679';

describe('NHS number check digit (modulus 11)', () => {
  it.each(['999 456 7896', '999 345 6780', '999 000 0018', '999 999 9999', '9994567896', '999-456-7896', OUTSIDE])('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });
  it.each(['123 456 7890', '987 654 4321', '999 456 7895', '999 456 789', '99945678960', '999 000 0000', '999 123 4560', 'abc def ghij'])('rejects %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });
  it('computes the check digit and refuses nine digits whose check would be 10', () => {
    expect(nhsCheckDigit('999456789')).toBe(6);
    expect(nhsCheckDigit('999345678')).toBe(0);
    // Some test-range numbers cannot exist either: 999 000 000 and 999 123 456 both give 10.
    expect(nhsCheckDigit('999000000')).toBeUndefined();
    expect(nhsCheckDigit('999123456')).toBeUndefined();
    // 1*10+2*9+3*8+4*7+5*6+6*5+7*4+8*3+9*2 = 210; 210 mod 11 = 1; 11-1 = 10 → never issued.
    expect(nhsCheckDigit('123456789')).toBeUndefined();
    expect(nhsCheckDigit('12345678')).toBeUndefined();
  });
  it('knows the 999 test range', () => {
    expect(isNhsTestNumber('999 000 0018')).toBe(true);
    expect(isNhsTestNumber('999-456-7896')).toBe(true);
    expect(isNhsTestNumber(OUTSIDE)).toBe(false);
  });
  it('checks the CHI date layout', () => {
    expect(isChiShape('0101001234')).toBe(true);
    expect(isChiShape('3213001234')).toBe(false);
  });
});

describe('findNhsNumbers', () => {
  it('finds 3-3-4 numbers without a cue and plain ones with a cue', () => {
    expect(spans('Seen today, 999 456 7896 on the letter.')).toEqual(['999 456 7896']);
    expect(spans('NHS no: 9994567896.')).toEqual(['9994567896']);
    expect(spans('Reference 9994567896.')).toEqual([]);
    expect(spans('NHS:9994567896')).toEqual(['9994567896']);
  });
  it('ignores numbers that fail the check, even after a cue', () => {
    expect(spans('NHS number 123 456 7890.')).toEqual([]);
  });
  it('ignores case references, phone and invoice cues without an NHS cue', () => {
    expect(spans('Case ref 999 456 7896.')).toEqual([]);
    expect(spans('Invoice 999 345 6780 was paid.')).toEqual([]);
  });
  it('marks the test range as fictional and nothing else', () => {
    expect(findNhsNumbers('NHS number 999 000 0018.')[0]?.fictional).toBe(true);
    expect(findNhsNumbers(`NHS number ${OUTSIDE}.`)[0]?.fictional).toBeUndefined();
  });
  it('does not match inside longer digit runs, money or decimals', () => {
    expect(spans('Account 19994567896 and £999 456 7896.')).toEqual([]);
  });
  it('finds CHI numbers only after a CHI cue', () => {
    expect(spans('CHI 0101001234 on file.')).toEqual(['0101001234']);
    expect(spans('Code 0101001234 on file.')).toEqual([]);
  });
});
