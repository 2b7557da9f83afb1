/** Test helpers: spawn the built `sourdough` binary as a user would, and fake streams for run(). */
import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/index.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const bin = join(repoRoot, 'packages', 'cli', 'bin', 'sourdough.js');

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node packages/cli/bin/sourdough.js ARGS` in `cwd` (default: the repo root). */
export function sourdough(args: string[], options: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<Spawned> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Fake streams for run(argv, io). */
export function fakeIo(stdinText: string | Buffer = '', cwd = repoRoot): { io: Io; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  return {
    io: { stdin: Readable.from([typeof stdinText === 'string' ? Buffer.from(stdinText) : stdinText]), stdout, stderr, cwd, env: {} },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
