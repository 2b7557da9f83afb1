/**
 * The built-in rules, validated and bundled at build time into `generated/builtin-rules.js`
 * (gitignored), so runtime never reads YAML and core stays free of I/O.
 */
import bundle from '../../generated/builtin-rules.js';
import type { RuleData } from '../types.js';
import type { ContextWords } from '../context/subject.js';
import { compileRules, type RuleSet } from './compile.js';
import { primeLiterals } from '../patterns/regex-anchors.js';

// The regexes' required and prefix literals were computed when the bundle was built.
primeLiterals(bundle.literals ?? {});

let compiled: RuleSet | undefined;

/** The raw built-in rule objects (with lemma inflections pre-expanded). */
export function builtinRules(): RuleData[] {
  return bundle.rules as RuleData[];
}

/** The built-in protected-terms allow-list. */
export function builtinAllowList(): string[] {
  return bundle.allow;
}

/** The built-in word lists for `subject` checks (`rules/_context.yaml`). */
export function builtinContextWords(): ContextWords {
  const c = (bundle.context ?? {}) as Partial<ContextWords>;
  return { organisations: c.organisations ?? [], others: c.others ?? [], family: c.family ?? [], animals: c.animals ?? [], machines: c.machines ?? [], requests: c.requests ?? [], documents: c.documents ?? [] };
}

/**
 * Misspellings of the built-in rules' long words (rules/typos.ts), made when the rules were
 * bundled: a line per word, the word, a tab, its misspellings separated by spaces. Pass them to
 * compileRules (`typos`) with the built-in rules and any packs.
 */
export function builtinTypos(): string {
  return bundle.typos ?? '';
}

/** Content hash of the built-in rule files and allow-list (for reproducible audits). */
export const builtinRulesHash: string = bundle.hash;

/** The built-in rules compiled once (cached). */
export function builtinRuleSet(): RuleSet {
  compiled ??= compileRules(bundle.rules, { allow: bundle.allow, context: builtinContextWords(), validate: false, trusted: true, ...(bundle.typos ? { typos: bundle.typos } : {}) });
  return compiled;
}
