/** expandGlobs: files, folders, globs, ignore files and patterns. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandGlobs } from '../src/index.js';

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

  it('lists globs and folders that match nothing', async () => {
    const { files, unmatched } = await expandGlobs(['*.html', 'drafts'], { cwd: dir });
    expect(files).toEqual([]);
    expect(unmatched).toEqual(['*.html', 'drafts']);
  });

  it('reads another ignore file with ignorePath', async () => {
    writeFileSync(join(dir, 'my.ignore'), '*.txt\n');
    const { files } = await expandGlobs(['.'], { cwd: dir, ignorePath: 'my.ignore' });
    expect(files).toContain('./drafts/f.md');
    expect(files).not.toContain('./b.txt');
  });
});
