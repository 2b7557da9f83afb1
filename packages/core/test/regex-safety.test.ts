/** The backtracking check on rule regexes: nested repetition is refused, optional groups are not. */
import { describe, expect, it } from 'vitest';
import { compileRegex, isSafeRegex } from '../src/patterns/regex.js';
import { SourdoughError } from '../src/errors.js';

describe('isSafeRegex', () => {
  it.each([
    String.raw`\bimpacted\s+(?:wisdom\s+)?(?:tooth|teeth)\b`,
    String.raw`\b(?:his|her) (?:very\s+)?challenging\b`,
    String.raw`(?<![a-z])refused\b`,
    String.raw`\bkick(?:s|ed|ing)? off\b(?! the)`,
    String.raw`\b\d{1,3}(?:,\d{3})*\b`,
  ])('accepts %s', (src) => {
    expect(isSafeRegex(src)).toBe(true);
  });

  it.each([String.raw`(a+)+b`, String.raw`(a*)*`, String.raw`(?:x+\s){0,3}`, String.raw`((ab)+c)*`, String.raw`(?=(a+)+)b`, '('])('refuses %s', (src) => {
    expect(isSafeRegex(src)).toBe(false);
  });

  it('makes compileRegex throw SD_ERR_RULE_REGEX naming the rule', () => {
    expect(() => compileRegex('(a+)+b', false, 'blaming/x')).toThrow(SourdoughError);
    expect(() => compileRegex('(a+)+b', false, 'blaming/x')).toThrow(/blaming\/x.*backtrack/);
    expect(compileRegex('(a+)+b', false, 'blaming/x', undefined, true).source).toBe('(a+)+b');
  });
});
