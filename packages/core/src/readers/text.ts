/**
 * Plain text → SourceDocument. The whole text is prose except URLs and the `> ` quote prefixes of
 * replied-to email (and soft hyphens, which show nothing: the word they sit in is joined up,
 * join.ts); blank lines separate blocks
 * (paragraphs), so sentences and quotes never run from one paragraph into the next — an
 * unbalanced quote mark can then affect only its own paragraph. Pure: no I/O.
 */
import type { SourceDocument } from '../types.js';
import { loneCrToLf, maskQuotePrefixes, maskUrls } from './mask.js';
import { blankSoftHyphens, joinAcross } from './join.js';

/** Paragraph spans: stretches separated by lines that are empty or white space only. */
export function paragraphBlocks(source: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let start = 0;
  // A blank line is a line feed followed by spaces, tabs, form feeds, vertical tabs, carriage
  // returns or no-break spaces up to the next line feed or the end (the "blank line" run ends
  // before that line feed). Found with indexOf; most lines are ruled out by their first character.
  let nl = source.indexOf('\n');
  while (nl >= 0) {
    let j = nl + 1;
    while (j < source.length && isBlankChar(source.charCodeAt(j))) j++;
    if (j >= source.length || source.charCodeAt(j) === 10) {
      if (nl > start) blocks.push({ start, end: nl });
      start = j;
      nl = j < source.length ? j : -1;
      continue;
    }
    nl = source.indexOf('\n', j);
  }
  if (start < source.length) blocks.push({ start, end: source.length });
  if (blocks.length === 0) blocks.push({ start: 0, end: source.length });
  return blocks;
}

/** [ \t\f\v\r\u00a0]: the characters a blank line may hold. */
function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 13 || c === 0xa0;
}

/** Read a plain-text string into a document the engine can analyse. */
export function text(source: string, path?: string): SourceDocument {
  // A soft hyphen shows nothing (unless a line breaks there): the word it sits in reads whole.
  const shown = blankSoftHyphens(maskQuotePrefixes(maskUrls(source)), []);
  const joined = joinAcross(shown.text, shown.gaps);
  const masked = loneCrToLf(joined.text);
  const doc: SourceDocument = {
    source,
    text: masked,
    format: 'text',
    blocks: paragraphBlocks(masked),
    sections: [],
    directives: [],
  };
  if (joined.moved.length) doc.moved = joined.moved;
  if (path !== undefined) doc.path = path;
  return doc;
}
