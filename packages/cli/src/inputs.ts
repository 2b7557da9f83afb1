/**
 * The documents a run reads, lazily and in argument order: first an error entry for each pattern
 * that matched nothing, then every file (or standard input for `-`) through the readers. Shared by
 * `check` and `audit`. Reads only; never analyses.
 */
import type { DocumentError } from '@sourdough/core';
import { readPath, readStream, type RawRecord, type ReadItem, type Unreadable } from '@sourdough/readers';
import { printable } from '@sourdough/reporters';
import type { Io } from './io.js';

/** The command options reading uses. */
export interface InputOptions {
  textField?: string | undefined;
  idField?: string | undefined;
  stdinFilename?: string | undefined;
}

/** Why a walk could not read something, as an error entry says it. */
export function unreadableMessage(u: Unreadable, verb: string): string {
  const done = verb === 'check' ? 'checked' : 'audited';
  switch (u.reason) {
    case 'folder':
      return `${u.path} is a folder this account may not open, so the files in it were not ${done}`;
    case 'broken-link':
      return `${u.path} is a link to a file that is not there (moved or deleted), so it was not ${done}`;
    case 'not-a-file':
      return `${u.path} is not an ordinary file (a pipe, socket or device), so it was not ${done}; to read it anyway, name it on its own`;
  }
}

/**
 * Yield every document (or error entry) of `files`, after one error per unmatched pattern and per
 * thing a walk met and could not read (a folder it may not open, a broken link, a pipe).
 * `verb` completes "no files to … match" (`check` or `audit`). With `deferRecords` (worker
 * threads will analyse), CSV and JSONL records come out raw, for the workers to parse.
 */
export async function* readInputs(files: string[], unmatched: string[], opts: InputOptions, verb: string, io: Io, deferRecords = false, unreadable: readonly Unreadable[] = []): AsyncGenerator<ReadItem | RawRecord> {
  // A file read in another encoding than UTF-8 is said once on standard error (file and row, never text).
  const onNotice = (message: string): void => void io.stderr.write(`sourdough${verb === 'check' ? '' : ` ${verb}`}: ${printable(message)}\n`);
  const readOpts = { textField: opts.textField ?? 'text', idField: opts.idField ?? 'id', deferRecords, onNotice };
  for (const pattern of unmatched) {
    const e: DocumentError = { path: pattern, error: { code: 'SD_ERR_INPUT', message: `no files to ${verb} match ${pattern}` } };
    yield e;
  }
  // What the walk could not read: reported, so nothing is left out without a word.
  for (const u of unreadable) {
    const e: DocumentError = { path: u.path, error: { code: 'SD_ERR_READ', message: unreadableMessage(u, verb) } };
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
