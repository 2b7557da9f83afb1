/**
 * The sourdough API as one Fastify plugin: registers the shared schemas, OpenAPI generation,
 * security (headers, CORS, rate limit, API keys), the engine (worker pool), metrics and every
 * route, in an explicit order. Takes fully resolved options from build.ts; touches no process
 * state or environment.
 */
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { errorSchema } from './schemas/error.js';
import { MethodNotAllowedError, NotFoundError, body as errorBody } from './errors.js';
import { RouteMethods } from './route-methods.js';
import { findingSchema, statsSchema, summarySchema } from './schemas/finding.js';
import { ruleSchemaOut, ruleSummarySchema } from './schemas/rule.js';
import metrics from './plugins/metrics.js';
import security from './plugins/security.js';
import auth from './plugins/auth.js';
import engine, { type Engine } from './plugins/engine.js';
import analyseRoutes, { ANALYSE_RESPONSE } from './routes/v1/analyse.js';
import { analyseResponse } from './schemas/analyse.js';
import rulesRoutes from './routes/v1/rules.js';
import languageToolRoutes from './routes/v2/languagetool.js';
import healthRoutes from './routes/health.js';
import webRoutes from './routes/web.js';
import ruleDocsRoutes from './routes/rule-docs.js';

/** Options the app plugin needs (build.ts fills in the defaults). */
export interface AppOptions {
  bodyLimit: number;
  batchLimit: number;
  timeoutMs: number;
  rateLimit: number | false;
  apiKeys: string[];
  corsOrigins?: string[] | true | undefined;
  workers?: number | undefined;
  workerFile?: string | URL | undefined;
  publicDir?: string | undefined;
  rules?: string[] | undefined;
  /**
   * Called with the engine once it is registered (the engine lives inside this plugin's scope), so
   * the code that embeds the app can wait for the workers: build.ts uses it for `workersReady()`.
   */
  onEngine?: ((engine: Engine) => void) | undefined;
}

/** The package's `public/` folder (the web page), from src/ or dist/ alike. */
export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Registers everything. Used through buildApp(); exported for embedding in another Fastify app. */
export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  for (const s of [errorSchema, findingSchema, statsSchema, summarySchema, ruleSummarySchema, ruleSchemaOut]) fastify.addSchema(s);
  // Every route's address and methods, as they are added (for the 405 below).
  const routes = new RouteMethods();
  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));

  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'sourdough API',
        description:
          'Checks how social care professionals write about people: flags deficit, blaming, dehumanising, controlling and gatekeeping language, jargon, missing voice and privacy problems, says why each matters and what to write instead. Submitted text is never logged or stored.',
        version: '1',
      },
      tags: [
        { name: 'analyse', description: 'Check text and files' },
        { name: 'rules', description: 'What each rule checks and why' },
        { name: 'languagetool', description: 'LanguageTool-compatible endpoints, at /v2 and, for clients whose server URL ends in /api, at /api/v2' },
        { name: 'operations', description: 'Health, readiness and metrics' },
      ],
      ...(opts.apiKeys.length
        ? { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] }
        : {}),
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await fastify.register(swaggerUi, { routePrefix: '/docs', staticCSP: false, uiConfig: { validatorUrl: null, deepLinking: false } });

  await fastify.register(metrics);
  await fastify.register(security, { rateLimit: opts.rateLimit, corsOrigins: opts.corsOrigins });
  await fastify.register(auth, { apiKeys: opts.apiKeys });
  // Set here, not on the root, so an address with no route passes through this scope's hooks
  // like any other request: security headers, the rate limit, API keys (a /v1 path gets 401
  // before 404) and metrics (counted under route="unmatched").
  // A route that exists under another method ("GET /v1/analyse") is 405 with an Allow header, so a
  // developer sees the method is wrong, not the address (RFC 9110 §15.5.6).
  fastify.setNotFoundHandler((request, reply) => {
    const allowed = routes.allowed(request.url);
    reply.type('application/json; charset=utf-8');
    if (!allowed.length) return reply.code(404).send(errorBody(new NotFoundError()));
    return reply
      .code(405)
      .header('allow', allowed.join(', '))
      .send(errorBody(new MethodNotAllowedError(RouteMethods.nameOf(request.method), allowed.join(' or '))));
  });
  await fastify.register(engine, {
    timeoutMs: opts.timeoutMs,
    workers: opts.workers,
    workerFile: opts.workerFile,
    rules: opts.rules,
    responses: { [ANALYSE_RESPONSE]: analyseResponse },
  });
  opts.onEngine?.(fastify.engine);

  fastify.get(
    '/openapi.json',
    { schema: { hide: true, response: { 200: { type: 'object', additionalProperties: true } } } },
    async () => fastify.swagger(),
  );
  await fastify.register(healthRoutes);
  await fastify.register(analyseRoutes, { batchLimit: opts.batchLimit, bodyLimit: opts.bodyLimit });
  await fastify.register(rulesRoutes);
  await fastify.register(languageToolRoutes, { bodyLimit: opts.bodyLimit });
  // The /api/v2 alias is listed in /openapi.json too (as an alias): a gateway or validator that
  // only lets documented paths through must not refuse it (docs/api.md).
  await fastify.register(languageToolRoutes, { bodyLimit: opts.bodyLimit, prefix: '/api', alias: true });
  await fastify.register(ruleDocsRoutes);
  await fastify.register(webRoutes, { publicDir: opts.publicDir ?? DEFAULT_PUBLIC_DIR });
}
