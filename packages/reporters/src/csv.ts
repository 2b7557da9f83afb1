/**
 * The `csv` reporter: one row per finding (and one per document that could not be read), with
 * the file, record id, row and the record's metadata columns, for quality leads' spreadsheets.
 * RFC 4180 quoting; spreadsheet-safe: a cell starting with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe so it is never run as a formula, and bidirectional controls (U+202A–
 * 202E, U+2066–2069), which would make a cell read in a different order from what it holds, are
 * written as �, as the audit report shows them. Pure.
 */
import type { DocumentOutcome, Finding, Summary } from '@sourdough/core';
import { fromStream, type Reporter, type ReporterOptions, type ReporterStream } from './types.js';
import { neutraliseBidi } from './bidi.js';

const BEFORE_META = ['path', 'id', 'row'];
const AFTER_META = ['line', 'column', 'end_line', 'end_column', 'offset', 'end_offset', 'severity', 'category', 'rule', 'message', 'text', 'sentence', 'suggestions', 'section', 'paragraph', 'error_code', 'error_message'];

/** One CSV cell: bidirectional controls shown as �, formula-safe, quoted when needed. */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : neutraliseBidi(String(value));
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

function findingCells(f: Finding): unknown[] {
  return [f.start?.line, f.start?.column, f.end?.line, f.end?.column, f.start?.offset, f.end?.offset, f.severity, f.category, f.ruleId, f.message, f.text, f.sentence, f.suggestions.join('; '), f.section, f.paragraph, '', ''];
}

/**
 * Streaming form of the csv reporter. The metadata columns are those of the first record read
 * (`options.metaColumns` fixes them up front); keys a later record adds go in `other_meta` as JSON.
 */
export function csvStream(options: ReporterOptions = {}): ReporterStream {
  let meta: string[] | undefined = Array.isArray(options.metaColumns) ? (options.metaColumns as string[]) : undefined;
  const held: DocumentOutcome[] = [];
  let headerDone = false;

  const rows = (r: DocumentOutcome): string => {
    const metaCells = meta!.map((k) => r.meta?.[k]);
    const extra = r.meta ? Object.fromEntries(Object.entries(r.meta).filter(([k]) => !meta!.includes(k))) : {};
    const other = Object.keys(extra).length ? JSON.stringify(extra) : '';
    const lead = [r.path, r.id, r.row, ...metaCells];
    if ('error' in r) return line([...lead, ...AFTER_META.slice(0, -2).map(() => ''), r.error.code, r.error.message, other]);
    return r.findings.map((f) => line([...lead, ...findingCells(f), other])).join('');
  };
  const header = (): string => {
    headerDone = true;
    meta ??= [];
    return line([...BEFORE_META, ...meta, ...AFTER_META, 'other_meta']);
  };
  const flush = (): string => {
    let out = header();
    for (const r of held.splice(0)) out += rows(r);
    return out;
  };

  return {
    start: () => (meta ? header() : ''),
    result(r) {
      if (headerDone) return rows(r);
      // Hold results until the first record (CSV/JSONL row) shows which metadata columns there
      // are; a run of plain files has none, and is flushed at the end (or after 1,000 results).
      held.push(r);
      if ('error' in r || r.row === undefined) return held.length >= 1000 ? flush() : '';
      meta = Object.keys(r.meta ?? {});
      return flush();
    },
    end: (_summary: Summary) => (headerDone ? '' : flush()),
  };
}

/** Render results as CSV. */
export const csv: Reporter = fromStream(csvStream);
