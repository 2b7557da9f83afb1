/**
 * Server faults (docs/security.md, "Server faults"): a worker that crashes mid-analysis gives that
 * request a 500 and the pool replaces it; SIGTERM drains in-flight requests; a client that
 * disconnects frees the work it had queued; a slow ("slowloris") body is cut off by the request
 * timeout. Every request carries a canary phrase, and at the end all captured output (logs, crash
 * output, error bodies, metrics) is searched for it: submitted text must never appear.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/build.js';
import { waitReady } from '../helper.js';

const CANARY = 'Wrenfield Peppercorn-Ashdown';
const CRASH_WORKER = new URL('./fixtures/crash-worker.mjs', import.meta.url);
/** Everything the server said: logs, crash output, error bodies, metrics. Searched at the end. */
const captured: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'sourdough-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logStream(): Writable {
  return new Writable({
    write(chunk, _enc, cb) {
      captured.push(String(chunk));
      cb();
    },
  });
}

async function listening(options: Parameters<typeof buildApp>[0]): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ logger: { level: 'trace', stream: logStream() }, rateLimit: false, workers: 1, workerFile: CRASH_WORKER, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await waitReady(app);
  return { app, url };
}

const post = (url: string, text: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${url}/v1/analyse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }), ...(signal ? { signal } : {}) });

describe('server faults', () => {
  it('a worker that crashes mid-analysis: that request gets a 500, the pool replaces the worker, the next request works', async () => {
    const { app, url } = await listening({});
    try {
      const crash = await post(url, `${CANARY} refused her tablets. CRASH-TASK`);
      expect(crash.status).toBe(500);
      const body = await crash.text();
      captured.push(body);
      expect(JSON.parse(body).code).toMatch(/^SD_ERR_/);
      // The replacement worker answers the next requests.
      for (let i = 0; i < 3; i++) {
        const ok = await post(url, `${CANARY} refused her tablets.`);
        expect(ok.status).toBe(200);
        expect(((await ok.json()) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'blaming/refuses')).toBe(true);
      }
      captured.push(await (await fetch(`${url}/metrics`)).text());
    } finally {
      await app.close();
    }
  });

  it('a request waiting on the worker behind one that crashes it is handed over again and answered', async () => {
    // Each worker is handed its next task while it runs one: the crash takes the waiting task's
    // worker too, but that task never started, so it goes to the replacement worker.
    const { app, url } = await listening({ timeoutMs: 20_000 });
    try {
      const crash = post(url, `${CANARY} refused her tablets. PAUSE-THEN-CRASH-TASK`);
      await new Promise((r) => setTimeout(r, 100));
      const behind = await post(url, `${CANARY} refused her tablets.`);
      expect((await crash).status).toBe(500);
      expect(behind.status).toBe(200);
      expect(((await behind.json()) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'blaming/refuses')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('a client that disconnects while its work is queued frees that work', async () => {
    const { app, url } = await listening({ timeoutMs: 20_000 });
    try {
      const t0 = Date.now();
      const busy = post(url, `${CANARY} SLOW-TASK`); // occupies the only worker for 3 s
      await new Promise((r) => setTimeout(r, 200));
      const ac = new AbortController();
      const leaver = post(url, `${CANARY} SLOW-TASK`, ac.signal).catch((e: Error) => e); // queued behind it
      await new Promise((r) => setTimeout(r, 200));
      ac.abort(); // the client goes away
      expect(await leaver).toBeInstanceOf(Error);
      const next = await post(url, 'Sam chose lunch.');
      expect(next.status).toBe(200);
      // Without freeing, the next request would wait for the abandoned 3 s task too (about 6 s; freed, about 3.5 s).
      expect(Date.now() - t0).toBeLessThan(4_800);
      expect((await busy).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a slowloris body (one byte a second) is cut off by the request timeout', async () => {
    const { app, url } = await listening({ requestTimeoutMs: 1_000 });
    try {
      const { port } = new URL(url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      const t0 = Date.now();
      let response = '';
      socket.on('data', (d) => (response += String(d)));
      const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - t0)));
      socket.write('POST /v1/analyse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":"');
      const drip = setInterval(() => socket.write(CANARY[0]!), 1000);
      const ms = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 8_000))]);
      clearInterval(drip);
      socket.destroy();
      expect(ms, 'the connection was never closed').toBeGreaterThan(0);
      expect(ms).toBeLessThan(4_000);
      captured.push(response);
      expect(response).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await app.close();
    }
  });

  it('SIGTERM lets an in-flight request finish, then the process exits 0', async () => {
    const script = join(dir, 'serve.mts');
    const server = new URL('../../src/server.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { startServer } from ${JSON.stringify(server)};\nawait startServer({ port: 0, workers: 1, logger: 'info', rateLimit: false, workerFile: new URL(${JSON.stringify(CRASH_WORKER.href)}) });\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let url: string | undefined;
      for (let i = 0; i < 600 && !url; i++) {
        url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 50));
      }
      expect(url, out).toBeDefined();
      for (let i = 0; i < 600 && (await fetch(`${url}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
      const inFlight = post(url!, `${CANARY} refused her tablets. SLOW-TASK`); // 3 s of work
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
      expect(await exited).toBe(0);
      // New connections are refused once it has gone.
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      captured.push(out);
    }
  });

  it('no submitted text in any captured log line, crash output, error body or metrics', () => {
    const all = captured.join('\n');
    expect(all.length).toBeGreaterThan(1000); // output was really captured
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain('Peppercorn');
  });
});
