/**
 * Aggregate summary over many document results (SPEC §3's summary plus `analysed`): documents
 * read, analysed and failed, findings by category and by severity. One builder, used by the CLI's
 * `check` (one result at a time, nothing kept per document; from counts alone when a worker
 * rendered the result) and by the batch API (`summarise`). The audit's figures are a larger set
 * and have their own aggregator (audit.ts). Pure.
 */
import type { DocumentOutcome, Summary } from './types.js';

/**
 * What the summary takes from one result: failed, or its findings counted by category and by
 * severity (keys in the order the findings first show them, as the summary lists them).
 */
export type SummaryCounts = { failed: true } | { failed: false; findings: number; byCategory: Record<string, number>; bySeverity: Record<string, number> };

/** One result's counts for the summary (a worker sends these with a result it rendered itself). */
export function countsOf(r: DocumentOutcome): SummaryCounts {
  if ('error' in r) return { failed: true };
  const byCategory: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  for (const f of r.findings) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  return { failed: false, findings: r.findings.length, byCategory, bySeverity };
}

/** A summary built one result at a time. */
export class SummaryBuilder {
  readonly summary: Summary = { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} };

  /** Count one result. */
  add(r: DocumentOutcome): void {
    this.addCounts(countsOf(r));
  }

  /** Count one result from its counts alone (see countsOf). */
  addCounts(c: SummaryCounts): void {
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

/** Summarise a batch: documents, analysed, failed, findings, by category and by severity. */
export function summarise(results: Iterable<DocumentOutcome>): Summary {
  const b = new SummaryBuilder();
  for (const r of results) b.add(r);
  return b.summary;
}
