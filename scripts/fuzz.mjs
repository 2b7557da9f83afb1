// Longer fuzzing runs (`npm run fuzz`; not in CI): runs the same fast-check properties as
// `npm test` (packages/core/test/hardening/fuzz.test.ts and packages/readers/test/hardening/fuzz.test.ts)
// with many more cases per property. Options: --runs N (default 5,000 per property; or
// SOURDOUGH_FUZZ_RUNS), --seed N (SOURDOUGH_FUZZ_SEED) to replay a failure fast-check reported.
// Needs core built (the readers import @sourdough/core from dist). Exits with vitest's code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const runs = opt('--runs') ?? process.env.SOURDOUGH_FUZZ_RUNS ?? '5000';
const seed = opt('--seed') ?? process.env.SOURDOUGH_FUZZ_SEED;
const env = { ...process.env, SOURDOUGH_FUZZ_RUNS: runs, ...(seed ? { SOURDOUGH_FUZZ_SEED: seed } : {}) };
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');

let code = 0;
for (const pkg of ['core', 'readers']) {
  process.stdout.write(`\nfuzzing ${pkg}: ${runs} cases per property${seed ? `, seed ${seed}` : ''}\n`);
  const r = spawnSync(process.execPath, [vitest, 'run', '--root', join(root, 'packages', pkg), 'test/hardening/fuzz.test.ts', '--testTimeout', String(60 * 60 * 1000)], { env, stdio: 'inherit' });
  if (r.status !== 0) code = r.status ?? 1;
}
process.exit(code);
