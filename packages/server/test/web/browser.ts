/**
 * Helpers for the browser tests: a real server listening on 127.0.0.1 (a free port), and Debian's
 * headless Chromium driven by playwright-core. Never skips: a missing browser is a failure with
 * a message saying how to install it. Nothing here touches the network beyond 127.0.0.1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/build.js';
import type { ServerOptionsInput } from '../../src/config.js';
import { TEST_DEFAULTS, waitReady } from '../helper.js';

/** Where Debian (and .ci/run) installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots from each run (gitignored); `UPDATE_SCREENSHOTS=1` also refreshes docs/images/. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const DOCS_IMAGES = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

/** Start the app on a free local port; resolves once the workers have compiled the rules. */
export async function startServer(options: ServerOptionsInput = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ ...TEST_DEFAULTS, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await waitReady(app);
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  return { app, url: `http://127.0.0.1:${address.port}` };
}

/** Launch headless Chromium exactly as CI does; fails clearly when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the web page tests need it (on Debian/Ubuntu: apt-get install chromium; .ci/run installs it).`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}
