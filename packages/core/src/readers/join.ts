/**
 * Words that markup splits. A reader blanks markup to spaces so that offsets in the analysed text
 * are offsets into the source, but markup *inside* a word then splits it: `re**fused**`,
 * `re<b>fused</b>`, `didn&rsquo;t` (the entity becomes "’" and spaces) or Word-exported HTML with
 * a `<span>` around half a word would read as two words, and the rules would not see them.
 *
 * joinAcross() closes such gaps: the characters after a gap move left over it, up to the end of
 * the word (the next white space), and the blanks they covered go after the word, so the text
 * keeps its length and everything outside the joined word keeps its offset. `moved` records
 * where offsets differ from the source's, for textToSource(). Pure.
 */
import { lastStartingAtOrBefore } from '../search.js';

/** From text offset `start` on (up to the next entry), the source offset is the text offset + `by`. */
export interface Moved {
  start: number;
  by: number;
}

const SPACE = /\s/;

/**
 * Close the given gaps (sorted, not overlapping, each blank in `text`, each with a non-space
 * character just before it in the same word). Returns the joined text (same length) and the map.
 */
export function joinAcross(text: string, gaps: readonly (readonly [number, number])[]): { text: string; moved: Moved[] } {
  if (gaps.length === 0) return { text, moved: [] };
  const out: string[] = [];
  const moved: Moved[] = [];
  let p = 0; // next text offset to copy
  let by = 0; // how far the characters being copied move left
  let pad = ''; // the blanks they moved over, written after the word
  /** End the current joined word at the first white space from p (before `limit`), if any. */
  const endWord = (limit: number): void => {
    if (by === 0) return;
    let w = p;
    while (w < limit && !SPACE.test(text[w]!)) w++;
    if (w === limit && limit < text.length) return; // the word goes on into the next gap
    out.push(text.slice(p, w), pad);
    moved.push({ start: w, by: 0 });
    p = w;
    by = 0;
    pad = '';
  };
  for (const [from, to] of gaps) {
    if (from < p || to <= from) continue;
    endWord(from);
    out.push(text.slice(p, from));
    pad += text.slice(from, to);
    by += to - from;
    p = to;
    moved.push({ start: to - by, by });
  }
  endWord(text.length);
  out.push(text.slice(p));
  return { text: out.join(''), moved };
}

/** The source offset of a text offset, given a document's `moved` map (none: the same offset). */
export function textToSource(moved: readonly Moved[] | undefined, offset: number): number {
  if (!moved || moved.length === 0) return offset;
  const i = lastStartingAtOrBefore(moved, offset);
  return i < 0 ? offset : offset + moved[i]!.by;
}

/** The source span of a text span [start, end): a span that ends inside a joined word ends after its last character. */
export function spanToSource(moved: readonly Moved[] | undefined, start: number, end: number): [number, number] {
  if (!moved || moved.length === 0) return [start, end];
  return [textToSource(moved, start), end > start ? textToSource(moved, end - 1) + 1 : textToSource(moved, start)];
}

const SOFT_HYPHEN = '\u00ad';

/**
 * Soft hyphens (U+00AD, `&shy;`) show nothing unless a line breaks at them, so a word holding one
 * (`ser\u00advice`, `re&shy;fused`) reads whole: each is blanked, and where it stands inside a word
 * the blank becomes a gap to close. Returns the text (same length) and `gaps` with these added,
 * sorted, touching gaps merged: ready for joinAcross().
 */
export function blankSoftHyphens(text: string, gaps: readonly (readonly [number, number])[]): { text: string; gaps: [number, number][] } {
  const all: [number, number][] = gaps.map(([a, b]) => [a, b]);
  if (text.indexOf(SOFT_HYPHEN) === -1) return { text, gaps: all };
  const chars = text.split('');
  for (let i = text.indexOf(SOFT_HYPHEN); i !== -1; i = text.indexOf(SOFT_HYPHEN, i + 1)) {
    chars[i] = ' ';
    all.push([i, i + 1]);
  }
  const out = chars.join('');
  all.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const g of all) {
    const last = merged[merged.length - 1];
    if (last && g[0] <= last[1]) last[1] = Math.max(last[1], g[1]);
    else merged.push([g[0], g[1]]);
  }
  // Only a gap with a character of the word on both sides is one to close.
  const inWord = merged.filter(([a, b]) => a > 0 && !SPACE.test(out[a - 1]!) && b < out.length && !SPACE.test(out[b]!));
  return { text: out, gaps: inWord };
}
