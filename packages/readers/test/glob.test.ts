/** expandGlobs: files, folders, globs, ignore files and patterns. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandGlobs } from '../src/index.js';
import { noting } from '../src/glob.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-glob-'));
  for (const f of ['a.md', 'b.txt', 'notes/c.docx', 'notes/d.csv', 'notes/skip.pdf', 'notes/old/e.md', 'node_modules/x.md', 'drafts/f.md']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x');
  }
  writeFileSync(join(dir, '.sourdoughignore'), 'drafts/\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandGlobs', () => {
  it('walks folders for supported files, sorted, never node_modules, honouring .sourdoughignore', async () => {
    const { files, unmatched } = await expandGlobs(['.'], { cwd: dir });
    expect(files).toEqual(['./a.md', './b.txt', './notes/c.docx', './notes/d.csv', './notes/old/e.md']);
    expect(unmatched).toEqual([]);
  });

  it('expands globs and applies --ignore-pattern', async () => {
    const { files } = await expandGlobs(['**/*.md'], { cwd: dir, ignorePatterns: ['old/'] });
    expect(files).toEqual(['a.md']);
  });

  it('keeps explicit files (even ignored or missing ones) and stdin, de-duplicated in argument order', async () => {
    const { files } = await expandGlobs(['b.txt', '-', 'drafts/f.md', 'missing.txt', './b.txt'], { cwd: dir });
    expect(files).toEqual(['b.txt', '-', 'drafts/f.md', 'missing.txt']);
  });

  it("skips Office's owner files (~$plan.docx) in folders and globs, but reads one named explicitly", async () => {
    const locks = join(dir, 'locks');
    mkdirSync(locks, { recursive: true });
    writeFileSync(join(locks, 'plan.docx'), 'x');
    writeFileSync(join(locks, '~$plan.docx'), 'owner');
    expect((await expandGlobs(['locks'], { cwd: dir })).files).toEqual(['locks/plan.docx']);
    expect((await expandGlobs(['locks/*.docx'], { cwd: dir })).files).toEqual(['locks/plan.docx']);
    expect((await expandGlobs(['locks/~$plan.docx'], { cwd: dir })).files).toEqual(['locks/~$plan.docx']);
    rmSync(locks, { recursive: true, force: true });
  });

  it('lists globs and folders that match nothing', async () => {
    const { files, unmatched } = await expandGlobs(['*.html', 'drafts'], { cwd: dir });
    expect(files).toEqual([]);
    expect(unmatched).toEqual(['*.html', 'drafts']);
  });

  it('notes a folder it may not open and walks it as empty, passing every other answer on', async () => {
    const unreadable = new Set<string>();
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const missing = Object.assign(new Error('no such folder'), { code: 'ENOENT' });
    const fake = (path: unknown, ...rest: unknown[]): void => {
      const cb = rest.pop() as (err: Error | null, entries?: string[]) => void;
      if (path === '/locked') cb(denied);
      else if (path === '/gone') cb(missing);
      else cb(null, ['a.md']);
    };
    const { readdir } = noting(unreadable, fake) as { readdir: (path: string, options: object, cb: (err: Error | null, entries?: string[]) => void) => void };
    const answer = (path: string) => new Promise((resolve) => readdir(path, { withFileTypes: true }, (err, entries) => resolve({ err: err?.message ?? null, entries })));
    expect(await answer('/locked')).toEqual({ err: null, entries: [] });
    expect(await answer('/gone')).toEqual({ err: 'no such folder', entries: undefined });
    expect(await answer('/open')).toEqual({ err: null, entries: ['a.md'] });
    expect([...unreadable]).toEqual(['/locked']);
    // A walk that meets nothing locked reports nothing.
    expect((await expandGlobs(['.'], { cwd: dir })).unreadable).toEqual([]);
  });

  it('reads a link to a file once, with its target; reports a link to nothing and a pipe instead of leaving them out without a word', async () => {
    const links = join(dir, 'links');
    mkdirSync(join(links, 'sub'), { recursive: true });
    writeFileSync(join(links, 'real.txt'), 'x');
    symlinkSync('../real.txt', join(links, 'sub', 'alias.txt'));
    symlinkSync('../gone.txt', join(links, 'sub', 'broken.md'));
    symlinkSync('..', join(links, 'sub', 'loop.md')); // a link to a folder: never followed
    execFileSync('mkfifo', [join(links, 'pipe.txt')]);
    try {
      const walked = await expandGlobs(['links'], { cwd: dir });
      expect(walked.files).toEqual(['links/real.txt']); // the alias is the same file
      expect(walked.unreadable).toEqual([
        { path: 'links/pipe.txt', reason: 'not-a-file' },
        { path: 'links/sub/broken.md', reason: 'broken-link' },
      ]);
      expect((await expandGlobs(['links/sub'], { cwd: dir })).files).toEqual(['links/sub/alias.txt']);
      const globbed = await expandGlobs(['links/**/*.{txt,md}'], { cwd: dir });
      expect(globbed.files).toEqual(['links/real.txt']);
      expect(globbed.unreadable.map((u) => u.reason)).toEqual(['not-a-file', 'broken-link']);
      // Only broken links: reported, not "matched nothing".
      const only = await expandGlobs(['links/sub/broken.md', 'links/sub/*.md'], { cwd: dir });
      expect(only.unmatched).toEqual([]);
      expect(only.files).toEqual(['links/sub/broken.md']); // named: reading it says it is not there
      expect(only.unreadable).toEqual([]);
    } finally {
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('reads another ignore file with ignorePath', async () => {
    writeFileSync(join(dir, 'my.ignore'), '*.txt\n');
    const { files } = await expandGlobs(['.'], { cwd: dir, ignorePath: 'my.ignore' });
    expect(files).toContain('./drafts/f.md');
    expect(files).not.toContain('./b.txt');
  });
});
