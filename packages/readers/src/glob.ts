/**
 * Command-line paths → the files to read. Globs are expanded (fast-glob), folders are walked for
 * supported files, and `.gitignore`-style ignore rules (an ignore file and `--ignore-pattern`)
 * filter what globs and folders find; a file named explicitly is always read. `node_modules` and
 * `.git` are never walked, and Office's owner files (`~$plan.docx`) are skipped. Output is sorted
 * and de-duplicated, in argument order.
 */
import * as fs from 'node:fs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore from 'ignore';
import { SourdoughError } from '@sourdough/core';
import { SUPPORTED_EXTENSIONS } from './read.js';

/** Options for expandGlobs. */
export interface ExpandOptions {
  /** Folder paths and patterns are relative to. */
  cwd: string;
  /** Extra `.gitignore`-style patterns (`--ignore-pattern`). */
  ignorePatterns?: string[];
  /** Ignore file to read (`--ignore-path`). Default: `.sourdoughignore` in `cwd`, when present. */
  ignorePath?: string;
}

/** The files to read, the arguments that matched nothing, and the folders that could not be read. */
export interface Expanded {
  files: string[];
  /** Globs or folders that matched no supported file. */
  unmatched: string[];
  /** Folders met while walking that could not be opened (no permission), relative to `cwd`: their files were not read. */
  unreadable: string[];
}

/**
 * The file system as fast-glob walks it, except that a folder it may not open (EACCES, EPERM) is
 * noted and walked as empty instead of ending the whole walk with an error, so the rest is still
 * read and the folder is reported rather than silently left out.
 */
export function noting(unreadable: Set<string>, readdirImpl: (...a: unknown[]) => void = fs.readdir as (...a: unknown[]) => void): Partial<typeof fs> {
  const readdir = (path: fs.PathLike, ...rest: unknown[]): void => {
    const callback = rest.pop() as (err: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
    readdirImpl(path, ...rest, (err: NodeJS.ErrnoException | null, entries: unknown[]) => {
      if (err && (err.code === 'EACCES' || err.code === 'EPERM')) {
        unreadable.add(String(path));
        callback(null, []);
      } else callback(err, entries);
    });
  };
  return { readdir: readdir as typeof fs.readdir };
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * An owner (lock) file that Word, Excel or PowerPoint leaves beside a document while it is open
 * (`~$plan.docx`): a few bytes naming who has it open, not a document. Folders and globs skip
 * them; one named explicitly is still read.
 */
const isOwnerFile = (p: string): boolean => basename(p).startsWith('~$');
const extensionGlob = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Expand paths, folders and globs (standard input `-` is passed through). */
export async function expandGlobs(patterns: string[], options: ExpandOptions): Promise<Expanded> {
  const { cwd } = options;
  const ig = ignore();
  const ignoreFile = options.ignorePath ? resolve(cwd, options.ignorePath) : join(cwd, '.sourdoughignore');
  if (options.ignorePath || existsSync(ignoreFile)) {
    try {
      ig.add(readFileSync(ignoreFile, 'utf8'));
    } catch (err) {
      throw new SourdoughError('SD_ERR_INPUT', `cannot read ignore file ${options.ignorePath ?? ignoreFile}: ${(err as Error).message}`, { file: ignoreFile });
    }
  }
  if (options.ignorePatterns?.length) ig.add(options.ignorePatterns);
  const ignored = (p: string, folder = false): boolean => {
    const rel = toPosix(relative(cwd, resolve(cwd, p)));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    // A folder is ignored by a pattern for folders ("private/") as well as by one for paths.
    return ig.ignores(rel) || (folder && ig.ignores(`${rel}/`));
  };
  const supported = (p: string): boolean => SUPPORTED_EXTENSIONS.some((e) => p.toLowerCase().endsWith(e));

  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const unreadableDirs = new Set<string>();
  const unreadable: string[] = [];
  const walkFs = noting(unreadableDirs);
  const add = (p: string): void => {
    const key = p === '-' ? '-' : resolve(cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };

  for (const pattern of patterns) {
    if (pattern === '-') {
      add('-');
      continue;
    }
    let found: string[] | undefined;
    let shown: (folder: string) => string = (d) => d;
    const unreadableBefore = new Set(unreadableDirs);
    if (fg.isDynamicPattern(pattern) && !existsSync(resolve(cwd, pattern))) {
      found = (await fg(toPosix(pattern), { cwd, onlyFiles: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, fs: walkFs })).filter(supported);
      shown = (d) => toPosix(relative(cwd, resolve(cwd, d))) || '.';
    } else {
      let stat;
      try {
        stat = statSync(resolve(cwd, pattern));
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) {
        const dir = resolve(cwd, pattern);
        const prefix = pattern.replace(/[\\/]+$/, '');
        found = (await fg(extensionGlob, { cwd: dir, onlyFiles: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, caseSensitiveMatch: false, fs: walkFs })).map((f) => `${prefix}/${f}`);
        // Shown as the folder's files are: under the folder as it was named.
        shown = (d) => `${prefix}/${toPosix(relative(dir, resolve(dir, d)))}`.replace(/\/$/, '');
      } else {
        add(pattern); // a file, or a path that does not exist (reading it reports the problem)
        continue;
      }
    }
    const kept = found.filter((f) => !ignored(f) && !isOwnerFile(f)).sort();
    const locked = [...unreadableDirs].filter((d) => !unreadableBefore.has(d)).map(shown).filter((d) => !ignored(d, true)).sort();
    // A folder whose only files sit in folders it may not open is reported as those folders, not as matching nothing.
    if (!kept.length && !locked.length) unmatched.push(pattern);
    unreadable.push(...locked);
    kept.forEach(add);
  }
  return { files, unmatched, unreadable };
}
