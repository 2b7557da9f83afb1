/**
 * `check -o FILE` stopped with Ctrl+C (SIGINT) or SIGTERM part-way says that FILE holds only the
 * start of the report, and how to get it in full, instead of leaving it there without a word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ES module without types (the committed generator)
import { makeAuditExport } from '../../../scripts/make-audit-fixture.mjs';
import { bin } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-stop-'));
  writeFileSync(join(dir, 'export.csv'), (makeAuditExport({ records: 20000 }) as { bytes: Buffer }).bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stopCheck(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'check', '--no-config-lookup', '--no-progress', '--jobs', '1', '-f', 'json', 'export.csv', '-o', out], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code))).then((code) => ((exited = true), code));
  // Wait until the run has written part of its report.
  const at = join(dir, out);
  const deadline = Date.now() + 60_000;
  while (!exited && Date.now() < deadline && !(existsSync(at) && statSync(at).size > 0)) await new Promise((r) => setTimeout(r, 5));
  expect(exited, 'the check finished before it could be stopped').toBe(false);
  child.kill(signal);
  return { code: await closed, stderr };
}

describe('check -o, stopped part-way', () => {
  it('Ctrl+C (SIGINT): exit 130, and the report file is said to hold only the start of the report', async () => {
    const r = await stopCheck('findings.json', 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('sourdough: stopped (SIGINT) before the end, so findings.json holds only the start of the report; run the same command again to write it in full');
  });

  it('SIGTERM: exit 143, said the same way', async () => {
    const r = await stopCheck('term.json', 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('stopped (SIGTERM) before the end, so term.json holds only the start of the report');
  });
});
