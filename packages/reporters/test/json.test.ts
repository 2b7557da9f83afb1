/** The json reporter: the SPEC §4 contract, byte-identical to JSON.stringify, streamed. */
import { describe, expect, it } from 'vitest';
import { json, jsonStream, renderJsonResult } from '../src/index.js';
import { results, summary } from './sample.js';

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

  it('matches the snapshot', async () => {
    await expect(json(results, summary)).toMatchFileSnapshot('./snapshots/json.json');
  });
});
