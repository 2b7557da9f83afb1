/**
 * The documents a run reads, lazily and in argument order: first an error entry for each pattern
 * that matched nothing, then every file (or standard input for `-`) through the readers. Shared by
 * `check` and `audit`. Reads only; never analyses.
 */
import type { DocumentError } from '@sourdough/core';
import { readPath, readStream, type RawRecord, type ReadItem } from '@sourdough/readers';
import { printable } from '@sourdough/reporters';
import type { Io } from './io.js';

/** The command options reading uses. */
export interface InputOptions {
  textField?: string | undefined;
  idField?: string | undefined;
  stdinFilename?: string | undefined;
}

/**
 * Yield every document (or error entry) of `files`, after one error per unmatched pattern and per
 * folder that could not be opened.
 * `verb` completes "no files to … match" (`check` or `audit`). With `deferRecords` (worker
 * threads will analyse), CSV and JSONL records come out raw, for the workers to parse.
 */
export async function* readInputs(files: string[], unmatched: string[], opts: InputOptions, verb: string, io: Io, deferRecords = false, unreadable: readonly string[] = []): AsyncGenerator<ReadItem | RawRecord> {
  // A file read in another encoding than UTF-8 is said once on standard error (file and row, never text).
  const onNotice = (message: string): void => void io.stderr.write(`sourdough${verb === 'check' ? '' : ` ${verb}`}: ${printable(message)}\n`);
  const readOpts = { textField: opts.textField ?? 'text', idField: opts.idField ?? 'id', deferRecords, onNotice };
  for (const pattern of unmatched) {
    const e: DocumentError = { path: pattern, error: { code: 'SD_ERR_INPUT', message: `no files to ${verb} match ${pattern}` } };
    yield e;
  }
  // Folders the walk could not open: reported, so their files are never left out without a word.
  for (const folder of unreadable) {
    const e: DocumentError = { path: folder, error: { code: 'SD_ERR_READ', message: `${folder} is a folder this account may not open, so the files in it were not ${verb === 'check' ? 'checked' : 'audited'}` } };
    yield e;
  }
  for (const f of files) {
    if (f === '-') {
      const s: Parameters<typeof readStream>[1] = { ...readOpts };
      if (opts.stdinFilename) s.filename = opts.stdinFilename;
      yield* readStream(io.stdin as AsyncIterable<Buffer>, s);
    } else yield* readPath(f, { ...readOpts, cwd: io.cwd });
  }
}
