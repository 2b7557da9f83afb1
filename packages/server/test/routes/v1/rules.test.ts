/** GET /v1/rules and GET /v1/rules/:category/:name. */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@sourdough/core';
import { expectError, shared } from '../../helper.js';

const app = shared();

describe('GET /v1/rules', () => {
  it('lists every built-in rule, sorted by id, with its rationale and suggestions', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/rules' });
    expect(res.statusCode).toBe(200);
    const { rules } = res.json();
    expect(rules.map((r: { id: string }) => r.id)).toEqual(builtinRules().map((r) => r.id).sort());
    const refuses = rules.find((r: { id: string }) => r.id === 'blaming/refuses');
    expect(refuses).toMatchObject({ category: 'blaming', severity: 'warning', url: 'docs/rules/blaming/refuses.md' });
    expect(refuses.rationale.length).toBeGreaterThan(20);
    expect(refuses.suggest).toContain('declined');
  });

  it('filters by category', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/rules?category=blaming' });
    const { rules } = res.json();
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r: { category: string }) => r.category === 'blaming')).toBe(true);
  });

  it('answers an unknown category with 400', async () => {
    expectError(await app().inject({ method: 'GET', url: '/v1/rules?category=rudeness' }), 400, 'SD_ERR_VALIDATION');
  });

  it('lists the categories it takes when one is unknown, without repeating what was sent', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/rules?category=blamin' });
    const { message } = res.json();
    expect(message).toBe('The request is not in the expected shape: querystring.category must be one of: deficit, gatekeeping, dehumanising, blaming, control, jargon, voice, privacy.');
    expect(message).not.toContain('blamin,');
  });

  it('marks a rule that runs only when enabled by its id, in the list and on its own', async () => {
    const { rules } = (await app().inject({ method: 'GET', url: '/v1/rules?category=voice' })).json();
    const optIn = rules.filter((r: { optIn?: boolean }) => r.optIn).map((r: { id: string }) => r.id);
    expect(optIn).toEqual(['voice/long-sentence']);
    expect(rules.find((r: { id: string }) => r.id === 'voice/passive-decision')).not.toHaveProperty('optIn');
    const one = (await app().inject({ method: 'GET', url: '/v1/rules/voice/long-sentence' })).json();
    expect(one).toMatchObject({ optIn: true, detector: 'long-sentence', params: { maxWords: 35 } });
  });
});

describe('GET /v1/rules/:category/:name', () => {
  it('returns one rule with examples and sources', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/rules/blaming/refuses' });
    expect(res.statusCode).toBe(200);
    const rule = res.json();
    const data = builtinRules().find((r) => r.id === 'blaming/refuses')!;
    expect(rule.examples).toEqual(data.examples);
    expect(rule.sources).toEqual(data.sources);
    expect(rule.patterns).toEqual(data.patterns);
    expect(rule).not.toHaveProperty('file');
    expect(rule).not.toHaveProperty('expanded');
  });

  it("carries a rule's wording for each term it finds, and that it reports only first uses", async () => {
    const rule = (await app().inject({ method: 'GET', url: '/v1/rules/jargon/support-acronyms' })).json();
    expect(rule.suggestFor).toMatchObject({ PA: ['personal assistant'], DP: ['direct payment'] });
    expect(rule.firstUseOnly).toBe(true);
    const other = (await app().inject({ method: 'GET', url: '/v1/rules/blaming/aggressive' })).json();
    expect(other).not.toHaveProperty('suggestFor');
    expect(other).not.toHaveProperty('firstUseOnly');
  });

  it('answers an unknown rule with 404', async () => {
    expectError(await app().inject({ method: 'GET', url: '/v1/rules/blaming/no-such-rule' }), 404, 'SD_ERR_RULE_NOT_FOUND');
  });

  it('suggests the closest rule ids for a mistyped one', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/rules/blaming/refuse' });
    expect(expectError(res, 404, 'SD_ERR_RULE_NOT_FOUND').message).toBe('There is no rule with that id. Did you mean "blaming/refuses"? GET /v1/rules lists them.');
  });
});
