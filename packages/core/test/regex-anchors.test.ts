/** Required-literal extraction for rule regexes (the prefilter that keeps regex rules cheap). */
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../src/patterns/regex-anchors.js';

describe('requiredLiterals', () => {
  it('finds the longest mandatory literal in a sequence', () => {
    expect(requiredLiterals('\\b(?:he|she|they) (?:is|was) (?:very )?challenging\\b')).toEqual(['challenging']);
  });
  it('unions the branches of an alternation', () => {
    expect(requiredLiterals('\\b(?:agitated|agitating) (?:for|against)\\b')?.sort()).toEqual(['agitated', 'agitating']);
  });
  it('continues a literal across zero-width assertions and case pairs', () => {
    expect(requiredLiterals('\\b[Cc]laims\\b that')).toEqual(['claims that']);
  });
  it('uses quantified groups only when they must occur', () => {
    expect(requiredLiterals('(?:very )?rude')).toEqual(['rude']);
    expect(requiredLiterals('(?:abscond)+ed')).toEqual(['abscond']);
  });
  it('returns null when nothing long enough is required', () => {
    expect(requiredLiterals('\\b[A-Z][a-z]+ \\d+\\b')).toBeNull();
    expect(requiredLiterals('\\b(?:he|it) (?:is|was)\\b')).toBeNull();
    expect(requiredLiterals('(?:foo|\\d+)bar?')).toBeNull();
  });
  it('returns null for an unparsable source instead of throwing', () => {
    expect(requiredLiterals('(')).toBeNull();
  });
  it('never claims a literal a real match lacks (property over samples)', () => {
    const cases: [string, string[]][] = [
      ['\\b(?:is|was) not (?:allowed|permitted) to\\b', ['She is not allowed to go out.', 'He was not permitted to smoke.']],
      ['\\bkick(?:s|ed|ing)? off\\b', ['He kicked off at tea.', 'She kicks off most nights.']],
      ['\\b(?:a|an) (?:early )?drop ?-?out\\b', ['She is a dropout.', 'an early drop-out']],
    ];
    for (const [src, samples] of cases) {
      const req = requiredLiterals(src);
      const re = new RegExp(src, 'i');
      for (const s of samples) {
        const m = re.exec(s);
        expect(m, `${src} should match ${s}`).not.toBeNull();
        if (req) expect(req.some((lit) => m![0].toLowerCase().includes(lit)), `${src}: ${req} in ${m![0]}`).toBe(true);
      }
    }
  });
});
