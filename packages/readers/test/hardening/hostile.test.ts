/**
 * Hostile files (docs/security.md, "Hostile files"): a DOCX zip bomb, a DOCX with a 500 MB XML
 * part, deeply nested Markdown and HTML, a 100 MB single line, a CSV with a 50 MB field. Each is
 * refused with SD_ERR_TOO_LARGE (or read, for HTML, which parses deep nesting linearly) in bounded
 * memory and time. Big inputs are generated at test time in a temp folder and removed afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readers, SourdoughError } from '@sourdough/core';
import { docx } from '../../src/docx.js';
import { html } from '../../src/html.js';
import { readPath, readStream } from '../../src/read.js';
import { LIMITS } from '../../src/limits.js';
import type { ReadItem } from '../../src/types.js';
import { DOCUMENT_HEAD, DOCUMENT_TAIL, DOCX_SKELETON, PARAGRAPH_XML, part, repeatedDeflate, zip } from './zip.js';

const dir = mkdtempSync(join(tmpdir(), 'sourdough-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

/** Run `fn`, returning what it threw (or resolved), the time taken and the growth in RSS. */
async function measure<T>(fn: () => Promise<T> | T): Promise<{ value?: T; error?: unknown; ms: number; rssGrowthMB: number }> {
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, rssGrowthMB: (Math.max(peak, process.memoryUsage().rss) - rss0) / MB };
  } catch (error) {
    return { error, ms: performance.now() - t0, rssGrowthMB: (Math.max(peak, process.memoryUsage().rss) - rss0) / MB };
  } finally {
    clearInterval(timer);
  }
}

function expectCode(err: unknown, code: string): void {
  expect(err).toBeInstanceOf(SourdoughError);
  expect((err as SourdoughError).code).toBe(code);
  expect((err as SourdoughError).message.length).toBeGreaterThan(10);
}

async function all(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

/** Write `total` bytes made of `chunk` repeated (streamed, so the test itself stays small). */
async function writeBig(file: string, head: string, chunk: string, total: number, tail: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(head);
  const block = chunk.repeat(Math.ceil((1 * MB) / chunk.length));
  for (let written = 0; written < total; written += block.length) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
}

describe('DOCX zip bombs', () => {
  it('refuses a tiny file that expands to 2 GB of zeros, without inflating it', async () => {
    const deflated = repeatedDeflate(Buffer.alloc(MB), 2048);
    const bomb = zip([...DOCX_SKELETON, { name: 'word/document.xml', deflated, declaredSize: 2048 * MB }]);
    expect(bomb.length).toBeLessThan(4 * MB);
    const r = await measure(() => docx(bomb, 'bomb.docx'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect((r.error as Error).message).toContain('bomb.docx');
    expect(r.ms).toBeLessThan(5_000);
    expect(r.rssGrowthMB).toBeLessThan(200);
  });

  it('refuses a bomb that lies about its size (declares 1 KB, inflates to 1 GB) after reading only what it declared', async () => {
    const deflated = repeatedDeflate(Buffer.alloc(MB), 1024);
    const bomb = zip([...DOCX_SKELETON, { name: 'word/document.xml', deflated, declaredSize: 1024 }]);
    const r = await measure(() => docx(bomb, 'liar.docx'));
    // The part is not what its header says: refused as a damaged file, before it is inflated.
    expect(r.error).toBeInstanceOf(SourdoughError);
    expect(['SD_ERR_READ_DOCX', 'SD_ERR_TOO_LARGE']).toContain((r.error as SourdoughError).code);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.rssGrowthMB).toBeLessThan(200);
  });

  it('refuses many parts that are each under the part limit but together over the total limit', async () => {
    const size = 60 * MB;
    const parts = [0, 1, 2].map((i) => ({ name: `word/media/blob${i}.bin`, deflated: repeatedDeflate(Buffer.alloc(MB), size / MB), declaredSize: size }));
    const r = await measure(() => docx(zip([...DOCX_SKELETON, ...parts]), 'parts.docx'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect(r.ms).toBeLessThan(10_000);
    expect(r.rssGrowthMB).toBeLessThan(200);
  });

  it('refuses a DOCX whose document.xml is a 500 MB XML part', async () => {
    const para = Buffer.from(PARAGRAPH_XML.repeat(Math.floor(65536 / PARAGRAPH_XML.length)));
    const times = Math.ceil((500 * MB) / para.length);
    const deflated = repeatedDeflate(para, times, Buffer.from(DOCUMENT_HEAD), Buffer.from(DOCUMENT_TAIL));
    const size = DOCUMENT_HEAD.length + para.length * times + DOCUMENT_TAIL.length;
    expect(size).toBeGreaterThan(500 * MB);
    const r = await measure(() => docx(zip([...DOCX_SKELETON, { name: 'word/document.xml', deflated, declaredSize: size }]), 'huge.docx'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect(r.ms).toBeLessThan(5_000);
    expect(r.rssGrowthMB).toBeLessThan(200);
  });

  it('still reads a small, honest DOCX built the same way (the guard is not refusing everything)', async () => {
    const body = DOCUMENT_HEAD + PARAGRAPH_XML.repeat(3) + DOCUMENT_TAIL;
    const doc = await docx(zip([...DOCX_SKELETON, part('word/document.xml', body)]), 'ok.docx');
    expect(doc.source).toContain('Sam enjoys gardening');
  });

  it('refuses a .docx file over the file size limit by its size on disk, before reading it', async () => {
    const file = join(dir, 'big.docx');
    await writeBig(file, '', 'PK', LIMITS.docxBytes + MB, '');
    const r = await measure(() => all(readPath(file)));
    const items = r.value!;
    expect(items).toHaveLength(1);
    expect((items[0] as { error: { code: string } }).error.code).toBe('SD_ERR_TOO_LARGE');
    expect(r.rssGrowthMB).toBeLessThan(100);
  });
});

describe('deep nesting', () => {
  it('refuses Markdown nested 100,000 deep with a clear error, quickly (the parser would overflow its stack)', async () => {
    const r = await measure(() => readers.markdown('>'.repeat(100_000) + ' Sam refused', 'deep.md'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect((r.error as Error).message).toMatch(/nested more than \d+ deep/);
    expect(r.ms).toBeLessThan(2_000);
  });

  it('refuses Markdown with a 100,000-character run of emphasis markers (quadratic in the parser)', async () => {
    const r = await measure(() => readers.markdown('*'.repeat(100_000) + 'a' + '*'.repeat(100_000), 'stars.md'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect(r.ms).toBeLessThan(2_000);
  });

  it('reads ordinary nesting (quotes inside lists, 10 deep) as before', () => {
    const doc = readers.markdown('- one\n  - two\n    > > > quoted text here\n' + '>'.repeat(10) + ' deep but fine', 'ok.md');
    expect(doc.text).toContain('deep but fine');
  });

  it('refuses HTML nested 200,000 deep quickly (htmlparser2 is quadratic in depth: over a minute unguarded)', async () => {
    const src = '<div>'.repeat(200_000) + 'Sam refused' + '</div>'.repeat(200_000);
    const r = await measure(() => html(src, 'deep.html'));
    expectCode(r.error, 'SD_ERR_TOO_LARGE');
    expect((r.error as Error).message).toMatch(/nested more than \d+ deep/);
    expect(r.ms).toBeLessThan(2_000);
    expect(r.rssGrowthMB).toBeLessThan(100);
  });

  it('reads HTML nested 500 deep, and 100,000 sibling elements, as before', async () => {
    const deep = html('<div>'.repeat(500) + 'Sam chose lunch' + '</div>'.repeat(500), 'ok.html');
    expect(deep.text).toContain('Sam chose lunch');
    const r = await measure(() => html('<p>Sam chose lunch.</p>'.repeat(100_000), 'wide.html'));
    expect(r.error).toBeUndefined();
    expect(r.ms).toBeLessThan(10_000);
  });
});

describe('huge lines and fields', () => {
  it('refuses a 100 MB text file with a single line by its size on disk, without reading it', async () => {
    const file = join(dir, 'line.txt');
    await writeBig(file, '', 'Sam refused care ', 100 * MB, '');
    const r = await measure(() => all(readPath(file)));
    const item = r.value![0] as { error: { code: string; message: string } };
    expect(item.error.code).toBe('SD_ERR_TOO_LARGE');
    expect(item.error.message).toContain('line.txt');
    expect(r.ms).toBeLessThan(2_000);
    expect(r.rssGrowthMB).toBeLessThan(50);
  });

  it('stops reading a 100 MB single line from standard input at the limit', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<Buffer> {
      const chunk = Buffer.alloc(MB, 'a');
      for (let i = 0; i < 100; i++) {
        produced += chunk.length;
        yield chunk;
      }
    }
    const r = await measure(() => all(readStream(source(), { filename: 'notes.md' })));
    expect((r.value![0] as { error: { code: string } }).error.code).toBe('SD_ERR_TOO_LARGE');
    expect(produced).toBeLessThanOrEqual(LIMITS.documentBytes + MB);
    expect(r.rssGrowthMB).toBeLessThan(150);
  });

  it.each([
    ['a JSONL record that is a 100 MB line', 'big.jsonl', '{"id":"r1","text":"Sam chose lunch."}\n{"id":"r2","text":"', 'x', 100 * MB, '"}\n{"id":"r3","text":"Sam went out."}\n'],
    ['a CSV row with a 50 MB field', 'big.csv', 'id,text\nr1,Sam chose lunch.\nr2,"', 'Sam refused, ', 50 * MB, '"\nr3,Sam went out.\n'],
  ])('skips %s and reads the records around it', async (_name, name, head, fill, bytes, tail) => {
    const file = join(dir, name);
    await writeBig(file, head, fill, bytes, tail);
    const r = await measure(() => all(readPath(file)));
    const items = r.value!;
    expect(items).toHaveLength(3);
    expect((items[0] as { id: string }).id).toBe('r1');
    expect(items[1]).toMatchObject({ row: 2, error: { code: 'SD_ERR_TOO_LARGE' } });
    expect((items[2] as { id: string }).id).toBe('r3');
    expect(r.rssGrowthMB).toBeLessThan(150);
  });
});
