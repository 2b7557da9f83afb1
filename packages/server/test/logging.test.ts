/**
 * Submitted text and finding text never reach the logs: a distinctive phrase is sent through every
 * route, including malformed and failing requests, and must not appear in the captured log output.
 */
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { build, multipart, SLOW_WORKER, waitReady } from './helper.js';
import { lazyChildLoggerFactory } from '../src/request-logger.js';

const PHRASE = 'Octavia Brightwater-Nkemelu';
// A finding's text: the phrase itself is flagged (dehumanising/service-user), so finding text is covered too.
const TEXT = `${PHRASE} refused her tablets. ${PHRASE} is a service user. SLOW-TASK`;

function capture(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

describe('logs', () => {
  it('never contain request bodies, submitted text, finding text or API keys, even on errors', async () => {
    const log = capture();
    const app = await build({ logger: { level: 'trace', stream: log.stream }, apiKeys: ['log-test-key'], workerFile: SLOW_WORKER, timeoutMs: 1000, workers: 2 });
    await waitReady(app);
    const auth = { authorization: 'Bearer log-test-key' };
    const form = { 'content-type': 'application/x-www-form-urlencoded', ...auth };
    const normal = TEXT.replace(' SLOW-TASK', '');
    const requests = [
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: auth, payload: { text: normal } }),
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: auth, payload: { text: normal, includeQuotes: PHRASE } }),
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: { ...auth, 'content-type': 'application/json' }, payload: `{"text": "${PHRASE}` }),
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: { ...auth, 'content-type': 'text/plain' }, payload: PHRASE }),
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: auth, payload: { text: normal, rules: { enable: [PHRASE] } } }),
      () => app.inject({ method: 'POST', url: '/v1/analyse/batch', headers: auth, payload: { documents: [{ id: PHRASE, text: normal }] } }),
      () => {
        const upload = multipart([{ name: 'file', filename: 'plan.md', content: normal }]);
        return app.inject({ method: 'POST', url: '/v1/analyse/file', payload: upload.payload, headers: { ...upload.headers, ...auth } });
      },
      () => app.inject({ method: 'POST', url: '/v1/analyse/file', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, payload: `--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n${PHRASE}` }),
      () => app.inject({ method: 'POST', url: '/v2/check', headers: form, payload: new URLSearchParams({ text: normal, language: 'en-GB' }).toString() }),
      () => app.inject({ method: 'POST', url: '/v2/check', headers: form, payload: new URLSearchParams({ text: normal, language: PHRASE }).toString() }),
      () => app.inject({ method: 'POST', url: `/v2/check?text=${encodeURIComponent(PHRASE)}`, headers: form, payload: 'language=en-GB' }),
      () => app.inject({ method: 'GET', url: `/nowhere?text=${encodeURIComponent(PHRASE)}` }),
      () => app.inject({ method: 'GET', url: `/${encodeURIComponent(PHRASE)}`, headers: auth }),
      () => app.inject({ method: 'GET', url: `/v1/rules/blaming/${encodeURIComponent(PHRASE)}`, headers: auth }),
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: { authorization: `Bearer ${PHRASE}` }, payload: { text: normal } }),
      // Runs over the time limit: a 503 with an error logged.
      () => app.inject({ method: 'POST', url: '/v1/analyse', headers: auth, payload: { text: TEXT } }),
    ];
    const responses = [];
    for (const send of requests) responses.push(await send());
    expect(responses.map((r) => r.statusCode)).toEqual([200, 400, 400, 415, 400, 200, 200, 400, 200, 400, 400, 404, 404, 404, 401, 503]);
    // The successful analyses really did find the phrase's surroundings.
    expect(responses[0]!.json().findings.length).toBeGreaterThan(0);
    const out = log.lines();
    expect(out.split('\n').filter(Boolean).length).toBeGreaterThan(20); // the logs were captured
    expect(out).toContain('"statusCode":503');
    expect(out).not.toContain('Octavia');
    expect(out).toContain('"route":"/v1/rules/:category/:name"');
    expect(out).not.toContain('Brightwater');
    expect(out).not.toContain('log-test-key');
    expect(out).not.toContain('refused her tablets');
  });
});

describe('each request\u2019s logger (made on first use)', () => {
  const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

  /** What a request's logger writes for the same calls: Fastify's own child, or the lazy stand-in. */
  function written(level: (typeof LEVELS)[number], lazy: boolean): string[] {
    const out: string[] = [];
    const stream = { write: (line: string) => void out.push(line) };
    // Fastify's pino logger, set up as build.ts does (redaction with wildcard paths, serialisers).
    const root = Fastify({
      logger: {
        level,
        stream,
        timestamp: false,
        serializers: { err: ((e: Error) => ({ type: e.name })) as never },
        redact: { paths: ['body', 'text', '*.text', '*.data', 'req.headers.authorization'], censor: '[not logged]' },
      },
    }).log as FastifyBaseLogger;
    const bindings = { reqId: 'req-7' };
    const log = lazy ? lazyChildLoggerFactory.call({} as never, root, bindings, {}, {} as never) : root.child(bindings, {});
    log.trace('trace line');
    log.debug({ text: 'secret' }, 'debug line');
    log.info({ req: { method: 'POST' } }, 'incoming request');
    log.warn({ nested: { text: 'secret' } }, 'warn line');
    log.error({ err: new TypeError('x') }, 'request failed');
    log.info({ res: { statusCode: 200 }, responseTime: 1.5 }, 'request completed');
    log.child({ part: 2 }).warn('from a child');
    log.fatal('fatal line');
    out.push(`level ${log.level} ${(log as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled('info')}`);
    return out;
  }

  it('writes exactly what Fastify\u2019s own child logger writes, at every level', () => {
    for (const level of LEVELS) expect(written(level, true), level).toEqual(written(level, false));
    expect(written('trace', true).length).toBe(9);
    expect(written('silent', true)).toEqual(['level silent false']);
  });

  it('binds the request id to a request\u2019s lines, and makes no child for a request that logs nothing', async () => {
    const log = capture();
    const app = await build({ logger: { level: 'info', stream: log.stream } });
    await app.inject({ method: 'GET', url: '/healthz' });
    const lines = log
      .lines()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    const mine = lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed');
    expect(mine.length).toBe(2);
    expect(mine[0]!.reqId).toMatch(/^req-/);
    expect(mine[1]!.reqId).toBe(mine[0]!.reqId);
    // At warn nothing is logged for it, and no child logger is made.
    const quiet = capture();
    const warnApp = await build({ logger: { level: 'warn', stream: quiet.stream } });
    const root = warnApp.log as unknown as { child: (...args: unknown[]) => unknown };
    const child = root.child.bind(root);
    let children = 0;
    root.child = (...args: unknown[]) => (children++, child(...args));
    expect((await warnApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(children).toBe(0);
    expect(quiet.lines()).toBe('');
  });
});
