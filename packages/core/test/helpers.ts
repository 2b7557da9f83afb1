/** Test helpers shared by core's tests: paths and the rule pack loaded straight from YAML. */
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { loadRulePack, loadAllowList } from '../src/node.js';
import { compileRules } from '../src/rules/compile.js';
import type { RuleData } from '../src/types.js';
import { expect } from 'vitest';
import { SourdoughError } from '../src/errors.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const rulesDir = join(repoRoot, 'rules');

let cache: { rules: RuleData[]; allow: string[] } | undefined;
/** The built-in rules read directly from rules/ (so tests never need a rebuild after editing YAML). */
export function repoRules(): { rules: RuleData[]; allow: string[] } {
  cache ??= { rules: loadRulePack(rulesDir), allow: loadAllowList(join(rulesDir, 'allow-list.yaml')) };
  return cache;
}

/** A rule set compiled from the repo's rules with the repo's allow-list. */
export function repoRuleSet(only?: (r: RuleData) => boolean) {
  const { rules, allow } = repoRules();
  return compileRules(only ? rules.filter(only) : rules, { allow, validate: false });
}

/** Run `fn`, expecting a SourdoughError (a refused rule file, shared pattern or name); return it. */
export function failure(fn: () => unknown): SourdoughError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SourdoughError);
    return err as SourdoughError;
  }
  throw new Error('expected a SourdoughError');
}
