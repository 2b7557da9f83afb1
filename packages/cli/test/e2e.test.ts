/**
 * End-to-end: the built binary (`node packages/cli/bin/sourdough.js`), spawned as a user would,
 * against the shared fixtures — every input type, every format, exit codes, bad input in every
 * format, and `--jobs 4` output identical to `--jobs 1`. Fixture expectations live next to each
 * input in `expected.json` ("include": findings that must be there; "exclude": ones that must
 * not; "errors": error entries). Rules keep growing, so other findings are allowed.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readPath, isReadError } from '@sourdough/readers';
import { repoRoot, sourdough, type Spawned } from './helpers.js';

interface Expect {
  row?: number;
  id?: string;
  ruleId: string;
  text?: string;
  line: number;
  column?: number;
  section?: string;
  paragraph?: number;
}
interface Expected {
  include?: Expect[];
  exclude?: Expect[];
  errors?: { row?: number; code: string }[];
}
interface FindingJson {
  ruleId: string;
  text?: string;
  start?: { line: number; column: number; offset: number };
  end?: { line: number; column: number; offset: number };
  section?: string;
  paragraph?: number;
  severity: string;
}
interface ResultJson {
  path: string;
  id?: string;
  row?: number;
  meta?: Record<string, string>;
  findings?: FindingJson[];
  error?: { code: string; message: string };
}

const GOOD = [
  'fixtures/documents/text-note/input.txt',
  'fixtures/documents/markdown-plan/input.md',
  'fixtures/documents/html-page/input.html',
  'fixtures/documents/docx-plan/input.docx',
  'fixtures/records/notes-csv/input.csv',
  'fixtures/records/notes-jsonl/input.jsonl',
];
const BAD = ['fixtures/documents/corrupt-docx/input.docx', 'fixtures/documents/not-utf8/input.txt', 'fixtures/records/bad-csv/input.csv', 'fixtures/records/bad-jsonl/input.jsonl', 'fixtures/documents/no-such-file.txt'];
const expectedOf = (file: string): Expected => JSON.parse(readFileSync(join(repoRoot, file.replace(/input\.\w+$/, 'expected.json')), 'utf8'));

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'packages/cli/dist/index.js'))) throw new Error('build the CLI first: npm run build');
});

/** Source text for each result, for the SPEC offset invariant (records: the record's text). */
async function sourcesOf(file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const item of readPath(file, { cwd: repoRoot })) if (!isReadError(item)) out.set(`${item.path}#${item.row ?? ''}`, item.doc.source);
  return out;
}

function checkExpectations(file: string, results: ResultJson[]): void {
  const exp = expectedOf(file);
  const mine = results.filter((r) => r.path === file);
  for (const e of exp.include ?? []) {
    const doc = mine.find((r) => (e.row === undefined ? r.row === undefined : r.row === e.row));
    expect(doc, `${file} row ${e.row}`).toBeDefined();
    if (e.id !== undefined) expect(doc!.id).toBe(e.id);
    const f = doc!.findings?.find((x) => x.ruleId === e.ruleId && x.start?.line === e.line && (e.column === undefined || x.start?.column === e.column));
    expect(f, `${file}: ${e.ruleId} at ${e.line}:${e.column}`).toBeDefined();
    if (e.text) expect(f!.text).toBe(e.text);
    if (e.section) expect(f!.section).toBe(e.section);
    if (e.paragraph) expect(f!.paragraph).toBe(e.paragraph);
  }
  for (const e of exp.exclude ?? []) {
    const hits = mine.flatMap((r) => r.findings ?? []).filter((x) => x.ruleId === e.ruleId && x.start?.line === e.line);
    expect(hits, `${file}: no ${e.ruleId} on line ${e.line}`).toEqual([]);
  }
  for (const e of exp.errors ?? []) {
    const r = mine.find((x) => x.error && x.error.code === e.code && (e.row === undefined || x.row === e.row));
    expect(r, `${file}: error ${e.code} at row ${e.row}`).toBeDefined();
    expect(r!.error!.message).toContain(file);
    if (e.row !== undefined) expect(r!.error!.message).toContain(`row ${e.row}`);
  }
}

describe('sourdough check (built binary): every input type', () => {
  let run: Spawned;
  let report: { version: number; results: ResultJson[]; summary: Record<string, unknown> };
  beforeAll(async () => {
    run = await sourdough(['check', '--format', 'json', '--jobs', '1', ...GOOD]);
    report = JSON.parse(run.stdout);
  });

  it('reads .txt, .md, .html, .docx, .csv and .jsonl and finds what each fixture expects', () => {
    expect(report.version).toBe(1);
    for (const file of GOOD) checkExpectations(file, report.results);
  });

  it('keeps source.slice(start, end) === text for every finding (records: the record text)', async () => {
    for (const file of GOOD) {
      const sources = await sourcesOf(file);
      for (const r of report.results.filter((x) => x.path === file)) {
        const source = sources.get(`${r.path}#${r.row ?? ''}`)!;
        for (const f of r.findings ?? []) if (f.start && f.end) expect(source.slice(f.start.offset, f.end.offset)).toBe(f.text);
      }
    }
  });

  it('keeps record metadata and counts documents read, analysed and failed', () => {
    const row = report.results.find((r) => r.path.endsWith('notes-csv/input.csv') && r.row === 1)!;
    expect(row.meta).toEqual({ team: 'North', date: '2026-01-05' });
    expect(report.summary).toMatchObject({ documents: 4 + 5 + 4, analysed: 13, failed: 0 });
  });

  it('exits 0 when there are only warnings, with no output on stderr', () => {
    expect(report.results.flatMap((r) => r.findings ?? []).some((f) => f.severity === 'error')).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('reads standard input with --stdin-filename choosing the reader', async () => {
    const md = await sourdough(['check', '-f', 'json', '--stdin-filename', 'plan.md', '-'], { stdin: readFileSync(join(repoRoot, 'fixtures/documents/markdown-plan/input.md')) });
    const r = JSON.parse(md.stdout).results[0] as ResultJson;
    expect(r.path).toBe('-');
    expect(r.findings!.find((f) => f.ruleId === 'voice/passive-decision')?.section).toBe('My support');
    const jsonl = await sourdough(['check', '-f', 'json', '--stdin-filename', 'notes.jsonl', '-'], { stdin: readFileSync(join(repoRoot, 'fixtures/records/notes-jsonl/input.jsonl')) });
    expect((JSON.parse(jsonl.stdout).results as ResultJson[]).map((x) => x.id)).toEqual(['J-001', 'J-002', 'J-003', '4']);
  });
});

describe('sourdough check (built binary): every format', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'packages/reporters/test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validateSarif = ajv.compile(schema);

  it('stylish: file, line:column, severity, message, rule, highlighted sentence, suggestions, summary; no colour off a TTY', async () => {
    const r = await sourdough(['check', ...GOOD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fixtures/documents/text-note/input.txt');
    expect(r.stdout).toMatch(/3:30\s+warning\s+“refused” .*blaming\/refuses/);
    expect(r.stdout).toContain('Amira [refused] lunch');
    expect(r.stdout).toContain('try: declined');
    expect(r.stdout).toContain('fixtures/records/notes-csv/input.csv row 1 (id N-001)');
    expect(r.stdout).toContain('under “How I want to be supported”, paragraph 10');
    expect(r.stdout).toMatch(/findings? — .* in 13 documents/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('sarif: valid SARIF 2.1.0 with a result per finding', async () => {
    const r = await sourdough(['check', '-f', 'sarif', ...GOOD]);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    expect(results.some((x) => x.ruleId === 'blaming/refuses' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'fixtures/documents/text-note/input.txt' && x.locations[0]!.physicalLocation.region?.startLine === 3)).toBe(true);
    const rules = log.runs[0].tool.driver.rules as { id: string; fullDescription?: { text: string } }[];
    expect(rules.find((x) => x.id === 'blaming/refuses')?.fullDescription?.text.length).toBeGreaterThan(20);
    expect(r.code).toBe(0);
  });

  it('csv: one row per finding with record id, row and metadata columns', async () => {
    const r = await sourdough(['check', '-f', 'csv', 'fixtures/records/notes-csv/input.csv', 'fixtures/documents/text-note/input.txt']);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const json = JSON.parse((await sourdough(['check', '-f', 'json', 'fixtures/records/notes-csv/input.csv', 'fixtures/documents/text-note/input.txt'])).stdout);
    expect(rows).toHaveLength(json.summary.findings);
    const first = rows.find((x) => x.id === 'N-001' && x.rule === 'blaming/refuses')!;
    expect(first).toMatchObject({ path: 'fixtures/records/notes-csv/input.csv', row: '1', team: 'North', date: '2026-01-05', line: '1', column: '7', text: 'refused' });
    expect(rows.find((x) => x.id === 'N-005')!.sentence.startsWith("'=SUM")).toBe(true);
    expect(r.code).toBe(0);
  });

  it('html: one self-contained page with the findings and totals', async () => {
    const r = await sourdough(['check', '-f', 'html', ...GOOD]);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).not.toMatch(/<script|<link/i);
    expect(r.stdout).toContain('Amira <mark>refused</mark> lunch');
    expect(r.stdout).toContain('<tr><th>documents read</th><td>13</td></tr>');
    expect(r.code).toBe(0);
  });

  it('json: -o writes the report to a file and nothing to stdout', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-out-'));
    try {
      const r = await sourdough(['check', '-f', 'json', '-o', join(dir, 'report.json'), 'fixtures/documents/text-note/input.txt']);
      expect(r.stdout).toBe('');
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary.documents).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops on a misspelt rule or category in --enable/--disable or a config, naming where and the closest ids', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-names-'));
    try {
      const note = join(dir, 'note.txt');
      writeFileSync(note, 'Jo refused lunch.\n');
      const flag = await sourdough(['check', '--disable', 'blaming/refuse', note]);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toMatch(/--disable: "blaming\/refuse" is not a rule id or category, so it would switch nothing\. Did you mean "blaming\/refuses"/);
      writeFileSync(join(dir, '.sourdough.yaml'), 'enable: [priv]\n');
      const config = await sourdough(['check', note]);
      expect(config.code).toBe(2);
      expect(config.stderr).toContain(`${join(dir, '.sourdough.yaml')}:1:10: enable: "priv" is not a rule id or category`);
      const audit = await sourdough(['audit', '--enable', 'jargon/respit', '-o', join(dir, 'out'), note]);
      expect(audit.code).toBe(2);
      expect(audit.stderr).toMatch(/Did you mean "jargon\/respite"/);
      // A misspelt category gets the category.
      const category = await sourdough(['check', '--no-config-lookup', '--disable', 'jargn', note]);
      expect(category.code).toBe(2);
      expect(category.stderr).toMatch(/"jargn" is not a rule id or category, so it would switch nothing\. Did you mean "jargon"/);
      // Right names still work, categories and * included.
      writeFileSync(join(dir, '.sourdough.yaml'), 'disable: ["*"]\nenable: [blaming]\n');
      expect((await sourdough(['check', '-f', 'json', note])).code).toBe(0);
      // A rule from a pack only some folders use may be named on the command line.
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'a', '.sourdough.yaml'), `rules: [${JSON.stringify(join(repoRoot, 'packages/server/test/fixtures/rules'))}]\n`);
      writeFileSync(join(dir, 'a', 'n.txt'), 'Jo refused lunch.\n');
      writeFileSync(join(dir, 'b', 'n.txt'), 'Jo refused lunch.\n');
      const packs = await sourdough(['check', '-f', 'json', '--disable', 'jargon/zorblat', join(dir, 'a'), join(dir, 'b')]);
      expect(packs.code, packs.stderr).toBe(0);
      // One of each is said in the singular.
      const one = await sourdough(['audit', '-o', join(dir, 'audit'), note]);
      expect(one.stderr).toMatch(/sourdough audit: 1 document analysed, 1 finding \(/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Root may open any folder, so the run is made as the unprivileged user "nobody".
  it.runIf(process.getuid?.() === 0 && existsSync('/usr/sbin/runuser'))('reports a folder it may not open and checks the rest (it crashed the whole run)', async () => {
    const { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join('/tmp', 'sourdough-locked-'));
    try {
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, 'a.txt'), 'Zoe refused tea.\n');
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'b.txt'), 'Zoe refused cake.\n');
      chmodSync(join(dir, 'locked'), 0o000);
      const r = spawnSync('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, join(repoRoot, 'packages/cli/bin/sourdough.js'), 'check', '-f', 'json', dir], { encoding: 'utf8', cwd: '/tmp' });
      expect(r.status, r.stderr).toBe(2);
      const report = JSON.parse(r.stdout);
      expect(report.results.map((x: { path: string }) => x.path.replace(dir, '<dir>'))).toEqual(['<dir>/locked', '<dir>/a.txt']);
      expect(report.results[0].error).toEqual({ code: 'SD_ERR_READ', message: expect.stringMatching(/locked is a folder this account may not open, so the files in it were not checked$/) });
      expect(report.results[1].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['blaming/refuses']);
      // A locked folder the ignore file leaves out is not reported.
      writeFileSync(join(dir, '.sourdoughignore'), 'locked/\n');
      const ignored = spawnSync('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, join(repoRoot, 'packages/cli/bin/sourdough.js'), 'check', '-f', 'json', '.'], { encoding: 'utf8', cwd: dir });
      expect(ignored.status, ignored.stderr).toBe(0);
      expect(JSON.parse(ignored.stdout).results.map((x: { path: string }) => x.path)).toEqual(['./a.txt']);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a linked file in a folder through its link, and reports a broken link and a pipe instead of skipping them without a word', async () => {
    const { mkdtempSync, rmSync, writeFileSync, symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-links-'));
    try {
      writeFileSync(join(dir, 'shared.txt'), 'Zoe refused tea.\n');
      const notes = join(dir, 'notes');
      mkdirSync(notes);
      symlinkSync('../shared.txt', join(notes, 'linked.txt'));
      symlinkSync('../moved.txt', join(notes, 'broken.txt'));
      execFileSync('mkfifo', [join(notes, 'pipe.md')]);
      const r = await sourdough(['check', '-f', 'json', 'notes'], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      const report = JSON.parse(r.stdout);
      expect(report.results.map((x: { path: string }) => x.path)).toEqual(['notes/broken.txt', 'notes/pipe.md', 'notes/linked.txt']);
      expect(report.results[0].error).toEqual({ code: 'SD_ERR_READ', message: 'notes/broken.txt is a link to a file that is not there (moved or deleted), so it was not checked' });
      expect(report.results[1].error.message).toBe('notes/pipe.md is not an ordinary file (a pipe, socket or device), so it was not checked; to read it anyway, name it on its own');
      expect(report.results[2].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['blaming/refuses']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an -o that is one of the inputs, and leaves that file as it was', async () => {
    const { mkdtempSync, rmSync, writeFileSync, symlinkSync, linkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-out-'));
    try {
      const note = join(dir, 'note.csv');
      writeFileSync(note, 'id,text\nN1,Jo refused lunch.\n');
      symlinkSync(note, join(dir, 'link.csv'));
      mkdirSync(join(dir, 'elsewhere'));
      linkSync(note, join(dir, 'elsewhere', 'hard.csv'));
      const cases = [
        [note, [note]],
        [join(dir, 'link.csv'), [dir]],
        // A hard link is the same file under another name.
        [join(dir, 'elsewhere', 'hard.csv'), [note]],
      ] as const;
      for (const [output, inputs] of cases) {
        const r = await sourdough(['check', '-f', 'csv', '-o', output, ...inputs]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/is one of the files to check, so writing the report there would wipe it out/);
        expect(readFileSync(note, 'utf8')).toBe('id,text\nN1,Jo refused lunch.\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sourdough check (built binary): bad input in every format', () => {
  const failures: [string, number | undefined, string][] = [
    ['fixtures/documents/corrupt-docx/input.docx', undefined, 'not a valid Word (.docx) file'],
    ['fixtures/documents/not-utf8/input.txt', undefined, 'not valid UTF-8'],
    ['fixtures/records/bad-csv/input.csv', 2, 'broken quoting'],
    ['fixtures/records/bad-csv/input.csv', 4, 'not valid UTF-8'],
    ['fixtures/records/bad-csv/input.csv', 5, 'stops before the "text" column'],
    ['fixtures/records/bad-csv/input.csv', 7, 'never closed'],
    ['fixtures/records/bad-jsonl/input.jsonl', 2, 'is not valid JSON'],
    ['fixtures/records/bad-jsonl/input.jsonl', 3, 'has no "text" field'],
    ['fixtures/records/bad-jsonl/input.jsonl', 4, 'not valid UTF-8'],
    ['fixtures/documents/no-such-file.txt', undefined, 'file not found: fixtures/documents/no-such-file.txt'],
  ];
  const named = (file: string, row: number | undefined): string => `${file}${row !== undefined ? ` row ${row}` : ''}`;

  it('json: an error entry per bad document or row, the rest still checked, exit 2', async () => {
    const r = await sourdough(['check', '-f', 'json', ...BAD]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    for (const file of BAD.slice(0, 4)) checkExpectations(file, report.results);
    for (const [file, row, text] of failures) {
      const e = (report.results as ResultJson[]).find((x) => x.path === file && x.row === row && x.error);
      expect(e?.error?.message, named(file, row)).toContain(text);
      expect(e!.error!.message).toContain(named(file, row));
    }
    expect(report.summary).toMatchObject({ documents: 2 + 8 + 6 + 1, analysed: 3 + 2, failed: 2 + 5 + 4 + 1 });
  });

  it.each(['stylish', 'sarif', 'csv', 'html'])('%s: names every bad file and row, exit 2', async (format) => {
    const r = await sourdough(['check', '-f', format, ...BAD]);
    expect(r.code).toBe(2);
    const text = format === 'html' ? r.stdout.replace(/&quot;/g, '"') : format === 'csv' ? r.stdout.replace(/""/g, '"') : format === 'sarif' ? JSON.stringify(JSON.parse(r.stdout)).replace(/\\"/g, '"') : r.stdout;
    for (const [file, row, message] of failures) {
      expect(text, `${format}: ${named(file, row)}`).toContain(named(file, row));
      expect(text, `${format}: ${message}`).toContain(message);
    }
  });
});

describe('sourdough check (built binary): exit codes', () => {
  it('0 for a clean document', async () => {
    const r = await sourdough(['check', 'fixtures/documents/clean-note/input.txt']);
    expect(r.stdout).toContain('No findings in 1 document');
    expect(r.code).toBe(0);
  });

  it('0 for a Word document with nothing above info', async () => {
    const r = await sourdough(['check', '-f', 'json', 'fixtures/documents/docx-clean/input.docx']);
    const findings = JSON.parse(r.stdout).results[0].findings as FindingJson[];
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('1 when warnings exceed --max-warnings, 0 within it', async () => {
    expect((await sourdough(['check', '--max-warnings', '0', 'fixtures/documents/text-note/input.txt'])).code).toBe(1);
    expect((await sourdough(['check', '--max-warnings', '1000', 'fixtures/documents/text-note/input.txt'])).code).toBe(0);
  });

  it('2 for usage errors, with a message on stderr', async () => {
    const r = await sourdough(['check', '--format', 'nope', 'x.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
    const none = await sourdough(['check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name at least one file');
    expect((await sourdough(['check', '--jobs', '0', 'x.md'])).code).toBe(2);
  });

  it("points a usage error at that command's own --help, which lists its options", async () => {
    const audit = await sourdough(['audit', 'x.csv']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain("required option '-o, --output <dir>' not specified");
    expect(audit.stderr).toContain('(run sourdough audit --help for usage)');
    expect((await sourdough(['check', '--bogus'])).stderr).toContain('(run sourdough check --help for usage)');
    expect((await sourdough(['--bogus'])).stderr).toContain('(run sourdough --help for usage)');
    // audit --help does not promise check's "fewer workers for a few small files".
    const help = await sourdough(['audit', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(default: cores − 1, at least 1)');
    expect((await sourdough(['check', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('fewer for a few small files');
  });
});

describe('sourdough check (built binary): --jobs', () => {
  // Every format is a pure function of the ordered results, so json (the full results) and csv
  // (whose header waits for the first record) are enough to prove the order and content match.
  it('--jobs 4 output equals --jobs 1, byte for byte', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sourdough-jobs-'));
    try {
      const lines: string[] = [];
      const phrases = ['Amira refused lunch.', 'The service user went out.', 'It was decided that Tom would move.', 'Lena chose the red coat.', 'Ravi suffers from asthma and is wheelchair-bound.'];
      for (let i = 0; i < 400; i++) lines.push(JSON.stringify({ id: `R${i}`, team: ['North', 'South'][i % 2], text: `${phrases[i % 5]} ${phrases[(i * 7) % 5]} Note ${i}.` }));
      lines.splice(50, 0, '{ not json');
      writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
      const inputs = [...GOOD, ...BAD, join(dir, 'many.jsonl')];
      for (const format of ['json', 'csv']) {
        const one = await sourdough(['check', '-f', format, '--jobs', '1', ...inputs]);
        const four = await sourdough(['check', '-f', format, '--jobs', '4', ...inputs]);
        expect(four.code).toBe(one.code);
        expect(four.stdout.length).toBeGreaterThan(1000);
        expect(four.stdout === one.stdout, `${format} output differs`).toBe(true);
      }
      // Written to a file too (the workers' UTF-8 bytes go out through the file sink), with text
      // outside ASCII in the records, so byte lengths differ from string lengths.
      writeFileSync(join(dir, 'many.jsonl'), `${lines.map((l, i) => (i % 3 ? l.replace('refused lunch', 'refused lunch at the café (£5, “again”)') : l)).join('\n')}\n`);
      const { readFileSync } = await import('node:fs');
      const toFile = async (jobs: string): Promise<string> => {
        const out = join(dir, `out-${jobs}.json`);
        const r = await sourdough(['check', '-f', 'json', '--jobs', jobs, '-o', out, ...inputs]);
        expect(r.code).toBe(2);
        return readFileSync(out, 'utf8');
      };
      const oneFile = await toFile('1');
      expect(oneFile).toContain('café (£5, “again”)');
      expect((await toFile('4')) === oneFile, 'json output to a file differs').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
