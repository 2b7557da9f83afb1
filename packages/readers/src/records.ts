/**
 * CSV and JSONL exports → one document per record (SPEC §4): the text field is analysed, the id
 * field names the record, and every other column is kept as metadata. Records stream: memory is
 * bounded by the longest record, not the file. A bad record (broken CSV quoting, a JSONL line that
 * is not JSON, bytes that are not UTF-8, no text field) becomes an error entry naming the file,
 * row and line, and reading goes on with the next record.
 */
import type { DocumentError } from '@sourdough/core';
import type { RawRecord, ReadItem, ReadOptions } from './types.js';
import { caseVariant, csvFields, csvRecord, fail, jsonlRecord } from './record.js';
import { isBlank, splitLines, type Line } from './lines.js';
import { LIMITS } from './limits.js';
import { isUtf8 } from 'node:buffer';
import type { RecordEncoding } from './decode.js';

/** A CSV record may span lines (quoted newlines) but not more than this before it is called broken. */
const MAX_CSV_RECORD_BYTES = LIMITS.recordBytes;

const tooLongMessage = (where: string): string =>
  `${where} is too large: one record may be at most ${Math.round(LIMITS.recordBytes / (1024 * 1024))} MB (it was skipped)`;

/** The reading options a record needs (text and id fields), without the rest. */
function fieldsOf(options: ReadOptions): ReadOptions {
  const fields: ReadOptions = {};
  if (options.textField !== undefined) fields.textField = options.textField;
  if (options.idField !== undefined) fields.idField = options.idField;
  return fields;
}

/**
 * Records of a JSONL (one JSON object per line) stream. Row = line number; blank lines are
 * skipped. With `defer`, each record comes out raw (its line's bytes) for `parseRecord` to parse
 * later, on a worker thread; a line over the record limit is still reported here.
 */
export function jsonl(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options?: ReadOptions): AsyncGenerator<ReadItem>;
export function jsonl(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options: ReadOptions, defer: boolean): AsyncGenerator<ReadItem | RawRecord>;
export async function* jsonl(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options: ReadOptions = {}, defer = false): AsyncGenerator<ReadItem | RawRecord> {
  const fields = fieldsOf(options);
  for await (const { bytes, line, tooLong } of splitLines(chunks, LIMITS.recordBytes)) {
    if (tooLong) {
      yield fail(path, line, 'SD_ERR_TOO_LARGE', tooLongMessage(`${path} row ${line}`));
      continue;
    }
    if (isBlank(bytes)) continue;
    yield defer ? { path, row: line, raw: bytes, fields } : jsonlRecord(bytes, path, line, fields);
  }
}

/**
 * How a CSV line leaves the quoting: outside any field's quotes, still inside one, or broken (a
 * quoted field closed and was followed by more than a comma or the line's end).
 */
type Quoting = 'closed' | 'open' | 'broken';

/**
 * How a CSV line ends, given whether it began inside a quoted field. A quote opens a quoted field
 * only at the start of a field (the line's start or just after a comma); inside one, "" is a
 * quote and a single " closes it, which must then be followed by a comma or the line's end. A
 * quote in the middle of an unquoted field (5'4" tall) opens nothing, so two such quotes can no
 * longer join the rows between them into one broken record: each such row is reported on its own
 * (the quote should be inside a quoted field, doubled), and the rows around it are read as usual.
 */
function quoting(bytes: Buffer, open: boolean, sep = 44): Quoting {
  // Most lines hold no quote at all: nothing to walk.
  const first = bytes.indexOf(34);
  if (first === -1) return open ? 'open' : 'closed';
  let quoted = open;
  let fieldStart = !open;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (quoted) {
      if (c === 34) {
        if (bytes[i + 1] === 34) i++;
        else {
          quoted = false;
          const after = bytes[i + 1];
          if (after !== undefined && after !== sep && after !== 13) {
            // A quote that cannot close a field. Where it could open one (at the start of the line
            // or after a comma, on a line begun inside quotes), it is the next record's, and the
            // quote left open earlier never closed; anywhere else this record's own quoting is
            // broken, and the CSV parser says so for the record as a whole.
            return open && (i === 0 || bytes[i - 1] === sep) ? 'broken' : 'closed';
          }
        }
      }
      continue;
    }
    if (c === sep) fieldStart = true;
    else {
      if (c === 34 && fieldStart) quoted = true;
      fieldStart = false;
    }
  }
  return quoted ? 'open' : 'closed';
}

interface CsvRecord {
  lines: Line[];
  /** False when the record never closed its quotes (end of file or too long). */
  closed: boolean;
  /** The record was over the record limit (its bytes were skipped): `lines` are its first and last. */
  tooLong?: true;
  /**
   * Lines not read: they came after a quote that never closed and past the record limit, so they
   * were not kept to be read again. `lines` are the first and last of them.
   */
  lost?: true;
}

/** A line to read again, or the mark of lines that were not kept (from `line` to `lostTo`). */
type Replayed = Line & { lostTo?: number };

/**
 * Group physical lines into CSV records: a record ends at a line break outside quotes. A record
 * whose quotes never close is reported as broken at its first line, and reading restarts on the
 * line after it, so one stray quote cannot swallow the rest of the file. A record still open at
 * the record limit is followed (its lines no longer kept) to see whether its quotes close: if they
 * do, it is one record that is too large, and reading goes on after its end; if they do not, its
 * first line is broken and the lines kept are read again (the lines past the limit, which were
 * not kept, are reported as not read).
 */
async function* csvRecords(chunks: AsyncIterable<Buffer | string | Uint8Array>, sep: number): AsyncGenerator<CsvRecord> {
  const source = splitLines(chunks, MAX_CSV_RECORD_BYTES)[Symbol.asyncIterator]();
  // Lines to read again before the source's next ones (read from `at` on: an index, not shift(),
  // and concat, not a spread, since a record left open can hold hundreds of thousands of lines).
  let replay: Replayed[] = [];
  let at = 0;
  let pending: Line[] = [];
  let open = false;
  let bytes = 0;
  /** The open record passed the limit: the lines after its kept ones (first, last), not kept. */
  let over: { from: number; to: number } | undefined;
  const next = async (): Promise<Replayed | undefined> => {
    if (at < replay.length) return replay[at++];
    const r = await source.next();
    return r.done ? undefined : r.value;
  };
  const reset = (): void => {
    pending = [];
    open = false;
    bytes = 0;
    over = undefined;
  };
  /**
   * The record so far never closed its quote: its first line is reported, the rest read again
   * (then `also`, a line that starts the next record).
   */
  const firstLineBroken = (also?: Line): CsvRecord => {
    const record = { lines: [pending[0]!], closed: false };
    const again: Replayed[] = pending.slice(1);
    if (over && over.to >= over.from) again.push({ bytes: Buffer.alloc(0), line: over.from, lostTo: over.to });
    if (also) again.push(also);
    replay = at < replay.length ? again.concat(replay.slice(at)) : again;
    at = 0;
    reset();
    return record;
  };
  for (;;) {
    const l = await next();
    if (!l) {
      // The file ended inside a quote.
      if (!pending.length) break;
      yield firstLineBroken();
      continue;
    }
    if (l.lostTo !== undefined) {
      yield { lines: [l, { bytes: l.bytes, line: l.lostTo }], closed: true, lost: true };
      continue;
    }
    if (l.tooLong) {
      // The rest of the record is unknowable: report it at its first line and start afresh.
      yield { lines: pending.length ? [pending[0]!, l] : [l], closed: true, tooLong: true };
      reset();
      continue;
    }
    if (!pending.length && isBlank(l.bytes)) continue;
    const state = quoting(l.bytes, open, sep);
    if (over) {
      // Past the limit: only whether (and where) the quotes close is followed.
      if (state === 'open') over.to = l.line;
      else if (state === 'closed') {
        yield { lines: [pending[0]!, l], closed: true, tooLong: true };
        reset();
      } else yield firstLineBroken(l); // the quote never closed; this line's quote opens the next record
      continue;
    }
    pending.push(l);
    open = state === 'open';
    bytes += l.bytes.length;
    if (state === 'broken' && pending.length > 1) {
      // A quote left open on an earlier line, "closed" here by a quote that cannot close a field.
      yield firstLineBroken();
    } else if (state !== 'open') {
      // Closed, or broken on its own line (the CSV parser then says how).
      yield { lines: pending, closed: true };
      pending = [];
      bytes = 0;
    } else if (bytes > MAX_CSV_RECORD_BYTES) {
      over = { from: l.line + 1, to: l.line };
    }
  }
}

/**
 * Records of a CSV stream with a header row. Row = data record number (the first record after
 * the header is row 1); messages also give the line in the file. `delimiter` is `,` for CSV and
 * a tab for tab-separated exports (`.tsv`), read with the same quoting rules.
 */
export function csv(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options?: ReadOptions): AsyncGenerator<ReadItem>;
export function csv(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options: ReadOptions, defer: boolean, delimiter?: ',' | '\t'): AsyncGenerator<ReadItem | RawRecord>;
export async function* csv(chunks: AsyncIterable<Buffer | string | Uint8Array>, path: string, options: ReadOptions = {}, defer = false, delimiter: ',' | '\t' = ','): AsyncGenerator<ReadItem | RawRecord> {
  const readFields = fieldsOf(options);
  const tab = delimiter === '\t';
  let encoding: RecordEncoding | undefined;
  let header: string[] | undefined;
  let row = 0;
  for await (const rec of csvRecords(chunks, tab ? 9 : 44)) {
    // A row of empty cells (",,,", what a spreadsheet writes for rows it once formatted) holds no
    // record: skipped as a blank line is.
    if (header && rec.closed && !rec.tooLong && !rec.lost && rec.lines.length === 1 && emptyCells(rec.lines[0]!.bytes, tab ? 9 : 44)) continue;
    const first = rec.lines[0]!.line;
    const lineLabel = rec.lines.length > 1 ? `lines ${first}–${rec.lines[rec.lines.length - 1]!.line}` : `line ${first}`;
    if (header) row++;
    const where = header ? `${path} row ${row} (${lineLabel})` : `${path} header (${lineLabel})`;
    const fault = (code: string, message: string): DocumentError => (header ? fail(path, row, code, message) : { path, error: { code, message } });
    if (rec.tooLong) {
      yield fault('SD_ERR_TOO_LARGE', tooLongMessage(where));
      if (!header) return;
      continue;
    }
    if (rec.lost) {
      yield fault('SD_ERR_CSV_ROW', `${where} could not be read: these lines come after a quote that is never closed, and there were too many to keep for reading again (fix that quote and check the file again)`);
      continue;
    }
    if (!rec.closed) {
      yield fault('SD_ERR_CSV_ROW', `${where} has a quote that is never closed (check the quoting of this row)`);
      if (!header) return;
      continue;
    }
    let bytes = rec.lines.length === 1 ? rec.lines[0]!.bytes : Buffer.concat(rec.lines.flatMap((l, i) => (i ? [Buffer.from('\n'), l.bytes] : [l.bytes])));
    if (!header && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    // The file's encoding, settled by its first record (or header) with a byte beyond ASCII: valid
    // UTF-8 makes it UTF-8 (a later record that is not is an SD_ERR_ENCODING entry, as before);
    // anything else is what Excel saves as "CSV (Comma delimited)", Windows-1252 (£ is one byte,
    // 0xA3), and the file is read that way from there on, with one notice saying so.
    if (encoding === undefined && !isAscii(bytes)) {
      encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
      if (encoding === 'windows-1252') {
        options.onNotice?.(
          `${path} is not UTF-8 text (first at ${header ? `row ${row}, ${lineLabel}` : `its header, ${lineLabel}`}), so it is read as Windows-1252, the encoding Excel uses for "CSV (Comma delimited)", where £ and accented letters are one byte each; if any look wrong in the report, save the file as "CSV UTF-8" and run again`,
        );
      }
    }
    const enc: RecordEncoding = encoding ?? 'utf-8';
    if (header && defer) {
      // The worker decodes and parses the record (parseRecord), exactly as below.
      const meta: NonNullable<RawRecord['csv']> = { header, where };
      if (tab) meta.delimiter = delimiter;
      if (enc !== 'utf-8') meta.encoding = enc;
      yield { path, row, raw: bytes, fields: readFields, csv: meta };
      continue;
    }
    if (header) {
      yield csvRecord(bytes, path, row, where, header, readFields, delimiter, enc);
      continue;
    }
    const fields = csvFields(bytes, where, delimiter, enc);
    if (!Array.isArray(fields)) {
      yield fault(fields.code, fields.message);
      return;
    }
    const names = fields.map((f) => f.trim());
    // Exports name their columns as their system does ("Text", "ID"): a text or id column that
    // differs from the field asked for only in capitals is that field, when only one column does.
    for (const wanted of [options.textField ?? 'text', options.idField ?? 'id']) {
      if (names.includes(wanted)) continue;
      const alike = caseVariant(names, wanted);
      if (alike !== undefined) names[names.indexOf(alike)] = wanted;
    }
    // No column for the text (a file without a header row, whose first record was read as the
    // header, or the wrong --text-field): no record can be read, so the file is one problem, not
    // one per row. Said without quoting the line, which may be a record.
    const textField = options.textField ?? 'text';
    if (!names.includes(textField)) {
      yield fault(
        'SD_ERR_INPUT',
        `${where} has ${names.length} column${names.length === 1 ? '' : 's'} and none is called "${textField}", so no record could be read: if the file has no header row, add one as its first line naming the columns (one of them "${textField}"); if the text is in a column with another name, give that name with --text-field`,
      );
      return;
    }
    // Two columns with one name: only one of them could be read, and the other would be left out
    // without a word (the text field especially). The file is refused with both columns named.
    const twice = names.findIndex((n, i) => n !== '' && names.indexOf(n) !== i);
    if (twice !== -1) {
      const name = names[twice]!;
      yield fault('SD_ERR_INPUT', `${where} has two columns named "${name}" (columns ${names.indexOf(name) + 1} and ${twice + 1}): rename one, so it is clear which to read`);
      return;
    }
    header = names;
  }
}

/** True when every byte is ASCII (so the bytes read the same in UTF-8 and Windows-1252). */
function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** True for a line of separators and spaces only: every cell empty. */
function emptyCells(bytes: Uint8Array, sep: number): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== sep && b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
