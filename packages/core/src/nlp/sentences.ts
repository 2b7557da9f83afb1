/**
 * Sentence segmentation fit for case notes: abbreviations (Mr, Dr, e.g., approx.), times and sums
 * (10.30am, £1.50), bullet lists, and line-per-entry notes with no full stops. Works on the masked
 * text (same length as the source), so spans are offsets into the original. Pure and cheap: one
 * pass with a simple RegExp, no NLP library.
 */
import { isAsciiDigit as isDigit, isAsciiLower as isLower } from '../chars.js';

/** A sentence as a half-open [start, end) span of the source. */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'cllr', 'hon', 'capt', 'sgt', 'insp',
  'e.g', 'i.e', 'eg', 'ie', 'approx', 'cf', 'vs', 'v', 'al', 'viz', 'ca', 'c', 'esp', 'incl', 'inc',
  'ltd', 'co', 'dept', 'tel', 'ref', 'fig', 'vol', 'ed', 'est', 'nb', 'n.b', 'p.s', 'ps', 'a.m', 'p.m',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'hrs', 'hr', 'mins', 'min', 'wk', 'wks', 'yrs', 'yr', 'mths', 'mth', 'no', 'nos', 'pt', 'pts', 'sw', 'ot', 'gp',
]);
/** Abbreviations that are also ordinary sentence-final words: only abbreviations before a digit or lower case. */
const AMBIGUOUS = new Set(['no', 'sun', 'sat', 'wed', 'mar', 'jan', 'may', 'c', 'v', 'co', 'est', 'ed', 'pt', 'sw', 'ot', 'gp', 'fig', 'min']);

/**
 * The white space that separates sentences: a smaller set than /\s/ (chars.ts's isSpace) on
 * purpose — the rarer Unicode spaces (U+2000–U+200A, U+202F…) are left as they always were, so
 * sentence boundaries do not move.
 */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

function isUpperOrDigitStart(ch: string): boolean {
  if (ch >= '0' && ch <= '9') return true;
  if (ch >= 'A' && ch <= 'Z') return true;
  if ('"\'“‘([*•·▪◦-–—>#'.includes(ch)) return true;
  const code = ch.charCodeAt(0);
  if (code > 0x7f) return ch !== ch.toLowerCase() || ch.toUpperCase() === ch.toLowerCase();
  return false;
}

/** The word (letters, digits, dots) immediately before position `i` (exclusive). */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (isSpace(c) || c === 40 /* ( */ || c === 91 /* [ */ || c === 34 || c === 0x201c) break;
    j--;
  }
  return text.slice(j, i);
}

/**
 * Longest sentence, in UTF-16 units. Text with no sentence punctuation at all (a pasted export, a
 * run-on note) is cut into pieces no longer than this — at a comma or semicolon if there is one in
 * the second half of the piece, else at white space — so per-sentence work (context checks,
 * compromise) stays bounded.
 */
export const MAX_SENTENCE_LENGTH = 1500;

function pushCapped(text: string, s: number, e: number, spans: Span[]): void {
  while (e - s > MAX_SENTENCE_LENGTH) {
    const limit = s + MAX_SENTENCE_LENGTH;
    let cut = -1;
    for (let k = limit; k > s + MAX_SENTENCE_LENGTH / 2; k--) {
      const c = text.charCodeAt(k - 1);
      if (c === 44 || c === 59) {
        cut = k;
        break;
      }
    }
    if (cut < 0) for (let k = limit; k > s + 1; k--) if (isSpace(text.charCodeAt(k - 1))) {
      cut = k;
      break;
    }
    if (cut < 0) cut = limit;
    // Never split a surrogate pair.
    const lo = text.charCodeAt(cut);
    if (lo >= 0xdc00 && lo <= 0xdfff && cut > s + 1) cut--;
    let pe = cut;
    while (pe > s && isSpace(text.charCodeAt(pe - 1))) pe--;
    if (pe > s) spans.push({ start: s, end: pe });
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) spans.push({ start: s, end: e });
}

/** Only white space between the start of the line (or of the current sentence) and `i`. */
function atLineStart(text: string, i: number, sentenceStart: number): boolean {
  for (let j = i - 1; j >= sentenceStart; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Closing quotes and brackets that belong to the sentence they end: " ' ” ’ ) ]. */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

/** White space as RegExp `\s` sees it. */
function isRegExpSpace(c: number): boolean {
  return isSpace(c) || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/**
 * BULLET_START at `k` (a bullet mark, "1." / "12)" / "3/4", or "a) "), looking no further than
 * four characters from `k`, as a test of `text.slice(k, k + 4)` would.
 */
function bulletAt(text: string, k: number): boolean {
  const lim = Math.min(text.length, k + 4);
  if (k >= lim) return false;
  const c0 = text.charCodeAt(k);
  // [-*•·▪◦–—>+]
  if (c0 === 45 || c0 === 42 || c0 === 0x2022 || c0 === 0xb7 || c0 === 0x25aa || c0 === 0x25e6 || c0 === 0x2013 || c0 === 0x2014 || c0 === 62 || c0 === 43) return true;
  if (isDigit(c0)) {
    // \d{1,2}[./)-] (which also covers \d{1,2}\/\d{1,2})
    let j = k + 1;
    if (j < lim && isDigit(text.charCodeAt(j))) {
      const c = text.charCodeAt(j + 1);
      if (j + 1 < lim && (c === 46 || c === 47 || c === 41 || c === 45)) return true;
    }
    const c = text.charCodeAt(j);
    return j < lim && (c === 46 || c === 47 || c === 41 || c === 45);
  }
  if (isLower(c0)) {
    // [a-z][.)]\s
    if (k + 2 >= lim) return false;
    const c1 = text.charCodeAt(k + 1);
    return (c1 === 46 || c1 === 41) && isRegExpSpace(text.charCodeAt(k + 2));
  }
  return false;
}

/**
 * A number wrapped over a line, as hard-wrapped email and pasted text leave phone and NHS numbers
 * ("020 7946" / "0123 and she…", "Ring 07700" / "900123"): the line ends (at `pe`) in a run of
 * three or more digits that stands apart (white space, a bracket or a hyphen before it), and the
 * next line (at `k`) begins with three or more digits not followed by a time's or a list's mark.
 * Times ("at 09:15" / "10:30 …"), numbered lines and short counts still end the line's sentence.
 */
function wrappedDigits(text: string, pe: number, k: number, n: number): boolean {
  let a = pe;
  while (a > 0 && isDigit(text.charCodeAt(a - 1))) a--;
  if (pe - a < 3) return false;
  const before = a > 0 ? text.charCodeAt(a - 1) : 10;
  if (!(before === 32 || before === 9 || before === 10 || before === 40 || before === 45 || before === 0xa0)) return false;
  let b = k;
  while (b < n && isDigit(text.charCodeAt(b))) b++;
  if (b - k < 3) return false;
  const after = b < n ? text.charCodeAt(b) : -1;
  return after !== 58 && after !== 46 && after !== 41 && after !== 47;
}

/** isUpperOrDigitStart for the character at `k` (k < text.length). */
function upperOrDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0x80) return isDigit(c) || (c >= 65 && c <= 90) || c === 34 || c === 39 || c === 40 || c === 91 || c === 42 || c === 45 || c === 62 || c === 35;
  return isUpperOrDigitStart(text.charAt(k));
}

/**
 * The line ends (at `pe`, trailing blanks dropped) with a hyphen straight after a letter, no
 * earlier than `lo`: a word hyphenated at the line end, such as "attention-" before "seeking" on
 * the next line. A dash standing alone ("Sam - ") is not one.
 */
function wordHyphen(text: string, pe: number, lo: number): boolean {
  if (pe - 2 < lo || text.charCodeAt(pe - 1) !== 45) return false;
  const c = text.charCodeAt(pe - 2);
  return isLower(c) || (c >= 65 && c <= 90);
}

/** ".!?:;…" */
function isEndMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2026;
}

/** `word` (lower case) is "e.g"-like: letters joined by single dots, as /^(?:[a-z]\.)+[a-z]$/ tests. */
function isDotted(word: string): boolean {
  const n = word.length;
  if (n < 3 || (n & 1) === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if ((i & 1) === 0 ? !isLower(c) : c !== 46) return false;
  }
  return true;
}

/** The word before a full stop, lower-cased, without leading punctuation (as the abbreviation checks need it). */
function abbreviationWord(text: string, at: number): string {
  const raw = wordBefore(text, at);
  const c = raw.charCodeAt(0);
  // Plain lower-case ASCII needs no work; anything else goes through the general path.
  let plain = raw.length > 0 && (isLower(c) || isDigit(c));
  for (let i = 0; plain && i < raw.length; i++) {
    const d = raw.charCodeAt(i);
    plain = isLower(d) || isDigit(d) || d === 46;
  }
  return plain ? raw : raw.toLowerCase().replace(/^[^a-z0-9]+/, '');
}

/** Sentence marks (a run of them is one match) and line breaks, for splitSentences. */
const MARKS = /[.!?…]+|\n/g;

/**
 * Where the match of MARKS that ends at `to` begins, when it was searched for from `from`: a line
 * break is one character; a run of marks reaches back to the first mark at or after `from` (the
 * search took the leftmost, longest run). Lets splitSentences use test(), which makes no match
 * array, instead of exec().
 */
export function markStart(text: string, from: number, to: number): number {
  let at = to - 1;
  if (text.charCodeAt(at) === 10) return at;
  while (at > from && isMarkOfRun(text.charCodeAt(at - 1))) at--;
  return at;
}

/** A character MARKS takes into a run: . ! ? … */
function isMarkOfRun(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/**
 * Split `text` into sentence spans (trimmed of surrounding white space). Empty stretches are
 * skipped. Never throws; linear in the length of the text. Boundaries are tested with character
 * codes, not slices and RegExps, since this runs for every sentence of every document.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) pushCapped(text, s, e, spans);
    start = end;
  };
  // Each sentence mark or line break in turn. (test, not exec: no match array for each of them;
  // where the match began is read back from where it ended.)
  MARKS.lastIndex = 0;
  let from = 0;
  while (MARKS.test(text)) {
    const to = MARKS.lastIndex;
    const at = markStart(text, from, to);
    const len = to - at;
    from = to;
    if (text.charCodeAt(at) === 10) {
      // Blank line: always a boundary.
      let k = at + 1;
      let c = text.charCodeAt(k);
      while (k < n && (c === 32 || c === 9 || c === 13)) c = text.charCodeAt(++k);
      if (k >= n || c === 10) {
        push(at);
        continue;
      }
      // Single line break: a boundary unless the next line continues the sentence in lower case.
      // The last character before the break (a CR and trailing spaces or tabs dropped, as email
      // and pasted text often have), looking back no further than eight characters and never
      // before the sentence start; -1 when there is none.
      const lo = Math.max(start, at - 8);
      let pe = at;
      while (pe > lo && (text.charCodeAt(pe - 1) === 13 || text.charCodeAt(pe - 1) === 32 || text.charCodeAt(pe - 1) === 9)) pe--;
      const last = pe > lo ? text.charCodeAt(pe - 1) : -1;
      if (isDigit(last) && isDigit(c) && wrappedDigits(text, pe, k, n)) continue; // "020 7946\n0123": a number wrapped over a line
      if (bulletAt(text, k) || upperOrDigitAt(text, k) || (last >= 0 && isEndMark(last)) || last < 0) {
        push(at);
      } else if (start < at && (isLower(last) || last === 44 || wordHyphen(text, pe, lo)) && (isLower(c) || c === 40)) {
        continue; // wrapped prose, or a word hyphenated at the line end ("attention-\nseeking")
      } else {
        push(at);
      }
      continue;
    }
    let end = at + len;
    // Closing quotes and brackets belong to the sentence they end.
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    if (end < n && !isSpace(text.charCodeAt(end))) continue; // 10.30am, £1.50, e.g.x, file.txt
    let k = end;
    while (k < n && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
    const nextCode = k < n ? text.charCodeAt(k) : -1;
    if (len === 1 && text.charCodeAt(at) === 46) {
      const nextIsNewline = nextCode === 10 || k >= n;
      if (!nextIsNewline) {
        const word = abbreviationWord(text, at);
        const wl = word.length;
        const w0 = word.charCodeAt(0);
        const digits = wl >= 1 && wl <= 3 && isDigit(w0) && (wl < 2 || isDigit(word.charCodeAt(1))) && (wl < 3 || isDigit(word.charCodeAt(2)));
        if ((digits || (wl === 1 && isLower(w0))) && atLineStart(text, at - wl, start)) continue; // "1. Ring Amira", "a. first item"
        if (wl === 1 && isLower(w0)) continue; // initials: "J. Smith"
        if (ABBREVIATIONS.has(word)) {
          if (!AMBIGUOUS.has(word)) continue;
          if (isLower(nextCode) || isDigit(nextCode)) continue;
        }
        if (isDotted(word)) continue; // e.g, i.e, a.m (inner dots)
        if (isLower(nextCode)) continue; // "approx. three" – lower case continues
      }
    } else if (k < n && nextCode !== 10 && isLower(nextCode)) continue;
    push(end);
  }
  push(n);
  return spans;
}

/**
 * countWords' class of every UTF-16 code unit: 1 = word character (ASCII letter or digit, or any
 * non-ASCII character but white space, dashes, curly quotes and £), 2 = joiner inside a word
 * (' ’ -), 0 = other. A 64 KB table, built once, so the loop makes one lookup per character.
 */
export const WORD_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0x7f && !isSpace(c) && c !== 0x2013 && c !== 0x2014 && c !== 0x2018 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0xa3);
    t[c] = word ? 1 : c === 39 || c === 0x2019 || c === 45 ? 2 : 0;
  }
  return t;
})();

/**
 * Count words cheaply: runs of letters/digits (ASCII or any non-ASCII non-space character), where
 * an apostrophe or hyphen inside a run does not start a new word.
 * Stops counting once `limit` words are found (for "has at least N words" checks).
 */
export function countWords(text: string, from = 0, to = text.length, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  // Positions outside the text are never word characters: clamp rather than test each one.
  const end = Math.min(to, text.length);
  for (let i = Math.max(from, 0); i < end; i++) {
    const c = text.charCodeAt(i);
    const k = WORD_CLASS[c]!;
    if (k === 1) {
      if (!inWord) {
        if (++count >= limit) return count;
        inWord = true;
      }
    } else if (k === 0 || i + 1 >= to) inWord = false;
  }
  return count;
}
