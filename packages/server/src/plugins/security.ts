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

/** The Content-Security-Policy directives for pages this server serves (the web page, /docs). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
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

async function securityPlugin(fastify: FastifyInstance, opts: SecurityOptions): Promise<void> {
  // helmet's middleware, built once (@fastify/helmet rebuilds it, parsing the CSP, on every request).
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Same-origin by default; CORS below opens it to configured origins only.
    crossOriginResourcePolicy: { policy: opts.corsOrigins ? 'cross-origin' : 'same-origin' },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (err) => done(err as Error | undefined));
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
