/**
 * Plain text → SourceDocument. The whole text is prose except URLs; blank lines separate blocks.
 * Pure: no I/O.
 */
import type { SourceDocument } from '../types.js';
import { maskUrls } from './mask.js';

/** Read a plain-text string into a document the engine can analyse. */
export function text(source: string, path?: string): SourceDocument {
  const doc: SourceDocument = {
    source,
    text: maskUrls(source),
    format: 'text',
    blocks: [{ start: 0, end: source.length }],
    sections: [],
    directives: [],
  };
  if (path !== undefined) doc.path = path;
  return doc;
}
