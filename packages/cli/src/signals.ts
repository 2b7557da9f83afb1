/**
 * Ctrl+C (SIGINT) and SIGTERM, as the commands that stop cleanly listen for them: once each, for
 * as long as the command runs.
 */

/** Calls `handler` on the first Ctrl+C or SIGTERM; returns the function that stops listening. */
export function onStopSignal(handler: (signal: NodeJS.Signals) => void): () => void {
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}

/** The exit status a shell gives a run stopped by `signal`: 128 + its number (130 for Ctrl+C, 143 for SIGTERM). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}
