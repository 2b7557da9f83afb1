/**
 * `npm run eval`: runs the development evaluation set (fixtures/eval/*.jsonl) through the built
 * engine (@sourdough/core's dist, with the bundled built-in rules) and prints per-category
 * precision, recall and F1, and the share of clean sentences and traps flagged; then how many
 * labels are still found with one slip of the keyboard in the trigger's long word (scoreSlips).
 * `--misses` also lists every false negative and false positive, for rule authors.
 * Exit code: 0 when every floor holds, 1 when one is broken, 2 when the data itself is broken.
 * Reads only the fixtures; prints only to stdout/stderr; writes nothing.
 */
import { analyse, builtinRuleSet, readers } from '@sourdough/core';
import { loadEvalSet, checkEvalSet, scoreEvalSet, formatEvalReport, floorFailures, scoreSlips, formatSlips } from './eval-lib.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: node scripts/eval.mjs [--misses]\n  --misses  list every false negative and false positive with its sentence');
  process.exit(0);
}

const { items } = loadEvalSet();
const problems = checkEvalSet(items);
if (problems.length) {
  console.error(`The evaluation set has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(2);
}
const ruleSet = builtinRuleSet();
const result = scoreEvalSet(items, (text) => analyse(readers.text(text), ruleSet).findings);
console.log(formatEvalReport(result, { misses: args.includes('--misses') }));
console.log(`\n${formatSlips(scoreSlips(items, (text) => analyse(readers.text(text), ruleSet).findings))}`);
process.exitCode = floorFailures(result).length ? 1 : 0;
