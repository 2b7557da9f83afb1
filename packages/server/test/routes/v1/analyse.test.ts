/**
 * POST /v1/analyse, /v1/analyse/batch and /v1/analyse/file: success, the contract with core's
 * analyse(), and every 4xx path with the documented error shape.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { analyse, builtinRuleSet, readers } from '@sourdough/core';
import { build, expectError, FIXTURES, multipart, shared } from '../../helper.js';
import { analyseResponse } from '../../../src/schemas/analyse.js';
import { findingSchema, statsSchema, summarySchema } from '../../../src/schemas/finding.js';
import { errorSchema } from '../../../src/schemas/error.js';

const app = shared();
const PLAN = 'Jack refused his tablets again this morning. He is a service user at the day centre.';
const SECRET = 'Zephyrine Quackenbush-Olawale';

describe('POST /v1/analyse', () => {
  it('returns findings and stats, each finding pointing at its exact text', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['findings', 'stats']);
    const ids = body.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('blaming/refuses');
    expect(ids).toContain('dehumanising/service-user');
    for (const f of body.findings) if (f.start) expect(PLAN.slice(f.start.offset, f.end.offset)).toBe(f.text);
    expect(body.stats.words).toBe(PLAN.split(/\s+/).length);
    expect(body.stats.findings).toBe(body.findings.length);
  });

  it.each([
    ['example-plan/input.md', 'markdown'],
    ['markdown-plan/input.md', 'markdown'],
    ['text-note/input.txt', 'text'],
    ['clean-note/input.txt', 'text'],
  ] as const)('returns exactly what core analyse() returns for fixture %s', async (file, format) => {
    const text = readFileSync(join(FIXTURES, 'documents', file), 'utf8');
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, format } });
    expect(res.statusCode).toBe(200);
    const expected = analyse(format === 'markdown' ? readers.markdown(text) : readers.text(text), builtinRuleSet());
    expect(res.json()).toEqual({ findings: expected.findings, stats: expected.stats });
  });

  it('sends the body byte for byte as Fastify would serialise core analyse() through the response schema', async () => {
    // The worker serialises the answer itself; a plain Fastify route with the same schemas is the reference.
    const ref = Fastify();
    for (const schema of [errorSchema, findingSchema, statsSchema, summarySchema]) ref.addSchema(schema);
    ref.post<{ Body: { text: string; format: 'text' | 'markdown' } }>('/', { schema: { response: { 200: analyseResponse } } }, async (request) => {
      const { text, format } = request.body;
      const r = analyse(format === 'markdown' ? readers.markdown(text) : readers.text(text), builtinRuleSet());
      return { findings: r.findings, stats: r.stats };
    });
    try {
      for (const [file, format] of [['example-plan/input.md', 'markdown'], ['text-note/input.txt', 'text'], ['clean-note/input.txt', 'text']] as const) {
        const text = readFileSync(join(FIXTURES, 'documents', file), 'utf8');
        const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, format } });
        const expected = await ref.inject({ method: 'POST', url: '/', payload: { text, format } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(expected.headers['content-type']);
        expect(res.headers['content-length']).toBe(expected.headers['content-length']);
        expect(res.payload).toBe(expected.payload);
      }
    } finally {
      await ref.close();
    }
  });

  it("reports an unexplained abbreviation once, with the rule's wording for it", async () => {
    const text = 'Her PA comes at eight. The PA helps her wash. The PA leaves at ten.';
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, kind: 'note' } });
    expect(res.statusCode).toBe(200);
    const found = res.json().findings.filter((f: { ruleId: string }) => f.ruleId === 'jargon/support-acronyms');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: 'PA', suggestions: ['personal assistant'], start: { offset: 4 } });
    expect(found[0].message).toMatch(/“PA” comes up 2 more times after this/);
  });

  it('reads Markdown when asked, skipping code', async () => {
    const text = '# Notes\n\n`refused` in code.\n\nJack refused lunch.\n';
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, format: 'markdown' } });
    const findings = res.json().findings.filter((f: { ruleId: string }) => f.ruleId === 'blaming/refuses');
    expect(findings).toHaveLength(1);
    expect(findings[0].start.offset).toBe(text.indexOf('refused lunch'));
    expect(findings[0].section).toBe('Notes');
  });

  it('switches rules and categories off and on', async () => {
    const off = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { disable: ['blaming'] } } });
    const ids = off.json().findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).not.toContain('blaming/refuses');
    expect(ids).toContain('dehumanising/service-user');
    const only = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { disable: ['*'], enable: ['blaming/refuses'] } } });
    expect(only.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['blaming/refuses']);
    const category = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { disable: ['*'], enable: ['dehumanising'] } } });
    const cats = category.json().findings.map((f: { category: string }) => f.category);
    expect(cats.length).toBeGreaterThan(0);
    expect(new Set(cats)).toEqual(new Set(['dehumanising']));
  });

  it('runs an opt-in rule (sentence length) only when its id is enabled', async () => {
    const text = `${PLAN} Following the review on Tuesday, which Jack attended with his sister and his advocate, we agreed that the morning calls would move to half past nine because he finds the earlier time rushed and tiring, and that we would look again in six weeks.`;
    const ids = async (rules?: object) => (await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, ...(rules ? { rules } : {}) } })).json().findings.map((f: { ruleId: string }) => f.ruleId);
    expect(await ids()).not.toContain('voice/long-sentence');
    expect(await ids({ enable: ['voice'] })).not.toContain('voice/long-sentence');
    const on = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, rules: { enable: ['voice/long-sentence'] } } });
    const long = on.json().findings.filter((f: { ruleId: string }) => f.ruleId === 'voice/long-sentence');
    expect(long.map((f: { text: string; severity: string }) => [f.text, f.severity])).toEqual([[text.slice(PLAN.length + 1), 'info']]);
    expect(on.json().findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blaming/refuses');
  });

  it("reports findings inside the person's own words only with includeQuotes", async () => {
    const text = 'He said, “I refused the tablets because they make me sick and I hate them.”';
    const without = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, rules: { disable: ['*'], enable: ['blaming/refuses'] } } });
    expect(without.json().findings).toEqual([]);
    const withQuotes = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text, includeQuotes: true, rules: { disable: ['*'], enable: ['blaming/refuses'] } } });
    expect(withQuotes.json().findings[0]).toMatchObject({ ruleId: 'blaming/refuses', quoted: true, severity: 'info' });
  });

  it('answers malformed JSON with 400 SD_ERR_INVALID_JSON, without echoing the body', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', headers: { 'content-type': 'application/json' }, payload: `{"text": "${SECRET}` });
    expectError(res, 400, 'SD_ERR_INVALID_JSON');
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('Zephyrine');
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', headers: { 'content-type': 'application/json' }, payload: '' });
    expectError(res, 400, 'SD_ERR_INVALID_JSON');
  });

  it.each([
    ['text is a number', { text: 42 }, 'body.text must be string'],
    ['text is missing', { format: 'text' }, 'needs "text"'],
    ['format is unknown', { text: 'x', format: 'pdf' }, 'body.format must be one of: text, markdown'],
    ['minSeverity is unknown', { text: 'x', minSeverity: 'warn' }, 'body.minSeverity must be one of: info, warning, error'],
    ['includeQuotes is a string', { text: 'x', includeQuotes: 'yes' }, 'body.includeQuotes must be boolean'],
    ['rules.enable is a string', { text: 'x', rules: { enable: 'blaming' } }, 'body.rules.enable must be array'],
    ['an unknown field', { text: 'x', colour: 'blue' }, 'unknown field "colour"'],
    ['the body is an array', [{ text: 'x' }], 'body must be object'],
  ])('answers wrong shapes with 400 SD_ERR_VALIDATION: %s', async (_name, payload, message) => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: payload as object });
    const body = expectError(res, 400, 'SD_ERR_VALIDATION');
    expect(body.message).toContain(message);
  });

  it('never echoes submitted text in validation errors', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: SECRET, format: SECRET } });
    expectError(res, 400, 'SD_ERR_VALIDATION');
    expect(res.body).not.toContain('Zephyrine');
  });

  it('answers an unknown rule id with 400 SD_ERR_UNKNOWN_RULE naming it', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { disable: ['blaming/no-such-rule'] } } });
    expect(expectError(res, 400, 'SD_ERR_UNKNOWN_RULE').message).toContain('"blaming/no-such-rule"');
    const free = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { enable: [SECRET] } } });
    expectError(free, 400, 'SD_ERR_UNKNOWN_RULE');
    expect(free.body).not.toContain('Zephyrine');
  });

  it('suggests the rule ids and categories close to a mistyped one, naming only our own ids', async () => {
    const typo = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { disable: ['blaming/refuse'] } } });
    expect(expectError(typo, 400, 'SD_ERR_UNKNOWN_RULE').message).toBe('"blaming/refuse" is not a rule id or category. Did you mean "blaming/refuses"? GET /v1/rules lists them.');
    const category = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { enable: ['blameing'] } } });
    expect(expectError(category, 400, 'SD_ERR_UNKNOWN_RULE').message).toContain('Did you mean "blaming"?');
    const nonsense = await app().inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN, rules: { enable: ['qqqqqqqqqq'] } } });
    expect(expectError(nonsense, 400, 'SD_ERR_UNKNOWN_RULE').message).toBe('"qqqqqqqqqq" is not a rule id or category. GET /v1/rules lists them.');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse', headers: { 'content-type': 'text/plain' }, payload: PLAN });
    expectError(res, 415, 'SD_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an upload sent to a JSON route, and JSON sent to the upload route, with 415 saying where each goes', async () => {
    for (const url of ['/v1/analyse', '/v1/analyse/batch']) {
      const res = await app().inject({ method: 'POST', url, ...multipart([{ name: 'text', content: PLAN }]) });
      expect(expectError(res, 415, 'SD_ERR_UNSUPPORTED_MEDIA_TYPE').message).toMatch(/multipart\/form-data to \/v1\/analyse\/file/);
    }
    const json = await app().inject({ method: 'POST', url: '/v1/analyse/file', payload: { text: PLAN } });
    const said = expectError(json, 415, 'SD_ERR_UNSUPPORTED_MEDIA_TYPE').message;
    expect(said).toMatch(/JSON \(application\/json\) to the \/v1 routes/);
    // /v2/check takes JSON as well as a form (docs/api.md), so the hint does not send JSON clients away.
    expect(said).toMatch(/a form \(or JSON\) to \/v2\/check/);
  });

  it('answers a body over the limit with 413 SD_ERR_TOO_LARGE', async () => {
    const small = await build({ bodyLimit: 1000 });
    const res = await small.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'word '.repeat(400) } });
    expect(expectError(res, 413, 'SD_ERR_TOO_LARGE').message).toContain('1000 bytes');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    expectError(await app().inject({ method: 'POST', url: '/v1/analyze', payload: { text: 'x' } }), 404, 'SD_ERR_NOT_FOUND');
    expectError(await app().inject({ method: 'GET', url: `/v1/nothing?text=${encodeURIComponent(SECRET)}` }), 404, 'SD_ERR_NOT_FOUND');
  });
});

describe('POST /v1/analyse/batch', () => {
  it('returns one result per document in order, with a summary', async () => {
    const documents = [
      { id: 'a', text: PLAN },
      { id: 'b', text: 'Visited Amira at home; she was in good spirits.' },
      { id: 'c', text: '# Plan\n\nMrs Patel refuses personal care.', format: 'markdown' },
    ];
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual(['a', 'b', 'c']);
    const set = builtinRuleSet();
    expect(body.results[0]).toEqual({ id: 'a', ...pick(analyse(PLAN, set)) });
    expect(body.results[2]).toEqual({ id: 'c', ...pick(analyse(readers.markdown(documents[2]!.text), set)) });
    expect(body.summary.documents).toBe(3);
    expect(body.summary.failed).toBe(0);
    expect(body.summary.analysed).toBe(3); // as in the CLI's summary
    expect(body.summary.findings).toBe(body.results.reduce((n: number, r: { findings: unknown[] }) => n + r.findings.length, 0));
    expect(body.summary.byCategory.blaming).toBeGreaterThanOrEqual(2);
  });

  it('spreads a large batch over the workers and keeps order', async () => {
    const documents = Array.from({ length: 120 }, (_, i) => ({ id: `n${i}`, text: i % 3 ? `Note ${i}: a quiet day.` : `Note ${i}: Jack refused lunch.` }));
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents } });
    const body = res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual(documents.map((d) => d.id));
    expect(body.summary.findings).toBe(40);
  });

  it('accepts an empty batch', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents: [] } });
    expect(res.json()).toEqual({ results: [], summary: { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} } });
  });

  it('answers too many documents with 413 SD_ERR_TOO_MANY_DOCUMENTS', async () => {
    const small = await build({ batchLimit: 2 });
    const documents = [1, 2, 3].map((i) => ({ id: String(i), text: 'x' }));
    const res = await small.inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents } });
    expect(expectError(res, 413, 'SD_ERR_TOO_MANY_DOCUMENTS').message).toContain('at most 2 documents');
  });

  it.each([
    ['documents missing', {}],
    ['documents not an array', { documents: { id: 'a', text: 'x' } }],
    ['a document without text', { documents: [{ id: 'a' }] }],
    ['a document without id', { documents: [{ text: 'x' }] }],
    ['a numeric id', { documents: [{ id: 1, text: 'x' }] }],
  ])('answers wrong shapes with 400: %s', async (_name, payload) => {
    expectError(await app().inject({ method: 'POST', url: '/v1/analyse/batch', payload }), 400, 'SD_ERR_VALIDATION');
  });

  it('answers an unknown rule with 400', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/batch', payload: { documents: [{ id: 'a', text: 'x' }], rules: { enable: ['nope'] } } });
    expectError(res, 400, 'SD_ERR_UNKNOWN_RULE');
  });
});

function pick(r: { findings: unknown; stats: unknown }): { findings: unknown; stats: unknown } {
  return { findings: r.findings, stats: r.stats };
}

describe('POST /v1/analyse/file', () => {
  it('checks an uploaded Markdown file like core does', async () => {
    const text = readFileSync(join(FIXTURES, 'documents/example-plan/input.md'), 'utf8');
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'plan.md', type: 'text/markdown', content: text }]) });
    expect(res.statusCode).toBe(200);
    const expected = analyse(readers.markdown(text), builtinRuleSet());
    expect(res.json()).toEqual({ path: 'plan.md', findings: expected.findings, stats: expected.stats });
  });

  it('takes uploads in every app built in the same process (the file schema is not shared between apps)', async () => {
    const [first, second] = [await build(), await build()];
    for (const a of [first, second, first]) {
      const res = await a.inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'note.txt', type: 'text/plain', content: PLAN }]) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().path).toBe('note.txt');
    }
  });

  it('checks a .txt file and keeps only the base name of the path', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'C:\\notes\\note.txt', content: PLAN }]) });
    expect(res.statusCode).toBe(200);
    expect(res.json().path).toBe('note.txt');
    expect(res.json().findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blaming/refuses');
  });

  it('checks a .docx file, with offsets into the extracted text', async () => {
    const bytes = readFileSync(join(FIXTURES, 'documents/docx-plan/input.docx'));
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'plan.docx', content: bytes }]) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.findings.every((f: { paragraph?: number; start?: unknown }) => !f.start || typeof f.paragraph === 'number')).toBe(true);
  });

  it('checks an .html file', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'note.html', content: `<html><body><p>${PLAN}</p></body></html>` }]) });
    expect(res.statusCode).toBe(200);
    const f = res.json().findings.find((x: { ruleId: string }) => x.ruleId === 'blaming/refuses');
    expect(f.text).toBe('refused');
  });

  it('answers a corrupt .docx with 422 SD_ERR_READ', async () => {
    const bytes = readFileSync(join(FIXTURES, 'documents/corrupt-docx/input.docx'));
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'broken.docx', content: bytes }]) });
    expectError(res, 422, 'SD_ERR_READ');
  });

  it('answers a file that is not UTF-8 with 422', async () => {
    const bytes = readFileSync(join(FIXTURES, 'documents/not-utf8/input.txt'));
    expectError(await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'n.txt', content: bytes }]) }), 422, 'SD_ERR_READ');
  });

  it('answers an extra form field (an option this route does not take) with 400 naming it', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'plan.md', content: PLAN }, { name: 'includeQuotes', type: 'text/plain', content: 'true' }]) });
    expect(expectError(res, 400, 'SD_ERR_VALIDATION').message).toMatch(/unknown field "includeQuotes"/);
  });

  it('answers an unsupported file type with 415', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'plan.pdf', content: '%PDF-1.4' }]) });
    expectError(res, 415, 'SD_ERR_UNSUPPORTED_FILE');
  });

  it('answers a multipart body without a file with 400', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'note', content: PLAN }]) });
    expectError(res, 400, 'SD_ERR_VALIDATION');
  });

  it('answers a broken multipart body with 400 SD_ERR_BAD_MULTIPART', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/v1/analyse/file',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      payload: `--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n${SECRET}`,
    });
    expectError(res, 400, 'SD_ERR_BAD_MULTIPART');
    expect(res.body).not.toContain('Zephyrine');
  });

  it('answers multipart without a boundary with 400 SD_ERR_BAD_MULTIPART', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/analyse/file', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
    expectError(res, 400, 'SD_ERR_BAD_MULTIPART');
  });

  it('answers two files with 400', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/v1/analyse/file',
      ...multipart([
        { name: 'file', filename: 'a.txt', content: 'one' },
        { name: 'file2', filename: 'b.txt', content: 'two' },
      ]),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  });

  it('answers a file over the limit with 413', async () => {
    const small = await build({ bodyLimit: 2000 });
    const res = await small.inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'big.txt', content: 'word '.repeat(1000) }]) });
    expectError(res, 413, 'SD_ERR_TOO_LARGE');
  });
});
