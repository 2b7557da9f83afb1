/**
 * Reads the text of a Word (.docx) file in the browser, so a document opened on the page never
 * leaves the person's computer until they press Check, and then only as plain text.
 *
 * The reading is the server's own: `readDocx` from @sourdough/readers, bundled for the browser by
 * the server's build (scripts/bundle-docx.mjs → vendor/docx-reader.js, loaded the first time a
 * Word file is opened). So the page reads exactly the text the server reads from the same file:
 * one paragraph per line (headings, list items, table cells, text boxes, embedded HTML or text
 * chunks), then the footnotes and endnotes, then the page headers and footers; hidden text left
 * out. A test runs both on the same files and compares the text. It never runs anything from the
 * file.
 */

/** A file that is not a readable Word document. */
export class DocxError extends Error {}

/** The largest .docx the page opens: the server's own limit (docs/security.md). */
const MAX_BYTES = 32 * 1024 * 1024;

/** @type {Promise<{ readDocx(bytes: Uint8Array, path?: string): Promise<{ source: string }> }> | undefined} */
let reader;

/** A message fit to show the person for a reader failure (never quoting the document). */
function messageFor(err) {
  const code = err && typeof err === 'object' ? err.code : undefined;
  if (code === 'SD_ERR_READ_DOCX' && /embedded/.test(String(err.message))) {
    return 'This Word document has a part embedded in a form this page cannot read (such as RTF or another Word file): open it in Word, save it again as .docx, and open that.';
  }
  if (code === 'SD_ERR_TOO_LARGE') return 'This Word document is too large to open here: split it into smaller files.';
  return 'This file is not a Word (.docx) document, or it is damaged.';
}

/**
 * The text of a .docx file, one paragraph per line, as the server reads it.
 * @param {ArrayBuffer | Uint8Array} input the file's bytes
 * @returns {Promise<string>}
 * @throws {DocxError} with a message fit to show the person when the file cannot be read
 */
export async function docxText(input) {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength > MAX_BYTES) throw new DocxError('This Word document is too large to open here (over 32 MB): split it into smaller files.');
  let readDocx;
  try {
    ({ readDocx } = await (reader ??= import('./vendor/docx-reader.js')));
  } catch {
    reader = undefined; // try again next time
    throw new DocxError('This page could not load its Word reader. Reload the page and try again.');
  }
  try {
    return (await readDocx(bytes, 'This document')).source;
  } catch (err) {
    throw new DocxError(messageFor(err));
  }
}
