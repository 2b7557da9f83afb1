/**
 * buildApp(options) → a ready-to-listen Fastify instance (used by server.ts, `sourdough serve`
 * and the tests). Sets the safe defaults, the logger (which never sees request bodies, submitted
 * text or API keys), the JSON error shape and the not-found answer. Does not listen.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { ajvFilePlugin } from '@fastify/multipart';
import app from './app.js';
import { addJsonParser } from './json-body.js';
import { escapeBidiJson, hasBidi } from '@sourdough/reporters/bidi';
import { lazyChildLoggerFactory } from './request-logger.js';
import type { Engine } from './plugins/engine.js';
import { DEFAULTS, loggerLevel, type ServerOptionsInput } from './config.js';
import type { Socket } from 'node:net';
import { BadHttpError, HeadersTooLargeError, RequestTimeoutError, body as errorBody, toErrorBody, type AnyError } from './errors.js';

/**
 * Only the method, the route (its pattern, such as `/v1/rules/:category/:name`, never the path as
 * sent: a path, like a query string, can carry text) and the request id are logged. A request that
 * matched no route is logged as `route: "unmatched"`.
 */
function reqSerializer(req: { method?: string; id?: string; routeOptions?: { url?: string } }): Record<string, unknown> {
  return { method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id };
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

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * On the instance buildApp() returns: settles once start-up is over, `true` when the analysis
     * workers have loaded the rules, `false` when the app was closed first; rejects when the
     * workers could not start (see Engine.whenReady).
     */
    workersReady(): Promise<boolean>;
  }
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

  /**
   * A request Node's HTTP parser could not read (a malformed header, a bad chunk size) or that did
   * not arrive in time: answered straight on the socket, in the API's error shape.
   */
  const clientErrorHandler = (err: Error & { code?: string }, socket: Socket): void => {
    if (!socket.writable) return;
    const e = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new RequestTimeoutError() : err.code === 'HPE_HEADER_OVERFLOW' ? new HeadersTooLargeError() : new BadHttpError();
    const out = errorBody(e);
    const json = JSON.stringify(out);
    socket.end(`HTTP/1.1 ${out.statusCode} ${out.error}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${json}`);
  };

  const fastify = Fastify({
    clientErrorHandler,
    // Errors raised before routing (a URL with a broken percent-encoding) get the API's error
    // shape too, and never repeat the URL.
    frameworkErrors: (err, _request, reply) => {
      const out = toErrorBody(err as AnyError, { bodyLimit });
      // Answered before routing, so the app's hooks (security headers, rate limit, metrics) do
      // not run for it; the one header that matters for a JSON error is set here.
      void (reply as unknown as FastifyReply).code(out.statusCode).header('x-content-type-options', 'nosniff').type('application/json; charset=utf-8').send(out);
    },
    logger: logger as NonNullable<FastifyServerOptions['logger']>,
    // Each request's child logger is made only if the request logs at an enabled level (request-logger.ts).
    ...(logger ? { childLoggerFactory: lazyChildLoggerFactory } : {}),
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
  // Fastify's JSON parsing and its __proto__ / constructor refusal, with less work per body (json-body.ts).
  addJsonParser(fastify);

  fastify.setErrorHandler((err: AnyError, request, reply) => {
    const body = toErrorBody(err, { bodyLimit }, { multipart: /^multipart\//i.test(request.headers['content-type'] ?? '') });
    if (body.statusCode >= 500 && body.code !== 'SD_ERR_TIMEOUT' && body.code !== 'SD_ERR_UNAVAILABLE') request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, statusCode: body.statusCode }, 'request rejected');
    if (err && (err as { headers?: Record<string, string> }).headers) reply.headers((err as { headers: Record<string, string> }).headers);
    if (body.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });

  // While shutting down, answer in-flight requests with "Connection: close", so their keep-alive
  // sockets end with the response and close() is not left waiting on them.
  let shuttingDown = false;
  fastify.addHook('preClose', async () => {
    shuttingDown = true;
  });
  // An answer sent before the whole request arrived (a 415 or 413 refuses the body unread) closes
  // the connection: the rest of that body would otherwise be read as the next request, or time
  // out and get a second answer.
  //
  // A JSON answer holding a bidirectional control (from the submitted text, in a finding's `text`,
  // `sentence` or `section`) carries it as its `\u202e`-style escape, as the CLI's json and sarif
  // reports do: the same data once parsed, but a terminal showing the raw answer (curl) cannot be
  // made to reorder it. `/v1/analyse` answers arrive here as bytes already escaped by the worker.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (shuttingDown || !request.raw.complete) reply.header('connection', 'close');
    if (typeof payload === 'string' && /\bjson\b/.test(String(reply.getHeader('content-type') ?? '')) && hasBidi(payload)) return escapeBidiJson(payload);
    return undefined;
  });

  let engine: Engine | undefined;
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
    onEngine: (e) => (engine = e),
  });
  fastify.decorate('workersReady', () => (engine ? engine.whenReady() : Promise.reject(new Error('the analysis engine is not registered'))));
  return fastify;
}
