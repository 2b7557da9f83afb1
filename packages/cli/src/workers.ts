/**
 * The worker threads of `--jobs N`: `WorkerAnalyser` starts N workers, each compiling its rule sets
 * once, and sends them small batches of documents. This module loads nothing of the engine, so the
 * command line can start the workers before this thread loads the engine and readers: their
 * start-up then overlaps instead of following it.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import type { AnalyseOptions, DocumentOutcome, SummaryCounts } from '@sourdough/core';
import type { RawRecord, ReadDocument } from '@sourdough/readers';
import { labelOf, whereOf, type Label } from './label.js';
import { freshBundle } from './bundle.js';

/** One document to analyse (or a CSV or JSONL record still to parse), with what applies to it. */
export interface AnalyseTask {
  item: ReadDocument | RawRecord;
  options: AnalyseOptions;
  /** Extra rule pack folders (absolute). */
  packs: string[];
  /**
   * `json`: a worker renders the result's report text itself and sends back only that (as UTF-8
   * bytes) and the counts the summary needs (RenderedOutcome), so the main thread neither
   * receives the findings nor formats or encodes them.
   */
  render?: 'json';
  /** Set by the pool when it leaves out a masked text identical to the source (see `slim`). */
  textIsSource?: boolean;
}

/** What the run summary needs of one result (core's SummaryCounts). */
export type OutcomeCounts = SummaryCounts;

/** A result already rendered by a worker (AnalyseTask.render): its report text as UTF-8 bytes. */
export interface RenderedOutcome {
  rendered: Uint8Array;
  counts: OutcomeCounts;
}

/** What an analyser gives for one task. */
export type Outcome = DocumentOutcome | RenderedOutcome;

/** Was the result rendered by a worker? */
export function isRendered(o: Outcome): o is RenderedOutcome {
  return 'rendered' in o;
}

/** Message to a worker. */
export interface TaskMessage {
  seq: number;
  tasks: AnalyseTask[];
}

/** Message from a worker. */
export interface ResultMessage {
  seq: number;
  outcomes: Outcome[];
}

/** Analyses documents, here or on workers. */
export interface Analyser {
  analyse(task: AnalyseTask): Promise<Outcome>;
  /** Stop the workers (safe to call twice). */
  close(): Promise<void>;
  readonly jobs: number;
}

/**
 * The worker entry: the single-file bundle when it is current (it starts in about two thirds of
 * the CPU time), else the compiled module. Tests running from src/ use the built files in dist/.
 */
function workerFile(): URL {
  const dist = existsSync(fileURLToPath(new URL('./worker.js', import.meta.url))) ? new URL('./', import.meta.url) : new URL('../dist/', import.meta.url);
  return freshBundle(dist, 'worker') ?? new URL('worker.js', dist);
}

interface Pending {
  tasks: AnalyseTask[];
  resolvers: ((o: Outcome) => void)[];
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  load: number;
}

/**
 * A task as sent to a worker: when the document's masked text is its source (nothing was masked,
 * the usual case for plain text), the text is left out rather than copied twice; see `unslim`.
 */
function slim(task: AnalyseTask): AnalyseTask {
  if (isRaw(task.item)) return task;
  const doc = task.item.doc;
  if (doc.text !== doc.source) return task;
  return { ...task, textIsSource: true, item: { ...task.item, doc: { ...doc, text: '' } } };
}

/** Undo `slim` (in the worker). */
export function unslim(task: AnalyseTask): AnalyseTask {
  if (task.textIsSource && !isRaw(task.item)) task.item.doc.text = task.item.doc.source;
  return task;
}

/** A raw CSV or JSONL record (readers' isRawRecord, without loading the readers here). */
function isRaw(item: ReadDocument | RawRecord): item is RawRecord {
  return 'raw' in item;
}

/**
 * What names each task's document in an error entry: its label, as when it was read. A raw record
 * is parsed here for that (only on these rare paths, so this module still loads no reader), and
 * one that cannot be parsed is named by its path and row.
 */
async function taskLabels(tasks: readonly AnalyseTask[]): Promise<Label[]> {
  if (!tasks.some((t) => isRaw(t.item))) return tasks.map((t) => labelOf(t.item as ReadDocument));
  const { parseRecord } = await import('@sourdough/readers/record');
  return tasks.map((t) => {
    if (!isRaw(t.item)) return labelOf(t.item);
    try {
      return labelOf(parseRecord(t.item));
    } catch {
      return labelOf({ path: t.item.path, row: t.item.row });
    }
  });
}

/** Answer every task of a batch with an SD_ERR_WORKER entry naming its document. */
function failBatch(p: Pending, why: (t: AnalyseTask) => string): void {
  void taskLabels(p.tasks).then((labels) => p.tasks.forEach((t, i) => p.resolvers[i]!({ ...labels[i]!, error: { code: 'SD_ERR_WORKER', message: why(t) } })));
}

/**
 * The tasks of one message, ready to post: raw records' bytes are copied into one buffer, which is
 * transferred rather than cloned; other tasks are slimmed.
 */
function packed(tasks: AnalyseTask[]): { tasks: AnalyseTask[]; transfer: ArrayBuffer[] } {
  let bytes = 0;
  for (const t of tasks) if (isRaw(t.item)) bytes += t.item.raw.byteLength;
  if (!bytes) return { tasks: tasks.map(slim), transfer: [] };
  const all = new Uint8Array(bytes);
  let at = 0;
  const out = tasks.map((t) => {
    if (!isRaw(t.item)) return slim(t);
    const raw = t.item.raw;
    all.set(raw, at);
    const item: RawRecord = { ...t.item, raw: all.subarray(at, at + raw.byteLength) };
    at += raw.byteLength;
    return { ...t, item };
  });
  return { tasks: out, transfer: [all.buffer] };
}

/** Documents per message: enough to make messaging cheap, few enough to keep workers balanced. */
export const BATCH = 32;

/** Worker-thread analysis (`--jobs N`, N > 1). */
export class WorkerAnalyser implements Analyser {
  readonly jobs: number;
  private readonly slots: Slot[] = [];
  private seq = 0;
  private batch: Pending = { tasks: [], resolvers: [] };
  private flushScheduled = false;
  private closed = false;
  private restarts = 0;
  private broken: Error | undefined;

  private readonly file: URL;
  private readonly resourceLimits: ResourceLimits | undefined;

  constructor(jobs: number, file: URL, resourceLimits?: ResourceLimits) {
    this.jobs = jobs;
    this.file = file;
    this.resourceLimits = resourceLimits;
    for (let i = 0; i < jobs; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, this.resourceLimits ? { resourceLimits: this.resourceLimits } : {});
    const slot: Slot = { worker, inFlight: new Map(), load: 0 };
    worker.on('message', (msg: ResultMessage) => {
      const p = slot.inFlight.get(msg.seq);
      if (!p) return;
      slot.inFlight.delete(msg.seq);
      slot.load -= p.tasks.length;
      msg.outcomes.forEach((o, i) => p.resolvers[i]!(o));
    });
    const fail = (err: Error): void => {
      // A worker that dies fails only the documents it held (SD_ERR_WORKER); a fresh one takes its place.
      for (const p of slot.inFlight.values()) {
        failBatch(p, (t) => `${whereOf(t.item)}: the analysis worker stopped: ${err.message}`);
      }
      slot.inFlight.clear();
      slot.load = 0;
      if (!this.closed) {
        const i = this.slots.indexOf(slot);
        if (i >= 0) {
          // Give up after repeated deaths (e.g. the worker file cannot load) instead of looping.
          if (++this.restarts > this.jobs * 3) {
            this.slots.splice(i, 1);
            if (!this.slots.length) this.broken = err;
          } else this.slots[i] = this.spawn();
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closed) fail(new Error(`exit code ${code}`));
    });
    return slot;
  }

  analyse(task: AnalyseTask): Promise<Outcome> {
    if (this.broken) {
      const why = this.broken.message;
      return new Promise((resolveOutcome) => failBatch({ tasks: [task], resolvers: [resolveOutcome] }, (t) => `${whereOf(t.item)}: the analysis workers could not run: ${why}`));
    }
    return new Promise((resolveOutcome) => {
      this.batch.tasks.push(task);
      this.batch.resolvers.push(resolveOutcome);
      if (this.batch.tasks.length >= BATCH) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.batch.tasks.length) return;
    const p = this.batch;
    this.batch = { tasks: [], resolvers: [] };
    if (this.broken || !this.slots.length) {
      const why = this.broken?.message ?? 'no worker is running';
      failBatch(p, (t) => `${whereOf(t.item)}: the analysis workers could not run: ${why}`);
      return;
    }
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.load < slot.load) slot = s;
    const seq = ++this.seq;
    slot.inFlight.set(seq, p);
    slot.load += p.tasks.length;
    const { tasks, transfer } = packed(p.tasks);
    const msg: TaskMessage = { seq, tasks };
    slot.worker.postMessage(msg, transfer);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Start `jobs` workers (`workerFile` replaces the worker entry in tests; `resourceLimits` caps each worker's heap). */
export function startWorkers(jobs: number, options: { workerFile?: URL; resourceLimits?: ResourceLimits } = {}): WorkerAnalyser {
  return new WorkerAnalyser(jobs, options.workerFile ?? workerFile(), options.resourceLimits);
}

/** Default `--jobs`: cores − 1, at least 1. */
export function defaultJobs(cores: number): number {
  return Math.max(1, cores - 1);
}

const RECORD_FILE = /\.(?:csv|jsonl|ndjson)$/i;
const GLOB_MAGIC = /[*?[\]{}!]/;

/**
 * What the command line's paths hold, when that is plain without reading them: one document for
 * each path that is a file of a one-document kind (text, Markdown, HTML, DOCX) and for standard
 * input read as one document, and their size on disk (unknown with standard input). Undefined
 * when any path is a folder, a glob, a CSV or JSONL file (or standard input read as one), or
 * cannot be found.
 */
export function knownInput(paths: readonly string[], cwd: string, stdinFilename?: string): { documents: number; bytes: number | undefined } | undefined {
  let documents = 0;
  let bytes: number | undefined = 0;
  for (const p of paths) {
    if (p === '-') {
      if (stdinFilename && RECORD_FILE.test(stdinFilename)) return undefined;
      bytes = undefined;
    } else {
      if (RECORD_FILE.test(p) || GLOB_MAGIC.test(p)) return undefined;
      try {
        const info = statSync(resolve(cwd, p));
        if (!info.isFile()) return undefined;
        if (bytes !== undefined) bytes += info.size;
      } catch {
        return undefined;
      }
    }
    documents++;
  }
  return { documents, bytes };
}

/**
 * Text that repays one more worker: a worker costs about 0.6 s of CPU to start, about what this
 * thread takes to analyse a few MB, so smaller inputs are quicker without one.
 */
const BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * The worker threads a run uses: `--jobs` (default cores − 1, at least 1), but, when the command
 * line names only plain files (`knownInput`), never more than there are files, nor than one per
 * 4 MB of them. Checking one draft with seven workers took three times as long as in this thread.
 * The output is the same either way.
 */
export function jobsFor(requested: number | undefined, paths: readonly string[], cwd: string, stdinFilename?: string): number {
  const jobs = requested ?? defaultJobs(cpus().length);
  if (jobs <= 1) return jobs;
  const known = knownInput(paths, cwd, stdinFilename);
  if (!known) return jobs;
  const cap = known.bytes === undefined ? known.documents : Math.min(known.documents, Math.ceil(known.bytes / BYTES_PER_WORKER));
  return Math.max(1, Math.min(jobs, cap));
}

/**
 * The workers a `check` run needs, started before anything else is loaded, or undefined when the
 * run analyses in this thread (`--jobs 1`, or a single document), has nothing to analyse (no paths)
 * or only prints the config. The caller hands them to `check()`, which closes them.
 */
export function earlyAnalyser(paths: readonly string[], opts: { jobs?: number | undefined; printConfig?: string | undefined; stdinFilename?: string | undefined }, cwd: string): WorkerAnalyser | undefined {
  if (opts.printConfig || !paths.length) return undefined;
  const jobs = jobsFor(opts.jobs, paths, cwd, opts.stdinFilename);
  return jobs > 1 ? startWorkers(jobs) : undefined;
}
