/** GET /metrics: Prometheus text with request, document and finding counts, and never any text. */
import { describe, expect, it, onTestFinished } from 'vitest';
import Fastify from 'fastify';
import { Counter, Registry } from 'prom-client';
import metrics from '../../src/plugins/metrics.js';
import { errorSchema } from '../../src/schemas/error.js';
import { build } from '../helper.js';

describe('GET /metrics', () => {
  it('counts requests by route template and status, documents, and findings by category', async () => {
    const app = await build();
    const SECRET = 'Wilhelmina Featherstonehaugh refused';
    await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: `${SECRET} her tablets. She is a service user.` } });
    await app.inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents: [{ id: 'a', text: 'Jack refused lunch.' }, { id: 'b', text: 'A quiet day.' }] } });
    await app.inject({ method: 'GET', url: '/v1/rules/blaming/refuses' });
    await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 1 } });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(/sourdough_http_requests_total\{method="POST",route="\/v1\/analyse",status="200"\} 1/);
    expect(text).toMatch(/sourdough_http_requests_total\{method="POST",route="\/v1\/analyse",status="400"\} 1/);
    expect(text).toMatch(/sourdough_http_requests_total\{method="GET",route="\/v1\/rules\/:category\/:name",status="200"\} 1/);
    expect(text).toMatch(/sourdough_http_request_duration_seconds_bucket\{le="0.05",method="POST",route="\/v1\/analyse",status="200"\}/);
    expect(text).toMatch(/sourdough_documents_analysed_total\{outcome="ok"\} 3/);
    expect(text).toMatch(/sourdough_findings_total\{category="blaming",severity="warning"\} 2/);
    expect(text).toMatch(/sourdough_findings_total\{category="dehumanising",severity="warning"\} 1/);
    expect(text).toMatch(/^sourdough_process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^sourdough_nodejs_eventloop_lag_seconds /m);
    expect(text).not.toMatch(/process_process_/);
    expect(text).not.toContain('Wilhelmina');
    expect(text).not.toContain('refused');
  });

  it('shows documents and findings exactly as counting each call straight into prom-client would, across scrapes', async () => {
    const app = Fastify();
    app.addSchema(errorSchema);
    await app.register(metrics);
    await app.ready();
    onTestFinished(() => app.close());
    // The same calls, counted straight into prom-client counters of the same names.
    const direct = new Registry();
    const documents = new Counter({ name: 'sourdough_documents_analysed_total', help: 'Documents analysed, by outcome (ok or failed).', labelNames: ['outcome'], registers: [direct] });
    const findings = new Counter({ name: 'sourdough_findings_total', help: 'Findings reported, by category and severity.', labelNames: ['category', 'severity'], registers: [direct] });
    const tally = (ok: number, failed: number, t: Record<string, number>) => {
      app.metrics.recordTally(ok, failed, t);
      if (ok) documents.inc({ outcome: 'ok' }, ok);
      if (failed) documents.inc({ outcome: 'failed' }, failed);
      for (const key in t) findings.inc({ category: key.split('\t')[0]!, severity: key.split('\t')[1]! }, t[key]);
    };
    const results = (list: { category: string; severity: string }[][], failed: number) => {
      app.metrics.recordResults(list.map((fs) => ({ findings: fs })) as never, failed);
      if (list.length) documents.inc({ outcome: 'ok' }, list.length);
      if (failed) documents.inc({ outcome: 'failed' }, failed);
      for (const fs of list) for (const f of fs) findings.inc({ category: f.category, severity: f.severity });
    };
    const ours = async () => {
      const text = await app.metrics.registry.getSingleMetricAsString('sourdough_documents_analysed_total');
      return `${text}\n${await app.metrics.registry.getSingleMetricAsString('sourdough_findings_total')}`;
    };
    const theirs = async () => `${await direct.getSingleMetricAsString('sourdough_documents_analysed_total')}\n${await direct.getSingleMetricAsString('sourdough_findings_total')}`;
    tally(0, 1, {});
    tally(1, 0, { 'voice\tinfo': 2, 'blaming\twarning': 3 });
    results([[{ category: 'jargon', severity: 'info' }, { category: 'blaming', severity: 'warning' }], []], 2);
    expect(await ours()).toBe(await theirs());
    tally(1, 0, { 'privacy\terror': 1, 'voice\tinfo': 1 });
    expect(await ours()).toBe(await theirs());
    expect(await ours()).toBe(await theirs()); // a second scrape with nothing new counts nothing twice
    expect(await ours()).toContain('sourdough_findings_total{category="voice",severity="info"} 3');
  });
});
