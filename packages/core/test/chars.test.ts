/** chars.ts: character tests by code must answer exactly as the RegExps they replace. */
import { describe, expect, it } from 'vitest';
import { isAsciiDigit, isAsciiLetter, isKeySpace, isRegExpWordCode, isSpace } from '../src/chars.js';

describe('isKeySpace', () => {
  it('is white space as /\\s/ sees it, or a hyphen (-, U+2010, U+2011), for every code unit and beyond', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0x10ffff; c += c < 0x10000 ? 1 : 0x101) {
      const expected = c === 45 || c === 0x2010 || c === 0x2011 || /\s/.test(String.fromCodePoint(c));
      if (isKeySpace(c) !== expected) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe('isSpace', () => {
  it('is /\\s/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('isAsciiLetter', () => {
  it('is /[A-Za-z]/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isAsciiLetter(c) !== /[A-Za-z]/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('isAsciiDigit', () => {
  it('is /[0-9]/ for every UTF-16 code unit, and false outside a text (NaN)', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isAsciiDigit(c) !== /[0-9]/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(isAsciiDigit('12'.charCodeAt(5))).toBe(false);
  });
});

describe('isRegExpWordCode', () => {
  it('is exactly /\\w/ on every UTF-16 code unit, and false outside a text (NaN)', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isRegExpWordCode(c) !== /\w/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(isRegExpWordCode('ab'.charCodeAt(5))).toBe(false);
  });
});
