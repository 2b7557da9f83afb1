/**
 * Keeps `audit` and `check` from reading sourdough's own outputs as documents. When either walks
 * a folder (or a glob), any folder that holds an audit's output (recognised by the `summary.json`
 * sourdough wrote there) is left out, with the files under them, and so is the folder `audit` is
 * writing into: reading report.html, findings.csv and documents.csv as input would count (or
 * report) the earlier findings as new documents. So is any single file the walk finds that is one
 * of sourdough's reports (`check -f html`/`csv`/`json`/`sarif` saved beside the documents, or an
 * audit's report.html or CSVs moved out of their folder), recognised by the marker each format
 * writes at its start (see @sourdough/reporters' recognise.ts), saved under a report's own
 * extension or as plain text (`.txt`, `.md`…), where a whole `stylish` report counts too. A file
 * named on the command line is always read. Reads only those `summary.json` files and the first
 * 8 KB of files whose extension a report can have (and the last 512 bytes of a plain-text one that
 * begins as `stylish` does); never a record, and nothing it reads is logged.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { isStylishReport, printable, reportFormatOf, REPORT_HEAD_BYTES, startsLikeStylish, startsWithCsvHeader } from '@sourdough/reporters';
import { DocumentsCsv } from './audit-documents.js';

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

/**
 * Extensions a walk reads that one of sourdough's reports can be saved under. A walk never reads
 * `.json` or `.sarif`, where the json and sarif reports are normally saved; a report saved as
 * `.jsonl` or `.ndjson` would be read as records.
 */
const REPORT_EXTENSIONS = new Set(['.html', '.htm', '.csv', '.jsonl', '.ndjson']);

/**
 * Plain-text extensions a report is saved under by hand (`check -f json > notes/findings.txt`,
 * `check notes > notes/out.txt`): the same markers, and the `stylish` format when the file both
 * begins and ends as that format does.
 */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/** How much of a file's end is read to find the `stylish` format's summary line. */
const TAIL_BYTES = 512;

/**
 * One buffer for every file's start and end: reads are synchronous and only the bytes read are
 * decoded, so it is never shared (a new zero-filled 8 KB buffer per file cost about as much as
 * opening and reading the file on a walk of 20,000 small files).
 */
const scratch = Buffer.allocUnsafe(REPORT_HEAD_BYTES);

/** The first REPORT_HEAD_BYTES of a file as UTF-8 and, when `tail` says so, its last TAIL_BYTES; undefined when it cannot be read (reading it later reports why). */
function startOf(path: string, tail?: (head: string) => boolean): { head: string; size: number; tail?: string } | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking, so a special file that is not a regular one can never hold the run up.
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const n = readSync(fd, scratch, 0, REPORT_HEAD_BYTES, 0);
    const head = scratch.toString('utf8', 0, n);
    if (!tail?.(head)) return { head, size: n };
    const size = fstatSync(fd).size;
    if (size <= n) return { head, size, tail: head };
    const m = readSync(fd, scratch, 0, TAIL_BYTES, Math.max(0, size - TAIL_BYTES));
    return { head, size, tail: scratch.toString('utf8', 0, m) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const DOCUMENTS_CSV_BEFORE = DocumentsCsv.columns.slice(0, 3);
const DOCUMENTS_CSV_AFTER = DocumentsCsv.columns.slice(3);

/** True when `head` begins one of sourdough's reports with a marker: the `check` formats and the audit's report.html and findings.csv (reportFormatOf), or the audit's documents.csv. */
function hasReportMarker(head: string): boolean {
  return reportFormatOf(head) !== undefined || startsWithCsvHeader(head, DOCUMENTS_CSV_BEFORE, DOCUMENTS_CSV_AFTER);
}

/**
 * True when the file at `path` is one of sourdough's reports: the `check` formats and the audit's
 * report.html and findings.csv by their markers (reportFormatOf), the audit's documents.csv by its
 * header row; saved as plain text (`.txt`, `.md`…), any of those, or a whole `stylish` report
 * (isStylishReport). Only files with an extension a report can have are opened, and only their
 * start (and, for one that begins as `stylish` does, their end) is read.
 */
function isSourdoughReport(path: string): boolean {
  const ext = extname(path).toLowerCase();
  const text = TEXT_EXTENSIONS.has(ext);
  if (!text && !REPORT_EXTENSIONS.has(ext)) return false;
  const start = startOf(path, text ? startsLikeStylish : undefined);
  if (start === undefined) return false;
  if (hasReportMarker(start.head)) return true;
  return start.tail !== undefined && isStylishReport(start.head, start.tail);
}

/**
 * True when the file at `path`, which a run is about to write its report over, is empty or holds
 * the start of one of sourdough's reports (whatever its extension): what a run stopped part-way
 * (Ctrl+C) leaves at its `-o`. A `stylish` report counts from its first entry alone, since one
 * cut short has no summary line yet. Anything else (a document) is not.
 */
export function isUnfinishedReport(path: string): boolean {
  const start = startOf(path);
  if (start === undefined) return false;
  return start.size === 0 || hasReportMarker(start.head) || startsLikeStylish(start.head);
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
 * The files to read once sourdough's outputs are left out, the folders left out, and the single
 * files left out because they are sourdough's reports (as the walk found them, in order).
 * `patterns` are the command-line arguments; `files` what expanding them found (in order);
 * `outputDir` the `-o` folder of the audit being run (none for `check`). Only the folders a walk
 * went into are looked at — from the folder or glob base named on the command line down to each
 * file — so a summary.json higher up changes nothing.
 */
export function leaveOutAuditOutputs(
  patterns: readonly string[],
  files: readonly string[],
  cwd: string,
  outputDir?: string,
  /** `check`'s `-o` file: when a walk finds it and it is empty or an unfinished report (isUnfinishedReport), it goes in `unfinished` instead, so the run can write over it. */
  outputFile?: string,
): { files: string[]; skipped: SkippedFolder[]; reports: string[]; unfinished: string[] } {
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
  // By path alone: a walk that reaches the -o file under another name (a link) is not let off,
  // and check's own test refuses it as an input, as before. (Comparing inodes here would look up
  // every file the walk found.)
  const outFile = outputFile === undefined ? undefined : resolve(cwd, outputFile);
  const unfinished: string[] = [];
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
  const reports: string[] = [];
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
      if (isSourdoughReport(abs)) reports.push(f);
      else if (abs === outFile && isUnfinishedReport(abs)) unfinished.push(f);
      else kept.push(f);
      continue;
    }
    const shown = relative(cwd, hit.dir);
    const s = skipped.get(hit.dir) ?? { folder: !shown ? '.' : shown.startsWith('..') ? hit.dir : shown, why: hit.why, files: 0 };
    s.files++;
    skipped.set(hit.dir, s);
  }
  return { files: kept, skipped: [...skipped.values()], reports, unfinished };
}

/** The stderr line for a folder left out, by `audit` (the default) or `check`. */
export function skippedMessage(s: SkippedFolder, command: 'audit' | 'check' = 'audit'): string {
  const files = `${s.files.toLocaleString('en-GB')} file${s.files === 1 ? '' : 's'}`;
  const why =
    s.why === 'output'
      ? 'it is the folder this audit writes its report into'
      : `it holds the report of ${command === 'audit' ? 'an earlier' : 'an'} audit (its summary.json was written by sourdough)`;
  return `${command === 'audit' ? 'sourdough audit' : 'sourdough'}: left out ${printable(s.folder)} (${files}): ${why}; to ${command} a file in it anyway, name the file itself\n`;
}

/** How many reports are named one line each; more are counted on one line that names the first few. */
const REPORTS_NAMED = 3;

/**
 * The stderr lines for the reports left out, by `audit` (the default) or `check`: one line per
 * report, or, for more than three, one line that counts them and names the first three.
 */
export function reportsMessage(reports: readonly string[], command: 'audit' | 'check' = 'audit'): string {
  if (!reports.length) return '';
  const who = command === 'audit' ? 'sourdough audit' : 'sourdough';
  const again = command === 'audit' ? 'count the findings it quotes as new ones' : 'report the findings it quotes again';
  if (reports.length <= REPORTS_NAMED) {
    return reports.map((r) => `${who}: left out ${printable(r)}: it is a report sourdough wrote, not a document, and ${command === 'audit' ? 'auditing' : 'checking'} it would ${again}; to ${command} it anyway, name the file itself\n`).join('');
  }
  const more = reports.length - REPORTS_NAMED;
  const named = `${reports.slice(0, REPORTS_NAMED).map(printable).join(', ')} and ${more.toLocaleString('en-GB')} more`;
  const againAll = command === 'audit' ? 'count the findings they quote as new ones' : 'report the findings they quote again';
  return `${who}: left out ${reports.length.toLocaleString('en-GB')} reports sourdough wrote (${named}): they are not documents, and ${command === 'audit' ? 'auditing' : 'checking'} them would ${againAll}; to ${command} one anyway, name the file itself\n`;
}

/** The stderr line for `check`'s `-o` file, found by a walk and written over because it is empty or an unfinished report. */
export function unfinishedMessage(file: string): string {
  return `sourdough: left out ${printable(file)}: it is where this run writes its report, and it holds an unfinished report from an earlier run (or nothing), so it is written over\n`;
}

/** What was left out, for "nothing is left to … once … are left out". */
export function leftOutWhat(left: { skipped: readonly unknown[]; reports: readonly unknown[] }): string {
  if (left.skipped.length && left.reports.length) return 'the audit folders and sourdough’s own reports';
  return left.reports.length ? 'sourdough’s own reports' : 'the audit folders';
}
