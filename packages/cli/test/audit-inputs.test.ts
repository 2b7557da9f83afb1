/**
 * What `sourdough audit` reads: folders walked without reading audit outputs (this run's folder,
 * and any folder holding an earlier audit's summary.json), files named on the command line always
 * read. Runs the built binary on small synthetic exports in a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourdough } from './helpers.js';

let dir: string;

const EXPORT = [
  'id,team,date,text',
  '1,North,2026-03-14,"Sam Example refused his tablets again. He is a service user."',
  '2,South,2026-03-15,"Alex Example went to the library and chose a book."',
  '3,East,2026-03-16,"Jo Example is wheelchair-bound and refuses help."',
  '',
].join('\n');

function audit(args: string[], cwd = dir): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return sourdough(['audit', '--no-config-lookup', '--no-progress', '--jobs', '1', ...args], { cwd });
}

const summaryOf = (folder: string): any => JSON.parse(readFileSync(join(dir, folder, 'summary.json'), 'utf8'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-inputs-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sourdough audit: earlier outputs are not read again', () => {
  it('a second audit of the same folder reads only the export, and says which folder it left out', async () => {
    const here = join(dir, 'q');
    mkdirSync(here);
    writeFileSync(join(here, 'export.csv'), EXPORT);
    const q3 = await audit(['.', '-o', 'audit-2026-q3'], here);
    expect(q3.code, q3.stderr).toBe(0);
    const q4 = await audit(['.', '-o', 'audit-2026-q4', '--compare', 'audit-2026-q3/summary.json'], here);
    expect(q4.code, q4.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(here, 'audit-2026-q4', 'summary.json'), 'utf8'));
    expect(s.figures.documents.read).toBe(3);
    expect(s.comparison.per1000Words.change).toBe(0);
    expect(q4.stderr).toContain('left out audit-2026-q3 (3 files): it holds the report of an earlier audit');
    // Run again into the same folder: its own outputs are not inputs either.
    const again = await audit(['.', '-o', 'audit-2026-q4'], here);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(here, 'audit-2026-q4', 'summary.json'), 'utf8')).figures.documents.read).toBe(3);
    expect(again.stderr).toContain('left out audit-2026-q4 (3 files): it is the folder this audit writes its report into');
  });

  it('reports sourdough wrote, moved out of their audit folder beside an export, are not read as records either', async () => {
    const here = join(dir, 'moved');
    mkdirSync(here);
    writeFileSync(join(here, 'export.csv'), EXPORT);
    expect((await audit(['export.csv', '-o', 'out'], here)).code).toBe(0);
    // The CSVs and report copied out beside the export, without the summary.json that marks the folder.
    mkdirSync(join(here, 'shared'));
    writeFileSync(join(here, 'shared', 'export.csv'), EXPORT);
    for (const name of ['findings.csv', 'documents.csv', 'report.html']) writeFileSync(join(here, 'shared', `q3-${name}`), readFileSync(join(here, 'out', name)));
    const r = await audit(['shared', '-o', 'shared-audit'], here);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(here, 'shared-audit', 'summary.json'), 'utf8')).figures.documents.read).toBe(3);
    for (const name of ['q3-documents.csv', 'q3-findings.csv', 'q3-report.html']) {
      expect(r.stderr).toContain(`sourdough audit: left out shared/${name}: it is a report sourdough wrote, not a document, and auditing it would count the findings it quotes as new ones; to audit it anyway, name the file itself\n`);
    }
  });

  it('a check report saved as .txt or .md beside the export is not read as a document either', async () => {
    const here = join(dir, 'as-text');
    mkdirSync(here);
    writeFileSync(join(here, 'export.csv'), EXPORT);
    const json = await sourdough(['check', '--no-config-lookup', '--jobs', '1', '-f', 'json', 'export.csv'], { cwd: here });
    writeFileSync(join(here, 'findings.txt'), json.stdout);
    const plain = await sourdough(['check', '--no-config-lookup', '--jobs', '1', 'export.csv'], { cwd: here });
    writeFileSync(join(here, 'findings.md'), plain.stdout);
    const r = await audit(['.', '-o', 'out'], here);
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf('as-text/out').figures.documents.read).toBe(3);
    for (const name of ['findings.md', 'findings.txt']) expect(r.stderr).toContain(`sourdough audit: left out ./${name}: it is a report sourdough wrote, not a document`);
  });

  it('a glob does not reach into an audit folder either (only into one sourdough wrote), but a file named on the command line is read', async () => {
    const here = join(dir, 'g');
    mkdirSync(join(here, 'other'), { recursive: true });
    writeFileSync(join(here, 'export.csv'), EXPORT);
    // A summary.json that sourdough did not write does not make a folder an audit's.
    writeFileSync(join(here, 'other', 'summary.json'), '{"version":1,"note":"someone else\'s"}');
    writeFileSync(join(here, 'other', 'notes.csv'), EXPORT);
    const first = await audit(['export.csv', '-o', 'earlier'], here);
    expect(first.code, first.stderr).toBe(0);
    const globbed = await audit(['**/*.csv', '-o', 'globbed'], here);
    expect(globbed.code, globbed.stderr).toBe(0);
    expect(summaryOf('g/globbed').figures.documents.read).toBe(6);
    expect(globbed.stderr).toContain('left out earlier (2 files)');
    expect(globbed.stderr).not.toContain('left out other');
    const named = await audit(['export.csv', 'earlier/documents.csv', '-o', 'named'], here);
    expect(named.stderr).not.toContain('left out');
    expect(summaryOf('g/named').inputs).toEqual(['export.csv', 'earlier/documents.csv']);
    expect(summaryOf('g/named').figures.documents.read).toBeGreaterThan(3);
  });
});

describe('sourdough audit: a CSV without a text column', () => {
  // No header row: the first record would be read as the header.
  const HEADERLESS = 'HX-1,Harbour,2026-04-14,"Pat Sample refused his tablets again, his NHS number is 999 000 0018."\nHX-2,Riverside,2026-04-15,"Lee Sample went to the library."\nHX-3,Riverside,2026-04-16,"Kim Sample is wheelchair-bound."\n';
  const CELLS = ['HX-1', 'Harbour', 'Riverside', '2026-04-14', 'Pat Sample', '999 000 0018', 'Lee Sample', 'Kim Sample'];

  it('is one problem for the file, and no cell of it reaches any output, even beside a good file', async () => {
    const here = join(dir, 'nh');
    mkdirSync(here);
    writeFileSync(join(here, 'noheader.csv'), HEADERLESS);
    writeFileSync(join(here, 'good.csv'), EXPORT);
    const r = await audit(['noheader.csv', 'good.csv', '--no-excerpts', '-o', 'out'], here);
    expect(r.code, r.stderr).toBe(2);
    const s = JSON.parse(readFileSync(join(here, 'out', 'summary.json'), 'utf8'));
    expect(s.figures.documents).toMatchObject({ read: 4, analysed: 3, failed: 1 });
    expect(s.figures.dataQuality.failures).toEqual([
      {
        path: 'noheader.csv',
        code: 'SD_ERR_INPUT',
        message: 'noheader.csv header (line 1) has 4 columns and none is called "text", so no record could be read: if the file has no header row, add one as its first line naming the columns (one of them "text"); if the text is in a column with another name, give that name with --text-field',
      },
    ]);
    for (const name of readdirSync(join(here, 'out'))) {
      const text = readFileSync(join(here, 'out', name), 'utf8');
      for (const cell of CELLS) expect(text, `${name}: ${cell}`).not.toContain(cell);
    }
  });

  it('stops the run before writing anything when no input could be read at all (no text column, a mistyped file name)', async () => {
    const here = join(dir, 'nh2');
    mkdirSync(here);
    writeFileSync(join(here, 'noheader.csv'), HEADERLESS);
    const r = await audit(['noheader.csv', 'missing.csv', '-o', 'out'], here);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sourdough audit: noheader.csv header (line 1) has 4 columns and none is called "text"');
    expect(r.stderr).toContain('sourdough audit: file not found: missing.csv');
    expect(r.stderr).toContain('no document or record could be read, so nothing was written');
    for (const cell of CELLS) expect(r.stderr).not.toContain(cell);
    expect(existsSync(join(here, 'out'))).toBe(false);
    const typo = await audit(['missing.csv', '-o', 'typo'], here);
    expect(typo.code).toBe(2);
    expect(existsSync(join(here, 'typo'))).toBe(false);
  });
});

describe('sourdough audit: inputs with nothing in them', () => {
  it('warns about an export with no records (empty, or a header row only)', async () => {
    const here = join(dir, 'empty');
    mkdirSync(here);
    writeFileSync(join(here, 'empty.csv'), '');
    writeFileSync(join(here, 'header.csv'), 'id,team,text\n');
    writeFileSync(join(here, 'empty.jsonl'), '\n\n');
    writeFileSync(join(here, 'good.csv'), EXPORT);
    const r = await audit(['empty.csv', 'header.csv', 'empty.jsonl', 'good.csv', '-o', 'out'], here);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sourdough audit: empty.csv holds no records (it is empty, or has only its header row), so nothing from it is in the report; check that the export finished\n');
    expect(r.stderr).toContain('sourdough audit: header.csv holds no records (it is empty, or has only its header row)');
    expect(r.stderr).toContain('sourdough audit: empty.jsonl holds no records (it is empty, or has only blank lines)');
    expect(r.stderr).not.toContain('good.csv holds no records');
  });

  it('stops before writing anything when every file found is in an audit folder', async () => {
    const here = join(dir, 'only-audit');
    mkdirSync(here);
    writeFileSync(join(here, 'export.csv'), EXPORT);
    expect((await audit(['export.csv', '-o', 'audit-q3'], here)).code).toBe(0);
    const r = await audit(['audit-q3', '-o', 'again'], here);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing is left to audit once the audit folders are left out, so nothing was written');
    expect(existsSync(join(here, 'again'))).toBe(false);
  });
});
