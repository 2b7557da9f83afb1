/** Rate limiting, CORS (off by default) and security headers. */
import { describe, expect, it } from 'vitest';
import { build, expectError } from '../helper.js';

describe('rate limiting', () => {
  it('answers 429 in the error shape once an address exceeds the limit; health checks are exempt', async () => {
    const app = await build({ rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/v1/rules' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/v1/rules' });
    expect(expectError(res, 429, 'SD_ERR_RATE_LIMITED').message).toMatch(/Try again in/);
    expect(res.headers['retry-after']).toBeDefined();
    expect((await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'x' } })).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
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
});
