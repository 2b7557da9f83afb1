/**
 * The `json` reporter: the machine contract of SPEC §3/§4 — `{ version, results, summary }`,
 * pretty-printed exactly as `JSON.stringify(report, null, 2)` would, but written result by
 * result so a large run never holds every result at once. Pure.
 */
import type { CheckReport, DocumentOutcome, Summary } from '@sourdough/core';
import { fromStream, type ReporterStream } from './types.js';

const indent = (s: string, pad: string): string => s.replace(/\n/g, `\n${pad}`);

/**
 * One result as it appears in the report, without the separator before it. It depends on nothing
 * but the result, so a worker thread can render it (see ReporterStream.resultText).
 */
export function renderJsonResult(r: DocumentOutcome): string {
  return indent(JSON.stringify(r, null, 2), '    ');
}

/** Streaming form of the json reporter. */
export function jsonStream(): ReporterStream {
  let count = 0;
  return {
    start: () => '{\n  "version": 1,\n  "results": [',
    result(r) {
      return `${count++ ? ',' : ''}\n    ${renderJsonResult(r)}`;
    },
    resultText(rendered) {
      return `${count++ ? ',' : ''}\n    ${rendered}`;
    },
    end(summary) {
      return `${count ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
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
