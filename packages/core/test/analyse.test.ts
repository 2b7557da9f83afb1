/**
 * analyse(): the finding shape (SPEC §3), options (enable, disable, severity, minSeverity),
 * de-duplication of overlapping matches, stable order, sections and stats. Test-only rules.
 */
import { describe, expect, it } from 'vitest';
import { analyse, compareFindings, resolveRules } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { RULES, testRule, testSet } from './context/test-rules.js';

const set = testSet([RULES.refused, RULES.serviceUser, RULES.respite, RULES.allowed]);

describe('the finding', () => {
  it('has the SPEC §3 shape', () => {
    const src = 'Intro line.\nJack refused personal care most mornings.';
    const [f] = analyse(src, set).findings;
    expect(f).toEqual({
      ruleId: 'blaming/t-refused',
      category: 'blaming',
      severity: 'warning',
      message: '“refused” test message.',
      text: 'refused',
      start: { line: 2, column: 6, offset: 17 },
      end: { line: 2, column: 13, offset: 24 },
      suggestions: ['something else'],
      sentence: 'Jack refused personal care most mornings.',
      url: 'docs/rules/blaming/t-refused.md',
    });
  });

  it('keeps the original spelling and case in text and message', () => {
    const [f] = analyse('The Service-User left.', set).findings;
    expect(f!.text).toBe('Service-User');
    expect(f!.message).toContain('Service-User');
  });

  it('quotes the words in the message as they read: markup and line breaks inside the match are not repeated', () => {
    const [md] = analyse(markdown('He is a service\nuser.'), set).findings;
    expect(md!.text).toBe('service\nuser');
    expect(md!.message).toBe('“service user” test message.');
    const [em] = analyse(markdown('He is a *service* user.'), set).findings;
    expect(em!.text).toBe('service* user');
    expect(em!.message).toContain('“service user”');
  });

  it('adds the section from the nearest heading above', () => {
    const f = analyse(markdown('# Mornings\n\nJack refused tea.\n\n# Evenings\n\nrespite'), set).findings;
    expect(f.map((x) => x.section)).toEqual(['Mornings', 'Evenings']);
  });
});

describe('options', () => {
  const text = 'Jack refused respite. We will allow him out.';
  const ids = (o: Parameters<typeof analyse>[2]): string[] => analyse(text, set, o).findings.map((f) => `${f.ruleId}:${f.severity}`);

  it('disable by rule id or category; enable wins over a category disable', () => {
    expect(ids({ disable: ['jargon'] })).toEqual(['blaming/t-refused:warning', 'control/t-allowed:warning']);
    expect(ids({ disable: ['blaming/t-refused', 'control'] })).toEqual(['jargon/t-respite:warning']);
    expect(ids({ disable: ['*'], enable: ['jargon/t-respite'] })).toEqual(['jargon/t-respite:warning']);
  });

  it('enable by category: the most specific name decides (rule id, then category, then *)', () => {
    expect(ids({ disable: ['*'], enable: ['jargon'] })).toEqual(['jargon/t-respite:warning']);
    expect(ids({ disable: ['*'], enable: ['jargon', 'control'] })).toEqual(['jargon/t-respite:warning', 'control/t-allowed:warning']);
    // A rule switched off by id stays off when its category is enabled.
    expect(ids({ disable: ['*', 'jargon/t-respite'], enable: ['jargon', 'control'] })).toEqual(['control/t-allowed:warning']);
    // The same name both ways: enabled wins, as it does for a rule id.
    expect(ids({ disable: ['jargon'], enable: ['jargon'] })).toEqual(['blaming/t-refused:warning', 'jargon/t-respite:warning', 'control/t-allowed:warning']);
  });

  it('severity by rule id beats severity by category', () => {
    expect(ids({ severity: { blaming: 'error', 'jargon/t-respite': 'info', jargon: 'error' } })).toEqual([
      'blaming/t-refused:error',
      'jargon/t-respite:info',
      'control/t-allowed:warning',
    ]);
  });

  it('minSeverity drops findings below it', () => {
    expect(ids({ severity: { jargon: 'info' }, minSeverity: 'warning' })).toEqual(['blaming/t-refused:warning', 'control/t-allowed:warning']);
  });

  it('resolveRules reports which rules run', () => {
    const r = resolveRules(set, { disable: ['blaming'] });
    expect(r.active).toEqual([false, true, true, true]);
  });
});

describe('overlaps and order', () => {
  it('the same rule at overlapping spans keeps the longest', () => {
    const s = testSet([testRule('control/t-overlap', ['allowed', 'allowed to', 'not allowed to'])]);
    expect(analyse('He is not allowed to go.', s).findings.map((f) => f.text)).toEqual(['not allowed to']);
  });

  it('matches of one rule that overlap without one containing the other are one finding over both', () => {
    const s = testSet([testRule('dehumanising/t-frail', ['frail elderly', 'elderly lady'])]);
    const found = analyse('Ann is a frail elderly lady. She is an elderly lady.', s).findings;
    expect(found.map((f) => f.text)).toEqual(['frail elderly lady', 'elderly lady']);
    expect(found[0]!.message).toBe('“frail elderly lady” test message.');
    // Next to each other but not overlapping: two findings.
    expect(analyse('frail elderlyelderly lady', s).findings).toHaveLength(0);
    expect(analyse('a frail elderly, elderly lady', s).findings.map((f) => f.text)).toEqual(['frail elderly', 'elderly lady']);
  });

  it('overlapping matches of different patterns of one rule (terms and regexes) are one finding', () => {
    // The shape of gatekeeping/over-budget and family-will-provide: a phrase, and regexes that
    // find a longer or earlier-starting stretch around the same words.
    const s = testSet([
      testRule('gatekeeping/t-budget', ['over budget', 'family can provide'], {
        patterns: [
          { terms: ['over budget', 'family can provide'] },
          { regex: '\\bwould (?:take|put) (?:her|him|them) over\\b' },
          { regex: '\\bfamily can provide (?:support|care)\\b' },
        ],
      }),
    ]);
    const found = analyse('The visit would take her over budget. His family can provide care, so no need.', s).findings;
    expect(found.map((f) => f.text)).toEqual(['would take her over budget', 'family can provide care']);
  });

  it('a match inside a longer match of another rule in the same category is dropped', () => {
    const long = testRule('dehumanising/t-long', ['elderly service user']);
    const s = testSet([long, RULES.serviceUser]);
    expect(analyse('The elderly service user left.', s).findings.map((f) => f.ruleId)).toEqual(['dehumanising/t-long']);
  });

  it('different categories on the same words are both reported', () => {
    const s = testSet([testRule('jargon/t-su', ['service user']), RULES.serviceUser]);
    expect(analyse('The service user left.', s).findings.map((f) => f.ruleId)).toEqual(['dehumanising/t-service-user', 'jargon/t-su']);
  });

  it('findings are sorted by offset, then rule id', () => {
    const f = analyse('respite; refused; allow; service user; refused', set).findings;
    const sorted = [...f].sort(compareFindings);
    expect(f).toEqual(sorted);
    expect(f.map((x) => x.text)).toEqual(['respite', 'refused', 'allow', 'service user', 'refused']);
  });
});

describe('stats', () => {
  it('counts words, sentences and findings by category and severity', () => {
    const r = analyse('Jack refused respite. He slept.', set);
    expect(r.stats).toMatchObject({ words: 5, sentences: 2, findings: 2, byCategory: { blaming: 1, jargon: 1 }, bySeverity: { warning: 2 } });
    expect(r.path).toBe('-');
  });
});
