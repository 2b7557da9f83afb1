/**
 * Prometheus metrics (prom-client) on GET /metrics: request counts and latency by route and
 * status, documents analysed, and findings by category and severity. Counts only: no text, no
 * rule matches, no ids ever become label values. Each app has its own registry, so several apps
 * (tests) never share counters.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DocumentResult } from '@sourdough/core';
import { errorResponses } from '../schemas/error.js';

/** What routes call to count their work. */
export interface Metrics {
  registry: Registry;
  /** Count analysed documents and their findings (by category and severity). */
  recordResults(results: DocumentResult[], failed?: number): void;
  /**
   * The same counts, already tallied (by a worker): `tally` maps `category<TAB>severity` to a
   * number of findings.
   */
  recordTally(documents: number, failed: number, tally: Record<string, number>): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

async function metricsPlugin(fastify: FastifyInstance): Promise<void> {
  const registry = new Registry();
  // prom-client's names already start process_ or nodejs_: sourdough_process_cpu_user_seconds_total, …
  collectDefaultMetrics({ register: registry, prefix: 'sourdough_' });
  const requests = new Counter({
    name: 'sourdough_http_requests_total',
    help: 'HTTP requests by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sourdough_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  /**
   * Documents and findings are counted here, in plain maps (by outcome, and by
   * `category<TAB>severity`), and handed to prom-client when /metrics is read (each counter's
   * `collect`), in the order each series was first seen, as the calls would have been made. A
   * request's dozen or so findings series then cost a map update each on the main thread instead
   * of prom-client's label hashing and checking (4–6 µs a request for sixteen series, measured in
   * a loop); what /metrics shows is the same.
   */
  const pendingDocuments = new Map<string, number>();
  const pendingFindings = new Map<string, number>();
  const add = (pending: Map<string, number>, key: string, n: number): void => {
    pending.set(key, (pending.get(key) ?? 0) + n);
  };
  const documents = new Counter({
    name: 'sourdough_documents_analysed_total',
    help: 'Documents analysed, by outcome (ok or failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      for (const [outcome, n] of pendingDocuments) this.inc({ outcome }, n);
      pendingDocuments.clear();
    },
  });
  const findings = new Counter({
    name: 'sourdough_findings_total',
    help: 'Findings reported, by category and severity.',
    labelNames: ['category', 'severity'] as const,
    registers: [registry],
    collect() {
      for (const [key, n] of pendingFindings) {
        const tab = key.indexOf('\t');
        this.inc({ category: key.slice(0, tab), severity: key.slice(tab + 1) }, n);
      }
      pendingFindings.clear();
    },
  });

  fastify.decorate('metrics', {
    registry,
    recordResults(results: DocumentResult[], failed = 0) {
      if (results.length) add(pendingDocuments, 'ok', results.length);
      if (failed) add(pendingDocuments, 'failed', failed);
      for (const r of results) for (const f of r.findings) add(pendingFindings, `${f.category}\t${f.severity}`, 1);
    },
    recordTally(ok: number, failed: number, tally: Record<string, number>) {
      if (ok) add(pendingDocuments, 'ok', ok);
      if (failed) add(pendingDocuments, 'failed', failed);
      for (const key in tally) add(pendingFindings, key, tally[key]!);
    },
  } satisfies Metrics);

  fastify.addHook('onResponse', async (request, reply) => {
    // The route template (/v1/rules/:category/:name), never the raw URL, so no submitted value becomes a label.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  fastify.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (counts and latencies only; no text)',
        response: {
          200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...errorResponses(401),
        },
      },
    },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}

export default fp(metricsPlugin, { name: 'metrics' });
