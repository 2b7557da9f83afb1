// Throughput of `sourdough check --jobs 2` as a ratio to `--jobs 1` (target ≥ 1.7× on 2 cores).
// Standalone: generates ~1,000 synthetic case notes as JSONL in a temp folder (and the same notes
// ten times over), runs the built CLI (spawned, as a user would, output to a file) with --jobs 1
// and --jobs 2, interleaved (j1, j2, j1, j2 … on each corpus, so a change in machine load hits
// both alike), best wall-clock time of a few runs each and the median CPU time of the whole process
// (worker threads included). Reports throughput after start-up (from the extra time the larger
// corpus takes) and the plain wall-clock ratio on both corpora, start-up included; checks the
// outputs are identical, prints the figures and the load average (and JSON with --json), and
// cleans up. Flags: --notes N (default 1000), --times K (the larger corpus, default 10),
// --runs N (default 3; --quick: 2), --json. Every
// name and place is made up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { notes, rng } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'packages', 'cli', 'bin', 'sourdough.js');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const count = flag('--notes', 1000);
const runs = flag('--runs', args.includes('--quick') ? 2 : 3);
const times = flag('--times', 10);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadAtStart = load();

// The same deterministic notes as `npm run bench` (bench/corpus.mjs), one JSON line each.
const r = rng(7);
const TEAMS = ['North', 'South', 'East'];
const lines = notes(count, 300, 7).map((text, i) => JSON.stringify({ id: `N-${String(i + 1).padStart(5, '0')}`, team: TEAMS[Math.floor(r() * TEAMS.length)], text }));

const dir = mkdtempSync(join(tmpdir(), 'sourdough-bench-'));
try {
  // The 1,000-note corpus, and the same notes ten times over (new ids). Start-up (loading the
  // engine and compiling the rules, once per worker) and JIT warm-up are fixed costs per run, so
  // throughput is the extra time the larger corpus takes: (T(10×) − T(1×)) / 9,000 notes. (With
  // the engine as fast as it now is, five times over left too little extra time to measure well.)
  const input = join(dir, 'notes.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const big = join(dir, `notes-${times}x.jsonl`);
  const bigLines = [];
  for (let k = 0; k < times; k++) for (const l of lines) bigLines.push(l.replace(/"id":"N-/, `"id":"N${k}-`));
  writeFileSync(big, `${bigLines.join('\n')}\n`);

  /** One run: wall-clock ms, CPU ms of the whole process, and the output. */
  const once = (jobs, file) => {
    const out = join(dir, `out-${jobs}.json`);
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--no-progress', '--jobs', String(jobs), '-o', out, file], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SOURDOUGH_REPORT_CPU: '1' } });
    const ms = performance.now() - t0;
    if (res.status !== 0 && res.status !== 1) throw new Error(`sourdough check --jobs ${jobs} exited ${res.status}: ${res.stderr}`);
    const cpu = /sourdough-cpu-ms (\d+)/.exec(String(res.stderr));
    return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, output: readFileSync(out, 'utf8') };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  /** Runs of --jobs 1 and --jobs 2 on one file, interleaved (the order alternates each round). */
  const pair = (file) => {
    const got = { 1: [], 2: [] };
    for (let i = 0; i < runs; i++) for (const jobs of i % 2 ? [2, 1] : [1, 2]) got[jobs].push(once(jobs, file));
    const sum = (jobs) => ({ ms: Math.min(...got[jobs].map((x) => x.ms)), cpuMs: median(got[jobs].map((x) => x.cpuMs)), output: got[jobs][0].output });
    return { one: sum(1), two: sum(2) };
  };
  const small = pair(input);
  const large = pair(big);
  const extra = bigLines.length - lines.length;
  const perSec = (a, b) => extra / Math.max(0.001, (b - a) / 1000);
  const jobs1NotesPerSec = perSec(small.one.ms, large.one.ms);
  const jobs2NotesPerSec = perSec(small.two.ms, large.two.ms);
  const result = {
    notes: count,
    bigNotes: bigLines.length,
    mb: Buffer.byteLength(lines.join('\n')) / 1e6,
    cores: cpus().length,
    runs,
    jobs1Ms: Math.round(small.one.ms),
    jobs2Ms: Math.round(small.two.ms),
    jobs1BigMs: Math.round(large.one.ms),
    jobs2BigMs: Math.round(large.two.ms),
    jobs1CpuMs: small.one.cpuMs,
    jobs2CpuMs: small.two.cpuMs,
    jobs1BigCpuMs: large.one.cpuMs,
    jobs2BigCpuMs: large.two.cpuMs,
    jobs1NotesPerSec: Math.round(jobs1NotesPerSec),
    jobs2NotesPerSec: Math.round(jobs2NotesPerSec),
    ratio: Number((jobs2NotesPerSec / jobs1NotesPerSec).toFixed(2)),
    wallRatio: Number((small.one.ms / small.two.ms).toFixed(2)),
    bigWallRatio: Number((large.one.ms / large.two.ms).toFixed(2)),
    identical: small.one.output === small.two.output && large.one.output === large.two.output,
    load: { start: loadAtStart, end: load() },
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const n = (x) => x.toLocaleString('en-GB');
    process.stdout.write(`sourdough check on ${n(result.notes)} notes (${result.mb.toFixed(2)} MB JSONL) and ${n(result.bigNotes)} notes, ${result.cores} cores, runs interleaved, best wall of ${runs} (median CPU)\n`);
    process.stdout.write(`  --jobs 1: ${n(result.jobs1Ms)} ms / ${n(result.jobs1BigMs)} ms wall (CPU ${n(result.jobs1CpuMs)} / ${n(result.jobs1BigCpuMs)} ms) → ${n(result.jobs1NotesPerSec)} notes/s after start-up\n`);
    process.stdout.write(`  --jobs 2: ${n(result.jobs2Ms)} ms / ${n(result.jobs2BigMs)} ms wall (CPU ${n(result.jobs2CpuMs)} / ${n(result.jobs2BigCpuMs)} ms) → ${n(result.jobs2NotesPerSec)} notes/s after start-up\n`);
    process.stdout.write(`  throughput ratio after start-up: ${result.ratio}× (target ≥ 1.7× on 2 cores)\n`);
    process.stdout.write(`  wall-clock ratio, start-up included: ${result.wallRatio}× on ${n(result.notes)} notes, ${result.bigWallRatio}× on ${n(result.bigNotes)} notes\n`);
    process.stdout.write(`  output identical: ${result.identical}; load average ${result.load.start} at start, ${result.load.end} at end\n`);
  }
  if (!result.identical) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
