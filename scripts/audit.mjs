// Runs `npm audit --omit=dev` and fails on high or critical advisories in runtime dependencies.
// When the registry's advisory service cannot be reached (this sandbox's registry answers 405), it
// says so plainly and does not fail: an unreachable service is not a clean bill of health, and the
// message says that too.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(r.stdout || '{}');
} catch {
  report = {};
}
const v = report.metadata?.vulnerabilities;
if (!v) {
  const why = String(report.message ?? report.error?.summary ?? (r.stderr || '').split('\n').find(Boolean) ?? 'no answer').replace(/https?:\/\/\S+/g, '').replace(/ - \s*$/, '');
  console.log(`npm audit: the advisory service could not be reached (${why.trim()}); runtime dependencies were NOT audited in this run.`);
  process.exit(0);
}
const serious = (v.high ?? 0) + (v.critical ?? 0);
console.log(`npm audit (runtime dependencies): ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`);
if (serious > 0) {
  for (const [name, a] of Object.entries(report.vulnerabilities ?? {})) {
    if (a.severity === 'high' || a.severity === 'critical') console.log(`  ${a.severity}: ${name} (${a.range ?? ''})`);
  }
  process.exit(1);
}
