/**
 * A quick count of the documents an audit will read, so the progress bar can show an ETA: one per
 * plain file, one per non-blank line of a JSONL file, one per record of a CSV file (line breaks
 * inside quotes do not end a record; the header is not counted; a quote that never closes makes it
 * count lines). Reads the files at disk speed, only counting bytes: never decodes or keeps the
 * text. Only run when a bar will be drawn.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { kindOf } from '@sourdough/readers';

const NL = 10;
const CR = 13;
const QUOTE = 34;

/** Records in one CSV or JSONL file (an estimate when rows are broken). */
async function countRecords(file: string, csv: boolean): Promise<number> {
  let records = 0;
  let lines = 0;
  let inQuotes = false;
  let content = false;
  let lineContent = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === QUOTE && csv) inQuotes = !inQuotes;
      if (b === NL) {
        if (lineContent) lines++;
        lineContent = false;
        if (!inQuotes) {
          if (content) records++;
          content = false;
        }
      } else if (b !== CR && b !== 32 && b !== 9) content = lineContent = true;
    }
  }
  if (content && !inQuotes) records++;
  if (lineContent) lines++;
  // A quote that never closes would swallow the rest of the file; the reader reports that row and
  // reads on from the next line, so count lines instead.
  const n = inQuotes ? lines : records;
  return csv ? Math.max(0, n - 1) : n;
}

/** The number of documents in these files, or undefined when it cannot be known (standard input, unreadable files). */
export async function countDocuments(files: readonly string[], cwd: string): Promise<number | undefined> {
  let n = 0;
  try {
    for (const f of files) {
      if (f === '-') return undefined;
      const kind = kindOf(f);
      n += kind === 'csv' || kind === 'jsonl' ? await countRecords(resolve(cwd, f), kind === 'csv') : 1;
    }
  } catch {
    return undefined;
  }
  return n;
}
