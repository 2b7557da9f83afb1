/**
 * Split a byte stream into physical lines without decoding it, so a bad byte sequence spoils
 * only its own line (row) and memory stays bounded by the longest line. Pure over its input.
 */

/** One physical line: its bytes (without the line break) and its 1-based number. */
export interface Line {
  bytes: Buffer;
  line: number;
}

/** Lines of a stream of Buffers or strings (`\n` or `\r\n` endings). */
export async function* splitLines(chunks: AsyncIterable<Buffer | string | Uint8Array>): AsyncGenerator<Line> {
  let pending: Buffer | undefined;
  let line = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let data = pending ? Buffer.concat([pending, buf]) : buf;
    let from = 0;
    let nl = data.indexOf(10, from);
    while (nl !== -1) {
      const end = nl > from && data[nl - 1] === 13 ? nl - 1 : nl;
      yield { bytes: data.subarray(from, end), line: ++line };
      from = nl + 1;
      nl = data.indexOf(10, from);
    }
    // Copy the tail so the (possibly large) chunk can be freed.
    pending = from < data.length ? Buffer.from(data.subarray(from)) : undefined;
    data = Buffer.alloc(0);
  }
  if (pending && pending.length) {
    const end = pending[pending.length - 1] === 13 ? pending.length - 1 : pending.length;
    yield { bytes: pending.subarray(0, end), line: ++line };
  }
}

/** True when the bytes are only spaces and tabs. */
export function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 32 && b !== 9) return false;
  return true;
}
