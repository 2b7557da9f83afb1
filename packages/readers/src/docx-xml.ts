/**
 * Word XML, made readable by mammoth before it converts it. mammoth leaves out, with only a
 * warning, elements it does not know — and their text with them — and joins words across breaks
 * it does not show. So each part (document, footnotes, endnotes) is rewritten
 * first, as text edits at element boundaries (nothing else in the XML changes):
 *
 * - simple fields (`w:fldSimple`: mail-merge fields, document properties) and bidirectional
 *   wrappers (`w:dir`, `w:bdo`) are unwrapped, so the text they hold is read;
 * - a carriage return (`w:cr`), a page or column break becomes a line break, and an absolute tab
 *   (`w:ptab`) a tab, so the words on either side stay apart;
 * - an embedded chunk (`w:altChunk`) is replaced by the paragraphs `altChunk` gives for it.
 *
 * Pure: strings in, string out.
 */
import { Parser } from 'htmlparser2';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

/** Elements that only wrap text: their content is read as if they were not there. */
const UNWRAP = new Set(['fldSimple', 'dir', 'bdo']);

/** A text edit: replace [from, to) by `text`. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

interface Open {
  /** `w:p`, `w:r`… with the prefix normalised to w ('' for other namespaces). */
  name: string;
  start: number;
  openEnd: number;
}

export interface RewriteOptions {
  /** Paragraph XML (using the w prefix) to put in place of an embedded chunk, by relationship id. */
  altChunk?: (id: string) => string;
}

/** The namespace prefixes a part declares (on its root element, where Word puts them). */
function prefixes(attrs: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(attrs)) {
    if (!k.startsWith('xmlns:')) continue;
    const p = k.slice(6);
    if (W_NS.has(v)) map.set(p, 'w');
  }
  return map;
}

/** Rewrite one Word XML part (see above). */
export function rewritePart(xml: string, options: RewriteOptions = {}): string {
  const edits: Edit[] = [];
  const stack: Open[] = [];
  let ns: Map<string, string> | undefined;
  let w = 'w';
  /** Normalised name: "w:p", or "" for elements of other namespaces. */
  const norm = (name: string): string => {
    const colon = name.indexOf(':');
    const known = ns?.get(colon < 0 ? '' : name.slice(0, colon));
    return known ? `${known}:${name.slice(colon + 1)}` : '';
  };

  const parser: Parser = new Parser(
    {
      onopentag(rawName, attrs) {
        if (!ns) {
          ns = prefixes(attrs);
          w = [...ns].find(([, v]) => v === 'w')?.[0] ?? 'w';
        }
        const name = norm(rawName);
        const open: Open = { name, start: parser.startIndex, openEnd: parser.endIndex + 1 };
        stack.push(open);
      },
      onclosetag() {
        const open = stack.pop();
        if (!open) return;
        const closeStart = parser.startIndex;
        const closeEnd = parser.endIndex + 1;
        const selfClosing = closeStart === open.start;
        const { name } = open;
        const local = name.slice(name.indexOf(':') + 1);
        if (name.startsWith('w:') && UNWRAP.has(local)) {
          if (selfClosing) edits.push({ from: open.start, to: closeEnd, text: '' });
          else edits.push({ from: open.start, to: open.openEnd, text: '' }, { from: closeStart, to: closeEnd, text: '' });
        } else if (name === 'w:cr' || (name === 'w:br' && brBreaksPage(xml.slice(open.start, open.openEnd)))) {
          edits.push({ from: open.start, to: closeEnd, text: `<${w}:br/>` });
        } else if (name === 'w:ptab') {
          edits.push({ from: open.start, to: closeEnd, text: `<${w}:tab/>` });
        } else if (name === 'w:altChunk' && options.altChunk) {
          const id = relId(xml.slice(open.start, open.openEnd));
          if (id !== undefined) edits.push({ from: open.start, to: closeEnd, text: options.altChunk(id) });
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (!edits.length) return xml;
  return apply(xml, edits, 0, xml.length);
}

/** True for the open tag of a page or column break. */
function brBreaksPage(tag: string): boolean {
  return /\b(?:\w+:)?type\s*=\s*["'](?:page|column)["']/.test(tag);
}

/** The relationship id (`r:id`) in an open tag. */
function relId(tag: string): string | undefined {
  return /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? /\s(?:\w+:)?id\s*=\s*'([^']*)'/.exec(tag)?.[1];
}

/**
 * The source from `from` to `to` with the edits inside it applied (an edit inside a larger one is
 * dropped).
 */
function apply(xml: string, edits: Edit[], from: number, to: number): string {
  const sorted = edits.filter((e) => e.from >= from && e.to <= to).sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let at = from;
  for (const e of sorted) {
    if (e.from < at) continue; // inside a cut already made
    out += xml.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + xml.slice(at, to);
}
