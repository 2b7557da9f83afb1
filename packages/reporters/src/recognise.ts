/**
 * Recognising sourdough's own reports from the first few KB of a file, so that a later run that
 * walks the folder a report was written into does not read it as a document (its findings quote
 * the sentences checked, so they would be reported again as new findings). Each format is
 * recognised by a marker it always writes near its start: the HTML pages' generator meta tag (or,
 * for pages written before it was added, their exact title), the csv reporter's header row, and
 * the exact opening of the json and sarif reports. Only the text given is looked at; nothing is
 * read or logged here. Pure.
 */
import { csvStream } from './csv.js';

/** How much of a file's start is enough to recognise any report (every marker sits well inside it). */
export const REPORT_HEAD_BYTES = 8 * 1024;

/** The value of the HTML pages' `<meta name="generator">`. */
export const GENERATOR = 'sourdough';

/** The formats a report may be in (the audit's report.html and findings.csv count as html and csv). */
export type ReportFormat = 'html' | 'csv' | 'json' | 'sarif';

/** Titles of the pages written before they carried the generator tag: `check -f html` and the audit report. */
const TITLE = /<title>\s*(?:sourdough report|Language audit — sourdough)\s*<\/title>/i;
const META_TAG = /<meta\b[^>]*>/gi;
const GENERATOR_NAME = /\bname\s*=\s*["']?generator["'\s/>]/i;
const GENERATOR_CONTENT = /\bcontent\s*=\s*["']?sourdough["'\s/>]/i;
const DOCTYPE = /^\s*<!doctype html\b/i;
const JSON_START = /^\s*\{\s*"version"\s*:\s*1\s*,\s*"results"\s*:\s*\[/;
const SARIF_START = /^\s*\{\s*"\$schema"\s*:\s*"https:\/\/json\.schemastore\.org\/sarif-2\.1\.0-rtm\.5\.json"\s*,\s*"version"\s*:\s*"2\.1\.0"\s*,\s*"runs"\s*:\s*\[\s*\{\s*"results"\s*:\s*\[/;

/** `text` without a leading byte-order mark (a CSV saved by a spreadsheet starts with one). */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The csv reporter's columns: those before the metadata columns, and those after them. */
const CSV_HEADER = csvStream({ metaColumns: [] }).start().trimEnd().split(',');
const CSV_BEFORE = CSV_HEADER.slice(0, 3);
const CSV_AFTER = CSV_HEADER.slice(3);

/**
 * True when `head` (the start of a CSV file) begins with a header row made of `before`, any
 * metadata columns, then `after`, the way sourdough's CSV files are laid out. The header row must
 * end inside `head`.
 */
export function startsWithCsvHeader(head: string, before: readonly string[], after: readonly string[]): boolean {
  const text = withoutBom(head);
  const end = text.indexOf('\n');
  if (end < 0) return false;
  const line = text.slice(0, end).replace(/\r$/, '');
  return line.startsWith(`${before.join(',')},`) && line.endsWith(`,${after.join(',')}`);
}

/** True when an HTML page's head (up to `</head>` or `<body>`) carries sourdough's generator tag or report title. */
function isHtmlReport(head: string): boolean {
  if (!DOCTYPE.test(head)) return false;
  const end = head.search(/<\/head\s*>|<body\b/i);
  const inHead = end < 0 ? head : head.slice(0, end);
  if (TITLE.test(inHead)) return true;
  for (const [tag] of inHead.matchAll(META_TAG)) if (GENERATOR_NAME.test(tag) && GENERATOR_CONTENT.test(tag)) return true;
  return false;
}

/**
 * Which of sourdough's reports `head` (the first `REPORT_HEAD_BYTES` of a file, decoded as UTF-8)
 * begins, or undefined when it is not one: the `check -f html` page or the audit's report.html,
 * the `check -f csv` file or the audit's findings.csv, or the `json` or `sarif` report.
 */
export function reportFormatOf(head: string): ReportFormat | undefined {
  const text = withoutBom(head);
  if (isHtmlReport(text)) return 'html';
  if (startsWithCsvHeader(text, CSV_BEFORE, CSV_AFTER)) return 'csv';
  if (JSON_START.test(text)) return 'json';
  if (SARIF_START.test(text)) return 'sarif';
  return undefined;
}

/**
 * The `stylish` format's second line: a finding (`  3:6      warning  message  blaming/refuses`, the
 * position padded to 8 and the severity to 7, then the message and the rule id, which always holds
 * a slash) or a file that could not be checked (`  could not check  message  SD_ERR_…`). Its first
 * line names the file, so it can be anything; this line cannot be written by hand by chance.
 */
const STYLISH_FIRST_ENTRY = /^[^\s\n][^\n]*\r?\n {2}(?:(?:\d+:\d+ *|document) (?:error  |warning|info   ) {2}[^\n]*\S {2}[^\s/]+\/[^\s/]+|could not check {2}[^\n]* {2}SD_ERR_[A-Z_]+)\r?\n/;
/** The `stylish` format's last line, the summary: `12 findings — 0 errors, 11 warnings, 1 info — in 4 documents`, and when some failed `— 3 analysed, 1 could not be checked`. */
const STYLISH_SUMMARY = /(?:^|\n)\d+ findings? — (?:\d+ errors?, \d+ warnings?, \d+ info — )?in \d+ documents?(?: — \d+ analysed, \d+ could not be checked)?\r?\n?$/;

/**
 * True when `head` (the start of a file) begins as the `stylish` (terminal) format does when saved
 * to a file: a line naming a file, then a finding's line (position, severity, message, rule id) or
 * a "could not check" line. Enough for a file a run is about to write over (a report cut short has
 * no summary line yet); not enough on its own to leave a file out of a walk (see isStylishReport).
 */
export function startsLikeStylish(head: string): boolean {
  return STYLISH_FIRST_ENTRY.test(withoutBom(head));
}

/**
 * True when a file is a whole `stylish` report: `head` (its first REPORT_HEAD_BYTES) begins as
 * the format does (startsLikeStylish) and `tail` (its last few hundred bytes, or all of it when
 * short) ends with the format's summary line. A report with no findings (`✓ No findings in 3
 * documents.`) is not recognised: it quotes nothing, so reading it again reports nothing.
 */
export function isStylishReport(head: string, tail: string): boolean {
  return startsLikeStylish(head) && STYLISH_SUMMARY.test(tail);
}
