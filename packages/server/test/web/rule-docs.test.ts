/**
 * GET /rules and GET /rules/:category/:name: the rule pages the web page links to. Rendered from
 * the rules the server runs, HTML-escaped, no script, open when API keys are configured, a plain
 * HTML 404 for an unknown rule, and hidden from /openapi.json.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@sourdough/core';
import { escapeHtml, rulePage } from '../../src/routes/rule-docs.js';
import { shared } from '../helper.js';

const app = shared();

describe('rule pages', () => {
  it('shows a rule: why it matters, what to write instead, examples and sources', async () => {
    const res = await app().inject({ method: 'GET', url: '/rules/blaming/refuses' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const rule = builtinRules().find((r) => r.id === 'blaming/refuses')!;
    expect(res.body).toContain('<h1>blaming/refuses</h1>');
    expect(res.body).toContain(escapeHtml(rule.rationale.trim()));
    for (const s of rule.suggest) expect(res.body).toContain(`<li>${escapeHtml(s)}</li>`);
    for (const e of [...rule.examples.flag, ...rule.examples.pass]) expect(res.body).toContain(escapeHtml(e));
    for (const s of rule.sources) expect(res.body).toContain(`href="${escapeHtml(s.url)}"`);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/\sstyle=/i);
  });

  it('lists every rule by category, each linking to its page', async () => {
    const res = await app().inject({ method: 'GET', url: '/rules' });
    expect(res.statusCode).toBe(200);
    for (const r of builtinRules()) expect(res.body).toContain(`href="/rules/${r.id}"`);
    expect(res.body.indexOf('<h2 id="deficit">')).toBeLessThan(res.body.indexOf('<h2 id="privacy">'));
  });

  it('answers an unknown rule with an HTML 404 page', async () => {
    const res = await app().inject({ method: 'GET', url: '/rules/blaming/no-such-rule' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('No such rule');
    const typo = await app().inject({ method: 'GET', url: '/rules/blaming/refuse' });
    expect(typo.statusCode).toBe(404);
    expect(typo.body).toContain('Did you mean <a href="/rules/blaming/refuses">blaming/refuses</a>?');
  });

  it("names the web page's icon, so a browser does not ask for /favicon.ico (a 404, counted as an unmatched request) on every rule page", async () => {
    const index = (await app().inject({ method: 'GET', url: '/' })).body;
    const icon = /<link rel="icon" href="([^"]+)"/.exec(index)?.[1];
    expect(icon).toBe('/favicon.svg');
    expect((await app().inject({ method: 'GET', url: icon! })).statusCode).toBe(200);
    for (const url of ['/rules', '/rules/blaming/refuses', '/rules/blaming/no-such-rule']) {
      expect((await app().inject({ method: 'GET', url })).body, url).toContain(`<link rel="icon" href="${icon}" type="image/svg+xml">`);
    }
  });

  it('escapes everything from the rule, and links only http(s) sources', () => {
    const html = rulePage({
      id: 'jargon/<b>x</b>',
      category: 'jargon',
      severity: 'info',
      message: '“{match}” & <i>more</i>',
      rationale: 'Because <script>alert(1)</script>.',
      suggest: ['"quoted"'],
      examples: { flag: ['<img src=x onerror=alert(1)>'], pass: ['fine'] },
      sources: [
        { title: 'Bad', url: 'javascript:alert(1)' },
        { title: 'Good', url: 'https://example.org/guide' },
      ],
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://example.org/guide" rel="noopener noreferrer">Good</a>');
    expect(html).toContain('“…” &amp; &lt;i&gt;more&lt;/i&gt;');
  });

  it('is not part of the API description', async () => {
    const spec = (await app().inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths).some((p) => p.startsWith('/rules'))).toBe(false);
  });
});

describe('rule pages with API keys configured', () => {
  const keyed = shared({ apiKeys: ['sd-test-key-1'] });

  it('stay open, like the web page, while the API needs a key', async () => {
    expect((await keyed().inject({ method: 'GET', url: '/rules/blaming/refuses' })).statusCode).toBe(200);
    expect((await keyed().inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect((await keyed().inject({ method: 'GET', url: '/v1/rules/blaming/refuses' })).statusCode).toBe(401);
  });
});
