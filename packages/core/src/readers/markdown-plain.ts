/**
 * A fast path for the plainest Markdown — the shape most support plans have: ATX headings,
 * paragraphs and single-line top-level list items, with no inline markup at all. For such a
 * document the parse is fully determined line by line, so this reads it directly, giving exactly
 * what the micromark parse would give (text spans, block spans, headings), about ten times
 * faster. Anything outside that shape — emphasis, code, links, HTML, quotes, tables, indentation,
 * tabs, CR, trailing spaces, lazy continuation, setext headings, thematic breaks, front matter
 * (a first line of `---` or `+++`), entities, escapes — returns null and the caller parses properly. Pure.
 */

/** What the reader needs from a parse: prose spans, block spans and headings (offsets into the source). */
export interface PlainParse {
  /** Spans of prose text, in order. */
  keep: [number, number][];
  /** Paragraph and heading spans, in order. */
  blocks: { start: number; end: number }[];
  /** Headings: where they start, their level and their text. */
  headings: { offset: number; depth: number; title: string }[];
}

/** Characters that may start or form inline markup (or need decoding) anywhere in a line. */
const INLINE = /[*_`\\[\]<>&|~\t\r\f\v\0]/;
/** A list item marker at the start of a line, with the spaces after it. */
const BULLET = /^(?:[-+*]|\d{1,9}[.)])( +)(?=\S)/;
/** Lines that could be list markers, thematic breaks or setext underlines (not paragraph text). */
const BLOCK_START = /^(?:[-+*=_#]|\d{1,9}[.)](?= |$))/;

/**
 * Read `source` if it is plain Markdown (see above); null otherwise. Each line is one of: blank;
 * an ATX heading "#{1,6} text"; a list item "- text", "+ text", "1. text" or "1) text" (one line,
 * after a blank line, a heading or another item); or paragraph text (after a blank line, a heading
 * or more paragraph text). Lines may not start with spaces.
 */
export function readPlainMarkdown(source: string): PlainParse | null {
  if (INLINE.test(source)) return null;
  const keep: [number, number][] = [];
  const blocks: { start: number; end: number }[] = [];
  const headings: { offset: number; depth: number; title: string }[] = [];
  /** What the previous line was: blank, heading, item or paragraph text. */
  let prev: 'blank' | 'heading' | 'item' | 'text' = 'blank';
  /** The open paragraph's start and end (end of its last line), or -1. */
  let paraStart = -1;
  let paraEnd = -1;
  const close = (): void => {
    if (paraStart >= 0) {
      keep.push([paraStart, paraEnd]);
      blocks.push({ start: paraStart, end: paraEnd });
      paraStart = -1;
    }
  };
  let at = 0;
  const n = source.length;
  while (at <= n) {
    let eol = source.indexOf('\n', at);
    if (eol < 0) eol = n;
    const line = source.slice(at, eol);
    if (line.length === 0) {
      close();
      prev = 'blank';
    } else {
      const first = line.charCodeAt(0);
      const lastCode = line.charCodeAt(line.length - 1);
      if (first === 32 || lastCode === 32) return null; // indentation or trailing spaces
      if (first === 35 /* # */) {
        const m = /^(#{1,6}) (?=\S)/.exec(line);
        if (!m || line.endsWith('#')) return null; // "#tag", closing sequences
        close();
        const start = at + m[0].length;
        keep.push([start, eol]);
        blocks.push({ start: at, end: eol });
        headings.push({ offset: at, depth: m[1]!.length, title: line.slice(m[0].length) });
        prev = 'heading';
      } else if (BLOCK_START.test(line)) {
        const m = BULLET.exec(line);
        // Items only where they cannot be a paragraph's continuation, and only one line long;
        // anything else starting so (breaks, underlines, "2." after text) is left to the parser,
        // as is an item holding a heading or another list.
        if (!m || prev === 'text' || m[1]!.length > 4 || BLOCK_START.test(line.slice(m[0].length))) return null;
        close();
        const start = at + m[0].length;
        keep.push([start, eol]);
        blocks.push({ start, end: eol });
        prev = 'item';
      } else {
        if (prev === 'item') return null; // lazy continuation of a list item
        if (prev !== 'text') paraStart = at;
        paraEnd = eol;
        prev = 'text';
      }
    }
    if (eol === n) break;
    at = eol + 1;
  }
  close();
  return { keep, blocks, headings };
}
