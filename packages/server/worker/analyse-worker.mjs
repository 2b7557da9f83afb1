/**
 * The worker-thread task that runs the analysis, off the server's event loop (piscina). The rule
 * set is compiled once per worker, when the module loads. Plain JavaScript on purpose: a worker
 * thread loads this file directly, whether the server runs from `src/` (tests) or `dist/`.
 * Never logs, stores or sends anything: text in, findings out.
 */
import { workerData } from 'node:worker_threads';
import { analyse, builtinAllowList, builtinRuleSet, builtinRules, builtinTypos, compileRules, readers } from '@sourdough/core';
import { documentFromBytes } from '@sourdough/readers';
import { escapeBidiJson, hasBidi } from '@sourdough/reporters/bidi';
import fastJsonStringify from 'fast-json-stringify';
import { move, transferableSymbol, valueSymbol } from 'piscina';

// Extra rule packs arrive as data (already validated by the main thread), never as paths.
const extra = workerData?.extraRules ?? [];
const ruleSet = extra.length ? compileRules([...builtinRules(), ...extra], { allow: builtinAllowList(), typos: builtinTypos(), validate: false }) : builtinRuleSet();

/**
 * Response serialisers, built here from the route's response schema and the app's shared schemas
 * (sent by the main thread), exactly as Fastify builds its own: `fastJsonStringify(schema, { schema:
 * shared })`. A task that names one gets its answer back as UTF-8 JSON bytes, so the main thread
 * neither deserialises the findings nor serialises them again.
 */
const serialisers = new Map(
  Object.entries(workerData?.responses ?? {}).map(([name, { schema, shared }]) => [name, fastJsonStringify(schema, { schema: shared })]),
);
const encoder = new TextEncoder();

/**
 * A document result as the route's response body: `{ findings, stats }` serialised with the named
 * serialiser, plus the finding counts by category and severity that the metrics need. When the
 * document's text held a bidirectional control (`bidi`), the JSON carries it as its `\u202e`-style
 * escape, as the server's other JSON answers do (build.ts); checking the text, not the answer,
 * keeps the common case to one scan of the shorter string.
 * @param {string} name
 * @param {import('@sourdough/core').DocumentResult} result
 * @param {boolean} [bidi]
 * @returns {{ body: Uint8Array, tally: Record<string, number> }}
 */
export function respond(name, result, bidi = false) {
  const serialise = serialisers.get(name);
  if (!serialise) throw new Error(`no response serialiser named ${name}`);
  /** @type {Record<string, number>} */
  const tally = {};
  for (const f of result.findings) {
    const key = `${f.category}\t${f.severity}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  const json = serialise({ findings: result.findings, stats: result.stats });
  return { body: encoder.encode(bidi ? escapeBidiJson(json) : json), tally };
}

/**
 * A task's outcomes, with the response bodies' memory *moved* to the main thread (transferred,
 * not copied): a 2,000-word plan's body is about 32 KB, and cloning it cost the worker more than
 * the rest of the hand-off. Each body owns its buffer (TextEncoder allocates one per call), so
 * nothing else is moved with it.
 * @template T
 * @param {T[]} out
 * @returns {T[]}
 */
export function moveBodies(out) {
  const buffers = [];
  for (const o of out) if (o && typeof o === 'object' && 'body' in o) buffers.push(o.body.buffer);
  if (buffers.length === 0) return out;
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return out;
    },
  });
}

/**
 * Analyse a list of documents with one set of options. With `task.respond`, each result comes
 * back as response bytes (see respond()) instead of the result object.
 * Uploaded files arrive as bytes and are read here too (DOCX unzipping and HTML parsing stay off
 * the event loop and inside the time limit).
 * @param {{ respond?: string, items: { text?: string, format?: 'text'|'markdown', doc?: import('@sourdough/core').SourceDocument, bytes?: Uint8Array, kind?: 'docx'|'html'|'markdown'|'text', path?: string }[], options?: import('@sourdough/core').AnalyseOptions }} task
 * @returns {Promise<({ result: import('@sourdough/core').DocumentResult } | { body: Uint8Array, tally: Record<string, number> } | { error: { code: string, message: string } })[]>}
 */
export async function analyseTask(task) {
  const out = [];
  for (const item of task.items) {
    try {
      const doc = item.bytes
        ? await documentFromBytes(item.bytes, item.path ?? '-', item.kind ?? 'text')
        : (item.doc ?? (item.format === 'markdown' ? readers.markdown(item.text ?? '', item.path) : readers.text(item.text ?? '', item.path)));
      const result = analyse(doc, ruleSet, task.options ?? {});
      out.push(task.respond ? respond(task.respond, result, hasBidi(doc.source)) : { result });
    } catch (err) {
      // Only the code and a fixed message cross back: error messages could quote the input.
      const code = typeof err?.code === 'string' && err.code.startsWith('SD_ERR_') ? err.code : 'SD_ERR_INTERNAL';
      out.push({ error: { code, message: code === 'SD_ERR_INTERNAL' ? 'This document could not be analysed.' : `This document could not be analysed (${code}).` } });
    }
  }
  return moveBodies(out);
}

/**
 * The gates the main thread shares with the workers (plugins/engine.ts), one slot per task it may
 * have handed to the pool at once: each slot's state (0 handed over, 1 started, 2 called off) and
 * the time (Date.now()) its task started. A worker is handed its next task while it still runs the
 * one before (so it never waits for the main thread between tasks); the main thread can call off a
 * task that is still waiting (its client left, or its time ran out) without terminating the worker,
 * and it times the limit of a running task from when it really started.
 */
const gateStates = workerData?.gates ? new Int32Array(workerData.gates.states) : undefined;
const gateTimes = workerData?.gates ? new Float64Array(workerData.gates.times) : undefined;

/**
 * Enter a task's gate slot: note when it started and mark it started, unless the main thread has
 * called it off while it waited (then false: skip it). A slot already marked started (a gated
 * function calling another) stays so.
 * @param {Int32Array} states
 * @param {Float64Array} times
 * @param {number} slot
 * @returns {boolean}
 */
export function enterGate(states, times, slot) {
  times[slot] = Date.now(); // written before the state, which publishes it (Atomics orders the two)
  return Atomics.compareExchange(states, slot, 0, 1) !== 2;
}

/**
 * A task function wrapped so that it marks its slot started when it begins, or skips the task
 * (answering an empty list) when the main thread has called it off. A task without a slot (the
 * warm-up) simply runs. Test workers wrap their own task functions with it.
 * @template T
 * @param {(task: any) => T} fn
 * @returns {(task: any) => T | []}
 */
export function gated(fn) {
  return function gatedTask(task) {
    const slot = task?.slot;
    if (gateStates && gateTimes && typeof slot === 'number' && !enterGate(gateStates, gateTimes, slot)) return [];
    return fn(task);
  };
}

export default gated(analyseTask);
