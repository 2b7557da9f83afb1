/** UK postcode forms, pseudo-postcodes and the finder's organisation and ordinal traps. */
import { describe, expect, it } from 'vitest';
import { classifyPostcode, findPostcodes } from '../../src/privacy/postcode.js';

const spans = (s: string) => findPostcodes(s).map((h) => s.slice(h.start, h.end));

describe('classifyPostcode', () => {
  it.each(['SW1A 1AA', 'M1 1AA', 'EC1A 1BB', 'W1A 0AX', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'LS1 4AP', 'sw1a 1aa', 'SW1A1AA', 'b338th'])('accepts %s', (p) => {
    expect(classifyPostcode(p)).toBe('postcode');
  });
  it.each(['Q1 1AA', 'AB1 1CI', 'V1 1AA', 'X1 1AA', 'AI1 1AA', 'A1 AAA', 'SW1A', '12 3AB'])('rejects %s', (p) => {
    expect(classifyPostcode(p)).toBeUndefined();
  });
  it('recognises ZZ99 pseudo-postcodes deliberately', () => {
    expect(classifyPostcode('ZZ99 3VZ')).toBe('pseudo');
    expect(classifyPostcode('zz993vz')).toBe('pseudo');
  });
});

describe('findPostcodes', () => {
  it('finds upper, lower and unspaced forms in a personal context', () => {
    expect(spans('He lives at B33 8TH.')).toEqual(['B33 8TH']);
    expect(spans('her postcode is m1 1aa.')).toEqual(['m1 1aa']);
    expect(spans('Home: EC1A1BB.')).toEqual(['EC1A1BB']);
  });
  it('skips pseudo-postcodes, district codes and organisation addresses', () => {
    expect(spans('Recorded as ZZ99 3VZ.')).toEqual([]);
    expect(spans('He lives in LS1.')).toEqual([]);
    expect(spans('The council office is at B33 8TH.')).toEqual([]);
  });
  it('skips lower-case ordinals and mixed-case look-alikes', () => {
    expect(spans('on the s1 1st floor')).toEqual([]);
    expect(spans('Room Ab1 1Ab')).toEqual([]);
  });
});
