/**
 * Literal phrases (the `terms` pattern kind, and the inflections a `lemma` expands to) compiled to
 * RegExp sources: case-insensitive, whole words, tolerant of the spellings people actually type —
 * a space in a term matches any run of spaces or hyphens ("service user" = "service-user"), a
 * hyphen matches a hyphen, any run of white space or nothing ("wheelchair-bound" = "wheelchair
 * bound"), and a straight apostrophe also matches a curly one. White space includes line breaks
 * and indentation, and a hyphen may be followed by some, so hard-wrapped text ("wheelchair\n
 * bound", "attention-\nseeking" hyphenated at a line end) still matches. Pure.
 */

/** Characters that count as part of a word for whole-word matching. Hyphens join words. */
export const WORD_CHAR = "A-Za-z0-9\\u00C0-\\u024F\\-";
/** Look-behind/ahead that make a phrase match whole words only. */
export const BOUNDARY_BEFORE = `(?<![${WORD_CHAR}])`;
export const BOUNDARY_AFTER = `(?![${WORD_CHAR}])`;

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** Whether the apostrophe at `i` is the one in a word's final "n't" ("doesn't", "won’t"). */
function isNtApostrophe(chars: string[], i: number): boolean {
  return (chars[i - 1] === 'n' || chars[i - 1] === 'N') && (chars[i + 1] === 't' || chars[i + 1] === 'T') && i + 2 === chars.length;
}

/**
 * The phrase with each word's final "n't" written "nt", as hurried notes spell it ("doesnt engage"),
 * or undefined when it has none. The phrase table indexes it too, so the scan finds that spelling.
 */
export function withoutNtApostrophe(phrase: string): string | undefined {
  const out = phrase.replace(/n['’]t(?![A-Za-z0-9\u00C0-\u024F'’-])/gi, (m) => m[0]! + m[2]!);
  return out === phrase ? undefined : out;
}

/** RegExp source (no boundaries, no flags) for one literal phrase. */
export function phraseSource(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  return words
    .map((w) =>
      [...w]
        .map((ch, i, chars) => {
          // A hyphen, perhaps at a line end with the word going on after the break; or white space; or nothing.
          if (ch === '-') return '(?:[-\\u2010\\u2011]\\s*|\\s+)?';
          // A "n't" written in haste without its apostrophe ("doesnt engage", "wont engage").
          if ((ch === "'" || ch === '’') && isNtApostrophe(chars, i)) return "['’]?";
          if (ch === "'" || ch === '’') return "['’]";
          return escapeChar(ch);
        })
        .join(''),
    )
    .join('[\\s\\-\\u2010\\u2011]+');
}

/** A sticky, case-insensitive RegExp matching the phrase as whole words at `lastIndex`. */
export function phraseRegex(phrase: string): RegExp {
  return new RegExp(`${BOUNDARY_BEFORE}(?:${phraseSource(phrase)})${BOUNDARY_AFTER}`, 'iy');
}

/**
 * anyPhraseRegex's regexes whose phrases all begin with an ASCII letter or digit, each with a twin
 * that opens with \b before the look-behind. V8 cannot skip ahead through a text with a regex that
 * opens with a look-behind, and can with one that opens with \b: the twin tests a note several
 * times faster. In a text without "_" the two match exactly the same spans: where the look-behind
 * allows a phrase's first letter, the character before it is no letter, digit or "_", so \b holds
 * too. (After "_" the look-behind allows a match and \b does not.)
 */
const twins = new WeakMap<RegExp, RegExp>();

/** A global, case-insensitive RegExp matching any of the phrases as whole words (longest first). */
export function anyPhraseRegex(phrases: string[]): RegExp | undefined {
  const unique = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  const body = `(?:${unique.map(phraseSource).join('|')})${BOUNDARY_AFTER}`;
  const re = new RegExp(`${BOUNDARY_BEFORE}${body}`, 'gi');
  if (unique.every((p) => /^[a-z0-9]/.test(p))) twins.set(re, new RegExp(`\\b${BOUNDARY_BEFORE}${body}`, 'gi'));
  return re;
}

/** The regex to search `text` with for `re`: its faster twin when it has one and `text` has no "_". */
export function searchRegex(re: RegExp, text: string): RegExp {
  const twin = twins.get(re);
  return twin !== undefined && !text.includes('_') ? twin : re;
}
