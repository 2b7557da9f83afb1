// Throughput of `sourdough check --jobs 2` as a ratio to `--jobs 1` (target ≥ 1.7× on 2 cores).
// Standalone: generates ~1,000 synthetic case notes as JSONL in a temp folder, runs the built CLI
// (spawned, as a user would, output to a file) with --jobs 1 and --jobs 2, best of a few runs each,
// subtracts each setting's start-up time (a one-note run) to get throughput, checks both outputs
// are identical, prints the figures (and JSON with --json), and cleans up.
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
  const input = join(dir, 'notes.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const tiny = join(dir, 'one.jsonl');
  writeFileSync(tiny, `${lines[0]}\n`);
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
  // Start-up (loading the engine, compiling the rules, starting workers) is a fixed cost per run;
  // throughput is measured on top of it, from a one-note run with the same --jobs.
  const start1 = time(1, tiny).ms;
  const start2 = time(2, tiny).ms;
  const one = time(1, input);
  const two = time(2, input);
  const result = {
    notes: count,
    mb: Buffer.byteLength(lines.join('\n')) / 1e6,
    cores: cpus().length,
    jobs1Ms: Math.round(one.ms),
    jobs2Ms: Math.round(two.ms),
    startup1Ms: Math.round(start1),
    startup2Ms: Math.round(start2),
    wallRatio: Number((one.ms / two.ms).toFixed(2)),
    ratio: Number(((one.ms - start1) / Math.max(1, two.ms - start2)).toFixed(2)),
    identical: one.output === two.output,
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(`sourdough check on ${result.notes} notes (${result.mb.toFixed(2)} MB JSONL), ${result.cores} cores, best of ${runs}\n`);
    process.stdout.write(`  --jobs 1: ${result.jobs1Ms} ms (start-up ${result.startup1Ms} ms)\n  --jobs 2: ${result.jobs2Ms} ms (start-up ${result.startup2Ms} ms)\n`);
    process.stdout.write(`  throughput ratio (after start-up): ${result.ratio}× (target ≥ 1.7× on 2 cores); wall-clock ratio: ${result.wallRatio}×\n  output identical: ${result.identical}\n`);
  }
  if (!result.identical) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
