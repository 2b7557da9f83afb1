/**
 * Markdown → SourceDocument, via unified + remark-parse (+ remark-gfm for tables; remark-frontmatter,
 * so YAML or TOML front matter is skipped). Offsets always index the original file: prose
 * characters are kept in place and everything else (syntax, code, inline code, HTML, URLs, front
 * matter) becomes spaces; a word that emphasis or a link splits (`re**fused**`) is
 * joined up (join.ts). Headings become sections; suppression comments become
 * directives. Never re-serialises the Markdown. Pure: no I/O.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import type { Directive, Section, SourceDocument } from '../types.js';
import { parseDirectives } from '../suppress.js';
import { lineColumn, lineStarts, loneCrToLf, maskUrls } from './mask.js';
import { joinAcross } from './join.js';
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

function plain(node: Nodes): string {
  if (node.type === 'text') return node.value;
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
    const sections: Section[] = plainParse.headings.map((h) => ({ offset: h.offset, depth: h.depth, title: h.title.trim() }));
    return finish(source, path, plainParse.keep, plainParse.blocks, sections, []);
  }
  // Plain Markdown (markdown-plain.ts) holds no `>`, `*`, `_`, `[` or `]` and no list inside a
  // list item, so it can break neither limit: the guard is for what goes to the parser.
  guard(source, path);
  const tree = (NEEDS_GFM.test(source) ? gfmParser : plainParser).parse(source) as Root;
  const keep: [number, number][] = [];
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
    if (node.type === 'text') {
      const a = pos?.start.offset;
      const b = pos?.end.offset;
      if (a !== undefined && b !== undefined) {
        keep.push([a, b]);
        if (lastEnd >= 0 && lastEnd < a && a < b && !/\s/.test(source[lastEnd - 1]!) && !/\s/.test(source[a]!)) gaps.push([lastEnd, a]);
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

/** Blank everything but the kept prose (keeping line breaks) and assemble the document. */
function finish(
  source: string,
  path: string | undefined,
  keep: [number, number][],
  blocks: { start: number; end: number }[],
  sections: Section[],
  directives: Directive[],
  gaps: [number, number][] = [],
): SourceDocument {
  keep.sort((a, b) => a[0] - b[0]);
  let masked = '';
  let at = 0;
  const blank = (from: number, to: number): string => source.slice(from, to).replace(/[^\n\r]/g, ' ');
  for (const [s, e] of keep) {
    if (s < at) continue;
    masked += blank(at, s) + source.slice(s, e);
    at = e;
  }
  masked += blank(at, source.length);

  blocks.sort((a, b) => a.start - b.start);
  directives.sort((a, b) => a.offset - b.offset);
  const joined = joinAcross(masked, gaps);
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
