/**
 * Records stream: a generated 200 MB JSONL export runs through the built binary in bounded memory
 * (peak RSS, reported by the child through its SOURDOUGH_REPORT_MAXRSS test hook, under 300 MB).
 * Each record carries a short note in `text` and a large `history` column (kept as metadata), so
 * the run moves 200 MB through the reader, the pipeline and the JSON writer while the number of
 * documents — and so the engine's time — stays small enough for CI on two cores.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourdough } from './helpers.js';

const TARGET = 200 * 1024 * 1024;

describe('bounded memory', () => {
  it('streams a 200 MB JSONL file with peak memory under 300 MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-mem-'));
    try {
      const file = join(dir, 'export.jsonl');
      const fd = openSync(file, 'w');
      const history = 'Visited at home; talked about the garden, the bus to town and the weekend. '.repeat(110);
      const notes = ['Amira refused lunch and went out.', 'Tom chose the blue coat.', 'The service user asked for tea.', 'Lena went to the library.'];
      let written = 0;
      let records = 0;
      let chunk = '';
      while (written < TARGET) {
        const line = `${JSON.stringify({ id: `R${records}`, team: ['North', 'South', 'East'][records % 3], text: notes[records % 4], history })}\n`;
        chunk += line;
        written += line.length;
        records++;
        if (chunk.length > 4 * 1024 * 1024) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
      closeSync(fd);
      expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET);

      const out = join(dir, 'report.json');
      const r = await sourdough(['check', '--format', 'json', '--jobs', '1', '--no-progress', '-o', out, file], { env: { SOURDOUGH_REPORT_MAXRSS: '1' } });
      expect(r.code, r.stderr).toBe(0);
      const m = /sourdough-maxrss-kb (\d+)/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const peakMb = Number(m![1]) / 1024;
      expect(peakMb, `peak RSS ${peakMb.toFixed(0)} MB`).toBeLessThan(300);
      process.stdout.write(`200 MB JSONL, ${records} records: peak RSS ${peakMb.toFixed(0)} MB\n`);

      // The whole report was written, and nothing was dropped.
      const size = statSync(out).size;
      expect(size).toBeGreaterThan(TARGET);
      const fdOut = openSync(out, 'r');
      const tail = Buffer.alloc(600);
      // Read the summary from the end of the report without loading it all.
      readSync(fdOut, tail, 0, 600, size - 600);
      closeSync(fdOut);
      const summary = tail.toString('utf8');
      expect(summary).toContain(`"documents": ${records},`);
      expect(summary).toContain(`"analysed": ${records},`);
      expect(summary).toContain('"failed": 0,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
