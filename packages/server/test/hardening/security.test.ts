/**
 * Security checks (docs/security.md, "Security checks"): API keys are compared in constant time;
 * no route reads a file from a path the client controls (every route is tried with path traversal
 * in its parameters and wildcard); the web page carries a strict Content-Security-Policy; and the
 * server's errors never echo submitted text. (`npm audit --omit=dev` is enforced by `.ci/run`.)
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/build.js';
import { keyMatches } from '../../src/plugins/auth.js';
import { multipart } from '../helper.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

describe('API keys', () => {
  const secret = 'k'.repeat(16) + '-sourdough-test-key-0123456789abcdef';
  const keys = [digest('another-key'), digest(secret), digest('third-key')];

  it('accept only an exact key, whatever its length or shared prefix', () => {
    expect(keyMatches(secret, keys)).toBe(true);
    for (const wrong of ['', 'k', secret.slice(0, -1), secret + 'x', secret.toUpperCase(), 'x' + secret.slice(1), secret.slice(0, -1) + 'g']) expect(keyMatches(wrong, keys)).toBe(false);
  });

  it('take the same time whether a wrong key differs in its first or last character, or matches', () => {
    const early = 'X' + secret.slice(1);
    const late = secret.slice(0, -1) + 'X';
    const batch = (k: string): number => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 2000; i++) keyMatches(k, keys);
      return Number(process.hrtime.bigint() - t0);
    };
    for (let i = 0; i < 5; i++) [early, late, secret].forEach(batch); // warm up
    const ratios = (): number[] => {
      const times: Record<string, number[]> = { early: [], late: [], right: [] };
      for (let i = 0; i < 25; i++) {
        times.early!.push(batch(early));
        times.late!.push(batch(late));
        times.right!.push(batch(secret));
      }
      // The fastest batch of each: other work on a busy machine only ever adds time, so the
      // minimum is the steadiest estimate of the comparison's own cost.
      const [e, l, r] = [Math.min(...times.early!), Math.min(...times.late!), Math.min(...times.right!)];
      return [e / l, e / r, l / r];
    };
    const within = (rs: number[]): boolean => rs.every((x) => x > 0.75 && x < 1.33);
    // A byte-by-byte early exit makes "early" clearly faster than "late" and "right" in every
    // round; a busy machine can spoil one round, so up to three are measured.
    let rs = ratios();
    for (let round = 1; round < 3 && !within(rs); round++) rs = ratios();
    for (const ratio of rs) {
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(1.33);
    }
  });

  it('are compared as fixed-length SHA-256 digests with timingSafeEqual, against every key (source check)', () => {
    const src = readFileSync(fileURLToPath(new URL('../../src/plugins/auth.ts', import.meta.url)), 'utf8');
    expect(src).toMatch(/timingSafeEqual\(/);
    expect(src).toMatch(/createHash\('sha256'\)/);
    // No plain comparison of the presented key against a configured key.
    expect(src).not.toMatch(/(key|token|presented)\s*===\s*/i);
  });
});

describe('routes and files', () => {
  const TRAVERSALS = ['../../../package.json', '..%2f..%2f..%2fpackage.json', '%2e%2e/%2e%2e/%2e%2e/package.json', '....//....//package.json', '..\\..\\..\\package.json', '/etc/passwd', '%2Fetc%2Fpasswd', 'C:\\Windows\\win.ini', '.env', '%00', 'node_modules/fastify/package.json'];
  const SECRETS = [/"workspaces"/, /root:.*:0:0:/, /"name":\s*"fastify"/, /\[fonts\]/i];

  it('no route answers path traversal in its parameters or wildcard with a file from outside its folder', async () => {
    const routes: { method: string; url: string }[] = [];
    const app: FastifyInstance = await buildApp({ logger: false, rateLimit: false, workers: 1 });
    try {
      await app.ready();
      const listing = app.printRoutes({ commonPrefix: false });
      for (const line of listing.split('\n')) {
        const m = /([/\w:*.-]+) \(([A-Z, ]+)\)/.exec(line.replace(/[│├└─\s]+/g, ' ').trim());
        if (m) for (const method of m[2]!.split(',').map((s) => s.trim())) if (method === 'GET' || method === 'POST') routes.push({ method, url: m[1]! });
      }
      expect(routes.length).toBeGreaterThan(5);
      let tried = 0;
      for (const r of routes) {
        const variable = /:\w+|\*/.test(r.url);
        const urls = variable ? TRAVERSALS.map((t) => r.url.replace(/:\w+|\*/g, t)) : [r.url + '/' + TRAVERSALS[0]];
        for (const url of urls) {
          const res = await app.inject({ method: r.method as 'GET' | 'POST', url: url.startsWith('/') ? url : '/' + url });
          tried++;
          for (const secret of SECRETS) expect(secret.test(res.body), `${r.method} ${url} → ${res.statusCode}`).toBe(false);
        }
      }
      expect(tried).toBeGreaterThan(20);
    } finally {
      await app.close();
    }
  });

  it('extra rule packs are read from the command line at start-up, never from a request (source check)', () => {
    const files = ['../../src/routes/v1/analyse.ts', '../../src/routes/v2/languagetool.ts', '../../src/routes/rule-docs.ts', '../../src/routes/health.ts'];
    for (const f of files) {
      let src = '';
      try {
        src = readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8');
      } catch {
        continue; // a route file that moved: the traversal test above still covers it
      }
      expect(src, f).not.toMatch(/from 'node:fs'|from 'fs'|readFile|createReadStream|loadRulePack/);
    }
  });
});

describe('web page', () => {
  it('is served with a strict Content-Security-Policy: self only, no inline or eval script, no framing, no plugins', async () => {
    const app = await buildApp({ logger: false, rateLimit: false, workers: 1 });
    try {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['base-uri']).toBeDefined();
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
      // The page itself has no inline script the policy would have to allow.
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(res.body).not.toMatch(/\son[a-z]+=/i);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await app.close();
    }
  });
});

describe('error answers', () => {
  it('never echo submitted text (bad JSON, unknown fields, unknown rules, wrong types)', async () => {
    const CANARY = 'Thistlewood Marchbanks';
    const app = await buildApp({ logger: false, rateLimit: false, workers: 1 });
    try {
      const bodies = [
        `{"text": "${CANARY}`,
        JSON.stringify({ text: CANARY, [CANARY]: 1 }),
        JSON.stringify({ text: CANARY, options: { enable: [CANARY] } }),
        JSON.stringify({ text: [CANARY] }),
        JSON.stringify({ documents: [{ text: CANARY, format: CANARY }] }),
      ];
      for (const payload of bodies) {
        for (const url of ['/v1/analyse', '/v1/analyse/batch']) {
          const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
          expect(res.statusCode, `${url} ${payload}`).toBeGreaterThanOrEqual(400);
          expect(res.body).not.toContain(CANARY);
          expect(res.body).not.toContain('Marchbanks');
        }
      }
    } finally {
      await app.close();
    }
  });
});

describe('answers holding submitted text', () => {
  it('carry bidirectional controls as \\u escapes, the same data once parsed (every route that returns text)', async () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const text = `Jack refused his tea ${controls.join('x')} at noon.`;
    const app = await buildApp({ logger: false, rateLimit: false, workers: 1 });
    try {
      const file = multipart([{ name: 'file', filename: 'note.txt', type: 'text/plain', content: text }]);
      const requests = [
        { url: '/v1/analyse', payload: { text } },
        { url: '/v1/analyse', payload: { text: `# Plan\n\n${text}`, format: 'markdown' } },
        { url: '/v1/analyse/batch', payload: { documents: [{ id: 'a', text }] } },
        { url: '/v1/analyse/file', payload: file.payload, headers: file.headers },
        { url: '/v2/check', payload: `text=${encodeURIComponent(text)}&language=en-GB`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { url: '/api/v2/check', payload: `text=${encodeURIComponent(text)}&language=en-GB`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ];
      for (const r of requests) {
        const res = await app.inject({ method: 'POST', ...r });
        expect(res.statusCode, `${r.url} ${res.body}`).toBe(200);
        expect(res.body, r.url).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        for (const c of controls) expect(res.body, r.url).toContain(`\\u${c.charCodeAt(0).toString(16)}`);
        // Parsed, the finding's sentence holds the controls exactly as submitted.
        expect(JSON.stringify(res.json()), r.url).toContain(controls.join('x'));
      }
      // Without a control in the text, the answer is what the serialiser wrote (no rewriting).
      const plain = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Jack refused his tea.' } });
      expect(plain.body).toBe(JSON.stringify(plain.json()));
    } finally {
      await app.close();
    }
  });
});
