/**
 * `sourdough audit` end to end: the built binary runs on a generated 2,000-record export (4 teams,
 * 12 months, deliberately bad rows) and every figure in summary.json is checked against counts
 * computed here by running core's analyse() on the same rows (never the aggregator). Also: the
 * CSV outputs (spreadsheet-safe, masked), --no-excerpts, comparison and its refusal, atomic
 * writes when a run is interrupted, and the report in headless chromium (renders, every chart,
 * no external requests, no console errors). SOURDOUGH_SCREENSHOTS=1 rewrites docs/images/audit-report.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyse, builtinRules, builtinRulesHash, builtinRuleSet, CATEGORIES, readers, type Category, type DocumentResult } from '@sourdough/core';
// @ts-expect-error plain ES module without types (the committed generator)
import { makeAuditExport } from '../../../scripts/make-audit-fixture.mjs';
import { bin, repoRoot, sourdough } from './helpers.js';

interface Rec {
  row: number;
  id: string;
  team: string;
  author_role: string;
  record_type: string;
  date: string;
  text: string;
}
interface Made {
  bytes: Buffer;
  good: Rec[];
  bad: { row: number; id?: string; code: string }[];
}

const r2 = (n: number): number => Math.round(n * 100) / 100;
const r4 = (n: number): number => Math.round(n * 10000) / 10000;
const NHS = '999 456 7896';

let dir: string;
let made: Made;
let analysed: { rec: Rec; r: DocumentResult }[];
let summary: any;
let firstRun: { code: number | null; stderr: string };

function monthOf(date: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  if (m) return `${m[3]}-${m[2]}`;
  return undefined;
}

/** The figures of one slice, from the direct analyse() results. */
function slice(items: { r: DocumentResult }[]) {
  const words = items.reduce((a, x) => a + x.r.stats.words, 0);
  const findings = items.reduce((a, x) => a + x.r.findings.length, 0);
  const withF = items.filter((x) => x.r.findings.length > 0).length;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, items.reduce((a, x) => a + x.r.findings.filter((f) => f.category === c).length, 0)]));
  return { documents: items.length, words, findings, per1000Words: words ? r2((findings / words) * 1000) : 0, documentsWithFindings: withF, shareWithFindings: items.length ? r4(withF / items.length) : 0, byCategory };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(x);
  }
  return m;
}

function runAudit(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return sourdough(['audit', '--no-config-lookup', '--no-progress', ...args], { cwd });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-'));
  made = makeAuditExport({ records: 2000 }) as Made;
  writeFileSync(join(dir, 'export.csv'), made.bytes);
    const later = join(dir, 'later.csv');
    // A later, smaller export written differently: no NHS numbers left in the text, and a phrase the first export never had.
    const l = makeAuditExport({ records: 300, seed: 7 }) as Made;
    const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
    const lines = [
      'id,team,author_role,record_type,date,text',
      ...l.good.map((g) => [g.id, g.team, g.author_role, g.record_type, g.date, g.text.split(/(?<=\.) /).filter((x) => !x.includes('NHS')).join(' ')].map(q).join(',')),
      ['L-1', 'North', 'social worker', 'case note', '2026-11-20', 'Jack has been called a bed blocker on the ward.'].map(q).join(','),
    ];
    writeFileSync(later, `${lines.join('\r\n')}\r\n`);
  firstRun = await runAudit(['export.csv', '--group-by', 'team', '--group-by', 'record_type', '--date-field', 'date', '--jobs', '2', '-o', 'out'], dir);
  summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
  const set = builtinRuleSet();
  analysed = made.good.map((rec) => ({ rec, r: analyse(readers.text(rec.text, 'export.csv'), set) }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sourdough audit: summary.json against independent counts', () => {
  it('exits 2 (some rows failed) and writes the four outputs, nothing else', () => {
    expect(made.good.length + made.bad.length).toBe(2000);
    expect(new Set(made.good.map((g) => g.team)).size).toBeGreaterThanOrEqual(4);
    expect(firstRun.code, firstRun.stderr).toBe(2);
    expect(firstRun.stderr).toContain('6 documents could not be read or analysed');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['documents.csv', 'findings.csv', 'report.html', 'summary.json']);
  });

  it('records the run: inputs, rule set, config, grouping', () => {
    expect(summary.version).toBe(1);
    expect(summary.inputs).toEqual(['export.csv']);
    expect(summary.ruleSet.rules).toBe(builtinRules().length);
    // Only the built-in rules and no settings: the built-in rules' own content hash.
    expect(summary.ruleSet.hash).toBe(builtinRulesHash);
    expect(summary.groupBy).toEqual(['team', 'record_type']);
    expect(summary.dateField).toBe('date');
    expect(summary.config).toMatchObject({ textField: 'text', idField: 'id', period: 'month', excerpts: true, jobs: 2 });
    expect(summary.runTimeMs).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(summary.generatedAt))).toBe(false);
  });

  it('documents, words, findings, rate and severities', () => {
    const f = summary.figures;
    const all = slice(analysed);
    expect(f.documents).toEqual({ read: 2000, analysed: made.good.length, failed: made.bad.length, withFindings: all.documentsWithFindings, shareWithFindings: all.shareWithFindings });
    expect(f.words).toBe(all.words);
    expect(f.findings).toBe(all.findings);
    expect(f.findings).toBeGreaterThan(500);
    expect(f.per1000Words).toBe(all.per1000Words);
    const sev = { info: 0, warning: 0, error: 0 } as Record<string, number>;
    for (const x of analysed) for (const fi of x.r.findings) sev[fi.severity]!++;
    expect(f.bySeverity).toEqual(sev);
  });

  it('by category: findings, rate, documents and share', () => {
    const all = slice(analysed);
    for (const c of CATEGORIES) {
      const docs = analysed.filter((x) => x.r.findings.some((fi) => fi.category === c)).length;
      expect(summary.figures.byCategory[c], c).toEqual({ findings: all.byCategory[c], per1000Words: r2((all.byCategory[c]! / all.words) * 1000), documents: docs, shareOfDocuments: r4(docs / analysed.length) });
    }
  });

  it('rules: counts, documents, order, rationale and masked examples', () => {
    const counts = new Map<string, { findings: number; docs: Set<string> }>();
    for (const x of analysed) {
      for (const fi of x.r.findings) {
        const c = counts.get(fi.ruleId) ?? { findings: 0, docs: new Set<string>() };
        c.findings++;
        c.docs.add(x.rec.id);
        counts.set(fi.ruleId, c);
      }
    }
    expect(summary.figures.rules).toEqual(Object.fromEntries([...counts].map(([k, v]) => [k, v.findings])));
    const order = [...counts].sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    expect(summary.figures.topRules.map((t: any) => t.ruleId)).toEqual(order);
    const rationale = new Map(builtinRules().map((r) => [r.id, r.rationale]));
    for (const t of summary.figures.topRules) {
      expect(t.documents, t.ruleId).toBe(counts.get(t.ruleId)!.docs.size);
      expect(t.rationale).toBe(rationale.get(t.ruleId));
      expect(t.examples.length).toBeLessThanOrEqual(3);
      for (const e of t.examples) expect(e).not.toContain(NHS);
    }
    const privacy = summary.figures.topRules.find((t: any) => t.category === 'privacy');
    expect(privacy.examples.join(' ')).toContain('[NHS number]');
  });

  it('groups: team (blank → (none)) and record type', () => {
    const byTeam = groupBy(analysed, (x) => x.rec.team.trim() || '(none)');
    expect(Object.keys(summary.figures.groups.team)).toEqual([...byTeam.keys()].sort());
    for (const [k, xs] of byTeam) expect(summary.figures.groups.team[k], k).toEqual(slice(xs));
    const byType = groupBy(analysed, (x) => x.rec.record_type);
    expect(Object.keys(summary.figures.groups.record_type)).toEqual(['case note', 'support plan']);
    for (const [k, xs] of byType) expect(summary.figures.groups.record_type[k], k).toEqual(slice(xs));
  });

  it('trend: 12 months (ISO and UK dates), undated records counted', () => {
    const dated = analysed.filter((x) => monthOf(x.rec.date));
    const byMonth = groupBy(dated, (x) => monthOf(x.rec.date)!);
    const t = summary.figures.trend;
    expect(t.field).toBe('date');
    expect(t.period).toBe('month');
    expect(t.points.map((p: any) => p.period)).toEqual([...byMonth.keys()].sort());
    expect(t.points).toHaveLength(12);
    for (const p of t.points) {
      const { period, ...rest } = p;
      expect(rest, period).toEqual(slice(byMonth.get(period)!));
    }
    expect(t.undated).toBe(analysed.length - dated.length);
    expect(t.undated).toBeGreaterThan(0);
  });

  it('strengths and voice', () => {
    const plans = analysed.filter((x) => x.r.stats.kind === 'plan');
    const voiced = analysed.filter((x) => typeof x.r.stats.personVoiceShare === 'number');
    const withStrengths = plans.filter((x) => (x.r.stats.strengths ?? 0) > 0).length;
    const notes = voiced.filter((x) => x.r.stats.kind === 'note');
    const notesWithView = notes.filter((x) => (x.r.stats.personVoiceShare as number) > 0).length;
    expect(summary.figures.voice).toEqual({
      plans: plans.length,
      plansWithStrengths: withStrengths,
      shareOfPlansWithStrengths: plans.length ? r4(withStrengths / plans.length) : 0,
      meanPersonVoiceShare: r4(voiced.reduce((a, x) => a + (x.r.stats.personVoiceShare as number), 0) / voiced.length),
      documentsWithVoiceStats: voiced.length,
      notes: notes.length,
      notesWithView: notesWithView,
      shareOfNotesWithView: r4(notesWithView / notes.length),
    });
    expect(notes.length).toBeGreaterThan(0);
    expect(plans.length).toBeGreaterThan(0);
  });

  it('data quality: every bad row, with its reason', () => {
    const q = summary.figures.dataQuality;
    expect(q.read).toBe(2000);
    expect(q.analysed).toBe(made.good.length);
    expect(q.failed).toBe(made.bad.length);
    const reasons: Record<string, number> = {};
    for (const b of made.bad) reasons[b.code] = (reasons[b.code] ?? 0) + 1;
    expect(q.reasons).toEqual(reasons);
    expect(q.failures.map((x: any) => [x.row, x.code]).sort((a: any, b: any) => a[0] - b[0])).toEqual(made.bad.map((b) => [b.row, b.code]));
    for (const x of q.failures) expect(x.message).toMatch(/export\.csv row \d+/);
  });
});

describe('sourdough audit: CSV outputs', () => {
  const table = (name: string): Record<string, string>[] => parse(readFileSync(join(dir, 'out', name), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];

  it('findings.csv has one row per finding with id and metadata columns', () => {
    const rows = table('findings.csv');
    expect(rows).toHaveLength(summary.figures.findings);
    // The --group-by and --date-field columns first, then the others in the export's order.
    expect(Object.keys(rows[0]!).slice(0, 7)).toEqual(['path', 'id', 'row', 'team', 'record_type', 'date', 'author_role']);
    const first = analysed.find((x) => x.r.findings.length)!;
    const mine = rows.filter((r) => r.id === first.rec.id);
    expect(mine.map((r) => r.rule)).toEqual(first.r.findings.map((f) => f.ruleId));
    expect(mine[0]!.team).toBe(first.rec.team);
  });

  it('documents.csv has one row per document, failed ones with the reason', () => {
    const rows = table('documents.csv');
    expect(rows).toHaveLength(2000);
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.error_code).sort()).toEqual(made.bad.map((b) => b.code).sort());
    const x = analysed[10]!;
    const row = rows.find((r) => r.id === x.rec.id)!;
    expect(Number(row.words)).toBe(x.r.stats.words);
    expect(Number(row.findings)).toBe(x.r.findings.length);
    for (const c of CATEGORIES) expect(Number(row[c]), c).toBe(x.r.findings.filter((f) => f.category === c).length);
  });

  it('escapes cells starting with = + - @ so spreadsheets never run them', () => {
    const findings = table('findings.csv');
    const hit = findings.filter((r) => r.id.includes('HYPERLINK'));
    expect(hit.length).toBeGreaterThan(0);
    expect(hit[0]!.id).toBe(`'=HYPERLINK("http://example.org","x")`);
    expect(hit[0]!.author_role).toBe("'@admin");
    expect(hit.some((r) => r.sentence.startsWith("'=SUM(A1)"))).toBe(true);
    const docs = table('documents.csv');
    expect(docs.find((r) => r.author_role.includes('44 role'))!.author_role).toBe("'+44 role");
    expect(docs.find((r) => r.author_role.includes('senior') && r.author_role.startsWith("'"))!.author_role).toBe("'-senior");
    for (const r of [...findings, ...docs]) for (const v of Object.values(r)) expect(v, v).not.toMatch(/^[=+\-@]/);
  });

  it('masks identifiers in every output', () => {
    for (const name of ['findings.csv', 'report.html', 'summary.json']) expect(readFileSync(join(dir, 'out', name), 'utf8'), name).not.toContain(NHS);
    expect(made.good.some((g) => g.text.includes(NHS))).toBe(true);
  });
});

describe('sourdough audit: options', () => {
  it('--no-excerpts leaves every sentence out', async () => {
    const r = await runAudit(['later.csv', '--group-by', 'team', '--no-excerpts', '--jobs', '2', '-o', 'plain'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'plain', 'summary.json'), 'utf8'));
    expect(s.config.excerpts).toBe(false);
    for (const t of s.figures.topRules) expect(t.examples).toEqual([]);
    const html = readFileSync(join(dir, 'plain', 'report.html'), 'utf8');
    expect(html).not.toContain('<blockquote>');
    for (const g of made.good.slice(0, 50)) for (const sentence of g.text.split(/(?<=\.) /)) expect(html).not.toContain(sentence);
    const rows = parse(readFileSync(join(dir, 'plain', 'findings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(s.figures.findings);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((x) => x.sentence === '')).toBe(true);
  });

  it('audits a folder of plans, grouped by folder with --group-by folder', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'plans', 'north'), { recursive: true });
    mkdirSync(join(dir, 'plans', 'south'), { recursive: true });
    writeFileSync(join(dir, 'plans', 'north', 'a.md'), '# About me\n\nI enjoy gardening. Jack refused his tablets.\n');
    writeFileSync(join(dir, 'plans', 'north', 'b.txt'), 'Amira is a service user.\n');
    writeFileSync(join(dir, 'plans', 'south', 'c.md'), '# What matters to me\n\nMy dog Bess matters to me.\n');
    const r = await runAudit(['plans', '--group-by', 'folder', '--jobs', '1', '-o', 'plans-out'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'plans-out', 'summary.json'), 'utf8'));
    expect(s.figures.documents.analysed).toBe(3);
    expect(r.stderr).not.toContain('no record has a value');
    expect(Object.keys(s.figures.groups.folder)).toEqual([join('plans', 'north'), join('plans', 'south')]);
    expect(s.figures.groups.folder[join('plans', 'north')].documents).toBe(2);
    expect(s.figures.rules['blaming/refuses']).toBe(1);
    const found = parse(readFileSync(join(dir, 'plans-out', 'findings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(found.find((f) => f.rule === 'blaming/refuses')!.section).toBe('About me');
    const bare = await runAudit(['plans', '--no-excerpts', '--jobs', '1', '-o', 'plans-bare'], dir);
    expect(bare.code, bare.stderr).toBe(0);
    const misspelt = await runAudit(['plans', '--group-by', 'teem', '--date-field', 'when', '--jobs', '1', '-o', 'plans-misspelt'], dir);
    expect(misspelt.code, misspelt.stderr).toBe(0);
    expect(misspelt.stderr).toContain('no record has a value in a "teem" field, so every record is counted as (none) in the "teem" table; check the column name');
    expect(misspelt.stderr).toContain('no record has a value in a "when" field, so no record is in the trend');
    const bareRows = parse(readFileSync(join(dir, 'plans-bare', 'findings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(bareRows.length).toBe(found.length);
    expect(bareRows.every((f) => f.section === '' && f.sentence === '')).toBe(true);
    const docs = parse(readFileSync(join(dir, 'plans-out', 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(docs.map((d) => d.path).sort()).toEqual([join('plans', 'north', 'a.md'), join('plans', 'north', 'b.txt'), join('plans', 'south', 'c.md')]);
  });

  it('usage errors exit 2 with a clear message and write nothing', async () => {
    const noOut = await runAudit(['export.csv'], dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/-o, --output/);
    const noCompare = await runAudit(['export.csv', '--compare', 'nowhere/summary.json', '-o', 'never'], dir);
    expect(noCompare.code).toBe(2);
    expect(noCompare.stderr).toContain('cannot read nowhere/summary.json for --compare: file not found');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('sourdough audit --compare', () => {

  it('adds the change since the last audit, per category and group, and rules that appeared or disappeared', async () => {
    const r = await runAudit(['later.csv', '--group-by', 'team', '--jobs', '1', '--compare', 'out/summary.json', '-o', 'next'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'next', 'summary.json'), 'utf8'));
    const c = s.comparison;
    expect(c.previous).toBe('out/summary.json');
    expect(c.ruleSetChanged).toBe(false);
    expect(c.per1000Words).toEqual({ before: summary.figures.per1000Words, after: s.figures.per1000Words, change: r2(s.figures.per1000Words - summary.figures.per1000Words) });
    for (const cat of CATEGORIES as readonly Category[]) {
      const before = summary.figures.byCategory[cat].per1000Words;
      const after = s.figures.byCategory[cat].per1000Words;
      expect(c.byCategory[cat], cat).toEqual({ before, after, change: r2(after - before) });
    }
    for (const team of ['North', 'South', 'East', 'West']) expect(c.groups.team[team].before).toBe(summary.figures.groups.team[team].per1000Words);
    const prevRules = Object.keys(summary.figures.rules);
    const nowRules = Object.keys(s.figures.rules);
    expect(c.rulesAppeared).toEqual(nowRules.filter((x) => !prevRules.includes(x)).sort());
    expect(c.rulesDisappeared).toEqual(prevRules.filter((x) => !nowRules.includes(x)).sort());
    expect(c.rulesAppeared).toContain('dehumanising/bed-blocker');
    expect(c.rulesDisappeared).toContain('privacy/nhs-number');
    const html = readFileSync(join(dir, 'next', 'report.html'), 'utf8');
    expect(html).toContain('Change since the last audit');
  });

  it('refuses when the rule set differs, unless --allow-rule-changes', async () => {
    const refused = await runAudit(['later.csv', '--disable', 'jargon', '--compare', 'out/summary.json', '-o', 'refused'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('different rule set');
    expect(refused.stderr).toContain('--allow-rule-changes');
    expect(existsSync(join(dir, 'refused'))).toBe(false);

    const allowed = await runAudit(['later.csv', '--disable', 'jargon', '--jobs', '1', '--compare', 'out/summary.json', '--allow-rule-changes', '-o', 'allowed'], dir);
    expect(allowed.code, allowed.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'allowed', 'summary.json'), 'utf8'));
    expect(s.ruleSet.hash).not.toBe(summary.ruleSet.hash);
    expect(s.comparison.ruleSetChanged).toBe(true);
    expect(s.figures.byCategory.jargon.findings).toBe(0);
    expect(readFileSync(join(dir, 'allowed', 'report.html'), 'utf8')).toContain('The rule set changed between the two audits');
  });

  it('an extra rule pack changes the rule set hash', async () => {
    const pack = join(dir, 'pack', 'jargon');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(pack, { recursive: true });
    writeFileSync(
      join(pack, 'care-episode.yaml'),
      `id: jargon/care-episode\ncategory: jargon\nseverity: info\nmessage: "“{match}” is system language."\nrationale: Made up for a test.\nsuggest: []\npatterns:\n  - terms: ["care episode"]\nexamples:\n  flag: ["The care episode ended."]\n  pass: ["The visit ended."]\nsources:\n  - { title: "Test", url: "https://example.org/" }\n`,
    );
    const r = await runAudit(['later.csv', '--rules', 'pack', '--jobs', '1', '--compare', 'out/summary.json', '-o', 'packed'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('different rule set');
  });
});

describe('sourdough audit: atomic writes', () => {
  it('an interrupted run leaves no report, only a hidden staging folder', async () => {
    const child = spawn(process.execPath, [bin, 'audit', '--no-config-lookup', '--no-progress', '--jobs', '1', 'export.csv', '-o', 'cut'], { cwd: dir, stdio: 'ignore' });
    // Listen for the end from the start: a run that ends before it is killed must fail the test, not hang it.
    let exited = false;
    const closed = new Promise((r) => child.on('close', r)).then(() => (exited = true));
    const cut = join(dir, 'cut');
    const deadline = Date.now() + 60_000;
    while (!exited && Date.now() < deadline && !(existsSync(cut) && readdirSync(cut).some((f) => f.startsWith('.sourdough-audit-')))) await new Promise((r) => setTimeout(r, 5));
    expect(exited, 'the audit finished before it could be interrupted').toBe(false);
    child.kill('SIGKILL');
    await closed;
    const left = readdirSync(cut);
    expect(left.filter((f) => !f.startsWith('.'))).toEqual([]);
    expect(left.some((f) => f.startsWith('.sourdough-audit-'))).toBe(true);
  });

  /** Start an audit into `out`, wait until its staging folder exists, send `signal`; its exit code and stderr. */
  async function stopAudit(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [bin, 'audit', '--no-config-lookup', '--no-progress', '--jobs', '1', 'export.csv', '-o', out], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code))).then((code) => ((exited = true), code));
    // Wait until the run is writing (a file in its staging folder), so it is past setting up.
    const at = join(dir, out);
    const writing = (): boolean => existsSync(at) && readdirSync(at).some((f) => f.startsWith('.sourdough-audit-') && readdirSync(join(at, f)).length > 0);
    const deadline = Date.now() + 60_000;
    while (!exited && Date.now() < deadline && !writing()) await new Promise((r) => setTimeout(r, 5));
    expect(exited, 'the audit finished before it could be stopped').toBe(false);
    child.kill(signal);
    return { code: await closed, stderr };
  }

  it('Ctrl+C (SIGINT) removes the staging folder, and the output folder the run created', async () => {
    const r = await stopAudit('stopped', 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('stopped (SIGINT) before the end, so no report was written');
    expect(existsSync(join(dir, 'stopped'))).toBe(false);
  });

  it('SIGTERM removes the staging folder but keeps an output folder that was already there, with its files', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'kept'), { recursive: true });
    writeFileSync(join(dir, 'kept', 'notes.txt'), 'mine');
    const r = await stopAudit('kept', 'SIGTERM');
    expect(r.code).toBe(143);
    expect(readdirSync(join(dir, 'kept'))).toEqual(['notes.txt']);
  });
});

describe('sourdough audit: report.html in headless chromium', () => {
  it('renders every chart offline with no external requests and no console errors', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const url = pathToFileURL(join(dir, 'out', 'report.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('h1').innerText()).toBe('Language audit');
      for (const id of ['#chart-categories', '#chart-top-rules', '#chart-trend']) {
        const svg = page.locator(`${id} svg`);
        expect(await svg.count(), id).toBe(1);
        const box = await svg.boundingBox();
        expect(box!.width, id).toBeGreaterThan(200);
        expect(box!.height, id).toBeGreaterThan(100);
      }
      expect(await page.locator('figure.group-chart svg').count()).toBe(2);
      expect(await page.locator('figure.chart svg rect, figure.chart svg path').count()).toBeGreaterThan(50);
      expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);
      const shot = process.env.SOURDOUGH_SCREENSHOTS === '1' ? join(repoRoot, 'docs', 'images', 'audit-report.png') : join(dir, 'audit-report.png');
      await page.screenshot({ path: shot, fullPage: false });
      expect(existsSync(shot)).toBe(true);
      const groups = shot.replace('audit-report.png', 'audit-groups.png');
      await page.locator('section[aria-labelledby="h-group-team"]').screenshot({ path: groups });
      expect(existsSync(groups)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
