/**
 * Worker-thread entry for `--jobs N`: receives read documents with their options and rule packs,
 * analyses them with rule sets compiled once per worker, and posts the results back. Never writes
 * to stdout/stderr and never logs the text.
 */
import { parentPort } from 'node:worker_threads';
import { analyseItem } from './analyse-item.js';
import { ruleSetFor } from './rule-set.js';
import type { TaskMessage, ResultMessage } from './pool.js';

if (!parentPort) throw new Error('worker.js must run as a worker thread');
const port = parentPort;
// Compile the built-in rules while the main thread reads its inputs.
ruleSetFor([]);

port.on('message', (msg: TaskMessage) => {
  const out: ResultMessage = { seq: msg.seq, outcomes: [] };
  for (const task of msg.tasks) out.outcomes.push(analyseItem(task.item, ruleSetFor(task.packs), task.options));
  port.postMessage(out);
});
