/**
 * The `regex` pattern kind: an escape hatch, refused at load unless it compiles and is safe from
 * catastrophic backtracking. Safety is a star-height check on the regexpp syntax tree: a repeated
 * element (a variable count with max > 1) must not contain another repeated element. Unlike safe-regex2, an optional
 * group (`(?:very\s+)?`, max 1) and look-behind are allowed, since neither repeats. Pure.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Node } from '@eslint-community/regexpp/ast';
import { SourdoughError } from '../errors.js';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** Does any quantifier that repeats (max > 1) contain another quantifier that repeats? */
function nestedRepeat(node: Node, insideRepeat: boolean): boolean {
  if (node.type === 'Quantifier') {
    // A fixed count (\d{3}) is a plain sequence; only a variable count can backtrack.
    const repeats = node.max > 1 && node.min !== node.max;
    if (repeats && insideRepeat) return true;
    return nestedRepeat(node.element, insideRepeat || repeats);
  }
  if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup' || (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind'))) {
    return node.alternatives.some((a) => a.elements.some((e) => nestedRepeat(e, insideRepeat)));
  }
  return false;
}

/** True when a regex source is safe from catastrophic (exponential) backtracking. */
export function isSafeRegex(source: string, flags = ''): boolean {
  try {
    const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
    return !nestedRepeat(pattern, false);
  } catch {
    return false;
  }
}

/** Compile a rule regex (global) or throw SD_ERR_RULE_REGEX naming the rule. */
export function compileRegex(source: string, caseSensitive: boolean | undefined, ruleId: string, file?: string, trusted = false): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, caseSensitive ? 'g' : 'gi');
  } catch (err) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex does not compile: ${(err as Error).message}`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  if (trusted) return re;
  if (!isSafeRegex(source, re.flags)) {
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
