/** Options from environment variables. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ENV_VARS, optionsFromEnv } from '../src/config.js';

describe('optionsFromEnv', () => {
  it('leaves everything to the defaults when nothing is set', () => {
    expect(optionsFromEnv({})).toEqual({});
  });

  it('reads every variable', () => {
    expect(
      optionsFromEnv({
        SOURDOUGH_PORT: '8080',
        SOURDOUGH_HOST: '0.0.0.0',
        SOURDOUGH_BODY_LIMIT: '2048',
        SOURDOUGH_BATCH_LIMIT: '10',
        SOURDOUGH_TIMEOUT_MS: '500',
        SOURDOUGH_WORKERS: '3',
        SOURDOUGH_RATE_LIMIT: '0',
        SOURDOUGH_API_KEYS: 'k1,k2',
        SOURDOUGH_CORS_ORIGINS: 'https://a.example.org, https://b.example.org',
        SOURDOUGH_TRUST_PROXY: 'true',
        SOURDOUGH_LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      bodyLimit: 2048,
      batchLimit: 10,
      timeoutMs: 500,
      workers: 3,
      rateLimit: false,
      apiKeys: ['k1', 'k2'],
      corsOrigins: ['https://a.example.org', 'https://b.example.org'],
      trustProxy: true,
      logger: 'warn',
    });
  });

  it('lets explicit options (CLI flags) win over the environment', () => {
    expect(optionsFromEnv({ SOURDOUGH_PORT: '8080', SOURDOUGH_HOST: '0.0.0.0' }, { port: 3001, host: undefined })).toEqual({ port: 3001, host: '0.0.0.0' });
  });

  it.each([
    ['SOURDOUGH_PORT', 'abc'],
    ['SOURDOUGH_PORT', '70000'],
    ['SOURDOUGH_BODY_LIMIT', '0'],
    ['SOURDOUGH_BATCH_LIMIT', '1.5'],
    ['SOURDOUGH_TIMEOUT_MS', '-1'],
    // Longer than a timer can hold: Node would fire it after 1 ms and time out every request.
    ['SOURDOUGH_TIMEOUT_MS', '3000000000'],
    ['SOURDOUGH_REQUEST_TIMEOUT_MS', '2147483648'],
  ])('names the variable when %s=%s is not a valid number', (name, value) => {
    expect(() => optionsFromEnv({ [name]: value })).toThrow(name);
  });

  it('refuses a log level pino does not have, naming the variable', () => {
    expect(optionsFromEnv({ SOURDOUGH_LOG_LEVEL: ' debug ' }).logger).toBe('debug');
    expect(optionsFromEnv({ SOURDOUGH_LOG_LEVEL: 'silent' }).logger).toBe('silent');
    // pino alone says "default level:loud must be included in custom levels", with no variable name.
    expect(() => optionsFromEnv({ SOURDOUGH_LOG_LEVEL: 'loud' })).toThrow(/^SOURDOUGH_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/);
    expect(() => optionsFromEnv({ SOURDOUGH_LOG_LEVEL: 'WARN' })).toThrow(/SOURDOUGH_LOG_LEVEL/);
  });

  it('reads SOURDOUGH_RULES as folders separated like PATH', () => {
    expect(optionsFromEnv({ SOURDOUGH_RULES: ['packs/team', 'packs/org'].join(delimiter) }).rules).toEqual(['packs/team', 'packs/org']);
  });

  it('refuses an API key setting that holds no key, rather than starting without keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-config-'));
    const empty = join(dir, 'keys');
    writeFileSync(empty, '# keys go here\n\n');
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS_FILE: empty })).toThrow(/SOURDOUGH_API_KEYS_FILE is set but holds no API keys/);
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS: ' , ' })).toThrow(/SOURDOUGH_API_KEYS is set but holds no API keys/);
    const spaced = join(dir, 'spaced');
    writeFileSync(spaced, 'one key\n');
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS_FILE: spaced })).toThrow(/cannot contain spaces/);
    // Set but blank is refused too (a variable from an unset one); only unset means no keys.
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS: '' })).toThrow(/SOURDOUGH_API_KEYS is set but holds no API keys/);
    expect(() => optionsFromEnv({ SOURDOUGH_API_KEYS_FILE: ' ' })).toThrow(/SOURDOUGH_API_KEYS_FILE is set but names no file/);
    expect(optionsFromEnv({}).apiKeys).toBeUndefined();
  });

  it('reads SOURDOUGH_TRUST_PROXY as yes or no, and refuses anything else', () => {
    expect(optionsFromEnv({ SOURDOUGH_TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
    expect(optionsFromEnv({ SOURDOUGH_TRUST_PROXY: 'false' }).trustProxy).toBeUndefined();
    expect(() => optionsFromEnv({ SOURDOUGH_TRUST_PROXY: 'maybe' })).toThrow(/SOURDOUGH_TRUST_PROXY/);
  });

  it('lists in ENV_VARS every variable it reads', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/env\.(SOURDOUGH_[A-Z_]+)/g)].map((m) => m[1]));
    expect([...read].sort()).toEqual([...ENV_VARS].sort());
  });

  it('reads * as any CORS origin', () => {
    expect(optionsFromEnv({ SOURDOUGH_CORS_ORIGINS: '*' }).corsOrigins).toBe(true);
  });
});
