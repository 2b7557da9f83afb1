/**
 * `sourdough serve [--port 3000] [--host 127.0.0.1]`: start the REST API and the
 * LanguageTool-compatible endpoint (SPEC §5). `@sourdough/server` is imported only when this
 * command runs, so `check` starts quickly. Settings also come from SOURDOUGH_* environment
 * variables (docs/api.md); flags win. `--rules DIR` adds a rule pack, as for `check`. It says it is listening once the
 * analysis workers have loaded the rules. Ctrl+C (SIGINT) or SIGTERM (start-up included) stops accepting connections,
 * lets requests in progress finish, then returns 0. Logs go to standard output at `warn` unless
 * SOURDOUGH_LOG_LEVEL says otherwise, and never contain submitted text.
 */
import { resolve } from 'node:path';
import { printable } from '@sourdough/reporters';
import type { Io } from '../io.js';
import { onStopSignal } from '../signals.js';

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

/**
 * Start the server and resolve with the exit code once it has stopped (2 when it cannot start).
 * "listening" is said (and `onListening` called) only once the analysis workers have loaded the
 * rules, when a request is answered straight away; until then a "starting" line says what is
 * happening. Ctrl+C or SIGTERM at any point, start-up included, stops quietly and returns 0.
 */
export async function serve(opts: ServeOptions, io: Io, hooks: { onListening?: (handle: ServeHandle) => void } = {}): Promise<number> {
  let server: { url: string; ready: Promise<boolean>; close(): Promise<void> } | undefined;
  let stopRequested = false;
  let stop!: () => Promise<void>;
  const stopped = new Promise<void>((resolve) => {
    let closing: Promise<void> | undefined;
    stop = () => (closing ??= (server ? server.close() : Promise.resolve()).then(resolve));
  });
  const onSignal = (): void => {
    io.stderr.write('sourdough serve: stopping (finishing requests in progress)…\n');
    stopRequested = true;
    if (server) void stop(); // otherwise the server is stopped as soon as it exists
  };
  // Listened for from the start, so a stop during start-up is as clean as any other.
  const stopListening = onStopSignal(onSignal);
  const done = async (code: number): Promise<number> => {
    if (code === 0) await stop();
    stopListening();
    return code;
  };

  const { startServer } = await import('@sourdough/server');
  if (stopRequested) return done(0);
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
      : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? `cannot listen on ${opts.host ?? io.env.SOURDOUGH_HOST}: no address of that name was found; give --host an address of this machine, such as 127.0.0.1`
      : e.message;
    io.stderr.write(`sourdough serve: ${printable(why)}\n`);
    return done(2);
  }
  const running = server;
  if (stopRequested) return done(0);

  io.stderr.write('sourdough serve: starting (the analysis workers are loading the rules)…\n');
  let ready: boolean;
  try {
    ready = await running.ready;
  } catch {
    // The engine has logged the reason (an error, so it shows at the default log level).
    io.stderr.write('sourdough serve: the analysis workers could not start, so no text can be checked; stopping.\n');
    await stop();
    return done(2);
  }
  if (!ready) return done(0); // stopped during start-up

  io.stderr.write(
    [
      `sourdough is listening on ${running.url}`,
      `  API docs:              ${running.url}/docs`,
      `  LanguageTool clients:  set the server URL to ${running.url}/v2 (some clients want ${running.url})`,
      'Text sent to this server is checked and forgotten: never logged or stored. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  hooks.onListening?.({ url: running.url, stop });
  await stopped;
  return done(0);
}
