/**
 * `sourdough audit [paths|globs]… -o DIR`: batch audit for quality leads. Reads documents and
 * CSV/JSONL exports with the same readers, config and worker pool as `check`, folds every result
 * into core's streaming `AuditAggregator` (memory bounded by the number of rules, groups and
 * periods, never by the number of records), and writes `findings.csv`, `documents.csv`,
 * `summary.json` and `report.html` into DIR atomically. `--compare PREVIOUS/summary.json` adds
 * the change since the last audit, refusing when the rule sets differ unless
 * `--allow-rule-changes`. Example sentences are masked with core's `maskIdentifiers`;
 * `--no-excerpts` leaves every sentence out. Never logs or prints the text.
 */
import { createHash } from 'node:crypto';
import { stringify as stableStringify } from 'safe-stable-stringify';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ResourceLimits } from 'node:worker_threads';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AuditAggregator,
  builtinRules,
  builtinRulesHash,
  compareAudits,
  maskIdentifiers,
  SourdoughError,
  type AnalyseOptions,
  type AuditFigures,
  type DocumentOutcome,
  type Finding,
  type RuleData,
} from '@sourdough/core';
import { caseVariant, expandGlobs, isRecordKind, kindOf, type RawRecord, type ReadItem, type Unreadable } from '@sourdough/readers';
import { csvStream, printable, renderAuditHtml, type AuditSummary } from '@sourdough/reporters';
import type { Io } from '../io.js';
import { readInputs } from '../inputs.js';
import { ruleInfos, runSettings } from '../rule-set.js';
import { analyseAll, createAnalyser, defaultJobs } from '../pool.js';
import { createProgress } from '../progress.js';
import { cliVersion } from '../version.js';
import { writeProblem } from '../write-error.js';
import { onStopSignal, signalExitCode } from '../signals.js';
import { openAuditOutput, type AuditOutput } from '../audit-output.js';
import { DocumentsCsv } from '../audit-documents.js';
import { countDocuments } from '../audit-count.js';
import { leaveOutAuditOutputs, leftOutWhat, reportsMessage, skippedMessage } from '../audit-inputs.js';
import { configResolver, type CheckOptions } from './check.js';

/** Options of `audit`, as parsed by commander. */
export interface AuditCommandOptions extends Omit<CheckOptions, 'format' | 'maxWarnings' | 'printConfig'> {
  output?: string;
  groupBy?: string[];
  dateField?: string;
  period?: 'month' | 'quarter';
  compare?: string;
  allowRuleChanges?: boolean;
  excerpts?: boolean;
}

/**
 * Heap limits for each worker. V8's defaults let every worker's heap grow far beyond what it holds
 * (tens of MB of young garbage, and an old generation that is collected late), so a long audit on
 * two workers peaked above 450 MB; with these limits a 100,000-record audit peaks near 300 MB for
 * a few per cent more CPU (measured with bench/audit.mjs). A record is at most 4 MB (the CSV
 * reader's limit) and a 4 MB text analyses well within 128 MB, but a 10 MB document does not, so
 * the old-generation cap is left off when a plain document (or standard input) may be larger.
 */
function workerLimits(files: readonly string[], cwd: string, stdinFilename: string | undefined): ResourceLimits {
  const limits: ResourceLimits = { maxYoungGenerationSizeMb: 8 };
  const record = (name: string): boolean => isRecordKind(kindOf(name));
  const big = files.some((f) => {
    if (f === '-') return !(stdinFilename && record(stdinFilename));
    if (record(f)) return false;
    try {
      return statSync(resolve(cwd, f)).size > 4 * 1024 * 1024;
    } catch {
      return false;
    }
  });
  if (!big) limits.maxOldGenerationSizeMb = 128;
  return limits;
}

/**
 * A long audit's peak memory is three sawtooths added up: the main thread's heap (reading the
 * records, receiving the findings, writing the CSVs) and each worker's. By default V8 lets an old
 * generation grow to up to four times what survived its last full collection before collecting
 * again; the main thread's went from about 36 MB to 113 MB between collections. Growing by half
 * instead keeps the whole process about 50 MB lower on the 100,000-record bench at no measurable
 * CPU cost (docs/performance.md). V8 reads this flag at each collection, for every thread, so
 * setting it once before the workers start is enough; it is set only for `audit`.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/** Example sentences kept per rule in the report. */
const EXCERPTS = 3;

function usage(io: Io, message: string): number {
  io.stderr.write(`sourdough audit: ${printable(message)}\n`);
  return 2;
}

/** The rule-set identity written to summary.json: version, content hash and number of rules. */
export function ruleSetIdentity(lists: readonly (readonly RuleData[])[], settings: readonly { options: AnalyseOptions; packs: string[] }[]): AuditSummary['ruleSet'] {
  const ids = new Set<string>();
  for (const l of lists) for (const r of l) ids.add(r.id);
  const packRules = new Map<string, unknown>();
  const builtin = new Set<RuleData>(builtinRules());
  for (const l of lists) for (const r of l) if (!builtin.has(r)) packRules.set(r.id, { ...r, file: undefined });
  // Keys sorted at every depth, so nested settings (severity overrides, detector parameters) count
  // and the same settings always give the same hash (a key list given to JSON.stringify would
  // filter nested keys too, leaving {}).
  const options = [...new Set(settings.map((s) => stableStringify(s.options)))].sort();
  const plain = packRules.size === 0 && options.every((o) => o === '{}');
  // With only the built-in rules and no settings, the hash is the built-in rules' own hash; extra
  // packs and settings that change what is reported (enable, disable, min severity, allow…) change it.
  const hash = plain
    ? builtinRulesHash
    : createHash('sha256')
        .update(JSON.stringify({ builtin: builtinRulesHash, packs: [...packRules.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)), options }))
        .digest('hex')
        .slice(0, 16);
  return { version: cliVersion(), hash, rules: ids.size };
}

/** Read and check a previous `summary.json` for `--compare`. */
async function readPrevious(cwd: string, file: string): Promise<AuditSummary> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new SourdoughError('SD_ERR_INPUT', `cannot read ${file} for --compare: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SourdoughError('SD_ERR_INPUT', `${file} is not JSON; --compare needs the summary.json of an earlier audit`);
  }
  const v = value as Partial<AuditSummary> | null;
  if (!v || typeof v !== 'object' || v.version !== 1 || typeof v.ruleSet?.hash !== 'string' || !isObject(v.figures)) {
    throw new SourdoughError('SD_ERR_INPUT', `${file} is not the summary.json of a sourdough audit (version 1); --compare needs the summary.json written by an earlier audit`);
  }
  const problem = figuresProblem(v.figures);
  if (problem) throw new SourdoughError('SD_ERR_INPUT', `${file} cannot be compared with: ${problem} (was it edited, or cut short?); --compare needs the summary.json written by an earlier audit, as it was written`);
  return v as AuditSummary;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** What a previous audit's figures lack for a comparison (every figure compareAudits reads), or undefined. */
function figuresProblem(f: Record<string, unknown>): string | undefined {
  if (!isNumber(f.per1000Words)) return 'its figures.per1000Words is missing or not a number';
  if (!isObject(f.byCategory)) return 'its figures.byCategory is missing';
  for (const [cat, row] of Object.entries(f.byCategory)) if (!isObject(row) || !isNumber(row.per1000Words)) return `its figures.byCategory.${cat} has no per1000Words`;
  if (!isObject(f.rules) || !Object.values(f.rules).every(isNumber)) return 'its figures.rules is missing or holds something other than counts';
  if (!isObject(f.groups)) return 'its figures.groups is missing';
  for (const [field, values] of Object.entries(f.groups)) {
    if (!isObject(values)) return `its figures.groups.${field} is not a table of groups`;
    if (!Object.values(values).every((slice) => isObject(slice) && isNumber(slice.per1000Words))) return `a group in its figures.groups.${field} has no per1000Words`;
  }
  return undefined;
}

/**
 * The finding as written to findings.csv: identifiers masked (those the document's own privacy
 * findings, `found`, name too), and no sentence or section heading with --no-excerpts.
 */
function forCsv(f: Finding, excerpts: boolean, found: readonly Finding[]): Finding {
  const out: Finding = { ...f };
  if (f.category === 'privacy' && f.text) {
    const masked = maskIdentifiers(f.text, [f]);
    out.text = masked === f.text ? '[identifier]' : masked;
  }
  if (!excerpts) {
    delete out.sentence;
    delete out.section;
  } else {
    if (f.sentence) out.sentence = maskIdentifiers(f.sentence, found);
    if (f.section) out.section = maskIdentifiers(f.section, found);
  }
  return out;
}

/** Run `audit`; returns the exit code (0 written, 2 usage or input errors — the report is still written when only some records failed). */
export async function audit(paths: string[], opts: AuditCommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  if (!opts.output) return usage(io, 'name the folder for the report with -o DIR (e.g. -o audit-2026-11)');
  if (paths.length === 0) return usage(io, 'name at least one file, folder or glob to audit (CSV/JSONL exports, or folders of documents)');
  if (paths.filter((p) => p === '-').length > 1) return usage(io, 'standard input (-) can only be read once');
  const groupBy = [...new Set(opts.groupBy ?? [])];
  const textField = opts.textField ?? 'text';
  const idField = opts.idField ?? 'id';
  // The text column as a group or a date would copy every record's text into the report.
  if (groupBy.includes(textField) || opts.dateField === textField) {
    return usage(io, `"${textField}" is the column holding the records' text, so it cannot be ${opts.dateField === textField ? 'the date field' : 'a group'}: grouping by it would copy every record's text into the report; ${opts.dateField === textField ? 'name the column holding the date' : 'group by a column holding a category, such as team or record_type'}`);
  }
  const excerpts = opts.excerpts !== false;
  const period = opts.period ?? 'month';

  // 1. Inputs, config, rule packs and the previous audit, before any work, so mistakes stop the run cleanly.
  let previous: AuditSummary | undefined;
  const resolver = configResolver(opts, io);
  let byFile: Map<string, { options: AnalyseOptions; packs: string[] }>;
  let lists: Set<RuleData[]>;
  let files: string[];
  let unmatched: string[];
  let unreadable: Unreadable[];
  try {
    const e: Parameters<typeof expandGlobs>[1] = { cwd: io.cwd };
    if (opts.ignorePattern?.length) e.ignorePatterns = opts.ignorePattern;
    if (opts.ignorePath) e.ignorePath = opts.ignorePath;
    ({ files, unmatched, unreadable } = await expandGlobs(paths, e));
    // Never read this run's output folder, an earlier audit's report or any other report sourdough wrote as records.
    const left = leaveOutAuditOutputs(paths, files, io.cwd, opts.output);
    files = left.files;
    for (const s of left.skipped) io.stderr.write(skippedMessage(s));
    if (left.reports.length) io.stderr.write(reportsMessage(left.reports));
    if ((left.skipped.length || left.reports.length) && !files.length && !unmatched.length && !unreadable.length) {
      throw new SourdoughError('SD_ERR_INPUT', `nothing is left to audit once ${leftOutWhat(left)} are left out, so nothing was written; name the export or the folder of documents to audit`);
    }
    ({ byFile, sets: lists } = runSettings(files, resolver, opts));
    if (opts.compare) previous = await readPrevious(io.cwd, opts.compare);
  } catch (err) {
    if (err instanceof SourdoughError) return usage(io, err.message);
    throw err;
  }
  const settings = byFile.size ? [...byFile.values()] : [resolver.forPath('-')];
  const ruleSet = ruleSetIdentity([...lists], settings);
  if (previous && previous.ruleSet.hash !== ruleSet.hash && !opts.allowRuleChanges) {
    try {
      compareAudits(previous, { ruleSet, figures: previous.figures });
    } catch (err) {
      return usage(io, `cannot compare with ${opts.compare}: ${(err as Error).message}`);
    }
  }

  // 2. The output folder (a hidden staging folder inside it until the end).
  let out: AuditOutput;
  try {
    out = await openAuditOutput(io.cwd, opts.output);
  } catch (err) {
    return usage(io, writeProblem(err, opts.output, 'folder'));
  }
  // Stopped with Ctrl+C or SIGTERM: remove the staging folder (and DIR, if this run made it and
  // nothing else is in it) before exiting, as a failed run does, instead of leaving it behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    out.discardNow();
    io.stderr.write(`\nsourdough audit: stopped (${signal}) before the end, so no report was written\n`);
    process.exit(signalExitCode(signal));
  };
  const stopListening = onStopSignal(onSignal);

  const jobs = opts.jobs ?? defaultJobs(cpus().length);
  boundHeapGrowth();
  const analyser = createAnalyser(jobs, { resourceLimits: workerLimits(files, io.cwd, opts.stdinFilename) });
  const barAllowed = opts.progress !== false && Boolean(io.stderr.isTTY);
  let progress = createProgress(io, { enabled: false });
  try {
    const total = barAllowed ? await countDocuments(files, io.cwd) : undefined;
    progress = createProgress(io, { enabled: barAllowed, ...(total !== undefined ? { total: total + unmatched.length + unreadable.length } : {}) });

    const items = (): AsyncGenerator<ReadItem | RawRecord> => readInputs(files, unmatched, opts, 'audit', io, analyser.jobs > 1, unreadable);

    const infos = ruleInfos(lists);
    const agg = new AuditAggregator({
      groupBy,
      ...(opts.dateField ? { dateField: opts.dateField } : {}),
      period,
      excerpts: excerpts ? EXCERPTS : 0,
      mask: maskIdentifiers,
      rules: new Map([...infos.values()].map((r) => [r.id, { rationale: r.rationale ?? '', category: r.category, suggest: r.suggest ?? [] }])),
    });
    const findingsSink = await out.sink('findings.csv');
    const documentsSink = await out.sink('documents.csv');
    // The group and date columns come first and are always there, and a record column named
    // like an output column (status, category, row…) gets a prefix: see withCsvMeta.
    const columns = csvColumns(groupBy.filter((k) => k !== idField), opts.dateField === idField ? undefined : opts.dateField);
    // With no record input, no first record will set the metadata columns: fix them now.
    const recordInput = files.some((f) => isRecordKind(kindOf(f === '-' ? (opts.stdinFilename ?? '') : f)));
    const fixed = recordInput ? {} : { metaColumns: [...columns.keep.values()] };
    const findingsCsv = csvStream(fixed);
    const documentsCsv = new DocumentsCsv(fixed.metaColumns);
    const seenFields = new Set<string>();
    const wanted = [...groupBy, ...(opts.dateField ? [opts.dateField] : [])];
    // Inputs that failed as a whole (not found, unreadable, no text column): when nothing else
    // was read, there is nothing to report, and the run stops as a usage error does.
    const wholeFailures: string[] = [];
    let readAny = false;
    // Documents read per record file, to say which held none.
    const perFile = new Map(files.filter((f) => f !== '-' && isRecordKind(kindOf(f))).map((f) => [f, 0]));
    await findingsSink.write(findingsCsv.start());

    // The strengths and voice figures are measured even where the voice rules are off (only their
    // findings are not wanted then); not part of the settings, so the rule-set hash is unchanged.
    const measured = new Map<object, { options: AnalyseOptions; packs: string[] }>();
    const resolveTask = (item: { path: string }): { options: AnalyseOptions; packs: string[] } => {
      const e = byFile.get(item.path) ?? resolver.forPath(item.path);
      let t = measured.get(e);
      if (!t) measured.set(e, (t = { options: { ...e.options, alwaysStats: true }, packs: e.packs }));
      return t;
    };
    for await (const raw of analyseAll(items(), analyser, resolveTask)) {
      // (audit never asks the workers to render, so every outcome is a full result.)
      const outcome = withId(withFolder(withFieldCase(raw as DocumentOutcome, wanted), groupBy), idField, wanted);
      if ('error' in outcome && outcome.row === undefined) wholeFailures.push(outcome.error.message);
      else readAny = true;
      const n = perFile.get(outcome.path);
      if (n !== undefined) perFile.set(outcome.path, n + 1);
      for (const k of wanted) if (outcome.meta?.[k]) seenFields.add(k);
      agg.add(outcome);
      const forRows = withCsvMeta(outcome, columns, excerpts, idField);
      if (!('error' in forRows) && forRows.findings.length) {
        await findingsSink.write(findingsCsv.result({ ...forRows, findings: forRows.findings.map((f) => forCsv(f, excerpts, forRows.findings)) }));
      }
      await documentsSink.write(documentsCsv.row(forRows));
      progress.tick();
    }
    await findingsSink.write(findingsCsv.end({ documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} }));
    await documentsSink.write(documentsCsv.end());
    await findingsSink.close();
    await documentsSink.close();
    progress.stop();
    if (!readAny && wholeFailures.length) {
      await out.discard();
      for (const m of wholeFailures.slice(0, 20)) io.stderr.write(`sourdough audit: ${printable(m)}\n`);
      if (wholeFailures.length > 20) io.stderr.write(`sourdough audit: … and ${count(wholeFailures.length - 20, 'more input')} that could not be read\n`);
      io.stderr.write('sourdough audit: no document or record could be read, so nothing was written\n');
      return 2;
    }

    // 3. Summary, comparison and report.
    const figures: AuditFigures = agg.finish();
    const summary: AuditSummary = {
      version: 1,
      generatedAt: new Date().toISOString(),
      runTimeMs: 0,
      inputs: paths,
      ruleSet,
      config: effectiveConfig(opts, io, settings, { groupBy, period, excerpts, jobs }),
      groupBy,
      dateField: opts.dateField ?? null,
      figures,
    };
    if (previous) summary.comparison = { ...compareAudits(previous, { ruleSet, figures }, opts.allowRuleChanges === true), previous: opts.compare! };
    summary.runTimeMs = Math.round(performance.now() - started);
    const html = await renderAuditHtml(summary);
    const summarySink = await out.sink('summary.json');
    await summarySink.write(`${JSON.stringify(summary, null, 2)}\n`);
    await summarySink.close();
    const htmlSink = await out.sink('report.html');
    await htmlSink.write(html);
    await htmlSink.close();
    await out.commit();

    const rel = relative(io.cwd, out.dir);
    const where = !rel ? '.' : rel.startsWith('..') ? out.dir : rel;
    const missing = wanted.filter((k) => !seenFields.has(k));
    for (const k of missing) {
      const effect = k === opts.dateField && !groupBy.includes(k) ? 'no record is in the trend' : `every record is counted as (none) in the "${printable(k)}" table`;
      io.stderr.write(`sourdough audit: no record has a value in a "${printable(k)}" field, so ${effect}; check the column name\n`);
    }
    for (const [file, n] of perFile) {
      const why = kindOf(file) !== 'jsonl' ? 'it is empty, or has only its header row' : 'it is empty, or has only blank lines';
      if (n === 0) io.stderr.write(`sourdough audit: ${printable(file)} holds no records (${why}), so nothing from it is in the report; check that the export finished\n`);
    }
    const unreadableDates = figures.trend?.unreadable ?? 0;
    if (unreadableDates && !missing.includes(opts.dateField!)) {
      // Counted, never quoted: a value in the wrong column may be anything.
      io.stderr.write(
        `sourdough audit: ${count(unreadableDates, 'record')} ${unreadableDates === 1 ? 'has a value' : 'have values'} in "${printable(opts.dateField ?? '')}" that could not be read as a date, so ${unreadableDates === 1 ? 'it is' : 'they are'} left out of the trend; dates are read as 2026-03-14, 14/03/2026 (day first) or a spreadsheet's serial number (46353), and a date that does not exist (31/02/2026) or a placeholder for no date (01/01/1900, 01/01/1970) is not read\n`,
      );
    }
    io.stderr.write(
      `sourdough audit: ${count(figures.documents.analysed, 'document')} analysed, ${count(figures.findings, 'finding')} (${figures.per1000Words} per 1,000 words); report written to ${printable(where)}/report.html\n`,
    );
    if (figures.documents.failed) {
      const n = figures.documents.failed;
      io.stderr.write(`sourdough audit: ${count(n, 'document')} could not be read or analysed; ${n === 1 ? 'it is' : 'they are'} listed under "Data quality" in the report and in documents.csv\n`);
      return 2;
    }
    return 0;
  } catch (err) {
    await out.discard();
    if (err instanceof SourdoughError) return usage(io, err.message);
    throw err;
  } finally {
    progress.stop();
    await analyser.close();
    stopListening();
  }
}

/** How record columns are named in the CSV outputs: the group and date columns, and a name for any column. */
interface CsvColumns {
  /** The `--group-by` and `--date-field` columns, in order, with their names in the outputs. */
  keep: Map<string, string>;
  /** The name a record column gets in the outputs. */
  name(key: string): string;
}

/**
 * Names for record columns in findings.csv and documents.csv: a column named like one the
 * outputs have themselves (status, category, row, path, words…) gets a `meta_` prefix, so no
 * header is there twice.
 */
function csvColumns(groupBy: readonly string[], dateField: string | undefined): CsvColumns {
  const reserved = new Set([...csvStream({ metaColumns: [] }).start().trim().split(','), ...DocumentsCsv.columns]);
  const names = new Map<string, string>();
  const name = (key: string): string => {
    let n = names.get(key);
    if (n === undefined) {
      n = key;
      while (reserved.has(n)) n = `meta_${n}`;
      names.set(key, n);
    }
    return n;
  };
  const keep = new Map<string, string>();
  for (const k of [...groupBy, ...(dateField ? [dateField] : [])]) keep.set(k, name(k));
  return { keep, name };
}

/**
 * The record's other columns as the CSV outputs hold them. The `--group-by` and `--date-field`
 * columns come first, always (empty when a record has no value, so a first record without one
 * cannot leave them out of the header), and are kept as they are (the report shows them too).
 * Any other column may hold free text about the person (a summary, a note): its identifiers are
 * masked as in example sentences, and with --no-excerpts it is left out altogether, since no text
 * from the records is written then.
 */
function withCsvMeta(o: DocumentOutcome, columns: CsvColumns, excerpts: boolean, idField: string): DocumentOutcome {
  const meta: Record<string, string> = {};
  for (const [k, n] of columns.keep) meta[n] = o.meta?.[k] ?? '';
  for (const [k, v] of Object.entries(o.meta ?? {})) {
    // (The id field is only there for grouping by it: the id column has it already.)
    if (columns.keep.has(k) || k === idField || !excerpts) continue;
    const n = columns.name(k);
    if (!(n in meta)) meta[n] = v && maskIdentifiers(v);
  }
  const { meta: _, ...rest } = o;
  return Object.keys(meta).length ? { ...rest, meta } : rest;
}

/** A record's id is not among its other columns; grouping or dating by the id column uses it. */
function withId(o: DocumentOutcome, idField: string, wanted: readonly string[]): DocumentOutcome {
  if (o.id === undefined || !wanted.includes(idField) || o.meta?.[idField] !== undefined) return o;
  return { ...o, meta: { ...o.meta, [idField]: o.id } };
}

/**
 * A `--group-by` or `--date-field` column that the record names with other capitals ("Team" for
 * `team`) is that field, when only one of its columns does: exports name columns as their system
 * does, and the record would otherwise count under (none).
 */
function withFieldCase(o: DocumentOutcome, wanted: readonly string[]): DocumentOutcome {
  const meta = o.meta;
  if (!meta) return o;
  let out: Record<string, string> | undefined;
  for (const k of wanted) {
    if (meta[k] !== undefined) continue;
    const alike = caseVariant(Object.keys(meta), k);
    if (alike === undefined) continue;
    out ??= { ...meta };
    out[k] = out[alike]!;
    delete out[alike];
  }
  return out ? { ...o, meta: out } : o;
}

/** Documents that are files (not records) get their folder as `folder`, so `--group-by folder` groups a tree of plans. */
function withFolder(o: DocumentOutcome, groupBy: string[]): DocumentOutcome {
  if (o.row !== undefined || !groupBy.includes('folder') || o.meta?.folder !== undefined) return o;
  return { ...o, meta: { ...o.meta, folder: o.path === '-' ? '-' : dirname(o.path) } };
}

/** The settings the run used, for summary.json (paths relative to the working folder). */
function effectiveConfig(
  opts: AuditCommandOptions,
  io: Io,
  settings: { options: AnalyseOptions; packs: string[]; configFile?: string }[],
  run: { groupBy: string[]; period: string; excerpts: boolean; jobs: number },
): Record<string, unknown> {
  const rel = (p: string): string => relative(io.cwd, p) || '.';
  const seen = new Map<string, { configFile: string | null; options: AnalyseOptions; rulePacks: string[] }>();
  for (const s of settings) {
    const key = JSON.stringify([s.configFile ?? null, s.options, s.packs]);
    if (!seen.has(key)) seen.set(key, { configFile: s.configFile ? rel(s.configFile) : null, options: s.options, rulePacks: s.packs.map(rel) });
  }
  return {
    textField: opts.textField ?? 'text',
    idField: opts.idField ?? 'id',
    groupBy: run.groupBy,
    dateField: opts.dateField ?? null,
    period: run.period,
    excerpts: run.excerpts,
    jobs: run.jobs,
    settings: [...seen.values()],
  };
}

/** "1 document", "2,000 documents". */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}
