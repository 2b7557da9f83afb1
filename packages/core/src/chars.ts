/**
 * Character tests by code, for the hot loops that would otherwise run a RegExp per character.
 * Pure.
 */

/** White space exactly as /\s/ reads it (ASCII without a RegExp). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * What the scan's keys skip between their words (scan.ts; regex-anchors.ts reads a regex's runs of
 * it as one space): white space as `\s` sees it, and hyphens (-, U+2010, U+2011).
 */
export function isKeySpace(c: number): boolean {
  if (c < 128) return c === 45 || c === 32 || (c >= 9 && c <= 13);
  return c === 0x2010 || c === 0x2011 || isSpace(c);
}

/** 0–9 (/[0-9]/), by character code (false for NaN, outside a text). */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** a–z (/[a-z]/), by character code (false for NaN, outside a text). */
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A–Z or a–z (/[A-Za-z]/), by character code. */
export function isAsciiLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** [A-Za-z0-9_], a word character as RegExp's \b sees it, by character code (false for NaN, outside a text). */
export function isRegExpWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** As many spaces as `m` has characters: a replace() callback that blanks what it matches, keeping every offset. */
export function blankMatch(m: string): string {
  return ' '.repeat(m.length);
}
