/**
 * The run summary, built one result at a time (so nothing is kept per document): documents read,
 * analysed and failed, findings by category and severity — SPEC §3's summary plus `analysed`.
 */
import type { DocumentOutcome, Summary } from '@sourdough/core';

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
}
