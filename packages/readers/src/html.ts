/**
 * HTML → SourceDocument: only the visible text is analysed. Offsets index the original HTML:
 * tags, comments, the head, scripts, styles, hidden elements and deleted (struck-through) text
 * (`<del>`, `<s>`, `<strike>`) become spaces (newlines kept, so
 * lines and columns stay true); an entity such as `&amp;` becomes its character followed by spaces. A word
 * that inline markup splits (`re<b>fused</b>`, `didn&rsquo;t`) is joined up, as a browser shows it
 * (core's joinAcross; `moved` maps its offsets back). Block elements (paragraphs, list items,
 * headings, table cells…) become blocks, so sentences never run across them; a `<br>` is a line
 * break within its block, white space between words; the value a one-line form field shows
 * (`<input value="…">`, text-like types only) is a block of its own, as a `<textarea>`'s text and a
 * drop-down list's selected option are (its other options are not read); a check box reads as ☒
 * or ☐ in its tag's first place; headings become sections; `<!-- sourdough-… -->` comments become directives.
 * HTML nested more than LIMITS.htmlNesting deep is refused (SD_ERR_TOO_LARGE). Pure: no I/O.
 */
import { Parser } from 'htmlparser2';
import { SourdoughError, blankSoftHyphens, joinAcross, lineColumn, lineStarts, loneCrToLf, maskUrls, parseDirectives, type Directive, type Section, type SourceDocument } from '@sourdough/core';
import { LIMITS } from './limits.js';

/** Elements whose content is never shown as text. */
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'canvas', 'datalist']);
/**
 * Deleted text: shown struck through (a draft with its changes shown, an edit history), it is no
 * longer part of what the document says, so it is not read. Like hidden text it leaves no break, so
 * a word edited in its middle (`refuse<del>d</del>s`) reads as it now stands.
 */
const DELETED = new Set(['del', 's', 'strike']);
/**
 * Elements that start or end a block of prose (a `<textarea>`'s text, shown in its box, is a block
 * of its own, and so is the option a saved form's drop-down list shows: `<option selected>`; the
 * others are hidden).
 */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'textarea', 'thead', 'tr', 'ul',
  'select', 'option',
]);
const HEADING = /^h([1-6])$/;
/**
 * What may stand in a document's head. Any other start tag, or text that is not white space, ends
 * a head left open (HTML5's "in head" rules): a page with `<head>` never closed and no `<body>`
 * shows its text, so it is read.
 */
const IN_HEAD = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'noscript', 'script', 'style', 'template', 'title', 'head']);
/**
 * Inline elements whose text is not part of the word beside it: a footnote mark (`refused<sup>1</sup>`),
 * a subscript, an image or a form control. (`<wbr>`, a place a long word may wrap, is not one: the
 * word is shown whole, so "attention<wbr>-seeking" reads as one word.)
 */
const APART = new Set(['sup', 'sub', 'img', 'input', 'button', 'ruby', 'rt', 'rp']);

/** `<input>` types whose value a browser shows as text in the field (not hidden, not a button or a date picker). */
const TEXT_INPUT = new Set(['text', 'search', 'email', 'tel', 'url']);

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style?.toLowerCase().replace(/\s+/g, '');
  return Boolean(style && (style.includes('display:none') || style.includes('visibility:hidden')));
}

/** Read an HTML string into a document the engine can analyse (visible text only). */
export function html(source: string, path?: string): SourceDocument {
  const chars: string[] = [];
  let copied = 0;
  const blocks: { start: number; end: number }[] = [];
  const sections: Section[] = [];
  const directives: Directive[] = [];
  let starts: number[] | undefined;
  const stack: string[] = [];
  let hiddenDepth = -1;
  let blockStart = -1;
  let blockEnd = -1;
  let heading: { offset: number; depth: number; title: string; stackDepth: number } | undefined;
  // Inline markup inside a word (`re<b>fused</b>`, `didn&rsquo;t`, a span around half a word)
  // leaves a gap of blanks in it; a browser shows the word whole, so the gaps are closed after
  // reading (joinAcross). `visibleEnd` is where the last text shown ended, if it ended with a
  // character that is not white space and no block has begun or ended since.
  const gaps: [number, number][] = [];
  let visibleEnd = -1;

  /** Blank the source from `copied` up to `to` (keeping line breaks). */
  const blankTo = (to: number): void => {
    if (to > copied) chars.push(source.slice(copied, to).replace(/[^\n\r]/g, ' '));
    copied = Math.max(copied, to);
  };
  const closeBlock = (): void => {
    visibleEnd = -1;
    if (blockStart >= 0 && blockEnd > blockStart) blocks.push({ start: blockStart, end: blockEnd });
    blockStart = -1;
    blockEnd = -1;
  };

  /**
   * One piece of text at `start` in the source, kept where it stands: plain text as written, an
   * entity as its character(s) padded with spaces. A word that `visible` (where the text shown
   * before it ends, -1 after white space) runs on into is recorded in `gaps`, to be joined up.
   * Returns the kept text and where the shown text now ends.
   */
  const keepText = (data: string, raw: string, start: number, visible: number): [string, number] => {
    const kept = data === raw ? raw : data.length <= raw.length ? data + ' '.repeat(raw.length - data.length) : raw;
    if (visible >= 0 && visible < start && !/\s/.test(kept[0] ?? ' ')) gaps.push([visible, start]);
    const shown = kept === raw ? raw.length : data.length;
    return [kept, shown > 0 && !/\s/.test(kept[shown - 1]!) ? start + shown : -1];
  };

  /**
   * The text a saved form shows in a one-line field (`<input value="…">`), as a block of its own,
   * like a `<textarea>`'s: the attribute's value is kept where it stands in the source (an entity
   * padded with spaces, as in text), the rest of the tag blanked.
   */
  const inputValue = (tagStart: number, tagEnd: number, value: string): void => {
    const m = /\svalue\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(source.slice(tagStart, tagEnd));
    if (!m) return;
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const start = tagStart + m.index + m[0].length - raw.length - (m[3] === undefined ? 1 : 0);
    const end = start + raw.length;
    const kept = value === raw ? raw : keptValue(raw, start);
    if (kept === undefined) return;
    closeBlock();
    blankTo(start);
    chars.push(kept);
    copied = end;
    blockStart = start;
    blockEnd = end;
    closeBlock();
  };

  /**
   * An attribute value with entities, as text is kept: each entity becomes its character(s)
   * padded with spaces where it stands, and a word an entity splits is joined up (gaps). Read by
   * a parser of its own, which hands over the text entity by entity as the document's parser does;
   * undefined (left unread) when the value holds a `<`, which that parser would take for a tag.
   */
  const keptValue = (raw: string, at: number): string | undefined => {
    if (raw.includes('<')) return undefined;
    let out = '';
    let vis = -1;
    const p: Parser = new Parser(
      {
        ontext(data) {
          const a = p.startIndex;
          const [kept, v] = keepText(data, raw.slice(a, p.endIndex + 1), at + a, vis);
          vis = v;
          out += kept;
        },
      },
      { decodeEntities: true },
    );
    p.write(raw);
    p.end();
    return out.length === raw.length ? out : undefined;
  };

  /** Inside a head left open, directly (not in its title or a script): what follows ends it. */
  const endOpenHead = (): void => {
    if (stack[stack.length - 1] !== 'head') return;
    stack.length -= 1;
    if (hiddenDepth > stack.length) hiddenDepth = -1;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!IN_HEAD.has(name)) endOpenHead();
        if (BLOCK.has(name)) closeBlock();
        else if (APART.has(name)) visibleEnd = -1;
        else if (name === 'br') {
          // A line break within the block: white space between the words, as in Markdown and Word.
          visibleEnd = -1;
          if (heading && hiddenDepth < 0) heading.title += ' ';
        }
        stack.push(name);
        if (stack.length > LIMITS.htmlNesting) {
          throw new SourdoughError('SD_ERR_TOO_LARGE', `${path ?? 'the document'} has elements nested more than ${LIMITS.htmlNesting} deep; sourdough cannot read HTML nested that deeply`, path ? { file: path } : undefined);
        }
        // A drop-down list shows its selected option only (none marked: nothing is read).
        const unshownOption = name === 'option' && !('selected' in attrs) && stack.includes('select');
        if (hiddenDepth < 0 && (INVISIBLE.has(name) || DELETED.has(name) || isHidden(attrs) || unshownOption)) hiddenDepth = stack.length;
        if (name === 'input' && hiddenDepth < 0 && typeof attrs.value === 'string' && /\S/.test(attrs.value) && TEXT_INPUT.has((attrs.type ?? 'text').toLowerCase())) {
          inputValue(parser.startIndex, parser.endIndex + 1, attrs.value);
        } else if (name === 'input' && hiddenDepth < 0 && (attrs.type ?? '').toLowerCase() === 'checkbox') {
          // A check box reads as a browser shows it, ticked (☒) or not (☐), standing apart from
          // the words around it; the mark takes the place of the tag's "<" (as an entity's
          // character takes the place of its "&"), so every other offset is unchanged.
          const at = parser.startIndex;
          blankTo(at);
          chars.push('checked' in attrs ? '☒' : '☐');
          copied = at + 1;
          visibleEnd = -1;
          if (blockStart < 0) blockStart = at;
          blockEnd = Math.max(blockEnd, at + 1);
        }
        const h = HEADING.exec(name);
        if (h && hiddenDepth < 0) heading = { offset: parser.startIndex, depth: Number(h[1]), title: '', stackDepth: stack.length };
      },
      onclosetag(name) {
        if (BLOCK.has(name)) closeBlock();
        else if (APART.has(name)) visibleEnd = -1;
        // htmlparser2 reports implied closes too, so the stack stays balanced.
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        if (hiddenDepth > stack.length) hiddenDepth = -1;
        if (heading && heading.stackDepth > stack.length) {
          sections.push({ offset: heading.offset, depth: heading.depth, title: heading.title.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim() });
          heading = undefined;
        }
      },
      ontext(data) {
        if (/\S/.test(data)) endOpenHead();
        if (hiddenDepth >= 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        blankTo(start);
        const raw = source.slice(start, end);
        const [kept, v] = keepText(data, raw, start, visibleEnd);
        visibleEnd = v;
        chars.push(kept);
        copied = end;
        if (heading) heading.title += data;
        if (/\S/.test(data)) {
          if (blockStart < 0) blockStart = start;
          blockEnd = end;
        }
      },
      oncomment(data) {
        const d = parseDirectives(`<!--${data}-->`, parser.startIndex, (o) => lineColumn((starts ??= lineStarts(source)), o).line)[0];
        if (d) directives.push(d);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  closeBlock();
  blankTo(source.length);
  // A soft hyphen (U+00AD, `&shy;`) shows nothing: the word it sits in reads whole.
  const shown = blankSoftHyphens(chars.join(''), gaps);
  const joined = joinAcross(shown.text, shown.gaps);
  const text = loneCrToLf(maskUrls(joined.text));
  blocks.sort((a, b) => a.start - b.start);
  const doc: SourceDocument = { source, text, format: 'html', blocks, sections, directives };
  if (joined.moved.length) doc.moved = joined.moved;
  if (path !== undefined) doc.path = path;
  return doc;
}
