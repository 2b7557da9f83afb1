/**
 * The `json` reporter: the machine contract of SPEC §3/§4 — `{ version, results, summary }`,
 * pretty-printed as `JSON.stringify(report, null, 2)` would, but written result by result so a
 * large run never holds every result at once. Bidirectional controls in strings are written as
 * `\u202e`-style escapes (escapeBidiJson), so the report reads the same in a terminal. Pure.
 */
import type { CheckReport, DocumentOutcome, Summary } from '@sourdough/core';
import { fromStream, type ReporterStream } from './types.js';
import { escapeBidiJson } from './bidi.js';

const indent = (s: string, pad: string): string => s.replace(/\n/g, `\n${pad}`);

/** What JSON.stringify puts around a value nested two arrays deep (see renderJsonResult). */
const NEST_OPEN = '[\n  [\n    '.length;
const NEST_CLOSE = '\n  ]\n]'.length;

/**
 * One result as it appears in the report, without the separator before it. It depends on nothing
 * but the result, so a worker thread can render it (see ReporterStream.resultPrefix).
 */
export function renderJsonResult(r: DocumentOutcome): string {
  // The result sits at depth 2 of the report, so its lines are indented by four spaces: stringify
  // it nested two arrays deep and cut the arrays off, rather than re-indenting every line.
  const nested = JSON.stringify([[r]], null, 2);
  return escapeBidiJson(nested.slice(NEST_OPEN, nested.length - NEST_CLOSE));
}

/** Streaming form of the json reporter. */
export function jsonStream(): ReporterStream {
  let count = 0;
  /** The separator before the next result (a comma after the first) and its indentation. */
  const prefix = (): string => `${count++ ? ',' : ''}\n    `;
  return {
    start: () => '{\n  "version": 1,\n  "results": [',
    result(r) {
      return prefix() + renderJsonResult(r);
    },
    resultPrefix: prefix,
    end(summary) {
      return `${count ? '\n  ' : ''}],\n  "summary": ${indent(escapeBidiJson(JSON.stringify(summary, null, 2)), '  ')}\n}\n`;
    },
  };
}

const fromParts = fromStream(jsonStream);

/** Render results as the versioned JSON report. */
export function json(results: DocumentOutcome[], summary: Summary): string {
  return fromParts(results, summary);
}

/** The report object itself (for callers that want the value, not text). */
export function jsonReport(results: DocumentOutcome[], summary: Summary): CheckReport {
  return { version: 1, results, summary };
}
