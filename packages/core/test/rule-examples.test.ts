/**
 * Every rule's examples are its tests (SPEC §2, ESLint RuleTester style): each `flag` example must
 * yield a finding of that rule whose text is exactly the slice at its offsets, with no white space
 * at either edge, with `{match}` filled in; each `pass` example must yield none of that rule. Only that rule is enabled (by its id, so
 * an opt-in rule runs too).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { compileRules } from '../src/rules/compile.js';
import { repoRules } from './helpers.js';

const { rules, allow } = repoRules();

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const set = compileRules([rule], { allow, validate: false });

  it.each(rule.examples.flag)('flags: %s', (example) => {
    const result = analyse(example, set, { enable: [rule.id] });
    const mine = result.findings.filter((f) => f.ruleId === rule.id);
    expect(mine.length, `expected ${rule.id} to flag: ${example}`).toBeGreaterThan(0);
    // Matches of one rule from different patterns over the same words are one finding (the
    // engine's de-duplication), never two that overlap.
    const spans = mine.filter((f) => f.start && f.end).map((f) => [f.start!.offset, f.end!.offset] as const);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0], `overlapping findings of ${rule.id}: ${example}`).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    for (const f of mine) {
      expect(f.message).not.toContain('{match}');
      if (f.start && f.end) {
        expect(example.slice(f.start.offset, f.end.offset)).toBe(f.text);
        // A highlight never starts or ends on white space (a regex reading "allowed one " ends there).
        expect(f.text, `${rule.id} reports white space at an edge: ${JSON.stringify(f.text)}`).toBe(f.text.trim());
        // Identifier rules never echo the value; every other message names what it matched.
        // (A match hard-wrapped over a line break is named as it reads: on one line, a word
        // hyphenated at the line end whole.)
        if (rule.message.includes('{match}')) expect(f.message).toContain(f.text.replace(/(?<=\p{L})-[^\S\n]*\n\s*/gu, '-').replace(/\s+/g, ' '));
      }
    }
  });

  it.each(rule.examples.pass)('passes: %s', (example) => {
    const result = analyse(example, set, { enable: [rule.id] });
    const mine = result.findings.filter((f) => f.ruleId === rule.id);
    expect(mine.map((f) => f.text), `expected ${rule.id} not to flag: ${example}`).toEqual([]);
  });
});
