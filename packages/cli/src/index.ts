/**
 * @sourdough/cli — the `sourdough` command. Exports `run(argv, io)` (pinned by a test).
 */
export { run } from './cli.js';
export type { Io } from './io.js';
