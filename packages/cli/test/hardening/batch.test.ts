/**
 * Nothing lost in batch (docs/security.md, "Nothing lost in batch"): `sourdough check` and
 * `sourdough audit` over 10,000 CSV and JSONL records with 1% bad rows, with a worker thread killed
 * midway through (the test-only SOURDOUGH_TEST_CRASH_AT hook). Every input record comes out exactly
 * once — as a result or as an error entry — the documents held by the dead worker are reported as
 * SD_ERR_WORKER, the rest of the batch completes, and the exit code (2) says some failed. Also
 * checks that no record text leaks into standard error (a canary phrase).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sourdough } from '../helpers.js';

const N = 10_000;
const CRASH_AT = 5_003;
const CANARY = 'Zebracanary Quillfeather';
const dir = mkdtempSync(join(tmpdir(), 'sourdough-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTES = [
  'Sam refused his medication and was non-compliant with the plan.',
  // Row 1's "café" makes the CSV UTF-8 from its first row, so the rows with a stray byte are
  // encoding errors (a file whose first byte beyond ASCII is not UTF-8 is read as Windows-1252).
  'Riya chose to go to the garden centre café with her sister.',
  'The panel agreed the cheapest option would be fine for now.',
  `Jo said ${CANARY} was her favourite story and she wants to visit on Friday.`,
];

/** Row i (1-based) is bad when i % 100 === 50: 1% of the records. */
const isBad = (i: number): boolean => i % 100 === 50;

function writeCsv(): string {
  const lines: Buffer[] = [Buffer.from('id,team,text\n')];
  for (let i = 1; i <= N; i++) {
    if (isBad(i)) {
      // Alternate: too many columns, and bytes that are not UTF-8.
      lines.push(i % 200 === 50 ? Buffer.from(`R${i},east,${NOTES[i % 4]!.replace(/ /g, ',')}\n`) : Buffer.concat([Buffer.from(`R${i},east,Bad bytes \xff here`, 'latin1'), Buffer.from('\n')]));
    } else lines.push(Buffer.from(`R${i},${i % 2 ? 'east' : 'west'},"${NOTES[i % 4]}"\n`));
  }
  const file = join(dir, 'notes.csv');
  writeFileSync(file, Buffer.concat(lines));
  return file;
}

function writeJsonl(): string {
  const lines: string[] = [];
  for (let i = 1; i <= N; i++) lines.push(isBad(i) ? (i % 200 === 50 ? `{"id":"R${i}","text":` : `{"id":"R${i}","body":"no text field"}`) : JSON.stringify({ id: `R${i}`, team: 'east', text: NOTES[i % 4] }));
  const file = join(dir, 'notes.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface Outcome {
  row?: number;
  id?: string;
  findings?: unknown[];
  error?: { code: string; message: string };
}

/** Every row 1..N exactly once; bad rows are errors; good rows carry their id. */
function expectEachRowOnce(rows: { row: number; id?: string | undefined; error?: string | undefined }[]): { workerErrors: number } {
  const seen = new Map<number, number>();
  for (const r of rows) seen.set(r.row, (seen.get(r.row) ?? 0) + 1);
  const missing = [];
  const twice = [];
  for (let i = 1; i <= N; i++) {
    const n = seen.get(i) ?? 0;
    if (n === 0) missing.push(i);
    if (n > 1) twice.push(i);
  }
  expect(missing, 'rows missing from the output').toEqual([]);
  expect(twice, 'rows reported more than once').toEqual([]);
  expect(rows.length).toBe(N);
  let workerErrors = 0;
  for (const r of rows) {
    if (isBad(r.row)) expect(r.error, `row ${r.row} should be an error`).toBeTruthy();
    else if (r.error) {
      // A good row may only fail because its worker was killed.
      expect(r.error).toBe('SD_ERR_WORKER');
      expect(r.id, 'an SD_ERR_WORKER entry names its record').toBe(`R${r.row}`);
      workerErrors++;
    } else expect(r.id).toBe(`R${r.row}`);
  }
  return { workerErrors };
}

describe('nothing is lost in a 10,000-record batch with bad rows and a killed worker', () => {
  const csvFile = writeCsv();
  const jsonlFile = writeJsonl();

  for (const [label, file] of [
    ['CSV', csvFile],
    ['JSONL', jsonlFile],
  ] as const) {
    it(`check (${label}): each record once, SD_ERR_WORKER for the dead worker's documents, exit 2`, async () => {
      const r = await sourdough(['check', file, '--format', 'json', '--jobs', '2'], { cwd: dir, env: { SOURDOUGH_TEST_CRASH_AT: String(CRASH_AT) } });
      expect(r.code).toBe(2);
      const results = (JSON.parse(r.stdout) as { results: Outcome[] }).results;
      const { workerErrors } = expectEachRowOnce(results.map((o) => ({ row: o.row!, id: o.id, error: o.error?.code })));
      expect(workerErrors).toBeGreaterThan(0);
      // The killed worker held at most a few small batches; the rest of the run went on.
      expect(workerErrors).toBeLessThan(200);
      const rowCrash = results.find((o) => o.row === CRASH_AT)!;
      expect(rowCrash.error!.code).toBe('SD_ERR_WORKER');
      // Documents after the crash were analysed by the replacement worker.
      expect(results.filter((o) => o.row! > CRASH_AT + 200 && o.findings).length).toBeGreaterThan(4000);
      // Standard error (progress, warnings, worker deaths) never carries a record's words.
      expect(r.stderr.includes(CANARY)).toBe(false);
    });
  }

  it('check without the hook: the same file gives no SD_ERR_WORKER (the hook has no effect unless set)', async () => {
    const r = await sourdough(['check', jsonlFile, '--format', 'json', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    const results = (JSON.parse(r.stdout) as { results: Outcome[] }).results;
    const { workerErrors } = expectEachRowOnce(results.map((o) => ({ row: o.row!, id: o.id, error: o.error?.code })));
    expect(workerErrors).toBe(0);
  });

  it('audit (CSV): documents.csv has each record once, the summary counts the failures, exit 2', async () => {
    const out = join(dir, 'audit');
    const r = await sourdough(['audit', csvFile, '-o', out, '--jobs', '2'], { cwd: dir, env: { SOURDOUGH_TEST_CRASH_AT: String(CRASH_AT) } });
    expect(r.code).toBe(2);
    const rows = parse(readFileSync(join(out, 'documents.csv')), { columns: true }) as Record<string, string>[];
    const { workerErrors } = expectEachRowOnce(rows.map((d) => ({ row: Number(d.row), id: d.id || undefined, ...(d.error_code ? { error: d.error_code } : {}) })));
    expect(workerErrors).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as unknown;
    const failed = JSON.stringify(summary).match(/"failed":(\d+)/);
    expect(Number(failed?.[1])).toBe(N / 100 + workerErrors);
    // The audit never writes the records' words into its own files or standard error.
    expect(r.stderr.includes(CANARY)).toBe(false);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8').includes(CANARY)).toBe(false);
  });
});
