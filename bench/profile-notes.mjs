// Profiling helper: analyses the notes corpus N times so `node --cpu-prof` has enough samples.
import { notes } from './corpus.mjs';
const core = await import('@sourdough/core');
const set = core.builtinRuleSet();
const corpus = notes(1000, 300, 42);
const reps = Number(process.argv[2] ?? 10);
for (const n of corpus.slice(0, 100)) core.analyse(n, set);
const t0 = performance.now();
const c0 = process.cpuUsage();
let f = 0;
for (let r = 0; r < reps; r++) for (const n of corpus) f += core.analyse(n, set).findings.length;
const ms = (performance.now() - t0) / reps;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1000 / reps;
console.log(`${ms.toFixed(1)} ms per pass (CPU ${cpu.toFixed(1)} ms), ${(1.77 / (ms / 1000)).toFixed(2)} MB/s wall, ${(1.77 / (cpu / 1000)).toFixed(2)} MB/s CPU, ${f / reps} findings`);
