/**
 * Safe defaults for every response: security headers with a strict Content-Security-Policy
 * (helmet: scripts and styles from this server only, no inline script), CORS switched off
 * unless origins are configured (@fastify/cors), and rate limiting per client address
 * (@fastify/rate-limit; health checks are exempt).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { RateLimitedError } from '../errors.js';

/** Options for the security plugin. */
export interface SecurityOptions {
  rateLimit: number | false;
  corsOrigins?: string[] | true | undefined;
}

/**
 * The one inline style the pages may apply: the `<style>` element inside Swagger UI's own logo (an
 * SVG that its bundle inserts on /docs), `.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}`.
 * A hash allows that exact text and nothing else; the /docs browser test fails if an upgrade of
 * @fastify/swagger-ui changes it (Chromium's console message then gives the new hash).
 */
export const SWAGGER_LOGO_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** The Content-Security-Policy directives for pages this server serves (the web page, /docs). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", SWAGGER_LOGO_STYLE_HASH],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Paths the rate limit never counts. */
const EXEMPT = /^\/(?:(?:healthz|readyz|metrics|docs)(?:[?#]|$)|docs\/)/;

/** A header set (name and value), or removed (name only). */
export type HeaderStep = readonly [name: string, value?: string];

/**
 * What a helmet middleware does to a response, in order, recorded by running it once on a stand-in
 * that notes every setHeader and removeHeader. Replaying the steps on each response gives it exactly
 * the headers helmet would (same names, letter case, values and order), because every helmet option
 * used here is fixed: the CSP directives are strings, not functions of the request (a per-request
 * nonce would need helmet run on every request again, so a function there is refused). helmet
 * stays the source of truth for which headers and values.
 */
export function helmetSteps(middleware: ReturnType<typeof helmet>): HeaderStep[] {
  for (const values of Object.values(CSP_DIRECTIVES)) {
    if (values.some((v: unknown) => typeof v !== 'string')) throw new Error('a CSP directive that depends on the request needs helmet run per request');
  }
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a value that is not a string`);
      steps.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      steps.push([name]);
    },
  };
  let finished = false;
  middleware({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  // helmet's middlewares run synchronously; one that did not finish at once would not be replayable.
  if (!finished) throw new Error('helmet did not finish synchronously');
  return steps;
}

async function securityPlugin(fastify: FastifyInstance, opts: SecurityOptions): Promise<void> {
  // helmet's middleware, built once (@fastify/helmet rebuilds it, parsing the CSP, on every request).
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Same-origin by default; CORS below opens it to configured origins only.
    crossOriginResourcePolicy: { policy: opts.corsOrigins ? 'cross-origin' : 'same-origin' },
  });
  // ...and run once, here, to record what it does to a response; every request then gets the same
  // calls replayed, in the same order (helmet's thirteen middlewares cost more than the calls).
  const steps = helmetSteps(middleware);
  fastify.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of steps) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    done();
  });
  if (opts.corsOrigins) {
    await fastify.register(cors, { origin: opts.corsOrigins, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'Authorization'] });
  }
  if (opts.rateLimit) {
    await fastify.register(rateLimit, {
      max: opts.rateLimit,
      timeWindow: 60_000,
      // Not per route (the plugin's default adds a route-level hook, which runs after the API-key
      // check, so a request with a wrong key was never counted and key guessing was never
      // slowed): one hook for the whole app, added here, before the API keys' hook, so every
      // request counts, with a right key, a wrong one or none, and to an address with no route.
      global: false,
      // Exempt: health checks and /metrics (monitoring polls them), and the /docs page's files.
      allowList: (request) => EXEMPT.test(request.url),
      errorResponseBuilder: (_request, context) => {
        const err = new RateLimitedError(context.after);
        return err;
      },
    });
    fastify.addHook('onRequest', fastify.rateLimit());
  }
}

export default fp(securityPlugin, { name: 'security' });
