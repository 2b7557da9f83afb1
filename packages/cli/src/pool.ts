/**
 * Analysis on worker threads (`--jobs N`), reusable by `check` and `audit`. `createAnalyser(jobs)`
 * gives an Analyser: with one job it analyses in this thread; with more it starts N workers, each
 * compiling its rule sets once, and sends them small batches of documents. `analyseAll()` streams
 * read items through an analyser and yields results in input order with a bounded number in
 * flight, so a huge record file runs in bounded memory and output never depends on timing.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyseOptions, DocumentOutcome } from '@sourdough/core';
import { isReadError, type ReadDocument, type ReadItem } from '@sourdough/readers';
import { analyseItem, labelOf } from './analyse-item.js';
import { ruleSetFor } from './rule-set.js';

/** One document to analyse, with what applies to it. */
export interface AnalyseTask {
  item: ReadDocument;
  options: AnalyseOptions;
  /** Extra rule pack folders (absolute). */
  packs: string[];
}

/** Message to a worker. */
export interface TaskMessage {
  seq: number;
  tasks: AnalyseTask[];
}

/** Message from a worker. */
export interface ResultMessage {
  seq: number;
  outcomes: DocumentOutcome[];
}

/** Analyses documents, here or on workers. */
export interface Analyser {
  analyse(task: AnalyseTask): Promise<DocumentOutcome>;
  /** Stop the workers (safe to call twice). */
  close(): Promise<void>;
  readonly jobs: number;
}

/** In-thread analysis (`--jobs 1`). */
class LocalAnalyser implements Analyser {
  readonly jobs = 1;
  analyse(task: AnalyseTask): Promise<DocumentOutcome> {
    return Promise.resolve(analyseItem(task.item, ruleSetFor(task.packs), task.options));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The compiled worker file (tests running from src/ use the built one in dist/). */
function workerFile(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../dist/worker.js', import.meta.url);
}

interface Pending {
  tasks: AnalyseTask[];
  resolvers: ((o: DocumentOutcome) => void)[];
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  load: number;
}

/** Documents per message: enough to make messaging cheap, few enough to keep workers balanced. */
const BATCH = 8;

/** Worker-thread analysis (`--jobs N`, N > 1). */
class WorkerAnalyser implements Analyser {
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
        p.tasks.forEach((t, i) => p.resolvers[i]!({ ...labelOf(t.item), error: { code: 'SD_ERR_WORKER', message: `${t.item.path}${t.item.row !== undefined ? ` row ${t.item.row}` : ''}: the analysis worker stopped: ${err.message}` } }));
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

  analyse(task: AnalyseTask): Promise<DocumentOutcome> {
    if (this.broken) {
      const where = `${task.item.path}${task.item.row !== undefined ? ` row ${task.item.row}` : ''}`;
      return Promise.resolve({ ...labelOf(task.item), error: { code: 'SD_ERR_WORKER', message: `${where}: the analysis workers could not run: ${this.broken.message}` } });
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
      p.tasks.forEach((t, i) => p.resolvers[i]!({ ...labelOf(t.item), error: { code: 'SD_ERR_WORKER', message: `${t.item.path}${t.item.row !== undefined ? ` row ${t.item.row}` : ''}: the analysis workers could not run: ${why}` } }));
      return;
    }
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.load < slot.load) slot = s;
    const seq = ++this.seq;
    slot.inFlight.set(seq, p);
    slot.load += p.tasks.length;
    const msg: TaskMessage = { seq, tasks: p.tasks };
    slot.worker.postMessage(msg);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * An analyser for `jobs` threads (1 = this thread). `workerFile` replaces the worker entry (tests);
 * `resourceLimits` caps each worker's heap (audit uses a small young generation to keep the peak
 * memory of long runs down).
 */
export function createAnalyser(jobs: number, options: { workerFile?: URL; resourceLimits?: ResourceLimits } = {}): Analyser {
  return jobs > 1 ? new WorkerAnalyser(jobs, options.workerFile ?? workerFile(), options.resourceLimits) : new LocalAnalyser();
}

/** What applies to one read document; a DocumentError to report it as failed instead. */
export type Resolve = (item: ReadDocument) => { options: AnalyseOptions; packs: string[] };

/**
 * Stream read items through an analyser. Results come out in input order; at most `window`
 * documents are in flight, so reading pauses while the workers catch up.
 */
export async function* analyseAll(items: AsyncIterable<ReadItem>, analyser: Analyser, resolveTask: Resolve, window = Math.max(32, analyser.jobs * BATCH * 4)): AsyncGenerator<DocumentOutcome> {
  const queue: Promise<DocumentOutcome>[] = [];
  for await (const item of items) {
    if (isReadError(item)) queue.push(Promise.resolve(item));
    else {
      const { options, packs } = resolveTask(item);
      queue.push(analyser.analyse({ item, options, packs }));
    }
    while (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}

/** Default `--jobs`: cores − 1, at least 1. */
export function defaultJobs(cores: number): number {
  return Math.max(1, cores - 1);
}
