/** Optional API keys: required on /v1, /v2 and /metrics when configured; /healthz stays open. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { expectError, shared } from '../helper.js';
import { keyMatches } from '../../src/plugins/auth.js';
import { optionsFromEnv } from '../../src/config.js';

const KEY = 'test-key-7f3a9c';
const app = shared({ apiKeys: [KEY, 'another-test-key'] });
const analyse = (headers: Record<string, string> = {}) => app().inject({ method: 'POST', url: '/v1/analyse', headers, payload: { text: 'Jack refused lunch.' } });

describe('API keys', () => {
  it('refuses a request without a key with 401 and a Bearer challenge', async () => {
    const res = await analyse();
    expectError(res, 401, 'SD_ERR_UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['a wrong key', `Bearer wrong-key`],
    ['a prefix of the key', `Bearer ${KEY.slice(0, -1)}`],
    ['another scheme', `Basic ${Buffer.from(`x:${KEY}`).toString('base64')}`],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401', async (_name, authorization) => {
    expectError(await analyse({ authorization }), 401, 'SD_ERR_UNAUTHORIZED');
  });

  it('accepts any configured key', async () => {
    expect((await analyse({ authorization: `Bearer ${KEY}` })).statusCode).toBe(200);
    expect((await analyse({ authorization: 'bearer another-test-key' })).statusCode).toBe(200);
  });

  it('protects every /v1 and /v2 route and /metrics', async () => {
    for (const [method, url] of [
      ['GET', '/v1/rules'],
      ['GET', '/v1/rules/blaming/refuses'],
      ['POST', '/v1/analyse/batch'],
      ['POST', '/v1/analyse/file'],
      ['GET', '/v2/languages'],
      ['GET', '/api/v2/languages'],
      ['GET', '/metrics'],
    ] as const) {
      expectError(await app().inject({ method, url }), 401, 'SD_ERR_UNAUTHORIZED');
    }
    const check = await app().inject({ method: 'POST', url: '/v2/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=Jack%20refused%20lunch.&language=en-GB' });
    expectError(check, 401, 'SD_ERR_UNAUTHORIZED');
  });

  it('cannot be skipped by percent-encoding the path (the router decodes it; the check reads the route matched)', async () => {
    for (const [method, url] of [
      ['POST', '/v%31/analyse'],
      ['POST', '/%76%31/analyse'],
      ['GET', '/v%32/languages'],
      ['GET', '/api/%76%32/languages'],
      ['GET', '/metric%73'],
    ] as const) {
      const res = await app().inject({ method, url, ...(method === 'POST' ? { payload: { text: 'Jack refused lunch.' } } : {}) });
      expectError(res, 401, 'SD_ERR_UNAUTHORIZED');
    }
    const check = await app().inject({ method: 'POST', url: '/v%32/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=Jack%20refused%20lunch.&language=en-GB' });
    expectError(check, 401, 'SD_ERR_UNAUTHORIZED');
  });

  it('lets LanguageTool clients send the key as the apiKey form field', async () => {
    const send = (key: string) =>
      app().inject({ method: 'POST', url: '/v2/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ text: 'Jack refused lunch.', language: 'en-GB', apiKey: key }).toString() });
    expect((await send(KEY)).statusCode).toBe(200);
    expectError(await send('nope'), 401, 'SD_ERR_UNAUTHORIZED');
  });

  it('leaves /healthz, /readyz, /openapi.json, /docs and / open', async () => {
    for (const url of ['/healthz', '/openapi.json', '/']) expect((await app().inject({ method: 'GET', url })).statusCode).toBe(200);
    expect([200, 503]).toContain((await app().inject({ method: 'GET', url: '/readyz' })).statusCode);
    expect((await app().inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });

  it('compares digests of every key (constant time)', () => {
    const keys = ['a', 'bb'].map((k) => createHash('sha256').update(k).digest());
    expect(keyMatches('bb', keys)).toBe(true);
    expect(keyMatches('b', keys)).toBe(false);
    expect(keyMatches('', keys)).toBe(false);
  });

  it('reads keys from SOURDOUGH_API_KEYS and SOURDOUGH_API_KEYS_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-keys-'));
    const file = join(dir, 'keys');
    writeFileSync(file, '# team keys\nkey-one\n\n  key-two  \n');
    expect(optionsFromEnv({ SOURDOUGH_API_KEYS: 'a, b', SOURDOUGH_API_KEYS_FILE: file }).apiKeys).toEqual(['a', 'b', 'key-one', 'key-two']);
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS_FILE: join(dir, 'missing') })).toThrow(/cannot read the API key file/);
  });
});
