/**
 * DOCX → SourceDocument via mammoth. The text analysed is the document's paragraphs (headings,
 * list items, table cells, footnotes) extracted in order, one per line, so line N is paragraph N
 * and every finding also carries `paragraph`. Offsets index this extracted text (SPEC §3).
 * Headings become sections. A file that is not a Word document fails with SD_ERR_READ_DOCX.
 * No I/O here: it takes the bytes.
 */
import { Parser } from 'htmlparser2';
import { SourdoughError, maskUrls, type Section, type SourceDocument } from '@sourdough/core';
import { checkDocx } from './limits.js';

/** Elements mammoth emits that hold one paragraph of text each. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'pre', 'blockquote']);
const HEADING = /^h([1-6])$/;

interface Para {
  text: string;
  heading?: number;
}

/** Split mammoth's HTML into paragraphs (innermost paragraph element wins, e.g. `<li><p>`). */
function paragraphsOf(htmlText: string): Para[] {
  const out: Para[] = [];
  const open: Para[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        if (!PARAGRAPH.has(name)) {
          if (name === 'br' && open.length) open[open.length - 1]!.text += ' ';
          return;
        }
        const h = HEADING.exec(name);
        const para: Para = { text: '' };
        if (h) para.heading = Number(h[1]);
        open.push(para);
        out.push(para); // reserve the place now so nested paragraphs keep document order
      },
      onclosetag(name) {
        if (!PARAGRAPH.has(name)) return;
        open.pop();
      },
      ontext(data) {
        if (open.length) open[open.length - 1]!.text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(htmlText);
  parser.end();
  return out.filter((p) => p.text.trim());
}

/** Read the bytes of a .docx file into a document; `path` is used in messages. */
export async function docx(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  let htmlText: string;
  // Size limits first: a zip bomb is refused before mammoth inflates anything.
  await checkDocx(bytes, path);
  try {
    // Loaded on first use: most runs read no Word files, and mammoth takes a while to load.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    htmlText = result.value;
  } catch (err) {
    const name = path ?? 'the file';
    // mammoth's own message is about zip internals; the cause keeps it for debugging.
    throw new SourdoughError('SD_ERR_READ_DOCX', `${name} is not a valid Word (.docx) file, or it is damaged`, path ? { file: path } : undefined, { cause: err });
  }
  const paras = paragraphsOf(htmlText);
  const blocks: { start: number; end: number }[] = [];
  const sections: Section[] = [];
  const paragraphs: number[] = [];
  let source = '';
  for (const p of paras) {
    const line = p.text.replace(/[\r\n\t]+/g, ' ').replace(/\s+$/, '');
    if (source) source += '\n';
    const start = source.length;
    source += line;
    paragraphs.push(start);
    blocks.push({ start, end: source.length });
    if (p.heading) sections.push({ offset: start, depth: p.heading, title: line.trim() });
  }
  const doc: SourceDocument = { source, text: maskUrls(source), format: 'docx', blocks, sections, directives: [], paragraphs };
  if (path !== undefined) doc.path = path;
  return doc;
}
