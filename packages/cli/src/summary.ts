/**
 * The run summary, built one result at a time (so nothing is kept per document): documents read,
 * analysed and failed, findings by category and severity — SPEC §3's summary plus `analysed`.
 */
import type { DocumentOutcome, Summary } from '@sourdough/core';
import type { OutcomeCounts } from './workers.js';

/** An incrementally built summary. */
export class SummaryBuilder {
  readonly summary: Summary & { analysed: number } = { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} };

  /** Count one result. */
  add(r: DocumentOutcome): void {
    const s = this.summary;
    s.documents++;
    if ('error' in r) {
      s.failed++;
      return;
    }
    s.analysed++;
    s.findings += r.findings.length;
    for (const f of r.findings) {
      s.byCategory[f.category] = (s.byCategory[f.category] ?? 0) + 1;
      s.bySeverity[f.severity] = (s.bySeverity[f.severity] ?? 0) + 1;
    }
  }

  /**
   * Count one result from its counts alone (a result a worker rendered). The same as add(): a
   * result's stats list categories and severities in the order its findings first show them.
   */
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
