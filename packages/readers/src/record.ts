/**
 * One record → one document or error entry. Nothing but core is behind this module (no DOCX, HTML
 * or CSV parser), so worker threads load it (subpath `@sourdough/readers/record`) to parse the
 * JSONL lines that the main thread only split (`deferRecords`). Used by the CSV and JSONL readers
 * too, so a record reads the same wherever it is parsed.
 */
import { readers, type DocumentError } from '@sourdough/core';
import type { RawRecord, ReadItem, ReadOptions } from './types.js';
import { decodeUtf8 } from './decode.js';

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
  const textField = options.textField ?? 'text';
  const idField = options.idField ?? 'id';
  const rawId = record[idField];
  const id = rawId === undefined || rawId === null || rawId === '' ? undefined : stringify(rawId);
  const text = record[textField];
  if (typeof text !== 'string') {
    const fields = Object.keys(record).slice(0, 8).join(', ');
    const why = text === undefined ? `has no "${textField}" field` : `has a "${textField}" field that is not text`;
    return fail(path, row, 'SD_ERR_INPUT', `${where} ${why} (fields: ${fields || 'none'}; choose the field with --text-field)`, id);
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
    return fail(path, line, 'SD_ERR_JSONL_ROW', `${where} is not valid JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(path, line, 'SD_ERR_JSONL_ROW', `${where} is not a JSON object (each line must be one {…} record)`);
  }
  return recordToItem(value as Record<string, unknown>, path, line, where, options);
}

/** Parse a record that reading left raw (`deferRecords`): exactly what reading would have given. */
export function parseRecord(raw: RawRecord): ReadItem {
  return jsonlRecord(raw.raw, raw.path, raw.row, raw.fields);
}

/** True for a record left raw by `deferRecords`. */
export function isRawRecord(item: object): item is RawRecord {
  return 'raw' in item;
}
