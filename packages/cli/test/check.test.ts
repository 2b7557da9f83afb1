/** End-to-end behaviour of `sourdough check` through run(argv, io) with fake streams. */
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function fakeIo(stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  return {
    io: { stdin: Readable.from([stdinText]), stdout, stderr, cwd: root, env: {} as Record<string, string | undefined> },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('sourdough check', () => {
  it('prints JSON in the SPEC shape for the example plan', async () => {
    const f = fakeIo();
    const code = await run(['check', '--format', 'json', 'fixtures/documents/example-plan/input.md'], f.io);
    const report = JSON.parse(f.out());
    expect(report.version).toBe(1);
    expect(report.summary.documents).toBe(1);
    const source = (await import('node:fs')).readFileSync(join(root, 'fixtures/documents/example-plan/input.md'), 'utf8');
    const result = report.results[0];
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) {
      if (finding.start) expect(source.slice(finding.start.offset, finding.end.offset)).toBe(finding.text);
    }
    expect([0, 1]).toContain(code);
  });

  it('reads standard input with -', async () => {
    const f = fakeIo('The service user refused lunch.');
    const code = await run(['check', '-f', 'json', '-'], f.io);
    const report = JSON.parse(f.out());
    expect(report.results[0].path).toBe('-');
    expect(report.results[0].findings.map((x: { ruleId: string }) => x.ruleId)).toEqual(['dehumanising/service-user', 'blaming/refuses']);
    expect(code).toBe(0);
  });

  it('exits 2 and names the file when it cannot be read', async () => {
    const f = fakeIo();
    const code = await run(['check', 'no/such/file.md'], f.io);
    expect(code).toBe(2);
    expect(f.out()).toContain('no/such/file.md');
  });

  it('exits 1 when warnings exceed --max-warnings', async () => {
    const f = fakeIo('The service user refused lunch.');
    expect(await run(['check', '--max-warnings', '0', '-'], f.io)).toBe(1);
  });

  it('exits 2 on a bad option', async () => {
    const f = fakeIo();
    expect(await run(['check', '--format', 'nope', 'x.md'], f.io)).toBe(2);
    expect(f.err()).toMatch(/nope/);
  });
});
