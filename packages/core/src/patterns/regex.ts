/**
 * The `regex` pattern kind: an escape hatch, refused at load unless it compiles and is safe from
 * catastrophic backtracking. Safety is a star-height check on the regexpp syntax tree: a repeated
 * element (a variable count with max > 1) must not contain another repeated element. Unlike safe-regex2, an optional
 * group (`(?:very\s+)?`, max 1) and look-behind are allowed, since neither repeats.
 *
 * A second check refuses the regexes whose cost grows with the square of a sentence's length: an
 * unbounded repetition of something that matches both a letter and a space (`.*`, `[^.]+`,
 * `[\w\s]*`) inside a look-behind, or where a match can begin. V8 tries such a regex at every
 * position, and each try reads on (or back) to the end of the sentence, so one long run-on line
 * costs its length squared. A bound (`.{0,60}`) makes it linear. Pure.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Node, Pattern, Quantifier } from '@eslint-community/regexpp/ast';
import { SourdoughError } from '../errors.js';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** The alternatives of a node that holds them (a pattern, a group, a look-ahead or look-behind), else undefined. */
function alternativesOf(node: Node): Alternative[] | undefined {
  if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup') return node.alternatives;
  if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) return node.alternatives;
  return undefined;
}

/** Does any quantifier that repeats (max > 1) contain another quantifier that repeats? */
function nestedRepeat(node: Node, insideRepeat: boolean): boolean {
  if (node.type === 'Quantifier') {
    // A fixed count (\d{3}) is a plain sequence; only a variable count can backtrack.
    const repeats = node.max > 1 && node.min !== node.max;
    if (repeats && insideRepeat) return true;
    return nestedRepeat(node.element, insideRepeat || repeats);
  }
  return alternativesOf(node)?.some((a) => a.elements.some((e) => nestedRepeat(e, insideRepeat))) ?? false;
}

/** Does an unbounded repetition of this element read across words (match both a letter and a space)? */
function broadUnbounded(node: Quantifier, flags: string): boolean {
  if (node.max !== Infinity) return false;
  try {
    const one = new RegExp(`^(?:${node.element.raw})$`, flags.replace(/[gy]/g, ''));
    return one.test(' ') && (one.test('a') || one.test('A'));
  } catch {
    return false;
  }
}

/** Is there a broad unbounded repetition anywhere under `node`? */
function anyBroad(node: Node, flags: string): Quantifier | undefined {
  if (node.type === 'Quantifier') return broadUnbounded(node, flags) ? node : anyBroad(node.element, flags);
  for (const a of alternativesOf(node) ?? []) for (const e of a.elements) {
    const q = anyBroad(e, flags);
    if (q) return q;
  }
  return undefined;
}

/**
 * A broad unbounded repetition where a match can begin: past any zero-width assertions and
 * optional elements at the front of each alternative. An alternative that opens with `^` (no `m`
 * flag) is tried at the start only, so it costs one read.
 */
function leadingBroad(alternatives: Alternative[], flags: string): Quantifier | undefined {
  for (const a of alternatives) {
    for (const e of a.elements) {
      if (e.type === 'Assertion' && e.kind === 'start' && !flags.includes('m')) break;
      if (e.type === 'Assertion') continue;
      if (e.type === 'Quantifier') {
        if (broadUnbounded(e, flags)) return e;
        const inner = e.element.type === 'Group' || e.element.type === 'CapturingGroup' ? leadingBroad(e.element.alternatives, flags) : undefined;
        if (inner) return inner;
        if (e.min === 0) continue;
        break;
      }
      if (e.type === 'Group' || e.type === 'CapturingGroup') {
        const inner = leadingBroad(e.alternatives, flags);
        if (inner) return inner;
      }
      break;
    }
  }
  return undefined;
}

/** A broad unbounded repetition inside a look-behind, anywhere in the pattern. */
function lookBehindBroad(node: Node, flags: string): Quantifier | undefined {
  if (node.type === 'Assertion' && node.kind === 'lookbehind') return anyBroad(node, flags);
  if (node.type === 'Quantifier') return lookBehindBroad(node.element, flags);
  for (const a of alternativesOf(node) ?? []) for (const e of a.elements) {
    const q = lookBehindBroad(e, flags);
    if (q) return q;
  }
  return undefined;
}

/** Does any element under these alternatives repeat (a quantifier with max > 1)? */
function repeatsIn(alternatives: Alternative[]): boolean {
  return alternatives.some((a) =>
    a.elements.some((e) => {
      if (e.type === 'Quantifier') return e.max > 1 || ((e.element.type === 'Group' || e.element.type === 'CapturingGroup') && repeatsIn(e.element.alternatives));
      return (e.type === 'Group' || e.type === 'CapturingGroup') && repeatsIn(e.alternatives);
    }),
  );
}

/**
 * A look-behind that opens an alternative (or a group that opens one) and costs more than one
 * character's check — positive, or negative and holding a repetition (`\s+`, `{0,30}`) — as its
 * source, or undefined. V8 tries it at every position of the sentence; `\b` or a look-ahead in
 * front lets the engine skip the positions that cannot match. Not refused at load (its cost is
 * linear), but the built-in rules are held to it by their tests (docs/writing-rules.md).
 */
export function costlyOpeningLookBehind(source: string, flags = ''): string | undefined {
  const open = (alternatives: Alternative[]): string | undefined => {
    for (const a of alternatives) {
      const first = a.elements[0];
      if (!first) continue;
      if (first.type === 'Assertion' && first.kind === 'lookbehind' && (!first.negate || repeatsIn(first.alternatives))) return first.raw;
      if (first.type === 'Group' || first.type === 'CapturingGroup') {
        const inner = open(first.alternatives);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return open(parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') }).alternatives);
}

/** Why a regex source is refused, or undefined when it is safe. */
export function regexProblem(source: string, flags = ''): string | undefined {
  let pattern: Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch (err) {
    return `does not parse: ${(err as Error).message}`;
  }
  if (nestedRepeat(pattern, false)) return 'could backtrack catastrophically (nested quantifiers); rewrite it without a repeated group that itself repeats';
  const behind = lookBehindBroad(pattern, flags);
  if (behind) return `could be very slow on a long sentence: \`${behind.raw}\` inside a look-behind reads back to the start of the sentence at every place it is tried; give it an upper bound, such as \`${bounded(behind)}\``;
  const leading = leadingBroad(pattern.alternatives, flags);
  if (leading) return `could be very slow on a long sentence: a match can begin with \`${leading.raw}\`, which is tried at every position and reads on to the end of the sentence each time; start with a word, or give it an upper bound, such as \`${bounded(leading)}\``;
  return undefined;
}

/** The repetition with an upper bound, for the message. */
function bounded(q: Quantifier): string {
  return `${q.element.raw}{${q.min},${Math.max(60, 2 * q.min)}}${q.greedy ? '' : '?'}`;
}

/**
 * True when a regex source is safe: no catastrophic (exponential) backtracking, and no cost that
 * grows with the square of a sentence's length.
 */
export function isSafeRegex(source: string, flags = ''): boolean {
  return regexProblem(source, flags) === undefined;
}

/**
 * A rule regex's "n't" (written `n['’]t`, `n't` or `n’t`) also matches it without the apostrophe,
 * as hurried notes spell it ("wasnt allowed", "wont let him", "doesnt want"): `n['’]?t`. (Terms do
 * the same in patterns/terms.ts.) Not inside a character class.
 */
export function bareNt(source: string): string {
  return source.replace(/n(?:\['’\]|['’])t(?![^\[]*\])/g, "n['’]?t");
}

/** Compile a rule regex (global) or throw SD_ERR_RULE_REGEX naming the rule. */
export function compileRegex(source: string, caseSensitive: boolean | undefined, ruleId: string, file?: string, trusted = false): RegExp {
  source = bareNt(source);
  let re: RegExp;
  try {
    re = new RegExp(source, caseSensitive ? 'g' : 'gi');
  } catch (err) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex does not compile: ${(err as Error).message}`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  if (trusted) return re;
  const problem = regexProblem(source, re.flags);
  if (problem !== undefined) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex /${source}/ ${problem}`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  if (re.test('')) {
    throw new SourdoughError('SD_ERR_RULE_REGEX', `${file ?? ruleId}: regex /${source}/ matches the empty string`, file ? { file, field: 'patterns.regex' } : { field: 'patterns.regex' });
  }
  re.lastIndex = 0;
  return re;
}
