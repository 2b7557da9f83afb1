/** How many workers a run starts: never more than the documents the command line names. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobsFor, knownInput } from '../src/pool.js';

const documentsKnown = (paths: string[], cwd: string, stdinFilename?: string): number | undefined => knownInput(paths, cwd, stdinFilename)?.documents;

const dir = mkdtempSync(join(tmpdir(), 'sourdough-jobs-'));
for (const f of ['a.md', 'b.txt', 'c.docx', 'd.html', 'notes.csv', 'notes.jsonl']) writeFileSync(join(dir, f), 'x');
// Big plain files (5 MB each).
for (const f of ['big1.txt', 'big2.txt', 'big3.txt']) writeFileSync(join(dir, f), Buffer.alloc(5 * 1024 * 1024));
mkdirSync(join(dir, 'plans'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('knownInput: documents', () => {
  it('counts plain one-document files and standard input read as one document', () => {
    expect(documentsKnown(['a.md'], dir)).toBe(1);
    expect(documentsKnown(['a.md', 'b.txt', 'c.docx', 'd.html'], dir)).toBe(4);
    expect(documentsKnown(['-'], dir)).toBe(1);
    expect(documentsKnown(['-'], dir, 'draft.md')).toBe(1);
  });

  it('does not know for folders, globs, record files, records on standard input or missing files', () => {
    expect(documentsKnown(['a.md', 'plans'], dir)).toBeUndefined();
    expect(documentsKnown(['*.md'], dir)).toBeUndefined();
    expect(documentsKnown(['a.md', 'notes.csv'], dir)).toBeUndefined();
    expect(documentsKnown(['notes.jsonl'], dir)).toBeUndefined();
    expect(documentsKnown(['-'], dir, 'export.jsonl')).toBeUndefined();
    expect(documentsKnown(['missing.md'], dir)).toBeUndefined();
  });
});

describe('jobsFor', () => {
  it('caps --jobs at the number of plain files, and at one worker per 4 MB of them', () => {
    expect(jobsFor(7, ['a.md'], dir)).toBe(1);
    expect(jobsFor(7, ['a.md', 'b.txt', 'c.docx', 'd.html'], dir)).toBe(1); // four tiny files
    expect(jobsFor(7, ['big1.txt', 'big2.txt'], dir)).toBe(2);
    expect(jobsFor(7, ['big1.txt', 'big2.txt', 'big3.txt', 'a.md'], dir)).toBe(4);
    expect(jobsFor(2, ['big1.txt', 'big2.txt', 'big3.txt'], dir)).toBe(2);
    expect(knownInput(['a.md', 'big1.txt'], dir)).toEqual({ documents: 2, bytes: 1 + 5 * 1024 * 1024 });
  });

  it('caps by the number of documents alone when standard input is one of them', () => {
    expect(knownInput(['-', 'a.md'], dir)).toEqual({ documents: 2, bytes: undefined });
    expect(jobsFor(7, ['-', 'a.md'], dir)).toBe(2);
  });

  it('keeps --jobs when the number of documents is not known, and 1 stays 1', () => {
    expect(jobsFor(4, ['notes.jsonl'], dir)).toBe(4);
    expect(jobsFor(4, ['plans'], dir)).toBe(4);
    expect(jobsFor(1, ['notes.jsonl'], dir)).toBe(1);
  });

  it('defaults to cores − 1 (at least 1), capped the same way', () => {
    expect(jobsFor(undefined, ['a.md'], dir)).toBe(1);
    expect(jobsFor(undefined, ['notes.jsonl'], dir)).toBeGreaterThanOrEqual(1);
  });
});
