/**
 * buildApp(options) → a ready-to-listen Fastify instance (used by server.ts, `sourdough serve`
 * and the tests). Sets the safe defaults, the logger (which never sees request bodies, submitted
 * text or API keys), the JSON error shape and the not-found answer. Does not listen.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ajvFilePlugin } from '@fastify/multipart';
import app from './app.js';
import { DEFAULTS, loggerLevel, type ServerOptionsInput } from './config.js';
import { NotFoundError, toErrorBody, type AnyError } from './errors.js';

/** Only the method, path (never the query string, which can carry text) and request id are logged. */
function reqSerializer(req: { method?: string; url?: string; id?: string; ip?: string }): Record<string, unknown> {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return { method: req.method, path: q === -1 ? url : url.slice(0, q), id: req.id };
}

/** Errors are logged by type and code only: an error message could quote the input. */
function errSerializer(err: AnyError & { stack?: string }): Record<string, unknown> {
  return {
    type: err.name,
    code: err.code,
    statusCode: err.statusCode,
    // The stack without its first line (which repeats the message).
    stack: err.stack?.split('\n').slice(1).join('\n'),
  };
}

/** Build the app with defaults filled in. Await `app.ready()` or `app.listen()` before use. */
export async function buildApp(options: ServerOptionsInput = {}): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULTS.bodyLimit;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const level = loggerLevel(options.logger);
  const logger: false | Record<string, unknown> =
    level === false
      ? false
      : {
          ...(level as object),
          serializers: { req: reqSerializer, res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }), err: errSerializer },
          redact: {
            paths: ['body', 'req.body', 'request.body', 'text', 'data', '*.text', '*.data', 'req.headers.authorization', 'headers.authorization', '*.headers.authorization', 'busboyOptions.headers', 'req.query', 'query'],
            censor: '[not logged]',
          },
        };

  const fastify = Fastify({
    logger: logger as NonNullable<FastifyServerOptions['logger']>,
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // A client must send its whole request within this time (slow bodies are cut off).
    requestTimeout: requestTimeoutMs,
    forceCloseConnections: 'idle',
    ajv: {
      // Wrong types are errors (no coercion), unknown fields are errors (not silently removed).
      customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false },
      plugins: [ajvFilePlugin],
    },
  });

  // Node checks request timeouts every 30 s by default; check often enough for the limit to hold.
  // Node ignores the request timeout while the headers timeout (60 s) is longer, so cap that too.
  const server = fastify.server as { connectionsCheckingInterval?: number; headersTimeout?: number };
  server.connectionsCheckingInterval = Math.max(100, Math.min(30_000, Math.floor(requestTimeoutMs / 4)));
  server.headersTimeout = Math.min(server.headersTimeout ?? requestTimeoutMs, requestTimeoutMs);

  // The API takes JSON (and forms on /v2, multipart on /v1/analyse/file); plain text gets a 415.
  fastify.removeContentTypeParser('text/plain');

  fastify.setErrorHandler((err: AnyError, request, reply) => {
    const body = toErrorBody(err, { bodyLimit }, { multipart: /^multipart\//i.test(request.headers['content-type'] ?? '') });
    if (body.statusCode >= 500 && body.code !== 'SD_ERR_TIMEOUT' && body.code !== 'SD_ERR_UNAVAILABLE') request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, statusCode: body.statusCode }, 'request rejected');
    if (err && (err as { headers?: Record<string, string> }).headers) reply.headers((err as { headers: Record<string, string> }).headers);
    if (body.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
  fastify.setNotFoundHandler((_request, reply) => {
    const err = new NotFoundError();
    return reply.code(404).type('application/json; charset=utf-8').send({ statusCode: 404, code: err.code, error: 'Not Found', message: err.message });
  });

  // While shutting down, answer in-flight requests with "Connection: close", so their keep-alive
  // sockets end with the response and close() is not left waiting on them.
  let shuttingDown = false;
  fastify.addHook('preClose', async () => {
    shuttingDown = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });

  await fastify.register(app, {
    bodyLimit,
    batchLimit: options.batchLimit ?? DEFAULTS.batchLimit,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    rateLimit: options.rateLimit === undefined ? DEFAULTS.rateLimit : options.rateLimit,
    apiKeys: options.apiKeys ?? [],
    corsOrigins: options.corsOrigins,
    workers: options.workers,
    workerFile: options.workerFile,
    publicDir: options.publicDir,
    rules: options.rules,
  });
  return fastify;
}
