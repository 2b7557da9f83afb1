/** AuditAggregator and compareAudits: figures checked against hand-computed counts. */
import { describe, expect, it } from 'vitest';
import { AuditAggregator, compareAudits, periodOf } from '../src/audit.js';
import type { DocumentOutcome, Finding } from '../src/types.js';
import { SourdoughError } from '../src/errors.js';

function finding(ruleId: string, severity: Finding['severity'] = 'warning', sentence = 'Jack refused lunch.'): Finding {
  const category = ruleId.split('/')[0] as Finding['category'];
  return { ruleId, category, severity, message: 'm', text: 'x', suggestions: [], sentence, url: `docs/rules/${ruleId}.md` };
}

function doc(meta: Record<string, string>, words: number, findings: Finding[], extra: Record<string, unknown> = {}): DocumentOutcome {
  return { path: 'x.csv', meta, findings, stats: { words, sentences: 1, findings: findings.length, byCategory: {}, bySeverity: {}, per1000Words: 0, ...extra } };
}

describe('periodOf', () => {
  it('reads a spreadsheet date serial number (days since 30/12/1899), ignoring a time fraction, but never a year or a short number', () => {
    expect(periodOf('45292')).toBe('2024-01'); // 1 January 2024
    expect(periodOf('45716.75')).toBe('2025-02'); // 28 February 2025, 18:00
    expect(periodOf('45717', 'quarter')).toBe('2025-Q1'); // 1 March 2025
    expect(periodOf(' 45350 ')).toBe('2024-02'); // 29 February 2024
    expect(periodOf('25569')).toBeUndefined(); // 1 January 1970: a placeholder
    expect(periodOf('2025')).toBeUndefined();
    expect(periodOf('123456')).toBeUndefined();
    expect(periodOf('4535')).toBeUndefined();
  });

  it('reads ISO and UK dates into months and quarters', () => {
    expect(periodOf('2026-03-14')).toBe('2026-03');
    expect(periodOf('2026-03-14T10:00:00Z')).toBe('2026-03');
    expect(periodOf('14/03/2026')).toBe('2026-03');
    expect(periodOf('01-11-2025', 'quarter')).toBe('2025-Q4');
    expect(periodOf('not a date')).toBeUndefined();
    expect(periodOf('2026-13-01')).toBeUndefined();
    expect(periodOf(undefined)).toBeUndefined();
  });

  it('does not read dates that do not exist, placeholders, or other orders; reads the date as written', () => {
    for (const v of ['2026-02-31', '2025-02-29', '31/04/2026', '99/03/2026', '0001-01-01', '3026-01-01', '03/14/2026', '2026/03/16', '16 March 2026', '2026-03-14garbage', '14/03-2026']) {
      expect(periodOf(v), v).toBeUndefined();
    }
    expect(periodOf('2024-02-29')).toBe('2024-02');
    // Systems' zero dates, written where no date was entered, are placeholders, in any spelling.
    for (const v of ['1900-01-01', '01/01/1900', '1900-01-01T00:00:00Z', '1899-12-30', '1970-01-01', '01/01/1970 00:00', '1970-01-01T00:00:00.000Z', '9999-12-31', '1900-06-15']) {
      expect(periodOf(v), v).toBeUndefined();
    }
    // Days around them are dates.
    expect(periodOf('1970-01-02')).toBe('1970-01');
    expect(periodOf('1901-01-01')).toBe('1901-01');
    expect(periodOf('1969-12-31')).toBe('1969-12');
    expect(periodOf('29.02.2024')).toBe('2024-02');
    // The date as written: a time and an offset are ignored, never converted.
    expect(periodOf('2026-03-31T23:30:00-05:00')).toBe('2026-03');
    expect(periodOf('2026-04-01T00:30+01:00')).toBe('2026-04');
    expect(periodOf('2026-03-31 23:59')).toBe('2026-03');
    expect(periodOf('31/03/2026 23:59')).toBe('2026-03');
  });
});

describe('AuditAggregator', () => {
  const outcomes: DocumentOutcome[] = [
    doc({ team: 'North', date: '2026-01-05' }, 100, [finding('blaming/refuses'), finding('blaming/refuses', 'error'), finding('jargon/respite', 'info')], { kind: 'plan', strengths: 2, personVoiceShare: 0.5 }),
    doc({ team: 'North', date: '2026-02-10' }, 300, [], { kind: 'plan', strengths: 0, personVoiceShare: 0.1 }),
    doc({ team: 'South', date: '10/02/2026' }, 600, [finding('dehumanising/service-user', 'warning', 'The service user, NHS 999 456 7896, was seen.')]),
    { path: 'x.csv', row: 4, id: 'r4', meta: { team: 'South' }, error: { code: 'SD_ERR_CSV_ROW', message: 'row 4 has broken quoting' } },
    doc({ date: 'unknown' }, 0, []),
  ];
  const agg = new AuditAggregator({ groupBy: ['team'], dateField: 'date', mask: (s) => s.replace(/\d{3} \d{3} \d{4}/g, '[NHS number]') });
  for (const o of outcomes) agg.add(o);
  const f = agg.finish();

  it('counts documents, words and findings', () => {
    expect(f.documents).toEqual({ read: 5, analysed: 4, failed: 1, withFindings: 2, shareWithFindings: 0.5 });
    expect(f.words).toBe(1000);
    expect(f.findings).toBe(4);
    expect(f.per1000Words).toBe(4);
    expect(f.bySeverity).toEqual({ info: 1, warning: 2, error: 1 });
  });

  it('counts by category: findings, rate and documents', () => {
    expect(f.byCategory.blaming).toEqual({ findings: 2, per1000Words: 2, documents: 1, shareOfDocuments: 0.25 });
    expect(f.byCategory.dehumanising.documents).toBe(1);
    expect(f.byCategory.privacy.findings).toBe(0);
  });

  it('ranks rules and keeps masked example sentences', () => {
    expect(f.topRules.map((r) => [r.ruleId, r.findings, r.documents])).toEqual([
      ['blaming/refuses', 2, 1],
      ['dehumanising/service-user', 1, 1],
      ['jargon/respite', 1, 1],
    ]);
    expect(f.topRules[1]!.examples).toEqual(['The service user, NHS [NHS number], was seen.']);
    expect(f.topRules[0]!.examples).toEqual(['Jack refused lunch.']);
  });

  it('groups by a field, with (none) for missing values', () => {
    expect(Object.keys(f.groups.team!)).toEqual(['(none)', 'North', 'South']);
    expect(f.groups.team!.North).toMatchObject({ documents: 2, words: 400, findings: 3, documentsWithFindings: 1, per1000Words: 7.5 });
    expect(f.groups.team!.South).toMatchObject({ documents: 1, words: 600, findings: 1 });
  });

  it('builds a trend by month and counts undated records', () => {
    expect(f.trend!.points.map((p) => [p.period, p.documents, p.findings])).toEqual([
      ['2026-01', 1, 3],
      ['2026-02', 2, 1],
    ]);
    expect(f.trend!.undated).toBe(1);
  });

  it('counts the records whose date could not be read apart from those with none', () => {
    const a = new AuditAggregator({ dateField: 'date' });
    for (const date of ['2026-01-05', '03/14/2026', '2026-02-31', '', '   ']) a.add(doc({ date }, 10, []));
    a.add(doc({}, 10, []));
    expect(a.finish().trend).toMatchObject({ undated: 5, unreadable: 2 });
  });

  it('reports strengths and voice across plans', () => {
    expect(f.voice).toEqual({ plans: 2, plansWithStrengths: 1, shareOfPlansWithStrengths: 0.5, meanPersonVoiceShare: 0.3, documentsWithVoiceStats: 2, notes: 0, notesWithView: 0, shareOfNotesWithView: 0 });
  });

  it('counts case notes that record the person\'s view', () => {
    const a = new AuditAggregator();
    a.add(doc({}, 50, [], { kind: 'note', personVoiceShare: 0 }));
    a.add(doc({}, 50, [], { kind: 'note', personVoiceShare: 0.25 }));
    a.add(doc({}, 50, [], { kind: 'note', personVoiceShare: 0.5 }));
    a.add(doc({}, 50, [], { kind: 'note' }));
    expect(a.finish().voice).toMatchObject({ notes: 3, notesWithView: 2, shareOfNotesWithView: 0.6667, documentsWithVoiceStats: 3 });
  });

  it('records data quality with reasons', () => {
    expect(f.dataQuality.reasons).toEqual({ SD_ERR_CSV_ROW: 1 });
    expect(f.dataQuality.failures).toEqual([{ path: 'x.csv', row: 4, id: 'r4', code: 'SD_ERR_CSV_ROW', message: 'row 4 has broken quoting' }]);
  });
});

describe('AuditAggregator rule metadata', () => {
  it('adds rationale and suggestions to the rules it knows, and nothing to the others', () => {
    const agg = new AuditAggregator({ rules: new Map([['blaming/refuses', { rationale: 'Why it matters.', category: 'blaming' as const, suggest: ['declined'] }]]) });
    agg.add(doc({}, 10, [finding('blaming/refuses'), finding('jargon/respite')]));
    const [a, b] = agg.finish().topRules;
    expect(a).toMatchObject({ ruleId: 'blaming/refuses', rationale: 'Why it matters.', suggest: ['declined'] });
    expect(b!.rationale).toBeUndefined();
    expect(b!.suggest).toBeUndefined();
  });

  it('keeps no example sentences when excerpts is 0', () => {
    const agg = new AuditAggregator({ excerpts: 0 });
    agg.add(doc({}, 10, [finding('blaming/refuses')]));
    expect(agg.finish().topRules[0]!.examples).toEqual([]);
  });
});

describe('compareAudits', () => {
  const a = new AuditAggregator({ groupBy: ['team'] });
  a.add(doc({ team: 'North' }, 1000, [finding('blaming/refuses'), finding('blaming/refuses')]));
  a.add(doc({ team: 'South' }, 1000, []));
  const b = new AuditAggregator({ groupBy: ['team'] });
  b.add(doc({ team: 'North' }, 1000, [finding('jargon/respite')]));
  b.add(doc({ team: 'West' }, 1000, []));
  const before = { ruleSet: { hash: 'aaa' }, figures: a.finish() };
  const after = { ruleSet: { hash: 'aaa' }, figures: b.finish() };

  it('shows change per category and group and rules that appeared or disappeared', () => {
    const c = compareAudits(before, after);
    expect(c.per1000Words).toEqual({ before: 1, after: 0.5, change: -0.5 });
    expect(c.byCategory.blaming).toEqual({ before: 1, after: 0, change: -1 });
    expect(c.byCategory.jargon).toEqual({ before: 0, after: 0.5, change: 0.5 });
    // West is new: it had no figure before (not a figure of 0); South is not in this audit.
    expect(c.groups.team).toEqual({ North: { before: 2, after: 1, change: -1 }, South: { before: 0, after: null, change: null }, West: { before: null, after: 0, change: null } });
    expect(c.rulesAppeared).toEqual(['jargon/respite']);
    expect(c.rulesDisappeared).toEqual(['blaming/refuses']);
  });

  it('leaves out a field the previous audit did not group by (it has nothing to compare with)', () => {
    const ungrouped = new AuditAggregator({});
    ungrouped.add(doc({ team: 'North' }, 1000, []));
    expect(compareAudits({ ruleSet: { hash: 'aaa' }, figures: ungrouped.finish() }, after).groups).toEqual({});
  });

  it('refuses when the rule sets differ, unless allowed', () => {
    const changed = { ...after, ruleSet: { hash: 'bbb' } };
    expect(() => compareAudits(before, changed)).toThrow(SourdoughError);
    expect(() => compareAudits(before, changed)).toThrow(/--allow-rule-changes/);
    expect(compareAudits(before, changed, true).ruleSetChanged).toBe(true);
  });
});
