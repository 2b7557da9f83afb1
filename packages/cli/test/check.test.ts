/** `sourdough check` through run(argv, io) with fake streams: stdin, config, filters, exit codes. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/index.js';
import { fakeIo, repoRoot } from './helpers.js';

describe('sourdough check', () => {
  it('prints JSON in the SPEC shape for the example plan, offsets into the file', async () => {
    const f = fakeIo();
    const code = await run(['check', '--format', 'json', '--jobs', '1', 'fixtures/documents/example-plan/input.md'], f.io);
    const report = JSON.parse(f.out());
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ documents: 1, analysed: 1, failed: 0 });
    const source = readFileSync(join(repoRoot, 'fixtures/documents/example-plan/input.md'), 'utf8');
    const result = report.results[0];
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) if (finding.start) expect(source.slice(finding.start.offset, finding.end.offset)).toBe(finding.text);
    expect([0, 1]).toContain(code);
  });

  it('reads standard input with -', async () => {
    const f = fakeIo('The service user refused lunch.');
    const code = await run(['check', '-f', 'json', '--jobs', '1', '-'], f.io);
    const report = JSON.parse(f.out());
    expect(report.results[0].path).toBe('-');
    const ids = report.results[0].findings.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).toContain('dehumanising/service-user');
    expect(ids).toContain('blaming/refuses');
    expect([0, 1]).toContain(code);
  });

  it('exits 2 and names the file when it cannot be read; the others are still checked', async () => {
    const f = fakeIo();
    const code = await run(['check', '--jobs', '1', 'no/such/file.md', 'fixtures/documents/text-note/input.txt'], f.io);
    expect(code).toBe(2);
    expect(f.out()).toContain('file not found: no/such/file.md');
    expect(f.out()).toContain('Amira [refused] lunch');
    expect(f.out()).toContain('1 analysed, 1 could not be checked');
  });

  it('names globs that match nothing', async () => {
    const f = fakeIo();
    expect(await run(['check', '--jobs', '1', 'fixtures/nothing-here/*.md'], f.io)).toBe(2);
    expect(f.out()).toContain('no files to check match fixtures/nothing-here/*.md');
  });

  it('exits 1 when warnings exceed --max-warnings', async () => {
    const f = fakeIo('The service user refused lunch.');
    expect(await run(['check', '--jobs', '1', '--max-warnings', '0', '-'], f.io)).toBe(1);
  });

  it('--min-severity filters the output (and so the exit code)', async () => {
    const f = fakeIo('The service user refused lunch.');
    expect(await run(['check', '-f', 'json', '--jobs', '1', '--min-severity', 'error', '--max-warnings', '0', '-'], f.io)).toBe(0);
    const report = JSON.parse(f.out());
    expect(report.results[0].findings.every((x: { severity: string }) => x.severity === 'error')).toBe(true);
  });

  it('--disable and --enable switch rules and categories', async () => {
    const f = fakeIo('The service user refused lunch.');
    await run(['check', '-f', 'json', '--jobs', '1', '--disable', 'blaming', '-'], f.io);
    const ids = JSON.parse(f.out()).results[0].findings.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).not.toContain('blaming/refuses');
    expect(ids).toContain('dehumanising/service-user');
  });

  it('--allow adds protected phrases', async () => {
    const f = fakeIo('The service user refused lunch.');
    await run(['check', '-f', 'json', '--jobs', '1', '--allow', 'service user', '-'], f.io);
    const ids = JSON.parse(f.out()).results[0].findings.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).not.toContain('dehumanising/service-user');
  });

  it('exits 2 on a bad option', async () => {
    const f = fakeIo();
    expect(await run(['check', '--format', 'nope', 'x.md'], f.io)).toBe(2);
    expect(f.err()).toMatch(/nope/);
  });

  it('does not colour output unless stdout is a TTY, and never with NO_COLOR', async () => {
    const f = fakeIo('The service user refused lunch.');
    (f.io.stdout as { isTTY?: boolean }).isTTY = true;
    f.io.env.NO_COLOR = '1';
    await run(['check', '--jobs', '1', '-'], f.io);
    expect(f.out()).not.toMatch(/\u001b\[/);
    const g = fakeIo('The service user refused lunch.');
    (g.io.stdout as { isTTY?: boolean }).isTTY = true;
    await run(['check', '--jobs', '1', '-'], g.io);
    expect(g.out()).toMatch(/\u001b\[/);
  });
});

describe('config', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourdough-config-'));
    mkdirSync(join(dir, 'team', 'notes'), { recursive: true });
    mkdirSync(join(dir, 'other'), { recursive: true });
    mkdirSync(join(dir, 'broken'), { recursive: true });
    mkdirSync(join(dir, 'packs', 'blaming'), { recursive: true });
    writeFileSync(join(dir, 'team', '.sourdough.yaml'), 'severity:\n  blaming: error\ndisable:\n  - dehumanising\n');
    writeFileSync(join(dir, 'team', 'notes', 'a.txt'), 'The service user refused lunch.\n');
    writeFileSync(join(dir, 'other', 'b.txt'), 'The service user refused lunch.\n');
    writeFileSync(join(dir, 'broken', '.sourdough.yaml'), 'enable:\n  - blaming\nseverity:\n  blaming: loud\n');
    writeFileSync(join(dir, 'broken', 'c.txt'), 'Text.\n');
    mkdirSync(join(dir, 'params'), { recursive: true });
    writeFileSync(join(dir, 'params', '.sourdough.yaml'), 'detectors:\n  small-sum:\n    threshold: fifty\n');
    writeFileSync(join(dir, 'params', 'd.txt'), 'The family can pay the £20 themselves.\n');
    writeFileSync(
      join(dir, 'packs', 'blaming', 'cli-test-only.yaml'),
      [
        'id: blaming/cli-test-only',
        'category: blaming',
        'severity: warning',
        'message: "“{match}” makes distress sound like bad behaviour."',
        'rationale: Test-only rule for the CLI tests.',
        'suggest: ["became upset"]',
        'patterns:',
        '  - terms: ["flounced off"]',
        'examples:',
        '  flag: ["He flounced off at lunch."]',
        '  pass: ["He became upset at lunch."]',
        'sources:',
        '  - { title: "Test", url: "https://example.org/test" }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'other', 'd.txt'), 'Sam flounced off at lunch.\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds .sourdough.yaml upward from each file; the nearest applies only below it', async () => {
    const f = fakeIo('', dir);
    const code = await run(['check', '-f', 'json', '--jobs', '1', 'team/notes/a.txt', 'other/b.txt'], f.io);
    const [a, b] = JSON.parse(f.out()).results;
    const labels = a.findings.map((x: { ruleId: string; severity: string }) => `${x.ruleId}:${x.severity}`);
    expect(labels).toContain('blaming/refuses:error');
    expect(labels.filter((l: string) => l.startsWith('dehumanising/'))).toEqual([]);
    expect(b.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('dehumanising/service-user');
    expect(code).toBe(1);
  });

  it('--config uses one file for everything; command-line options win over it', async () => {
    const f = fakeIo('', dir);
    await run(['check', '-f', 'json', '--jobs', '1', '--config', 'team/.sourdough.yaml', '--enable', 'dehumanising', 'other/b.txt'], f.io);
    const ids = JSON.parse(f.out()).results[0].findings.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).toContain('dehumanising/service-user');
  });

  it('a name on the command line decides for every rule it covers, over the config file', async () => {
    const cases: [config: string, flags: string[], respite: boolean][] = [
      ['enable: [jargon/respite]', ['--disable', 'jargon'], false],
      ['enable: [jargon/respite]', ['--disable', '*'], false],
      ['disable: [jargon/respite]', ['--enable', 'jargon'], true],
      ['disable: [jargon]', ['--enable', 'jargon/respite'], true],
      ['disable: ["*"]\nenable: [jargon]', ['--disable', 'jargon/respite'], false],
      // Within one place the most specific name still decides.
      ['enable: [jargon/respite]', [], true],
      ['disable: [blaming]', ['--disable', 'jargon', '--enable', 'jargon/respite'], true],
    ];
    mkdirSync(join(dir, 'layers'), { recursive: true });
    writeFileSync(join(dir, 'layers', 'e.txt'), 'We arranged respite for Sam.\n');
    for (const [config, flags, respite] of cases) {
      writeFileSync(join(dir, 'layers', '.sourdough.yaml'), `${config}\n`);
      const f = fakeIo('', dir);
      await run(['check', '-f', 'json', '--jobs', '1', ...flags, 'layers/e.txt'], f.io);
      const ids = JSON.parse(f.out()).results[0].findings.map((x: { ruleId: string }) => x.ruleId);
      expect({ config, flags, respite: ids.includes('jargon/respite') }).toEqual({ config, flags, respite });
    }
  });

  it('a bad config names the file, line and key, and exits 2 before any output', async () => {
    const f = fakeIo('', dir);
    expect(await run(['check', '--jobs', '1', 'broken/c.txt'], f.io)).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err()).toContain(join(dir, 'broken', '.sourdough.yaml'));
    expect(f.err()).toMatch(/:4:\d+: setting `severity\.blaming` must be one of: info, warning, error/);
  });

  it('a config mistake points at the line and column to edit, with the closest name when one is misspelt', async () => {
    const cases: [string, string][] = [
      ['kind: note\ndisabel:\n  - jargon\n', ':2:1: setting `disabel` is not a known setting; did you mean `disable`?'],
      ['include_quotes: true\n', ':1:1: setting `include_quotes` is not a known setting; did you mean `includeQuotes`?'],
      ['enable: blaming\n', ':1:9: setting `enable` must be a list, such as `enable: [blaming]`'],
      ['severity:\n  jargon: info\n  blameing: error\n', ':3:3: severity: "blameing" is not a rule id or category, so its severity would apply to nothing. Did you mean "blaming"?'],
      ['disable:\n  - jargon\n  - blaming/refuse\n', ':3:5: disable: "blaming/refuse" is not a rule id or category, so it would switch nothing. Did you mean "blaming/refuses"?'],
      ['severity:\n  blaming/refuse: error\n', ':2:3: severity: "blaming/refuse" is not a rule id or category'],
    ];
    mkdirSync(join(dir, 'mistakes'), { recursive: true });
    writeFileSync(join(dir, 'mistakes', 'm.txt'), 'Sam went out.\n');
    const config = join(dir, 'mistakes', '.sourdough.yaml');
    for (const [yaml, message] of cases) {
      writeFileSync(config, yaml);
      for (const command of ['check', 'audit']) {
        const f = fakeIo('', dir);
        expect(await run([command, '--jobs', '1', '--no-progress', 'mistakes/m.txt', ...(command === 'audit' ? ['-o', 'mistakes-audit'] : [])], f.io), yaml).toBe(2);
        expect(f.out()).toBe('');
        expect(f.err(), yaml).toContain(`${config}${message}`);
      }
    }
  });

  it('a detector parameter of the wrong type is a config mistake: exit 2 before any output, naming the file, line and key', async () => {
    for (const args of [['check', '--jobs', '1', 'params/d.txt'], ['audit', '--jobs', '1', '--no-progress', 'params/d.txt', '-o', 'params-audit']]) {
      const f = fakeIo('', dir);
      expect(await run(args, f.io), args[0]).toBe(2);
      expect(f.out()).toBe('');
      expect(f.err()).toContain(`${join(dir, 'params', '.sourdough.yaml')}:3:16: setting \`detectors.small-sum.threshold\` must be a number (threshold: Weekly amount in pounds`);
    }
  });

  it('--print-config shows the effective settings for a file', async () => {
    const f = fakeIo('', dir);
    expect(await run(['check', '--print-config', 'team/notes/a.txt', '--min-severity', 'warning'], f.io)).toBe(0);
    const printed = JSON.parse(f.out());
    expect(printed.configFile).toBe(join(dir, 'team', '.sourdough.yaml'));
    expect(printed.options).toMatchObject({ severity: { blaming: 'error' }, disable: ['dehumanising'], minSeverity: 'warning' });
  });

  it('--rules DIR loads an extra rule pack', async () => {
    const f = fakeIo('', dir);
    await run(['check', '-f', 'json', '--jobs', '1', '--rules', 'packs', 'other/d.txt'], f.io);
    const finding = JSON.parse(f.out()).results[0].findings.find((x: { ruleId: string }) => x.ruleId === 'blaming/cli-test-only');
    expect(finding?.text).toBe('flounced off');
  });

  it('a pack\'s rules cite shared patterns by name: its own _patterns.yaml and the built-in ones, in workers too', async () => {
    mkdirSync(join(dir, 'shared-pack', 'blaming'), { recursive: true });
    writeFileSync(join(dir, 'shared-pack', '_patterns.yaml'), 'acting-words:\n  description: Drama club, not behaviour.\n  terms: ["in the play", "on stage"]\n');
    const rule = (unless: string[]) =>
      [
        'id: blaming/cli-shared-only', 'category: blaming', 'severity: warning', 'message: "“{match}” test."', 'rationale: Test-only rule.', 'suggest: ["left"]',
        'patterns:', '  - terms: ["stormed out"]', 'unless:', ...unless,
        'examples:', '  flag: ["He stormed out at tea."]', '  pass: ["He left at tea."]', 'sources:', '  - { title: "Test", url: "https://example.org/test" }', '',
      ].join('\n');
    writeFileSync(join(dir, 'shared-pack', 'blaming', 'cli-shared-only.yaml'), rule(['  - named: acting-words', '  - named: legal-basis', '    scope: section']));
    writeFileSync(join(dir, 'other', 'e.txt'), 'Sam stormed out at tea.\nJo stormed out in the play.\n');
    for (const jobs of ['1', '2']) {
      const f = fakeIo('', dir);
      expect(await run(['check', '-f', 'json', '--jobs', jobs, '--no-config-lookup', '--rules', 'shared-pack', 'other/e.txt'], f.io)).toBe(0);
      const found = JSON.parse(f.out()).results[0].findings.filter((x: { ruleId: string }) => x.ruleId === 'blaming/cli-shared-only');
      expect(found.map((x: { start: { line: number } }) => x.start.line), `--jobs ${jobs}`).toEqual([1]);
    }
    // A misspelt name (in a second pack: packs are read once per process).
    mkdirSync(join(dir, 'shared-pack-2', 'blaming'), { recursive: true });
    writeFileSync(join(dir, 'shared-pack-2', '_patterns.yaml'), 'acting-words:\n  description: Drama club, not behaviour.\n  terms: ["in the play", "on stage"]\n');
    writeFileSync(join(dir, 'shared-pack-2', 'blaming', 'cli-shared-only.yaml'), rule(['  - named: acting-word']));
    const f = fakeIo('', dir);
    expect(await run(['check', '--jobs', '1', '--no-config-lookup', '--rules', 'shared-pack-2', 'other/e.txt'], f.io)).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err()).toContain(`${join(dir, 'shared-pack-2', 'blaming', 'cli-shared-only.yaml')}:10:12: there is no shared pattern called "acting-word" (the names in _patterns.yaml are "acting-words", `);
    expect(f.err()).toContain('"legal-basis"');
  });

  it('--no-config-lookup ignores .sourdough.yaml files', async () => {
    const f = fakeIo('', dir);
    expect(await run(['check', '--jobs', '1', '--no-config-lookup', 'broken/c.txt'], f.io)).toBe(0);
  });
});

describe('sourdough check: audit outputs in a folder it walks', () => {
  let dir: string;
  const SUMMARY = JSON.stringify({ version: 1, generatedAt: '2026-11-01T09:00:00.000Z', ruleSet: { hash: 'abc123', version: '0.1.0', rules: 1 }, figures: {} });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourdough-check-audit-'));
    writeFileSync(join(dir, 'note.txt'), 'Sam refused his tablets again.\n');
    mkdirSync(join(dir, 'audit-2026-q3'));
    writeFileSync(join(dir, 'audit-2026-q3', 'summary.json'), SUMMARY);
    writeFileSync(join(dir, 'audit-2026-q3', 'findings.csv'), 'path,id,row,text,sentence\nexport.csv,1,1,refused,"Jo refused lunch."\n');
    writeFileSync(join(dir, 'audit-2026-q3', 'report.html'), '<p>Jo is a service user.</p>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves out a folder holding an audit report, saying so, and checks the rest', async () => {
    const f = fakeIo('', dir);
    await run(['check', '-f', 'json', '--jobs', '1', '--no-config-lookup', '--no-progress', '.'], f.io);
    const report = JSON.parse(f.out());
    expect(report.results.map((r: { path: string }) => r.path)).toEqual(['./note.txt']);
    expect(f.err()).toContain('sourdough: left out audit-2026-q3 (2 files): it holds the report of an audit (its summary.json was written by sourdough); to check a file in it anyway, name the file itself\n');
  });

  it('still reads a file in it named on the command line', async () => {
    const f = fakeIo('', dir);
    await run(['check', '-f', 'json', '--jobs', '1', '--no-config-lookup', '--no-progress', 'note.txt', 'audit-2026-q3/report.html'], f.io);
    expect(JSON.parse(f.out()).results.map((r: { path: string }) => r.path)).toEqual(['note.txt', 'audit-2026-q3/report.html']);
    expect(f.err()).not.toContain('left out');
  });

  it('stops with exit code 2 when nothing else is left to check', async () => {
    const f = fakeIo('', dir);
    expect(await run(['check', '--jobs', '1', '--no-config-lookup', '--no-progress', 'audit-2026-q3'], f.io)).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err()).toContain('sourdough: nothing is left to check once the audit folders are left out;');
  });
});

describe('sourdough check: its own reports in a folder it walks', () => {
  let dir: string;
  const NOTE = 'Sam refused his tablets again.\n';
  const check = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const f = fakeIo('', dir);
    const code = await run(['check', '--jobs', '1', '--no-config-lookup', '--no-progress', ...args], f.io);
    return { code, out: f.out(), err: f.err() };
  };
  const checked = (r: { out: string }): string[] => JSON.parse(r.out).results.map((x: { path: string }) => x.path);
  const leftOut = (file: string): string => `sourdough: left out ${file}: it is a report sourdough wrote, not a document, and checking it would report the findings it quotes again; to check it anyway, name the file itself\n`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourdough-check-reports-'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'note.txt'), NOTE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a report written into the folder is not read by the run writing it, nor by the next one', async () => {
    const first = await check(['notes/', '-f', 'html', '-o', 'notes/report.html']);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toBe('');
    const page = readFileSync(join(dir, 'notes', 'report.html'), 'utf8');
    expect(page).toContain('<meta name="generator" content="sourdough">');
    expect(page).toContain('<h2>notes/note.txt</h2>');
    expect(page).not.toContain('<h2>notes/report.html</h2>');
    // The same command again writes over the earlier report instead of refusing to, and leaves it out.
    const again = await check(['notes/', '-f', 'html', '-o', 'notes/report.html']);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toBe(leftOut('notes/report.html'));
    expect(readFileSync(join(dir, 'notes', 'report.html'), 'utf8')).toBe(page);
  });

  it('leaves out csv, json and sarif reports saved where a walk reads them, saying so, and checks the rest', async () => {
    expect((await check(['notes/', '-f', 'csv', '-o', 'notes/findings.csv'])).code).toBe(0);
    expect((await check(['notes/', '-f', 'json', '-o', 'notes/out.jsonl'])).code).toBe(0);
    expect((await check(['notes/', '-f', 'sarif', '-o', 'notes/out.ndjson'])).code).toBe(0);
    // Each was written while the earlier reports were already there, so each run had left them out.
    expect(readFileSync(join(dir, 'notes', 'findings.csv'), 'utf8').match(/^notes\/[^,]+/gm)).toEqual(['notes/note.txt']);
    expect(JSON.parse(readFileSync(join(dir, 'notes', 'out.jsonl'), 'utf8')).results.map((x: { path: string }) => x.path)).toEqual(['notes/note.txt']);
    const r = await check(['notes', '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(checked(r)).toEqual(['notes/note.txt']);
    // More than three: one line counts them and names the first three.
    expect(r.err).toBe('sourdough: left out 4 reports sourdough wrote (notes/findings.csv, notes/out.jsonl, notes/out.ndjson and 1 more): they are not documents, and checking them would report the findings they quote again; to check one anyway, name the file itself\n');
    const globbed = await check(['notes/*.{csv,html,txt}', '-f', 'json']);
    expect(checked(globbed)).toEqual(['notes/note.txt']);
    expect(globbed.err).toBe(leftOut('notes/findings.csv') + leftOut('notes/report.html'));
  });

  it('still reads a report named on the command line', async () => {
    const r = await check(['-f', 'json', 'notes/note.txt', 'notes/report.html', 'notes/findings.csv']);
    expect(checked(r)).toContain('notes/report.html');
    expect(checked(r)).toContain('notes/findings.csv');
    expect(r.err).not.toContain('left out');
  });

  it('reads documents that only look like reports, and never writes over one at --output', async () => {
    const here = join(dir, 'lookalikes');
    mkdirSync(here);
    const plan = '<!doctype html><html><head><title>Support plan</title></head><body><p>Jack refused the sourdough report.</p></body></html>';
    writeFileSync(join(here, 'plan.html'), plan);
    writeFileSync(join(here, 'export.csv'), 'path,id,row,text\nnotes.txt,N-001,1,Jo refused lunch.\n');
    const r = await check(['lookalikes', '-f', 'json']);
    expect(checked(r)).toEqual(['lookalikes/export.csv', 'lookalikes/plan.html']);
    expect(r.err).toBe('');
    const over = await check(['lookalikes', '-f', 'html', '-o', 'lookalikes/plan.html']);
    expect(over.code).toBe(2);
    expect(over.err).toContain('lookalikes/plan.html is one of the files to check, so writing the report there would wipe it out');
    expect(readFileSync(join(here, 'plan.html'), 'utf8')).toBe(plan);
  });

  it('stops with exit code 2 when only reports are found', async () => {
    const here = join(dir, 'only-reports');
    mkdirSync(here);
    writeFileSync(join(here, 'report.html'), readFileSync(join(dir, 'notes', 'report.html')));
    const r = await check(['only-reports']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${leftOut('only-reports/report.html')}sourdough: nothing is left to check once sourdough’s own reports are left out; name the documents to check, or the report itself\n`);
  });

  it('leaves out reports saved under a plain-text name (json, sarif, html or a whole stylish report as .txt or .md)', async () => {
    const here = join(dir, 'as-text');
    mkdirSync(here);
    writeFileSync(join(here, 'note.txt'), 'Sam is a service user and refused his tablets again.\n');
    // As `sourdough check as-text -f json > as-text/findings.txt` would save them.
    for (const [format, name] of [['json', 'findings.txt'], ['sarif', 'findings.md'], ['html', 'page.markdown'], ['stylish', 'out.txt']]) {
      const r = await check(['as-text/note.txt', '-f', format!]);
      expect(r.code, r.err).toBe(0);
      writeFileSync(join(here, name!), r.out);
    }
    const r = await check(['as-text', '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(checked(r)).toEqual(['as-text/note.txt']);
    expect(r.err).toBe('sourdough: left out 4 reports sourdough wrote (as-text/findings.md, as-text/findings.txt, as-text/out.txt and 1 more): they are not documents, and checking them would report the findings they quote again; to check one anyway, name the file itself\n');
  });

  it('writes over what a run stopped part-way left at -o (an empty file, or a report cut short), and says so', async () => {
    const here = join(dir, 'stopped');
    mkdirSync(here);
    writeFileSync(join(here, 'note.txt'), NOTE);
    const page = (await check(['stopped/note.txt', '-f', 'html'])).out;
    const listing = (await check(['stopped/note.txt'])).out;
    const unfinished = (file: string): string => `sourdough: left out ${file}: it is where this run writes its report, and it holds an unfinished report from an earlier run (or nothing), so it is written over\n`;
    // What Ctrl+C leaves: the file opened but nothing written yet, or the start of the report.
    // (A page cut short after its head carries the generator tag, so it is left out as any report is.)
    const cases: [string, string, string, (file: string) => string][] = [
      ['report.html', 'html', '', unfinished],
      ['findings.csv', 'csv', '', unfinished],
      ['out.txt', 'stylish', listing.slice(0, listing.indexOf('│')), unfinished],
      ['cut.html', 'html', page.slice(0, page.indexOf('</head>')), leftOut],
    ];
    for (const [name, format, left, message] of cases) {
      writeFileSync(join(here, name), left);
      const r = await check(['stopped', '-f', format, '-o', `stopped/${name}`]);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      expect(r.err).toBe(message(`stopped/${name}`));
      const written = readFileSync(join(here, name), 'utf8');
      expect(written).toContain('stopped/note.txt');
      expect(written).not.toContain(`stopped/${name}`);
      rmSync(join(here, name));
    }
  });

  it('still refuses to write over a document at -o, whatever its name', async () => {
    const here = join(dir, 'not-ours');
    mkdirSync(here);
    const notes = 'Sam went to the library and chose a book.\n';
    writeFileSync(join(here, 'visit.txt'), notes);
    writeFileSync(join(here, 'plan.md'), `notes.txt\n${notes}`);
    for (const name of ['visit.txt', 'plan.md']) {
      const r = await check(['not-ours', '-o', `not-ours/${name}`]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`sourdough: not-ours/${name} is one of the files to check, so writing the report there would wipe it out: choose another --output\n`);
    }
    expect(readFileSync(join(here, 'visit.txt'), 'utf8')).toBe(notes);
    // Named on the command line, even an empty file is an input.
    writeFileSync(join(here, 'empty.txt'), '');
    expect((await check(['not-ours/empty.txt', '-o', 'not-ours/empty.txt'])).code).toBe(2);
  });

  it('shows a file name holding control characters or bidirectional controls as visible symbols on standard error', async () => {
    const here = join(dir, 'odd-names');
    mkdirSync(here);
    writeFileSync(join(here, 'note.txt'), NOTE);
    const page = (await check(['notes/note.txt', '-f', 'html'])).out;
    // A name that would clear the screen and retitle the window, one that reverses what follows it,
    // and one that would start a line of its own.
    const names = ['\u001b[2J\u001b]0;done\u0007.html', 'report-\u202eldoc.html', 'x\nsourdough: nothing left out.html'];
    for (const name of names) writeFileSync(join(here, name), page);
    const isClean = (text: string): void => {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    };
    const r = await check(['odd-names', '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    isClean(r.err);
    expect(r.err.split('\n')).toEqual([
      'sourdough: left out odd-names/␛[2J␛]0;done␇.html: it is a report sourdough wrote, not a document, and checking it would report the findings it quotes again; to check it anyway, name the file itself',
      'sourdough: left out odd-names/report-�ldoc.html: it is a report sourdough wrote, not a document, and checking it would report the findings it quotes again; to check it anyway, name the file itself',
      'sourdough: left out odd-names/x sourdough: nothing left out.html: it is a report sourdough wrote, not a document, and checking it would report the findings it quotes again; to check it anyway, name the file itself',
      '',
    ]);
    // In usage messages too (here the -o file, refused as an input), and in audit's lines.
    const over = await check(['odd-names/note.txt', '-o', `odd-names/note.txt`, '--config', join(here, '\u001b[31mmissing.yaml')]);
    expect(over.code).toBe(2);
    isClean(over.err);
    expect(over.err).toContain('␛[31mmissing.yaml');
    const f = fakeIo('', dir);
    expect(await run(['audit', '--jobs', '1', '--no-progress', '--no-config-lookup', 'odd-names/\u202emissing.csv', '-o', 'odd-audit'], f.io)).toBe(2);
    isClean(f.err());
    expect(f.err()).toContain('odd-names/�missing.csv');
  });

  it('reads each file’s own start only: a short note after a long report is not taken for one', async () => {
    const here = join(dir, 'after-long');
    mkdirSync(here);
    const report = (await check(['notes/note.txt', '-f', 'json'])).out;
    writeFileSync(join(here, 'a-report.txt'), report + ' '.repeat(9000));
    writeFileSync(join(here, 'b-empty.txt'), '');
    writeFileSync(join(here, 'c-brace.txt'), '{\n');
    writeFileSync(join(here, 'd-version.md'), '{\n  "version": 1,\n');
    const r = await check(['after-long', '-f', 'json']);
    expect(checked(r)).toEqual(['after-long/b-empty.txt', 'after-long/c-brace.txt', 'after-long/d-version.md']);
    expect(r.err).toBe(leftOut('after-long/a-report.txt'));
  });

  it('reads notes that only look like a report: a stylish report cut short, one quoting a finding, text that opens with a brace', async () => {
    const here = join(dir, 'text-lookalikes');
    mkdirSync(here);
    const stylishReport = (await check(['notes/note.txt'])).out;
    expect(stylishReport).toMatch(/\d+ findings? — /);
    const notes: Record<string, string> = {
      // Someone copied the first lines of the check's output into their notes, and wrote on.
      'feedback.txt': `${stylishReport.split('\n').slice(0, 3).join('\n')}\nI will rewrite this with Sam: he said the tablets make him drowsy.\n`,
      'quoted.md': `Feedback from the language check:\n\n${stylishReport}`,
      'braces.txt': '{ Sam refused his tablets again }\n',
    };
    for (const [name, text] of Object.entries(notes)) writeFileSync(join(here, name), text);
    const r = await check(['text-lookalikes', '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(checked(r)).toEqual(['text-lookalikes/braces.txt', 'text-lookalikes/feedback.txt', 'text-lookalikes/quoted.md']);
    expect(r.err).toBe('');
  });
});
