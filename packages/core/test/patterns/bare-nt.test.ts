/** A rule regex's "n't" also matches it written without the apostrophe (patterns/regex.ts, bareNt). */
import { describe, expect, it } from 'vitest';
import { bareNt, compileRegex } from '../../src/patterns/regex.js';
import { analyse } from '../../src/analyse.js';
import { testRule, testSet } from '../context/test-rules.js';

describe('bareNt', () => {
  it('makes the apostrophe of each "n\'t" optional, however it was written', () => {
    expect(bareNt("wasn't|wasn’t")).toBe("wasn['’]?t|wasn['’]?t");
    expect(bareNt("can['’]t go")).toBe("can['’]?t go");
    expect(bareNt("isn['’]t [a-z]+")).toBe("isn['’]?t [a-z]+");
  });

  it('leaves a character class, and a regex without one, as they are', () => {
    expect(bareNt("[^n't]x")).toBe("[^n't]x");
    expect(bareNt('not allowed')).toBe('not allowed');
  });

  it('rule regexes compile with it: "wasnt" matches where "wasn\'t" does, and nothing else changes', () => {
    const re = compileRegex("\\bwasn['’]t allowed\\b", false, 'test/x');
    expect('Jack wasnt allowed out.'.match(re)?.[0]).toBe('wasnt allowed');
    re.lastIndex = 0;
    expect('Jack wasn’t allowed out.'.match(re)?.[0]).toBe('wasn’t allowed');
    re.lastIndex = 0;
    expect('Jack was allowed out.'.match(re)).toBeNull();
  });
});

describe('a rule regex on text without apostrophes', () => {
  const rule = testRule('control/t-allowed', ['allowed'], { patterns: [{ regex: "\\b(?:wasn't|isn’t) allowed (?:to|his|her)\\b" }] });
  const set = testSet([rule]);
  it('reports the same words, at their own offsets', () => {
    const src = 'Jack wasnt allowed his phone. Amy isnt allowed to smoke.';
    expect(analyse(src, set).findings.map((f) => [f.text, f.start!.offset])).toEqual([
      ['wasnt allowed his', src.indexOf('wasnt')],
      ['isnt allowed to', src.indexOf('isnt')],
    ]);
  });
});
