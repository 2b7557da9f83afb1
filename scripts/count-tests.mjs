// Sums vitest's JSON reports (packages/*/test-results.json) and prints "N passed, N failed".
// Exits 1 when a package that has tests wrote no report, or when nothing ran at all.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
let missing = 0;
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'test'))) continue;
  const file = join(dir, 'test-results.json');
  if (!existsSync(file)) {
    console.log(`${pkg}: no test report (tests did not run)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) || (r.numFailedTestSuites ?? 0);
}
console.log(`${passed} passed, ${failed + missing} failed`);
process.exit(failed + missing > 0 || passed === 0 ? 1 : 0);
