/**
 * The rule set a run uses: the built-in rules, plus any extra packs (`--rules DIR`, `rules:` in a
 * config) loaded with `@sourdough/core/node`'s `loadRulePack` and compiled once per distinct list
 * of packs. Used by the main thread and by each worker. `ruleDataFor` validates packs without
 * compiling the whole set, so the main thread of a `--jobs N` run leaves compiling to the workers.
 */
import { builtinAllowList, builtinRuleSet, builtinRules, builtinTypos, CATEGORIES, compileRules, didYouMean, didYouMeanHint, ruleSuggestions, SourdoughError, type RuleData, type RuleSet } from '@sourdough/core';
import { loadRulePack } from '@sourdough/core/node';
import type { RuleInfo } from '@sourdough/reporters';
import type { Effective } from './config.js';

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

/**
 * Each input's settings (its config file's and the command line's) and the rule sets the run will
 * use, with every rule name in those settings checked (checkRuleNames). With no input files (only
 * standard input), the settings for the working folder. Throws SourdoughError on a bad config,
 * pack or name.
 */
export function runSettings(
  files: readonly string[],
  resolver: { forPath(path: string): Effective; where?: ConfigPlace },
  cli: { enable?: readonly string[]; disable?: readonly string[] },
): { byFile: Map<string, Effective>; sets: Set<RuleData[]> } {
  const byFile = new Map<string, Effective>();
  const sets = new Set<RuleData[]>();
  // One check per distinct settings (the resolver hands every file under one config the same
  // object), not one per file.
  const checks = new Map<Effective, RuleData[]>();
  for (const f of files.length ? files : ['-']) {
    const e = resolver.forPath(f);
    if (files.length) byFile.set(f, e);
    const rules = ruleDataFor(e.packs);
    checks.set(e, rules);
    sets.add(rules);
  }
  const runIds = new Set([...sets].flatMap((list) => list.map((r) => r.id)));
  for (const [e, rules] of checks) checkRuleNames(rules, e, cli, runIds, resolver.where?.bind(resolver));
  return { byFile, sets };
}

/** `FILE:LINE:COLUMN: LIST` for a rule name in a config file (ConfigResolver.where). */
export type ConfigPlace = (configFile: string, list: 'enable' | 'disable' | 'severity', name: string) => string;

/**
 * The error for a rule name that is neither a rule id nor a category: `where` says where it came
 * from (`--disable`, or `FILE:LINE:COLUMN: disable`), `ids` the names to suggest from.
 */
export function unknownRuleName(name: string, where: string, ids: readonly string[], configFile?: string, field = where.replace(/^.*: /, '').replace(/^--/, '')): SourdoughError {
  // A name without a slash was meant as a category more often than as a rule.
  const close = didYouMean(name, name.includes('/') ? ids : [...new Set([...CATEGORIES, ...ids])]);
  return new SourdoughError(
    'SD_ERR_CONFIG',
    `${where}: "${name}" is not a rule id or category, so ${field === 'severity' ? 'its severity would apply to nothing' : 'it would switch nothing'}.${didYouMeanHint(close)} Run \`sourdough rules\` to list them.`,
    { field, ...(configFile ? { file: configFile } : {}) },
  );
}

/**
 * The rule settings a run has (its effective options: the command line's and a config file's)
 * checked against the rules it will use: every name enabled or disabled, and every severity key,
 * must be a rule id, a category or `*`. A misspelt name would otherwise be ignored without a word
 * ("--disable blaming/refuse" switches nothing off). Throws SourdoughError naming where the name
 * came from, with the closest rule ids.
 */
export function checkRuleNames(
  rules: readonly RuleData[],
  effective: { options: { enable?: string[]; disable?: string[]; severity?: Record<string, unknown> }; configFile?: string },
  cli: { enable?: readonly string[]; disable?: readonly string[] } = {},
  /** Every rule id any input of the run has: a command-line name need only be known to one of them (a rule from a pack some folders use). */
  runIds: ReadonlySet<string> = new Set(rules.map((r) => r.id)),
  /** Where a config file's name sits (line and column), when known. */
  place?: ConfigPlace,
): void {
  const known = new Set<string>(['*', ...CATEGORIES, ...rules.map((r) => r.id)]);
  const check = (names: readonly string[] | undefined, flag: 'enable' | 'disable' | 'severity'): void => {
    for (const name of names ?? []) {
      const fromCli = flag !== 'severity' && (cli[flag] ?? []).includes(name);
      if (known.has(name) || (fromCli && runIds.has(name))) continue;
      const file = fromCli ? undefined : effective.configFile;
      const where = fromCli ? `--${flag}` : file ? (place?.(file, flag, name) ?? `${file}: ${flag}`) : `the config: ${flag}`;
      throw unknownRuleName(name, where, fromCli ? [...runIds] : rules.map((r) => r.id), file, flag);
    }
  };
  check(effective.options.enable, 'enable');
  check(effective.options.disable, 'disable');
  check(Object.keys(effective.options.severity ?? {}), 'severity');
}

/** The compiled rules for a list of extra pack folders (absolute). Throws SourdoughError on a bad pack. */
export function ruleSetFor(packs: readonly string[]): RuleSet {
  if (!packs.length) return builtinRuleSet();
  const key = packs.join('\u0000');
  let set = sets.get(key);
  if (!set) {
    set = compileRules(ruleDataFor(packs), { allow: builtinAllowList(), typos: builtinTypos(), validate: false });
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
      out.set(r.id, { id: r.id, category: r.category, severity: r.severity, message: r.message, rationale: r.rationale, suggest: ruleSuggestions(r), url: `docs/rules/${r.id}.md` });
    }
  }
  return out;
}
