/**
 * Small test-only rules for engine tests (Vale's "testdata/styles" idea): built inline so engine
 * tests never break when the wording of a real rule changes. Not a test file itself.
 */
import { compileRules, type RuleSet } from '../../src/rules/compile.js';
import type { Category, RuleData } from '../../src/types.js';

/** A minimal valid rule matching `terms`, with overrides. */
export function testRule(id: string, terms: string[], extra: Partial<RuleData> = {}): RuleData {
  const category = id.split('/')[0] as Category;
  return {
    id,
    category,
    severity: 'warning',
    message: '“{match}” test message.',
    rationale: 'Test-only rule.',
    suggest: ['something else'],
    patterns: [{ terms }],
    examples: { flag: [terms[0]!], pass: ['nothing here'] },
    sources: [{ title: 'test', url: 'https://example.org/' }],
    ...extra,
  };
}

/** Compile test rules with an optional allow-list and the built-in subject word lists. */
export function testSet(rules: RuleData[], allow: string[] = []): RuleSet {
  return compileRules(rules, { allow });
}

/** Test rules covering each category default used across the engine tests. */
export const RULES = {
  refused: testRule('blaming/t-refused', ['refused', 'refuses', 'refuse', 'refusal', 'refusing']),
  aggressive: testRule('blaming/t-aggressive', ['aggressive', 'aggression', 'challenging', 'agitated', 'agitation', 'impulsive', 'non-compliant']),
  suffers: testRule('deficit/t-suffers', ['suffers from', 'wheelchair-bound', 'learning disability']),
  serviceUser: testRule('dehumanising/t-service-user', ['service user', 'service users']),
  allowed: testRule('control/t-allowed', ['allowed to', 'allow', 'allows', 'permitted']),
  respite: testRule('jargon/t-respite', ['respite']),
  phone: testRule('privacy/t-phone', ['07700 900123']),
};
