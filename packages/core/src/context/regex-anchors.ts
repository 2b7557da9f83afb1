/**
 * Cheap prefilter for `regex` rules: the literal words that any match of a regex must contain at a
 * word start ("anchors"), read conservatively from the regex source. analyse() runs a regex over a
 * document only when one of its anchors occurs there, so a document pays only for the regex rules
 * it could trigger. When the source is not simple enough to be sure, there are no anchors and the
 * regex always runs. Pure; never throws.
 */

/** Very common words: valid anchors, but chosen only when nothing rarer is required. */
const COMMON = new Set([
  'the', 'and', 'was', 'were', 'his', 'her', 'hers', 'she', 'they', 'them', 'their', 'has', 'have', 'had', 'are',
  'not', 'for', 'with', 'this', 'that', 'been', 'will', 'would', 'can', 'could', 'should', 'from', 'but', 'you',
  'our', 'who', 'which', 'when', 'what', 'there', 'then', 'into', 'about', 'all', 'any', 'some', 'very', 'more',
  'also', 'him', 'its', 'one', 'two', 'out', 'did', 'does', 'being', 'get', 'got', 'because', 'may', 'might',
]);

const LITERAL = /[A-Za-z0-9'’ ]/;
const ESCAPED_LITERAL = /[.\-'’/&,:;!?"()[\]{}|*+^$]/;

interface Item {
  kind: 'literal' | 'boundary' | 'space' | 'group' | 'look' | 'other';
  text?: string;
  body?: string;
  optional: boolean;
  repeat: boolean;
}

/** Index just after the group or class that opens at `i` (source[i] is "(" or "["), or -1. */
function skipBracket(src: string, i: number): number {
  if (src[i] === '[') {
    for (let k = i + 1; k < src.length; k++) {
      if (src[k] === '\\') k++;
      else if (src[k] === ']' && k > i + 1) return k + 1;
      else if (src[k] === ']' && k === i + 1) continue;
    }
    return -1;
  }
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '[') {
      const e = skipBracket(src, k);
      if (e < 0) return -1;
      k = e - 1;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return -1;
}

/** Split at top-level "|" (outside groups and classes). */
function splitAlternatives(src: string): string[] | undefined {
  const out: string[] = [];
  let last = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '(' || c === '[') {
      const e = skipBracket(src, k);
      if (e < 0) return undefined;
      k = e - 1;
    } else if (c === '|') {
      out.push(src.slice(last, k));
      last = k + 1;
    }
  }
  out.push(src.slice(last));
  return out;
}

function items(branch: string): Item[] | undefined {
  const out: Item[] = [];
  for (let k = 0; k < branch.length; ) {
    const c = branch[k]!;
    let item: Item;
    if (c === '\\') {
      const n = branch[k + 1];
      if (n === undefined) return undefined;
      if (n === 'b') item = { kind: 'boundary', optional: false, repeat: false };
      else if (n === 's') item = { kind: 'space', optional: false, repeat: false };
      else if (ESCAPED_LITERAL.test(n)) item = { kind: 'literal', text: n, optional: false, repeat: false };
      else if (n === 'u' || n === 'x' || n === 'p' || n === 'P' || n === 'k' || n === 'c') return undefined;
      else item = { kind: 'other', optional: false, repeat: false };
      k += 2;
    } else if (c === '[') {
      const e = skipBracket(branch, k);
      if (e < 0) return undefined;
      const cls = branch.slice(k + 1, e - 1);
      // [Hh] — one letter in either case — is that letter (anchors are compared in lower case).
      if (cls.length === 2 && /^[A-Za-z]{2}$/.test(cls) && cls[0]!.toLowerCase() === cls[1]!.toLowerCase() && cls[0] !== cls[1]) {
        item = { kind: 'literal', text: cls[0]!.toLowerCase(), optional: false, repeat: false };
      } else item = { kind: 'other', optional: false, repeat: false };
      k = e;
    } else if (c === '(') {
      const e = skipBracket(branch, k);
      if (e < 0) return undefined;
      const inner = branch.slice(k + 1, e - 1);
      if (/^\?(?:[=!]|<[=!])/.test(inner)) item = { kind: 'look', optional: true, repeat: false };
      else if (inner.startsWith('?:')) item = { kind: 'group', body: inner.slice(2), optional: false, repeat: false };
      else if (inner.startsWith('?<')) item = { kind: 'group', body: inner.replace(/^\?<[^>]*>/, ''), optional: false, repeat: false };
      else if (inner.startsWith('?')) return undefined;
      else item = { kind: 'group', body: inner, optional: false, repeat: false };
      k = e;
    } else if (c === '^' || c === '$') {
      item = { kind: 'other', optional: false, repeat: false };
      k++;
    } else if (c === '.') {
      item = { kind: 'other', optional: false, repeat: false };
      k++;
    } else if (c === ' ') {
      item = { kind: 'space', optional: false, repeat: false };
      k++;
    } else if (LITERAL.test(c)) {
      item = { kind: 'literal', text: c, optional: false, repeat: false };
      k++;
    } else if ('?*+{'.includes(c)) {
      return undefined; // a quantifier with nothing before it: not a source we understand
    } else {
      item = { kind: 'literal', text: c, optional: false, repeat: false };
      k++;
    }
    // Quantifier.
    const q = branch[k];
    if (q === '?' || q === '*') {
      item.optional = true;
      item.repeat = q === '*';
      k++;
    } else if (q === '+') {
      item.repeat = true;
      k++;
    } else if (q === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(branch.slice(k));
      if (!m) return undefined;
      if (m[1] === '' || m[1] === '0') item.optional = true;
      if (m[2] || (m[3] && m[3] !== m[1]) || Number(m[1]) > 1) item.repeat = true;
      k += m[0].length;
    }
    if (branch[k] === '?' && (q === '?' || q === '*' || q === '+' || q === '{')) k++; // lazy
    out.push(item);
  }
  return out;
}

/** The literal prefix (lower case) every match of `body` starts with, per top-level alternative. */
function prefixes(body: string): string[] | undefined {
  const alts = splitAlternatives(body);
  if (!alts) return undefined;
  const out: string[] = [];
  for (const alt of alts) {
    const its = items(alt);
    if (!its) return undefined;
    let p = '';
    for (const it of its) {
      if (it.kind === 'literal' && !it.optional) {
        p += it.text!;
        if (it.repeat) break;
        continue;
      }
      if (it.kind === 'group' && !it.optional && !it.repeat) {
        const inner = prefixes(it.body!);
        if (inner && inner.length === 1) {
          p += inner[0]!;
          continue;
        }
      }
      break;
    }
    out.push(p.toLowerCase());
  }
  return out;
}

/** Does every alternative of a group body end with a space or \\s (optionally +)? */
function endsWithSpace(body: string): boolean {
  const alts = splitAlternatives(body);
  return !!alts && alts.every((a) => / $|\\s\+?$/.test(a));
}

/** Anchors for one branch: the most selective required literal set at a word start. */
function branchAnchors(branch: string): string[] | undefined {
  const its = items(branch);
  if (!its) return undefined;
  let best: string[] | undefined;
  let bestScore = 0;
  const consider = (set: string[] | undefined): void => {
    if (!set || set.length === 0) return;
    const trimmed = set.map((s) => s.replace(/\s+$/, ''));
    if (trimmed.some((s) => !/^[a-z0-9]/.test(s))) return;
    // Valid anchors have three or more characters; among valid sets, prefer the one whose
    // weakest member is most selective (a very common word counts as barely selective).
    if (Math.min(...trimmed.map((s) => s.length)) < 3) return;
    const score = Math.min(...trimmed.map((s) => (COMMON.has(s) ? 1 : s.length)));
    if (score > bestScore) {
      best = trimmed;
      bestScore = score;
    }
  };
  let wordStart = true; // the branch start counts as a possible word start only after \b or space
  wordStart = false;
  for (let i = 0; i < its.length; i++) {
    const it = its[i]!;
    if (it.kind === 'boundary' || (it.kind === 'space' && !it.optional)) {
      wordStart = true;
      continue;
    }
    if (it.kind === 'look') continue;
    if (it.optional) {
      // "(?:very |quite )?word": with or without the optional words, "word" follows white space.
      if (!(wordStart && it.kind === 'group' && !it.repeat && endsWithSpace(it.body!))) wordStart = false;
      continue;
    }
    if (wordStart && it.kind === 'literal') {
      let run = '';
      let j = i;
      for (; j < its.length; j++) {
        const x = its[j]!;
        if (x.kind !== 'literal' || x.optional) break;
        run += x.text!;
        if (x.repeat) {
          j++;
          break;
        }
      }
      consider([run.toLowerCase()]);
    } else if (wordStart && it.kind === 'group' && !it.repeat) {
      consider(prefixes(it.body!));
    }
    wordStart = false;
  }
  return best;
}

/**
 * The anchors of a regex: lower-case literals, one of which starts at a word start in every
 * match; undefined when that cannot be read safely from the source (the regex then always runs).
 */
export function regexAnchors(re: RegExp): string[] | undefined {
  if (re.flags.includes('v') || re.flags.includes('x')) return undefined;
  const branches = splitAlternatives(re.source);
  if (!branches) return undefined;
  const out = new Set<string>();
  for (const b of branches) {
    const a = branchAnchors(b);
    if (!a) return undefined;
    for (const s of a) out.add(s);
  }
  return out.size ? [...out] : undefined;
}
