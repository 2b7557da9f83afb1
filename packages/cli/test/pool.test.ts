/** The worker pool: results in input order, identical to in-thread analysis, failures kept apart. */
import { describe, expect, it } from 'vitest';
import { readers } from '@sourdough/core';
import type { RawRecord, ReadItem } from '@sourdough/readers';
import { analyseAll, createAnalyser, SummaryBuilder } from '../src/index.js';
import { isRendered, type Outcome } from '../src/pool.js';
import { jsonStream } from '@sourdough/reporters';

async function* items(n: number): AsyncGenerator<ReadItem> {
  for (let i = 0; i < n; i++) {
    if (i % 17 === 5) yield { path: 'x.jsonl', row: i + 1, error: { code: 'SD_ERR_JSONL_ROW', message: `x.jsonl row ${i + 1} is not valid JSON` } };
    else yield { path: 'x.jsonl', row: i + 1, id: `r${i}`, doc: readers.text(i % 3 ? `Note ${i}: Amira refused lunch.` : `Note ${i}: the service user went out.`) };
  }
}

/** The same records as JSONL lines left raw (as reading with deferRecords gives them), with bad lines among them. */
async function* rawItems(n: number): AsyncGenerator<ReadItem | RawRecord> {
  for (let i = 0; i < n; i++) {
    const line =
      i % 17 === 5 ? '{"id": "broken",'
      : i % 19 === 7 ? '{"id": "no-text", "note": "x"}'
      : i % 23 === 9 ? '{"id": "bad bytes", "text": "caf\xe9"}'
      : JSON.stringify({ id: `r${i}`, team: 'North', text: i % 3 ? `Note ${i}: Amira refused lunch, café.` : `Note ${i}: the service user went out.` });
    const raw = i % 23 === 9 ? Buffer.from(line, 'latin1') : Buffer.from(line);
    yield { path: 'x.jsonl', row: i + 1, raw, fields: { textField: 'text', idField: 'id' } };
  }
}

describe('pool', () => {
  it('parses raw JSONL records on the workers exactly as in this thread, rendered or not', async () => {
    const run = async (jobs: number, render: boolean): Promise<string> => {
      const a = createAnalyser(jobs);
      const stream = jsonStream();
      let text = stream.start();
      try {
        for await (const r of analyseAll(rawItems(90), a, () => (render ? { options: {}, packs: [], render: 'json' as const } : { options: {}, packs: [] }), 16) as AsyncGenerator<Outcome>) {
          text += isRendered(r) ? stream.resultPrefix!() + new TextDecoder().decode(r.rendered) : stream.result(r);
        }
      } finally {
        await a.close();
      }
      return text;
    };
    const here = await run(1, false);
    expect(here).toContain('SD_ERR_JSONL_ROW');
    expect(here).toContain('SD_ERR_INPUT');
    expect(here).toContain('SD_ERR_ENCODING');
    expect(here).toContain('blaming/refuses');
    expect(await run(2, false)).toBe(here);
    expect(await run(2, true)).toBe(here);
  }, 60_000);

  it('lets workers render json results: same report text and summary as rendering here', async () => {
    const run = async (jobs: number, render: boolean): Promise<{ text: string; summary: unknown }> => {
      const a = createAnalyser(jobs);
      const stream = jsonStream();
      const summary = new SummaryBuilder();
      let text = stream.start();
      let rendered = 0;
      try {
        for await (const r of analyseAll(items(60), a, () => (render ? { options: {}, packs: [], render: 'json' as const } : { options: {}, packs: [] }), 16) as AsyncGenerator<Outcome>) {
          if (isRendered(r)) {
            rendered++;
            summary.addCounts(r.counts);
            text += stream.resultPrefix!() + new TextDecoder().decode(r.rendered);
          } else {
            summary.add(r);
            text += stream.result(r);
          }
        }
      } finally {
        await a.close();
      }
      if (render) expect(rendered).toBe(60 - 4); // every analysed document; read errors stay here
      text += stream.end(summary.summary);
      return { text, summary: summary.summary };
    };
    const here = await run(1, false);
    const workers = await run(2, true);
    expect(workers.text).toBe(here.text);
    expect(JSON.stringify(workers.summary)).toBe(JSON.stringify(here.summary));
  });

  it('gives the same results, in the same order, on 3 workers as in this thread', async () => {
    const collect = async (jobs: number): Promise<unknown[]> => {
      const a = createAnalyser(jobs);
      const out: unknown[] = [];
      try {
        for await (const r of analyseAll(items(120), a, () => ({ options: {}, packs: [] }), 16)) out.push(r);
      } finally {
        await a.close();
      }
      return out;
    };
    const one = await collect(1);
    const three = await collect(3);
    expect(one).toHaveLength(120);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect((one as { row: number }[]).map((r) => r.row)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const s = new SummaryBuilder();
    for (const r of one as Parameters<SummaryBuilder['add']>[0][]) s.add(r);
    expect(s.summary).toMatchObject({ documents: 120, failed: 7, analysed: 113 });
  }, 60_000);

  it('turns documents into error entries, never a hang, when the workers cannot run', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-worker-'));
    const file = join(dir, 'broken-worker.mjs');
    writeFileSync(file, "throw new Error('cannot start');\n");
    const a = createAnalyser(2, { workerFile: pathToFileURL(file) });
    try {
      const out: { error?: { code: string; message: string } }[] = [];
      for await (const r of analyseAll(items(30), a, () => ({ options: {}, packs: [] }), 8)) out.push(r as { error?: { code: string; message: string } });
      expect(out).toHaveLength(30);
      expect(out.every((r) => r.error)).toBe(true);
      expect(out.filter((r) => r.error!.code === 'SD_ERR_WORKER').length).toBeGreaterThan(20);
      expect(out.find((r) => r.error!.code === 'SD_ERR_WORKER')!.error!.message).toContain('cannot start');
    } finally {
      await a.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
