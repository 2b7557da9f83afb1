/**
 * Where a report goes: standard output or a file (`-o FILE`). Writes are buffered into chunks and
 * wait for `drain`, so a long run never piles up output in memory. Nothing else is ever written:
 * no logs, no copies of the text.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { resolve } from 'node:path';

/** A buffered writer with back-pressure. */
export interface Sink {
  /** Write text, or text and UTF-8 bytes (a result rendered by a worker), in order. */
  write(...parts: (string | Uint8Array)[]): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

/** Wait for `drain`, or fail on `error`, without leaving listeners behind. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolveDrain, reject) => {
    const done = (err?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      if (err) reject(err);
      else resolveDrain();
    };
    const onDrain = (): void => done();
    stream.on('drain', onDrain);
    stream.on('error', done);
  });
}

/** Wrap a writable stream; `own` streams (files) are ended on close. */
export function sinkFor(stream: NodeJS.WritableStream, own: boolean): Sink {
  // Text gathers in `text`; bytes (results rendered by workers) queue in `parts`, after the text
  // written before them, and go out together (one writev where the stream supports corking).
  let text = '';
  let parts: (string | Uint8Array)[] = [];
  let size = 0;
  let failed: Error | undefined;
  stream.on('error', (e: Error) => {
    failed = e;
  });
  const corkable = typeof (stream as Writable).cork === 'function';
  const push = async (): Promise<void> => {
    if (failed) throw failed;
    if (text) parts.push(text);
    const chunk = parts;
    text = '';
    parts = [];
    size = 0;
    let ok = true;
    if (corkable && chunk.length > 1) {
      const w = stream as Writable;
      w.cork();
      for (const c of chunk) ok = w.write(c);
      w.uncork();
    } else for (const c of chunk) ok = stream.write(c);
    if (!ok) await drained(stream);
  };
  return {
    async write(...add) {
      for (const p of add) {
        if (typeof p === 'string') text += p;
        else {
          if (text) {
            parts.push(text);
            size += text.length;
            text = '';
          }
          parts.push(p);
          size += p.byteLength;
        }
      }
      if (text.length + size >= CHUNK) await push();
    },
    async close() {
      await push();
      if (own) {
        stream.end();
        await once(stream, 'finish');
      }
      if (failed) throw failed;
    },
  };
}

/** A sink writing to a file (created or truncated). */
export async function fileSink(cwd: string, file: string): Promise<Sink> {
  // A high-water mark well above CHUNK, so a long run's writes queue (and go out together) rather
  // than wait for each one to finish.
  const stream = createWriteStream(resolve(cwd, file), { highWaterMark: 1024 * 1024 });
  await once(stream, 'open');
  return sinkFor(stream, true);
}
