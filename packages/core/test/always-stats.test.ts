/**
 * AnalyseOptions.alwaysStats: the strengths and voice figures are computed even when the voice
 * rules are off (as `sourdough audit --disable voice` needs), and nothing those rules report
 * becomes a finding.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { repoRuleSet } from './helpers.js';

const set = repoRuleSet((r) => r.category === 'voice' || r.id === 'blaming/refuses');
const PLAN = 'Support plan\n\nJack has a diagnosis of dementia. He needs help with washing every morning. He is at risk of falls at night. He enjoys gardening with his brother.';

describe('alwaysStats', () => {
  it('keeps the strengths and voice figures with the voice rules off, and reports no voice finding', () => {
    const on = analyse(PLAN, set);
    expect(on.findings.map((f) => f.ruleId)).toContain('voice/plan-person-voice');
    const off = analyse(PLAN, set, { disable: ['voice'], alwaysStats: true });
    expect(off.findings.filter((f) => f.category === 'voice')).toEqual([]);
    expect(off.stats).toMatchObject({ kind: 'plan', strengths: 1, personVoiceShare: on.stats.personVoiceShare });
    expect(off.stats.strengths).toBe(on.stats.strengths);
  });

  it('without it, the figures go with the rules (as before)', () => {
    const off = analyse(PLAN, set, { disable: ['voice'] });
    expect(off.stats.strengths).toBeUndefined();
    expect(off.stats.personVoiceShare).toBeUndefined();
    expect(off.stats.kind).toBeUndefined();
  });

  it('runs an off rule for its figures only when no rule on uses its detector, ', () => {
    // plan-person-voice on, note-person-view off: the figures are the same either way.
    const one = analyse(PLAN, set, { disable: ['voice/note-person-view', 'voice/strengths'], alwaysStats: true });
    expect(one.stats).toMatchObject({ kind: 'plan', strengths: 1 });
    expect(one.findings.map((f) => f.ruleId)).toEqual(['voice/plan-person-voice']);
  });

  it('leaves other rules alone: a finding of a rule that is on is still reported, one that is off is not', () => {
    const r = analyse('Jack refused his tablets. He enjoys gardening.', set, { disable: ['voice', 'blaming'], alwaysStats: true });
    expect(r.findings).toEqual([]);
    expect(r.stats.strengths).toBe(1);
  });
});
