/**
 * The `regex` pattern kind: an escape hatch, refused at load unless it is safe from catastrophic
 * backtracking (safe-regex2's star-height check) and compiles. Pure.
 */
import safeRegex from 'safe-regex2';
import { SourdoughError } from '../errors.js';

/** Compile a rule regex (global) or throw SD_ERR_RULE_REGEX naming the rule. */
export function compileRegex(source: string, caseSensitive: boolean | undefined, ruleId: string, file?: string, trusted = false): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, caseSensitive ? 'g' : 'gi');
  } catch (err) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex does not compile: ${(err as Error).message}`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  if (trusted) return re;
  if (!safeRegex(re, { limit: 25 })) {
    throw new SourdoughError(
      'SD_ERR_RULE_REGEX',
      `${file ?? ruleId}: regex /${source}/ could backtrack catastrophically (nested quantifiers); rewrite it without a repeated group that itself repeats`,
      file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' },
    );
  }
  if (re.test('')) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex /${source}/ matches the empty string`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  re.lastIndex = 0;
  return re;
}
