/**
 * The cost checks on rule regexes: nested repetition is refused, optional groups are not; an
 * unbounded repetition that reads across words is refused inside a look-behind and where a match
 * can begin (quadratic on a long sentence), and allowed after a word or with a bound.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex, isSafeRegex, regexProblem } from '../src/patterns/regex.js';
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

describe('quadratic regexes', () => {
  it.each([
    // The written-out check jargon/support-acronyms once had: `.*` read back at every character.
    String.raw`(?<=\b[Pp]ackages? of care\b.*)\bPOCs?\b`,
    String.raw`\bPA\b|(?<=\bpersonal assistant\b[^.]*)\bPA\b`,
    String.raw`(?<!\bnot\b.+)\brefused\b`,
    String.raw`(?<=(?:staff|we)[\w\s]+)stopped\b`,
    String.raw`.*\brefused\b`,
    String.raw`\b.*?\bcare\b`,
    String.raw`(?:very\s+)?[^.]+ refused\b`,
    String.raw`(?:.+) refused\b`,
    String.raw`\bfoo\b|[^;]* refused\b`,
  ])('refuses %s', (src) => {
    expect(isSafeRegex(src, 'gi')).toBe(false);
    expect(regexProblem(src, 'gi')).toMatch(/slow on a long sentence.*upper bound/);
  });

  it.each([
    String.raw`(?<=\b[Pp]ackages? of care\b.{0,300})\bPOCs?\b`,
    String.raw`\bPOCs?\b(?=.*\b[Pp]ackages? of care\b)`,
    String.raw`\brefus\w*\b.*\bcare\b`,
    String.raw`^.*?\b(?:allegation|safeguarding)\b`,
    String.raw`\s+refused\b`,
    String.raw`\w+ing\b`,
    String.raw`(?<![a-z])refused\b`,
    String.raw`(?<=\b(?:waiting|wait)\b[a-z ]{0,30}\bfor )package\b`,
  ])('accepts %s', (src) => {
    expect(regexProblem(src, 'gi')).toBeUndefined();
  });

  it('counts a class that matches a letter only in another case as reading across words', () => {
    expect(isSafeRegex(String.raw`(?<=[A-Z ]+)x`, 'g')).toBe(false);
    expect(isSafeRegex(String.raw`(?<=[A-Z]+)x`, 'g')).toBe(true);
  });

  it('suggests a bound above the repetition\'s own minimum', () => {
    expect(regexProblem(String.raw`(?<=\bcare\b.{100,})x`, 'g')).toContain('`.{100,200}`');
    expect(regexProblem(String.raw`(?<=\bcare\b.+?)x`, 'g')).toContain('`.{1,60}?`');
  });

  it('treats ^ as the sentence start unless the m flag is set', () => {
    expect(isSafeRegex(String.raw`^.*refused`, 'g')).toBe(true);
    expect(isSafeRegex(String.raw`^.*refused`, 'gm')).toBe(false);
  });

  it('names the repetition and a bounded form in the load error', () => {
    expect(() => compileRegex(String.raw`(?<=\bcare\b.*)\bPOC\b`, false, 'jargon/x')).toThrow(/jargon\/x: regex .* `\.\*` inside a look-behind .* `\.\{0,60\}`/);
    expect(() => compileRegex(String.raw`[^.]+ refused`, false, 'jargon/x')).toThrow(/a match can begin with `\[\^\.\]\+`.*`\[\^\.\]\{1,60\}`/);
  });
});
