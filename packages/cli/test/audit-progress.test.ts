/**
 * `sourdough audit` on a terminal: the progress bar knows the number of records up front (from the
 * quick count), so it shows documents done out of the total, the rate and an ETA. Runs `run()` in
 * this process with a fake terminal on standard error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ES module without types (the committed generator)
import { makeAuditExport } from '../../../scripts/make-audit-fixture.mjs';
import { run } from '../src/index.js';
import { fakeIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourdough audit progress', () => {
  it('shows documents done of the total, the rate and an ETA on a terminal', async () => {
    // Enough records that the run outlasts the bar's one-second delay on a fast machine.
    const made = makeAuditExport({ records: 8000 }) as { bytes: Buffer };
    writeFileSync(join(dir, 'export.csv'), made.bytes);
    const { io, err } = fakeIo('', dir);
    Object.assign(io.stderr, { isTTY: true, columns: 100 });
    const code = await run(['audit', 'export.csv', '--no-config-lookup', '--jobs', '1', '-o', 'out'], io);
    expect(code, err()).toBe(2);
    // 8,000 data rows in the file, counted before the run (the bad rows are documents too, and a
    // quote that never closes does not stop the count).
    expect(err()).toMatch(/checking .*\d+\/8000 documents \| \d+\/s \| ETA/);
    expect(err()).toContain('report written to out/report.html');
  });
});
