/**
 * The rule set a run uses: the built-in rules, plus any extra packs (`--rules DIR`, `rules:` in a
 * config) loaded with `@sourdough/core/node`'s `loadRulePack` and compiled once per distinct list
 * of packs. Used by the main thread and by each worker. `ruleDataFor` validates packs without
 * compiling the whole set, so the main thread of a `--jobs N` run leaves compiling to the workers.
 */
import { builtinAllowList, builtinRuleSet, builtinRules, compileRules, SourdoughError, type RuleData, type RuleSet } from '@sourdough/core';
import { loadRulePack } from '@sourdough/core/node';
import type { RuleInfo } from '@sourdough/reporters';

const sets = new Map<string, RuleSet>();
const datas = new Map<string, RuleData[]>();

/** Built-in rules plus the packs' rules (each pack validated and compiled on its own). Throws SourdoughError. */
export function ruleDataFor(packs: readonly string[]): RuleData[] {
  if (!packs.length) return builtinRules();
  const key = packs.join('\u0000');
  let list = datas.get(key);
  if (!list) {
    list = [...builtinRules()];
    const seen = new Set(list.map((r) => r.id));
    for (const pack of packs) {
      for (const rule of loadRulePack(pack)) {
        if (seen.has(rule.id)) throw new SourdoughError('SD_ERR_RULE_DUPLICATE', `${rule.file ?? pack}: rule id ${rule.id} is already defined (built-in rules or an earlier pack); give it another name`, { file: rule.file ?? pack, field: 'id' });
        seen.add(rule.id);
        list.push(rule);
      }
    }
    datas.set(key, list);
  }
  return list;
}

/** The compiled rules for a list of extra pack folders (absolute). Throws SourdoughError on a bad pack. */
export function ruleSetFor(packs: readonly string[]): RuleSet {
  if (!packs.length) return builtinRuleSet();
  const key = packs.join('\u0000');
  let set = sets.get(key);
  if (!set) {
    set = compileRules(ruleDataFor(packs), { allow: builtinAllowList(), validate: false });
    sets.set(key, set);
  }
  return set;
}

/** Rule details for reporters (SARIF descriptors, HTML explanations). */
export function ruleInfos(lists: Iterable<readonly RuleData[]>): Map<string, RuleInfo> {
  const out = new Map<string, RuleInfo>();
  for (const list of lists) {
    for (const r of list) {
      if (out.has(r.id)) continue;
      out.set(r.id, { id: r.id, category: r.category, severity: r.severity, message: r.message, rationale: r.rationale, suggest: r.suggest, url: `docs/rules/${r.id}.md` });
    }
  }
  return out;
}
