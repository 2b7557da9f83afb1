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
 * The path the request is judged by: the pattern of the route it matched (`/v2/check`), never the
 * raw URL. The router decodes the path before it matches (`/v%32/check` reaches `/v2/check`), so a
 * test on the raw URL could be skipped by percent-encoding it. A request that matched no route
 * (a 404) is judged by its raw path, so an unknown /v1 path without a key still gets 401.
 */
function pathOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route !== undefined) return route;
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

async function authPlugin(fastify: FastifyInstance, opts: AuthOptions): Promise<void> {
  const keys = opts.apiKeys.filter(Boolean).map(digest);
  if (!keys.length) return;

  fastify.addHook('onRequest', async (request) => {
    const path = pathOf(request);
    if (!PROTECTED.test(path)) return;
    const header = request.headers.authorization;
    if (header === undefined) {
      if (LANGUAGETOOL.test(path)) return; // may carry apiKey in the form; checked after parsing
      throw new UnauthorizedError();
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !keyMatches(m[1]!, keys)) throw new BadApiKeyError();
    (request as FastifyRequest & { sdAuthorised?: boolean }).sdAuthorised = true;
  });

  fastify.addHook('preValidation', async (request) => {
    const path = pathOf(request);
    if (!LANGUAGETOOL.test(path) || (request as FastifyRequest & { sdAuthorised?: boolean }).sdAuthorised) return;
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    // apiKey is LanguageTool's name for it; the gramma client sends api_key.
    const key = body?.apiKey ?? body?.api_key ?? query?.apiKey ?? query?.api_key;
    if (typeof key !== 'string' || !key) throw new UnauthorizedError();
    if (!keyMatches(key, keys)) throw new BadApiKeyError();
  });
}

export default fp(authPlugin, { name: 'auth' });
