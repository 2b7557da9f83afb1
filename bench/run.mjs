// `npm run bench`: measures the full built-in rule set on a deterministic synthetic corpus and
// compares it with alex (npm `alex`) measured in the same run. Speed is reported as ratios to the
// peer, never asserted in tests. Flags: --quick (smaller corpus), --no-alex, --no-cli, --no-server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { notes, plan, rng, bigText } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const core = await import('@sourdough/core');

const mb = (s) => Buffer.byteLength(s) / 1e6;
const fmt = (n, d = 2) => Number(n).toFixed(d);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

// Child mode: analyse one 10 MB text and report time and peak memory (isolated process).
if (args.has('--child-big')) {
  const text = bigText(10 * 1024 * 1024);
  const set = core.builtinRuleSet();
  core.analyse(text.slice(0, 200_000), set); // warm-up
  const t0 = performance.now();
  const result = core.analyse(text, set);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, mb: mb(text), findings: result.findings.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const results = { machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGb: Math.round(totalmem() / 1e9), node: process.version, load: loadavg().map((l) => l.toFixed(2)).join(' ') } };

// Compile once.
let t0 = performance.now();
const set = core.builtinRuleSet();
results.compileMs = performance.now() - t0;
results.rules = set.rules.length;

// 1. Notes corpus: 1,000 notes of ~300 words. The first pass is timed on its own (a cold start:
// V8 compiles each rule's RegExp on first use and optimises the hot code over the first passes);
// the figure reported is the steady state, the median of 5 further passes.
const corpus = notes(quick ? 200 : 1000, 300, 42);
const corpusMb = mb(corpus.join('\n'));
t0 = performance.now();
for (const n of corpus) core.analyse(n, set);
const firstPassMs = performance.now() - t0;
const runs = [];
const cpuRuns = [];
let findings = 0;
for (let rep = 0; rep < 5; rep++) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  findings = 0;
  for (const n of corpus) findings += core.analyse(n, set).findings.length;
  runs.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuRuns.push((c.user + c.system) / 1000);
}
const notesMs = median(runs);
const notesCpuMs = median(cpuRuns);
// CPU time is reported beside wall-clock time: on a shared machine wall-clock swings with load.
results.notes = { documents: corpus.length, mb: corpusMb, ms: notesMs, mbPerSec: corpusMb / (notesMs / 1000), cpuMs: notesCpuMs, cpuMbPerSec: corpusMb / (notesCpuMs / 1000), findings, firstPassMs, firstPassMbPerSec: corpusMb / (firstPassMs / 1000) };

// 2. A 2,000-word plan: latency over repeated runs after warm-up, reading the Markdown included.
function planLatency(markdownText) {
  const analysePlan = () => core.analyse(core.readers.markdown(markdownText, 'plan.md'), set);
  for (let i = 0; i < 30; i++) analysePlan();
  const lat = [];
  for (let i = 0; i < (quick ? 100 : 300); i++) {
    const s = performance.now();
    analysePlan();
    lat.push(performance.now() - s);
  }
  return { medianMs: median(lat), p95Ms: pct(lat, 95) };
}
const planText = plan(rng(3), 2000);
results.plan = { words: planText.split(/\s+/).length, ...planLatency(planText) };
// The same plan with inline markup (bold headings, emphasis, a link): plain Markdown takes the
// reader's line-by-line fast path; this one goes through the full CommonMark parser.
const richText = planText
  .replace(/^(#{2,}) (.*)$/gm, '$1 **$2**')
  .replace(/^(\w+) /gm, '*$1* ')
  .replace(/\n\n/, '\n\nSee [the council’s guidance](https://example.org/guidance) first.\n\n');
results.richPlan = planLatency(richText);

// 3. One 10 MB file, in a child process so peak memory is its own.
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-big'], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (child.status === 0) {
  const big = JSON.parse(child.stdout);
  results.big = { mb: big.mb, ms: big.ms, mbPerSec: big.mb / (big.ms / 1000), peakRssMb: big.maxRssMb, findings: big.findings };
} else {
  results.big = { error: child.stderr.slice(0, 500) };
}

// 4. alex on the same notes corpus, in the same run.
if (!args.has('--no-alex')) {
  const { text: alexText } = await import('alex');
  const alexCorpus = corpus;
  // The same protocol as ours: one warm-up pass over the corpus, then timed (one pass: alex is slow).
  for (const n of alexCorpus) alexText(n);
  t0 = performance.now();
  const c0 = process.cpuUsage();
  let alexMessages = 0;
  for (const n of alexCorpus) alexMessages += alexText(n).messages.length;
  const alexMs = performance.now() - t0;
  const ac = process.cpuUsage(c0);
  const alexCpuMs = (ac.user + ac.system) / 1000;
  results.alex = { ms: alexMs, mbPerSec: corpusMb / (alexMs / 1000), cpuMs: alexCpuMs, cpuMbPerSec: corpusMb / (alexCpuMs / 1000), messages: alexMessages };
  results.ratioToAlex = results.notes.mbPerSec / results.alex.mbPerSec;
  results.cpuRatioToAlex = results.notes.cpuMbPerSec / results.alex.cpuMbPerSec;
}

// 5. Optional parts owned by the CLI and server: run them if present.
function sub(script, flag) {
  const path = join(here, script);
  if (args.has(flag) || !existsSync(path)) return undefined;
  const r = spawnSync(process.execPath, [path, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', timeout: 10 * 60 * 1000, maxBuffer: 16 << 20 });
  return { status: r.status, out: (r.stdout || '').trim(), err: r.status === 0 ? '' : (r.stderr || '').trim().slice(-2000) };
}
const cliJobs = sub('cli-jobs.mjs', '--no-cli');
const serverLoad = sub('server-load.mjs', '--no-server');
const audit = sub('audit.mjs', '--no-audit');

// Report.
const lines = [];
lines.push(`sourdough benchmark — ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}`);
lines.push(`rule set: ${results.rules} rules, compiled in ${fmt(results.compileMs, 1)} ms`);
lines.push('');
lines.push(`notes corpus: ${results.notes.documents} notes, ${fmt(results.notes.mb)} MB, ${results.notes.findings} findings`);
lines.push(`  sourdough: ${fmt(results.notes.mbPerSec)} MB/s wall (${fmt(results.notes.ms, 0)} ms), ${fmt(results.notes.cpuMbPerSec)} MB/s CPU   target ≥ 10 MB/s`);
lines.push(`             (first, cold pass: ${fmt(results.notes.firstPassMbPerSec)} MB/s wall, ${fmt(results.notes.firstPassMs, 0)} ms)`);
if (results.alex) {
  lines.push(`  alex:      ${fmt(results.alex.mbPerSec, 3)} MB/s wall (${fmt(results.alex.ms, 0)} ms), ${fmt(results.alex.cpuMbPerSec, 3)} MB/s CPU`);
  lines.push(`  ratio:     ${fmt(results.ratioToAlex, 1)}× alex's throughput (wall), ${fmt(results.cpuRatioToAlex, 1)}× (CPU)   target ≥ 20×`);
}
lines.push(`  load average at start: ${results.machine.load}`);
lines.push(`2,000-word plan (${results.plan.words} words): median ${fmt(results.plan.medianMs)} ms, p95 ${fmt(results.plan.p95Ms)} ms   target median ≤ 5 ms`);
lines.push(`  the same plan with emphasis and a link (full Markdown parser): median ${fmt(results.richPlan.medianMs)} ms, p95 ${fmt(results.richPlan.p95Ms)} ms`);
if (results.big.error) lines.push(`10 MB file: failed: ${results.big.error}`);
else lines.push(`10 MB file: ${fmt(results.big.mbPerSec)} MB/s (${fmt(results.big.ms, 0)} ms), peak RSS ${fmt(results.big.peakRssMb, 0)} MB   target ≤ 300 MB`);
for (const [name, r] of [['check --jobs 2 vs --jobs 1', cliJobs], ['server load test', serverLoad], ['audit', audit]]) {
  if (!r) continue;
  lines.push('');
  lines.push(`${name}:${r.status === 0 ? '' : ` (exit ${r.status})`}`);
  if (r.out) lines.push(...r.out.split('\n').map((l) => `  ${l}`));
  if (r.err) lines.push(...r.err.split('\n').map((l) => `  ${l}`));
}
console.log(lines.join('\n'));
if (args.has('--json')) console.log(JSON.stringify(results, null, 2));
