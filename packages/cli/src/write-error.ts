/**
 * Plain words for a report that cannot be written: the file system's reason (a folder given for a
 * file, a folder that does not exist, no permission, a full disk) and what to do about it, instead
 * of Node's `EISDIR: illegal operation on a directory, open '…'`. Never quotes a document.
 */
import { dirname } from 'node:path';

/** What went wrong writing at `path` (the `-o` given): `kind` is what `-o` should name. */
export function writeProblem(err: unknown, path: string, kind: 'file' | 'folder'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return `${path} is a folder: give --output the name of a file for the report (one in that folder, for example)`;
    case 'EEXIST':
    case 'ENOTDIR':
      return kind === 'folder'
        ? `${path} (or a folder above it) is a file, not a folder: give --output a folder for the report (it is created if needed)`
        : `a folder above ${path} is a file, not a folder: choose another --output`;
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist: create it first, or choose another --output`;
    case 'EACCES':
    case 'EPERM':
      return `this account may not write to ${path} (permission denied): choose another --output`;
    case 'EROFS':
      return `${path} is on a disk that cannot be written to (read-only): choose another --output`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (or this account's share of it is used up), so ${path} could not be written: free some space and run again`;
    default:
      return `cannot write ${path}: ${(err as Error | undefined)?.message ?? String(err)}`;
  }
}

/** True for a failure of the disk being written to, rather than a bug: the message says so plainly. */
export function isWriteFailure(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | undefined;
  return e?.syscall === 'write' && (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EIO' || e.code === 'EFBIG');
}
