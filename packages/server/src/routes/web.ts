/**
 * GET / and its assets: the web page, served from the package's `public/` folder with the strict
 * Content-Security-Policy set by the security plugin (self only, no inline script).
 */
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Options for the web routes. */
export interface WebOptions {
  publicDir: string;
}

/** Registers the static web page. */
export default async function webRoutes(fastify: FastifyInstance, opts: WebOptions): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: opts.publicDir,
    prefix: '/',
    index: ['index.html'],
    // One route per file (found at start-up), not a catch-all: an address with no file then has no
    // route, and is logged and counted as unmatched like any other.
    wildcard: false,
    dotfiles: 'deny',
    schemaHide: true,
  });
}
