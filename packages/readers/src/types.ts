/**
 * What readers yield: a document ready for core's `analyse()` (with its path, and for records its
 * id, row and other columns), or an error entry naming the file and row. Types only.
 */
import type { DocumentError, SourceDocument } from '@sourdough/core';

/** A document that was read and can be analysed. */
export interface ReadDocument {
  /** The file as given (or `-` for standard input). */
  path: string;
  /** Record id (CSV/JSONL), from the id field. */
  id?: string;
  /** 1-based record number (CSV: data rows after the header; JSONL: line number). */
  row?: number;
  /** The record's other columns, kept for reports. */
  meta?: Record<string, string>;
  doc: SourceDocument;
}

/** One item from a reader: a document, or an error entry (the run goes on). */
export type ReadItem = ReadDocument | DocumentError;

/**
 * A CSV or JSONL record left unparsed (`deferRecords`): its bytes, for `parseRecord` to turn into
 * a document or error entry elsewhere (on a worker thread), exactly as reading would have.
 */
export interface RawRecord {
  path: string;
  /** The line number. */
  row: number;
  /** The line's bytes, without the line break. */
  raw: Uint8Array;
  /** The reading options that apply (text and id fields). */
  fields: ReadOptions;
  /**
   * For a CSV record: its file's header and where it is (file, row and lines, for messages). Its
   * bytes are the record's lines joined by \n. Absent for a JSONL line.
   */
  csv?: { header: string[]; where: string; delimiter?: ',' | '\t'; encoding?: 'utf-8' | 'windows-1252' };
}

/** Options shared by the readers. */
export interface ReadOptions {
  /** Field holding the text in CSV/JSONL records. Default `text`. */
  textField?: string;
  /** Field holding the record id in CSV/JSONL records. Default `id`. */
  idField?: string;
  /**
   * Told once per file about how it was read when that is not what the user may assume (a CSV
   * file read as Windows-1252). The message names the file and row, never record text.
   */
  onNotice?: (message: string) => void;
}

/** True when the item is an error entry rather than a document (or a raw record). */
export function isReadError(item: ReadItem | RawRecord): item is DocumentError {
  return 'error' in item;
}
