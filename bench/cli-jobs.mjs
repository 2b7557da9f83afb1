// Throughput of `sourdough check --jobs 2` as a ratio to `--jobs 1` (target ≥ 1.7× on 2 cores).
// Standalone: generates ~1,000 synthetic case notes as JSONL in a temp folder (and the same notes
// five times over), runs the built CLI (spawned, as a user would, output to a file) with --jobs 1
// and --jobs 2, best of a few runs each, and reports throughput after start-up (from the extra time
// the larger corpus takes) plus the plain wall-clock ratio on 1,000 notes; checks the outputs are
// identical, prints the figures (and JSON with --json), and cleans up.
// Flags: --notes N (default 1000), --runs N (default 3), --json. Every name and place is made up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
const runs = flag('--runs', 3);

// The same deterministic notes as `npm run bench` (bench/corpus.mjs), one JSON line each.
const r = rng(7);
const TEAMS = ['North', 'South', 'East'];
const lines = notes(count, 300, 7).map((text, i) => JSON.stringify({ id: `N-${String(i + 1).padStart(5, '0')}`, team: TEAMS[Math.floor(r() * TEAMS.length)], text }));

const dir = mkdtempSync(join(tmpdir(), 'sourdough-bench-'));
try {
  // The 1,000-note corpus, and the same notes five times over (new ids). Start-up (loading the
  // engine and compiling the rules, once per worker) and JIT warm-up are fixed costs per run, so
  // throughput is the extra time the larger corpus takes: (T(5×) − T(1×)) / 4,000 notes.
  const input = join(dir, 'notes.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const big = join(dir, 'notes-5x.jsonl');
  const bigLines = [];
  for (let k = 0; k < 5; k++) for (const l of lines) bigLines.push(l.replace(/"id":"N-/, `"id":"N${k}-`));
  writeFileSync(big, `${bigLines.join('\n')}\n`);
  const time = (jobs, file) => {
    let best = Infinity;
    const out = join(dir, `out-${jobs}.json`);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--no-progress', '--jobs', String(jobs), '-o', out, file], { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - t0;
      if (res.status !== 0 && res.status !== 1) throw new Error(`sourdough check --jobs ${jobs} exited ${res.status}: ${res.stderr}`);
      best = Math.min(best, ms);
    }
    return { ms: best, output: readFileSync(out, 'utf8') };
  };
  const one = time(1, input);
  const two = time(2, input);
  const oneBig = time(1, big);
  const twoBig = time(2, big);
  const extra = bigLines.length - lines.length;
  const perSec = (a, b) => extra / Math.max(0.001, (b - a) / 1000);
  const result = {
    notes: count,
    mb: Buffer.byteLength(lines.join('\n')) / 1e6,
    cores: cpus().length,
    jobs1Ms: Math.round(one.ms),
    jobs2Ms: Math.round(two.ms),
    jobs1BigMs: Math.round(oneBig.ms),
    jobs2BigMs: Math.round(twoBig.ms),
    jobs1NotesPerSec: Math.round(perSec(one.ms, oneBig.ms)),
    jobs2NotesPerSec: Math.round(perSec(two.ms, twoBig.ms)),
    ratio: Number((perSec(two.ms, twoBig.ms) / perSec(one.ms, oneBig.ms)).toFixed(2)),
    wallRatio: Number((one.ms / two.ms).toFixed(2)),
    identical: one.output === two.output && oneBig.output === twoBig.output,
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(`sourdough check on ${result.notes} notes (${result.mb.toFixed(2)} MB JSONL) and ${bigLines.length} notes, ${result.cores} cores, best of ${runs}\n`);
    process.stdout.write(`  --jobs 1: ${result.jobs1Ms} ms / ${result.jobs1BigMs} ms → ${result.jobs1NotesPerSec} notes/s after start-up\n`);
    process.stdout.write(`  --jobs 2: ${result.jobs2Ms} ms / ${result.jobs2BigMs} ms → ${result.jobs2NotesPerSec} notes/s after start-up\n`);
    process.stdout.write(`  throughput ratio: ${result.ratio}× (target ≥ 1.7× on 2 cores); wall-clock ratio on ${result.notes} notes: ${result.wallRatio}×\n  output identical: ${result.identical}\n`);
  }
  if (!result.identical) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
