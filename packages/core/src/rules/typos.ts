/**
 * Slips of the keyboard in a rule's own words. Notes are written fast, and "agressive",
 * "manipulitive" or "vunerable" say what the word says. For each long single word a built-in rule
 * looks for, `typoVariants` makes the spellings one common slip away: a letter left out, two
 * neighbours swapped, a consonant doubled, one vowel for another. The first letter is never
 * changed, and nothing shorter than seven letters is made (short words have too many real words
 * one slip away). scripts/bundle-rules.mjs then drops every variant that is a real word in a
 * British English dictionary, any rule's own word or the allow-list's, and any that two rules
 * would share, and stores the rest with the rule (`RuleData.typos`); compileRules maps each back to
 * its word (`CompiledRule.typoOf`) and `pushTypoHits` finds them in a text, word by word. A
 * misspelt match is then read as the word it stands for by the protected terms and unless
 * patterns (analyse.ts, typoCancelled). Pure.
 */
import type { CompiledRule } from './compile.js';

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

/**
 * Every rule's misspellings → the rule's index, the shortest and longest, and which pairs of first
 * letters any begins with (a word whose first two letters begin none is passed over without being
 * read); built once per list of rules.
 */
interface TypoIndex {
  rule: Map<string, number>;
  shortest: number;
  longest: number;
  /** 1 at (first letter − 97) × 26 + (second − 97) for each pair a misspelling begins with. */
  starts: Uint8Array;
}
const indexes = new WeakMap<readonly CompiledRule[], TypoIndex | null>();

function typoIndex(rules: readonly CompiledRule[]): TypoIndex | null {
  let index = indexes.get(rules);
  if (index === undefined) {
    const rule = new Map<string, number>();
    const starts = new Uint8Array(26 * 26);
    let shortest = Infinity;
    let longest = 0;
    for (const r of rules) {
      if (!r.typoOf) continue;
      for (const v of r.typoOf.keys()) {
        rule.set(v, r.index);
        shortest = Math.min(shortest, v.length);
        longest = Math.max(longest, v.length);
        starts[(v.charCodeAt(0) - 97) * 26 + (v.charCodeAt(1) - 97)] = 1;
      }
    }
    index = rule.size ? { rule, shortest, longest, starts } : null;
    indexes.set(rules, index);
  }
  return index;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Does the code unit `c` (at `i`) carry a word on: a digit, `_`, or a letter or mark beyond ASCII? */
function joins(text: string, i: number, c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95 || (c > 127 && LETTER_OR_MARK.test(text[i]!));
}

/**
 * Push a hit for each whole word of `text` that is a misspelling of an active rule's word, in the
 * shape of the scan's hits. One walk over the code units, reading only runs of ASCII letters of a
 * misspelling's length that begin as one does: about 2% of an analysis.
 */
export function pushTypoHits(rules: readonly CompiledRule[], text: string, active: readonly boolean[], out: { rule: number; start?: number; end?: number }[]): void {
  const index = typoIndex(rules);
  if (!index) return;
  const { rule: ruleOf, shortest, longest, starts } = index;
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
        const r = ruleOf.get(text.slice(start, i).toLowerCase());
        if (r !== undefined && active[r]) out.push({ rule: r, start, end: i });
      }
    }
    run = 0;
  }
}
