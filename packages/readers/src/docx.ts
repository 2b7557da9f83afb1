/**
 * DOCX → SourceDocument via mammoth. The text analysed is the document's paragraphs (headings,
 * list items, table cells) extracted in order, one per line, then the footnotes and endnotes, then
 * the page headers and footers (each under a section of its own: "Footnotes", "Header"…), so line
 * N is paragraph N and every finding also carries `paragraph`. Offsets index this extracted text
 * (SPEC §3). Headings and the title (Word's Title style) become sections; comments and
 * struck-through text (deleted wording in a draft) are not read.
 * Before mammoth reads the Word XML, it is made readable (docx-xml.ts): text mammoth would leave
 * out or run together is kept whole, and hidden text, which Word does not show, is left out. An
 * embedded chunk (`w:altChunk`) in HTML or plain text is read; one in another format (RTF, a web
 * archive, another Word file) fails the file with SD_ERR_READ_DOCX rather than be skipped without
 * a word. A file that is not a Word document fails with SD_ERR_READ_DOCX. No I/O here: it takes
 * the bytes. Runs in a browser too (readDocx(), without the zip check): no Buffer or other Node API.
 */
import { Parser } from 'htmlparser2';
import type JSZip from 'jszip';
import { SourdoughError, maskUrls, type Section, type SourceDocument } from '@sourdough/core';
import { LIMITS, checkDocx, tooLarge } from './limits.js';
import { hiddenStyles, rewritePart } from './docx-xml.js';
import { html } from './html.js';
import { decodeUtf8 } from './decode.js';

/** Elements mammoth emits that hold one paragraph of text each. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'pre', 'blockquote']);
const HEADING = /^h([1-6])$/;

interface Para {
  text: string;
  heading?: number;
  /** Not in the body: the section it is read under (notes, the page header or footer). */
  part?: string;
}

/** mammoth's note marks: a reference ("[1]") and a note's link back to it ("↑"). Not the document's text. */
const NOTE_LINK = /^#(?:footnote|endnote)-(?:ref-)?\d+$/;
/** A footnote or endnote in mammoth's list of notes, after the body. */
const NOTE = /^(footnote|endnote)-\d+$/;

/**
 * Split mammoth's HTML into paragraphs (innermost paragraph element wins, e.g. `<li><p>`). Notes
 * are read under sections of their own ("Footnotes", "Endnotes"), without mammoth's marks.
 */
function paragraphsOf(htmlText: string): Para[] {
  const out: Para[] = [];
  const open: Para[] = [];
  /** Open elements: whether each is a note mark, or the note it starts. */
  const stack: { mark?: true; note?: string; struck?: true }[] = [];
  let marks = 0;
  /** Open struck-through runs (mammoth's `<s>`): deleted wording, not read (as in Markdown and HTML). */
  let struck = 0;
  let note: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const entry: { mark?: true; note?: string; struck?: true } = {};
        if (name === 'a' && attrs.href && NOTE_LINK.test(attrs.href)) {
          entry.mark = true;
          marks++;
        }
        if (name === 's' || name === 'del') {
          entry.struck = true;
          struck++;
        }
        const n = name === 'li' && attrs.id ? NOTE.exec(attrs.id) : null;
        if (n) note = entry.note = n[1] === 'footnote' ? 'Footnotes' : 'Endnotes';
        stack.push(entry);
        if (!PARAGRAPH.has(name)) {
          if (name === 'br' && open.length) open[open.length - 1]!.text += ' ';
          // A check box content control (mammoth gives it as an input): read as Word shows it.
          else if (name === 'input' && attrs.type === 'checkbox' && open.length && !marks) open[open.length - 1]!.text += 'checked' in attrs ? '☒' : '☐';
          return;
        }
        const h = HEADING.exec(name);
        const para: Para = { text: '' };
        if (h) para.heading = Number(h[1]);
        if (note) para.part = note;
        open.push(para);
        out.push(para); // reserve the place now so nested paragraphs keep document order
      },
      onclosetag(name) {
        const entry = stack.pop();
        if (entry?.mark) marks--;
        if (entry?.struck) struck--;
        if (entry?.note) note = undefined;
        if (!PARAGRAPH.has(name)) return;
        open.pop();
      },
      ontext(data) {
        if (open.length && !marks && !struck) open[open.length - 1]!.text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(htmlText);
  parser.end();
  return out.filter((p) => p.text.trim());
}

// ---------------------------------------------------------------------------
// The package: relationships and content types, to find the parts mammoth reads.

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

interface Relationship {
  id: string;
  /** The last part of the type URI: officeDocument, footnotes, aFChunk, header… */
  type: string;
  /** The part's path in the zip (no leading slash), or undefined for an external target. */
  part?: string;
}

/** Elements' attributes by element local name, from a small XML part. */
function elements(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === local || name.endsWith(`:${local}`)) out.push(attrs);
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/** Resolve a relationship target against the folder of the part it belongs to. */
function resolvePart(from: string, target: string): string {
  const segments = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const s of target.replace(/^\/+/, '').split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The relationships of a part (from its `_rels/NAME.rels`). */
function relationships(relsXml: string | undefined, from: string): Relationship[] {
  if (!relsXml) return [];
  return elements(relsXml, 'Relationship').flatMap((a) => {
    const id = a.Id;
    const type = a.Type ?? '';
    if (id === undefined) return [];
    const short = type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(REL_STRICT) ? type.slice(REL_STRICT.length) : type;
    const rel: Relationship = { id, type: short };
    if (a.TargetMode !== 'External' && a.Target) rel.part = resolvePart(from, decodeURIComponent(a.Target));
    return [rel];
  });
}

const relsPath = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** An open .docx package (jszip) with the reads the reader needs. */
interface Pkg {
  zip: JSZip;
  text(part: string): Promise<string | undefined>;
  bytes(part: string): Promise<Uint8Array | undefined>;
  contentType(part: string): string;
}

async function openPackage(bytes: Uint8Array): Promise<Pkg> {
  const { default: Zip } = await import('jszip');
  const zip = await Zip.loadAsync(bytes);
  const file = (part: string): JSZip.JSZipObject | null => zip.file(part) ?? zip.file(Object.keys(zip.files).find((n) => n.toLowerCase() === part.toLowerCase()) ?? '');
  const text = async (part: string): Promise<string | undefined> => {
    const f = file(part);
    return f ? new TextDecoder('utf-8').decode(await f.async('uint8array')) : undefined;
  };
  const types = (await text('[Content_Types].xml')) ?? '';
  const defaults = new Map(elements(types, 'Default').map((a) => [(a.Extension ?? '').toLowerCase(), a.ContentType ?? '']));
  const overrides = new Map(elements(types, 'Override').map((a) => [(a.PartName ?? '').replace(/^\//, '').toLowerCase(), a.ContentType ?? '']));
  return {
    zip,
    text,
    bytes: async (part) => (await file(part)?.async('uint8array')) ?? undefined,
    contentType: (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase()) ?? '',
  };
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word paragraphs (w prefix) holding the given lines of text. */
const paragraphsXml = (lines: string[]): string => lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`).join('');

/**
 * The paragraphs of an embedded chunk, as Word XML: an HTML chunk's blocks of visible text, a plain
 * text chunk's lines. Any other kind cannot be read, and the file fails rather than be checked
 * without it.
 */
async function chunkParagraphs(pkg: Pkg, rel: Relationship | undefined, path: string | undefined): Promise<string> {
  const name = path ?? 'the file';
  const unreadable = (): SourdoughError =>
    new SourdoughError(
      'SD_ERR_READ_DOCX',
      `${name} has a part embedded in a form sourdough cannot read (such as RTF, a web archive or another Word file), so it cannot be checked in full: open it in Word and save it again as .docx, which makes that part ordinary text, then check it again`,
      path ? { file: path } : undefined,
    );
  if (!rel?.part) return ''; // a chunk whose part is missing shows nothing in Word either
  const bytes = await pkg.bytes(rel.part);
  if (!bytes) return '';
  const type = pkg.contentType(rel.part).toLowerCase();
  const ext = rel.part.slice(rel.part.lastIndexOf('.') + 1).toLowerCase();
  let source: string;
  try {
    source = decodeUtf8(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes, name);
  } catch {
    throw unreadable();
  }
  if (type === 'text/html' || type === 'application/xhtml+xml' || (!type && (ext === 'html' || ext === 'htm'))) {
    const doc = html(source);
    return paragraphsXml(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\s+/g, ' ').trim()).filter(Boolean));
  }
  if (type === 'text/plain' || (!type && ext === 'txt')) {
    return paragraphsXml(source.split(/\r\n?|\n/).filter((l) => l.trim()));
  }
  throw unreadable();
}

/** The paragraphs of a .docx file, in reading order. */
async function extract(bytes: Uint8Array, path: string | undefined): Promise<Para[]> {
  const pkg = await openPackage(bytes);
  const main = relationships(await pkg.text('_rels/.rels'), '').find((r) => r.type === 'officeDocument')?.part ?? 'word/document.xml';
  const rels = relationships(await pkg.text(relsPath(main)), main);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const stylesPart = rels.find((r) => r.type === 'styles')?.part;
  const hidden = hiddenStyles(stylesPart ? await pkg.text(stylesPart) : undefined);

  // Rewrite the parts mammoth reads: the document, then its notes.
  const mainXml = await pkg.text(main);
  let changed = false;
  if (mainXml !== undefined) {
    const chunks = new Map<string, string>();
    for (const id of new Set([...mainXml.matchAll(/<(?:\w+:)?altChunk\b[^>]*?\s(?:\w+:)?id\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!))) {
      chunks.set(id, await chunkParagraphs(pkg, byId.get(id), path));
    }
    const rewritten = rewritePart(mainXml, { hidden, altChunk: (id) => chunks.get(id) ?? '' });
    if (rewritten !== mainXml) {
      pkg.zip.file(main, rewritten);
      changed = true;
    }
  }
  for (const rel of rels) {
    if (!rel.part || (rel.type !== 'footnotes' && rel.type !== 'endnotes')) continue;
    const xml = await pkg.text(rel.part);
    if (xml === undefined) continue;
    const rewritten = rewritePart(xml, { hidden });
    if (rewritten !== xml) {
      pkg.zip.file(rel.part, rewritten);
      changed = true;
    }
  }
  const input = changed ? await pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }) : bytes;
  const paras = paragraphsOf(await convert(input));

  // Page headers and footers, which mammoth does not read: each is read as a document of its own
  // (a small package of just its XML, as the body, and its relationships), after the body and
  // notes, so the body's paragraph numbers stay as they are. A paragraph repeated in another
  // header or footer (first page, even pages) is read once.
  if (mainXml === undefined) return paras;
  const seen = new Set<string>();
  const headerParts = (['header', 'footer'] as const).map((kind) => {
    const ids = [...mainXml.matchAll(new RegExp(`<(?:\\w+:)?${kind}Reference\\b[^>]*?\\s(?:\\w+:)?id\\s*=\\s*["']([^"']*)["']`, 'g'))].map((m) => m[1]!);
    return [kind, [...new Set(ids.map((id) => byId.get(id)).filter((r) => r?.type === kind && r.part).map((r) => r!.part!))]] as const;
  });
  if (headerParts.reduce((n, [, parts]) => n + parts.length, 0) > LIMITS.docxHeaderParts) {
    throw tooLarge(path, `its number of page headers and footers`, LIMITS.docxHeaderParts);
  }
  for (const [kind, parts] of headerParts) {
    for (const part of parts) {
      const xml = await pkg.text(part);
      const asDocument = xml === undefined ? undefined : wrapAsDocument(rewritePart(xml, { hidden }));
      if (!asDocument) continue;
      for (const para of paragraphsOf(await convert(await smallPackage(asDocument, await pkg.text(relsPath(part)))))) {
        const key = para.text.replace(/\s+/g, ' ').trim();
        if (seen.has(key)) continue;
        seen.add(key);
        paras.push({ text: para.text, part: kind === 'header' ? 'Header' : 'Footer' });
      }
    }
  }
  return paras;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}officeDocument" Target="word/document.xml"/></Relationships>`;
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/**
 * A package holding only a document and its relationships, for mammoth to read a header or footer
 * quickly: none of the rest (styles, notes, images) is read again for each.
 */
async function smallPackage(documentXml: string, relsXml: string | undefined): Promise<Uint8Array> {
  const { default: Zip } = await import('jszip');
  const zip = new Zip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', documentXml);
  zip.file('word/_rels/document.xml.rels', relsXml ?? EMPTY_RELS);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A header or footer part's XML as a document whose body is its content (undefined when empty). */
function wrapAsDocument(xml: string): string | undefined {
  const open = /<((?:[\w.-]+:)?)(hdr|ftr)\b([^>]*?)(\/?)>/.exec(xml);
  if (!open || open[4]) return undefined;
  const [tag, prefix, name, attrs] = open;
  const close = xml.lastIndexOf(`</${prefix}${name}`);
  if (close < open.index) return undefined;
  return `${xml.slice(0, open.index)}<${prefix}document${attrs}><${prefix}body>${xml.slice(open.index + tag.length, close)}</${prefix}body></${prefix}document>`;
}

/** mammoth's HTML for a .docx. */
async function convert(input: Uint8Array): Promise<string> {
  // Loaded on first use: most runs read no Word files, and mammoth takes a while to load.
  const { default: mammoth } = await import('mammoth');
  // The bytes go in under both names: mammoth reads `buffer` in Node and `arrayBuffer` in a
  // browser (the web page runs this reader too), and both hand them to JSZip, which takes a
  // Uint8Array. No Buffer, so the same code runs in both.
  const result = await mammoth.convertToHtml(
    { buffer: input, arrayBuffer: input } as unknown as { buffer: Buffer },
    {
      // Images are never read (not even encoded): only their place is kept.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      // A document's title (Word's Title style) starts a section, as a heading does.
      styleMap: ["p[style-name='Title'] => h1:fresh"],
    },
  );
  return result.value;
}

/** Read the bytes of a .docx file into a document; `path` is used in messages. */
export async function docx(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  // Size limits first: a zip bomb is refused before anything inflates it for reading.
  await checkDocx(bytes, path);
  return readDocx(bytes, path);
}

/**
 * docx() without the zip size check (which needs Node): for the web page, which runs this reader
 * in the browser on the person's own file (bundled by the server's build, scripts/bundle-docx.mjs),
 * so the page and the server read a .docx the same way. Anything else calls docx().
 */
export async function readDocx(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  let paras: Para[];
  try {
    paras = await extract(bytes, path);
  } catch (err) {
    if (err instanceof SourdoughError) throw err;
    const name = path ?? 'the file';
    // mammoth's own message is about zip internals; the cause keeps it for debugging.
    throw new SourdoughError('SD_ERR_READ_DOCX', `${name} is not a valid Word (.docx) file, or it is damaged`, path ? { file: path } : undefined, { cause: err });
  }
  const blocks: { start: number; end: number }[] = [];
  const sections: Section[] = [];
  const paragraphs: number[] = [];
  let source = '';
  let part: string | undefined;
  for (const p of paras) {
    // A soft hyphen shows nothing (unless a line breaks there), so it is left out of the text.
    const line = p.text.replace(/\u00ad/g, '').replace(/[\r\n\t]+/g, ' ').replace(/\s+$/, '');
    if (source) source += '\n';
    const start = source.length;
    source += line;
    paragraphs.push(start);
    blocks.push({ start, end: source.length });
    if (p.part) {
      if (p.part !== part) sections.push({ offset: start, depth: 1, title: p.part });
    } else if (p.heading) sections.push({ offset: start, depth: p.heading, title: line.trim() });
    part = p.part;
  }
  const doc: SourceDocument = { source, text: maskUrls(source), format: 'docx', blocks, sections, directives: [], paragraphs };
  if (path !== undefined) doc.path = path;
  return doc;
}
