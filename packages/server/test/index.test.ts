/** The public surface of @sourdough/server, pinned. */
import { expect, it } from 'vitest';
import * as server from '../src/index.js';

it('exports buildApp, app, startServer and the option helpers', () => {
  expect(Object.keys(server).sort()).toEqual(['ConfigError', 'DEFAULTS', 'ENV_VARS', 'app', 'buildApp', 'optionsFromEnv', 'startServer']);
  expect(server.DEFAULTS).toMatchObject({ host: '127.0.0.1', port: 3000, bodyLimit: 1048576, batchLimit: 1000 });
});
