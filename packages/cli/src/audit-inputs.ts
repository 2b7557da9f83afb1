/**
 * Keeps `audit` and `check` from reading audit outputs as documents. When either walks a folder
 * (or a glob), any folder that holds an audit's output (recognised by the `summary.json`
 * sourdough wrote there) is left out, with the files under them, and so is the folder `audit` is
 * writing into: reading report.html, findings.csv and documents.csv as input would count (or
 * report) the earlier findings as new documents. A file named on the command line is always read.
 * Reads only those `summary.json` files; never a record.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A folder left out of the walk, why, and how many files the walk had found in it. */
export interface SkippedFolder {
  /** As shown to the user: relative to the working folder when inside it. */
  folder: string;
  why: 'output' | 'earlier-audit';
  files: number;
}

/** The largest summary.json worth opening to recognise (an audit's is a few hundred KB at most). */
const MAX_SUMMARY_BYTES = 64 * 1024 * 1024;

/** True for the parsed `summary.json` of a sourdough audit (the shape `audit` writes: version 1, a rule-set hash and figures). */
export function isAuditSummary(value: unknown): boolean {
  const v = value as { version?: unknown; ruleSet?: { hash?: unknown }; figures?: unknown; generatedAt?: unknown } | null;
  return Boolean(v && typeof v === 'object' && v.version === 1 && typeof v.ruleSet?.hash === 'string' && typeof v.generatedAt === 'string' && v.figures && typeof v.figures === 'object');
}

/** True when `dir` holds a summary.json written by a sourdough audit. */
function holdsAuditSummary(dir: string): boolean {
  const file = join(dir, 'summary.json');
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_SUMMARY_BYTES) return false;
    return isAuditSummary(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return false;
  }
}

/** The part of a glob before its first segment with a glob character: the folder it is walked from. */
function globBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const s of segments) {
    if (/[*?[\]{}()!]/.test(s)) break;
    fixed.push(s);
  }
  if (fixed.length === segments.length) fixed.pop(); // no glob character: the pattern names a file
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * The files to read once audit outputs are left out, and the folders left out. `patterns` are the
 * command-line arguments; `files` what expanding them found (in order); `outputDir` the `-o`
 * folder of the audit being run (none for `check`). Only the folders a walk went into are looked
 * at — from the folder or glob base named on the command line down to each file — so a
 * summary.json higher up changes nothing.
 */
export function leaveOutAuditOutputs(patterns: readonly string[], files: readonly string[], cwd: string, outputDir?: string): { files: string[]; skipped: SkippedFolder[] } {
  const explicit = new Set<string>();
  const roots: string[] = [];
  for (const p of patterns) {
    if (p === '-') continue;
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) explicit.add(abs);
    else if (st?.isDirectory()) roots.push(abs);
    else roots.push(resolve(cwd, globBase(p)));
  }
  const out = outputDir === undefined ? undefined : resolve(cwd, outputDir);
  const verdicts = new Map<string, SkippedFolder['why'] | null>();
  const verdict = (dir: string): SkippedFolder['why'] | null => {
    let v = verdicts.get(dir);
    if (v === undefined) {
      v = dir === out ? 'output' : holdsAuditSummary(dir) ? 'earlier-audit' : null;
      verdicts.set(dir, v);
    }
    return v;
  };
  const skipped = new Map<string, SkippedFolder>();
  const kept: string[] = [];
  for (const f of files) {
    const abs = f === '-' ? '' : resolve(cwd, f);
    if (f === '-' || explicit.has(abs)) {
      kept.push(f);
      continue;
    }
    const root = roots.filter((r) => inside(r, abs)).sort((a, b) => b.length - a.length)[0];
    // The folders from the root down to the file's own; the highest one that is audit output names the skip.
    const chain: string[] = [];
    if (root !== undefined) for (let d = dirname(abs); inside(root, d); d = dirname(d)) {
      chain.unshift(d);
      if (d === root || dirname(d) === d) break;
    }
    let hit: { dir: string; why: SkippedFolder['why'] } | undefined;
    for (const d of chain) {
      const why = verdict(d);
      if (why) {
        hit = { dir: d, why };
        break;
      }
    }
    if (!hit) {
      kept.push(f);
      continue;
    }
    const shown = relative(cwd, hit.dir);
    const s = skipped.get(hit.dir) ?? { folder: !shown ? '.' : shown.startsWith('..') ? hit.dir : shown, why: hit.why, files: 0 };
    s.files++;
    skipped.set(hit.dir, s);
  }
  return { files: kept, skipped: [...skipped.values()] };
}

/** The stderr line for a folder left out, by `audit` (the default) or `check`. */
export function skippedMessage(s: SkippedFolder, command: 'audit' | 'check' = 'audit'): string {
  const files = `${s.files.toLocaleString('en-GB')} file${s.files === 1 ? '' : 's'}`;
  const why =
    s.why === 'output'
      ? 'it is the folder this audit writes its report into'
      : `it holds the report of ${command === 'audit' ? 'an earlier' : 'an'} audit (its summary.json was written by sourdough)`;
  return `${command === 'audit' ? 'sourdough audit' : 'sourdough'}: left out ${s.folder} (${files}): ${why}; to ${command} a file in it anyway, name the file itself\n`;
}
