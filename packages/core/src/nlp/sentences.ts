/**
 * Sentence segmentation fit for case notes: abbreviations (Mr, Dr, e.g., approx.), times and sums
 * (10.30am, £1.50), bullet lists, and line-per-entry notes with no full stops. Works on the masked
 * text (same length as the source), so spans are offsets into the original. Pure and cheap: one
 * pass with a simple RegExp, no NLP library.
 */

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

const BULLET_START = /^(?:[-*•·▪◦–—>+]|\d{1,2}[./)-]|\d{1,2}\/\d{1,2}|[a-z][.)]\s)/;

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

/**
 * Split `text` into sentence spans (trimmed of surrounding white space). Empty stretches are
 * skipped. Never throws; linear in the length of the text.
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
  const re = /[.!?…]+|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index;
    if (m[0] === '\n') {
      // Blank line: always a boundary.
      let k = at + 1;
      while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
      if (k >= n || text[k] === '\n') {
        push(at);
        continue;
      }
      // Single line break: a boundary unless the next line continues the sentence in lower case.
      const prev = text.slice(Math.max(start, at - 2), at).replace(/\r$/, '');
      const next = text.slice(k, k + 4);
      const lastCh = prev.charAt(prev.length - 1);
      if (BULLET_START.test(next) || isUpperOrDigitStart(next.charAt(0)) || /[.!?:;…]$/.test(prev) || lastCh === '') {
        push(at);
      } else if (start < at && /[a-z,]/.test(lastCh) && /^[a-z(]/.test(next)) {
        continue; // wrapped prose
      } else {
        push(at);
      }
      continue;
    }
    let end = at + m[0].length;
    // Closing quotes and brackets belong to the sentence they end.
    while (end < n && '"\'”’)]'.includes(text[end]!)) end++;
    if (end < n && !isSpace(text.charCodeAt(end))) continue; // 10.30am, £1.50, e.g.x, file.txt
    if (m[0] === '.') {
      const word = wordBefore(text, at).toLowerCase().replace(/^[^a-z0-9]+/, '');
      let k = end;
      while (k < n && isSpace(text.charCodeAt(k)) && text[k] !== '\n') k++;
      const nextCh = text.charAt(k);
      const nextIsNewline = nextCh === '\n' || k >= n;
      if (!nextIsNewline) {
        if (/^(?:\d{1,3}|[a-z])$/.test(word) && atLineStart(text, at - word.length, start)) continue; // "1. Ring Amira", "a. first item"
        if (/^[a-z]$/.test(word) && word.length === 1) continue; // initials: "J. Smith"
        if (ABBREVIATIONS.has(word)) {
          if (!AMBIGUOUS.has(word)) continue;
          if (/[0-9a-z]/.test(nextCh)) continue;
        }
        if (/^(?:[a-z]\.)+[a-z]$/.test(word)) continue; // e.g, i.e, a.m (inner dots)
        if (/[a-z]/.test(nextCh)) continue; // "approx. three" – lower case continues
      }
    } else {
      let k = end;
      while (k < n && isSpace(text.charCodeAt(k)) && text[k] !== '\n') k++;
      const nextCh = text.charAt(k);
      if (k < n && nextCh !== '\n' && /[a-z]/.test(nextCh)) continue;
    }
    push(end);
  }
  push(n);
  return spans;
}

/**
 * Count words cheaply: runs of letters/digits (ASCII or any non-ASCII non-space character).
 * Stops counting once `limit` words are found (for "has at least N words" checks).
 */
export function countWords(text: string, from = 0, to = text.length, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0x7f && !isSpace(c) && c !== 0x2013 && c !== 0x2014 && c !== 0x2018 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0xa3);
    if (word && !inWord && ++count >= limit) return count;
    inWord = word || (inWord && (c === 39 || c === 0x2019 || c === 45) && i + 1 < to);
  }
  return count;
}
