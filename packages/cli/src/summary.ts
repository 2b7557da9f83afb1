/**
 * The run summary, built one result at a time (so nothing is kept per document): documents read,
 * analysed and failed, findings by category and severity — SPEC §3's summary plus `analysed`.
 */
import type { DocumentOutcome, Summary } from '@sourdough/core';
import type { OutcomeCounts } from './workers.js';

/**
 * What the summary takes from one result: failed, or its findings counted by category and by
 * severity (keys in the order the findings first show them, as the summary lists them).
 */
export function countsOf(r: DocumentOutcome): OutcomeCounts {
  if ('error' in r) return { failed: true };
  const byCategory: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  for (const f of r.findings) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  return { failed: false, findings: r.findings.length, byCategory, bySeverity };
}

/** An incrementally built summary. */
export class SummaryBuilder {
  readonly summary: Summary = { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} };

  /** Count one result. */
  add(r: DocumentOutcome): void {
    this.addCounts(countsOf(r));
  }

  /** Count one result from its counts alone (see countsOf; a worker sends these with a rendered result). */
  addCounts(c: OutcomeCounts): void {
    const s = this.summary;
    s.documents++;
    if (c.failed) {
      s.failed++;
      return;
    }
    s.analysed++;
    s.findings += c.findings;
    const byCategory = s.byCategory as Record<string, number>;
    const bySeverity = s.bySeverity as Record<string, number>;
    for (const k in c.byCategory) byCategory[k] = (byCategory[k] ?? 0) + c.byCategory[k]!;
    for (const k in c.bySeverity) bySeverity[k] = (bySeverity[k] ?? 0) + c.bySeverity[k]!;
  }
}
