/**
 * GET /healthz (the process is up and its event loop answers) and GET /readyz (the analysis
 * workers have compiled the rules and the server is not shutting down). Both are answered on the
 * main thread, without touching the worker pool, so they stay quick while analysis is busy.
 */
import type { FastifyInstance } from 'fastify';
import { builtinRulesHash } from '@sourdough/core';

const statusSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok', 'starting', 'closing'] }, rules: { type: 'integer' }, rulesHash: { type: 'string' } },
} as const;

/** Registers the health routes. */
export default async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get(
    '/healthz',
    // `security: []`: open even when the server has API keys (the document's default needs one).
    { schema: { tags: ['operations'], summary: 'Liveness: the server is up', security: [], response: { 200: statusSchema } } },
    async () => ({ status: 'ok' as const }),
  );
  fastify.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the analysis workers are ready',
        security: [],
        response: { 200: statusSchema, 503: statusSchema },
      },
    },
    async (_request, reply) => {
      const state = fastify.engine.state();
      if (state !== 'ok') {
        reply.code(503);
        return { status: state };
      }
      return { status: 'ok' as const, rules: fastify.engine.rules.length, rulesHash: builtinRulesHash };
    },
  );
}
