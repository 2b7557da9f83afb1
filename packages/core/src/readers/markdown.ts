/**
 * Markdown → SourceDocument, via unified + remark-parse (+ remark-gfm for tables; remark-frontmatter,
 * so YAML or TOML front matter is skipped). Offsets always index the original file: prose
 * characters are kept in place and everything else (syntax, code, inline code, HTML, URLs, front
 * matter) becomes spaces; a character reference or backslash escape becomes the character it
 * shows, then spaces (`didn&rsquo;t`, `wheelchair\-bound`); struck-through text (`~~…~~`, deleted
 * wording) is blanked too; a word that emphasis, a link, a
 * reference or an escape splits (`re**fused**`) is joined up (join.ts). Headings become sections;
 * suppression comments become directives. Never re-serialises the Markdown. Pure: no I/O.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { decodeString } from 'micromark-util-decode-string';
import type { Nodes, Root } from 'mdast';
import type { Directive, Section, SourceDocument } from '../types.js';
import { parseDirectives } from '../suppress.js';
import { lineColumn, lineStarts, loneCrToLf, maskUrls } from './mask.js';
import { blankSoftHyphens, joinAcross } from './join.js';
import { SourdoughError } from '../errors.js';
import { readPlainMarkdown } from './markdown-plain.js';

/**
 * Markdown the parser handles in time worse than linear is refused (SD_ERR_TOO_LARGE) before
 * parsing: containers (`>` quotes, list markers) nested more than this deep at the start of a line
 * (very deep nesting also overflows the parser's stack)…
 */
export const MAX_MARKDOWN_NESTING = 100;
/** …and a run of more than this many `*`, `_`, `[` or `]` in a row (emphasis and link matching is quadratic in the run). */
export const MAX_MARKDOWN_DELIMITER_RUN = 500;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;
const CONTAINER_MARKER = />|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])/g;
const LONG_RUN = new RegExp(`\\*{${MAX_MARKDOWN_DELIMITER_RUN + 1}}|_{${MAX_MARKDOWN_DELIMITER_RUN + 1}}|\\[{${MAX_MARKDOWN_DELIMITER_RUN + 1}}|\\]{${MAX_MARKDOWN_DELIMITER_RUN + 1}}`);

/** Throw SD_ERR_TOO_LARGE for Markdown nested or repeated beyond the limits above. */
function guard(source: string, path: string | undefined): void {
  const name = path ?? 'the document';
  for (const m of source.matchAll(CONTAINER_PREFIX)) {
    if (m[0].length <= MAX_MARKDOWN_NESTING) continue;
    const depth = m[0].match(CONTAINER_MARKER)?.length ?? 0;
    if (depth > MAX_MARKDOWN_NESTING) {
      throw new SourdoughError('SD_ERR_TOO_LARGE', `${name} has quotes or lists nested more than ${MAX_MARKDOWN_NESTING} deep; sourdough cannot read Markdown nested that deeply`, path ? { file: path } : undefined);
    }
  }
  if (LONG_RUN.test(source)) {
    throw new SourdoughError('SD_ERR_TOO_LARGE', `${name} has a run of more than ${MAX_MARKDOWN_DELIMITER_RUN} * _ [ or ] characters in a row; sourdough cannot read Markdown like that`, path ? { file: path } : undefined);
  }
}

/** Front matter (`---` YAML or `+++` TOML at the very top) is metadata, not prose: it is skipped. */
const FRONT_MATTER = ['yaml', 'toml'] as const;
const gfmParser = unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]).use(remarkGfm);
/** CommonMark alone is about twice as fast; GFM is needed only for tables, footnotes and strikethrough. */
const plainParser = unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]);
const NEEDS_GFM = /\||\[\^|~~/;

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline HTML that shows nothing itself, so text on both sides of it can be one word. */
const INLINE_TAG = /^(?:<\/?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|time|u|var)\b[^>]*>|<!--[\s\S]*-->)$/i;
const SKIP_TYPES = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'math', 'inlineMath', 'yaml', 'toml']);

/** A character reference: named (`&rsquo;`), decimal (`&#8217;`) or hexadecimal (`&#x2019;`). */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;

/**
 * A text node's source as the text shows it: each character reference becomes its character
 * followed by blanks, and each backslash escape the escaped character after a blank, so the text
 * keeps the source's length (`didn&rsquo;t` → `didn’      t`, `wheelchair\-bound` →
 * `wheelchair -bound`). The blanks inside a word are added to `gaps`, to be closed (joinAcross).
 * `raw` is the node's source from `at`; `value` its text, as the parser decoded it. Null when the
 * two cannot be matched up character by character (the source is then kept as it is).
 */
function decodeInPlace(raw: string, value: string, at: number, gaps: [number, number][]): string | null {
  let out = '';
  const mine: [number, number][] = [];
  let j = 0;
  /** Blank raw[from, to) after `out`; a gap between two non-space characters is one to close. */
  const blank = (from: number, to: number, next: string | undefined): void => {
    const before = out[out.length - 1];
    out += ' '.repeat(to - from);
    if (before !== undefined && !SPACE.test(before) && next !== undefined && !SPACE.test(next)) mine.push([at + from, at + to]);
  };
  for (let i = 0; i < raw.length; ) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length && ASCII_PUNCTUATION.test(raw[i + 1]!) && value[j] === raw[i + 1]) {
      blank(i, i + 1, raw[i + 1]);
      out += raw[i + 1];
      i += 2;
      j += 1;
      continue;
    }
    if (c === '&') {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(raw);
      const decoded = m ? decodeString(m[0]) : undefined;
      if (m && decoded !== undefined && decoded !== m[0] && decoded.length <= m[0].length && value.startsWith(decoded, j)) {
        out += decoded;
        blank(i + decoded.length, i + m[0].length, raw[i + m[0].length]);
        i += m[0].length;
        j += decoded.length;
        continue;
      }
    }
    if (c === value[j]) {
      out += c;
      j++;
    } else if (SPACE.test(c)) out += c; // white space the parser left out (a continuation line's indent)
    else return null;
    i++;
  }
  if (j !== value.length) return null;
  gaps.push(...mine);
  return out;
}

/** A heading's title: its text as shown, inline code included (`Using \`respite\` care`). */
function plain(node: Nodes): string {
  if (node.type === 'text') return node.value.replace(/\u00ad/g, '');
  if (node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

/** Read a Markdown string into a document the engine can analyse. */
export function markdown(source: string, path?: string): SourceDocument {
  return readMarkdown(source, path, true);
}

/**
 * markdown(), with the fast path for plain documents (markdown-plain.ts) on or off. Exported for
 * the tests that check both give the same document.
 */
export function readMarkdown(source: string, path: string | undefined, fast: boolean): SourceDocument {
  const plainParse = fast ? readPlainMarkdown(source) : null;
  if (plainParse) {
    const sections: Section[] = plainParse.headings.map((h) => ({ offset: h.offset, depth: h.depth, title: h.title.replace(/\u00ad/g, '').trim() }));
    return finish(source, path, plainParse.keep, plainParse.blocks, sections, []);
  }
  // Plain Markdown (markdown-plain.ts) holds no `>`, `*`, `_`, `[` or `]` and no list inside a
  // list item, so it can break neither limit: the guard is for what goes to the parser.
  guard(source, path);
  const tree = (NEEDS_GFM.test(source) ? gfmParser : plainParser).parse(source) as Root;
  const keep: Kept[] = [];
  const blocks: { start: number; end: number }[] = [];
  const sections: Section[] = [];
  const directives: Directive[] = [];
  let starts: number[] | undefined;
  const lineOf = (offset: number): number => lineColumn((starts ??= lineStarts(source)), offset).line;

  // Emphasis or a link inside a word (`re**fused**`, `[Sam](…)'s`) leaves a gap of blanks in it;
  // the gaps are closed after reading (joinAcross), as the word shows whole when rendered. A gap is
  // closed only between two pieces of text with nothing shown between them: a block, inline
  // code, an image, a line break or any other leaf in between keeps them apart.
  const gaps: [number, number][] = [];
  let lastEnd = -1;
  const visit = (node: Nodes): void => {
    const pos = node.position;
    if (node.type === 'html') {
      if (pos?.start.offset !== undefined) directives.push(...parseDirectives(node.value, pos.start.offset, lineOf));
      if (!INLINE_TAG.test(node.value)) lastEnd = -1;
      return;
    }
    if (SKIP_TYPES.has(node.type)) {
      lastEnd = -1;
      return;
    }
    // Struck-through text (`~~refuses~~`, GFM): deleted wording, as a draft with its changes shown
    // marks it, is not part of what the document now says, so it is not read. Like hidden text in
    // HTML it leaves no break: a word edited in its middle (`refuse~~d~~s`) reads as it now stands.
    if (node.type === 'delete') return;
    if (node.type === 'text') {
      const a = pos?.start.offset;
      const b = pos?.end.offset;
      if (a !== undefined && b !== undefined) {
        if (lastEnd >= 0 && lastEnd < a && a < b && !/\s/.test(source[lastEnd - 1]!) && !/\s/.test(source[a]!)) gaps.push([lastEnd, a]);
        const raw = source.slice(a, b);
        // Character references and backslash escapes: the text holds what they show.
        const shown = raw === node.value || !/[&\\]/.test(raw) ? null : decodeInPlace(raw, node.value, a, gaps);
        keep.push(shown === null ? [a, b] : [a, b, shown]);
        lastEnd = b;
      }
      return;
    }
    if (BLOCK_TYPES.has(node.type)) lastEnd = -1;
    if (!('children' in node)) lastEnd = -1;
    if (BLOCK_TYPES.has(node.type) && pos?.start.offset !== undefined && pos.end.offset !== undefined) {
      blocks.push({ start: pos.start.offset, end: pos.end.offset });
    }
    if (node.type === 'heading' && pos?.start.offset !== undefined) {
      sections.push({ offset: pos.start.offset, depth: node.depth, title: plain(node).trim() });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return finish(source, path, keep, blocks, sections, directives, gaps);
}

/** A span of prose to keep: its start and end, and what the text shows there when not the source. */
type Kept = [number, number] | [number, number, string];

/** Blank everything but the kept prose (keeping line breaks) and assemble the document. */
function finish(
  source: string,
  path: string | undefined,
  keep: Kept[],
  blocks: { start: number; end: number }[],
  sections: Section[],
  directives: Directive[],
  gaps: [number, number][] = [],
): SourceDocument {
  keep.sort((a, b) => a[0] - b[0]);
  let masked = '';
  let at = 0;
  const blank = (from: number, to: number): string => source.slice(from, to).replace(/[^\n\r]/g, ' ');
  for (const [s, e, shown] of keep) {
    if (s < at) continue;
    masked += blank(at, s) + (shown ?? source.slice(s, e));
    at = e;
  }
  masked += blank(at, source.length);

  blocks.sort((a, b) => a.start - b.start);
  directives.sort((a, b) => a.offset - b.offset);
  // A soft hyphen (U+00AD, `&shy;`) shows nothing: the word it sits in reads whole.
  const shown = blankSoftHyphens(masked, gaps);
  const joined = joinAcross(shown.text, shown.gaps);
  const doc: SourceDocument = {
    source,
    text: loneCrToLf(maskUrls(joined.text)),
    format: 'markdown',
    blocks,
    sections,
    directives,
  };
  if (joined.moved.length) doc.moved = joined.moved;
  if (path !== undefined) doc.path = path;
  return doc;
}
