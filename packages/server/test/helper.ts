/**
 * Test helpers: build the app (quiet, one worker, no rate limit unless asked) and close it after
 * the test or file; build multipart bodies; check the documented error shape.
 */
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/build.js';
import type { ServerOptionsInput } from '../src/config.js';

/** Options tests start from: no logs, one worker, no rate limit. */
export const TEST_DEFAULTS: ServerOptionsInput = { logger: false, workers: 1, rateLimit: false };

/** The test-only worker that keeps a thread busy for 5 s when a document contains SLOW-TASK. */
export const SLOW_WORKER = new URL('./fixtures/slow-worker.mjs', import.meta.url);

/** The repository's shared fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** An app closed when the current test finishes. */
export async function build(options: ServerOptionsInput = {}): Promise<FastifyInstance> {
  const app = await buildApp({ ...TEST_DEFAULTS, ...options });
  onTestFinished(() => app.close());
  await app.ready();
  return app;
}

/** An app shared by a whole test file: built before its tests, closed after. Call at the top level. */
export function shared(options: ServerOptionsInput = {}): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ ...TEST_DEFAULTS, ...options });
    await app.ready();
  });
  afterAll(async () => app?.close());
  return () => {
    if (!app) throw new Error('the shared app is only available inside tests');
    return app;
  };
}

/** Assert a response is the documented error: `{ statusCode, code, error, message }` and nothing else. */
export function expectError(res: LightMyRequestResponse, statusCode: number, code: string): { message: string } {
  expect(res.statusCode).toBe(statusCode);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  expect(body.statusCode).toBe(statusCode);
  expect(body.code).toBe(code);
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect((body.message as string).length).toBeGreaterThan(10);
  return body as { message: string };
}

/** A multipart/form-data body with one file part (or none), plus its content type. */
export function multipart(parts: { name: string; filename?: string; type?: string; content: string | Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sourdoughTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Wait until /readyz says the workers have compiled the rules (slow machines take a few seconds). */
export async function waitReady(app: FastifyInstance): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the workers never became ready');
}
