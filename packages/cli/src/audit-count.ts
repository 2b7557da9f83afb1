/**
 * A quick count of the documents an audit will read, so the progress bar can show an ETA: one per
 * plain file, one per non-blank line of a JSONL file, one per record of a CSV file (quotes read
 * as the CSV reader reads them, so line breaks inside a quoted field do not end a record; the
 * header is not counted; a quote that never closes makes it count lines). Reads the files at disk speed, only counting bytes: never decodes or keeps the
 * text. Only run when a bar will be drawn.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { isRecordKind, kindOf } from '@sourdough/readers';

const NL = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/**
 * Records in one CSV or JSONL file (an estimate when rows are broken). CSV quotes are read as the
 * reader reads them (readers' records.ts, `quoting`), line by line: a quote opens a quoted field
 * only at the start of a field (the line's start or just after a comma), so a quote in the middle
 * of an unquoted field (5'4" tall) opens nothing; inside a quoted field "" is a quote and a single
 * " closes it. A closing quote followed by more than a comma or the line's end ends the record at
 * that line (the reader reports it), or, for a quote left open on an earlier line, makes the
 * reader read those lines again: then, as when a quote never closes, lines are counted instead.
 */
async function countRecords(file: string, csv: boolean, sep = COMMA): Promise<number> {
  let records = 0;
  let lines = 0;
  let lineContent = false;
  let content = false; // the record so far has something other than blanks
  // CSV state: `open` is whether the record is inside quotes at the start of this line.
  let open = false;
  let quoted = false;
  let fieldStart = true;
  let pendingQuote = false; // a quote inside quotes: the next byte says whether it closes
  let prev = -1; // the byte before the pending quote, on this line (-1: the quote starts the line)
  let lineDone = false; // this line's quoting is settled (the rest of it is not walked)
  let estimate = false; // the reader will re-read lines: count lines instead
  let before = -1; // the previous byte on this line
  const endLine = (): void => {
    if (pendingQuote) quoted = false; // a quote that ends the line closes the field
    pendingQuote = false;
    if (lineContent) lines++;
    const stillOpen = csv && !lineDone && quoted;
    if (!stillOpen) {
      if (content) records++;
      content = false;
    }
    open = stillOpen;
    quoted = open;
    fieldStart = !open;
    lineDone = false;
    lineContent = false;
    before = -1;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === NL) {
        endLine();
        continue;
      }
      // A row of empty cells (",,,") is skipped by the reader, as a blank line is.
      if (b !== CR && b !== 32 && b !== 9 && !(csv && b === sep)) content = lineContent = true;
      if (!csv || lineDone) continue;
      if (pendingQuote) {
        pendingQuote = false;
        if (b === QUOTE) {
          before = b;
          continue; // "" inside quotes
        }
        quoted = false;
        if (b !== sep && b !== CR) {
          // A quote that cannot close a field: see `quoting` in the readers.
          if (open && (prev === -1 || prev === sep)) estimate = true;
          lineDone = true;
          continue;
        }
      } else if (quoted) {
        if (b === QUOTE) {
          pendingQuote = true;
          prev = before;
        }
        before = b;
        continue;
      }
      if (b === sep) fieldStart = true;
      else {
        if (b === QUOTE && fieldStart) quoted = true;
        fieldStart = false;
      }
      before = b;
    }
  }
  if (lineContent || content || pendingQuote) endLine();
  // A quote that never closes would swallow the rest of the file; the reader reports that row and
  // reads on from the next line, so count lines instead.
  const n = open || estimate ? lines : records;
  return csv ? Math.max(0, n - 1) : n;
}

/** The number of documents in these files, or undefined when it cannot be known (standard input, unreadable files). */
export async function countDocuments(files: readonly string[], cwd: string): Promise<number | undefined> {
  let n = 0;
  try {
    for (const f of files) {
      if (f === '-') return undefined;
      const kind = kindOf(f);
      n += isRecordKind(kind) ? await countRecords(resolve(cwd, f), kind !== 'jsonl', kind === 'tsv' ? 9 : COMMA) : 1;
    }
  } catch {
    return undefined;
  }
  return n;
}
