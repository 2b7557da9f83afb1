/** The json reporter: the SPEC §4 contract, byte-identical to JSON.stringify, streamed. */
import { describe, expect, it } from 'vitest';
import { json, jsonStream, renderJsonResult } from '../src/index.js';
import { results, summary } from './sample.js';
import type { DocumentOutcome } from '@sourdough/core';

describe('json', () => {
  it('prints exactly JSON.stringify({ version, results, summary }, null, 2)', () => {
    expect(json(results, summary)).toBe(`${JSON.stringify({ version: 1, results, summary }, null, 2)}\n`);
    expect(json([], summary)).toBe(`${JSON.stringify({ version: 1, results: [], summary }, null, 2)}\n`);
  });

  it('gives the same text when streamed result by result', () => {
    const s = jsonStream();
    const streamed = s.start() + results.map((r) => s.result(r)).join('') + s.end(summary);
    expect(streamed).toBe(json(results, summary));
  });

  it('gives the same text from results rendered elsewhere (resultPrefix + renderJsonResult)', () => {
    const s = jsonStream();
    const streamed = s.start() + results.map((r) => s.resultPrefix!() + renderJsonResult(r)).join('') + s.end(summary);
    expect(streamed).toBe(json(results, summary));
  });

  it('renders one result as JSON.stringify would at depth two of the report', () => {
    for (const r of results) expect(renderJsonResult(r)).toBe(JSON.stringify(r, null, 2).replace(/\n/g, '\n    '));
    const tricky = { path: 'a\nb.txt', meta: { note: 'line one\nline two ]\n]' }, findings: [], stats: { words: 0 } };
    expect(renderJsonResult(tricky as never)).toBe(JSON.stringify(tricky, null, 2).replace(/\n/g, '\n    '));
  });

  it('writes bidirectional controls as \\u escapes: the same data, but no line a terminal reorders', () => {
    const f = results[0]!.findings![0]!;
    const hostile = [{ ...results[0]!, path: 'notes\u202e.txt', findings: [{ ...f, sentence: `Jack \u2067refused\u2069 his tablets.` }] }] as DocumentOutcome[];
    const out = json(hostile, { ...summary, files: ['notes\u202e.txt'] } as never);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('"path": "notes\\u202e.txt"');
    expect(out).toContain('Jack \\u2067refused\\u2069 his tablets.');
    expect(JSON.parse(out)).toEqual({ version: 1, results: hostile, summary: { ...summary, files: ['notes\u202e.txt'] } });
  });

  it('matches the snapshot', async () => {
    await expect(json(results, summary)).toMatchFileSnapshot('./snapshots/json.json');
  });
});
