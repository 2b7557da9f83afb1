/**
 * Word XML, made readable for mammoth before it converts it. mammoth leaves out, with only a
 * warning, elements it does not know — and their text with them — and joins words across breaks
 * it does not show. So each part (document, footnotes, endnotes, headers, footers) is rewritten
 * first, as text edits at element boundaries (nothing else in the XML changes):
 *
 * - simple fields (`w:fldSimple`: mail-merge fields, document properties) and bidirectional
 *   wrappers (`w:dir`, `w:bdo`) are unwrapped, so the text they hold is read;
 * - a carriage return (`w:cr`), a page or column break becomes a line break, and an absolute tab
 *   (`w:ptab`) a tab, so the words on either side stay apart;
 * - hidden text (`w:vanish`, directly or through a style) is left out, as Word does not show it;
 * - the text of a text box given only in the modern drawing form (no VML fallback) is read;
 * - an embedded chunk (`w:altChunk`) is replaced by the paragraphs `altChunk` gives for it;
 * - a symbol (`w:sym`), which mammoth leaves out, is read as its character: a check box's ☒ or ☐
 *   (a content control writes one as `w:sym`), or a Wingdings tick, box or cross (see symbolText).
 *
 * Pure: strings in, string out.
 */
import { Parser } from 'htmlparser2';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements that only wrap text: their content is read as if they were not there. */
const UNWRAP = new Set(['fldSimple', 'dir', 'bdo']);

/** A text edit: replace [from, to) by `text` (for a text box copy, then the rewritten source spans and `after`). */
interface Edit {
  from: number;
  to: number;
  text: string;
  /** Source spans copied (rewritten) after `text`, then `after`: used for text boxes. */
  copy?: [number, number][];
  after?: string;
}

interface Open {
  /** `w:p`, `mc:Choice`… with the prefix normalised to w or mc ('' for other namespaces). */
  name: string;
  start: number;
  openEnd: number;
  /** Run: hidden by its own properties (true/false) or its style. */
  vanish?: boolean;
  styleHidden?: boolean;
  /** Paragraph: its style id. */
  pStyle?: string;
  /** mc:AlternateContent: its choices, whether it has a fallback, and text box copies made inside it. */
  choices?: { start: number; openEnd: number; closeStart: number; closeEnd: number }[];
  fallback?: boolean;
  pending?: Edit[];
  /** w:sym: its font and character code (hex), as written. */
  sym?: [string, string];
  /** w:drawing: the text box contents inside it (outermost). */
  boxes?: [number, number][];
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
    else if (v === MC_NS) map.set(p, 'mc');
  }
  return map;
}

/** Rewrite one Word XML part (see above). */
export function rewritePart(xml: string, options: RewriteOptions = {}): string {
  const edits: Edit[] = [];
  const stack: Open[] = [];
  let ns: Map<string, string> | undefined;
  let w = 'w';
  /** Normalised name: "w:p", "mc:Choice", or "" for elements of other namespaces. */
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
        } else if (name === 'w:txbxContent') {
          const drawing = nearest('w:drawing');
          if (drawing && !stack.some((o) => o.name === 'w:txbxContent')) (drawing.boxes ??= []).push([open.start, -1]);
        } else if (name === 'mc:Fallback' && up?.name === 'mc:AlternateContent') up.fallback = true;
        else if (name === 'w:sym') open.sym = [attr(attrs, 'w', 'font') ?? '', attr(attrs, 'w', 'char') ?? ''];
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
        } else if (name === 'w:sym' && parent()?.name === 'w:r') {
          const text = open.sym ? symbolText(open.sym[0], open.sym[1]) : '';
          edits.push({ from: open.start, to: closeEnd, text: text ? `<${w}:t>${text}</${w}:t>` : '' });
        } else if (name === 'w:ptab') {
          edits.push({ from: open.start, to: closeEnd, text: `<${w}:tab/>` });
        } else if (name === 'w:r') {
          const p = nearest('w:p');
          const hidden = open.vanish ?? (open.styleHidden || (p?.pStyle !== undefined && options.hidden?.has(p.pStyle)) || false);
          if (hidden) edits.push({ from: open.start, to: closeEnd, text: '' });
        } else if (name === 'w:txbxContent') {
          const drawing = nearest('w:drawing');
          const box = drawing?.boxes?.find((b) => b[0] === open.start);
          if (box) box[1] = closeEnd;
        } else if (name === 'w:drawing' && open.boxes?.length) {
          // mammoth reads a text box only in its VML form (w:pict); the drawing's boxes are copied into one.
          const edit: Edit = { from: closeEnd, to: closeEnd, text: `<${w}:pict>`, copy: open.boxes.filter((b) => b[1] > 0), after: `</${w}:pict>` };
          const ac = nearest('mc:AlternateContent');
          if (ac) (ac.pending ??= []).push(edit);
          else edits.push(edit);
        } else if (name === 'mc:Choice') {
          const up = parent();
          if (up?.name === 'mc:AlternateContent') (up.choices ??= []).push({ start: open.start, openEnd: open.openEnd, closeStart, closeEnd });
        } else if (name === 'mc:AlternateContent') {
          const pending = open.pending ?? [];
          const choices = open.choices ?? [];
          /** Text box copies to make: an enclosing alternate decides in turn whether its part is read. */
          const keep = (es: Edit[]): void => {
            const outer = nearest('mc:AlternateContent');
            if (outer) (outer.pending ??= []).push(...es);
            else edits.push(...es);
          };
          if (open.fallback) {
            // mammoth reads the fallback: copies from drawings inside it are made, those in the choices not.
            const after = choices.length ? choices[choices.length - 1]!.closeEnd : open.openEnd;
            keep(pending.filter((e) => e.from >= after));
          } else if (choices.length && !selfClosing) {
            // mammoth reads only the fallback; without one, the first choice is read in its place.
            const [first, ...rest] = choices;
            edits.push({ from: open.start, to: open.openEnd, text: '' }, { from: closeStart, to: closeEnd, text: '' });
            edits.push({ from: first!.start, to: first!.openEnd, text: '' }, { from: first!.closeStart, to: first!.closeEnd, text: '' });
            for (const c of rest) edits.push({ from: c.start, to: c.closeEnd, text: '' });
            keep(pending.filter((e) => e.from >= first!.openEnd && e.to <= first!.closeStart));
          }
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

/**
 * The characters a symbol font's private-use code (F0xx, or the bare byte) shows in Wingdings and
 * Wingdings 2, for the ticks, boxes and crosses forms use: what Word shows for them.
 */
const SYMBOL_FONTS: Record<string, Record<number, string>> = {
  wingdings: { 0xfe: '☑', 0xfd: '☒', 0xfc: '✓', 0xfb: '✗', 0xa8: '☐', 0x6f: '☐', 0x78: '☒' },
  'wingdings 2': { 0x52: '☑', 0x54: '☒', 0xa3: '☐', 0x50: '✓', 0x4f: '✗' },
};

/**
 * What a `w:sym` shows, as text: a Unicode character as itself (MS Gothic's ☒ 2612, Segoe UI
 * Symbol's ✓), a symbol font's tick, box or cross by SYMBOL_FONTS, or '' for anything else (an
 * unknown symbol is left out, as before, rather than guessed). XML-escaped.
 */
export function symbolText(font: string, char: string): string {
  if (!/^[0-9A-Fa-f]{1,6}$/.test(char)) return '';
  const code = parseInt(char, 16);
  const table = SYMBOL_FONTS[font.trim().toLowerCase()];
  if (table) return table[code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code] ?? '';
  // Private use (a symbol font we have no table for), controls and surrogates show nothing we can read.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xf8ff) || code > 0x10ffff) return '';
  const c = String.fromCodePoint(code);
  return c === '<' ? '&lt;' : c === '&' ? '&amp;' : c === '>' ? '&gt;' : c;
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
 * The source from `from` to `to` with the edits inside it applied: an edit inside a larger one is
 * dropped; an insertion where a cut starts goes before it.
 */
function apply(xml: string, edits: Edit[], from: number, to: number): string {
  const sorted = edits.filter((e) => e.from >= from && e.to <= to).sort((a, b) => a.from - b.from || Number(a.to > a.from) - Number(b.to > b.from) || b.to - a.to);
  let out = '';
  let at = from;
  for (const e of sorted) {
    if (e.from < at) continue; // inside a cut already made
    out += xml.slice(at, e.from) + e.text;
    if (e.copy) {
      for (const [a, b] of e.copy) out += apply(xml, edits, a, b);
      out += e.after ?? '';
    }
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
