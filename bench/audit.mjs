// Throughput and peak memory of `sourdough audit --jobs 2` (target: peak RSS ≤ 400 MB whatever the
// input size). Standalone: generates 100,000 synthetic records of ~300 words (--quick: 10,000) as a
// CSV export in a temp folder, runs the built CLI as a user would (spawned, --group-by team and
// record_type, --date-field date), reads the peak RSS the child reports through its
// SOURDOUGH_REPORT_MAXRSS hook (the whole process: main thread and workers), prints records/s,
// MB/s and peak RSS (and JSON with --json), and cleans up. Every name and place is made up.
// Flags: --quick, --records N, --jobs N (default 2), --json, --keep (leave the temp folder).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { note, rng } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'packages', 'cli', 'bin', 'sourdough.js');
const args = process.argv.slice(2);
const flag = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const records = flag('--records', args.includes('--quick') ? 10_000 : 100_000);
const jobs = flag('--jobs', 2);

// Notes from the shared corpus generator; a few records also carry an identifier (from the
// official fictional NHS range), so the masking of example sentences is exercised.
const NAMES = ['Jack', 'Amira', 'Lena', 'Tom', 'Ravi', 'Grace', 'Sofia', 'Kwame', 'Nell', 'Idris'];
const TEAMS = ['North', 'South', 'East', 'West'];
const TYPES = ['case note', 'support plan', 'review'];

const dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-bench-'));
try {
  const input = join(dir, 'export.csv');
  const fd = openSync(input, 'w');
  writeSync(fd, 'id,team,record_type,date,text\r\n');
  const r = rng(11);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  let chunk = '';
  for (let i = 0; i < records; i++) {
    let text = note(r, 300);
    if (r() < 0.05) text += ` ${pick(NAMES)}'s NHS number 999 456 7896 was on the referral.`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    chunk += `R-${i + 1},${pick(TEAMS)},${pick(TYPES)},2026-${month}-${String(1 + (i % 28)).padStart(2, '0')},"${text}"\r\n`;
    if (chunk.length > 4 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  const mb = statSync(input).size / 1e6;

  const out = join(dir, 'out');
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [bin, 'audit', input, '-o', out, '--jobs', String(jobs), '--group-by', 'team', '--group-by', 'record_type', '--date-field', 'date', '--no-progress', '--no-config-lookup'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SOURDOUGH_REPORT_MAXRSS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`sourdough audit exited ${res.status}: ${res.stderr.slice(-2000)}`);
  const peakMb = Number(/sourdough-maxrss-kb (\d+)/.exec(res.stderr)?.[1] ?? NaN) / 1024;
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const result = {
    records,
    mb,
    jobs,
    seconds,
    recordsPerSec: records / seconds,
    mbPerSec: mb / seconds,
    peakRssMb: peakMb,
    findings: summary.figures.findings,
    analysed: summary.figures.documents.analysed,
  };
  if (result.analysed !== records) throw new Error(`expected ${records} records analysed, the summary says ${result.analysed}`);
  const fmt = (n, d = 1) => Number(n).toFixed(d);
  console.log(`${records.toLocaleString('en-GB')} records (${fmt(mb)} MB, ~300 words each), --jobs ${jobs}: ${fmt(seconds)} s, ${fmt(result.recordsPerSec, 0)} records/s, ${fmt(result.mbPerSec, 2)} MB/s`);
  console.log(`peak RSS of the audit process ${fmt(peakMb, 0)} MB   target ≤ 400 MB${peakMb > 400 ? '   OVER TARGET' : ''}`);
  console.log(`${result.findings.toLocaleString('en-GB')} findings; report, CSVs and summary.json written`);
  if (args.includes('--json')) console.log(JSON.stringify(result));
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
