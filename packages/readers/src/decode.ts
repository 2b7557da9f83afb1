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
