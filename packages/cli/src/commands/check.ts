/**
 * `sourdough check [paths|globs|-]…` (SPEC §4): expand the inputs, find each file's config, read
 * documents and records (streaming), analyse them here or on worker threads, and write the report
 * as results arrive. Exit code: 2 when any input could not be read or the command was misused,
 * else 1 when there are error-severity findings or more warnings than `--max-warnings`, else 0.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourdoughError, SummaryBuilder, type AnalyseOptions, type DocumentKind, type RuleData, type Severity } from '@sourdough/core';
import { expandGlobs, isRecordKind, kindOf, type RawRecord, type ReadItem } from '@sourdough/readers';
import { getStreamingReporter, formats, printable, type StreamingReporter } from '@sourdough/reporters';
import type { Io } from '../io.js';
import { readInputs } from '../inputs.js';
import { ConfigResolver } from '../config.js';
import { ruleDataFor, ruleInfos, runSettings } from '../rule-set.js';
import { analyseAll, createAnalyser, isRendered, jobsFor, type Analyser } from '../pool.js';
import { createProgress } from '../progress.js';
import { fileSink, sinkFor, type Sink } from '../output.js';
import { cliVersion } from '../version.js';
import { writeProblem } from '../write-error.js';
import { onStopSignal, signalExitCode } from '../signals.js';
import { leaveOutAuditOutputs, leftOutWhat, reportsMessage, skippedMessage, unfinishedMessage } from '../audit-inputs.js';

/** Options of `check`, as parsed by commander. */
export interface CheckOptions {
  format?: string;
  output?: string;
  config?: string;
  configLookup?: boolean;
  rules?: string[];
  enable?: string[];
  disable?: string[];
  minSeverity?: Severity;
  maxWarnings?: number;
  jobs?: number;
  includeQuotes?: boolean;
  textField?: string;
  idField?: string;
  stdinFilename?: string;
  ignorePattern?: string[];
  ignorePath?: string;
  kind?: DocumentKind;
  allow?: string[];
  printConfig?: string;
  progress?: boolean;
}

/** Command-line settings as analyse options (they win over config files). */
export function cliAnalyseOptions(opts: CheckOptions): AnalyseOptions {
  const o: AnalyseOptions = {};
  if (opts.enable?.length) o.enable = opts.enable;
  if (opts.disable?.length) o.disable = opts.disable;
  if (opts.includeQuotes) o.includeQuotes = true;
  if (opts.minSeverity) o.minSeverity = opts.minSeverity;
  if (opts.kind) o.kind = opts.kind;
  if (opts.allow?.length) o.allow = opts.allow;
  return o;
}

/** The config resolver for these options. */
export function configResolver(opts: CheckOptions, io: Io): ConfigResolver {
  const o: ConstructorParameters<typeof ConfigResolver>[0] = { cwd: io.cwd, lookup: opts.configLookup !== false, cli: cliAnalyseOptions(opts), rulePacks: opts.rules ?? [] };
  if (opts.config) o.configFile = opts.config;
  return new ConfigResolver(o);
}

function usage(io: Io, message: string): number {
  io.stderr.write(`sourdough: ${printable(message)}\n`);
  return 2;
}

/** Print a failure of config or rule packs (they name file, line and key) and return 2. */
function failure(io: Io, err: unknown): number {
  if (err instanceof SourdoughError) return usage(io, err.message);
  throw err;
}

/** `--print-config FILE`: the settings that apply to FILE, as JSON. */
function printConfig(file: string, opts: CheckOptions, io: Io): number {
  try {
    const resolver = configResolver(opts, io);
    const configFile = resolver.configFor(file);
    const e = resolver.effective(configFile);
    ruleDataFor(e.packs); // validate the packs too
    io.stdout.write(`${JSON.stringify({ file, configFile: configFile ?? null, options: e.options, rulePacks: e.packs }, null, 2)}\n`);
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/**
 * Run `check`; returns the exit code. `analyser`: workers already started for this run (see
 * `earlyAnalyser`); `check` owns them from here and closes them. Without one it makes its own.
 */
export async function check(paths: string[], opts: CheckOptions, io: Io, analyser?: Analyser): Promise<number> {
  try {
    if (opts.printConfig) return printConfig(opts.printConfig, opts, io);
    const format = opts.format ?? 'stylish';
    const makeReporter = getStreamingReporter(format);
    if (!makeReporter) return usage(io, `unknown format "${format}" (use ${formats.join(', ')})`);
    if (paths.length === 0) return usage(io, 'name at least one file, folder or glob to check, or - for standard input');
    if (paths.filter((p) => p === '-').length > 1) return usage(io, 'standard input (-) can only be read once');
    // Workers start now (if the command line has not started them already), so their start-up
    // overlaps reading the config and the inputs.
    analyser ??= createAnalyser(jobsFor(opts.jobs, paths, io.cwd, opts.stdinFilename));
    return await checkWith(analyser, paths, opts, io, makeReporter);
  } finally {
    await analyser?.close();
  }
}

/** A file's device and inode (symbolic links followed), or undefined if it cannot be looked up. */
function fileId(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return s.ino === 0n ? undefined : `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether `output` (absolute) is one of `files` (relative to `cwd`): the same path, or the same
 * file under another name (a symbolic or hard link, or another spelling on a case-insensitive
 * file system), judged by device and inode. The files are looked up only when the output exists
 * already: one that does not cannot be another name for an input that does.
 */
function isAnInput(output: string, files: readonly string[], cwd: string): boolean {
  const paths = files.map((f) => resolve(cwd, f));
  if (paths.includes(output)) return true;
  const id = fileId(output);
  return id !== undefined && paths.some((path) => fileId(path) === id);
}

async function checkWith(analyser: Analyser, paths: string[], opts: CheckOptions, io: Io, makeReporter: StreamingReporter): Promise<number> {

  // 1. Inputs.
  let expanded;
  try {
    const e: Parameters<typeof expandGlobs>[1] = { cwd: io.cwd };
    if (opts.ignorePattern?.length) e.ignorePatterns = opts.ignorePattern;
    if (opts.ignorePath) e.ignorePath = opts.ignorePath;
    expanded = await expandGlobs(paths, e);
  } catch (err) {
    return failure(io, err);
  }
  const { unmatched, unreadable } = expanded;
  // An audit's report, CSVs and summary.json, and any report sourdough wrote, found by walking a
  // folder are not documents to check (as in `audit`); a file named on the command line is still
  // read. An earlier report at this run's --output is left out here too, so the check below lets
  // this run write over it; so is one a run stopped part-way (Ctrl+C) left there, cut short or
  // empty.
  const left = leaveOutAuditOutputs(paths, expanded.files, io.cwd, undefined, opts.output);
  const files = left.files;
  for (const s of left.skipped) io.stderr.write(skippedMessage(s, 'check'));
  if (left.reports.length) io.stderr.write(reportsMessage(left.reports, 'check'));
  for (const f of left.unfinished) io.stderr.write(unfinishedMessage(f));
  if ((left.skipped.length || left.reports.length || left.unfinished.length) && !files.length && !unmatched.length && !unreadable.length) {
    return usage(io, `nothing is left to check once ${leftOutWhat({ skipped: left.skipped, reports: [...left.reports, ...left.unfinished] })} are left out; name the documents to check, or ${left.skipped.length ? 'a file in the audit folder' : 'the report'} itself`);
  }

  // 2. Config and rule packs for every input, before any output, so a bad config stops the run cleanly.
  const resolver = configResolver(opts, io);
  let byFile: Map<string, { options: AnalyseOptions; packs: string[] }>;
  let sets: Set<RuleData[]>;
  try {
    ({ byFile, sets } = runSettings(files, resolver, opts));
  } catch (err) {
    return failure(io, err);
  }

  // 3. Read lazily, in argument order.
  // With workers, CSV and JSONL records are only split here and parsed by the workers.
  const items = (): AsyncGenerator<ReadItem | RawRecord> => readInputs(files, unmatched, opts, 'check', io, analyser.jobs > 1, unreadable);

  // 4. Analyse and report as results arrive. Never into one of the inputs: opening the output
  // empties it before it is read.
  if (opts.output && isAnInput(resolve(io.cwd, opts.output), files, io.cwd)) {
    return usage(io, `${opts.output} is one of the files to check, so writing the report there would wipe it out: choose another --output`);
  }
  let sink: Sink;
  try {
    sink = opts.output ? await fileSink(io.cwd, opts.output) : sinkFor(io.stdout, false);
  } catch (err) {
    return usage(io, writeProblem(err, opts.output!, 'file'));
  }
  const color = !opts.output && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const reporter = makeReporter({ color, rules: ruleInfos(sets), version: cliVersion() });
  const records = files.some((f) => (f === '-' ? opts.stdinFilename && isRecordKind(kindOf(opts.stdinFilename)) : isRecordKind(kindOf(f))));
  // The bar shares the terminal with the report, so it is only drawn when the report goes elsewhere
  // (a file or a pipe); a report streaming to the terminal shows its own progress.
  const barAllowed = opts.progress !== false && (Boolean(opts.output) || !io.stdout.isTTY);
  const progress = createProgress(io, { enabled: barAllowed, ...(records ? {} : { total: files.length + unmatched.length + unreadable.length }) });
  const summary = new SummaryBuilder();
  // Stopped with Ctrl+C or SIGTERM while writing to a file: say that the file holds only the start
  // of the report (a later run writes over it), rather than leave it there without a word.
  const output = opts.output;
  const onSignal = (signal: NodeJS.Signals): void => {
    progress.stop();
    io.stderr.write(`\nsourdough: stopped (${printable(signal)}) before the end, so ${printable(output ?? '')} holds only the start of the report; run the same command again to write it in full\n`);
    process.exit(signalExitCode(signal));
  };
  const stopListening = output ? onStopSignal(onSignal) : undefined;
  try {
    await sink.write(reporter.start());
    // With workers and a format whose result text depends on the result alone (json), the
    // workers render it: the findings then never cross back to this thread.
    const render = analyser.jobs > 1 && (opts.format ?? 'stylish') === 'json' && reporter.resultPrefix ? ('json' as const) : undefined;
    const resolveTask = (item: { path: string }): { options: AnalyseOptions; packs: string[]; render?: 'json' } => {
      const e = byFile.get(item.path) ?? resolver.forPath(item.path);
      return render ? { ...e, render } : e;
    };
    for await (const outcome of analyseAll(items(), analyser, resolveTask)) {
      progress.tick();
      if (isRendered(outcome)) {
        summary.addCounts(outcome.counts);
        await sink.write(reporter.resultPrefix!(), outcome.rendered);
      } else {
        summary.add(outcome);
        await sink.write(reporter.result(outcome));
      }
    }
    await sink.write(reporter.end(summary.summary));
    await sink.close();
  } finally {
    progress.stop();
    stopListening?.();
  }

  const s = summary.summary;
  if (s.failed) return 2;
  if ((s.bySeverity.error ?? 0) > 0) return 1;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && (s.bySeverity.warning ?? 0) > opts.maxWarnings) return 1;
  return 0;
}
