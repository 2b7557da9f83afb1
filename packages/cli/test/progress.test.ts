/** The progress bar: only on a TTY, only after the delay, on stderr; silent otherwise. */
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { createProgress, type Io } from '../src/index.js';

function io(tty: boolean): { io: Io; err: () => string } {
  const chunks: string[] = [];
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  stderr.on('data', (d) => chunks.push(String(d)));
  return { io: { stdin: Readable.from([]), stdout: new PassThrough(), stderr, cwd: '.', env: {} }, err: () => chunks.join('') };
}
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('progress', () => {
  it('draws documents done and the total on a TTY once the run is long enough', async () => {
    const t = io(true);
    const p = createProgress(t.io, { enabled: true, total: 10, delayMs: 20 });
    p.tick();
    await wait(60);
    p.tick();
    await wait(250);
    p.stop();
    expect(t.err()).toMatch(/checking .*\/10 documents/);
  });

  it('counts without a total when the number of documents is unknown (record files)', async () => {
    const t = io(true);
    const p = createProgress(t.io, { enabled: true, delayMs: 10 });
    p.tick();
    await wait(250);
    p.stop();
    expect(t.err()).toMatch(/checking \d+ documents/);
  });

  it('stays silent off a TTY, before the delay, and when disabled', async () => {
    for (const [tty, enabled, delayMs] of [[false, true, 0], [true, true, 10_000], [true, false, 0]] as const) {
      const t = io(tty);
      const p = createProgress(t.io, { enabled, total: 3, delayMs });
      p.tick();
      await wait(30);
      p.stop();
      expect(t.err()).toBe('');
    }
  });
});
