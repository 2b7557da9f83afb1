/** /healthz, /readyz, /openapi.json, /docs and the web page at /. */
import { describe, expect, it } from 'vitest';
import { build, expectError, shared, waitReady } from '../helper.js';

const app = shared();

describe('health', () => {
  it('/healthz answers ok', async () => {
    const res = await app().inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers ok once the workers have compiled the rules, with the rule set hash', async () => {
    await waitReady(app());
    const body = (await app().inject({ method: 'GET', url: '/readyz' })).json();
    expect(body.status).toBe('ok');
    expect(body.rules).toBeGreaterThan(0);
    expect(body.rulesHash).toMatch(/^[0-9a-f]+$/);
  });
});

describe('/openapi.json', () => {
  it('documents every API route, each with request and response schemas', async () => {
    const res = await app().inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    const paths = spec.paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; parameters?: unknown }>>;
    expect(Object.keys(paths).sort()).toEqual(
      [
        '/healthz',
        '/metrics',
        '/readyz',
        '/v1/analyse',
        '/v1/analyse/batch',
        '/v1/analyse/file',
        '/v1/rules',
        '/v1/rules/{category}/{name}',
        '/v2/check',
        '/v2/languages',
        '/api/v2/check',
        '/api/v2/languages',
      ].sort(),
    );
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.responses['200'], `${method} ${path}`).toBeDefined();
        if (method === 'post') expect(op.requestBody, `${method} ${path}`).toBeDefined();
      }
    }
    expect(paths['/v1/analyse']!.post!.responses['400']).toBeDefined();
    expect(paths['/v1/analyse/file']!.post!.requestBody).toMatchObject({ content: { 'multipart/form-data': {} } });
    expect(spec.components.schemas.Finding.properties.ruleId).toBeDefined();
    // /metrics answers Prometheus text, not JSON.
    expect((paths['/metrics']!.get!.responses['200'] as { content: Record<string, unknown> }).content).toHaveProperty(['text/plain']);
    expect((paths['/metrics']!.get!.responses['200'] as { content: Record<string, unknown> }).content).not.toHaveProperty(['application/json']);
  });

  it("gives /docs' \"Try it out\" requests that work as they stand: every JSON body example and path parameter example is answered 200", async () => {
    type Param = { in: string; name: string; example?: unknown; schema?: { example?: unknown } };
    type Op = { requestBody?: { content: Record<string, { example?: unknown }> }; parameters?: Param[] };
    const spec = (await app().inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Op>> };
    let tried = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        let url = path;
        for (const p of op.parameters ?? []) {
          if (p.in !== 'path') continue;
          const example = p.example ?? p.schema?.example;
          expect(example, `${method} ${path}: an example for {${p.name}}`).toBeDefined();
          url = url.replace(`{${p.name}}`, String(example));
        }
        const content = op.requestBody?.content;
        if (content && !content['application/json']) continue; // an upload: the person picks a file
        if (content) expect(content['application/json']!.example, `${method} ${path}: an example body`).toBeDefined();
        const res = await app().inject({ method: method.toUpperCase() as 'GET' | 'POST', url, ...(content ? { payload: content['application/json']!.example as object } : {}) });
        expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(10);
  });

  it('with API keys, marks the routes that need one, and leaves /healthz and /readyz open', async () => {
    const keyed = await build({ apiKeys: ['openapi-test-key'] });
    const spec = (await keyed.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/healthz'].get.security).toEqual([]);
    expect(spec.paths['/readyz'].get.security).toEqual([]);
    expect(spec.paths['/v1/analyse'].post.security).toBeUndefined(); // the document's default: a key
    expect(spec.paths['/metrics'].get.responses['401']).toBeDefined();
    expect((await keyed.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await keyed.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  });
});

describe('/docs', () => {
  it('serves the API docs page and its assets from this server (no CDN)', async () => {
    const page = await app().inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    const scripts = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).not.toMatch(/^(https?:)?\/\//);
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    const bundle = await app().inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });
});

describe('the web page at /', () => {
  it('serves index.html with a strict Content-Security-Policy', async () => {
    const res = await app().inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('sourdough');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a missing page with the JSON 404', async () => {
    expectError(await app().inject({ method: 'GET', url: '/no-such-page.html' }), 404, 'SD_ERR_NOT_FOUND');
  });
});
