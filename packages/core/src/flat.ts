/**
 * A sentence as rule regexes read it: every run of white space (a line break, a tab, a no-break
 * space, two spaces) is one space. Rule regexes are written with single spaces ("not allowed
 * to"), and text that is hard-wrapped, pasted from email or Word, or taken from a multi-line CSV
 * field has all of these between words; without this, "not\nallowed to" or "not  allowed to"
 * would never match. Phrases (`terms`) are matched by the scan, which already reads any white
 * space between words as one. Offsets found in the flat text map back through `at`. Pure.
 */

import { isSpace } from './chars.js';

export interface Flat {
  /** The text with each run of white space as one space. */
  text: string;
  /** For each character of `text`, its offset in the original (one more entry: the original's length). */
  at: Int32Array;
}


/**
 * Does `text` hold white space other than a single space, or two white space characters in a row?
 * (/\s\s|[^\S ]/, by character code: this runs on every sentence a rule regex reads.)
 */
function irregular(text: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 128 ? c >= 9 && c <= 13 : isSpace(c)) {
      return true;
    } else prevSpace = false;
  }
  return false;
}

const IRREGULAR = /\s{2,}|[^\S ]/g;

/**
 * The runs of white space in `text` that are more than a single plain space (two or more white
 * space characters, or one that is not a space), as (start, end) pairs, flattened, by start: one
 * native search of a whole document, so that a sentence without any is never walked. (The scan
 * notes the same runs as it reads the text: ScanResult.irregular.)
 */
export function irregularSpaces(text: string): number[] {
  const out: number[] = [];
  IRREGULAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IRREGULAR.exec(text))) out.push(m.index, m.index + m[0].length);
  return out;
}

/**
 * Does [start, end) of `text` hold white space other than a single space, given the runs of
 * `irregularSpaces(text)`? A run may reach past the span's edges: the part inside counts when it
 * is two characters or more, or one that is not a plain space (exactly as flatten decides).
 */
export function holdsSpan(runs: number[], text: string, start: number, end: number): boolean {
  return spansHolding(runs, text, [{ start, end }])[0] === 1;
}

/**
 * holdsSpan for each of `spans` (sorted by start, not overlapping, as sentences are), in one walk
 * over the runs instead of a search per span: 1 where the span needs flattening.
 */
export function spansHolding(runs: number[], text: string, spans: readonly { start: number; end: number }[]): Uint8Array {
  const out = new Uint8Array(spans.length);
  let j = 0;
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i]!;
    // Runs ending at or before this span's start end before every later span too.
    while (j < runs.length && runs[j + 1]! <= start) j += 2;
    for (let k = j; k < runs.length && runs[k]! < end; k += 2) {
      const a = Math.max(runs[k]!, start);
      const b = Math.min(runs[k + 1]!, end);
      if (b - a >= 2 || (b - a === 1 && text.charCodeAt(a) !== 32)) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

/** The flat form of `text`, or null when it is already flat (the usual case). */
export function flatten(text: string): Flat | null {
  if (!irregular(text)) return null;
  const n = text.length;
  const at = new Int32Array(n + 1);
  const parts: string[] = [];
  let k = 0;
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      at[k++] = i;
      parts.push(' ');
      while (i < n && isSpace(text.charCodeAt(i))) i++;
    } else {
      let j = i + 1;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      parts.push(text.slice(i, j));
      for (let m = i; m < j; m++) at[k++] = m;
      i = j;
    }
  }
  at[k] = n;
  return { text: parts.join(''), at: at.subarray(0, k + 1) };
}

/** The original span of the flat span [a, b): from its first character to just after its last. */
export function fromFlat(flat: Flat, a: number, b: number): [number, number] {
  return [flat.at[a]!, b > a ? flat.at[b - 1]! + 1 : flat.at[a]!];
}

/** The flat offset of an original offset (of a character that is not white space, or the end). */
export function toFlat(flat: Flat, offset: number): number {
  let lo = 0;
  let hi = flat.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (flat.at[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
