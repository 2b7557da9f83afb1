import { describe, expect, it } from 'vitest';
import { builtinRules, CATEGORIES, didYouMean } from '../src/index.js';

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
