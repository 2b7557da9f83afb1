// Two builds of the engine compared in one process, pass by pass, for a noisy shared machine where
// separate runs swing by a third: `node bench/ab.mjs <rootA> <rootB> [notes|plan] [rounds]`.
// Each root is a checkout with a built packages/core/dist (e.g. a clone at an older commit).
// Prints each build's fastest and median pass and the median of B/A over the rounds. For where
// the time went, run it under `node --cpu-prof` and count each build's samples apart (the files
// of the two builds have different paths). Synthetic corpus only (corpus.mjs).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { notes, plan, rng } from './corpus.mjs';

const [ra, rb, kind = 'notes', roundsArg = '12'] = process.argv.slice(2);
if (!ra || !rb || !['notes', 'plan'].includes(kind)) {
  console.error('usage: node bench/ab.mjs <rootA> <rootB> [notes|plan] [rounds]');
  process.exit(2);
}
const load = (root) => import(pathToFileURL(path.resolve(root, 'packages/core/dist/index.js')).href);
const A = await load(ra);
const B = await load(rb);
const sa = A.builtinRuleSet();
const sb = B.builtinRuleSet();
const texts = kind === 'plan' ? Array.from({ length: 40 }, (_, i) => plan(rng(100 + i), 2000)) : notes(500, 300, 42);
const run = (core, set) => {
  const t0 = performance.now();
  for (const t of texts) core.analyse(kind === 'plan' ? core.readers.markdown(t, 'plan.md') : core.readers.text(t), set);
  return performance.now() - t0;
};
for (let i = 0; i < 3; i++) {
  run(A, sa);
  run(B, sb);
}
const ta = [];
const tb = [];
for (let i = 0; i < Number(roundsArg); i++) {
  // Alternate which build goes first, so neither always follows the other's garbage.
  if (i % 2) {
    ta.push(run(A, sa));
    tb.push(run(B, sb));
  } else {
    tb.push(run(B, sb));
    ta.push(run(A, sa));
  }
}
const sorted = (t) => [...t].sort((x, y) => x - y);
const show = (t) => `fastest ${sorted(t)[0].toFixed(1)} ms, median ${sorted(t)[t.length >> 1].toFixed(1)} ms`;
const ratios = sorted(ta.map((a, i) => tb[i] / a));
console.log(`${kind}, ${texts.length} documents a pass, ${ta.length} rounds`);
console.log(`  A ${ra}: ${show(ta)}`);
console.log(`  B ${rb}: ${show(tb)}`);
console.log(`  B/A: median ${ratios[ratios.length >> 1].toFixed(3)} (range ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)})`);
