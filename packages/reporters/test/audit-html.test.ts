/** The audit report: self-contained, charts present, every data string escaped. */
import { describe, expect, it } from 'vitest';
import { AuditAggregator, compareAudits, type DocumentOutcome, type Finding } from '@sourdough/core';
import { auditHtml, escapeHtml, type AuditSummary } from '../src/audit-html.js';
import { reportFormatOf, REPORT_HEAD_BYTES } from '../src/recognise.js';

function finding(ruleId: string, sentence: string): Finding {
  return { ruleId, category: ruleId.split('/')[0] as Finding['category'], severity: 'warning', message: 'm', text: 'x', suggestions: [], sentence, url: `docs/rules/${ruleId}.md` };
}
function doc(team: string, date: string, findings: Finding[]): DocumentOutcome {
  return { path: 'export.csv', meta: { team, date }, findings, stats: { words: 200, sentences: 10, findings: findings.length, byCategory: {}, bySeverity: {}, per1000Words: 0, kind: 'plan', strengths: findings.length ? 0 : 2, personVoiceShare: 0.25 } };
}

function summary(): AuditSummary {
  const agg = new AuditAggregator({ groupBy: ['team'], dateField: 'date', rules: new Map([['blaming/refuses', { rationale: 'Refused frames a <choice> as defiance.', category: 'blaming', suggest: ['declined', 'chose <not> to'] }]]) });
  agg.add(doc('North', '2026-01-03', [finding('blaming/refuses', 'Jack <script>alert(1)</script> refused lunch.')]));
  agg.add(doc('South', '2026-02-03', [finding('jargon/respite', 'Respite was arranged.'), finding('blaming/refuses', 'Amira refused.')]));
  agg.add(doc('South', '2026-02-09', []));
  agg.add({ ...doc('West', '2026-02-10', []), stats: { words: 50, sentences: 4, findings: 0, byCategory: {}, bySeverity: {}, per1000Words: 0, kind: 'note', personVoiceShare: 0.5 } });
  agg.add({ path: 'export.csv', row: 9, error: { code: 'SD_ERR_CSV_ROW', message: 'row 9: unclosed quote' } });
  const figures = agg.finish();
  return {
    version: 1,
    generatedAt: '2026-11-25T10:00:00.000Z',
    runTimeMs: 1234,
    inputs: ['export.csv'],
    ruleSet: { version: '0.1.0', hash: 'abc123', rules: 3 },
    config: {},
    groupBy: ['team'],
    dateField: 'date',
    figures,
    comparison: { ...compareAudits({ ruleSet: { hash: 'abc123' }, figures }, { ruleSet: { hash: 'abc123' }, figures }), previous: 'old/summary.json' },
  };
}

describe('auditHtml', () => {
  it('names sourdough as its generator, so a later walk of the folder it is in knows it for a report', async () => {
    const html = await auditHtml(summary());
    expect(html.slice(0, html.indexOf('</head>'))).toContain('<meta name="generator" content="sourdough">');
    expect(reportFormatOf(Buffer.from(html).subarray(0, REPORT_HEAD_BYTES).toString('utf8'))).toBe('html');
  });

  it('renders headline figures, every chart as inline SVG, group tables and the trend', async () => {
    const html = await auditHtml(summary());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('records analysed');
    expect(html).toContain('id="chart-categories"');
    expect(html).toContain('id="chart-top-rules"');
    expect(html).toContain('class="chart group-chart"');
    expect(html).toContain('id="chart-trend"');
    expect((html.match(/<svg /g) ?? []).length).toBe(4);
    expect(html).toContain('Change since the last audit');
    expect(html).toContain('row 9: unclosed quote');
    expect(html).toMatch(/50%<\/span><span class="k">of records have at least one finding/);
    expect(html).toContain('100% of case notes (1 of 1) record at least one view of the person');
  });

  it('puts every table in a box that scrolls sideways, so a narrow screen (a phone) never scrolls the whole page', async () => {
    const html = await auditHtml(summary());
    const tables = html.match(/<table[ >]/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(5);
    expect((html.match(/<div class="table-wrap"><table[ >]/g) ?? []).length).toBe(tables.length);
    expect((html.match(/<\/table><\/div>/g) ?? []).length).toBe(tables.length);
  });

  it('makes no external requests and has no scripts', async () => {
    const html = await auditHtml(summary());
    const withoutNamespaces = html.replace(/http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link /i);
  });

  it('escapes every string that comes from the data', async () => {
    const html = await auditHtml(summary());
    expect(html).toContain('Jack &lt;script&gt;alert(1)&lt;/script&gt; refused lunch.');
    expect(html).toContain('Refused frames a &lt;choice&gt; as defiance.');
    expect(html).toContain('<strong>Try instead:</strong> declined · chose &lt;not&gt; to');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows a group in only one of the two audits as new or not in this audit, not as a change to or from 0', async () => {
    const earlier = new AuditAggregator({ groupBy: ['team'] });
    earlier.add(doc('East', '2026-01-03', [finding('blaming/refuses', 'x')]));
    earlier.add(doc('North', '2026-01-03', []));
    const s = summary();
    s.comparison = { ...compareAudits({ ruleSet: { hash: 'abc123' }, figures: earlier.finish() }, { ruleSet: { hash: 'abc123' }, figures: s.figures }), previous: 'old/summary.json' };
    const html = await auditHtml(s);
    const change = html.slice(html.indexOf('id="h-change"'), html.indexOf('id="h-rules"'));
    const row = (team: string): string => change.match(new RegExp(`<tr><th scope="row">${team}</th>.*?</tr>`))![0];
    expect(row('East')).toBe('<tr><th scope="row">East</th><td class="n">5</td><td class="n">—</td><td class="n"><span class="same">not in this audit</span></td></tr>');
    expect(row('South')).toBe('<tr><th scope="row">South</th><td class="n">—</td><td class="n">5</td><td class="n"><span class="same">new</span></td></tr>');
    expect(row('North')).toContain('<span class="up">▲ +5</span>');
  });

  it('says when the last audit was not grouped by a field this one is', async () => {
    const s = summary();
    const earlier = new AuditAggregator({});
    earlier.add(doc('North', '2026-01-03', []));
    s.comparison = { ...compareAudits({ ruleSet: { hash: 'abc123' }, figures: earlier.finish() }, { ruleSet: { hash: 'abc123' }, figures: s.figures }), previous: 'old/summary.json' };
    const html = await auditHtml(s);
    expect(html).toContain('The last audit was not grouped by <code>team</code>, so there is no change to show by it.');
  });

  it('shows periods with no records as a gap in the trend, and says how many dates could not be read', async () => {
    const agg = new AuditAggregator({ dateField: 'date' });
    agg.add(doc('North', '2026-01-03', [finding('blaming/refuses', 'x')]));
    agg.add(doc('North', '2026-04-03', []));
    agg.add(doc('North', '03/14/2026', []));
    agg.add(doc('North', '', []));
    const s = summary();
    s.figures = agg.finish();
    delete s.comparison;
    const html = await auditHtml(s);
    const trend = html.slice(html.indexOf('id="h-trend"'), html.indexOf('id="h-voice"'));
    expect(trend).toContain('No record is dated in 2 months in between (2026-02, 2026-03): the line breaks there.');
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04']) expect(trend).toContain(`>${month}</text>`);
    expect(trend).toContain('1 record has no date in <code>date</code> and is not in the trend.');
    expect(trend).toContain('1 record has a value in <code>date</code> that could not be read as a date and is not in the trend.');
    expect(trend).not.toContain('03/14/2026');
  });

  it('says 1 finding in 1 record, gives ids without spaces, and shows bidirectional controls in group values as �', async () => {
    const agg = new AuditAggregator({ groupBy: ['record type'], rules: new Map() });
    agg.add({ ...doc('North', '2026-01-03', [finding('blaming/refuses', 'x')]), meta: { 'record type': 'plan \u202eevil' } });
    const s = summary();
    s.figures = agg.finish();
    delete s.comparison;
    const html = await auditHtml(s);
    expect(html).toContain('<code>blaming/refuses</code> — 1 finding in 1 record</h3>');
    expect(html).toContain('<section aria-labelledby="h-group-record-type"><h2 id="h-group-record-type">By record type</h2>');
    for (const id of html.matchAll(/ id="([^"]*)"/g)) expect(id[1]).not.toMatch(/\s/);
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('<th scope="row">plan \ufffdevil</th>');
    expect(html).toContain('>plan \ufffdevil</text>');
  });
});
