/**
 * `sourdough serve [--port 3000] [--host 127.0.0.1]`: start the REST API and the
 * LanguageTool-compatible endpoint (SPEC §5). `@sourdough/server` is imported only when this
 * command runs, so `check` starts quickly. Settings also come from SOURDOUGH_* environment
 * variables (docs/api.md); flags win. `--rules DIR` adds a rule pack, as for `check`. Ctrl+C (SIGINT) or SIGTERM stops accepting connections,
 * lets requests in progress finish, then returns 0. Logs go to standard output at `warn` unless
 * SOURDOUGH_LOG_LEVEL says otherwise, and never contain submitted text.
 */
import { resolve } from 'node:path';
import type { Io } from '../io.js';

/** Options of `serve`. */
export interface ServeOptions {
  port?: number;
  host?: string;
  /** Extra rule packs (folders), relative to the working folder. */
  rules?: string[];
}

/** A started server, as handed to `onListening` (tests use it to stop the server). */
export interface ServeHandle {
  url: string;
  /** Stop gracefully; `serve()` then resolves with 0. */
  stop(): Promise<void>;
}

/** Start the server and resolve with the exit code once it has stopped (2 when it cannot start). */
export async function serve(opts: ServeOptions, io: Io, hooks: { onListening?: (handle: ServeHandle) => void } = {}): Promise<number> {
  const { startServer } = await import('@sourdough/server');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(
      {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        ...(opts.rules?.length ? { rules: opts.rules.map((d) => resolve(io.cwd, d)) } : {}),
        logger: { level: io.env.SOURDOUGH_LOG_LEVEL?.trim() || 'warn', stream: io.stdout },
      },
      { env: io.env, handleSignals: false },
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'EADDRINUSE' ? `port ${opts.port ?? io.env.SOURDOUGH_PORT ?? 3000} is already in use; choose another with --port`
      : e.code === 'EADDRNOTAVAIL' ? `cannot listen on ${opts.host ?? io.env.SOURDOUGH_HOST}: no such address on this machine`
      : e.code === 'EACCES' ? 'permission denied for that port; use a port above 1023'
      : e.message;
    io.stderr.write(`sourdough serve: ${why}\n`);
    return 2;
  }

  let stop!: () => Promise<void>;
  const stopped = new Promise<void>((resolve) => {
    let closing: Promise<void> | undefined;
    stop = () => (closing ??= server.close().then(resolve));
  });
  const onSignal = (): void => {
    io.stderr.write('sourdough serve: stopping (finishing requests in progress)…\n');
    void stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  io.stderr.write(
    [
      `sourdough is listening on ${server.url}`,
      `  API docs:              ${server.url}/docs`,
      `  LanguageTool clients:  set the server URL to ${server.url}/v2 (some clients want ${server.url})`,
      'Text sent to this server is checked and forgotten: never logged or stored. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  hooks.onListening?.({ url: server.url, stop });
  await stopped;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  return 0;
}
