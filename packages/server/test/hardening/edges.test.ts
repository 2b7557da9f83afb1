/**
 * Requests at the edges of routing: an address with no route, a URL with a broken
 * percent-encoding, and bytes that are not HTTP at all. Each still gets the API's error shape and
 * never repeats what was sent; an address with no route also passes through the same security
 * headers, rate limit, API keys and metrics as any other request (the other two are answered
 * before routing, with `X-Content-Type-Options: nosniff` only). Synthetic text only.
 */
import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { build, expectError } from '../helper.js';

const CANARY = 'Quokkamarmalade';

/** Send raw bytes to a listening app and read the whole answer. */
async function raw(url: string, request: string, after?: string): Promise<string> {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  let response = '';
  socket.on('data', (d) => (response += String(d)));
  socket.on('error', () => {});
  await new Promise((r) => socket.once('connect', r));
  socket.write(request);
  // The rest a moment later, once the server has the request's head and has started on it.
  if (after !== undefined) setTimeout(() => socket.writable && socket.write(after), 50);
  await new Promise((r) => socket.once('close', r));
  return response;
}

describe('an address with no route', () => {
  it('gets 404 with the security headers, and is counted in the metrics', async () => {
    const app = await build();
    for (const method of ['GET', 'POST'] as const) {
      const res = await app.inject({ method, url: `/nothing-${method}` });
      expectError(res, 404, 'SD_ERR_NOT_FOUND');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/sourdough_http_requests_total\{method="POST",route="unmatched",status="404"\} 1/);
    expect(metrics).toMatch(/sourdough_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(metrics).not.toMatch(/route="\/\*"/);
    // The path is never a label: unknown addresses cannot grow the metrics.
    expect(metrics).not.toMatch(/nothing-/);
  });

  it('is rate-limited like any other request', async () => {
    const app = await build({ rateLimit: 2 });
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'POST', url: '/nothing' })).statusCode).toBe(404);
    expectError(await app.inject({ method: 'POST', url: '/nothing' }), 429, 'SD_ERR_RATE_LIMITED');
    // A GET too, and it is counted as unmatched (not as the web page's files).
    expectError(await app.inject({ method: 'GET', url: '/nothing' }), 429, 'SD_ERR_RATE_LIMITED');
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/sourdough_http_requests_total\{method="GET",route="unmatched",status="429"\} 1/);
  });

  it('under /v1, /v2 or /metrics needs the API key first, when keys are configured, however it is written', async () => {
    const app = await build({ apiKeys: ['edge-test-key'] });
    for (const method of ['GET', 'POST'] as const) {
      for (const url of ['/v1/nothing', '/v%31/nothing', '/v2/nothing', '/api/v2/nothing', '/metrics/x']) {
        expectError(await app.inject({ method, url }), 401, 'SD_ERR_UNAUTHORIZED');
      }
    }
    expectError(await app.inject({ method: 'POST', url: '/v1/nothing', headers: { authorization: 'Bearer edge-test-key' } }), 404, 'SD_ERR_NOT_FOUND');
  });
});

describe('a URL with a broken percent-encoding', () => {
  it('gets 400 in the error shape, without repeating the URL', async () => {
    const app = await build();
    for (const url of [`/v1/rules/${CANARY}%E0`, `/v1/analyse%E0%A4%A`]) {
      const res = await app.inject({ method: 'GET', url });
      expectError(res, 400, 'SD_ERR_BAD_URL');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).not.toContain(CANARY);
      expect(res.body).not.toContain('%E0');
    }
  });
});

describe('bytes that are not HTTP', () => {
  it('get 400 in the error shape, straight on the socket', async () => {
    const app = await build();
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await raw(url, `GET /v1/rules HTTP/1.1\r\nHost: x\r\n${CANARY} header without colon\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ statusCode: 400, code: 'SD_ERR_BAD_REQUEST', error: 'Bad Request', message: 'The request could not be read as HTTP.' });
    expect(response).not.toContain(CANARY);

  });

  it('gives one answer only, when the request times out after it was already answered', async () => {
    const app = await build({ requestTimeoutMs: 1000 });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    // The 415 goes out at once; the promised body never comes, so the request then times out.
    const response = await raw(url, 'POST /v1/analyse HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 415 /);
    expect(response.match(/HTTP\/1\.1 \d{3} /g)).toHaveLength(1);
  });

  it('a broken chunked body, sent after the head, is answered 400 and logs no error', async () => {
    let log = '';
    const stream = new Writable({ write: (chunk, _enc, cb) => ((log += String(chunk)), cb()) });
    const app = await build({ logger: { level: 'info', stream }, rateLimit: 100 });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const chunked = await raw(url, 'POST /v1/analyse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', 'ZZ\r\n{}\r\n0\r\n\r\n');
    expect(chunked).toMatch(/^HTTP\/1\.1 400 /);
    await new Promise((r) => setTimeout(r, 100));
    expect(log).not.toMatch(/"level":50/);
  });
});

describe('a route asked with a method it does not take', () => {
  it('gets 405 with an Allow header naming the methods it takes, in the error shape', async () => {
    const app = await build();
    const cases: [string, string, string][] = [
      ['GET', '/v1/analyse', 'POST'],
      ['PUT', '/v1/analyse/batch?x=1', 'POST'],
      ['DELETE', '/v1/rules', 'GET, HEAD'],
      ['POST', '/v1/rules/blaming/refuses', 'GET, HEAD'],
      ['GET', '/v2/check', 'POST'],
      ['GET', '/api/v2/check', 'POST'],
      ['POST', '/healthz', 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await app.inject({ method: method as 'GET', url });
      expectError(res, 405, 'SD_ERR_METHOD_NOT_ALLOWED');
      expect(res.headers.allow, `${method} ${url}`).toBe(allow);
      expect(res.json().message).toBe(`This route does not take ${method} requests; it takes ${allow.replace(', ', ' or ')}. The API routes are listed at /docs.`);
      expect(res.headers['content-security-policy']).toBeDefined();
    }
    // An address no route has is still 404, whatever the method; so is a rule route's address with a segment too many.
    for (const method of ['GET', 'POST', 'DELETE'] as const) expectError(await app.inject({ method, url: '/nothing' }), 404, 'SD_ERR_NOT_FOUND');
    expectError(await app.inject({ method: 'POST', url: '/v1/rules/blaming/refuses/more' }), 404, 'SD_ERR_NOT_FOUND');
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/sourdough_http_requests_total\{method="GET",route="unmatched",status="405"\} 3/);
  });

  it('with CORS on (its preflight route takes OPTIONS at every address), an address with no route is still 404', async () => {
    const app = await build({ corsOrigins: ['https://plans.example.org'] });
    expectError(await app.inject({ method: 'GET', url: '/nothing' }), 404, 'SD_ERR_NOT_FOUND');
    const res = await app.inject({ method: 'GET', url: '/v1/analyse' });
    expectError(res, 405, 'SD_ERR_METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('POST');
  });

  it('under /v1 needs the API key first, when keys are configured', async () => {
    const app = await build({ apiKeys: ['edge-test-key'] });
    expectError(await app.inject({ method: 'GET', url: '/v1/analyse' }), 401, 'SD_ERR_UNAUTHORIZED');
    expectError(await app.inject({ method: 'GET', url: '/v1/analyse', headers: { authorization: 'Bearer edge-test-key' } }), 405, 'SD_ERR_METHOD_NOT_ALLOWED');
  });
});
