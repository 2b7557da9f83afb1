/**
 * Worker-thread entry for `--jobs N`: receives read documents with their options and rule packs,
 * analyses them with rule sets compiled once per worker, and posts the results back. Never writes
 * to stdout/stderr and never logs the text.
 */
import { parentPort } from 'node:worker_threads';
import { analyseItem } from './analyse-item.js';
import { ruleSetFor } from './rule-set.js';
import { renderJsonResult } from '@sourdough/reporters/json';
import { countsOf } from './summary.js';
import { unslim, type TaskMessage, type ResultMessage } from './workers.js';

if (!parentPort) throw new Error('worker.js must run as a worker thread');
const port = parentPort;
// Compile the built-in rules while the main thread reads its inputs.
ruleSetFor([]);

/**
 * Test-only fault injection (docs/security.md): with SOURDOUGH_TEST_CRASH_AT=<n> set, a worker
 * dies abruptly when it is handed the record at row n, as if the thread had crashed. Has no
 * effect unless the variable is set.
 */
const crashAt = /^\d+$/.test(process.env.SOURDOUGH_TEST_CRASH_AT ?? '') ? Number(process.env.SOURDOUGH_TEST_CRASH_AT) : undefined;

port.on('message', (msg: TaskMessage) => {
  const out: ResultMessage = { seq: msg.seq, outcomes: [] };
  if (crashAt !== undefined && msg.tasks.some((t) => t.item.row === crashAt)) process.exit(70);
  for (const sent of msg.tasks) {
    const task = unslim(sent);
    const outcome = analyseItem(task.item, ruleSetFor(task.packs), task.options);
    out.outcomes.push(task.render === 'json' ? { rendered: renderJsonResult(outcome), counts: countsOf(outcome) } : outcome);
  }
  port.postMessage(out);
});
