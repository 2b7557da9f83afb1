/**
 * Worker-thread entry for `--jobs N`: receives read documents with their options and rule packs,
 * analyses them with rule sets compiled once per worker, and posts the results back. Never writes
 * to stdout/stderr and never logs the text.
 */
import { parentPort } from 'node:worker_threads';
import { analyseTaskItem } from './analyse-item.js';
import { ruleSetFor } from './rule-set.js';
import { renderJsonResult } from '@sourdough/reporters/json';
import { countsOf } from '@sourdough/core';
import { unslim, type TaskMessage, type ResultMessage, type RenderedOutcome } from './workers.js';

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

const NO_BYTES = new Uint8Array(0);

port.on('message', (msg: TaskMessage) => {
  const out: ResultMessage = { seq: msg.seq, outcomes: [] };
  if (crashAt !== undefined && msg.tasks.some((t) => t.item.row === crashAt)) process.exit(70);
  const texts: string[] = [];
  const rendered: RenderedOutcome[] = [];
  for (const sent of msg.tasks) {
    const task = unslim(sent);
    const outcome = analyseTaskItem(task.item, ruleSetFor(task.packs), task.options);
    if (task.render === 'json') {
      const r: RenderedOutcome = { rendered: NO_BYTES, counts: countsOf(outcome) };
      texts.push(renderJsonResult(outcome));
      rendered.push(r);
      out.outcomes.push(r);
    } else out.outcomes.push(outcome);
  }
  if (!texts.length) {
    port.postMessage(out);
    return;
  }
  // Rendered texts go back as UTF-8 in one transferred buffer: nothing to copy or encode there.
  const lengths = texts.map((t) => Buffer.byteLength(t));
  const all = Buffer.allocUnsafeSlow(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  texts.forEach((t, i) => {
    all.write(t, at);
    rendered[i]!.rendered = new Uint8Array(all.buffer, all.byteOffset + at, lengths[i]);
    at += lengths[i]!;
  });
  port.postMessage(out, [all.buffer]);
});
