/** UK postcode forms, pseudo-postcodes and the finder's organisation and ordinal traps. */
import { describe, expect, it } from 'vitest';
import { classifyPostcode, findPostcodes } from '../../src/privacy/postcode.js';

const spans = (s: string) => findPostcodes(s).map((h) => s.slice(h.start, h.end));

describe('classifyPostcode', () => {
  it.each(['ZY1A 1AA', 'Z1 1AA', 'ZY2A 1BB', 'Z1A 0AX', 'Z33 8TH', 'ZY2 6XH', 'ZY55 1PT', 'GIR 0AA', 'ZY1 4AP', 'zy1a 1aa', 'ZY1A1AA', 'z338th'])('accepts %s', (p) => {
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
    expect(spans('He lives at Z33 8TH.')).toEqual(['Z33 8TH']);
    expect(spans('her postcode is z1 1aa.')).toEqual(['z1 1aa']);
    expect(spans('Home: ZY2A1BB.')).toEqual(['ZY2A1BB']);
  });
  it('skips pseudo-postcodes, district codes and organisation addresses', () => {
    expect(spans('Recorded as ZZ99 3VZ.')).toEqual([]);
    expect(spans('He lives in LS1.')).toEqual([]);
    expect(spans('The council office is at Z33 8TH.')).toEqual([]);
  });
  it('skips lower-case ordinals and mixed-case look-alikes', () => {
    expect(spans('on the s1 1st floor')).toEqual([]);
    expect(spans('Room Ab1 1Ab')).toEqual([]);
  });
});
