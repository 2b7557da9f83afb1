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
  /** Stop accepting connections, finish in-flight requests, shut the workers down. */
  close(): Promise<void>;
}

/**
 * Start listening. Options come from `env` (SOURDOUGH_* variables) with `overrides` (CLI flags)
 * winning. With `handleSignals` (the default), SIGTERM and SIGINT close the server gracefully.
 */
export async function startServer(
  overrides: ServerOptionsInput = {},
  { env = process.env, handleSignals = true }: { env?: Record<string, string | undefined>; handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const options = optionsFromEnv(env, overrides);
  const app = await buildApp(options);
  const url = await app.listen({ port: options.port ?? DEFAULTS.port, host: options.host ?? DEFAULTS.host });
  let closing: Promise<void> | undefined;
  let onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  const close = (): Promise<void> =>
    (closing ??= app.close().then(() => {
      if (onSignal) {
        process.removeListener('SIGTERM', onSignal);
        process.removeListener('SIGINT', onSignal);
      }
    }));
  if (handleSignals) {
    onSignal = (signal: NodeJS.Signals): void => {
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { app, url, close };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((err: unknown) => {
    process.stderr.write(`sourdough server: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
