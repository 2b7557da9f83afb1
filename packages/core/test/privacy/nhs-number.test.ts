/** NHS number check digit, test range, CHI shape and the finder's cue rules. */
import { describe, expect, it } from 'vitest';
import { findNhsNumbers, isChiShape, isNhsTestNumber, isValidNhsNumber, nhsCheckDigit } from '../../src/privacy/nhs-number.js';

const spans = (s: string) => findNhsNumbers(s).map((h) => s.slice(h.start, h.end));

describe('NHS number check digit (modulus 11)', () => {
  it.each(['943 476 5919', '987 654 3210', '999 000 0018', '900 000 0009', '9434765919', '943-476-5919'])('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });
  it.each(['123 456 7890', '987 654 4321', '943 476 5918', '943 476 591', '94347659190', 'abc def ghij'])('rejects %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });
  it('computes the check digit and refuses nine digits whose check would be 10', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('987654321')).toBe(0);
    // 1*10+2*9+3*8+4*7+5*6+6*5+7*4+8*3+9*2 = 210; 210 mod 11 = 1; 11-1 = 10 → never issued.
    expect(nhsCheckDigit('123456789')).toBeUndefined();
    expect(nhsCheckDigit('12345678')).toBeUndefined();
  });
  it('knows the 999 test range', () => {
    expect(isNhsTestNumber('999 000 0018')).toBe(true);
    expect(isNhsTestNumber('943 476 5919')).toBe(false);
  });
  it('checks the CHI date layout', () => {
    expect(isChiShape('0101001234')).toBe(true);
    expect(isChiShape('3213001234')).toBe(false);
  });
});

describe('findNhsNumbers', () => {
  it('finds 3-3-4 numbers without a cue and plain ones with a cue', () => {
    expect(spans('Seen today, 943 476 5919 on the letter.')).toEqual(['943 476 5919']);
    expect(spans('NHS no: 9434765919.')).toEqual(['9434765919']);
    expect(spans('Reference 9434765919.')).toEqual([]);
    expect(spans('NHS:9434765919')).toEqual(['9434765919']);
  });
  it('ignores numbers that fail the check, even after a cue', () => {
    expect(spans('NHS number 123 456 7890.')).toEqual([]);
  });
  it('ignores case references, phone and invoice cues without an NHS cue', () => {
    expect(spans('Case ref 943 476 5919.')).toEqual([]);
    expect(spans('Invoice 987 654 3210 was paid.')).toEqual([]);
  });
  it('marks the test range as fictional and nothing else', () => {
    expect(findNhsNumbers('NHS number 999 000 0018.')[0]?.fictional).toBe(true);
    expect(findNhsNumbers('NHS number 943 476 5919.')[0]?.fictional).toBeUndefined();
  });
  it('does not match inside longer digit runs, money or decimals', () => {
    expect(spans('Account 19434765919 and £943 476 5919.')).toEqual([]);
  });
  it('finds CHI numbers only after a CHI cue', () => {
    expect(spans('CHI 0101001234 on file.')).toEqual(['0101001234']);
    expect(spans('Code 0101001234 on file.')).toEqual([]);
  });
});
