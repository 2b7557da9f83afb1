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

  it('does not count a row of empty cells, which the reader skips, and counts a .tsv by its tabs', async () => {
    writeFileSync(join(dir, 'gaps.csv'), 'id,team,text\n1,Moor,one\n,,\n2,Moor,"two\n,,\nlines"\n');
    expect(await countDocuments(['gaps.csv'], dir)).toBe(2);
    writeFileSync(join(dir, 'tabs.tsv'), 'id\ttext\n1\t"a\nb"\n\t\n2\tc\n');
    expect(await countDocuments(['tabs.tsv'], dir)).toBe(2);
  });

  it('reads quotes as the reader does: a quote in the middle of an unquoted field opens nothing', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => (i === 3 || i === 11 ? `${i},Sam Example is 5'4" tall and well` : `${i},"Row ${i}, quoted"`));
    writeFileSync(join(dir, 'stray.csv'), `id,text\n${rows.join('\n')}\n`);
    expect(await countDocuments(['stray.csv'], dir)).toBe(20);
    // A record with its own broken quoting on one line is one record, as the reader reports it.
    writeFileSync(join(dir, 'own.csv'), 'id,text\n1,"broken "quoting" here",x\n2,fine\n3,"a ""b"" c"\n');
    expect(await countDocuments(['own.csv'], dir)).toBe(3);
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
