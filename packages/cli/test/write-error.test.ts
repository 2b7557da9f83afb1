/**
 * A report that cannot be written is explained in plain words, with what to do, and exit 2: a
 * folder given to `check -o`, a folder that does not exist, a file given to `audit -o`, a full
 * disk (not an "internal error"). Never Node's `EISDIR: illegal operation on a directory, open …`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli.js';
import { writeProblem } from '../src/write-error.js';
import { fakeIo } from './helpers.js';

let dir: string;
let note: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-write-'));
  note = join(dir, 'note.txt');
  writeFileSync(note, 'Jack refused his tablets.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NODE_WORDS = /EISDIR|ENOENT|EEXIST|ENOTDIR|ENOSPC|illegal operation|internal error/;

describe('a report that cannot be written', () => {
  it('check -o FOLDER asks for a file name', async () => {
    const { io, err } = fakeIo('', dir);
    expect(await run(['check', note, '-o', dir, '--jobs', '1', '--no-progress'], io)).toBe(2);
    expect(err()).toContain(`sourdough: ${dir} is a folder: give --output the name of a file for the report`);
    expect(err()).not.toMatch(NODE_WORDS);
  });

  it('check -o into a folder that does not exist says which, and what to do', async () => {
    const { io, err } = fakeIo('', dir);
    const out = join(dir, 'no-such-folder', 'report.html');
    expect(await run(['check', note, '-o', out, '--jobs', '1', '--no-progress'], io)).toBe(2);
    expect(err()).toContain(`the folder ${join(dir, 'no-such-folder')} does not exist: create it first, or choose another --output`);
    expect(err()).not.toMatch(NODE_WORDS);
  });

  it('audit -o FILE asks for a folder, and leaves the file alone', async () => {
    const { io, err } = fakeIo('', dir);
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'not a folder');
    expect(await run(['audit', note, '-o', file, '--jobs', '1', '--no-progress'], io)).toBe(2);
    expect(err()).toContain(`sourdough audit: ${file} (or a folder above it) is a file, not a folder: give --output a folder for the report`);
    expect(err()).not.toMatch(NODE_WORDS);
    expect(existsSync(file)).toBe(true);
  });

  it.runIf(existsSync('/dev/full'))('a full disk is said to be one, not an internal error', async () => {
    const { io, err } = fakeIo('', dir);
    expect(await run(['check', note, '-o', '/dev/full', '--jobs', '1', '--no-progress'], io)).toBe(2);
    expect(err()).toContain('sourdough: the disk is full');
    expect(err()).toContain('free some space and run again');
    expect(err()).not.toMatch(NODE_WORDS);
  });

  it('says no permission plainly, and keeps any other reason', () => {
    expect(writeProblem(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'out/r.csv', 'file')).toBe('this account may not write to out/r.csv (permission denied): choose another --output');
    expect(writeProblem(Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' }), 'r.csv', 'file')).toBe('cannot write r.csv: EBUSY: resource busy');
  });
});
