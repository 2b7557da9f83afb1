/**
 * @sourdough/reporters — results → string, one pure function per format (ESLint formatter
 * style), each also available as a stream (text before, per result, after) so the CLI writes
 * runs of any size in bounded memory. Reporters only use `import type` from core.
 */
import { json, jsonStream } from './json.js';
export { renderJsonResult } from './json.js';
import { stylish, stylishStream, type StylishOptions } from './stylish.js';
export { printable } from './stylish.js';
import { csv, csvStream, csvCell } from './csv.js';
import { sarif, sarifStream } from './sarif.js';
import { html, htmlStream, escapeHtml } from './html.js';
import type { Reporter, StreamingReporter } from './types.js';

/** Every reporter by format name. */
export const reporters: Record<string, Reporter> = { stylish, json, sarif, csv, html };

/** Every reporter's streaming form by format name. */
export const streamingReporters: Record<string, StreamingReporter> = { stylish: stylishStream, json: jsonStream, sarif: sarifStream, csv: csvStream, html: htmlStream };

/** The reporter for a format name, or undefined. */
export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}

/** The streaming reporter for a format name, or undefined. */
export function getStreamingReporter(name: string): StreamingReporter | undefined {
  return Object.hasOwn(streamingReporters, name) ? streamingReporters[name] : undefined;
}

/** The format names, in the order help lists them. */
export const formats: readonly string[] = Object.keys(reporters);

export { json, stylish, csv, sarif, html, jsonStream, stylishStream, csvStream, sarifStream, htmlStream, csvCell, escapeHtml };
export { fromStream, ruleDescription } from './types.js';
export { reportFormatOf, startsWithCsvHeader, startsLikeStylish, isStylishReport, REPORT_HEAD_BYTES, GENERATOR, type ReportFormat } from './recognise.js';
export type { AuditSummary } from './audit-html.js';

/**
 * The audit report (`report.html`) for a `summary.json` object. Loaded on first use, so commands
 * that never write an audit do not load the charting library (Vega).
 */
export async function renderAuditHtml(summary: import('./audit-html.js').AuditSummary): Promise<string> {
  return (await import('./audit-html.js')).auditHtml(summary);
}
export type { Reporter, ReporterOptions, ReporterStream, StreamingReporter, RuleInfo } from './types.js';
export type { StylishOptions };
