/**
 * Analysis here or on worker threads (`--jobs N`), reusable by `check` and `audit`.
 * `createAnalyser(jobs)` gives an Analyser: with one job it analyses in this thread; with more it
 * starts N workers (`workers.ts`). `analyseAll()` streams read items through an analyser and
 * yields results in input order with a bounded number in flight, so a huge record file runs in
 * bounded memory and output never depends on timing.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { AnalyseOptions, DocumentOutcome } from '@sourdough/core';
import type { Outcome } from './workers.js';
import { isReadError, type RawRecord, type ReadItem } from '@sourdough/readers';
import { analyseTaskItem } from './analyse-item.js';
import { ruleSetFor } from './rule-set.js';
import { BATCH, startWorkers, type Analyser, type AnalyseTask } from './workers.js';

export type { Analyser, AnalyseTask, TaskMessage, ResultMessage, Outcome, RenderedOutcome, OutcomeCounts } from './workers.js';
export { isRendered } from './workers.js';
export { defaultJobs, jobsFor, knownInput } from './workers.js';

/** In-thread analysis (`--jobs 1`). */
class LocalAnalyser implements Analyser {
  readonly jobs = 1;
  analyse(task: AnalyseTask): Promise<DocumentOutcome> {
    // (Never renders: in this thread the reporter formats the result directly.)
    return Promise.resolve(analyseTaskItem(task.item, ruleSetFor(task.packs), task.options));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * An analyser for `jobs` threads (1 = this thread). `workerFile` replaces the worker entry (tests);
 * `resourceLimits` caps each worker's heap (audit uses a small young generation to keep the peak
 * memory of long runs down).
 */
export function createAnalyser(jobs: number, options: { workerFile?: URL; resourceLimits?: ResourceLimits } = {}): Analyser {
  return jobs > 1 ? startWorkers(jobs, options) : new LocalAnalyser();
}

/** What applies to one read document, by its path (and whether workers should render its json result). */
export type Resolve = (item: { path: string }) => { options: AnalyseOptions; packs: string[]; render?: 'json' };

/**
 * Stream read items through an analyser. Results come out in input order; at most `window`
 * documents are in flight, so reading pauses while the workers catch up.
 */
export async function* analyseAll(items: AsyncIterable<ReadItem | RawRecord>, analyser: Analyser, resolveTask: Resolve, window = Math.max(32, analyser.jobs * BATCH * 4)): AsyncGenerator<Outcome> {
  const queue: Promise<Outcome>[] = [];
  for await (const item of items) {
    if (isReadError(item)) queue.push(Promise.resolve(item));
    else {
      const { options, packs, render } = resolveTask(item);
      const task: AnalyseTask = { item, options, packs };
      if (render) task.render = render;
      queue.push(analyser.analyse(task));
    }
    while (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}
