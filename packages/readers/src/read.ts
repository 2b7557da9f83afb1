/**
 * Files and streams → documents. `readPath` picks the reader by file extension (.txt, .md,
 * .markdown, .html, .htm, .docx, .csv, .tsv (tab-separated), .jsonl/.ndjson; anything else is read as plain text) and
 * yields documents or error entries; `readStream` does the same for standard input, using a
 * file name (`--stdin-filename`) to pick the reader. Record files stream row by row.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { readers, SourdoughError, type DocumentError, type SourceDocument } from '@sourdough/core';
import type { RawRecord, ReadItem, ReadOptions } from './types.js';
import { decodeUtf8 } from './decode.js';
import { html } from './html.js';
import { docx } from './docx.js';
import { csv, jsonl } from './records.js';
import { LIMITS, tooLarge } from './limits.js';

/** The kinds of input sourdough reads. */
export type InputKind = 'text' | 'markdown' | 'html' | 'docx' | 'csv' | 'tsv' | 'jsonl';

const BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** File extensions read when walking a folder or expanding a glob. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The kinds whose rows are documents (CSV, tab-separated and JSON Lines exports). */
export type RecordKind = Extract<InputKind, 'csv' | 'tsv' | 'jsonl'>;

/** Is this a record file's kind, each row a document? */
export function isRecordKind(kind: InputKind): kind is RecordKind {
  return kind === 'csv' || kind === 'tsv' || kind === 'jsonl';
}

/** The reader for a file name (plain text when the extension is unknown). */
export function kindOf(path: string): InputKind {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? 'text';
}

/** Options for readPath and readStream. */
export interface ReadPathOptions extends ReadOptions {
  /** Folder relative paths are resolved against. Default: process.cwd() of the caller. */
  cwd?: string;
  /** Force a reader instead of choosing by extension. */
  kind?: InputKind;
  /**
   * CSV and JSONL records come out as RawRecord (split into records, not decoded or parsed; a CSV
   * file's header is still read here), for the caller to parse with `parseRecord` on a worker
   * thread. Other inputs are unaffected.
   */
  deferRecords?: boolean;
}

/** Turn a whole-file failure into an error entry with a plain message. */
export function errorEntry(path: string, err: unknown): DocumentError {
  if (err instanceof SourdoughError) return { path, error: { code: err.code, message: err.message } };
  const e = err as NodeJS.ErrnoException;
  const code = e?.code;
  const message =
    code === 'ENOENT' ? `file not found: ${path}`
    : code === 'EISDIR' ? `${path} is a folder, not a file`
    : code === 'EACCES' || code === 'EPERM' ? `this account may not read ${path} (permission denied): ask whoever looks after it for read access, or check a copy you can open`
    : `cannot read ${path}: ${e?.message ?? String(err)}`;
  return { path, error: { code: 'SD_ERR_READ', message } };
}

/** Build a document from the whole contents of a (non-record) file. */
export async function documentFromBytes(bytes: Uint8Array, path: string, kind: Exclude<InputKind, RecordKind>): Promise<SourceDocument> {
  if (kind === 'docx') return docx(bytes, path);
  if (bytes.byteLength > LIMITS.documentBytes) throw tooLarge(path, 'the file', LIMITS.documentBytes);
  const source = decodeUtf8(bytes, path);
  if (kind === 'markdown') return readers.markdown(source, path);
  if (kind === 'html') return html(source, path);
  return readers.text(source, path);
}

/** The records of a CSV or JSONL stream (left raw with `deferRecords`); a failure of the stream itself becomes an error entry. */
function records(kind: RecordKind, stream: AsyncIterable<Buffer | string | Uint8Array>, path: string, options: ReadOptions & { deferRecords?: boolean }): AsyncGenerator<ReadItem | RawRecord> {
  const defer = options.deferRecords === true;
  return guarded(kind === 'jsonl' ? jsonl(stream, path, options, defer) : csv(stream, path, options, defer, kind === 'tsv' ? '\t' : ','), path);
}

async function* guarded<T>(items: AsyncIterable<T>, path: string): AsyncGenerator<T | DocumentError> {
  try {
    yield* items;
  } catch (err) {
    yield errorEntry(path, err);
  }
}

/**
 * Read one file: a single document (or error entry), or one item per record for CSV/JSONL (raw
 * records with `deferRecords`).
 */
export function readPath(path: string, options: ReadPathOptions & { deferRecords: true }): AsyncGenerator<ReadItem | RawRecord>;
export function readPath(path: string, options?: ReadPathOptions): AsyncGenerator<ReadItem>;
export async function* readPath(path: string, options: ReadPathOptions = {}): AsyncGenerator<ReadItem | RawRecord> {
  const full = resolve(options.cwd ?? '.', path);
  const kind = options.kind ?? kindOf(path);
  if (isRecordKind(kind)) {
    const stream = createReadStream(full, { highWaterMark: 256 * 1024 });
    yield* records(kind, stream, path, options);
    return;
  }
  let item: ReadItem;
  try {
    // Refuse an oversized file by its size on disk, before reading it into memory.
    const limit = kind === 'docx' ? LIMITS.docxBytes : LIMITS.documentBytes;
    const info = await stat(full);
    if (info.isFile() && info.size > limit) throw tooLarge(path, 'the file', limit);
    const bytes = await readFile(full);
    item = { path, doc: await documentFromBytes(bytes, path, kind) };
  } catch (err) {
    item = errorEntry(path, err);
  }
  yield item;
}

/** Options for readStream. */
export interface ReadStreamOptions extends ReadOptions {
  /** The path to show in results. Default `-`. */
  path?: string;
  /** A file name whose extension picks the reader (`--stdin-filename`). */
  filename?: string;
  kind?: InputKind;
  /** As ReadPathOptions.deferRecords. */
  deferRecords?: boolean;
}

/** Read a stream (standard input): one document, or one item per record for CSV/JSONL. */
export function readStream(stream: AsyncIterable<Buffer | string | Uint8Array>, options: ReadStreamOptions & { deferRecords: true }): AsyncGenerator<ReadItem | RawRecord>;
export function readStream(stream: AsyncIterable<Buffer | string | Uint8Array>, options?: ReadStreamOptions): AsyncGenerator<ReadItem>;
export async function* readStream(stream: AsyncIterable<Buffer | string | Uint8Array>, options: ReadStreamOptions = {}): AsyncGenerator<ReadItem | RawRecord> {
  const path = options.path ?? '-';
  const kind = options.kind ?? (options.filename ? kindOf(options.filename) : 'text');
  if (isRecordKind(kind)) {
    yield* records(kind, stream, path, options);
    return;
  }
  let item: ReadItem;
  try {
    const chunks: Buffer[] = [];
    const limit = kind === 'docx' ? LIMITS.docxBytes : LIMITS.documentBytes;
    let size = 0;
    for await (const c of stream) {
      const buf = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
      size += buf.length;
      // Stop reading at the limit, so memory stays bounded whatever is piped in.
      if (size > limit) throw tooLarge(path === '-' ? 'standard input' : path, 'the input', limit);
      chunks.push(buf);
    }
    item = { path, doc: await documentFromBytes(Buffer.concat(chunks), path, kind) };
  } catch (err) {
    item = errorEntry(path, err);
  }
  yield item;
}
