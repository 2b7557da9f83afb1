/** Rate limiting, CORS (off by default) and security headers. */
import { describe, expect, it } from 'vitest';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { build, expectError } from '../helper.js';
import { CSP_DIRECTIVES, helmetSteps } from '../../src/plugins/security.js';

describe('rate limiting', () => {
  it('answers 429 in the error shape once an address exceeds the limit; health checks are exempt', async () => {
    const app = await build({ rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/v1/rules' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/v1/rules' });
    expect(expectError(res, 429, 'SD_ERR_RATE_LIMITED').message).toMatch(/Try again in/);
    expect(res.headers['retry-after']).toBeDefined();
    expect((await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'x' } })).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    for (const url of ['/readyz', '/metrics', '/docs', '/docs/', '/docs/static/index.html']) expect((await app.inject({ method: 'GET', url })).statusCode, url).not.toBe(429);
    // A look-alike path is not exempt.
    expect((await app.inject({ method: 'GET', url: '/metricsx' })).statusCode).toBe(429);
  });

  it('counts requests with a wrong or missing API key, so keys cannot be guessed at full speed', async () => {
    const app = await build({ rateLimit: 3, apiKeys: ['k1-synthetic-key'] });
    const wrong = { authorization: 'Bearer not-the-key' };
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/v1/rules', headers: wrong })).statusCode).toBe(401);
    expectError(await app.inject({ method: 'GET', url: '/v1/rules', headers: wrong }), 429, 'SD_ERR_RATE_LIMITED');
    expectError(await app.inject({ method: 'GET', url: '/v1/rules' }), 429, 'SD_ERR_RATE_LIMITED');
    // Addresses with no route count too, once each.
    const other = await build({ rateLimit: 2 });
    expect((await other.inject({ method: 'GET', url: '/no/such/page' })).statusCode).toBe(404);
    expect((await other.inject({ method: 'POST', url: '/v9/nothing', payload: {} })).statusCode).toBe(404);
    expectError(await other.inject({ method: 'GET', url: '/no/such/page' }), 429, 'SD_ERR_RATE_LIMITED');
  });

  it('is on by default', async () => {
    const app = await build({ rateLimit: undefined });
    const res = await app.inject({ method: 'GET', url: '/v1/rules' });
    expect(res.headers['x-ratelimit-limit']).toBe('600');
  });
});

describe('CORS', () => {
  it('is off by default', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/analyse', headers: { origin: 'https://example.org' }, payload: { text: 'x' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins', async () => {
    const app = await build({ corsOrigins: ['https://casework.example.org'] });
    const ok = await app.inject({ method: 'OPTIONS', url: '/v1/analyse', headers: { origin: 'https://casework.example.org', 'access-control-request-method': 'POST' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://casework.example.org');
    const other = await app.inject({ method: 'POST', url: '/v1/analyse', headers: { origin: 'https://elsewhere.example.org' }, payload: { text: 'x' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers', () => {
  it('are set on API responses', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'x' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('are exactly those helmet sets (names, letter case, values, order), with CORS on or off', async () => {
    const response = () => new ServerResponse(new IncomingMessage(new Socket()));
    // getRawHeaderNames (Node 15.13+) keeps the letter case the header was set with; @types/node here lacks it.
    const raw = (res: ServerResponse): [string, unknown][] => (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames().map((name) => [name, res.getHeader(name)]);
    for (const policy of ['same-origin', 'cross-origin'] as const) {
      const middleware = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, crossOriginResourcePolicy: { policy } });
      const byHelmet = response();
      byHelmet.setHeader('X-Powered-By', 'something'); // helmet removes it
      middleware(byHelmet.req, byHelmet, () => undefined);
      const replayed = response();
      replayed.setHeader('X-Powered-By', 'something');
      for (const [name, value] of helmetSteps(middleware)) {
        if (value === undefined) replayed.removeHeader(name);
        else replayed.setHeader(name, value);
      }
      expect(raw(replayed)).toEqual(raw(byHelmet));
      expect(raw(replayed).length).toBeGreaterThanOrEqual(12);
    }
    // And through the app, on an API answer, a page and a 404.
    const app = await build({ corsOrigins: ['https://example.org'] });
    const middleware = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, crossOriginResourcePolicy: { policy: 'cross-origin' } });
    const expected = response();
    middleware(expected.req, expected, () => undefined);
    for (const url of ['/healthz', '/', '/docs', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url });
      for (const [name, value] of raw(expected)) expect(res.headers[name.toLowerCase()], `${url} ${name}`).toBe(value);
    }
  });
});

