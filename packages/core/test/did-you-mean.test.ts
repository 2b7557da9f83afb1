import { describe, expect, it } from 'vitest';
import { builtinRules, CATEGORIES, didYouMean, didYouMeanHint } from '../src/index.js';

const ids = builtinRules().map((r) => r.id);

describe('didYouMean', () => {
  it('finds the rule a typo meant, by whole id or by the name after the slash', () => {
    expect(didYouMean('blaming/refuse', ids)[0]).toBe('blaming/refuses');
    expect(didYouMean('Blaming/Refuses', ids)[0]).toBe('blaming/refuses');
    expect(didYouMean('refuse', ids)).toContain('blaming/refuses');
    expect(didYouMean('blameing', [...CATEGORIES])).toEqual(['blaming']);
  });

  it('offers at most three, closest first, and nothing for nonsense', () => {
    expect(didYouMean('blaming/x', ids).length).toBeLessThanOrEqual(3);
    expect(didYouMean('zzzzzzzzzzzz', ids)).toEqual([]);
  });

  it('returns only ids it was given, never the text it was asked about', () => {
    const wanted = 'blaming/refuses-Zephyrine';
    for (const id of didYouMean(wanted, ids)) expect(ids).toContain(id);
  });
});

describe('didYouMeanHint', () => {
  it('offers one, two or three ids as a sentence, and nothing when none is close', () => {
    expect(didYouMeanHint([])).toBe('');
    expect(didYouMeanHint(['blaming/refuses'])).toBe(' Did you mean "blaming/refuses"?');
    expect(didYouMeanHint(['blaming/refuses', 'blaming/refused'])).toBe(' Did you mean "blaming/refuses" or "blaming/refused"?');
    expect(didYouMeanHint(['a/b', 'a/c', 'a/d'])).toBe(' Did you mean "a/b", "a/c" or "a/d"?');
  });

  it('writes each id as asked (a web page links them)', () => {
    expect(didYouMeanHint(['a/b', 'a/c'], (id) => `<a href="/rules/${id}">${id}</a>`)).toBe(' Did you mean <a href="/rules/a/b">a/b</a> or <a href="/rules/a/c">a/c</a>?');
  });
});
