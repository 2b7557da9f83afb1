/** Extra rule packs (SOURDOUGH_RULES / --rules): loaded once, used by every route and by the workers. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/build.js';
import { build } from '../helper.js';

const PACK = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

describe('extra rule packs', () => {
  it('adds the pack to /v1/analyse, /v1/rules and /v2/check', async () => {
    const app = await build({ rules: [PACK] });
    const res = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'The zorblat is on Tuesday. Jack refused lunch.' } });
    expect(res.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['jargon/zorblat', 'blaming/refuses']);
    expect((await app.inject({ method: 'GET', url: '/v1/rules/jargon/zorblat' })).json().examples.flag).toEqual(['The zorblat is on Tuesday.']);
    const only = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'The zorblat is on Tuesday.', rules: { disable: ['jargon/zorblat'] } } });
    expect(only.json().findings).toEqual([]);
    const lt = await app.inject({ method: 'POST', url: '/v2/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'language=en-GB&text=The%20zorblat%20is%20on%20Tuesday.' });
    expect(lt.json().matches.map((m: { rule: { id: string } }) => m.rule.id)).toEqual(['JARGON_ZORBLAT']);
  });

  it('refuses to start with a broken pack, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-pack-'));
    mkdirSync(join(dir, 'jargon'));
    writeFileSync(join(dir, 'jargon', 'broken.yaml'), 'id: jargon/broken\ncategory: jargon\nseverity: loud\n');
    await expect(buildApp({ logger: false, workers: 1, rules: [dir] })).rejects.toThrow(/broken\.yaml/);
  });
});
