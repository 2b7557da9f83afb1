/**
 * @sourdough/cli — the `sourdough` command. Exports `run(argv, io)` (pinned by a test), plus the
 * pieces `audit` and other commands reuse: config discovery, rule sets, the worker pool and the
 * incremental summary.
 */
export { run } from './cli.js';
export type { Io } from './io.js';
export { ConfigResolver, CONFIG_NAMES } from './config.js';
export type { Effective, ConfigResolverOptions } from './config.js';
export { ruleSetFor, ruleDataFor, ruleInfos } from './rule-set.js';
export { createAnalyser, analyseAll, defaultJobs } from './pool.js';
export type { Analyser, AnalyseTask, Resolve } from './pool.js';
export { analyseItem } from './analyse-item.js';
/** The incremental summary (core's, re-exported for the commands' callers). */
export { SummaryBuilder } from '@sourdough/core';
export { createProgress } from './progress.js';
export type { Progress } from './progress.js';
export { sinkFor, fileSink } from './output.js';
export type { Sink } from './output.js';
export { check, cliAnalyseOptions, configResolver } from './commands/check.js';
export type { CheckOptions } from './commands/check.js';
