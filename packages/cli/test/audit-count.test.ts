/** countDocuments (the progress bar's total for `audit`): records, not lines; plain files count one each. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countDocuments } from '../src/audit-count.js';

const dir = mkdtempSync(join(tmpdir(), 'sourdough-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('countDocuments', () => {
  it('counts CSV records: quoted line breaks and blank lines do not add records, the header is not one', async () => {
    writeFileSync(join(dir, 'a.csv'), 'id,text\r\n1,"one line"\r\n\r\n2,"two\nlines, ""quoted"""\r\n3,plain\n');
    expect(await countDocuments(['a.csv'], dir)).toBe(3);
  });

  it('counts lines when a quote never closes (the reader reads on after the broken row)', async () => {
    writeFileSync(join(dir, 'broken.csv'), 'id,text\n1,"fine"\n2,"never closed\n3,ok\n4,"also fine"\n');
    expect(await countDocuments(['broken.csv'], dir)).toBe(4);
  });

  it('counts JSONL lines that are not blank (a last line without a newline too)', async () => {
    writeFileSync(join(dir, 'b.jsonl'), '{"id":1,"text":"a"}\n\n  \n{"id":2,"text":"b \\"q\\""}\n{"id":3,"text":"c"}');
    expect(await countDocuments(['b.jsonl'], dir)).toBe(3);
  });

  it('adds one per plain file, and gives up on standard input or a missing file', async () => {
    writeFileSync(join(dir, 'c.md'), '# Plan\n\nI like tea.\n');
    expect(await countDocuments(['a.csv', 'c.md', 'b.jsonl'], dir)).toBe(7);
    expect(await countDocuments(['-'], dir)).toBeUndefined();
    expect(await countDocuments(['missing.csv'], dir)).toBeUndefined();
  });
});
