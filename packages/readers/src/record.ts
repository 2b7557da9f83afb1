/**
 * One record → one document or error entry. Nothing but core and csv-parse is behind this module
 * (no DOCX or HTML reader), so worker threads load it (subpath `@sourdough/readers/record`) to
 * parse the records that the main thread only split (`deferRecords`). Used by the CSV and JSONL
 * readers too, so a record reads the same wherever it is parsed.
 */
import { parse as parseCsvRecord } from 'csv-parse/sync';
import { readers, type DocumentError } from '@sourdough/core';
import type { RawRecord, ReadItem, ReadOptions } from './types.js';
import { decodeRecord, decodeUtf8, type RecordEncoding } from './decode.js';

export { isReadError } from './types.js';

/** An error entry for one record. */
export function fail(path: string, row: number, code: string, message: string, id?: string): DocumentError {
  const e: DocumentError = { path, row, error: { code, message } };
  if (id !== undefined) e.id = id;
  return e;
}

function stringify(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** Turn one parsed record (field → value) into a document or an error entry. */
export function recordToItem(record: Record<string, unknown>, path: string, row: number, where: string, options: ReadOptions = {}): ReadItem {
  // A JSON Lines export names its fields as its system does ("Text", "ID"), as a CSV header does
  // (csvRecords matches those the same way): a field that differs from the one asked for only in
  // capitals is that field, when only one does.
  const textField = keyFor(record, options.textField ?? 'text');
  const idField = keyFor(record, options.idField ?? 'id');
  const rawId = record[idField];
  const id = rawId === undefined || rawId === null || rawId === '' ? undefined : stringify(rawId);
  // A JSON null is how an export writes a note with no text, as an empty CSV cell is: read as empty.
  const text = record[textField] === null ? '' : record[textField];
  if (typeof text !== 'string') {
    // How many fields, never their names or values: either could be record text.
    const n = Object.keys(record).length;
    const why = text === undefined ? `has no "${options.textField ?? 'text'}" field` : `has a "${textField}" field that is not text`;
    return fail(path, row, 'SD_ERR_INPUT', `${where} ${why} (it has ${n} field${n === 1 ? '' : 's'}; if the text is in another field, name it with --text-field)`, id);
  }
  const meta: Record<string, string> = {};
  let hasMeta = false;
  for (const [k, v] of Object.entries(record)) {
    if (k === textField || k === idField) continue;
    meta[k] = stringify(v);
    hasMeta = true;
  }
  const item: ReadItem = { path, row, doc: readers.text(text, path) };
  if (id !== undefined) item.id = id;
  if (hasMeta) item.meta = meta;
  return item;
}

/**
 * The one name among `names` that differs from `wanted` only in capitals ("Text" for `text`), or
 * undefined when there is none or more than one: exports name their columns and fields as their
 * system does. Used for a CSV header, a JSON Lines record's fields and the audit's group and date
 * columns.
 */
export function caseVariant(names: Iterable<string>, wanted: string): string | undefined {
  const low = wanted.toLowerCase();
  let found: string | undefined;
  for (const n of names) {
    if (n.toLowerCase() !== low) continue;
    if (found !== undefined) return undefined;
    found = n;
  }
  return found;
}

/** `wanted` when the record has it; else its only field named with other capitals; else `wanted`. */
function keyFor(record: Record<string, unknown>, wanted: string): string {
  return Object.hasOwn(record, wanted) ? wanted : (caseVariant(Object.keys(record), wanted) ?? wanted);
}

/**
 * One non-blank JSONL line (its bytes, without the line break) → a document, or an error entry
 * for bytes that are not UTF-8, a line that is not JSON or not an object, or a missing text field.
 */
export function jsonlRecord(bytes: Uint8Array, path: string, line: number, options: ReadOptions = {}): ReadItem {
  const where = `${path} row ${line}`;
  let textLine: string;
  try {
    textLine = decodeUtf8(line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes, where);
  } catch (err) {
    return fail(path, line, 'SD_ERR_ENCODING', (err as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(textLine);
  } catch (err) {
    // Only where the problem is: the parser's own message quotes the line, which is record text.
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message)?.[1];
    // A line that stops inside its record: the export was cut short, or a line break was written
    // into the text unescaped, which splits the record over lines.
    if (/Unterminated string|Unexpected end/.test(message) || (at !== undefined && Number(at) >= textLine.trimEnd().length)) {
      return fail(path, line, 'SD_ERR_JSONL_ROW', `${where} is not valid JSON: it ends before its record does (was the export cut short, or a line break written into a text without \\n?)`);
    }
    return fail(path, line, 'SD_ERR_JSONL_ROW', `${where} is not valid JSON${at === undefined ? '' : ` (the problem is at character ${Number(at) + 1})`}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(path, line, 'SD_ERR_JSONL_ROW', `${where} is not a JSON object (each line must be one {…} record)`);
  }
  return recordToItem(value as Record<string, unknown>, path, line, where, options);
}

/**
 * The fields of one CSV record (header or data) from its bytes, or why they cannot be read: bytes
 * that are not UTF-8 (SD_ERR_ENCODING) or broken quoting (SD_ERR_CSV_ROW), with `where` named.
 */
export function csvFields(bytes: Uint8Array, where: string, delimiter: ',' | '\t' = ',', encoding: RecordEncoding = 'utf-8'): string[] | { code: string; message: string } {
  let textRecord: string;
  try {
    textRecord = decodeRecord(bytes, where, encoding);
  } catch (err) {
    return { code: 'SD_ERR_ENCODING', message: (err as Error).message };
  }
  try {
    return parseOne(textRecord, delimiter);
  } catch (err) {
    return { code: 'SD_ERR_CSV_ROW', message: `${where} has broken quoting: ${quotingProblem(err)}` };
  }
}

/** csv-parse's error, in plain words. */
function quotingProblem(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote inside a quoted field is not doubled (inside quotes, write "" for ")';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  if (code === 'INVALID_OPENING_QUOTE') return 'a quote appears in the middle of an unquoted field';
  return (err as Error).message.replace(/ at line \d+/, '').split('\n')[0] ?? 'unreadable row';
}

function parseOne(textRecord: string, delimiter: ',' | '\t'): string[] {
  // Tab-separated exports seldom quote their fields, so a quote inside an unquoted field is kept
  // as written there (in a CSV file it is a broken row, reported).
  const rows = parseCsvRecord(textRecord, { delimiter, relax_column_count: true, relax_quotes: delimiter === '\t', skip_empty_lines: false }) as string[][];
  if (rows.length !== 1) throw new Error(`found ${rows.length} records where one was expected`);
  return rows[0]!;
}

/**
 * One CSV data record (its bytes, the lines of a quoted multi-line field joined by \n) under its
 * file's header → a document, or an error entry for bytes that are not UTF-8, broken quoting, more
 * columns than the header, or no text field. `where` names the file, row and line(s).
 */
export function csvRecord(bytes: Uint8Array, path: string, row: number, where: string, header: readonly string[], options: ReadOptions = {}, delimiter: ',' | '\t' = ',', encoding: RecordEncoding = 'utf-8'): ReadItem {
  const fields = csvFields(bytes, where, delimiter, encoding);
  if (!Array.isArray(fields)) return fail(path, row, fields.code, fields.message);
  if (fields.length > header.length) {
    return fail(path, row, 'SD_ERR_CSV_ROW', `${where} has ${fields.length} columns but the header has ${header.length} (${delimiter === ',' ? 'a comma' : 'a tab'} in an unquoted field?)`);
  }
  const textAt = header.indexOf(options.textField ?? 'text');
  if (fields.length < header.length && textAt >= fields.length) {
    // A row cut short before its text column: say so, rather than suggest another --text-field.
    return fail(path, row, 'SD_ERR_INPUT', `${where} has ${fields.length} column${fields.length === 1 ? '' : 's'} but the header has ${header.length}, so it stops before the "${options.textField ?? 'text'}" column (column ${textAt + 1}): was the row cut short, or its text moved to a line of its own without quotes?`);
  }
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    if (i < fields.length) record[name] = fields[i];
  });
  return recordToItem(record, path, row, where, options);
}

/** Parse a record that reading left raw (`deferRecords`): exactly what reading would have given. */
export function parseRecord(raw: RawRecord): ReadItem {
  return raw.csv ? csvRecord(raw.raw, raw.path, raw.row, raw.csv.where, raw.csv.header, raw.fields, raw.csv.delimiter, raw.csv.encoding) : jsonlRecord(raw.raw, raw.path, raw.row, raw.fields);
}

/** True for a record left raw by `deferRecords`. */
export function isRawRecord(item: object): item is RawRecord {
  return 'raw' in item;
}
