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

/**
 * Something a walk met and could not read, shown as the walk names it: a folder it may not open
 * (no permission: its files were not read), a link to a file that is not there, or an entry with a
 * supported extension that is not an ordinary file (a pipe, socket or device, which a reader
 * would wait on for ever).
 */
export interface Unreadable {
  path: string;
  reason: 'folder' | 'broken-link' | 'not-a-file';
}

/** The files to read, the arguments that matched nothing, and what a walk could not read. */
export interface Expanded {
  files: string[];
  /** Globs or folders that matched no supported file. */
  unmatched: string[];
  /** What walking folders and globs met but could not read, each to be reported (never left out without a word). */
  unreadable: Unreadable[];
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
  const unreadable: Unreadable[] = [];
  const walkFs = noting(unreadableDirs);
  const add = (p: string, key = p === '-' ? '-' : resolve(cwd, p)): void => {
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };
  /**
   * What a walk found under `base`, sorted out by kind: ordinary files are read; a symbolic link
   * to a file is read through the link (a link to a folder is never followed, so a walk cannot
   * loop), once, with the file it points to; a link to nothing, and a pipe, socket or device, are
   * reported.
   */
  const sortOut = (entries: fg.Entry[], base: string, named: (p: string) => string): { files: string[]; links: Map<string, string>; odd: Unreadable[] } => {
    const out: string[] = [];
    const links = new Map<string, string>();
    const odd: Unreadable[] = [];
    for (const e of entries) {
      const d = e.dirent;
      if (d.isFile()) out.push(named(e.path));
      else if (d.isSymbolicLink()) {
        const target = resolve(base, e.path);
        try {
          if (!statSync(target).isFile()) continue;
          out.push(named(e.path));
          links.set(named(e.path), fs.realpathSync(target));
        } catch {
          odd.push({ path: named(e.path), reason: 'broken-link' });
        }
      } else if (!d.isDirectory()) odd.push({ path: named(e.path), reason: 'not-a-file' });
    }
    return { files: out, links, odd };
  };

  for (const pattern of patterns) {
    if (pattern === '-') {
      add('-');
      continue;
    }
    let found: ReturnType<typeof sortOut>;
    let shown: (folder: string) => string = (d) => d;
    const unreadableBefore = new Set(unreadableDirs);
    // Entries of every kind but folders (onlyFiles would drop links and pipes without a word).
    const walk = { onlyFiles: false, objectMode: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, fs: walkFs } as const;
    if (fg.isDynamicPattern(pattern) && !existsSync(resolve(cwd, pattern))) {
      const entries = (await fg(toPosix(pattern), { ...walk, cwd })).filter((e) => !e.dirent.isDirectory() && supported(e.path));
      found = sortOut(entries, cwd, (p) => p);
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
        const entries = (await fg(extensionGlob, { ...walk, cwd: dir, caseSensitiveMatch: false })).filter((e) => !e.dirent.isDirectory());
        found = sortOut(entries, dir, (f) => `${prefix}/${f}`);
        // Shown as the folder's files are: under the folder as it was named.
        shown = (d) => `${prefix}/${toPosix(relative(dir, resolve(dir, d)))}`.replace(/\/$/, '');
      } else {
        add(pattern); // a file, or a path that does not exist (reading it reports the problem)
        continue;
      }
    }
    const kept = found.files.filter((f) => !ignored(f) && !isOwnerFile(f)).sort();
    const locked: Unreadable[] = [...unreadableDirs].filter((d) => !unreadableBefore.has(d)).map(shown).filter((d) => !ignored(d, true)).sort().map((path) => ({ path, reason: 'folder' }));
    const odd = found.odd.filter((u) => !ignored(u.path) && !isOwnerFile(u.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // A folder whose only files sit in folders it may not open is reported as those folders, not as matching nothing.
    if (!kept.length && !locked.length && !odd.length) unmatched.push(pattern);
    unreadable.push(...locked);
    for (const u of odd) {
      const key = resolve(cwd, u.path);
      if (seen.has(key)) continue; // named explicitly too: reading it will say what is wrong
      seen.add(key);
      unreadable.push(u);
    }
    for (const f of kept) add(f, found.links.get(f));
  }
  return { files, unmatched, unreadable };
}
