// Two builds of the engine compared on a noisy shared machine: `node bench/ab.mjs <rootA> <rootB>
// [notes|plan] [rounds]`. Each root is a checkout with a built packages/core/dist (e.g. a clone at
// an older commit).
//
// Each build runs in a process of its own, the two alternating round by round (A then B, then B
// then A, …), and each process reports the CPU time (`process.cpuUsage`, user + system) of its
// passes over the same synthetic corpus (corpus.mjs) after a warm-up. CPU time, not wall clock,
// so time spent waiting for a core other work holds is not counted; each process's fastest pass,
// so the passes a collection or another process slowed are passed over. Printed: each build's
// fastest and median pass, and B/A over the rounds (the median of each round's ratio of fastest
// passes, with the range).
//
// Why not both builds in one process, pass by pass (as this script did until 2026-11-27): there the
// build loaded second ran 1.48× and 1.59× the time of the first on plans, whichever it was, while
// separate processes found the two the same within 2%. For where the time goes, run one build
// under `node --cpu-prof bench/ab.mjs --child <root> plan 30`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { notes, plan, rng } from './corpus.mjs';

const WARM_UP = 5;
const PASSES = 11;

if (process.argv[2] === '--child') {
  const [root, kind, passesArg] = process.argv.slice(3);
  const core = await import(pathToFileURL(path.resolve(root, 'packages/core/dist/index.js')).href);
  const set = core.builtinRuleSet();
  const texts = kind === 'plan' ? Array.from({ length: 40 }, (_, i) => plan(rng(100 + i), 2000)) : notes(500, 300, 42);
  const pass = () => {
    const cpu = process.cpuUsage();
    for (const t of texts) core.analyse(kind === 'plan' ? core.readers.markdown(t, 'plan.md') : core.readers.text(t), set);
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < WARM_UP; i++) pass();
  const times = [];
  for (let i = 0; i < Number(passesArg ?? PASSES); i++) times.push(pass());
  process.stdout.write(JSON.stringify({ documents: texts.length, times }));
} else {
  const [ra, rb, kind = 'notes', roundsArg = '8'] = process.argv.slice(2);
  if (!ra || !rb || !['notes', 'plan'].includes(kind) || !(Number(roundsArg) >= 1)) {
    console.error('usage: node bench/ab.mjs <rootA> <rootB> [notes|plan] [rounds]');
    process.exit(2);
  }
  const self = fileURLToPath(import.meta.url);
  const run = (root) => {
    const r = spawnSync(process.execPath, [self, '--child', root, kind, String(PASSES)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      console.error(`bench/ab.mjs: the build at ${root} failed:\n${r.stderr}`);
      process.exit(1);
    }
    return JSON.parse(r.stdout);
  };
  const sorted = (t) => [...t].sort((x, y) => x - y);
  const fastest = (t) => sorted(t)[0];
  const median = (t) => sorted(t)[t.length >> 1];
  const ta = [];
  const tb = [];
  const ratios = [];
  let documents = 0;
  for (let i = 0; i < Number(roundsArg); i++) {
    // Alternate which build goes first, so neither always meets the machine in the same phase.
    let a;
    let b;
    if (i % 2) {
      a = run(ra);
      b = run(rb);
    } else {
      b = run(rb);
      a = run(ra);
    }
    documents = a.documents;
    ta.push(...a.times);
    tb.push(...b.times);
    ratios.push(fastest(b.times) / fastest(a.times));
    process.stderr.write(`round ${i + 1}: B/A ${ratios[i].toFixed(3)}\n`);
  }
  const r = sorted(ratios);
  const show = (t) => `fastest ${fastest(t).toFixed(1)} ms, median ${median(t).toFixed(1)} ms of CPU a pass`;
  console.log(`${kind}, ${documents} documents a pass, ${ratios.length} rounds of ${PASSES} passes, each build in its own process`);
  console.log(`  A ${ra}: ${show(ta)}`);
  console.log(`  B ${rb}: ${show(tb)}`);
  console.log(`  B/A: median ${median(ratios).toFixed(3)} (range ${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)})`);
}
