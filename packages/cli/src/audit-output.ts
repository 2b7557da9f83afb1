/**
 * The audit's output folder, written atomically: every output goes to a hidden temporary folder
 * inside DIR first and is renamed into place only when the whole run has succeeded (data files
 * first, `summary.json` next, `report.html` last), so an interrupted or failed run never leaves a
 * report that looks complete. A failed run removes its temporary folder, and so does one stopped
 * with Ctrl+C or SIGTERM (see audit.ts); only a run killed outright (SIGKILL, a crash of the
 * machine) leaves it behind. Writes only the files the
 * user asked for; nothing else (no logs, no copies of the text).
 */
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileSink, type Sink } from './output.js';

/** The files an audit writes, in the order they are moved into place. */
export const AUDIT_FILES = ['findings.csv', 'documents.csv', 'summary.json', 'report.html'] as const;
export type AuditFile = (typeof AUDIT_FILES)[number];

/** A staging area for the audit outputs. */
export interface AuditOutput {
  /** The final folder (absolute). */
  readonly dir: string;
  /** A buffered writer for one output, in the staging folder. */
  sink(name: AuditFile): Promise<Sink>;
  /** Move every staged output into place and remove the staging folder. */
  commit(): Promise<void>;
  /**
   * Remove the staging folder and everything in it, and DIR itself when this run created it and
   * it is left empty (safe to call after commit, which keeps DIR).
   */
  discard(): Promise<void>;
  /**
   * discard(), synchronously (discard() calls it): for a signal handler, which must finish before
   * the process exits (Ctrl+C during a run). Safe to call at any point and more than once.
   */
  discardNow(): void;
}

/** Create DIR (if needed) and a hidden staging folder inside it. */
export async function openAuditOutput(cwd: string, dir: string): Promise<AuditOutput> {
  const final = resolve(cwd, dir);
  const existed = existsSync(final);
  await mkdir(final, { recursive: true });
  const staging = await mkdtemp(join(final, '.sourdough-audit-'));
  const written = new Set<AuditFile>();
  let committed = false;
  const discardNow = (): void => {
    rmSync(staging, { recursive: true, force: true });
    // rmdirSync removes only an empty folder: anything else put there meanwhile stays.
    if (!existed && !committed) {
      try {
        rmdirSync(final);
      } catch {
        // not empty, or already gone: leave it
      }
    }
  };
  return {
    dir: final,
    async sink(name) {
      written.add(name);
      return fileSink(staging, name);
    },
    async commit() {
      for (const name of AUDIT_FILES) if (written.has(name)) await rename(join(staging, name), join(final, name));
      await rm(staging, { recursive: true, force: true });
      committed = true;
    },
    async discard() {
      discardNow();
    },
    discardNow,
  };
}
