/** National Insurance number prefixes, suffixes and the finder's case and cue rules. */
import { describe, expect, it } from 'vitest';
import { findNiNumbers, isValidNino, isValidNinoPrefix } from '../../src/privacy/ni-number.js';

const spans = (s: string) => findNiNumbers(s).map((h) => s.slice(h.start, h.end));

describe('NINO format', () => {
  it.each(['AB 12 34 56 C', 'AB123456C', 'ab 12 34 56 c', 'CE 12 34 56 D', 'PZ123456A', 'OO123456A'])('accepts %s', (n) => {
    expect(isValidNino(n)).toBe(true);
  });
  it.each(['QQ 12 34 56 A', 'GB123456A', 'ZZ123456A', 'AO123456A', 'DA123456A', 'BG123456A', 'NK123456A', 'TN123456A', 'FA123456A', 'AB123456E', 'AB12345C', 'AB123456'])(
    'rejects %s',
    (n) => {
      expect(isValidNino(n)).toBe(false);
    },
  );
  it('applies the prefix letter rules', () => {
    for (const bad of ['D', 'F', 'I', 'Q', 'U', 'V']) {
      expect(isValidNinoPrefix(`${bad}A`)).toBe(false);
      expect(isValidNinoPrefix(`A${bad}`)).toBe(false);
    }
    expect(isValidNinoPrefix('AO')).toBe(false);
    expect(isValidNinoPrefix('AB')).toBe(true);
  });
});

describe('findNiNumbers', () => {
  it('finds spaced and unspaced NINOs', () => {
    expect(spans('NI AB 12 34 56 C and AB123456C.')).toEqual(['AB 12 34 56 C', 'AB123456C']);
  });
  it("marks HMRC's QQ example fictional, and only a full QQ number", () => {
    expect(findNiNumbers('NINO QQ 12 34 56 A and AB 12 34 56 C.').map((h) => h.fictional ?? false)).toEqual([true, false]);
    expect(spans('The form shows QQ 123456 A.')).toEqual(['QQ 123456 A']);
    expect(spans('The form shows QQ 12 34 56 E and QQ 12 34 56.')).toEqual([]);
  });
  it('needs a cue for lower case or a missing suffix', () => {
    expect(spans('Note ab 12 34 56 c here.')).toEqual([]);
    expect(spans('National Insurance ab 12 34 56 c.')).toEqual(['ab 12 34 56 c']);
    expect(spans('Code AB 12 34 56.')).toEqual([]);
    expect(spans('NI number AB 12 34 56.')).toEqual(['AB 12 34 56']);
  });
  it('finds a TRN only after its cue', () => {
    expect(spans('TRN 12 A3 45 67.')).toEqual(['12 A3 45 67']);
    expect(spans('Room 12 A3 45 67.')).toEqual([]);
  });
});
