/**
 * Reads the text of a Word (.docx) file in the browser, so a document opened on the page never
 * leaves the person's computer until they press Check, and then only as plain text. The text
 * matches what the server's reader (mammoth, in @sourdough/readers) extracts: one paragraph per
 * line (headings, list items, table cells), tabs and line breaks inside a paragraph as spaces,
 * empty paragraphs left out. A test compares the two on the shared fixtures. (One known
 * difference: mammoth adds footnote reference marks such as "[1]" and "↑"; this does not.)
 *
 * A .docx is a zip archive; this reads its central directory and inflates `word/document.xml`
 * with the browser's own DecompressionStream, and parses the XML with DOMParser. It does not
 * handle ZIP64 archives (Word never writes them for documents of a sane size) or encrypted files,
 * and it never runs anything from the file.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A file that is not a readable Word document. */
export class DocxError extends Error {}

/** The entries of a zip archive: name → { method, size, offset of the local header }. */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxError('This file is not a Word (.docx) document, or it is damaged.');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = new Map();
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new DocxError('This Word document is damaged.');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method, size, local, encrypted: (flags & 1) === 1 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { view, entries };
}

/** The uncompressed bytes of one entry, as text. */
async function entryText(bytes, zip, name) {
  const e = zip.entries.get(name);
  if (!e) return null;
  if (e.encrypted) throw new DocxError('This Word document is password-protected: save an unprotected copy and open that.');
  const { view } = zip;
  if (view.getUint32(e.local, true) !== 0x04034b50) throw new DocxError('This Word document is damaged.');
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  const data = bytes.subarray(start, start + e.size);
  if (e.method === 0) return new TextDecoder().decode(data);
  if (e.method !== 8) throw new DocxError('This Word document uses a compression this page cannot read.');
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** True when `node` sits inside an mc:Fallback (a duplicate of content shown another way). */
function inFallback(node, stop) {
  for (let n = node.parentNode; n && n !== stop; n = n.parentNode) if (n.namespaceURI === MC && n.localName === 'Fallback') return true;
  return false;
}

/** The nearest enclosing w:p of a node. */
function paragraphOf(node) {
  for (let n = node.parentNode; n; n = n.parentNode) if (n.namespaceURI === W && n.localName === 'p') return n;
  return null;
}

/** The text of one w:p: its own runs only (a text box nested inside is its own paragraph). */
function paragraphText(p) {
  let out = '';
  const walker = p.ownerDocument.createTreeWalker(p, 1 /* elements */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.namespaceURI !== W || paragraphOf(n) !== p) continue;
    if (n.localName === 't') out += n.textContent;
    else if (n.localName === 'tab' || n.localName === 'br' || n.localName === 'cr') out += ' ';
    else if (n.localName === 'noBreakHyphen') out += '-';
  }
  return out;
}

/** Paragraph texts of one part (document.xml, footnotes.xml), in document order. */
function paragraphs(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new DocxError('This Word document is damaged.');
  const out = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    if (inFallback(p, doc)) continue;
    // Footnote separators and the like carry no text; empty paragraphs are left out, as on the server.
    const line = paragraphText(p).replace(/[\r\n\t]+/g, ' ').replace(/\s+$/, '');
    if (line.trim()) out.push(line);
  }
  return out;
}

/**
 * The text of a .docx file: one paragraph per line (body, then footnotes).
 * @param {ArrayBuffer | Uint8Array} input the file's bytes
 * @returns {Promise<string>}
 * @throws {DocxError} with a message fit to show the person when the file cannot be read
 */
export async function docxText(input) {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const zip = zipEntries(bytes);
  const body = await entryText(bytes, zip, 'word/document.xml');
  if (body === null) throw new DocxError('This file is not a Word (.docx) document.');
  const lines = paragraphs(body);
  const notes = await entryText(bytes, zip, 'word/footnotes.xml');
  if (notes) lines.push(...paragraphs(notes));
  return lines.join('\n');
}
