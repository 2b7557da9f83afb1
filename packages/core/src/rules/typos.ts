/**
 * Slips of the keyboard in the rules' own words. Notes are written fast, and "manipluative",
 * "placment" or "vulnerble" say what the word says. For each word of eight letters or more that a
 * built-in rule looks for (in its terms, phrases, inflections and regexes), `typoVariants` makes
 * the spellings one common slip away: a letter left out, two neighbours swapped, a consonant
 * doubled, one vowel for another. The first letter is never changed. `furtherVariants` makes the
 * rarer slips (a neighbouring key, a consonant that sounds alike) and, for words of six or seven
 * letters, only the two commonest (a letter left out, neighbours swapped, past the first two
 * letters), which the bundle holds to a stricter test. scripts/bundle-rules.mjs then drops every
 * variant that is a real word (two dictionaries and a word list), any rule's own word or the
 * allow-list's, and any that stands for two words, and stores the rest in the bundle as one
 * string, a line per word (`builtinTypos()`, the rule set's `typos`). `findSlips` finds them in a text, word by word; analyse.ts reads each sentence
 * holding one again with the words spelt right (`readSlips`), so every phrase, term and regex of
 * the rules finds what it would have found, and the protected terms and `unless` patterns read it
 * as it was meant. Pure.
 */

/** Words shorter than this get no variants (counted in letters; ASCII a–z only). */
export const TYPO_MIN_LENGTH = 8;

const VOWELS = 'aeiou';

/** Spellings one slip away from `word` (lower-case a–z, at least TYPO_MIN_LENGTH letters), without `word`. */
export function typoVariants(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < TYPO_MIN_LENGTH || !/^[a-z]+$/.test(w)) return [];
  const out = new Set<string>();
  const n = w.length;
  for (let i = 1; i < n; i++) {
    const c = w[i]!;
    // Left out: "vunerable".
    out.add(w.slice(0, i) + w.slice(i + 1));
    // Swapped with the next: "manipluative".
    if (i < n - 1 && c !== w[i + 1]) out.add(w.slice(0, i) + w[i + 1] + c + w.slice(i + 2));
    // A consonant doubled: "aggressivve" is rare, "dissengaged" and "challengging" are not.
    if (!VOWELS.includes(c) && c !== w[i - 1] && c !== w[i + 1]) out.add(w.slice(0, i) + c + w.slice(i));
    // One vowel for another: "manipulitive", "resistence".
    if (VOWELS.includes(c)) for (const v of VOWELS) if (v !== c) out.add(w.slice(0, i) + v + w.slice(i + 1));
  }
  out.delete(w);
  return [...out].filter((v) => v.length >= TYPO_MIN_LENGTH - 1).sort();
}

/** Shorter words, down to this length, get the two commonest slips only (`furtherVariants`). */
export const TYPO_SHORT_LENGTH = 6;

/** A key's neighbours on its own row of a QWERTY keyboard (a phone's or a laptop's). */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS: Record<string, string> = {};
for (const row of ROWS) for (let i = 0; i < row.length; i++) NEIGHBOURS[row[i]!] = (row[i - 1] ?? '') + (row[i + 1] ?? '');

/** A consonant for the one that sounds like it: "defencive", "schizophrenik", "supervized", "retarted". */
const SOUNDS: Record<string, string> = { c: 'ks', k: 'c', s: 'cz', z: 's', t: 'd', d: 't' };
/** The same in words of six or seven letters, only the commonest: "plased", "contakt". */
const SHORT_SOUNDS: Record<string, string> = { c: 'ks', s: 'cz', z: 's' };

/**
 * Spelling by ear, in a word of any length from TYPO_SHORT_LENGTH: "ci" or "ti" before a vowel
 * written "sh" ("speshal", "essenshal") and "ti" written "ci" ("essencial"); the silent "e" kept
 * before "-ing" ("manageing"; only when the word without "-ing" and with "e" is a word, which the
 * bundle checks: `eWord`).
 */
function byEar(w: string, out: Set<string>): void {
  for (let i = 2; i < w.length - 2; i++) {
    const pair = w.slice(i, i + 2);
    if ((pair === 'ci' || pair === 'ti') && VOWELS.includes(w[i + 2]!)) {
      out.add(w.slice(0, i) + 'sh' + w.slice(i + 2));
      if (pair === 'ti') out.add(w.slice(0, i) + 'ci' + w.slice(i + 2));
    }
  }
  if (w.length >= TYPO_SHORT_LENGTH && w.endsWith('ing') && !VOWELS.includes(w[w.length - 4]!) && w[w.length - 4] !== w[w.length - 5]) out.add(w.slice(0, -3) + 'eing');
}

/**
 * The slips `typoVariants` does not make, which the bundle holds to a stricter test (no real word
 * in any case, so no name or place either, and none of `typoVariants`' own): in a word of
 * TYPO_MIN_LENGTH letters or more, one key for its neighbour on the same row ("agitsted",
 * "resteained") or a consonant for one that sounds like it ("defencive", "retarted"); in a word of
 * TYPO_SHORT_LENGTH letters or more but shorter, a letter left out (seven letters only: "refsed",
 * "insits") or two neighbours swapped ("cleint", "saftey") or "c", "s" and "z" for one another
 * ("plased", "contakt"), never in the first two letters; and, in both, the spellings by ear of
 * `byEar`. Without `word` and without `typoVariants(word)`.
 */
export function furtherVariants(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < TYPO_SHORT_LENGTH || !/^[a-z]+$/.test(w)) return [];
  const out = new Set<string>();
  const n = w.length;
  if (n >= TYPO_MIN_LENGTH) {
    for (let i = 1; i < n; i++) {
      const c = w[i]!;
      for (const k of (NEIGHBOURS[c] ?? '') + (SOUNDS[c] ?? '')) if (k !== w[i - 1] && k !== w[i + 1]) out.add(w.slice(0, i) + k + w.slice(i + 1));
    }
    byEar(w, out);
    for (const v of typoVariants(w)) out.delete(v);
  } else {
    for (let i = 2; i < n; i++) {
      if (n > TYPO_SHORT_LENGTH) out.add(w.slice(0, i) + w.slice(i + 1));
      if (i < n - 1 && w[i] !== w[i + 1]) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      for (const k of SHORT_SOUNDS[w[i]!] ?? '') if (k !== w[i - 1] && k !== w[i + 1]) out.add(w.slice(0, i) + k + w.slice(i + 1));
    }
    byEar(w, out);
  }
  out.delete(w);
  return [...out].sort();
}

/**
 * A rule set's misspellings, read into typed arrays once per misspellings string: an
 * open-addressing hash table of the misspellings (each found by its letters, lower-cased, so a
 * word of the text is looked up without building a string), the word each stands for, the
 * shortest and longest, and which pairs of first letters any begins with (a word whose first two
 * letters begin none is passed over).
 */
interface TypoIndex {
  source: string;
  /** Per misspelling: its start and length in `source`, then its word's start and length. */
  entries: Int32Array;
  /** Slots of the hash table: an entry's number + 1, or 0 for none. */
  slots: Int32Array;
  mask: number;
  shortest: number;
  longest: number;
  /** 1 at (first letter − 97) × 26 + (second − 97) for each pair a misspelling begins with. */
  starts: Uint8Array;
}
const indexes = new Map<string, TypoIndex | null>();

/** FNV-1a over code units `from` to `to` of `text`, each with bit 5 set (ASCII letters lower-cased). */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 32), 16777619);
  return h >>> 0;
}

function typoIndex(source: string): TypoIndex | null {
  let index = indexes.get(source);
  if (index !== undefined) return index;
  const list: number[] = [];
  for (let line = 0; line < source.length; ) {
    let eol = source.indexOf('\n', line);
    if (eol < 0) eol = source.length;
    const tab = source.indexOf('\t', line);
    if (tab > line && tab < eol) {
      for (let v = tab + 1; v < eol; ) {
        let sp = source.indexOf(' ', v);
        if (sp < 0 || sp > eol) sp = eol;
        if (sp > v) list.push(v, sp - v, line, tab - line);
        v = sp + 1;
      }
    }
    line = eol + 1;
  }
  const count = list.length / 4;
  if (!count) {
    indexes.set(source, null);
    return null;
  }
  const entries = Int32Array.from(list);
  let size = 1;
  while (size < count * 2) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  const starts = new Uint8Array(26 * 26);
  let shortest = Infinity;
  let longest = 0;
  for (let e = 0; e < count; e++) {
    const at = entries[4 * e]!;
    const len = entries[4 * e + 1]!;
    let slot = hashOf(source, at, at + len) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = e + 1;
    shortest = Math.min(shortest, len);
    longest = Math.max(longest, len);
    starts[(source.charCodeAt(at) - 97) * 26 + (source.charCodeAt(at + 1) - 97)] = 1;
  }
  index = { source, entries, slots, mask, shortest, longest, starts };
  // One or two strings are ever used (the built-in one); keep the cache from growing regardless.
  if (indexes.size > 8) indexes.clear();
  indexes.set(source, index);
  return index;
}

/** The word the misspelling at `from`–`to` of `text` stands for (lower case), or undefined. */
function lookUp(index: TypoIndex, text: string, from: number, to: number): string | undefined {
  const { source, entries, slots, mask } = index;
  const len = to - from;
  for (let slot = hashOf(text, from, to) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const e = slots[slot]! - 1;
    if (entries[4 * e + 1] !== len) continue;
    const at = entries[4 * e]!;
    let i = 0;
    while (i < len && (text.charCodeAt(from + i) | 32) === source.charCodeAt(at + i)) i++;
    if (i === len) return source.slice(entries[4 * e + 2], entries[4 * e + 2]! + entries[4 * e + 3]!);
  }
  return undefined;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Does the code unit `c` (at `i`) carry a word on: a digit, `_`, or a letter or mark beyond ASCII? */
function joins(text: string, i: number, c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95 || (c > 127 && LETTER_OR_MARK.test(text[i]!));
}

/** A misspelt word of a text: where it is, and the word it stands for, written in its case. */
export interface Slip {
  start: number;
  end: number;
  /** The word spelt right, in the case the slip was written in ("Placment" → "Placement"). */
  word: string;
}

/** `word` (lower case) in the case `as` is written in: all capitals, a capital first, or as it is. */
function inCaseOf(word: string, as: string): string {
  if (as === as.toUpperCase()) return word.toUpperCase();
  const first = as.charCodeAt(0);
  return first >= 65 && first <= 90 ? as[0]! + word.slice(1) : word;
}

/**
 * Every whole word of `text` that is one of `typos`' misspellings (RuleSet.typos), in order. One
 * walk over the code units, looking up only runs of ASCII letters of a misspelling's length that
 * begin as one does, by their letters (no string is made unless one is found): about 2% of an
 * analysis. A lower-case "i" standing alone is read as "I" too (rules that name the writer as "I"
 * spell it with its capital).
 */
export function findSlips(typos: string, text: string): Slip[] {
  const out: Slip[] = [];
  const index = typoIndex(typos);
  if (!index) return out;
  const { shortest, longest, starts } = index;
  const n = text.length;
  let run = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const lower = c | 32;
    // An ASCII letter (only A–Z and a–z land in a–z when bit 5 is set).
    if (lower >= 97 && lower <= 122) {
      run++;
      continue;
    }
    if (run >= shortest && run <= longest) {
      const start = i - run;
      if (starts[((text.charCodeAt(start) | 32) - 97) * 26 + ((text.charCodeAt(start + 1) | 32) - 97)] && !(i < n && joins(text, i, c)) && !(start > 0 && joins(text, start - 1, text.charCodeAt(start - 1)))) {
        const w = lookUp(index, text, start, i);
        if (w !== undefined) out.push({ start, end: i, word: inCaseOf(w, text.slice(start, i)) });
      }
    } else if (run === 1 && text.charCodeAt(i - 1) === 105 && c !== 46 && !(i < n && joins(text, i, c)) && !(i > 1 && joins(text, i - 2, text.charCodeAt(i - 2)))) {
      // "i" on its own, typed in a hurry for "I": "i instructed him", "i told her to" (not "i.e.").
      out.push({ start: i - 1, end: i, word: 'I' });
    }
    run = 0;
  }
  return out;
}

/** `typos` (RuleSet.typos) as word → misspellings, for tests and tools. */
export function typosRecord(typos: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of typos.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out[line.slice(0, tab)] = line.slice(tab + 1).split(' ').filter(Boolean);
  }
  return out;
}
