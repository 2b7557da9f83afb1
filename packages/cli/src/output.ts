/**
 * Where a report goes: standard output or a file (`-o FILE`). Writes are buffered into chunks and
 * wait for `drain`, so a long run never piles up output in memory. Nothing else is ever written:
 * no logs, no copies of the text.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';

/** A buffered writer with back-pressure. */
export interface Sink {
  write(s: string): Promise<void>;
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
  let buf = '';
  let failed: Error | undefined;
  stream.on('error', (e: Error) => {
    failed = e;
  });
  const push = async (): Promise<void> => {
    if (failed) throw failed;
    const chunk = buf;
    buf = '';
    if (chunk && !stream.write(chunk)) await drained(stream);
  };
  return {
    async write(s) {
      buf += s;
      if (buf.length >= CHUNK) await push();
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
  const stream = createWriteStream(resolve(cwd, file));
  await once(stream, 'open');
  return sinkFor(stream, true);
}
