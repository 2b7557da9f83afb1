/** The report sink: text and worker-rendered bytes come out in the order written, with back-pressure. */
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { EventEmitter } from 'node:events';
import { sinkFor } from '../src/output.js';

const bytes = (s: string): Uint8Array => {
  // A view into a larger buffer, as a worker's transferred batch gives it.
  const all = Buffer.from(`##${s}##`);
  return new Uint8Array(all.buffer, all.byteOffset + 2, all.length - 4);
};

/** A writable that records what it is given, finishing each write after a tick (so writes queue). */
function recorder(highWaterMark: number): { stream: Writable; text: () => string; writes: () => number } {
  const chunks: Buffer[] = [];
  let writes = 0;
  const stream = new Writable({
    highWaterMark,
    writev(parts, done) {
      writes++;
      for (const p of parts) chunks.push(Buffer.from(p.chunk as Buffer));
      setImmediate(done);
    },
    write(chunk: Buffer, _enc, done) {
      writes++;
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), writes: () => writes };
}

describe('sinkFor', () => {
  it('keeps text and bytes in order, characters outside ASCII included, across many flushes', async () => {
    const r = recorder(1024);
    const sink = sinkFor(r.stream, true);
    let expected = '';
    for (let i = 0; i < 3000; i++) {
      const prefix = i ? ',\n    ' : '\n    ';
      const body = `{"row": ${i}, "text": "café £${i} “quoted”"}`;
      await sink.write(prefix, bytes(body));
      expected += prefix + body;
      if (i % 500 === 0) {
        await sink.write(`/* ${i} */`);
        expected += `/* ${i} */`;
      }
    }
    await sink.write('\n]');
    await sink.close();
    expect(r.text()).toBe(`${expected}\n]`);
    expect(r.writes()).toBeLessThan(3000 / 10); // parts go out together, not one write each
  });

  it('works with a stream that cannot cork (text-only chunks and byte chunks alike)', async () => {
    const got: (string | Uint8Array)[] = [];
    const stream = Object.assign(new EventEmitter(), {
      write(c: string | Uint8Array) {
        got.push(c);
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
    const sink = sinkFor(stream, false);
    await sink.write('a');
    await sink.write('b', bytes('ç'), 'd');
    await sink.close();
    expect(Buffer.concat(got.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)))).toString()).toBe('abçd');
  });

  it('reports a failed stream on the next write', async () => {
    const stream = new Writable({
      write(_c, _e, done) {
        done(new Error('disk full'));
      },
    });
    const sink = sinkFor(stream, true);
    await sink.write('x'.repeat(70 * 1024)).catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await expect(sink.write('y'.repeat(70 * 1024))).rejects.toThrow('disk full');
  });
});
