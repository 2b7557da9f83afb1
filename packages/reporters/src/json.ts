/**
 * The `json` reporter: the machine contract of SPEC §3/§4 — `{ version, results, summary }`.
 * Pure: takes results, returns a string.
 */
import type { CheckReport, DocumentOutcome, Summary } from '@sourdough/core';

/** Render results as the versioned JSON report. */
export function json(results: DocumentOutcome[], summary: Summary): string {
  const report: CheckReport = { version: 1, results, summary };
  return `${JSON.stringify(report, null, 2)}\n`;
}
