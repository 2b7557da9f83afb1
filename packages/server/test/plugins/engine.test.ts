/**
 * The per-request time limit and the worker pool: a request that runs over the limit gets a 503
 * with a clear error, /healthz keeps answering quickly meanwhile (the analysis is off the event
 * loop), and the pool recovers for the next request. Slowness comes from a test-only worker.
 */
import { describe, expect, it } from 'vitest';
import { Piscina } from 'piscina';
import { build, expectError, SLOW_WORKER, waitReady } from '../helper.js';
import { TaskAbort } from '../../src/plugins/engine.js';

describe('analysis time limit', () => {
  it('answers 503 SD_ERR_TIMEOUT when analysis runs over, while /healthz stays responsive', async () => {
    const app = await build({ workerFile: SLOW_WORKER, timeoutMs: 1500, workers: 1 });
    // Wait for the worker to compile the rules, so the timing below measures only the slow task.
    await waitReady(app);
    expect((await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Warm.' } })).statusCode).toBe(200);

    const started = Date.now();
    const slow = app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch. SLOW-TASK' } });
    const healthLatencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const t = Date.now();
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      healthLatencies.push(Date.now() - t);
    }
    const res = await slow;
    const elapsed = Date.now() - started;
    const body = expectError(res, 503, 'SD_ERR_TIMEOUT');
    expect(body.message).toContain('1500 ms');
    expect(body.message).not.toContain('refused');
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4500); // well before the 5 s task would have finished
    expect(Math.max(...healthLatencies)).toBeLessThan(250);

    // The aborted worker is replaced (compiling the rules takes it a second or two): the pool
    // recovers and analyses the next requests normally.
    let after = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } });
    for (let i = 0; i < 5 && after.statusCode === 503; i++) after = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } });
    expect(after.statusCode).toBe(200);
    expect(after.json().findings[0].ruleId).toBe('blaming/refuses');
  });

  it('applies the limit to a whole batch and to /v2/check', async () => {
    const app = await build({ workerFile: SLOW_WORKER, timeoutMs: 500, workers: 1 });
    await waitReady(app);
    const batch = await app.inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents: [{ id: 'a', text: 'fine' }, { id: 'b', text: 'SLOW-TASK' }] } });
    expectError(batch, 503, 'SD_ERR_TIMEOUT');
    const lt = await app.inject({ method: 'POST', url: '/v2/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'language=en-GB&text=SLOW-TASK' });
    expectError(lt, 503, 'SD_ERR_TIMEOUT');
  });

  it('survives workers that fail to load: requests get 503, health stays up, readiness says so', async () => {
    const app = await build({ workerFile: new URL('../fixtures/broken-worker.mjs', import.meta.url), timeoutMs: 800, workers: 1 });
    await app.listen({ port: 0, host: '127.0.0.1' }); // a listening server, as in production
    expectError(await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } }), 503, 'SD_ERR_TIMEOUT');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'starting' });
  });

  it('serves queued requests first come, first served', async () => {
    // Twelve requests pile up behind one worker (40 ms each). Piscina's own queue moved a task it
    // could not hand to the busy worker to the back of the line, so some requests waited many
    // times longer than others; the engine's queue keeps arrival order.
    const app = await build({ workerFile: SLOW_WORKER, workers: 1, timeoutMs: 20_000 });
    await waitReady(app);
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: `Note ${i}: Jack refused lunch. PAUSE-TASK` } }).then((res) => {
          expect(res.statusCode).toBe(200);
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i));
    await app.close();
  });

  it('a request waiting on the worker behind one that runs over gets its own 503, not an error', async () => {
    // Each worker is handed its next task while it runs one. When the task it runs is stopped
    // (its worker terminated), the task waiting behind it never started: it is handed over again,
    // and here, where the replacement worker is still loading when its own time is up, it gets the
    // time limit's 503 like any queued request (a 500 if it were not handed over again).
    const app = await build({ workerFile: SLOW_WORKER, timeoutMs: 1500, workers: 1 });
    await waitReady(app);
    const slow = app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch. SLOW-TASK' } });
    await new Promise((r) => setTimeout(r, 300));
    const behind = app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } });
    expectError(await slow, 503, 'SD_ERR_TIMEOUT');
    expectError(await behind, 503, 'SD_ERR_TIMEOUT');
    // The pool recovers.
    let after = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } });
    for (let i = 0; i < 5 && after.statusCode === 503; i++) after = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused lunch.' } });
    expect(after.statusCode).toBe(200);
    await app.close();
  });

  it('runs requests in parallel across workers', async () => {
    const app = await build({ workers: 2 });
    const texts = Array.from({ length: 20 }, (_, i) => `Note ${i}: Jack refused lunch.`);
    const res = await Promise.all(texts.map((text) => app.inject({ method: 'POST', url: '/v1/analyse', payload: { text } })));
    expect(res.every((r) => r.statusCode === 200 && r.json().findings.length === 1)).toBe(true);
  });
});

describe('TaskAbort (the engine\u2019s abort switch for piscina)', () => {
  it('calls each listener once, in order, skips removed ones, and sets aborted and an AbortError reason', () => {
    const ac = new TaskAbort();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const b = () => calls.push('b');
    const c = () => calls.push('c');
    ac.once('abort', a);
    ac.once('abort', b);
    ac.once('abort', c);
    ac.off('abort', b);
    expect(ac.aborted).toBe(false);
    ac.abort();
    ac.abort();
    expect(calls).toEqual(['a', 'c']);
    expect(ac.aborted).toBe(true);
    expect((ac.reason as DOMException).name).toBe('AbortError');
  });

  it('aborts a piscina task that is running (its worker is replaced) and refuses one already aborted', async () => {
    const pool = new Piscina({ filename: new URL('../fixtures/sleep-worker.mjs', import.meta.url).href, minThreads: 1, maxThreads: 1 });
    try {
      const ac = new TaskAbort();
      const running = pool.run({ ms: 5000, value: 1 }, { signal: ac });
      setTimeout(() => ac.abort(), 200);
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      await expect(pool.run({ value: 1 }, { signal: ac })).rejects.toMatchObject({ name: 'AbortError' });
      // A fresh one runs to the end, on the replacement worker, and leaves no listener behind.
      const fresh = new TaskAbort();
      expect(await pool.run({ ms: 10, value: 2 }, { signal: fresh })).toBe(2);
      expect((fresh as unknown as { listeners: unknown[] }).listeners).toEqual([]);
    } finally {
      await pool.destroy();
    }
  });
});
