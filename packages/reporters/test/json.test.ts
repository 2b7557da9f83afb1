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

  it('gives the same text from results rendered elsewhere (resultText)', () => {
    const s = jsonStream();
    const streamed = s.start() + results.map((r) => s.resultText!(renderJsonResult(r))).join('') + s.end(summary);
    expect(streamed).toBe(json(results, summary));
  });

  it('matches the snapshot', async () => {
    await expect(json(results, summary)).toMatchFileSnapshot('./snapshots/json.json');
  });
});
