/**
 * The rule set a run uses: the built-in rules, plus any extra packs (`--rules DIR`, `rules:` in a
 * config) loaded with `@sourdough/core/node`'s `loadRulePack` and compiled once per distinct list
 * of packs. Used by the main thread and by each worker.
 */
import { builtinAllowList, builtinRuleSet, builtinRules, compileRules, type RuleData, type RuleSet } from '@sourdough/core';
import { loadRulePack } from '@sourdough/core/node';
import type { RuleInfo } from '@sourdough/reporters';

const cache = new Map<string, RuleSet>();

/** The compiled rules for a list of extra pack folders (absolute). Throws SourdoughError on a bad pack. */
export function ruleSetFor(packs: readonly string[]): RuleSet {
  if (!packs.length) return builtinRuleSet();
  const key = packs.join('\u0000');
  let set = cache.get(key);
  if (!set) {
    const extra: RuleData[] = packs.flatMap((p) => loadRulePack(p));
    set = compileRules([...builtinRules(), ...extra], { allow: builtinAllowList(), validate: false });
    cache.set(key, set);
  }
  return set;
}

/** Rule details for reporters (SARIF descriptors, HTML explanations). */
export function ruleInfos(sets: Iterable<RuleSet>): Map<string, RuleInfo> {
  const out = new Map<string, RuleInfo>();
  for (const set of sets) {
    for (const r of set.rules) {
      if (out.has(r.id)) continue;
      out.set(r.id, { id: r.id, category: r.category, severity: r.severity, message: r.data.message, rationale: r.data.rationale, suggest: r.data.suggest, url: r.url });
    }
  }
  return out;
}
