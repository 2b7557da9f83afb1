/**
 * Per-document figures (SPEC §3 `stats`). Pure.
 */
import type { Finding, Stats } from './types.js';

/** Compute stats for one document's findings. `extra` holds figures added by detectors. */
export function computeStats(findings: Finding[], words: number, sentences: number, extra: Record<string, unknown> = {}): Stats {
  // Counted in small arrays, then put in objects in the order first seen (keyed increments on the
  // objects themselves are slow in V8).
  const cats: string[] = [];
  const catCounts: number[] = [];
  const sevs: string[] = [];
  const sevCounts: number[] = [];
  for (const f of findings) {
    let i = cats.indexOf(f.category);
    if (i < 0) i = cats.push(f.category) - 1;
    catCounts[i] = (catCounts[i] ?? 0) + 1;
    let j = sevs.indexOf(f.severity);
    if (j < 0) j = sevs.push(f.severity) - 1;
    sevCounts[j] = (sevCounts[j] ?? 0) + 1;
  }
  const byCategory: Record<string, number> = {};
  for (let i = 0; i < cats.length; i++) byCategory[cats[i]!] = catCounts[i]!;
  const bySeverity: Record<string, number> = {};
  for (let j = 0; j < sevs.length; j++) bySeverity[sevs[j]!] = sevCounts[j]!;
  // Detector figures first, then ours (the key order is part of the JSON output).
  const out = {} as Stats;
  for (const key in extra) out[key] = extra[key];
  out.words = words;
  out.sentences = sentences;
  out.findings = findings.length;
  out.byCategory = byCategory as Stats['byCategory'];
  out.bySeverity = bySeverity as Stats['bySeverity'];
  out.per1000Words = words ? Math.round((findings.length / words) * 1000 * 100) / 100 : 0;
  return out;
}
