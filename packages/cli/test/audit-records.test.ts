/**
 * How `sourdough audit` writes a record's other columns (metadata) into findings.csv and
 * documents.csv: masked by default, left out with --no-excerpts except the columns the audit is
 * grouped and dated by. Runs the built binary on small synthetic exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sourdough } from './helpers.js';

let dir: string;
const audit = (args: string[]) => sourdough(['audit', '--no-config-lookup', '--no-progress', '--jobs', '1', ...args], { cwd: dir });
const table = (folder: string, name: string): Record<string, string>[] => parse(readFileSync(join(dir, folder, name), 'utf8'), { columns: true }) as Record<string, string>[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-records-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourdough audit: metadata columns in the CSV outputs', () => {
  const NHS = '999 000 0018';
  beforeAll(() => {
    writeFileSync(
      join(dir, 'meta.jsonl'),
      [
        { id: 'M1', team: 'North', date: '2026-03-14', summary: `Pat Sample (NHS ${NHS}) kicked off at the day centre.`, text: 'He refused his tablets again.' },
        { id: 'M2', team: 'South', date: '2026-03-15', summary: 'Quiet week for Lee Sample.', text: 'She is a service user.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
  });

  it('with --no-excerpts, keeps only the id and the --group-by and --date-field columns', async () => {
    const r = await audit(['meta.jsonl', '--group-by', 'team', '--date-field', 'date', '--no-excerpts', '-o', 'bare']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of readdirSync(join(dir, 'bare'))) {
      const text = readFileSync(join(dir, 'bare', name), 'utf8');
      for (const leak of [NHS, 'Pat Sample', 'kicked off', 'Quiet week']) expect(text, `${name}: ${leak}`).not.toContain(leak);
    }
    const docs = table('bare', 'documents.csv');
    expect(Object.keys(docs[0]!).slice(0, 5)).toEqual(['path', 'id', 'row', 'team', 'date']);
    expect(docs.map((d) => [d.id, d.team, d.date, d.other_meta])).toEqual([['M1', 'North', '2026-03-14', ''], ['M2', 'South', '2026-03-15', '']]);
    expect(table('bare', 'findings.csv').map((f) => [f.id, f.team])).toEqual([['M1', 'North'], ['M2', 'South']]);
  });

  it('without it, keeps every column but masks identifiers in the others, as in example sentences', async () => {
    const r = await audit(['meta.jsonl', '--group-by', 'team', '-o', 'full']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['documents.csv', 'findings.csv']) {
      const rows = table('full', name);
      expect(rows[0]!.summary, name).toBe('[name] (NHS [NHS number]) kicked off at the day centre.');
      expect(readFileSync(join(dir, 'full', name), 'utf8')).not.toContain(NHS);
    }
  });
});

describe('sourdough audit: identifiers only the document shows to be identifiers', () => {
  // A form's label on the line before a bare number is what makes it an NHS number; the example
  // sentence holds only the number, so it is masked from the document's own findings.
  const BARE = '9994567896';
  beforeAll(() => {
    writeFileSync(join(dir, 'form.jsonl'), [{ id: 'F1', text: `NHS No:\n${BARE}\nShe is a service user.` }, { id: 'F2', text: `NHS No:\n${BARE} refused lunch today.` }].map((r) => JSON.stringify(r)).join('\n'));
  });

  it('never writes them, in findings.csv, the report or the summary', async () => {
    const r = await audit(['form.jsonl', '-o', 'form']);
    expect(r.code, r.stderr).toBe(0);
    const rows = table('form', 'findings.csv');
    expect(rows.filter((f) => f.rule === 'privacy/nhs-number').map((f) => [f.id, f.text, f.sentence])).toEqual([
      ['F1', '[NHS number]', '[NHS number]'],
      ['F2', '[NHS number]', '[NHS number] refused lunch today.'],
    ]);
    expect(rows.find((f) => f.id === 'F2' && f.rule === 'blaming/refuses')!.sentence).toBe('[NHS number] refused lunch today.');
    for (const name of readdirSync(join(dir, 'form'))) expect(readFileSync(join(dir, 'form', name), 'utf8'), name).not.toContain(BARE);
  });
});

describe('sourdough audit: record dates', () => {
  it('warns with a count when dates cannot be read, never quoting them, and reads no impossible date', async () => {
    writeFileSync(
      join(dir, 'dates.csv'),
      ['id,date,text', '1,2026-01-14,Sam Example refused lunch.', '2,03/14/2026,Lee Sample went out.', '3,2026/03/16,Kim Sample went out.', '4,16 March 2026,Pat Sample went out.', '5,2026-02-31,Pat Sample went out.', '6,99/03/2026,Pat Sample went out.', '7,0001-01-01,Pat Sample went out.', '8,,Pat Sample went out.', '9,1900-01-01,Pat Sample went out.', '10,01/01/1970,Pat Sample went out.', ''].join('\n'),
    );
    const r = await audit(['dates.csv', '--date-field', 'date', '-o', 'dates']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sourdough audit: 8 records have values in "date" that could not be read as a date, so they are left out of the trend;');
    expect(r.stderr).toContain('or a placeholder for no date (01/01/1900, 01/01/1970) is not read');
    for (const v of ['03/14/2026', '2026/03/16', '16 March', '2026-02-31', '99/03/2026', '0001-01-01', '1900-01-01']) expect(r.stderr).not.toContain(v);
    const t = JSON.parse(readFileSync(join(dir, 'dates', 'summary.json'), 'utf8')).figures.trend;
    expect(t.points.map((p: { period: string }) => p.period)).toEqual(['2026-01']);
    expect(t).toMatchObject({ undated: 9, unreadable: 8 });
  });
});

describe('sourdough audit: CSV column names', () => {
  it('prefixes a record column named like an output column, so no header is there twice', async () => {
    writeFileSync(join(dir, 'collide.csv'), 'id,team,status,category,row,path,text\n1,North,open,safeguarding,A7,/share/one,Sam Example refused his tablets again.\n');
    const r = await audit(['collide.csv', '--group-by', 'status', '-o', 'collide']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['documents.csv', 'findings.csv']) {
      const header = readFileSync(join(dir, 'collide', name), 'utf8').split('\r\n')[0]!.split(',');
      expect(new Set(header).size, name).toBe(header.length);
      const row = table('collide', name)[0]!;
      expect(row, name).toMatchObject({ meta_status: 'open', team: 'North', meta_category: 'safeguarding', meta_row: 'A7', meta_path: '/share/one', row: '1', path: 'collide.csv' });
    }
    expect(Object.keys(table('collide', 'documents.csv')[0]!).slice(0, 4)).toEqual(['path', 'id', 'row', 'meta_status']);
  });

  it('always has the --group-by and --date-field columns, even when the first record lacks them', async () => {
    writeFileSync(
      join(dir, 'sparse.jsonl'),
      [{ id: '1', text: 'Sam Example refused his tablets again.' }, { id: '2', team: 'North', date: '2026-03-15', text: 'Alex Example is a service user.' }].map((x) => JSON.stringify(x)).join('\n'),
    );
    const r = await audit(['sparse.jsonl', '--group-by', 'team', '--date-field', 'date', '-o', 'sparse']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['documents.csv', 'findings.csv']) {
      const rows = table('sparse', name);
      expect(rows.map((x) => [x.id, x.team, x.date, x.other_meta]), name).toContainEqual(['2', 'North', '2026-03-15', '']);
      expect(rows.find((x) => x.id === '1')!.team, name).toBe('');
    }
  });
});

describe('sourdough audit: grouping by the id or text column', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'ids.csv'), 'id,team,text\nA1,North,Sam Example refused lunch.\nA2,North,He is a service user.\n');
  });

  it('groups by the id column without saying no record has a value in it', async () => {
    const r = await audit(['ids.csv', '--group-by', 'id', '-o', 'by-id']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no record has a value');
    const s = JSON.parse(readFileSync(join(dir, 'by-id', 'summary.json'), 'utf8'));
    expect(Object.keys(s.figures.groups.id)).toEqual(['A1', 'A2']);
    expect(Object.keys(table('by-id', 'documents.csv')[0]!).slice(0, 4)).toEqual(['path', 'id', 'row', 'team']);
  });

  it('refuses to group by the text column, which would copy the text into the report', async () => {
    const r = await audit(['ids.csv', '--group-by', 'text', '-o', 'by-text']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"text" is the column holding the records\' text, so it cannot be a group');
    expect(readdirSync(dir)).not.toContain('by-text');
  });
});

describe('sourdough audit: strengths and voice with the voice rules off', () => {
  beforeAll(() => {
    const plan = 'What matters to me\n\nI enjoy gardening with my brother. I would like to go back to work. Staff help me with washing every morning. I am at risk of falls at night.';
    const note = 'Home visit today with the duty worker. Jack was in the kitchen when we arrived. Staff supported him with his lunch. He went to bed early after tea.';
    writeFileSync(join(dir, 'voice.jsonl'), [{ id: 'P1', text: plan }, { id: 'N1', text: note }].map((x) => JSON.stringify(x)).join('\n'));
  });

  it.each([['voice'], ['voice/strengths'], ['voice/plan-person-voice']])('--disable %s drops those findings but keeps the figures', async (rule) => {
    const on = await audit(['voice.jsonl', '-o', `voice-on-${rule.replace('/', '-')}`]);
    const off = await audit(['voice.jsonl', '--disable', rule, '-o', `voice-off-${rule.replace('/', '-')}`]);
    expect(on.code, on.stderr).toBe(0);
    expect(off.code, off.stderr).toBe(0);
    const figures = (name: string) => JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')).figures;
    const before = figures(`voice-on-${rule.replace('/', '-')}`);
    const after = figures(`voice-off-${rule.replace('/', '-')}`);
    expect(before.voice).toMatchObject({ plans: 1, plansWithStrengths: 1, notes: 1, documentsWithVoiceStats: 2 });
    expect(after.voice).toEqual(before.voice);
    expect(Object.keys(after.rules).filter((id) => id === rule || id.startsWith(`${rule}/`))).toEqual([]);
    const docs = table(`voice-off-${rule.replace('/', '-')}`, 'documents.csv');
    expect(docs.map((d) => [d.id, d.kind, d.strengths])).toEqual([['P1', 'plan', '3'], ['N1', 'note', '0']]);
  });
});

describe('sourdough audit: bidirectional controls in the CSV outputs', () => {
  it('writes them as � in findings.csv and documents.csv, from the text and from other columns', async () => {
    const RLO = '\u202e';
    const LRI = '\u2066';
    writeFileSync(
      join(dir, 'bidi.jsonl'),
      [
        { id: `B${RLO}1`, team: `North${RLO}`, summary: `Quiet ${LRI}week`, text: `Sam Example ${RLO}refused his tablets again.` },
        { id: 'B2', team: 'South', summary: 'Quiet', text: `He is a service user.${LRI}` },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const r = await audit(['bidi.jsonl', '--group-by', 'team', '-o', 'bidi']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['findings.csv', 'documents.csv']) {
      const text = readFileSync(join(dir, 'bidi', name), 'utf8');
      expect(text, name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      const first = table('bidi', name)[0]!;
      expect([first.id, first.team, first.summary], name).toEqual(['B\ufffd1', 'North\ufffd', 'Quiet \ufffdweek']);
    }
    expect(table('bidi', 'findings.csv').map((f) => f.sentence)).toContainEqual(expect.stringContaining('\ufffdrefused his tablets again.'));
  });
});

describe('sourdough audit: exports that name their columns with other capitals', () => {
  it('reads a "Text"/"Ref" header as text and id, and groups and dates by "Unit"/"Seen On" given as unit/seen on', async () => {
    writeFileSync(join(dir, 'caps.csv'), 'Ref, Unit ,Seen On,TEXT\r\nK1,Coast,2026-05-02,Ben refused the walk.\r\nK2,Hills,03/06/2026,Ben chose the bus.\r\n');
    const r = await audit(['caps.csv', '--id-field', 'ref', '--group-by', 'unit', '--date-field', 'seen on', '-o', 'caps']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no record has a value');
    const summary = JSON.parse(readFileSync(join(dir, 'caps', 'summary.json'), 'utf8'));
    expect(summary.figures.documents.analysed).toBe(2);
    expect(Object.keys(summary.figures.groups.unit).sort()).toEqual(['Coast', 'Hills']);
    expect(summary.figures.trend.undated).toBe(0);
    expect(table('caps', 'documents.csv').map((d) => [d.id, d.unit, d['seen on']])).toEqual([['K1', 'Coast', '2026-05-02'], ['K2', 'Hills', '03/06/2026']]);
  });

  it('still refuses a header where two columns differ from "text" only in capitals', async () => {
    writeFileSync(join(dir, 'twice.csv'), 'id,Text,TEXT\nK1,a,b\n');
    const r = await audit(['twice.csv', '-o', 'twice']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('none is called "text"');
  });
});

describe('sourdough audit: an export saved by Excel as Windows-1252', () => {
  it('reads every record, says once on standard error how the file was read, and quotes none of it', async () => {
    // "Paid £7 for Ola’s taxi" with £ as 0xA3 and ’ as 0x92.
    const paid = Buffer.concat([Buffer.from('Paid '), Buffer.from([0xa3]), Buffer.from('7 for Ola'), Buffer.from([0x92]), Buffer.from('s taxi and Ola refused the lift.')]);
    writeFileSync(join(dir, 'excel.csv'), Buffer.concat([Buffer.from('id,team,text\r\nX1,Dale,Ola went swimming.\r\nX2,Dale,'), paid, Buffer.from('\r\nX3,Fell,'), paid, Buffer.from('\r\n')]));
    const r = await audit(['excel.csv', '--group-by', 'team', '-o', 'excel']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sourdough audit: excel.csv is not UTF-8 text (first at row 2, line 3), so it is read as Windows-1252');
    expect(r.stderr.match(/Windows-1252/g)).toHaveLength(1);
    for (const leak of ['Paid', 'taxi', 'Ola']) expect(r.stderr).not.toContain(leak);
    const summary = JSON.parse(readFileSync(join(dir, 'excel', 'summary.json'), 'utf8'));
    expect(summary.figures.documents.analysed).toBe(3);
    expect(table('excel', 'findings.csv').map((f) => f.sentence)).toContain('Paid £7 for Ola’s taxi and Ola refused the lift.');
  });
});
