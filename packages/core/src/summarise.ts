/**
 * Aggregate summary over many document results (used by the CLI, the batch API and audit). Pure.
 */
import type { DocumentOutcome, Summary } from './types.js';

/** Summarise a batch: documents, failed, findings, by category and by severity. */
export function summarise(results: Iterable<DocumentOutcome>): Summary {
  const summary: Summary = { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} };
  for (const r of results) {
    summary.documents++;
    if ('error' in r) {
      summary.failed++;
      continue;
    }
    summary.analysed++;
    summary.findings += r.findings.length;
    for (const f of r.findings) {
      summary.byCategory[f.category] = (summary.byCategory[f.category] ?? 0) + 1;
      summary.bySeverity[f.severity] = (summary.bySeverity[f.severity] ?? 0) + 1;
    }
  }
  return summary;
}
