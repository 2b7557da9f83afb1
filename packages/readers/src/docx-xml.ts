/**
 * Word XML, made readable by mammoth before it converts it. mammoth leaves out, with only a
 * warning, elements it does not know — and their text with them — and joins words across breaks
 * it does not show. So each part (document, footnotes, endnotes, headers, footers) is rewritten
 * first, as text edits at element boundaries (nothing else in the XML changes):
 *
 * - simple fields (`w:fldSimple`: mail-merge fields, document properties) and bidirectional
 *   wrappers (`w:dir`, `w:bdo`) are unwrapped, so the text they hold is read;
 * - a carriage return (`w:cr`), a page or column break becomes a line break, and an absolute tab
 *   (`w:ptab`) a tab, so the words on either side stay apart;
 * - hidden text (`w:vanish`, directly or through a style) is left out, as Word does not show it;
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
  /** Run: hidden by its own properties (true/false) or its style. */
  vanish?: boolean;
  styleHidden?: boolean;
  /** Paragraph: its style id. */
  pStyle?: string;
}

/** Style ids whose run properties hide text. */
export interface HiddenStyles {
  has(id: string): boolean;
}

export interface RewriteOptions {
  /** Character and paragraph styles that hide their text (hiddenStyles()). */
  hidden?: HiddenStyles;
  /** Paragraph XML (using the w prefix) to put in place of an embedded chunk, by relationship id. */
  altChunk?: (id: string) => string;
}

/** True for an on/off property that is on (`<w:vanish/>`, `w:val="true"`). */
function on(attrs: Record<string, string>, w: string): boolean {
  const v = attrs[`${w}:val`] ?? attrs.val;
  return v === undefined || !(v === 'false' || v === '0' || v === 'off');
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
  const parent = (depth = 1): Open | undefined => stack[stack.length - depth];
  const nearest = (name: string): Open | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === name) return stack[i];
    return undefined;
  };
  const attr = (attrs: Record<string, string>, ns2: string, local: string): string | undefined => {
    for (const [k, v] of Object.entries(attrs)) {
      const colon = k.indexOf(':');
      if (colon > 0 && k.slice(colon + 1) === local && ns?.get(k.slice(0, colon)) === ns2) return v;
    }
    return undefined;
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
        const up = parent();
        if (name === 'w:vanish' && up?.name === 'w:rPr' && parent(2)?.name === 'w:r') parent(2)!.vanish = on(attrs, w);
        else if (name === 'w:rStyle' && up?.name === 'w:rPr' && parent(2)?.name === 'w:r') {
          const id = attr(attrs, 'w', 'val');
          if (id !== undefined && options.hidden?.has(id)) parent(2)!.styleHidden = true;
        } else if (name === 'w:pStyle' && up?.name === 'w:pPr' && parent(2)?.name === 'w:p') {
          const id = attr(attrs, 'w', 'val');
          if (id !== undefined) parent(2)!.pStyle = id;
        }
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
        } else if (name === 'w:r') {
          const p = nearest('w:p');
          const hidden = open.vanish ?? (open.styleHidden || (p?.pStyle !== undefined && options.hidden?.has(p.pStyle)) || false);
          if (hidden) edits.push({ from: open.start, to: closeEnd, text: '' });
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

/**
 * The styles (character or paragraph) whose run properties hide text, following `w:basedOn`, from
 * styles.xml.
 */
export function hiddenStyles(stylesXml: string | undefined): HiddenStyles {
  const hidden = new Set<string>();
  if (!stylesXml) return hidden;
  const own = new Map<string, { vanish?: boolean; basedOn?: string }>();
  let ns: Map<string, string> | undefined;
  const stack: string[] = [];
  let current: { vanish?: boolean; basedOn?: string } | undefined;
  const norm = (name: string): string => {
    const colon = name.indexOf(':');
    const known = ns?.get(colon < 0 ? '' : name.slice(0, colon));
    return known ? `${known}:${name.slice(colon + 1)}` : '';
  };
  const val = (attrs: Record<string, string>): string | undefined => Object.entries(attrs).find(([k]) => k === 'val' || k.endsWith(':val'))?.[1];
  const parser = new Parser(
    {
      onopentag(rawName, attrs) {
        ns ??= prefixes(attrs);
        const name = norm(rawName);
        const up = stack[stack.length - 1];
        if (name === 'w:style') {
          const id = Object.entries(attrs).find(([k]) => k === 'styleId' || k.endsWith(':styleId'))?.[1];
          current = {};
          if (id !== undefined) own.set(id, current);
        } else if (current && name === 'w:basedOn' && up === 'w:style') {
          const v = val(attrs);
          if (v !== undefined) current.basedOn = v;
        } else if (current && name === 'w:vanish' && up === 'w:rPr' && stack[stack.length - 2] === 'w:style') {
          const v = val(attrs);
          current.vanish = v === undefined || !(v === 'false' || v === '0' || v === 'off');
        }
        stack.push(name);
      },
      onclosetag() {
        if (stack.pop() === 'w:style') current = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.write(stylesXml);
  parser.end();
  for (const id of own.keys()) {
    let s: string | undefined = id;
    for (let depth = 0; s !== undefined && depth < 20; depth++) {
      const style = own.get(s);
      if (!style) break;
      if (style.vanish !== undefined) {
        if (style.vanish) hidden.add(id);
        break;
      }
      s = style.basedOn;
    }
  }
  return hidden;
}
