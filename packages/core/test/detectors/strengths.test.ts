/** strengths: counting strengths and aspiration statements, negation, and the plan-level finding. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { repoRuleSet } from '../helpers.js';

const set = repoRuleSet((r) => r.id === 'voice/strengths');

describe('strengths', () => {
  it('counts one per sentence with a strength or aspiration, skipping negated ones', () => {
    const r = analyse(
      'Jack enjoys gardening and loves his cat. He is proud of his roses. He is good at chess. He would like to go back to work. He does not enjoy crowds. He needs help with washing.',
      set,
    );
    expect(r.stats.strengths).toBe(4);
  });

  it.each([
    ["What's important to me is my sister.", 1],
    ['What people like and admire about Riya: her laugh.', 1],
    ['Riya hopes to move into her own flat.', 1],
    ['Riya is not good at mornings.', 0],
    ['Riya needs two carers.', 0],
  ])('%s → %i', (text, n) => {
    expect(analyse(text, set).stats.strengths).toBe(n);
  });

  it('reports a plan with none, at info and without a span', () => {
    const r = analyse('Support plan\n\nJack has dementia. He needs help with washing. He is at risk of falls.', set);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.start])).toEqual([['voice/strengths', 'info', undefined]]);
    expect(r.stats.strengths).toBe(0);
    expect(r.stats.kind).toBe('plan');
  });

  it('does not report a case note with none', () => {
    expect(analyse('Home visit. Jack has dementia. He needs help with washing. He is at risk of falls.', set).findings).toEqual([]);
  });
});
