/**
 * `sourdough explain RULE`: everything about one rule in the terminal — what it flags, why it
 * matters, what to write instead, flagged and not-flagged examples, and sources. A mistyped id
 * gets "did you mean" suggestions by edit distance (core's didYouMean). A category name lists
 * that category's rules.
 */
import { CATEGORIES, CONDITION_EFFECT, didYouMean, didYouMeanHint, optInEffect, type RuleSet } from '@sourdough/core';
import { printable } from '@sourdough/reporters';
import type { Io } from '../io.js';
import { describe, loadSet } from './rules.js';

/** Options of `explain`. */
export interface ExplainOptions {
  rules?: string[];
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function explainRule(set: RuleSet, id: string, width: number): string {
  const r = set.byId.get(id)!;
  const d = r.data;
  const out: string[] = [];
  out.push(`${r.id}  (${r.category}, ${r.severity})`, '');
  out.push(wrap(describe(d.message), width, '  '), '');
  out.push('Why it matters', wrap(d.rationale, width, '  '), '');
  // Behaviour a need may drive (LEXICON §4.12; docs/writing-rules.md §3.7): some flagged examples are reported at info.
  if (d.condition) out.push('Behaviour and need', wrap(CONDITION_EFFECT[d.condition], width, '  '), '');
  if (d.optIn) out.push('Switched on', wrap(optInEffect(r.id), width, '  '), '');
  if (d.suggest.length) out.push('What to write instead', ...d.suggest.map((s) => `  • ${s}`), '');
  if (d.examples.flag.length) out.push('Flagged', ...d.examples.flag.map((s) => `  ✗ ${s}`), '');
  if (d.examples.pass.length) out.push('Not flagged', ...d.examples.pass.map((s) => `  ✓ ${s}`), '');
  if (d.sources.length) out.push('Sources', ...d.sources.map((s) => `  ${s.title}\n    ${s.url}`), '');
  out.push(`More: ${r.url}`);
  return `${out.join('\n')}\n`;
}

/** Run `explain`; returns the exit code. */
export function explain(ruleId: string, opts: ExplainOptions, io: Io): number {
  const set = loadSet(opts.rules, io);
  if (typeof set === 'number') return set;
  const width = Math.min(100, Math.max(40, (io.stdout.columns ?? 80) - 4));
  const wanted = ruleId.trim();
  if (set.byId.has(wanted)) {
    io.stdout.write(explainRule(set, wanted, width));
    return 0;
  }
  if ((CATEGORIES as readonly string[]).includes(wanted)) {
    const ids = set.rules.filter((r) => r.category === wanted).map((r) => r.id).sort();
    io.stdout.write(`${wanted} is a category with ${ids.length} rule${ids.length === 1 ? '' : 's'}:\n${ids.map((i) => `  ${i}`).join('\n')}\nRun \`sourdough explain RULE\` with one of them.\n`);
    return 0;
  }
  const ids = set.rules.map((r) => r.id);
  const close = didYouMean(wanted, ids);
  io.stderr.write(`sourdough: there is no rule called "${printable(wanted)}".${didYouMeanHint(close)} Run \`sourdough rules\` to list them.\n`);
  return 2;
}
