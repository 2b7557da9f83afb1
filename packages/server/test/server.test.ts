/**
 * The listening entry: options from the environment, listening on 127.0.0.1, and graceful
 * shutdown that lets in-flight requests finish (both through close() and on SIGTERM).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server.js';
import { SLOW_WORKER } from './helper.js';

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
  it('shuts down cleanly on SIGTERM', async () => {
    const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, SOURDOUGH_PORT: '0', SOURDOUGH_WORKERS: '1', SOURDOUGH_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let url: string | undefined;
    for (let i = 0; i < 300 && !url; i++) {
      url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url, out).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('shutting down');
  });
});
