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
 * Lines of a stream of Buffers or strings (`\n`, `\r\n` or a lone `\r` endings: old Mac files and
 * some exports end lines with a carriage return alone). A line longer than `maxLineBytes` is not
 * buffered: its bytes are skipped up to the next line break and it comes out once, empty, marked
 * `tooLong`.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string | Uint8Array>, maxLineBytes = Infinity): AsyncGenerator<Line> {
  let pending: Buffer | undefined;
  let skipping = false;
  let line = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let data = pending ? Buffer.concat([pending, buf]) : buf;
    let from = 0;
    // The next line feed and carriage return, each searched for again only once passed (a file
    // with one kind of line end must not be searched to its end for the other at every line).
    let lf = data.indexOf(10, from);
    let cr = data.indexOf(13, from);
    for (;;) {
      if (lf !== -1 && lf < from) lf = data.indexOf(10, from);
      if (cr !== -1 && cr < from) cr = data.indexOf(13, from);
      const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      if (end === -1) break;
      let next = end + 1;
      if (end === cr) {
        // A carriage return at the chunk's end may be half of \r\n: wait for the next chunk.
        if (next === data.length) break;
        if (data[next] === 10) next++;
      }
      if (skipping) {
        skipping = false;
        yield { bytes: Buffer.alloc(0), line: ++line, tooLong: true };
      } else if (end - from > maxLineBytes) {
        yield { bytes: Buffer.alloc(0), line: ++line, tooLong: true };
      } else {
        yield { bytes: data.subarray(from, end), line: ++line };
      }
      from = next;
    }
    if (skipping || data.length - from > maxLineBytes) {
      // Too long already: drop what we have and skip to the next line break (keeping a carriage
      // return at the chunk's end, which may be that break, or half of it).
      skipping = true;
      pending = data[data.length - 1] === 13 ? Buffer.from([13]) : undefined;
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
