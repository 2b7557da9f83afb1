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
  return {
    ...extra,
    words,
    sentences,
    findings: findings.length,
    byCategory,
    bySeverity,
    per1000Words: words ? Math.round((findings.length / words) * 1000 * 100) / 100 : 0,
  };
}
