/**
 * Helpers shared by the string readers: URL masking and line tables. Pure.
 */
import { blankMatch } from '../chars.js';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'()\[\]]+/gi;
/** Text without one of these (in any case, as URL_RE matches) has no URL to mask: one search first. */
const URL_HINT = /http|www\./i;

/** Replace every URL in `text` with spaces (same length), so rules never look inside links. */
export function maskUrls(text: string): string {
  if (!URL_HINT.test(text)) return text;
  return text.replace(URL_RE, blankMatch);
}

/**
 * An email quote prefix: `>` (or `>>`, `> >` for older replies) at the start of a line, after any
 * indentation, with the space that follows it.
 */
const QUOTE_PREFIX = /^[ \t]*>(?:[ \t]*>)*[ \t]?/gm;

/**
 * Replace the quote prefixes of replied-to email (`> ` and `>> ` at the start of each line) with
 * spaces (same length), so a phrase that wraps from one quoted line to the next ("package of↵>
 * care") reads as hard-wrapped prose, and the marks never read as words. Plain text only: in
 * Markdown a `>` line is a block quote, which the Markdown reader handles. A `>` elsewhere in a
 * line ("a score > 3") is left alone.
 */
export function maskQuotePrefixes(text: string): string {
  if (text.indexOf('>') === -1) return text;
  return text.replace(QUOTE_PREFIX, blankMatch);
}

/**
 * Offsets at which each line starts (line 1 starts at 0). A line ends at a line feed, a carriage
 * return and line feed together, or a carriage return alone (old Mac files, some exports).
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return starts;
  }
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * The masked text with every carriage return that is not followed by a line feed made a line
 * feed (same length), so a file whose lines end in a lone carriage return splits into lines,
 * sentences and paragraphs as any other does.
 */
export function loneCrToLf(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/** 1-based line and column for an offset, given a line table. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  const line = lineIndex(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/** A finding position (`{line, column, offset}`, 1-based line and column) for `offset`. */
export function positionAt(starts: number[], offset: number): { line: number; column: number; offset: number } {
  const line = lineIndex(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}

/** The index in `starts` (lineStarts) of the line holding `offset`: the last line starting at or before it. */
export function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
