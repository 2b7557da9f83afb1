/** The csv reporter: one row per finding, record metadata, failures, spreadsheet-safe cells. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csv, csvCell, csvStream } from '../src/index.js';
import { results, summary } from './sample.js';

const rows = (text: string): Record<string, string>[] => parse(text, { columns: true, relax_column_count: false }) as Record<string, string>[];

describe('csv', () => {
  it('writes one row per finding and one per failure, with record id, row and metadata columns', () => {
    const table = rows(csv(results, summary));
    expect(table).toHaveLength(5);
    expect(Object.keys(table[0]!).slice(0, 5)).toEqual(['path', 'id', 'row', 'team', 'date']);
    expect(table[0]).toMatchObject({ path: 'plans/jack plan.md', rule: 'blaming/refuses', line: '3', column: '6', text: 'refused', suggestions: 'declined; chose not to', section: 'About me', team: '' });
    expect(table[2]).toMatchObject({ path: 'notes.csv', id: 'N-001', row: '1', team: 'North', date: "'=2026-01-05", severity: 'error', sentence: 'The service user said, "no <thanks>", & left.' });
    expect(table[3]).toMatchObject({ path: 'notes.csv', row: '2', rule: '', error_code: 'SD_ERR_CSV_ROW', error_message: 'notes.csv row 2 (line 3) has broken quoting' });
    expect(table[4]).toMatchObject({ path: 'broken.docx', error_code: 'SD_ERR_READ_DOCX' });
  });

  it('escapes cells that a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+44', '-2', '@SUM(A1)', '\tx', 'plain'].map(csvCell)).toEqual(["'=1+1", "'+44", "'-2", "'@SUM(A1)", "'\tx", 'plain']);
    expect(csvCell('a "quoted", text')).toBe('"a ""quoted"", text"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it('writes bidirectional controls as �, so no cell reads in a different order from what it holds', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of controls) expect(csvCell(`North${c}team`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('North\ufffdteam');
    // Trojan-source style: the cell would show "team North" reversed in a spreadsheet.
    expect(csvCell('\u202eNorth\u202c')).toBe('\ufffdNorth\ufffd');
    // A control cannot hide a formula from the check either.
    expect(csvCell('\u2066=1+1')).toBe('\ufffd=1+1');
    // Other right-to-left text is left as it is.
    expect(csvCell('فريق الشمال')).toBe('فريق الشمال');
    const out = csv([{ ...results[1]!, meta: { 'te\u202eam': 'No\u202erth' } }, { ...results[1]!, meta: { 'te\u202eam': 'South', note: '\u2067x' } }], summary);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(rows(out)[0]).toMatchObject({ 'te\ufffdam': 'No\ufffdrth' });
    expect(rows(out).at(-1)).toMatchObject({ other_meta: '{"note":"\ufffdx"}' });
  });

  it('takes metadata columns from the first document even when failures come first, and keeps other keys', () => {
    const [first, second, failure] = [results[0]!, results[1]!, results[2]!];
    const out = csv([failure, second, { ...second, meta: { team: 'South', extra: 'yes' } }, first], summary);
    const table = rows(out);
    expect(Object.keys(table[0]!)).toContain('team');
    expect(table[0]!.error_code).toBe('SD_ERR_CSV_ROW');
    expect(table[2]!.other_meta).toBe('{"extra":"yes"}');
  });

  it('streams the same text', () => {
    const s = csvStream();
    expect(s.start() + results.map((r) => s.result(r)).join('') + s.end(summary)).toBe(csv(results, summary));
  });

  it('matches the snapshot', async () => {
    await expect(csv(results, summary)).toMatchFileSnapshot('./snapshots/csv.csv');
  });
});
