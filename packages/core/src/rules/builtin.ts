/**
 * The built-in rules, validated and bundled at build time into `generated/builtin-rules.js`
 * (gitignored), so runtime never reads YAML and core stays free of I/O.
 */
import bundle from '../../generated/builtin-rules.js';
import type { RuleData } from '../types.js';
import { compileRules, type RuleSet } from './compile.js';

let compiled: RuleSet | undefined;

/** The raw built-in rule objects (with lemma inflections pre-expanded). */
export function builtinRules(): RuleData[] {
  return bundle.rules as RuleData[];
}

/** The built-in protected-terms allow-list. */
export function builtinAllowList(): string[] {
  return bundle.allow;
}

/** Content hash of the built-in rule files and allow-list (for reproducible audits). */
export const builtinRulesHash: string = bundle.hash;

/** The built-in rules compiled once (cached). */
export function builtinRuleSet(): RuleSet {
  compiled ??= compileRules(bundle.rules, { allow: bundle.allow, validate: false });
  return compiled;
}
