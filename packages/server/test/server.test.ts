/**
 * The listening entry: options from the environment, listening on 127.0.0.1, and graceful
 * shutdown that lets in-flight requests finish (both through close() and on SIGTERM).
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server.js';
import { SLOW_WORKER } from './helper.js';

/** The real worker, but each thread takes 2 s longer to load. */
const SLOW_START_WORKER = new URL('./fixtures/slow-start-worker.mjs', import.meta.url);

/** Run a TypeScript entry in a child process; collect its output; resolve `exited` with its code. */
function child(entry: string, env: Record<string, string>): { proc: ChildProcess; out: () => string; exited: Promise<number | null>; waitFor: (re: RegExp) => Promise<RegExpExecArray> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const waitFor = async (re: RegExp): Promise<RegExpExecArray> => {
    for (let i = 0; i < 400; i++) {
      const m = re.exec(out);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`never saw ${re} in: ${out}`);
  };
  return { proc, out: () => out, exited, waitFor };
}

describe('startServer', () => {
  it('listens on 127.0.0.1 by default and finishes in-flight requests on close', async () => {
    const server = await startServer(
      { port: 0, logger: false, workerFile: SLOW_WORKER, workers: 1, timeoutMs: 20_000 },
      { env: {}, handleSignals: false },
    );
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const inFlight = fetch(`${server.url}/v1/analyse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Jack refused lunch. SLOW-TASK' }),
    });
    await new Promise((r) => setTimeout(r, 500));
    const closed = server.close();
    let closedAt = 0;
    void closed.then(() => (closedAt = Date.now()));
    const res = await inFlight;
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: { ruleId: string }[] }).findings[0]!.ruleId).toBe('blaming/refuses');
    await closed;
    expect(closedAt).toBeGreaterThanOrEqual(answeredAt - 50);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('says when start-up is over: ready settles true once the workers have loaded the rules', async () => {
    const server = await startServer({ port: 0, logger: false, workers: 1, workerFile: SLOW_START_WORKER }, { env: {}, handleSignals: false });
    try {
      // Listening, but the workers are still loading: /readyz says so.
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'starting' });
      expect(await server.ready).toBe(true);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a stop during start-up is not a failure: ready settles false and nothing is logged above info', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const server = await startServer({ port: 0, logger: { level: 'info', stream }, workers: 2, workerFile: SLOW_START_WORKER }, { env: {}, handleSignals: false });
    await server.close(); // the workers are still loading
    expect(await server.ready).toBe(false);
    const levels = lines.map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((l) => l > 30), lines.join('')).toEqual([]);
  });

  it('ready rejects when the workers cannot start', async () => {
    const server = await startServer(
      { port: 0, logger: false, workers: 1, workerFile: new URL('./fixtures/broken-worker.mjs', import.meta.url) },
      { env: {}, handleSignals: false },
    );
    try {
      await expect(server.ready).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('reads SOURDOUGH_* variables, with explicit options winning', async () => {
    const server = await startServer({ logger: false, workers: 1 }, { env: { SOURDOUGH_PORT: '0', SOURDOUGH_HOST: '127.0.0.1', SOURDOUGH_BATCH_LIMIT: '1' }, handleSignals: false });
    try {
      const res = await fetch(`${server.url}/v1/analyse/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documents: [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }] }),
      });
      expect(res.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});

describe('node server.js', () => {
  it('logs when it is ready, and shuts down cleanly on SIGTERM', async () => {
    const c = child(fileURLToPath(new URL('../src/server.ts', import.meta.url)), { SOURDOUGH_PORT: '0', SOURDOUGH_WORKERS: '1', SOURDOUGH_LOG_LEVEL: 'info' });
    const url = (await c.waitFor(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/))[1];
    await c.waitFor(/ready: the analysis workers have loaded the rules/);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    c.proc.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    expect(c.out()).toContain('shutting down');
  });

  it('SIGTERM while the workers are still loading the rules: exits 0, quietly', async () => {
    const c = child(fileURLToPath(new URL('./fixtures/start-server.ts', import.meta.url)), {});
    await c.waitFor(/Server listening at/);
    c.proc.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    const out = c.out();
    expect(out).toContain('shutting down');
    expect(out).toContain('TEST-READY false');
    // Nothing above info: stopping during start-up is not a worker failure.
    const levels = out.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((l) => l > 30), out).toEqual([]);
    expect(out).not.toMatch(/failed|error/i);
  });
});
