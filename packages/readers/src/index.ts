/**
 * @sourdough/readers — files and streams → documents for core's `analyse()`: text, Markdown
 * (core's readers), HTML (visible text), DOCX (mammoth), CSV and JSONL records (streamed), stdin,
 * and path/glob expansion with ignore files. Public surface pinned by a test: `readPath`,
 * `readStream`, `expandGlobs` (plus the helpers and types below, for `audit` and the server).
 */
export { readPath, readStream, kindOf, isRecordKind, errorEntry, documentFromBytes, SUPPORTED_EXTENSIONS } from './read.js';
export type { RecordKind } from './read.js';
export { caseVariant } from './record.js';
export type { InputKind, ReadPathOptions, ReadStreamOptions } from './read.js';
export { expandGlobs } from './glob.js';
export type { ExpandOptions, Expanded, Unreadable } from './glob.js';
export { html } from './html.js';
export { docx } from './docx.js';
export { csv, jsonl } from './records.js';
export { recordToItem, jsonlRecord, parseRecord, isRawRecord } from './record.js';
export { isReadError } from './types.js';
export type { ReadDocument, ReadItem, ReadOptions, RawRecord } from './types.js';
