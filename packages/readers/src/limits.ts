/**
 * Size limits for everything the readers take in, and the DOCX zip check. A file over a limit is
 * refused with SD_ERR_TOO_LARGE before it is read into memory (by its size on disk, or while it
 * streams), so a hostile file costs bounded memory and time. The DOCX check walks the zip with
 * yauzl, trusting no declared size: each part is inflated as a stream, counted and thrown away,
 * and the count stops at the limit. Never logs or keeps the content.
 */
import yauzl from 'yauzl';
import { SourdoughError } from '@sourdough/core';

/** The documented limits (docs/security.md). */
export const LIMITS = {
  /** Largest text, Markdown or HTML file, in bytes (16 MiB). */
  documentBytes: 16 * 1024 * 1024,
  /** Largest .docx file, in bytes (32 MiB). */
  docxBytes: 32 * 1024 * 1024,
  /** Largest single part inside a .docx once unzipped, in bytes (64 MiB). */
  docxPartBytes: 64 * 1024 * 1024,
  /** Largest total of all parts of a .docx once unzipped, in bytes (128 MiB). */
  docxTotalBytes: 128 * 1024 * 1024,
  /** Most parts (zip entries) in a .docx. */
  docxEntries: 10_000,
  /** Most page headers and footers read from a .docx (each is converted on its own). */
  docxHeaderParts: 200,
  /**
   * Deepest HTML element nesting (htmlparser2 keeps its open elements in an array it shifts, so
   * time grows with the square of the depth: 200,000 nested elements took over a minute).
   */
  htmlNesting: 1000,
  /** Largest CSV or JSONL record (one line, or one quoted record over several lines), in bytes (4 MiB). */
  recordBytes: 4 * 1024 * 1024,
} as const;

const MiB = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** The SD_ERR_TOO_LARGE failure for a whole file. */
export function tooLarge(path: string | undefined, what: string, limit: number): SourdoughError {
  const name = path ?? 'the input';
  return new SourdoughError('SD_ERR_TOO_LARGE', `${name} is too large: ${what} is over the ${MiB(limit)} limit (split it into smaller files)`, path ? { file: path } : undefined);
}

const notDocx = (path: string | undefined, cause?: unknown): SourdoughError =>
  new SourdoughError('SD_ERR_READ_DOCX', `${path ?? 'the file'} is not a valid Word (.docx) file, or it is damaged`, path ? { file: path } : undefined, { cause });

/**
 * Check a .docx before mammoth unzips it: file size, number of parts, and the real unzipped size
 * of each part and of all parts together. Resolves when within the limits; rejects with
 * SD_ERR_TOO_LARGE (over a limit) or SD_ERR_READ_DOCX (not a zip).
 */
export function checkDocx(bytes: Uint8Array, path?: string): Promise<void> {
  if (bytes.byteLength > LIMITS.docxBytes) return Promise.reject(tooLarge(path, 'the file', LIMITS.docxBytes));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(notDocx(path, err));
      let settled = false;
      const finish = (e?: SourdoughError): void => {
        if (settled) return;
        settled = true;
        zip.close();
        if (e) reject(e);
        else resolve();
      };
      if (zip.entryCount > LIMITS.docxEntries) return finish(tooLarge(path, `its number of parts (${zip.entryCount})`, LIMITS.docxEntries));
      let total = 0;
      zip.on('error', (e: unknown) => finish(notDocx(path, e)));
      zip.on('end', () => finish());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (settled) return;
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        // Declared sizes first (cheap), then the real ones while inflating.
        if (entry.uncompressedSize > LIMITS.docxPartBytes) return finish(tooLarge(path, 'one of its parts, unzipped,', LIMITS.docxPartBytes));
        if (total + entry.uncompressedSize > LIMITS.docxTotalBytes) return finish(tooLarge(path, 'its content, unzipped,', LIMITS.docxTotalBytes));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return finish(notDocx(path, e));
          let part = 0;
          stream.on('data', (chunk: Buffer) => {
            part += chunk.length;
            total += chunk.length;
            const over =
              part > LIMITS.docxPartBytes ? tooLarge(path, 'one of its parts, unzipped,', LIMITS.docxPartBytes)
              : total > LIMITS.docxTotalBytes ? tooLarge(path, 'its content, unzipped,', LIMITS.docxTotalBytes)
              : undefined;
            if (over) {
              stream.destroy();
              finish(over);
            }
          });
          // validateEntrySizes: a part that inflates to more (or less) than it declares is an error here.
          stream.on('error', (se: unknown) => finish(notDocx(path, se)));
          stream.on('end', () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
