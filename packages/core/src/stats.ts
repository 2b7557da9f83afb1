/**
 * Per-document figures (SPEC §3 `stats`). Pure.
 */
import type { Finding, Stats } from './types.js';

/** Compute stats for one document's findings. `extra` holds figures added by detectors. */
export function computeStats(findings: Finding[], words: number, sentences: number, extra: Record<string, unknown> = {}): Stats {
  const byCategory: Stats['byCategory'] = {};
  const bySeverity: Stats['bySeverity'] = {};
  for (const f of findings) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  // Detector figures first, then ours (the key order is part of the JSON output).
  const out = {} as Stats;
  for (const key in extra) out[key] = extra[key];
  out.words = words;
  out.sentences = sentences;
  out.findings = findings.length;
  out.byCategory = byCategory;
  out.bySeverity = bySeverity;
  out.per1000Words = words ? Math.round((findings.length / words) * 1000 * 100) / 100 : 0;
  return out;
}
