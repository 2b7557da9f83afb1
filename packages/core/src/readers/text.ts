/**
 * Plain text → SourceDocument. The whole text is prose except URLs; blank lines separate blocks
 * (paragraphs), so sentences and quotes never run from one paragraph into the next — an
 * unbalanced quote mark can then affect only its own paragraph. Pure: no I/O.
 */
import type { SourceDocument } from '../types.js';
import { maskUrls } from './mask.js';

/** Paragraph spans: stretches separated by lines that are empty or white space only. */
export function paragraphBlocks(source: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  const blank = /\n[ \t\f\v\r\u00a0]*(?=\n|$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(source))) {
    if (m.index > start) blocks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < source.length) blocks.push({ start, end: source.length });
  if (blocks.length === 0) blocks.push({ start: 0, end: source.length });
  return blocks;
}

/** Read a plain-text string into a document the engine can analyse. */
export function text(source: string, path?: string): SourceDocument {
  const doc: SourceDocument = {
    source,
    text: maskUrls(source),
    format: 'text',
    blocks: paragraphBlocks(source),
    sections: [],
    directives: [],
  };
  if (path !== undefined) doc.path = path;
  return doc;
}
