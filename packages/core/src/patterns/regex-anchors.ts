/**
 * Required literals of a rule regex, so the engine can run it only on sentences that could match.
 * Parses the regex (regexpp, the parser ESLint uses) and computes a set of lower-case strings at
 * least one of which must occur in any match — like a code-search index's required substrings.
 * A regex with no such string of at least MIN_LITERAL characters is "unanchored" and has to be run
 * over the whole text. Pure; runs once per rule at compile time.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element, Node, Pattern } from '@eslint-community/regexpp/ast';

/** Shortest literal worth filtering on. */
export const MIN_LITERAL = 3;
/** Beyond this many alternatives a constraint is not worth keeping. */
const MAX_SET = 64;

/** At least one of these strings must appear (lower case); `null` means no constraint. */
type Req = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2024 });

function score(req: Req): number {
  if (!req || req.length === 0) return -1;
  return Math.min(...req.map((s) => s.trim().length)) * 1000 - req.length;
}

function best(candidates: Req[]): Req {
  let chosen: Req = null;
  for (const c of candidates) if (score(c) > score(chosen)) chosen = c;
  return chosen;
}

function union(reqs: Req[]): Req {
  if (reqs.length === 0 || reqs.some((r) => r === null)) return null;
  const out = [...new Set(reqs.flat() as string[])];
  return out.length > MAX_SET ? null : out;
}

/** A single character an element always matches (case-folded), if it is one. */
function literalChar(el: Element): string | undefined {
  if (el.type === 'Character') return String.fromCodePoint(el.value).toLowerCase();
  if (el.type === 'CharacterClass' && !el.negate && el.elements.length >= 1 && el.elements.length <= 2) {
    const chars = el.elements.map((e) => (e.type === 'Character' ? String.fromCodePoint(e.value).toLowerCase() : undefined));
    if (chars.every((c) => c !== undefined && c === chars[0])) return chars[0];
  }
  return undefined;
}

function isZeroWidth(el: Element): boolean {
  return el.type === 'Assertion';
}

function alternative(alt: Alternative): Req {
  const candidates: Req[] = [];
  let run = '';
  const flush = (): void => {
    if (run) candidates.push([run]);
    run = '';
  };
  for (const el of alt.elements) {
    const ch = literalChar(el);
    if (ch !== undefined) {
      run += ch;
      continue;
    }
    if (isZeroWidth(el)) continue; // \b, ^, $, look-arounds consume nothing
    flush();
    candidates.push(element(el));
  }
  flush();
  return best(candidates);
}

function alternatives(alts: Alternative[]): Req {
  return union(alts.map(alternative));
}

function element(el: Element | Node): Req {
  switch (el.type) {
    case 'Group':
    case 'CapturingGroup':
      return alternatives(el.alternatives);
    case 'Quantifier':
      return el.min >= 1 ? element(el.element) : null;
    case 'Character': {
      return [String.fromCodePoint(el.value).toLowerCase()];
    }
    default:
      return null;
  }
}

/**
 * The required literals of a regex source, or `null` when it has none of at least MIN_LITERAL
 * characters (then it must be run over the whole text).
 */
export function requiredLiterals(source: string, flags = 'i'): string[] | null {
  let pattern: Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    return null;
  }
  const req = alternatives(pattern.alternatives);
  if (!req || req.some((s) => s.trim().length < MIN_LITERAL)) return null;
  return req;
}
