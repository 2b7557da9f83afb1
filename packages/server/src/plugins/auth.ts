/**
 * Optional API keys. When keys are configured, every /v1, /v2 (and /api/v2) request and /metrics
 * needs `Authorization: Bearer <key>`; LanguageTool clients, which cannot set headers, may send
 * the key as the form field `apiKey` instead (LanguageTool's own name for it; `api_key`, which the
 * gramma client sends, is read too). /healthz, /readyz,
 * /docs, /openapi.json and the web page stay open. Keys are compared in constant time (as SHA-256
 * digests, so length differences leak nothing) and never logged.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { BadApiKeyError, UnauthorizedError } from '../errors.js';

/** Options for the auth plugin. */
export interface AuthOptions {
  apiKeys: string[];
}

const PROTECTED = /^\/(?:v1|v2|api\/v2)(?:\/|$)|^\/metrics(?:\/|$)/;
const LANGUAGETOOL = /^\/(?:api\/)?v2\//;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** True when `presented` equals one of the key digests; always compares against every key. */
export function keyMatches(presented: string, keys: readonly Buffer[]): boolean {
  const d = digest(presented);
  let ok = false;
  for (const k of keys) ok = timingSafeEqual(d, k) || ok;
  return ok;
}

/**
 * The paths a request is judged by: the pattern of the route it matched (`/v2/check`), and its
 * path as the router reads it (percent-decoded). The router decodes before it matches
 * (`/v%32/check` reaches `/v2/check`), so a test on the raw URL alone could be skipped by
 * percent-encoding it; and an address with no route of its own (a 404, or a GET that only the web
 * page's catch-all `/*` matches) is judged by its decoded path, so an unknown /v1 address without
 * a key still gets 401 before 404.
 */
function pathsOf(request: FastifyRequest): string[] {
  const q = request.url.indexOf('?');
  const raw = q === -1 ? request.url : request.url.slice(0, q);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // The router refuses such a URL before any hook runs (frameworkErrors).
  }
  const route = request.routeOptions.url;
  return route !== undefined && route !== '/*' ? [route, decoded] : [decoded];
}

async function authPlugin(fastify: FastifyInstance, opts: AuthOptions): Promise<void> {
  const keys = opts.apiKeys.filter(Boolean).map(digest);
  if (!keys.length) return;

  fastify.addHook('onRequest', async (request) => {
    const paths = pathsOf(request);
    if (!paths.some((p) => PROTECTED.test(p))) return;
    const header = request.headers.authorization;
    if (header === undefined) {
      // A LanguageTool route may carry apiKey in the form; checked after parsing.
      if (LANGUAGETOOL.test(request.routeOptions.url ?? '')) return;
      throw new UnauthorizedError();
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !keyMatches(m[1]!, keys)) throw new BadApiKeyError();
    (request as FastifyRequest & { sdAuthorised?: boolean }).sdAuthorised = true;
  });

  fastify.addHook('preValidation', async (request) => {
    if (!LANGUAGETOOL.test(request.routeOptions.url ?? '') || (request as FastifyRequest & { sdAuthorised?: boolean }).sdAuthorised) return;
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    // apiKey is LanguageTool's name for it; the gramma client sends api_key.
    const key = body?.apiKey ?? body?.api_key ?? query?.apiKey ?? query?.api_key;
    if (typeof key !== 'string' || !key) throw new UnauthorizedError();
    if (!keyMatches(key, keys)) throw new BadApiKeyError();
  });
}

export default fp(authPlugin, { name: 'auth' });
