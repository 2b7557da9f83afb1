/**
 * Each request's logger, made only when it is first used. Fastify gives every request a pino child
 * logger bound to its request id; making one runs the id through the redaction set up in build.ts
 * (its wildcard paths apply to every binding), on the main thread, for every request. At the levels
 * a server runs at (`warn` for the bench, `info` by default), most requests log nothing: Fastify's
 * "incoming request" and "request completed" lines are `info`, so under `warn` they are dropped.
 *
 * So the child stands in for the logger Fastify would make: a call at a level that is not enabled
 * returns at once, as pino's own does; the first call at an enabled level makes the real child,
 * exactly as Fastify's default factory does (`logger.child(bindings, options)`), and every later
 * call goes to it. Logs are the same, line for line. A route with its own log level or serialisers
 * (options that change the child) gets its child made at once.
 */
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
type PinoLike = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

class RequestLogger implements FastifyBaseLogger {
  #parent: PinoLike;
  #bindings: Bindings;
  #real: FastifyBaseLogger | undefined = undefined;

  constructor(parent: PinoLike, bindings: Bindings) {
    this.#parent = parent;
    this.#bindings = bindings;
  }

  /** The child Fastify would have made. */
  #child(): FastifyBaseLogger {
    return (this.#real ??= this.#parent.child(this.#bindings, {}));
  }

  #log(level: Level, args: unknown[]): void {
    const real = this.#real ?? (this.#parent.isLevelEnabled(level) ? this.#child() : undefined);
    if (real) (real[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return (this.#real ?? this.#parent).level;
  }
  set level(level: string) {
    this.#child().level = level;
  }
  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {}
  isLevelEnabled(level: string): boolean {
    return ((this.#real ?? this.#parent) as PinoLike).isLevelEnabled(level);
  }
  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.#child().child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory` for a pino logger: a RequestLogger unless the options change the child. */
export const lazyChildLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, options) {
  for (const _ in options) return logger.child(bindings, options); // a route's own level or serialisers
  return new RequestLogger(logger as PinoLike, bindings);
};
