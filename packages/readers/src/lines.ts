/**
 * Split a byte stream into physical lines without decoding it, so a bad byte sequence spoils
 * only its own line (row) and memory stays bounded by the line limit. Pure over its input.
 */

/** One physical line: its bytes (without the line break) and its 1-based number. */
export interface Line {
  bytes: Buffer;
  line: number;
  /** The line was longer than the limit: its bytes were skipped (and `bytes` is empty). */
  tooLong?: true;
}

/**
 * Lines of a stream of Buffers or strings (`\n` or `\r\n` endings). A line longer than
 * `maxLineBytes` is not buffered: its bytes are skipped up to the next line break and it comes out
 * once, empty, marked `tooLong`.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string | Uint8Array>, maxLineBytes = Infinity): AsyncGenerator<Line> {
  let pending: Buffer | undefined;
  let skipping = false;
  let line = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let data = pending ? Buffer.concat([pending, buf]) : buf;
    let from = 0;
    let nl = data.indexOf(10, from);
    while (nl !== -1) {
      if (skipping) {
        skipping = false;
        yield { bytes: Buffer.alloc(0), line: ++line, tooLong: true };
      } else if (nl - from > maxLineBytes) {
        yield { bytes: Buffer.alloc(0), line: ++line, tooLong: true };
      } else {
        const end = nl > from && data[nl - 1] === 13 ? nl - 1 : nl;
        yield { bytes: data.subarray(from, end), line: ++line };
      }
      from = nl + 1;
      nl = data.indexOf(10, from);
    }
    if (skipping || data.length - from > maxLineBytes) {
      // Too long already: drop what we have and skip to the next line break.
      skipping = true;
      pending = undefined;
    } else {
      // Copy the tail so the (possibly large) chunk can be freed.
      pending = from < data.length ? Buffer.from(data.subarray(from)) : undefined;
    }
    data = Buffer.alloc(0);
  }
  if (skipping) yield { bytes: Buffer.alloc(0), line: ++line, tooLong: true };
  else if (pending && pending.length) {
    const end = pending[pending.length - 1] === 13 ? pending.length - 1 : pending.length;
    yield { bytes: pending.subarray(0, end), line: ++line };
  }
}

/** True when the bytes are only spaces and tabs. */
export function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 32 && b !== 9) return false;
  return true;
}
