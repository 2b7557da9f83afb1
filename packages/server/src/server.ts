/**
 * The listening entry: reads options from the environment (and flags passed in), starts the app
 * on 127.0.0.1:3000 by default, and on SIGTERM/SIGINT stops accepting connections, lets
 * in-flight requests finish, then exits. The only module that touches `process`.
 * Run directly with `node packages/server/dist/server.js`, or through `sourdough serve`.
 */
import type { FastifyInstance } from 'fastify';
import { pathToFileURL } from 'node:url';
import { buildApp } from './build.js';
import { DEFAULTS, optionsFromEnv, type ServerOptionsInput } from './config.js';

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  /**
   * Settles once start-up is over: `true` when the analysis workers have loaded the rules (from
   * then on a request is answered without waiting for them; until then it waits), `false` when the
   * server was stopped first. Rejects when the workers could not start.
   */
  ready: Promise<boolean>;
  /** Stop accepting connections, finish in-flight requests, shut the workers down. */
  close(): Promise<void>;
}

/**
 * Start listening. Options come from `env` (SOURDOUGH_* variables) with `overrides` (CLI flags)
 * winning. With `handleSignals` (the default), SIGTERM and SIGINT close the server gracefully,
 * and exit 0, at any point: a signal that arrives while the app is still being built or is
 * starting to listen stops it as soon as that step is done (the promise then never settles, as
 * the process exits), and one that arrives while the workers are still loading the rules stops
 * them quietly.
 */
export async function startServer(
  overrides: ServerOptionsInput = {},
  { env = process.env, handleSignals = true }: { env?: Record<string, string | undefined>; handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const options = optionsFromEnv(env, overrides);
  let app: FastifyInstance | undefined;
  let listening = false;
  let pending: NodeJS.Signals | undefined;
  let closing: Promise<void> | undefined;
  const removeHandlers = (): void => {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  };
  const close = (): Promise<void> => (closing ??= (app ? app.close() : Promise.resolve()).then(removeHandlers));
  const shutDown = (signal: NodeJS.Signals): void => {
    app?.log.info({ signal }, 'shutting down: finishing in-flight requests');
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        app?.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (listening) shutDown(signal);
    else pending ??= signal; // still building or binding the port: stop once that step is done
  }
  if (handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  let url: string;
  try {
    app = await buildApp(options);
    if (pending) {
      shutDown(pending);
      return await new Promise<never>(() => undefined); // the process is exiting
    }
    url = await app.listen({ port: options.port ?? DEFAULTS.port, host: options.host ?? DEFAULTS.host });
  } catch (err) {
    removeHandlers();
    await app?.close().catch(() => undefined);
    throw err;
  }
  listening = true;
  if (pending) shutDown(pending);
  return { app, url, ready: app.workersReady(), close };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().then(
    (server) =>
      // Fastify logs "Server listening at …" as soon as the port is open; this says when the
      // analysis workers have loaded the rules, so the first request no longer waits for them.
      server.ready.then(
        (ok) => {
          if (ok) server.app.log.info({ url: server.url }, 'ready: the analysis workers have loaded the rules');
        },
        () => undefined, // the engine has logged why; /readyz keeps answering 503
      ),
    (err: unknown) => {
      process.stderr.write(`sourdough server: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
