/**
 * @sourdough/server — the Fastify app plugin and buildApp() (pinned by a test). The listening
 * entry is `server.ts` (`startServer`), also used by `sourdough serve`.
 */
export { buildApp } from './build.js';
export { default as app } from './app.js';
export { startServer } from './server.js';
export { optionsFromEnv, DEFAULTS, ENV_VARS, ConfigError } from './config.js';
export type { ServerOptions, ServerOptionsInput } from './config.js';
