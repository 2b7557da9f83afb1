/**
 * Required literals of a rule regex, so the engine can run it only on sentences that could match.
 * Parses the regex (regexpp, the parser ESLint uses) and computes a set of lower-case strings at
 * least one of which must occur in any match — like a code-search index's required substrings.
 * Every literal starts at a word start in any match, so the engine only looks for them at word
 * starts. A regex with no such string of at least MIN_LITERAL characters is "unanchored" and has
 * to be run over the whole text. Pure; runs once per rule at compile time.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element, Node, Pattern } from '@eslint-community/regexpp/ast';
import { isKeySpace } from '../chars.js';

/** Shortest literal worth filtering on. */
export const MIN_LITERAL = 3;
/** Beyond this many alternatives a constraint is not worth keeping. */
const MAX_SET = 64;

/** At least one of these strings must appear (lower case); `null` means no constraint. */
type Req = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** Literals computed at build time for the built-in rules, keyed by `flags/source`. */
const primed = new Map<string, readonly [string[] | null, string[] | null]>();

/**
 * Register required and prefix literals computed ahead of time (the built-in rule bundle carries
 * them), so start-up need not parse every regex. Keys are `${flags}/${source}`.
 */
export function primeLiterals(table: Record<string, readonly [string[] | null, string[] | null]>): void {
  for (const [key, value] of Object.entries(table)) primed.set(key, value);
}


/**
 * Words so common in case notes that a regex anchored on them would run on almost every sentence.
 * A required set containing one is a last resort: any rarer required element is preferred.
 */
const COMMON = new Set(
  'the and but for with from that this these those there then than his her hers him she they them their theirs its our ours you your was were are been being has have had can could should would will shall may might must not nor did does done also very more most much many some any all each into onto over under about after before when where what which who whom whose why how out off own too just only even still well able needs need staff support care carer carers home visit visited day week today'.split(' '),
);

function score(req: Req): number {
  if (!req || req.length === 0) return -1;
  const words = req.map((s) => s.trim());
  const min = Math.min(...words.map((w) => w.length));
  if (min < MIN_LITERAL) return 0; // unusable as a filter
  if (words.some(isCommon)) return min;
  return min * 1000 - req.length;
}

/** A literal whose every word is a COMMON one or shorter than MIN_LITERAL ("the", "is a", "has to"). */
function isCommon(literal: string): boolean {
  return literal.split(' ').every((w) => w.length < MIN_LITERAL || COMMON.has(w));
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

/** Most characters a class may hold to be read as alternatives ("['’]", "[“‘\"']"). */
const MAX_CLASS = 4;

/**
 * The characters (case-folded, without repeats) of a small class of single characters that are
 * either all word characters or all separators, such as `['’]` or `[“‘"']`: the class matches
 * exactly one of them. Undefined for anything else (ranges, escapes, negated or mixed classes).
 */
function classChars(el: Element): string[] | undefined {
  if (el.type !== 'CharacterClass' || el.negate || el.elements.length < 1 || el.elements.length > MAX_CLASS) return undefined;
  const chars: string[] = [];
  for (const e of el.elements) {
    if (e.type !== 'Character') return undefined;
    const ch = String.fromCodePoint(e.value);
    // A separator must stay one under any case folding a flag could apply (ſ and K fold to s and k).
    if (!isWordChar(ch.toLowerCase()) && (isWordChar(ch.toUpperCase().toLowerCase()) || ch.toLowerCase() !== ch.toUpperCase().toLowerCase())) return undefined;
    const lower = ch.toLowerCase();
    if (!chars.includes(lower)) chars.push(lower);
  }
  const words = chars.filter(isWordChar).length;
  return words === 0 || words === chars.length ? chars : undefined;
}

/** A class of separator characters only (`['’]`): after it a word starts, as after a space. */
function isSeparatorClass(el: Element | Node): boolean {
  const chars = el.type === 'CharacterClass' ? classChars(el) : undefined;
  return !!chars && !chars.some(isWordChar);
}

/** Each of `runs` followed by each of `chars`, or undefined beyond MAX_SET strings. */
function extend(runs: string[], chars: string[]): string[] | undefined {
  const out: string[] = [];
  for (const r of runs) for (const c of chars) if (!out.includes(r + c)) out.push(r + c);
  return out.length > MAX_SET ? undefined : out;
}

function isWordChar(ch: string): boolean {
  return /[a-z0-9_]/.test(ch);
}

/**
 * True when the element matches one or more characters the scan's keys skip, and nothing else
 * (`\s`, `\s+`, ` +`, `[\s-]`): between two literals it reads as one space, which the key skips,
 * so the words either side of it make one literal ("his\s+wife": "his wife").
 */
function isSpaceRun(el: Element | Node): boolean {
  switch (el.type) {
    case 'Quantifier':
      return el.min >= 1 && isSpaceRun(el.element);
    case 'CharacterSet':
      return el.kind === 'space' && !el.negate;
    case 'Character':
      return isKeySpace(el.value);
    case 'CharacterClass':
      return !el.negate && el.elements.length > 0 && el.elements.every((e) => (e.type === 'CharacterSet' ? e.kind === 'space' && !e.negate : e.type === 'Character' && isKeySpace(e.value)));
    default:
      return false;
  }
}

/**
 * The strings an element of a literal run always matches one of (case-folded, a run of white space
 * as one space), or undefined when it is not such an element: a character, a small class (see
 * classChars), a run of white space, or a group whose every alternative is a sequence of these
 * (zero-width assertions aside), up to MAX_SET strings ("(?:his|her)\s+(?:wife|son)": "his wife",
 * "his son", "her wife", "her son"). Optional elements are not: they end a run.
 */
function pieceStrings(el: Element | Node, optional = false): string[] | undefined {
  const one = literalChar(el as Element);
  if (one !== undefined) return [one];
  const chars = classChars(el as Element);
  if (chars !== undefined) return chars;
  if (isSpaceRun(el)) return [' '];
  if (optional && el.type === 'Quantifier' && el.min === 0 && el.max === 1) {
    // (Only where asked: what a lookahead reads, " ?[.,;!]". In a run, an optional part ends it.)
    const inner = pieceStrings(el.element, optional);
    return inner && ['', ...inner.filter((s) => s !== '')];
  }
  if (el.type !== 'Group' && el.type !== 'CapturingGroup') return undefined;
  const out: string[] = [];
  for (const alt of el.alternatives) {
    let runs: string[] | undefined = [''];
    for (const e of alt.elements) {
      if (e.type === 'Assertion') continue; // consumes nothing
      const strings = pieceStrings(e, optional);
      if (!strings) return undefined;
      runs = extend(runs, strings);
      if (!runs) return undefined;
    }
    for (const r of runs) if (!out.includes(r)) out.push(r);
    if (out.length > MAX_SET) return undefined;
  }
  return out;
}

/**
 * Literal strings as the scan takes them: trailing white space dropped (a key skips it), repeats
 * and strings that hold another of them at a word start left out (see withoutHolders; for
 * prefixes, only those another begins), or null when one is empty.
 */
function literalsOf(strings: readonly string[], prefixes = false): string[] | null {
  const out = [...new Set(strings.map((s) => s.trimEnd()))];
  if (!out.every((s) => s.length > 0)) return null;
  // (Prefixes must begin every match, so only one a longer one begins with can stand for it.)
  return prefixes ? shortest(out) : withoutHolders(out);
}

/**
 * The last word of each string with what follows it ("cannot be " → "be "), when each has a
 * separator before that word (so the word starts a word); undefined otherwise, or when nothing is
 * shorter for it.
 */
function lastWords(runs: readonly string[]): string[] | undefined {
  if (!runs.length) return undefined;
  const out: string[] = [];
  for (const r of runs) {
    let end = r.length;
    while (end > 0 && !isWordChar(r[end - 1]!)) end--;
    let start = end;
    while (start > 0 && isWordChar(r[start - 1]!)) start--;
    if (start === 0 || end === 0) return undefined;
    const tail = r.slice(start);
    if (!out.includes(tail)) out.push(tail);
  }
  return out.length < runs.length ? out : undefined;
}

/** True when every string is non-empty and ends in a separator (an empty one: when `empty` says so). */
function allEndInSeparator(strings: readonly string[], empty: boolean): boolean {
  return strings.every((s) => (s ? !isWordChar(s[s.length - 1]!) : empty));
}

/** A zero-width assertion after which a word starts (\b, ^, a look-behind for a non-word). */
function isBoundary(el: Element): boolean {
  return el.type === 'Assertion' && (el.kind === 'word' ? !el.negate : el.kind === 'start');
}

/**
 * Required literals of a sequence. Every literal returned starts at a word start in any match
 * (it follows \b, ^, a non-word character, or the start of a sequence that itself starts at a
 * word start), so the engine can look for it at word starts only.
 */
function alternative(alt: Alternative, atStart: boolean, ahead: boolean): Req {
  const candidates: Req[] = [];
  // The literal text read so far, as the strings it may be (a small class makes several: "s '",
  // 's "'); empty when none is being read.
  let runs: string[] = [];
  let runAtStart = atStart;
  let boundary = atStart;
  const flush = (): void => {
    if (runs.length) {
      if (runAtStart) {
        // Separators a group put first are not part of the literal: the word after them starts
        // a word. A string of separators only (or none) says nothing.
        const words = literalsOf(runs.map((r) => r.replace(/^[^a-z0-9_]+/, '')));
        if (words) candidates.push(words);
      } else {
        // Keep the part after the first non-word character: that part starts a word. Every
        // string the run may be must leave such a part, or the run says nothing.
        const rests: string[] = [];
        for (const run of runs) {
          const i = [...run].findIndex((c) => !isWordChar(c));
          const rest = i >= 0 ? run.slice(i).replace(/^[^a-z0-9_]+/, '') : '';
          if (!rest) {
            rests.length = 0;
            break;
          }
          if (!rests.includes(rest)) rests.push(rest);
        }
        const words = rests.length ? literalsOf(rests) : null;
        if (words) candidates.push(words);
      }
    }
    runs = [];
  };
  for (const el of alt.elements) {
    const chars = pieceStrings(el);
    if (chars !== undefined) {
      if (!runs.length && chars.every((c) => c && !/[a-z0-9_]/.test(c))) {
        // Leading separators are not part of the literal; the word after them starts a word.
        boundary = true;
        continue;
      }
      const after = allEndInSeparator(chars, runs.length ? allEndInSeparator(runs, runAtStart) : boundary);
      if (!runs.length) runAtStart = boundary;
      const next = extend(runs.length ? runs : [''], chars);
      if (!next) {
        // Too many strings: what was read so far is one literal, and a new one starts here — with
        // the last word read, when that leaves few enough ("cannot be", "could not be" … then 8
        // verbs: "be agreed", "be approved" …, not every "agreed").
        const at = runs.length ? allEndInSeparator(runs, runAtStart) : boundary;
        const tails = lastWords(runs);
        const fromTails = tails && extend(tails, chars);
        flush();
        if (fromTails) {
          runs = fromTails;
          runAtStart = true; // each last word follows a separator
        }
        else if (chars.length <= MAX_SET) {
          runs = chars;
          runAtStart = at;
        }
        boundary = after;
        continue;
      }
      runs = next;
      boundary = after;
      continue;
    }
    if (el.type === 'Assertion') {
      if (ahead && el.kind === 'lookahead' && !el.negate) {
        // What a positive lookahead requires is in the text as well (the engine runs a regex on
        // one sentence at a time, so it is in the same sentence): its literals can filter too
        // ("not an(?=\s+eligible\s+needs?\b)" is found by "eligible"). It consumes nothing, so
        // the run of literals around it goes on.
        candidates.push(alternatives(el.alternatives, runs.length ? allEndInSeparator(runs, runAtStart) : boundary, ahead));
        // The literal read so far, followed by what the lookahead reads, is in the text too
        // ("difficult(?= with| towards| ?[.,;!])": "difficult with", "difficult." …).
        if (runs.length) {
          const ahead = pieceStrings({ type: 'Group', alternatives: el.alternatives } as unknown as Node, true);
          const joined = ahead && extend(runs, ahead);
          if (joined) {
            const kept = runs;
            runs = joined;
            flush();
            runs = kept;
          }
        }
        continue;
      }
      if (isBoundary(el) && !runs.length) boundary = true;
      continue; // zero-width: consumes nothing
    }
    if (runs.length) {
      // A group that is not all literal but whose every branch begins with literal text
      // ("(?:him|her|them|(?:Mr|Mrs|Ms|Miss) [A-Z]…)"): the literal read so far followed by one of
      // those beginnings is in the text too ("told him", "told her", "told mr" …). The run ends
      // there, as it would at the group.
      const leads = leadsOf(el);
      const joined = leads && extend(runs, leads);
      if (joined) runs = joined;
    }
    flush();
    candidates.push(element(el, boundary, ahead));
    // After an element a word starts if the element always ends in a separator, or may be
    // empty where a word was about to start ("(?:very )?rude").
    boundary = endsWithSeparator(el) || (boundary && mayBeEmpty(el) && endsWithSeparatorOrEmpty(el));
  }
  flush();
  return best(candidates);
}

/**
 * The literal text every match of a group begins with, as the strings it may be (case-folded, a
 * run of white space as one space), when each branch begins with some: a branch's literal elements
 * (see pieceStrings) up to its first other element, zero-width assertions passed over, and into a
 * group there that itself has such beginnings. Undefined when a branch begins with anything else
 * (a class, an optional part), for a group that may be skipped, or past MAX_SET strings.
 */
function leadsOf(el: Element | Node): string[] | undefined {
  const group = el.type === 'Quantifier' && el.min >= 1 ? el.element : el;
  if (group.type !== 'Group' && group.type !== 'CapturingGroup') return undefined;
  const out: string[] = [];
  for (const alt of group.alternatives) {
    let runs: string[] = [''];
    for (const e of alt.elements) {
      if (e.type === 'Assertion') continue; // consumes nothing
      const strings = pieceStrings(e);
      const next = strings ? extend(runs, strings) : (() => {
        const inner = leadsOf(e);
        return inner && extend(runs, inner);
      })();
      if (!next) break;
      runs = next;
      if (!strings) break; // only the beginning of that group is known
    }
    if (runs.some((r) => r === '')) return undefined;
    for (const r of runs) if (!out.includes(r)) out.push(r);
    if (out.length > MAX_SET) return undefined;
  }
  return out;
}

/** True when every way through the element ends with a non-word character. */
function endsWithSeparator(el: Element | Node): boolean {
  switch (el.type) {
    case 'Group':
    case 'CapturingGroup':
      return el.alternatives.every((a) => {
        const last = a.elements[a.elements.length - 1];
        return last !== undefined && endsWithSeparator(last);
      });
    case 'Quantifier':
      return el.min >= 1 && endsWithSeparator(el.element);
    default: {
      const ch = literalChar(el as Element);
      if (ch !== undefined) return !isWordChar(ch);
      if (el.type === 'CharacterSet') return el.kind === 'space' && !el.negate;
      return isSeparatorClass(el);
    }
  }
}

/** True when the element can match the empty string. */
function mayBeEmpty(el: Element | Node): boolean {
  if (el.type === 'Quantifier') return el.min === 0 || mayBeEmpty(el.element);
  if (el.type === 'Group' || el.type === 'CapturingGroup') return el.alternatives.some((a) => a.elements.every((e) => mayBeEmpty(e)));
  return el.type === 'Assertion';
}

/** Every non-empty way through the element ends in a separator. */
function endsWithSeparatorOrEmpty(el: Element | Node): boolean {
  if (el.type === 'Quantifier') return endsWithSeparatorOrEmpty(el.element);
  if (el.type === 'Group' || el.type === 'CapturingGroup') return el.alternatives.every((a) => sequenceEndsWithSeparatorOrEmpty(a.elements));
  return endsWithSeparator(el);
}

/**
 * Every non-empty way through the sequence ends in a separator. An element that may be empty hands
 * the question to the one before it: in `[a']{0,2}['’]?` the `['’]?` may be empty and leave an "a"
 * last. Zero-width assertions consume nothing and are passed over.
 */
function sequenceEndsWithSeparatorOrEmpty(elements: Element[]): boolean {
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    if (el.type === 'Assertion') continue;
    if (endsWithSeparator(el)) return true;
    if (!(el.type === 'Quantifier' && endsWithSeparatorOrEmpty(el)) || !mayBeEmpty(el)) return false;
  }
  return true;
}

function alternatives(alts: Alternative[], atStart: boolean, ahead: boolean): Req {
  return union(alts.map((a) => alternative(a, atStart, ahead)));
}

function element(el: Element | Node, atStart: boolean, ahead: boolean): Req {
  switch (el.type) {
    case 'Group':
    case 'CapturingGroup':
      return alternatives(el.alternatives, atStart, ahead);
    case 'Quantifier':
      return el.min >= 1 ? element(el.element, atStart, ahead) : null;
    case 'Character': {
      const ch = String.fromCodePoint(el.value).toLowerCase();
      return atStart && isWordChar(ch) ? [ch] : null;
    }
    default:
      return null;
  }
}

/**
 * The last regex parsed. The scanner asks requiredLiterals and then prefixLiterals about each
 * regex a rule pack brings (the built-in ones are primed), so the second question reuses the
 * first one's tree instead of parsing the source again. The trees are only read.
 */
let lastParsed: { source: string; flags: string; pattern: Pattern | null } | undefined;

/** The regex's syntax tree, or null when regexpp cannot parse it. */
function parse(source: string, flags: string): Pattern | null {
  if (lastParsed && lastParsed.source === source && lastParsed.flags === flags) return lastParsed.pattern;
  let pattern: Pattern | null;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    pattern = null;
  }
  lastParsed = { source, flags, pattern };
  return pattern;
}

/**
 * The required literals of a regex source, or `null` when it has none of at least MIN_LITERAL
 * characters (then it must be run over the whole text).
 */
export function requiredLiterals(source: string, flags = 'i'): string[] | null {
  const known = primed.get(`${flags}/${source}`);
  if (known) return known[0];
  const pattern = parse(source, flags);
  if (!pattern) return null;
  // A match can start anywhere, so only literals after a boundary are known to start a word.
  // Literals a positive lookahead requires count too, except where the literals the regex itself
  // consumes are its prefixes: then the engine tries it, sticky, only where they begin, which is
  // cheaper than running it over each sentence holding a lookahead's word.
  const prefixes = prefixesOf(pattern, 2);
  // A regex that opens with a look-behind is costly to run over a sentence: V8 tries the
  // look-behind at every position. When its prefixes are long enough to be required words, they
  // anchor it, even where a rarer required word lies further in: it is then tried, sticky, only
  // where a prefix begins (control/restrictions' "staff stopped him from …").
  if (prefixes && opensWithLookbehind(pattern) && prefixes.every((p) => p.trim().length >= MIN_LITERAL)) return prefixes;
  const plain = alternatives(pattern.alternatives, false, false);
  const req = plain && sameLiterals(plain, prefixes) ? plain : alternatives(pattern.alternatives, false, true);
  if (!req || req.some((s) => s.trim().length < MIN_LITERAL)) return null;
  return req;
}

/**
 * The literal prefixes of a regex: lower-case strings one of which every match begins with, at a
 * word start (the match opens with `\b` or `^` and the literal with a letter or digit). Then the
 * regex need only be tried, sticky, where one of them begins — not scanned over whole sentences.
 * `null` when the regex has no such prefix of at least `min` characters. Pure; compile time.
 */
export function prefixLiterals(source: string, flags = 'i', min = 2): string[] | null {
  const known = min === 2 ? primed.get(`${flags}/${source}`) : undefined;
  if (known) return known[1];
  const pattern = parse(source, flags);
  return pattern && prefixesOf(pattern, min);
}

/** True when every top-level alternative opens (before consuming anything) with a look-behind. */
function opensWithLookbehind(pattern: Pattern): boolean {
  return pattern.alternatives.every((alt) => {
    for (const el of alt.elements) {
      if (el.type !== 'Assertion') return false;
      if (el.kind === 'lookbehind') return true;
    }
    return false;
  });
}

/** True when two literal lists hold the same strings (as sets; each list has no repeats). */
export function sameLiterals(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return !!a && !!b && a.length === b.length && a.every((l) => b.includes(l));
}

/** prefixLiterals for a parsed pattern. */
function prefixesOf(pattern: Pattern, min: number): string[] | null {
  const out = new Set<string>();
  for (const alt of pattern.alternatives) {
    // Each top-level alternative must open with a boundary, then a literal.
    let i = 0;
    let bounded = false;
    while (i < alt.elements.length && alt.elements[i]!.type === 'Assertion') {
      if (isBoundary(alt.elements[i]!)) bounded = true;
      i++;
    }
    if (!bounded) return null;
    const lits = leading(alt.elements.slice(i), min);
    if (!lits) return null;
    for (const l of lits) {
      if (l.length < min || !/^[a-z0-9]/.test(l)) return null;
      out.add(l);
    }
    if (out.size > MAX_SET) return null;
  }
  return out.size ? [...out] : null;
}

/**
 * The literals a sequence of elements always begins with (consuming elements only), or null. A
 * small class makes several ("can['’]t": "can't", "can’t"), and so does an optional character
 * while the literal is still shorter than `min` ("S\/?U": "su", "s/u"; "claims?" stays "claim").
 */
function leading(elements: Element[], min: number): string[] | null {
  let runs: string[] = [''];
  // Something consumed on some path ("(?:\b| \b)ab" reads "ab" or " ab"): the prefixes so far,
  // where every path has one (literalsOf refuses an empty one, so a match that may begin with a
  // space, which no key can stand for, has none).
  const started = (): boolean => runs.some((r) => r !== '');
  const done = (): string[] | null => (started() ? literalsOf(runs, true) : null);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const chars = pieceStrings(el);
    if (chars !== undefined) {
      const next = extend(runs, chars);
      if (!next) return done();
      runs = next;
      continue;
    }
    if (runs[0] && runs.some((r) => r.length < min) && el.type === 'Quantifier' && el.min === 0 && el.max === 1) {
      // An optional character or small class: the prefixes with and without it.
      const inner = literalChar(el.element as Element);
      const optional = inner !== undefined ? [inner] : classChars(el.element as Element);
      const next = optional && extend(runs, ['', ...optional]);
      if (!next) return done();
      runs = next;
      continue;
    }
    if (started()) return done();
    if (el.type === 'Group' || el.type === 'CapturingGroup') {
      const out: string[] = [];
      for (const a of el.alternatives) {
        const l = leading(a.elements, min);
        if (!l) return null;
        out.push(...l);
      }
      return out;
    }
    if (el.type === 'Quantifier' && el.min >= 1) return leading([el.element], min);
    return null;
  }
  return done();
}

/** `literals` without those another of them begins (a match beginning with "sus" begins with "su"). */
function shortest(literals: string[]): string[] {
  return literals.filter((l) => !literals.some((o) => o !== l && l.startsWith(o)));
}

/**
 * `literals` without those that hold another of them at a word start ("very rude" holds "rude"
 * after its space; "sabotage the" begins with "sabotage"): a text holding the longer one at a word
 * start holds the shorter one at a word start too, so the longer one filters nothing more.
 */
function withoutHolders(literals: string[]): string[] {
  return literals.filter(
    (l) =>
      !literals.some((o) => {
        if (o === l) return false;
        for (let i = l.indexOf(o); i >= 0; i = l.indexOf(o, i + 1)) if (i === 0 || !isWordChar(l[i - 1]!)) return true;
        return false;
      }),
  );
}
