/**
 * Strict UTF-8 decoding: bytes that are not valid UTF-8 become an SD_ERR_ENCODING failure instead
 * of silently turning into replacement characters (which would shift what the person wrote).
 */
import { SourdoughError } from '@sourdough/core';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 bytes (a leading BOM is dropped); throws SD_ERR_ENCODING naming `where`. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new SourdoughError('SD_ERR_ENCODING', `${where} is not valid UTF-8 text (save it as UTF-8 and try again)`);
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1; undefined bytes
 * stay as the Latin-1 control they are). Spelt out because Node's TextDecoder reads
 * 'windows-1252' as Latin-1, which turns ’ – “ ” € into invisible controls.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The encodings a record file may be read in: UTF-8, or Windows-1252 (what Excel saves as "CSV"). */
export type RecordEncoding = 'utf-8' | 'windows-1252';

/** Decode a record's bytes in its file's encoding (strict UTF-8, or Windows-1252, where every byte is a character). */
export function decodeRecord(bytes: Uint8Array, where: string, encoding: RecordEncoding = 'utf-8'): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : decodeUtf8(bytes, where);
}
