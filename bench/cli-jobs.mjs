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

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'packages', 'cli', 'bin', 'sourdough.js');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const count = flag('--notes', 1000);
const runs = flag('--runs', 3);

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const NAMES = ['Jack', 'Amira', 'Mrs Patel', 'Mr Okafor', 'Lena', 'Tom', 'Ravi', 'Grace', 'Sofia', 'Kwame'];
const CLEAN = [
  (n) => `Visited ${n} at home at 2pm; ${n} was in good spirits and talked about the weekend.`,
  (n) => `${n} told me they enjoy going to the library and would like to go more often.`,
  (n) => `We agreed that a support worker will go with ${n} to the park on Thursdays.`,
  (n) => `${n} said the new medication makes them feel sleepy in the afternoons.`,
  (n) => `${n} is proud of the garden and grows tomatoes and beans every summer.`,
  (n) => `The occupational therapist will visit on Monday to look at the bathroom with ${n}.`,
  (n) => `${n} explained that mornings are hard because of stiffness, so visits will start later.`,
];
const PROBLEM = [
  (n) => `${n} refused personal care again this morning.`,
  (n) => `${n} is a service user who suffers from dementia.`,
  (n) => `${n} was non-compliant with medication over the weekend.`,
  (n) => `It was decided that ${n} will move to residential care.`,
  (n) => `${n} is not allowed to go to the shop alone.`,
  (n) => `Is swimming a need or a want for ${n}?`,
];
const r = rng(7);
const pick = (arr) => arr[Math.floor(r() * arr.length)];
const lines = [];
for (let i = 0; i < count; i++) {
  const sentences = [];
  for (let words = 0; words < 300; ) {
    const s = (r() < 0.15 ? pick(PROBLEM) : pick(CLEAN))(pick(NAMES));
    sentences.push(s);
    words += s.split(' ').length;
  }
  lines.push(JSON.stringify({ id: `N-${String(i + 1).padStart(5, '0')}`, team: pick(['North', 'South', 'East']), text: sentences.join(' ') }));
}

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
