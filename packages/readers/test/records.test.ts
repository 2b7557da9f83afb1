/** CSV and JSONL records: one document per row, metadata kept, every bad row an error entry. */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { csv, jsonl, readPath, readStream, isReadError, isRawRecord, parseRecord, type RawRecord, type ReadDocument, type ReadItem } from '../src/index.js';
import { analyseChecked, collect, repoRoot } from './helpers.js';

const chunks = (...parts: (string | Buffer)[]): AsyncIterable<Buffer> => Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

describe('csv', () => {
  it('reads each row as a document with id, row and the other columns as metadata', async () => {
    const items = await collect(readPath('fixtures/records/notes-csv/input.csv', { cwd: repoRoot }));
    expect(items).toHaveLength(5);
    const docs = items as ReadDocument[];
    expect(docs.map((d) => [d.id, d.row])).toEqual([['N-001', 1], ['N-002', 2], ['N-003', 3], ['N-004', 4], ['N-005', 5]]);
    expect(docs[0]!.meta).toEqual({ team: 'North', date: '2026-01-05' });
    expect(docs[2]!.doc.source).toBe('The service user in room 4 said, "I want my door open", and we agreed.');
    expect(docs[3]!.doc.source).toBe('It was decided that the visit would move.\nA second line of the same note.');
    expect(analyseChecked(docs[0]!).findings.map((f) => f.ruleId)).toContain('blaming/refuses');
  });

  it('uses --text-field and --id-field', async () => {
    const items = (await collect(csv(chunks('ref,body\nR1,Amira refused lunch.\n'), 'x.csv', { textField: 'body', idField: 'ref' }))) as ReadDocument[];
    expect(items[0]!.id).toBe('R1');
    expect(items[0]!.doc.source).toBe('Amira refused lunch.');
    expect(items[0]!.meta).toBeUndefined();
  });

  it('turns every kind of bad row into an error entry naming file, row and line, and keeps going', async () => {
    const items = await collect(readPath('fixtures/records/bad-csv/input.csv', { cwd: repoRoot }));
    const summary = items.map((i) => (isReadError(i) ? `${i.row}:${i.error.code}` : `${i.row}:ok:${i.id}`));
    expect(summary).toEqual(['1:ok:B-001', '2:SD_ERR_CSV_ROW', '3:ok:B-003', '4:SD_ERR_ENCODING', '5:SD_ERR_INPUT', '6:SD_ERR_CSV_ROW', '7:SD_ERR_CSV_ROW', '8:ok:B-008']);
    for (const i of items) if (isReadError(i)) expect(i.error.message).toMatch(/^fixtures\/records\/bad-csv\/input\.csv row \d+ \(line \d+\)/);
    const quoting = items[1]!;
    expect(isReadError(quoting) && quoting.error.message).toContain('row 2 (line 3) has broken quoting');
    expect(isReadError(items[4]!) && items[4]!.error.message).toContain('has 2 columns but the header has 3, so it stops before the "text" column (column 3)');
    expect(isReadError(items[6]!) && items[6]!.error.message).toContain('never closed');
  });

  it('reads a quote in the middle of an unquoted field as opening nothing: only its own row fails', async () => {
    const text = 'id,text,team\nA1,Eve is 5\'4" and well,N\nA2,Fay refused lunch.,N\nA3,The service user went out.,S\nA4,Hal is 6\'1" tall,E\nA5,Ivy refused tea.,E\n';
    const items = await collect(csv(chunks(text), 'x.csv'));
    expect(items.map((i) => (isReadError(i) ? `${i.row}:${i.error.code}` : `${i.row}:ok:${i.id}`))).toEqual(['1:SD_ERR_CSV_ROW', '2:ok:A2', '3:ok:A3', '4:SD_ERR_CSV_ROW', '5:ok:A5']);
    expect(isReadError(items[0]!) && items[0]!.error.message).toContain('row 1 (line 2) has broken quoting: a quote appears in the middle of an unquoted field');
  });

  it('reads a field quoted over several lines as one record, and a quote left open before a quoted field as one broken row', async () => {
    const text = 'id,text\nM1,"Line one,\nline two with ""quotes"""\nM2,"never closed\nM3,"a, quoted text"\nM4,fine\n';
    const items = await collect(csv(chunks(text), 'x.csv'));
    expect(items.map((i) => (isReadError(i) ? `${i.row}:${i.error.code}` : `${i.row}:${i.id}:${(i as ReadDocument).doc.source}`))).toEqual([
      '1:M1:Line one,\nline two with "quotes"',
      '2:SD_ERR_CSV_ROW',
      '3:M3:a, quoted text',
      '4:M4:fine',
    ]);
  });

  it('refuses a header with two columns of one name, rather than read one and leave the other out', async () => {
    const items = await collect(csv(chunks('id,text,text\n1,Uma refused tea.,second\n'), 'x.csv'));
    expect(items).toEqual([{ path: 'x.csv', error: { code: 'SD_ERR_INPUT', message: 'x.csv header (line 1) has two columns named "text" (columns 2 and 3): rename one, so it is clear which to read' } }]);
  });

  it('reports a file whose header has no text column once, never quoting a cell (a file without a header row, or the wrong --text-field)', async () => {
    const headerless = 'R-1,North,2026-03-14,"Sam Example refused his tablets, NHS number 999 000 0018."\nR-2,South,2026-03-15,Alex Example went out.\n';
    for (const deferred of [false, true]) {
      const items = await collect(csv(chunks(headerless), 'x.csv', {}, deferred));
      expect(items).toEqual([
        {
          path: 'x.csv',
          error: {
            code: 'SD_ERR_INPUT',
            message: 'x.csv header (line 1) has 4 columns and none is called "text", so no record could be read: if the file has no header row, add one as its first line naming the columns (one of them "text"); if the text is in a column with another name, give that name with --text-field',
          },
        },
      ]);
    }
    const wrongField = await collect(csv(chunks('id,body\nR1,Amira refused lunch.\n'), 'x.csv', { textField: 'notes' }));
    expect(wrongField).toHaveLength(1);
    expect(isReadError(wrongField[0]!) && wrongField[0]!.error.message).toContain('x.csv header (line 1) has 2 columns and none is called "notes"');
  });

  it('says a row lacks its text without naming its fields or quoting its values', async () => {
    const items = await collect(csv(chunks('id,team,text\nB-5,Sam Example\n'), 'x.csv'));
    expect(isReadError(items[0]!) && items[0]!.error.message).toBe('x.csv row 1 (line 2) has 2 columns but the header has 3, so it stops before the "text" column (column 3): was the row cut short, or its text moved to a line of its own without quotes?');
    const lines = await collect(jsonl(chunks('{"id":"J1","Sam Example refused lunch":"x"}\n{"id":"J2","text":{"Alex Example":1}}\n'), 'x.jsonl'));
    const messages = lines.filter(isReadError).map((i) => i.error.message);
    expect(messages).toEqual([
      'x.jsonl row 1 has no "text" field (it has 2 fields; if the text is in another field, name it with --text-field)',
      'x.jsonl row 2 has a "text" field that is not text (it has 2 fields; if the text is in another field, name it with --text-field)',
    ]);
  });

  it('reads a JSONL record whose text is null as an empty note, as an empty CSV cell is read', async () => {
    const items = await collect(jsonl(chunks('{"id":"Z1","text":null,"unit":"Dale"}\n{"id":"Z2","unit":"Dale"}\n'), 'nulls.jsonl'));
    expect(items.map((i) => (isReadError(i) ? i.error.code : [i.id, i.doc.source, i.meta]))).toEqual([['Z1', '', { unit: 'Dale' }], 'SD_ERR_INPUT']);
  });

  it('keeps a record quoted over several lines whole when its own quoting is broken', async () => {
    const items = await collect(csv(chunks('id,text\nM1,"Line one\nline two" ,x\nM2,fine\n'), 'x.csv'));
    expect(items.map((i) => (isReadError(i) ? `${i.row}:${i.error.code}` : `${i.row}:${i.id}`))).toEqual(['1:SD_ERR_CSV_ROW', '2:M2']);
  });

  it('reads on after a quote left open before 150,000 lines (every line read again, once)', async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `N${i},ok`).join('\n');
    let rows = 0;
    let errors = 0;
    for await (const i of csv(chunks(`id,text\nA,"open\n${lines}\n`), 'big.csv')) {
      rows++;
      if (isReadError(i)) errors++;
    }
    expect([rows, errors]).toEqual([150_001, 1]);
  });

  it('does not let an unclosed quote swallow the rest of the file', async () => {
    const items = await collect(csv(chunks('id,text\n1,"open\n2,fine\n3,also fine\n'), 'x.csv'));
    expect(items.map((i) => (isReadError(i) ? 'error' : i.id))).toEqual(['error', '2', '3']);
  });

  it('handles a byte-order mark, CRLF endings and lines split across chunks', async () => {
    const items = (await collect(csv(chunks(Buffer.from([0xef, 0xbb, 0xbf]), 'id,te', 'xt\r\n1,"Hel', 'lo"\r\n2,Bye\r\n'), 'x.csv'))) as ReadDocument[];
    expect(items.map((d) => [d.id, d.doc.source])).toEqual([['1', 'Hello'], ['2', 'Bye']]);
  });

  it('reports a file whose header cannot be read, once', async () => {
    const items = await collect(csv(chunks(Buffer.from([0x69, 0x64, 0x2c, 0xc3, 0xa9, 0xff, 0x0a]), '1,2\n'), 'x.csv'));
    expect(items).toHaveLength(1);
    expect(isReadError(items[0]!) && items[0]!.error.code).toBe('SD_ERR_INPUT');
  });
});

describe('jsonl', () => {
  it('reads each line as a document; row is the line number, blank lines skipped', async () => {
    const items = (await collect(readPath('fixtures/records/notes-jsonl/input.jsonl', { cwd: repoRoot }))) as ReadDocument[];
    expect(items.map((d) => [d.id, d.row])).toEqual([['J-001', 1], ['J-002', 2], ['J-003', 4], ['4', 5]]);
    expect(items[2]!.meta).toEqual({ team: 'North', visit: '{"minutes":30}' });
  });

  it('turns every kind of bad line into an error entry and keeps going', async () => {
    const items = await collect(readPath('fixtures/records/bad-jsonl/input.jsonl', { cwd: repoRoot }));
    const summary = items.map((i) => (isReadError(i) ? `${i.row}:${i.error.code}` : `${i.row}:ok`));
    expect(summary).toEqual(['1:ok', '2:SD_ERR_JSONL_ROW', '3:SD_ERR_INPUT', '4:SD_ERR_ENCODING', '5:SD_ERR_JSONL_ROW', '6:ok']);
    for (const i of items) if (isReadError(i)) expect(i.error.message).toContain(`input.jsonl row ${i.row}`);
  });

  it('says where a line is not JSON without quoting any of it', async () => {
    const items = await collect(jsonl(chunks('{"id":"Z1","text":"ok"}\nZara Testperson refused lunch\n{"id":"Z3","text":"Yusuf Testname"\n'), 'x.jsonl'));
    const errors = items.filter(isReadError).map((i) => i.error.message);
    expect(errors).toEqual(['x.jsonl row 2 is not valid JSON', 'x.jsonl row 3 is not valid JSON: it ends before its record does (was the export cut short, or a line break written into a text without \\n?)']);
    for (const m of errors) expect(m).not.toMatch(/Zara|Testperson|Yusuf|Testname/);
  });

  it('reads a line split across many chunks', async () => {
    const line = JSON.stringify({ id: 'a', text: 'The service user refused.' });
    const parts = line.split('').map((c) => c);
    const items = (await collect(jsonl(chunks(...parts, '\n'), 'x.jsonl'))) as ReadDocument[];
    expect(items[0]!.doc.source).toBe('The service user refused.');
  });

  describe('deferRecords (records parsed later, on worker threads)', () => {
    /** Read with deferRecords, then parse every raw record as a worker would (after a copy). */
    const deferred = async (items: AsyncIterable<ReadItem | RawRecord>): Promise<{ raw: number; items: ReadItem[] }> => {
      let raw = 0;
      const out: ReadItem[] = [];
      for await (const i of items) {
        if (isRawRecord(i)) {
          raw++;
          out.push(parseRecord(structuredClone({ ...i, raw: new Uint8Array(i.raw) })));
        } else out.push(i);
      }
      return { raw, items: out };
    };

    it.each(['fixtures/records/bad-jsonl/input.jsonl', 'fixtures/records/notes-jsonl/input.jsonl', 'fixtures/records/bad-csv/input.csv', 'fixtures/records/notes-csv/input.csv'])('gives exactly what reading gives, for %s', async (file) => {
      const direct = await collect(readPath(file, { cwd: repoRoot }));
      const later = await deferred(readPath(file, { cwd: repoRoot, deferRecords: true }));
      // Every record is left raw except those reading itself must judge: a CSV quote never closed.
      const judgedWhileReading = direct.filter((i) => isReadError(i) && i.error.message.includes('never closed')).length;
      expect(later.raw).toBe(direct.length - judgedWhileReading);
      expect(later.items).toEqual(direct);
    });

    it('keeps the text and id fields, a byte-order mark and CRLF endings, and still reports an over-long line while reading', async () => {
      const big = "x".repeat(5 * 1024 * 1024);
      const input = () => chunks(Buffer.from([0xef, 0xbb, 0xbf]), '{"ref":"R1","body":"Amira refused lunch."}\r\n\n', `{"ref":"R2","body":"${big}"}\n`, '{"ref":"R3","note":"no body"}\n');
      const opts = { textField: 'body', idField: 'ref', filename: 'x.jsonl', path: 'x.jsonl' };
      const direct = await collect(readStream(input(), opts));
      const later = await deferred(readStream(input(), { ...opts, deferRecords: true }));
      expect(later.raw).toBe(2);
      expect(later.items).toEqual(direct);
      expect(direct.map((i) => (isReadError(i) ? i.error.code : i.id))).toEqual(['R1', 'SD_ERR_TOO_LARGE', 'SD_ERR_INPUT']);
    });

    it('CSV: keeps the header, a byte-order mark, CRLF endings and a quoted field over several lines; a broken header is still reported while reading', async () => {
      const input = () => chunks(Buffer.from([0xef, 0xbb, 0xbf]), 'ref,body\r\nR1,"Amíra refused lunch.\r\nShe said, ""not today""."\r\n', 'R2,fine,extra\r\nR3,"open\r\n', Buffer.from([0x52, 0x34, 0x2c, 0xff, 0x0a]));
      const opts = { textField: 'body', idField: 'ref', filename: 'x.csv', path: 'x.csv' };
      const direct = await collect(readStream(input(), opts));
      const later = await deferred(readStream(input(), { ...opts, deferRecords: true }));
      expect(later.items).toEqual(direct);
      expect(later.raw).toBe(3);
      expect(direct.map((i) => (isReadError(i) ? i.error.code : i.id))).toEqual(['R1', 'SD_ERR_CSV_ROW', 'SD_ERR_CSV_ROW', 'SD_ERR_ENCODING']);
      const broken = await collect(readStream(chunks('id,"te'), { filename: 'x.csv', deferRecords: true }));
      expect(broken.map((i) => (isReadError(i) ? i.error.code : 'raw'))).toEqual(['SD_ERR_CSV_ROW']);
    });

    it('leaves other inputs as they are', async () => {
      const items = await collect(readPath('fixtures/documents/example-plan/input.md', { cwd: repoRoot, deferRecords: true }));
      expect(items.some((i) => isRawRecord(i))).toBe(false);
      expect(items).toHaveLength(1);
    });
  });
});

describe('csv records over the size limit', () => {
  const MB = 1024 * 1024;
  /** A quoted field of `size` bytes over many lines, with no quote in it. */
  const longField = (size: number): string => {
    const line = 'Sam went out, and the service user refused personal care again today.';
    return Array.from({ length: Math.ceil(size / (line.length + 1)) }, (_, i) => `${line} (${i})`).join('\n');
  };

  it('reports a correctly quoted record over 4 MB as too large, once, and reads on after its end', async () => {
    const text = `id,text,team\nN1,"${longField(4.3 * MB)}",North\nN2,Short note about Sam.,South\n`;
    const items = await collect(csv(chunks(text), 'big.csv'));
    const lastLine = text.split("\n").length - 2; // the record's last line (N2 is on the next; the text ends in a line break)
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ row: 1, error: { code: 'SD_ERR_TOO_LARGE' } });
    expect(isReadError(items[0]!) && items[0]!.error.message).toBe(`big.csv row 1 (lines 2–${lastLine}) is too large: one record may be at most 4 MB (it was skipped)`);
    expect(items[1]).toMatchObject({ row: 2, id: 'N2', meta: { team: 'South' } });
  });

  it('still reads the rows after a quote that never closes, when the rest of the file is over 4 MB', async () => {
    const rows = longField(4.3 * MB).split('\n').map((l, i) => `R${i},${l.replace(/,/g, ';')}`);
    const text = `id,text\nR,"never closed\n${rows.join('\n')}\n`;
    const items = await collect(csv(chunks(text), 'stray.csv'));
    expect(items[0]).toMatchObject({ row: 1, error: { code: 'SD_ERR_CSV_ROW' } });
    expect(isReadError(items[0]!) && items[0]!.error.message).toContain('never closed');
    // The rows kept for reading again (4 MB of them) are read as rows; those past it are one error entry.
    const read = items.filter((i) => !isReadError(i)) as ReadDocument[];
    expect(read.length).toBeGreaterThan(40_000);
    expect(read[0]).toMatchObject({ row: 2, id: 'R0' });
    const lost = items[items.length - 1]!;
    expect(lost).toMatchObject({ error: { code: 'SD_ERR_CSV_ROW' } });
    expect(isReadError(lost) && lost.error.message).toMatch(/^stray\.csv row \d+ \(lines \d+–\d+\) could not be read: these lines come after a quote that is never closed/);
    expect(items.length).toBe(read.length + 2);
  });
});

describe('lone carriage returns', () => {
  it('end CSV and JSONL lines, as a line feed or both together do, even split across chunks', async () => {
    const csvItems = await collect(csv(chunks('id,text\rN1,Sam Example refused personal care.\rN2,"The service', ' user\rwent out."\r', '\nN3,Sam went out.\r'), 'lonecr.csv'));
    expect(csvItems.map((i) => (isReadError(i) ? i.error.code : [i.row, i.id, i.doc.source]))).toEqual([
      [1, 'N1', 'Sam Example refused personal care.'],
      [2, 'N2', 'The service user\nwent out.'],
      [3, 'N3', 'Sam went out.'],
    ]);
    const jsonlItems = await collect(jsonl(chunks('{"id":"J1","text":"Sam refused lunch."}\r{"id":"J2","text":"The service user went out."}\r', '\r{"id":"J3","text":"Sam went out."}'), 'lonecr.jsonl'));
    expect(jsonlItems.map((i) => (isReadError(i) ? i.error.code : [i.row, i.id]))).toEqual([[1, 'J1'], [2, 'J2'], [4, 'J3']]);
  });
});

describe('tab-separated exports (.tsv)', () => {
  it('reads each row as a record, keeps quotes inside unquoted fields, and reads a quoted field over lines', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'sd-tsv-'));
    const file = join(dir, 'export.tsv');
    await writeFile(file, 'ref\tunit\tbody\r\nT-7\tWest Hub\tOlu said "no thanks" and Olu refused the bath.\r\nT-8\tEast Hub\t"Two lines\r\nof a quoted, tabbed\tfield."\r\nT-9\tWest Hub\tA note with, commas, in it.');
    const items = await collect(readPath(file, { textField: 'body', idField: 'ref' }));
    expect(items.map((i) => (isReadError(i) ? i.error.code : [i.row, i.id, i.meta, i.doc.source]))).toEqual([
      [1, 'T-7', { unit: 'West Hub' }, 'Olu said "no thanks" and Olu refused the bath.'],
      [2, 'T-8', { unit: 'East Hub' }, 'Two lines\nof a quoted, tabbed\tfield.'],
      [3, 'T-9', { unit: 'West Hub' }, 'A note with, commas, in it.'],
    ]);
    const deferred: (ReadItem | RawRecord)[] = [];
    for await (const i of readPath(file, { textField: 'body', idField: 'ref', deferRecords: true })) deferred.push(i);
    expect(deferred.map((r) => (isRawRecord(r) ? parseRecord(r) : r))).toEqual(items);
  });

  it('says "a tab" when a row has more columns than the header', async () => {
    const items = await collect(csv(chunks('id\ttext\nQ1\tfirst\textra\n'), 'x.tsv', {}, false, '\t'));
    expect(isReadError(items[0]!) && items[0]!.error.message).toBe('x.tsv row 1 (line 2) has 3 columns but the header has 2 (a tab in an unquoted field?)');
  });
});

describe('column names with other capitals', () => {
  it('reads a "Body"/"REF" column as the text and id fields asked for, when only one column matches', async () => {
    const items = (await collect(csv(chunks(' REF ,Body,Area\nC1,Dee refused the lift.,Vale\n'), 'caps.csv', { textField: 'body', idField: 'ref' }))) as ReadDocument[];
    expect([items[0]!.id, items[0]!.doc.source, items[0]!.meta]).toEqual(['C1', 'Dee refused the lift.', { Area: 'Vale' }]);
  });

  it('reads a JSON Lines "Text"/"ID" field the same way; two such fields, or none, are not guessed between', async () => {
    const items = await collect(jsonl(chunks('{"ID":"J1","Text":"Ned declined tea.","Area":"Hill"}\n{"Text":"a","TEXT":"b"}\n{"Note":"c"}\n'), 'caps.jsonl'));
    const first = items[0] as ReadDocument;
    expect([first.id, first.doc.source, first.meta]).toEqual(['J1', 'Ned declined tea.', { Area: 'Hill' }]);
    expect(items.slice(1).map((i) => isReadError(i) && i.error.message)).toEqual([
      'caps.jsonl row 2 has no "text" field (it has 2 fields; if the text is in another field, name it with --text-field)',
      'caps.jsonl row 3 has no "text" field (it has 1 field; if the text is in another field, name it with --text-field)',
    ]);
  });
});

describe('CSV files saved by Excel as Windows-1252', () => {
  // "Cost £12 – Gwen’s café" in Windows-1252: £ 0xA3, – 0x96, ’ 0x92, é 0xE9.
  const cp1252 = Buffer.from([0x43, 0x6f, 0x73, 0x74, 0x20, 0xa3, 0x31, 0x32, 0x20, 0x96, 0x20, 0x47, 0x77, 0x65, 0x6e, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9]);
  it('reads the file as Windows-1252 once a record is not UTF-8, says so once (file and row, no text), and parses deferred records the same way', async () => {
    const input = () => chunks('id,text\r\nW1,Gwen went to the market.\r\nW2,', cp1252, '\r\nW3,', cp1252, '\r\n');
    const notices: string[] = [];
    const direct = await collect(csv(input(), 'till.csv', { onNotice: (m) => notices.push(m) }));
    expect(direct.map((i) => (isReadError(i) ? i.error.code : [i.id, i.doc.source]))).toEqual([
      ['W1', 'Gwen went to the market.'],
      ['W2', 'Cost £12 – Gwen’s café'],
      ['W3', 'Cost £12 – Gwen’s café'],
    ]);
    expect(notices).toEqual([
      'till.csv is not UTF-8 text (first at row 2, line 3), so it is read as Windows-1252, the encoding Excel uses for "CSV (Comma delimited)", where £ and accented letters are one byte each; if any look wrong in the report, save the file as "CSV UTF-8" and run again',
    ]);
    const later: ReadItem[] = [];
    for await (const r of csv(input(), 'till.csv', {}, true)) later.push(isRawRecord(r) ? parseRecord(r) : r);
    expect(later).toEqual(direct);
  });

  it('keeps a file whose first record beyond ASCII is UTF-8 as UTF-8: a later byte that is not is still an encoding error', async () => {
    const notices: string[] = [];
    const items = await collect(csv(chunks('id,text\nU1,Zoë walked.\nU2,', cp1252, '\n'), 'mixed.csv', { onNotice: (m) => notices.push(m) }));
    expect(items.map((i) => (isReadError(i) ? i.error.code : i.doc.source))).toEqual(['Zoë walked.', 'SD_ERR_ENCODING']);
    expect(notices).toEqual([]);
  });
});

describe('rows of empty cells', () => {
  it('skips a row holding only separators, as a blank line, in CSV and TSV, and numbers the rows after it as records', async () => {
    const items = await collect(csv(chunks('id,area,text\nE1,Moor,Cal went fishing.\n,,\n , ,\nE2,Moor,Cal made soup.\n'), 'gaps.csv'));
    expect(items.map((i) => (isReadError(i) ? i.error.code : [i.row, i.id]))).toEqual([[1, 'E1'], [2, 'E2']]);
    const tabs = await collect(csv(chunks('id\ttext\r\n\t\r\nE3\tCal slept well.\r\n'), 'gaps.tsv', {}, false, '\t'));
    expect(tabs.map((i) => (isReadError(i) ? i.error.code : [i.row, i.id]))).toEqual([[1, 'E3']]);
  });
});
