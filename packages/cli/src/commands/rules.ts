/**
 * `sourdough rules [--category C] [--format table|json] [--rules DIR]`: list the rules that would
 * run — id, severity and what each one looks for — or their full data as JSON.
 */
import { CATEGORIES, SourdoughError, type RuleSet } from '@sourdough/core';
import { printable, ruleDescription } from '@sourdough/reporters';
import type { Io } from '../io.js';
import { ruleSetFor } from '../rule-set.js';
import { resolve } from 'node:path';

/** Options of `rules`. */
export interface RulesOptions {
  category?: string;
  format?: 'table' | 'json';
  rules?: string[];
}

/** The rule set for `rules`/`explain`, or an exit code after printing why it failed. */
export function loadSet(packs: string[] | undefined, io: Io): RuleSet | number {
  try {
    return ruleSetFor((packs ?? []).map((p) => resolve(io.cwd, p)));
  } catch (err) {
    if (err instanceof SourdoughError) {
      io.stderr.write(`sourdough: ${printable(err.message)}\n`);
      return 2;
    }
    throw err;
  }
}

/** A rule's message as a plain description: the words found shown as "…" (reporters' ruleDescription). */
export function describe(message: string): string {
  return ruleDescription(message) || message;
}

/** Run `rules`; returns the exit code. */
export function rules(opts: RulesOptions, io: Io): number {
  if (opts.category && !(CATEGORIES as readonly string[]).includes(opts.category)) {
    io.stderr.write(`sourdough: unknown category "${printable(String(opts.category))}" (categories: ${CATEGORIES.join(', ')})\n`);
    return 2;
  }
  const set = loadSet(opts.rules, io);
  if (typeof set === 'number') return set;
  const list = set.rules.filter((r) => !opts.category || r.category === opts.category).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (opts.format === 'json') {
    const data = list.map((r) => {
      const { file: _file, expanded: _expanded, ...rest } = r.data;
      return { ...rest, url: r.url };
    });
    io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(4, ...list.map((r) => r.id.length));
  const lines = [`${'rule'.padEnd(width)}  severity  what it looks for`];
  for (const r of list) lines.push(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${describe(r.data.message)}${r.data.optIn ? ' (off unless enabled)' : ''}`);
  lines.push('', `${list.length} rule${list.length === 1 ? '' : 's'}. Run \`sourdough explain RULE\` for why each matters and what to write instead.`);
  if (list.some((r) => r.data.optIn)) lines.push('Rules marked "off unless enabled" run only when switched on by their id: `--enable RULE` or a config\'s `enable`.');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
