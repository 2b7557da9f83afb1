/**
 * Server options: their defaults, and how they are read from environment variables and CLI flags.
 * Reads an API-key file when one is named, but never touches `process` itself: `server.ts` and
 * `sourdough serve` pass the environment in. Never logs the keys.
 */
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import type { FastifyServerOptions } from 'fastify';

/** Everything `buildApp()` can be told. Every field is optional; defaults are safe. */
export interface ServerOptions {
  /** Port to listen on (server entry only). Default 3000. */
  port?: number;
  /** Address to listen on (server entry only). Default 127.0.0.1: only this machine. */
  host?: string;
  /** Largest request body in bytes (JSON, form or upload). Default 1 MiB. */
  bodyLimit?: number;
  /** Most documents in one batch request. Default 1,000. */
  batchLimit?: number;
  /** Longest a request may spend analysing, in milliseconds, before it gets a 503. Default 10,000. */
  timeoutMs?: number;
  /**
   * Longest a client may take to send a whole request (headers and body), in milliseconds, before
   * its connection is closed (slow "slowloris" bodies). Default 30,000.
   */
  requestTimeoutMs?: number;
  /** Worker threads that run the analysis. Default: one per CPU core, at most 4. */
  workers?: number;
  /** Requests per minute from one address; 0 or false switches rate limiting off. Default 600. */
  rateLimit?: number | false;
  /** API keys. When any are set, every /v1, /v2 and /metrics request needs `Authorization: Bearer <key>`. */
  apiKeys?: string[];
  /** Origins allowed to call the API from a browser. Default none (CORS off). `true` allows any origin. */
  corsOrigins?: string[] | true;
  /** Trust X-Forwarded-For from a reverse proxy (for rate limiting by the real client address). */
  trustProxy?: boolean;
  /**
   * Logging: `false` for none, a level name, or pino options (e.g. a `stream` in tests). Request
   * bodies and finding text are never logged, whatever is passed here.
   */
  logger?: boolean | string | { level?: string; stream?: NodeJS.WritableStream };
  /** Extra rule packs (folders of `<category>/<name>.yaml`), added to the built-in rules. */
  rules?: string[];
  /** Folder served at `/` (the web page). Default: the package's `public/` folder. */
  publicDir?: string;
  /**
   * The worker module that runs analysis tasks. Tests use this to give the pool a deliberately
   * slow task (and the load test a canned result); production never sets it. Such a module must
   * hand its tasks to `worker/analyse-worker.mjs` (which also writes `/v1/analyse` bodies when a
   * task asks for them with `respond`).
   */
  workerFile?: string | URL;
}

/** ServerOptions where any field may also be given as `undefined` (unset CLI flags): the default applies. */
export type ServerOptionsInput = { [K in keyof ServerOptions]?: ServerOptions[K] | undefined };

/** The defaults, in one place (docs/api.md lists them). */
export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  bodyLimit: 1024 * 1024,
  batchLimit: 1000,
  timeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  rateLimit: 600,
} as const;

/** The environment variables the server reads (documented in docs/api.md). */
export const ENV_VARS = [
  'SOURDOUGH_PORT',
  'SOURDOUGH_HOST',
  'SOURDOUGH_BODY_LIMIT',
  'SOURDOUGH_BATCH_LIMIT',
  'SOURDOUGH_TIMEOUT_MS',
  'SOURDOUGH_REQUEST_TIMEOUT_MS',
  'SOURDOUGH_WORKERS',
  'SOURDOUGH_RATE_LIMIT',
  'SOURDOUGH_API_KEYS',
  'SOURDOUGH_API_KEYS_FILE',
  'SOURDOUGH_CORS_ORIGINS',
  'SOURDOUGH_TRUST_PROXY',
  'SOURDOUGH_LOG_LEVEL',
  'SOURDOUGH_RULES',
] as const;

/** The log levels SOURDOUGH_LOG_LEVEL takes (pino's, most to least severe, and `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A configuration mistake (bad number, unreadable key file). The message names the setting. */
export class ConfigError extends Error {
  readonly code = 'SD_ERR_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The longest time limit a timer can hold (Node turns a longer one into 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

function whole(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${value}"`);
  if (n > max) throw new ConfigError(`${name} must be at most ${max}, got "${value}"`);
  return n;
}

/** API keys as configured; a key that could never be presented (it has a space) is a mistake. */
function checkedKeys(name: string, keys: string[]): string[] {
  if (keys.length === 0) throw new ConfigError(`${name} is set but holds no API keys, so the server would run without any: add a key, or unset ${name}`);
  if (keys.some((k) => /\s/.test(k))) throw new ConfigError(`${name}: an API key cannot contain spaces (it is sent as "Authorization: Bearer <key>")`);
  return keys;
}

/** Read API keys from a file: one per line; blank lines and lines starting with # are ignored. */
export function readKeyFile(file: string): string[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the API key file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Options from environment variables, with `overrides` (e.g. CLI flags) winning. Unset variables
 * leave the defaults in place.
 */
export function optionsFromEnv(env: Record<string, string | undefined>, overrides: ServerOptionsInput = {}): ServerOptions {
  const out: ServerOptions = {};
  const port = whole('SOURDOUGH_PORT', env.SOURDOUGH_PORT, 0);
  if (port !== undefined) {
    if (port > 65535) throw new ConfigError(`SOURDOUGH_PORT must be at most 65535, got "${env.SOURDOUGH_PORT}"`);
    out.port = port;
  }
  if (env.SOURDOUGH_HOST?.trim()) out.host = env.SOURDOUGH_HOST.trim();
  const bodyLimit = whole('SOURDOUGH_BODY_LIMIT', env.SOURDOUGH_BODY_LIMIT, 1);
  if (bodyLimit !== undefined) out.bodyLimit = bodyLimit;
  const batchLimit = whole('SOURDOUGH_BATCH_LIMIT', env.SOURDOUGH_BATCH_LIMIT, 1);
  if (batchLimit !== undefined) out.batchLimit = batchLimit;
  const timeoutMs = whole('SOURDOUGH_TIMEOUT_MS', env.SOURDOUGH_TIMEOUT_MS, 1, MAX_TIMER_MS);
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  const requestTimeoutMs = whole('SOURDOUGH_REQUEST_TIMEOUT_MS', env.SOURDOUGH_REQUEST_TIMEOUT_MS, 1, MAX_TIMER_MS);
  if (requestTimeoutMs !== undefined) out.requestTimeoutMs = requestTimeoutMs;
  const workers = whole('SOURDOUGH_WORKERS', env.SOURDOUGH_WORKERS, 1);
  if (workers !== undefined) out.workers = workers;
  const rate = whole('SOURDOUGH_RATE_LIMIT', env.SOURDOUGH_RATE_LIMIT, 0);
  if (rate !== undefined) out.rateLimit = rate === 0 ? false : rate;
  // A key setting that yields no key is refused rather than read as "no keys": the server would
  // otherwise start open when the operator meant it to be closed (an empty file, a stray comma).
  // Set but blank counts as a mistake too: `SOURDOUGH_API_KEYS=${KEYS}` with KEYS unset.
  const keys: string[] = [];
  if (env.SOURDOUGH_API_KEYS !== undefined) keys.push(...checkedKeys('SOURDOUGH_API_KEYS', env.SOURDOUGH_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean)));
  if (env.SOURDOUGH_API_KEYS_FILE !== undefined) {
    if (!env.SOURDOUGH_API_KEYS_FILE.trim()) throw new ConfigError('SOURDOUGH_API_KEYS_FILE is set but names no file, so the server would run without API keys: name the key file, or unset SOURDOUGH_API_KEYS_FILE');
    keys.push(...checkedKeys('SOURDOUGH_API_KEYS_FILE', readKeyFile(env.SOURDOUGH_API_KEYS_FILE.trim())));
  }
  if (keys.length) out.apiKeys = keys;
  const cors = env.SOURDOUGH_CORS_ORIGINS?.trim();
  if (cors) out.corsOrigins = cors === '*' ? true : cors.split(',').map((o) => o.trim()).filter(Boolean);
  const trust = env.SOURDOUGH_TRUST_PROXY?.trim();
  if (trust) {
    if (/^(1|true|yes)$/i.test(trust)) out.trustProxy = true;
    else if (!/^(0|false|no)$/i.test(trust)) throw new ConfigError(`SOURDOUGH_TRUST_PROXY must be 1, true or yes (or 0, false or no), got "${trust}"`);
  }
  const level = env.SOURDOUGH_LOG_LEVEL?.trim();
  if (level) {
    // Checked here so the message names the variable (pino's own says only "default level:…").
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`SOURDOUGH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
    out.logger = level;
  }
  // Folders separated like PATH (":" on Linux and macOS, ";" on Windows).
  if (env.SOURDOUGH_RULES?.trim()) out.rules = env.SOURDOUGH_RULES.split(delimiter).map((d) => d.trim()).filter(Boolean);
  return { ...out, ...(stripUndefined(overrides) as ServerOptions) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Fastify logger options for a ServerOptions.logger value (serializers and redaction are added by build.ts). */
export function loggerLevel(logger: ServerOptions['logger']): FastifyServerOptions['logger'] | false {
  if (logger === false) return false;
  if (logger === undefined || logger === true) return { level: 'info' };
  if (typeof logger === 'string') return { level: logger };
  return { level: logger.level ?? 'info', ...(logger.stream ? { stream: logger.stream } : {}) } as FastifyServerOptions['logger'];
}
