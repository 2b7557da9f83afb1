/**
 * The analysis engine as the routes see it: a piscina worker pool that runs core's `analyse()`
 * off the event loop (each worker compiles the rule set once), with the per-request time limit,
 * plus the rule metadata the routes need. A request that runs over the limit is aborted (its
 * worker thread is replaced) and answered 503, so one slow document never stalls the server.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Piscina } from 'piscina';
import pLimit from 'p-limit';
import { availableParallelism } from 'node:os';
import { loadRulePack } from '@sourdough/core/node';
import { builtinAllowList, builtinRules, compileRules, CATEGORIES, type AnalyseOptions, type DocumentResult, type RuleData, type SourceDocument } from '@sourdough/core';
import { TimeoutError, UnavailableError, UnknownRuleError, closeTo, safeRuleName } from '../errors.js';

/**
 * One document for the pool: a string to read as text or Markdown, a document already read, or
 * an uploaded file's bytes with the reader to use (read in the worker).
 */
export interface EngineItem {
  text?: string;
  format?: 'text' | 'markdown';
  doc?: SourceDocument;
  bytes?: Uint8Array;
  kind?: 'docx' | 'html' | 'markdown' | 'text';
  path?: string;
}

/** A document's outcome from the pool. */
export type EngineOutcome = { result: DocumentResult } | { error: { code: string; message: string } };

/** A document's outcome as a finished response body (see Engine.runToBody). */
export type EngineBody = { body: Buffer } | { error: { code: string; message: string } };

/** What a worker sends back for a task with `respond` set: UTF-8 JSON and the finding counts. */
type WorkerBody = { body: Uint8Array; tally: Record<string, number> } | { error: { code: string; message: string } };

/** What `fastify.engine` offers the routes. */
export interface Engine {
  /**
   * Analyse documents within the time limit. Rejects with a 503 TimeoutError when it runs over
   * (the worker running it is terminated and replaced). A client that disconnects does not abort
   * its analysis: replacing a worker (recompiling the rules) costs far more than finishing it;
   * but work still queued for it is dropped when `reply` (the request's reply) says its
   * connection closed before the answer was sent.
   */
  run(items: EngineItem[], options: AnalyseOptions, reply?: ReplyLike): Promise<EngineOutcome[]>;
  /**
   * Analyse one document and get its response body ready to send: `{ findings, stats }` written
   * in the worker by the serialiser of the response schema registered under `respond` (the same
   * serialiser Fastify would build for that schema), as UTF-8 bytes. The findings never cross the
   * thread boundary as objects and the main thread never serialises them. Same time limit, errors
   * and metrics as run().
   */
  runToBody(item: EngineItem, options: AnalyseOptions, respond: string, reply?: ReplyLike): Promise<EngineBody>;
  /** The built-in rules, as written in YAML. */
  rules: RuleData[];
  /** Rule by id. */
  byId: Map<string, RuleData>;
  /** Throws a 400 naming the first entry that is neither a rule id, a category nor `*`. */
  checkRuleNames(names: readonly string[]): void;
  /** `ok` once every worker has compiled the rules and answered a warm-up task; `closing` on shutdown. */
  state(): 'ok' | 'starting' | 'closing';
  /**
   * Settles once start-up is over: `true` when every worker has compiled the rules and answered its
   * warm-up task (state() is then `ok`), `false` when the server began shutting down first (a stop
   * during start-up is not an error). Rejects when the workers could not start (a broken worker
   * module); the server keeps running, /readyz keeps answering 503, and requests get 503.
   */
  whenReady(): Promise<boolean>;
  timeoutMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: Engine;
  }
}

/** Options for the engine plugin. */
export interface EngineOptions {
  timeoutMs: number;
  /** Extra rule packs (folders), loaded and validated once at start-up. */
  rules?: string[] | undefined;
  workers?: number | undefined;
  workerFile?: string | URL | undefined;
  /**
   * Response schemas (by name) that runToBody() may serialise with, in the worker; they are
   * compiled there together with the app's shared schemas (`fastify.getSchemas()`).
   */
  responses?: Record<string, object> | undefined;
}

/**
 * The part of a Fastify reply the engine watches: its raw response, which emits `close` when the
 * connection ends (before `writableFinished` if the client went away). Work still queued for a
 * request whose client has disconnected is dropped (a running chunk finishes, bounded by the time
 * limit, so a disconnecting client cannot make the server kill and recompile workers).
 */
export interface ReplyLike {
  raw: { writableFinished: boolean; once(event: 'close', listener: () => void): unknown; removeListener(event: 'close', listener: () => void): unknown };
}

const DEFAULT_WORKER = new URL('../../worker/analyse-worker.mjs', import.meta.url);

/**
 * Each worker's young generation, in MB (V8 splits it into two 32 MB semi-spaces and a large-object
 * space). Analysing a document allocates several MB of short-lived objects (the Markdown reader
 * most of all); with V8's default 16 MB semi-spaces they are scavenged about every third document
 * and many survive into the old generation, so GC took about a third of the workers' CPU time
 * (docs/performance.md, "The server under load"). The space grows only as it is used.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/**
 * Tasks handed to each worker at once: the one it runs and up to three more, already waiting in its
 * message port, so a worker goes straight on to its next task instead of waiting for the main
 * thread to answer the last one and hand over another (which it does only between its own HTTP
 * work and garbage collections), and rarely goes to sleep between tasks (waking it costs both
 * threads a system call). Measured on the bench's load test: two gave about a tenth more requests
 * a second and a lower p99 than one; four gave about 8% more again, with 5% less CPU a request and
 * a slightly lower p99 than two (docs/performance.md, "Tenth session" and "Eleventh session"). The
 * cost: a request queued on a worker behind one that runs away waits for that one's time limit
 * (then gets its own 503), so deeper queues put more requests at risk from one runaway document.
 */
const TASKS_PER_WORKER = 4;

/** A task's state in its gate slot: handed to the pool, or called off before it started (the worker sets 1, started; see its `gated`). */
const HANDED = 0;
const CALLED_OFF = 2;

/** Times a task whose worker was terminated before it started is handed over again. */
const RETRIES = 2;

type Balancer = NonNullable<NonNullable<ConstructorParameters<typeof Piscina>[0]>['loadBalancer']>;

/**
 * Piscina's balancer, allowing TASKS_PER_WORKER tasks per worker even when they carry an abort
 * signal (ours all do, for the time limit; piscina's own balancer gives such a task a worker to
 * itself). The least busy worker wins. Safe here because a task is aborted (which terminates its
 * worker) only once it has started and run over the limit; one waiting behind it on that worker
 * is handed over again (runChunk).
 */
const balancer: Balancer = (_task, workers) => {
  let best: (typeof workers)[number] | null = null;
  let bestUsage = TASKS_PER_WORKER;
  for (const w of workers) {
    if (w.terminating || w.destroyed) continue;
    // Piscina reports a worker with one abortable task as Infinity; we count it as one.
    const usage = w.isRunningAbortableTask ? 1 : w.currentUsage;
    if (usage === 0) return w;
    if (usage < bestUsage) {
      best = w;
      bestUsage = usage;
    }
  }
  return best;
};

/**
 * A chunk's abort switch, as piscina takes it (its `signal`: `aborted`, `reason`, and `once` and
 * `off`/`removeListener` for its 'abort' listener). It does what an AbortController's signal did
 * here for less: one plain object, no EventTarget, no listener options, nothing kept when it is
 * dropped. Every chunk has one (for the time limit), so on the bench's load test Node's
 * AbortController took 3–4% of the main thread's busy time (CPU profile), and its signals were
 * among the objects that live one request but reach the old generation (docs/performance.md).
 */
export class TaskAbort {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] = [];
  once(_event: 'abort', listener: () => void): void {
    this.listeners.push(listener);
  }
  off(_event: 'abort', listener: () => void): void {
    const i = this.listeners.indexOf(listener);
    if (i !== -1) this.listeners.splice(i, 1);
  }
  removeListener(event: 'abort', listener: () => void): void {
    this.off(event, listener);
  }
  /** Abort: each listener is called once, in the order added; a second call does nothing. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

/** Split items into about one chunk per worker (at most 50 documents each), keeping order. */
function chunk<T>(items: T[], workers: number): T[][] {
  const size = Math.max(1, Math.min(50, Math.ceil(items.length / workers)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function enginePlugin(fastify: FastifyInstance, opts: EngineOptions): Promise<void> {
  const threads = opts.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  const file = opts.workerFile ?? DEFAULT_WORKER;
  // Extra packs are read and validated here, once; workers receive the rule data, never paths.
  const extra = (opts.rules ?? []).flatMap((dir) => loadRulePack(dir));
  const rules = [...builtinRules(), ...extra];
  if (extra.length) compileRules(rules, { allow: builtinAllowList(), validate: false }); // duplicate ids etc. fail now, not per request
  let ready = false;
  let closing = false;
  let settleReady!: (ok: boolean) => void;
  let failReady!: (err: unknown) => void;
  const readyPromise = new Promise<boolean>((resolve, reject) => {
    settleReady = resolve;
    failReady = reject;
  });
  readyPromise.catch(() => undefined); // a caller that never asks must not see an unhandled rejection
  /**
   * One gate slot per task that can be in the pool at once (see the worker's `gated`): its state
   * and, once started, when it started. A slot is taken when a chunk is handed to the pool and
   * given back when the pool settles it (by then no worker will touch it again).
   */
  const capacity = threads * TASKS_PER_WORKER;
  const gates = { states: new SharedArrayBuffer(4 * capacity), times: new SharedArrayBuffer(8 * capacity) };
  const gateStates = new Int32Array(gates.states);
  const gateTimes = new Float64Array(gates.times);
  const freeSlots = Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
  const pool = new Piscina({
    filename: typeof file === 'string' ? file : file.href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    loadBalancer: balancer,
    idleTimeout: 60_000,
    // The pool's own run- and wait-time histograms are never read (metrics.ts keeps its own).
    recordTiming: false,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: {
      gates,
      extraRules: extra,
      responses: Object.fromEntries(Object.entries(opts.responses ?? {}).map(([name, schema]) => [name, { schema, shared: fastify.getSchemas() }])),
    },
  });
  // A worker that dies (a crash, or a module that fails to load) must never take the server down:
  // its task is rejected (a 500 for that request) and piscina starts a new worker. One that fails
  // before start-up is over (a module that does not load) ends start-up: piscina then stops
  // starting workers, and a warm-up task not yet handed to one would wait for ever.
  pool.on('error', (err: unknown) => {
    fastify.log.error({ err }, 'an analysis worker failed');
    if (!ready && !closing) failReady(err);
  });
  /**
   * Our own first-in, first-out queue in front of the pool: at most TASKS_PER_WORKER chunks per
   * worker are handed to piscina (as many as it can give to workers at once), the rest wait here.
   * Piscina's queue puts a task it could not give to a busy worker back at its *end* (piscina
   * issue #1031; its `stricterFIFO` option lets a new task jump the queue instead when tasks carry
   * an abort signal), so under sustained load some requests waited many times longer than others:
   * p99 was three times the mean latency (docs/performance.md, "Queue fairness").
   */
  const dispatch = pLimit(capacity);
  /** Chunks queued or running (shutdown waits for them). */
  const inFlight = new Set<Promise<unknown[]>>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const names = new Set<string>([...byId.keys(), ...CATEGORIES, '*']);

  const engine: Engine = {
    rules,
    byId,
    timeoutMs: opts.timeoutMs,
    state: () => (closing ? 'closing' : ready ? 'ok' : 'starting'),
    whenReady: () => readyPromise,
    checkRuleNames(list) {
      for (const n of list) if (!names.has(n)) throw new UnknownRuleError(safeRuleName(n), closeTo(n, n.includes('/') ? [...byId.keys()] : [...names].filter((x) => x !== '*')));
    },
    async run(items, options, reply) {
      const out = (await settle(items, options, reply, undefined)) as EngineOutcome[];
      const ok = out.filter((o): o is { result: DocumentResult } => 'result' in o).map((o) => o.result);
      fastify.metrics.recordResults(ok, out.length - ok.length);
      return out;
    },
    async runToBody(item, options, respond, reply) {
      const [out] = (await settle([item], options, reply, respond)) as WorkerBody[];
      if (!out) throw new Error('the analysis worker returned nothing');
      if ('error' in out) {
        fastify.metrics.recordTally(0, 1, {});
        return out;
      }
      fastify.metrics.recordTally(1, 0, out.tally);
      return { body: Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength) };
    },
  };

  /** Run items through the pool in chunks within the time limit; the workers' outcomes, in order. */
  async function settle(items: EngineItem[], options: AnalyseOptions, reply: ReplyLike | undefined, respond: string | undefined): Promise<unknown[]> {
    const limit = opts.timeoutMs;
    const tasks = chunk(items, threads).map((c) => runChunk(c, options, limit, respond));
    let gone = false;
    const onGone = (): void => {
      if (reply!.raw.writableFinished) return;
      gone = true;
      for (const t of tasks) t.dropIfQueued();
    };
    reply?.raw.once('close', onGone);
    let deadline: NodeJS.Timeout | undefined;
    const overtime = new Promise<never>((_resolve, reject) => {
      deadline = setTimeout(() => {
        for (const t of tasks) t.deadlinePassed();
        reject(new TimeoutError(limit));
      }, limit);
    });
    try {
      const parts = await Promise.race([Promise.all(tasks.map((t) => t.result)), overtime]);
      return parts.length === 1 ? parts[0]! : parts.flat();
    } catch (err) {
      if (err instanceof TimeoutError) throw err;
      if (closing || gone) throw new UnavailableError(); // the pool was stopped under this request, or its client left
      throw err;
    } finally {
      reply?.raw.removeListener('close', onGone);
      clearTimeout(deadline);
      // Abandoned tasks settle later (finished, or aborted): never leave their rejections unhandled.
      for (const t of tasks) t.result.catch(() => undefined);
    }
  }

  /**
   * Run one chunk with the time limit applied twice: the request gets its 503 when `limit` has
   * passed since it arrived (`deadlinePassed`), but the worker is only terminated when the chunk
   * itself has *run* for `limit` — a chunk that has not started is simply called off. Under
   * overload this sheds queued work cheaply instead of killing (and recompiling) workers.
   *
   * Chunks wait in `dispatch`, a first-in, first-out queue that hands a chunk to the pool only
   * when a worker can take it (running it, or next in line in its port). Its gate slot says
   * whether it has started: one called off before it started is skipped by the worker (or never
   * handed over, if still in `dispatch`). One whose worker was terminated before it started (the
   * chunk ahead of it ran over the limit, or crashed the thread) is handed over again.
   */
  function runChunk(items: EngineItem[], options: AnalyseOptions, limit: number, respond: string | undefined) {
    const ac = new TaskAbort();
    let slot = -1; // the chunk's gate slot while it is in the pool
    let handed = false; // left `dispatch` for the pool
    let calledOff = false; // called off before it started (never sent, or skipped by its worker)
    let killer: NodeJS.Timeout | undefined;
    const attempt = async (): Promise<unknown[]> => {
      for (let tries = 0; ; tries++) {
        slot = freeSlots.pop()!; // dispatch admits at most `capacity` chunks, so one is free
        gateStates[slot] = HANDED;
        const task = respond ? { items, options, respond, slot } : { items, options, slot };
        try {
          return (await pool.run(task, { signal: ac })) as unknown[];
        } catch (err) {
          const neverStarted = Atomics.load(gateStates, slot) === HANDED;
          if (!neverStarted || ac.aborted || closing || tries >= RETRIES) throw err;
        } finally {
          freeSlots.push(slot);
          slot = -1;
        }
      }
    };
    const result: Promise<unknown[]> = dispatch(async () => {
      if (ac.aborted) throw new UnavailableError(); // called off while queued: never sent to a worker
      handed = true;
      const out = await attempt();
      if (calledOff) throw new UnavailableError(); // its worker skipped it
      return out;
    }).finally(() => {
      clearTimeout(killer);
      inFlight.delete(result);
    });
    inFlight.add(result);
    /** Call the chunk off if it has not started; true when it was (or had been) called off. */
    const callOff = (): boolean => {
      if (!handed) {
        ac.abort();
        return true;
      }
      if (slot >= 0 && Atomics.compareExchange(gateStates, slot, HANDED, CALLED_OFF) === HANDED) calledOff = true;
      return calledOff;
    };
    return {
      result,
      /** The request's time is up: call the chunk off if it has not started, else terminate it once it has run for `limit`. */
      deadlinePassed() {
        if (callOff() || slot < 0 || killer !== undefined) return;
        killer = setTimeout(() => ac.abort(), Math.max(0, gateTimes[slot]! + limit - Date.now()));
      },
      /** The client has gone: call the chunk off if it has not started. */
      dropIfQueued() {
        callOff();
      },
    };
  }
  fastify.decorate('engine', engine);

  fastify.addHook('onReady', async () => {
    // Warm every worker (each compiles the rule set on load) without delaying start-up.
    void Promise.all(Array.from({ length: threads }, () => pool.run({ items: [{ text: 'Warming up.' }], options: {} }))).then(
      () => {
        ready = !closing;
        settleReady(ready);
      },
      (err: unknown) => {
        // Stopped during start-up: shutting down terminated the workers while they loaded the
        // rules. That is the stop that was asked for, not a fault, so nothing is logged.
        if (closing) return settleReady(false);
        fastify.log.error({ err }, 'analysis workers failed to start');
        failReady(err);
      },
    );
  });
  fastify.addHook('preClose', async () => {
    closing = true;
    settleReady(false); // no effect once start-up has settled
  });
  fastify.addHook('onClose', async () => {
    // Let queued and running tasks finish (each is bounded by the time limit), even those whose
    // client has gone, then stop the workers.
    let timer: NodeJS.Timeout | undefined;
    const idle = async (): Promise<void> => {
      while (inFlight.size) await Promise.allSettled(inFlight);
    };
    await Promise.race([idle().then(() => pool.close()), new Promise((resolve) => (timer = setTimeout(resolve, opts.timeoutMs + 1000)))]);
    clearTimeout(timer);
    await pool.destroy();
  });
}

export default fp(enginePlugin, { name: 'engine', dependencies: ['metrics'] });
