/** GET /metrics: Prometheus text with request, document and finding counts, and never any text. */
import { describe, expect, it } from 'vitest';
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
});
