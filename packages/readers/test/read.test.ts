/** readPath / readStream: the reader is chosen by extension; failures become error entries. */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readPath, readStream, kindOf, isReadError, errorEntry, type ReadDocument } from '../src/index.js';
import { collect, repoRoot } from './helpers.js';

describe('readPath', () => {
  it('picks the reader by extension', () => {
    expect(['a.txt', 'a.md', 'a.MARKDOWN', 'a.html', 'a.htm', 'a.docx', 'a.csv', 'a.jsonl', 'a.ndjson', 'a.log'].map(kindOf)).toEqual(['text', 'markdown', 'markdown', 'html', 'html', 'docx', 'csv', 'jsonl', 'jsonl', 'text']);
  });

  it('reads text, Markdown, HTML and DOCX fixtures as one document each', async () => {
    for (const [file, format] of [
      ['fixtures/documents/text-note/input.txt', 'text'],
      ['fixtures/documents/markdown-plan/input.md', 'markdown'],
      ['fixtures/documents/html-page/input.html', 'html'],
      ['fixtures/documents/docx-plan/input.docx', 'docx'],
    ] as const) {
      const items = await collect(readPath(file, { cwd: repoRoot }));
      expect(items).toHaveLength(1);
      expect((items[0] as ReadDocument).doc.format).toBe(format);
      expect((items[0] as ReadDocument).path).toBe(file);
    }
  });

  it('says what to do about a file this account may not read', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(errorEntry('notes/a.txt', denied)).toEqual({
      path: 'notes/a.txt',
      error: { code: 'SD_ERR_READ', message: 'this account may not read notes/a.txt (permission denied): ask whoever looks after it for read access, or check a copy you can open' },
    });
  });

  it('reports a missing file, a folder, bad UTF-8 and a corrupt DOCX as error entries', async () => {
    const cases: [string, string, string][] = [
      ['no/such/file.txt', 'SD_ERR_READ', 'file not found: no/such/file.txt'],
      ['fixtures/documents', 'SD_ERR_READ', 'is a folder'],
      ['fixtures/documents/not-utf8/input.txt', 'SD_ERR_ENCODING', 'not valid UTF-8'],
      ['fixtures/documents/corrupt-docx/input.docx', 'SD_ERR_READ_DOCX', 'not a valid Word'],
      ['no/such/records.csv', 'SD_ERR_READ', 'file not found'],
    ];
    for (const [file, code, text] of cases) {
      const items = await collect(readPath(file, { cwd: repoRoot }));
      expect(items).toHaveLength(1);
      const item = items[0]!;
      expect(isReadError(item), file).toBe(true);
      if (isReadError(item)) {
        expect(item.error.code).toBe(code);
        expect(item.error.message).toContain(text);
        expect(item.path).toBe(file);
      }
    }
  });
});

describe('readStream', () => {
  it('reads standard input as text by default, path "-"', async () => {
    const items = (await collect(readStream(Readable.from([Buffer.from('Amira refused lunch.')])))) as ReadDocument[];
    expect(items[0]!.path).toBe('-');
    expect(items[0]!.doc.format).toBe('text');
  });

  it('uses the stdin file name to pick the reader', async () => {
    const md = (await collect(readStream(Readable.from(['# Title\n\nText']), { filename: 'plan.md' }))) as ReadDocument[];
    expect(md[0]!.doc.format).toBe('markdown');
    const recs = await collect(readStream(Readable.from(['{"text":"a"}\n{"text":"b"}\n']), { filename: 'x.jsonl' }));
    expect(recs.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('readStream for Word files', () => {
  it('reads a .docx from standard input when --stdin-filename says so', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const bytes = readFileSync(join(repoRoot, 'fixtures/documents/docx-plan/input.docx'));
    const items = (await collect(readStream(Readable.from([bytes]), { filename: 'plan.docx' }))) as ReadDocument[];
    expect(items[0]!.doc.format).toBe('docx');
    expect(items[0]!.doc.sections[0]!.title).toBe('Support plan for Jack');
  });
});
