/**
 * @sourdough/server — Fastify app plugin and server entry. Built by the REST API issue.
 */
export {};
