/**
 * A progress bar on stderr (cli-progress) for long runs: shown only when stderr is a terminal and
 * the run has lasted more than a second; silent otherwise (pipes, CI, tests, `--no-progress`).
 * Shows documents done, rate and, when the number of documents is known up front, an ETA.
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

/** Counts finished documents; draws nothing until it is worth it. */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** Make a progress reporter. `total` is the number of documents when known (no record files). */
export function createProgress(io: Io, options: { enabled: boolean; total?: number; delayMs?: number }): Progress {
  if (!options.enabled || !io.stderr.isTTY) return { tick() {}, stop() {} };
  const started = Date.now();
  let done = 0;
  let bar: cliProgress.SingleBar | undefined;
  const known = options.total !== undefined && options.total > 0;
  const rate = (): string => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
  const show = (): void => {
    bar = new cliProgress.SingleBar(
      {
        stream: io.stderr as NodeJS.WritableStream,
        format: known ? 'checking {bar} {value}/{total} documents | {rate}/s | ETA {eta_formatted}' : 'checking {value} documents | {rate}/s | {duration_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 5,
        noTTYOutput: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(known ? options.total! : 0, done, { rate: rate() });
  };
  const timer = setTimeout(show, options.delayMs ?? 1000);
  timer.unref();
  return {
    tick() {
      done++;
      bar?.update(done, { rate: rate() });
    },
    stop() {
      clearTimeout(timer);
      bar?.stop();
    },
  };
}
