/**
 * The audit report (`report.html`): one self-contained HTML file for managers who will only open a
 * web page — headline figures, charts as inline SVG, a table per group, the rules most often
 * triggered with their reasons and masked example sentences, strengths and voice, data quality,
 * and the change since the last audit. No scripts, no external requests. Every text from the data
 * is HTML-escaped.
 */
import type { AuditComparison, AuditFigures, Category } from '@sourdough/core';
import { CATEGORY_COLOURS, categoryChart, groupChart, topRulesChart, trendChart } from './charts.js';
import { neutraliseBidi } from './bidi.js';
import { GENERATOR } from './recognise.js';

/** What `summary.json` holds: run metadata plus the figures. */
export interface AuditSummary {
  version: 1;
  generatedAt: string;
  runTimeMs: number;
  inputs: string[];
  ruleSet: { version: string; hash: string; rules: number };
  config: Record<string, unknown>;
  groupBy: string[];
  dateField: string | null;
  figures: AuditFigures;
  comparison?: AuditComparison & { previous: string };
}

const CATEGORY_ORDER: Category[] = ['deficit', 'gatekeeping', 'dehumanising', 'blaming', 'control', 'jargon', 'voice', 'privacy'];

/**
 * Text from the data with its bidirectional controls neutralised (for the charts, which escape by
 * themselves): in a group value or any other text from the data they would reorder what the table
 * or chart shows, so they are shown as � (see bidi.ts).
 */
const neutral = neutraliseBidi;

/** Escape text for HTML element content and attribute values (bidirectional controls shown as �). */
export function escapeHtml(s: string): string {
  return neutral(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const num = (n: number): string => n.toLocaleString('en-GB');
const pct = (share: number): string => `${(share * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
const dec = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
/** "1 finding", "2 findings". */
const plural = (n: number, noun: string): string => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

function signed(n: number): string {
  if (n === 0) return '<span class="same">no change</span>';
  const arrow = n > 0 ? '▲' : '▼';
  const cls = n > 0 ? 'up' : 'down';
  return `<span class="${cls}">${arrow} ${n > 0 ? '+' : '−'}${dec(Math.abs(n))}</span>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #505050; --line: #d0d0d0; --bg: #ffffff; --panel: #f5f5f2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 40px 0 12px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
p.lead { color: var(--muted); margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; }
.card { background: var(--panel); border-left: 6px solid var(--ink); padding: 12px 14px; }
.card .v { font-size: 1.7rem; font-weight: 700; display: block; }
.card .k { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: .95rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { overflow-x: auto; margin: 8px 0 20px; }
.table-wrap { overflow-x: auto; }
th[scope="row"] { white-space: nowrap; }
.wide { font-size: .85rem; }
.wide th, .wide td { padding: 5px 6px; }
.try { margin: 6px 0; }
.chart svg { max-width: 100%; height: auto; }
.cat { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: .85rem; white-space: nowrap; }
.rule { border: 1px solid var(--line); padding: 12px 14px; margin: 12px 0; }
.rule blockquote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid var(--line); color: var(--muted); }
.up { color: #9b1c1c; font-weight: 600; } .down { color: #1d6b2f; font-weight: 600; } .same { color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: .85rem; }
@media print { .chart { break-inside: avoid; } }
`;

function catBadge(c: string): string {
  return `<span class="cat" style="background:${CATEGORY_COLOURS[c] ?? '#333'}">${escapeHtml(c)}</span>`;
}

function sliceTable(field: string, slices: AuditFigures['groups'][string]): string {
  const cats = CATEGORY_ORDER.filter((c) => Object.values(slices).some((s) => s.byCategory[c] > 0));
  const head = `<tr><th scope="col">${escapeHtml(field)}</th><th scope="col" class="n">documents</th><th scope="col" class="n">words</th><th scope="col" class="n">findings</th><th scope="col" class="n">per 1,000 words</th><th scope="col" class="n">documents with a finding</th>${cats.map((c) => `<th scope="col" class="n">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const rows = Object.entries(slices)
    .map(([k, s]) => `<tr><th scope="row">${escapeHtml(k)}</th><td class="n">${num(s.documents)}</td><td class="n">${num(s.words)}</td><td class="n">${num(s.findings)}</td><td class="n">${dec(s.per1000Words)}</td><td class="n">${pct(s.shareWithFindings)}</td>${cats.map((c) => `<td class="n">${num(s.byCategory[c])}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="table-wrap"><table class="wide"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

/** Every month (`2026-03`) or quarter (`2026-Q1`) from `first` to `last`, or undefined for a span over 240 periods. */
function periodsBetween(first: string, last: string, period: 'month' | 'quarter'): string[] | undefined {
  const per = period === 'quarter' ? 4 : 12;
  const index = (p: string): number => Number(p.slice(0, 4)) * per + Number(p.slice(period === 'quarter' ? 6 : 5)) - 1;
  const from = index(first);
  const to = index(last);
  if (!(to >= from) || to - from >= 240) return undefined;
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    const y = Math.floor(i / per);
    const n = (i % per) + 1;
    out.push(period === 'quarter' ? `${y}-Q${n}` : `${y}-${String(n).padStart(2, '0')}`);
  }
  return out;
}

/** Render the audit report. Async because the charts are rendered by Vega. */
export async function auditHtml(summary: AuditSummary): Promise<string> {
  const f = summary.figures;
  const parts: string[] = [];
  const catRows = CATEGORY_ORDER.map((c) => ({ category: c, per1000Words: f.byCategory[c]?.per1000Words ?? 0 }));

  parts.push(`<header><h1>Language audit</h1><p class="lead">How we write about people: ${num(f.documents.analysed)} records analysed on ${escapeHtml(summary.generatedAt.slice(0, 10))}. Figures count phrases worth a second look, not mistakes: the rules below say why each one matters and what to write instead.</p></header>`);

  parts.push('<section aria-labelledby="h-headline"><h2 id="h-headline">Headline figures</h2><div class="cards">');
  const cards: [string, string][] = [
    [num(f.documents.analysed), 'records analysed'],
    [num(f.words), 'words'],
    [dec(f.per1000Words), 'findings per 1,000 words'],
    [pct(f.documents.shareWithFindings), 'of records have at least one finding'],
    [num(f.findings), 'findings in all'],
  ];
  for (const [v, k] of cards) parts.push(`<div class="card"><span class="v">${v}</span><span class="k">${k}</span></div>`);
  parts.push('</div>');
  parts.push('<div class="table-wrap"><table><thead><tr><th scope="col">category</th><th scope="col" class="n">findings</th><th scope="col" class="n">per 1,000 words</th><th scope="col" class="n">records with at least one</th></tr></thead><tbody>');
  for (const c of CATEGORY_ORDER) {
    const row = f.byCategory[c];
    if (!row) continue;
    parts.push(`<tr><th scope="row">${catBadge(c)}</th><td class="n">${num(row.findings)}</td><td class="n">${dec(row.per1000Words)}</td><td class="n">${pct(row.shareOfDocuments)}</td></tr>`);
  }
  parts.push('</tbody></table></div>');
  parts.push(`<figure class="chart" id="chart-categories">${await categoryChart(catRows, 'Findings per 1,000 words by category')}<figcaption>Findings per 1,000 words, by category.</figcaption></figure></section>`);

  if (summary.comparison) {
    const c = summary.comparison;
    parts.push(`<section aria-labelledby="h-change"><h2 id="h-change">Change since the last audit</h2><p>Compared with <code>${escapeHtml(c.previous)}</code>. Figures are findings per 1,000 words; down is better.${c.ruleSetChanged ? ' <strong>The rule set changed between the two audits, so some of the change may come from the rules rather than the writing.</strong>' : ''}</p>`);
    parts.push(`<div class="table-wrap"><table><thead><tr><th scope="col"></th><th scope="col" class="n">before</th><th scope="col" class="n">now</th><th scope="col" class="n">change</th></tr></thead><tbody><tr><th scope="row">all categories</th><td class="n">${dec(c.per1000Words.before)}</td><td class="n">${dec(c.per1000Words.after)}</td><td class="n">${signed(c.per1000Words.change)}</td></tr>`);
    for (const cat of CATEGORY_ORDER) {
      const ch = c.byCategory[cat];
      if (!ch || (ch.before === 0 && ch.after === 0)) continue;
      parts.push(`<tr><th scope="row">${catBadge(cat)}</th><td class="n">${dec(ch.before)}</td><td class="n">${dec(ch.after)}</td><td class="n">${signed(ch.change)}</td></tr>`);
    }
    parts.push('</tbody></table></div>');
    for (const [field, values] of Object.entries(c.groups)) {
      parts.push(`<h3>By ${escapeHtml(field)}</h3><div class="table-wrap"><table><thead><tr><th scope="col">${escapeHtml(field)}</th><th scope="col" class="n">before</th><th scope="col" class="n">now</th><th scope="col" class="n">change</th></tr></thead><tbody>`);
      for (const [k, ch] of Object.entries(values)) {
        // A group in only one of the two audits has no change to show: say which, never a fall to or rise from 0.
        const change = ch.before === null ? '<span class="same">new</span>' : ch.after === null ? '<span class="same">not in this audit</span>' : signed(ch.change ?? 0);
        parts.push(`<tr><th scope="row">${escapeHtml(k)}</th><td class="n">${ch.before === null ? '—' : dec(ch.before)}</td><td class="n">${ch.after === null ? '—' : dec(ch.after)}</td><td class="n">${change}</td></tr>`);
      }
      parts.push('</tbody></table></div>');
    }
    const notCompared = Object.keys(f.groups).filter((field) => !c.groups[field]);
    if (notCompared.length) parts.push(`<p>The last audit was not grouped by ${notCompared.map((field) => `<code>${escapeHtml(field)}</code>`).join(' or ')}, so there is no change to show by ${notCompared.length === 1 ? 'it' : 'them'}.</p>`);
    parts.push(`<p>Rules that appeared: ${c.rulesAppeared.length ? c.rulesAppeared.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ') : 'none'}. Rules that no longer appear: ${c.rulesDisappeared.length ? c.rulesDisappeared.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ') : 'none'}.</p></section>`);
  }

  const top = f.topRules.slice(0, 15);
  parts.push('<section aria-labelledby="h-rules"><h2 id="h-rules">The rules most often triggered</h2>');
  if (top.length) {
    parts.push(`<figure class="chart" id="chart-top-rules">${await topRulesChart(top.map((r) => ({ ruleId: r.ruleId, category: r.category, findings: r.findings })), 'The 15 most triggered rules')}<figcaption>The ${top.length} most triggered rules, by number of findings.</figcaption></figure>`);
    for (const r of top.slice(0, 10)) {
      parts.push(`<div class="rule"><h3>${catBadge(r.category)} <code>${escapeHtml(r.ruleId)}</code> — ${plural(r.findings, 'finding')} in ${plural(r.documents, 'record')}</h3>`);
      if (r.rationale) parts.push(`<p>${escapeHtml(r.rationale)}</p>`);
      if (r.suggest?.length) parts.push(`<p class="try"><strong>Try instead:</strong> ${r.suggest.map(escapeHtml).join(' · ')}</p>`);
      for (const e of r.examples) parts.push(`<blockquote>${escapeHtml(e)}</blockquote>`);
      parts.push('</div>');
    }
  } else parts.push('<p>No findings.</p>');
  parts.push('</section>');

  const ids = new Set<string>();
  for (const [field, slices] of Object.entries(f.groups)) {
    const rows = Object.entries(slices).flatMap(([group, s]) => CATEGORY_ORDER.map((category) => ({ group: neutral(group), category, per1000Words: s.words ? Math.round((s.byCategory[category] / s.words) * 100000) / 100 : 0 })));
    // An id holds no spaces (aria-labelledby is a list of ids): anything but letters, digits, - and _ becomes -.
    let id = `h-group-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
    for (let n = 2; ids.has(id); n++) id = `h-group-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}-${n}`;
    ids.add(id);
    parts.push(`<section aria-labelledby="${escapeHtml(id)}"><h2 id="${escapeHtml(id)}">By ${escapeHtml(field.replace(/_/g, ' '))}</h2>`);
    parts.push(`<figure class="chart group-chart">${await groupChart(rows, neutral(field), `Findings per 1,000 words for each ${neutral(field)}, by category`, Object.keys(slices).map(neutral))}<figcaption>Findings per 1,000 words for each ${escapeHtml(field)}, split by category.</figcaption></figure>`);
    parts.push(sliceTable(field, slices));
    parts.push('</section>');
  }

  if (f.trend) {
    parts.push(`<section aria-labelledby="h-trend"><h2 id="h-trend">Over time</h2>`);
    if (f.trend.points.length) {
      const byPeriod = new Map(f.trend.points.map((p) => [p.period, p]));
      // Every period from the first to the last, so a gap shows as a gap (the line breaks) rather
      // than making two distant periods look adjacent; a span too long to draw keeps the dated periods only.
      const all = periodsBetween(f.trend.points[0]!.period, f.trend.points[f.trend.points.length - 1]!.period, f.trend.period) ?? [...byPeriod.keys()];
      const gaps = all.filter((p) => !byPeriod.has(p));
      const shown = CATEGORY_ORDER.filter((c) => f.byCategory[c]?.findings);
      const rows = all.flatMap((period) => {
        const p = byPeriod.get(period);
        return [
          { period, series: 'all', per1000Words: p ? p.per1000Words : null },
          ...shown.map((c) => ({ period, series: c, per1000Words: p ? (p.words ? Math.round((p.byCategory[c] / p.words) * 100000) / 100 : 0) : null })),
        ];
      });
      parts.push(`<figure class="chart" id="chart-trend">${await trendChart(rows, `Findings per 1,000 words by ${f.trend.period}`)}<figcaption>Findings per 1,000 words by ${f.trend.period} (field <code>${escapeHtml(f.trend.field)}</code>).${gaps.length ? ` No record is dated in ${gaps.length === 1 ? `one ${f.trend.period}` : `${num(gaps.length)} ${f.trend.period}s`} in between (${gaps.length > 6 ? `${gaps.slice(0, 6).join(', ')}…` : gaps.join(', ')}): the line breaks there.` : ''}</figcaption></figure>`);
      parts.push(sliceTable(f.trend.period, Object.fromEntries(f.trend.points.map(({ period, ...s }) => [period, s]))));
    }
    const unreadable = f.trend.unreadable ?? 0;
    const blank = f.trend.undated - unreadable;
    if (blank) parts.push(`<p>${num(blank)} ${blank === 1 ? 'record has' : 'records have'} no date in <code>${escapeHtml(f.trend.field)}</code> and ${blank === 1 ? 'is' : 'are'} not in the trend.</p>`);
    if (unreadable) {
      parts.push(
        `<p>${num(unreadable)} ${unreadable === 1 ? 'record has a value' : 'records have values'} in <code>${escapeHtml(f.trend.field)}</code> that could not be read as a date and ${unreadable === 1 ? 'is' : 'are'} not in the trend. Dates are read as 2026-03-14 (ISO) or 14/03/2026 (day first); a date that does not exist, such as 31/02/2026, or a placeholder for no date, such as 01/01/1900 or 01/01/1970, is not read.</p>`,
      );
    }
    parts.push('</section>');
  }

  const v = f.voice;
  parts.push('<section aria-labelledby="h-voice"><h2 id="h-voice">Strengths and the person\'s voice</h2><ul>');
  parts.push(`<li>${v.plans ? `${pct(v.shareOfPlansWithStrengths)} of support plans (${num(v.plansWithStrengths)} of ${num(v.plans)}) record at least one strength or aspiration.` : 'No records were recognised as support plans.'}</li>`);
  if (v.notes) parts.push(`<li>${pct(v.shareOfNotesWithView)} of case notes (${num(v.notesWithView)} of ${num(v.notes)}) record at least one view of the person: what they said, wanted or felt.</li>`);
  parts.push(`<li>${v.meanPersonVoiceShare === null ? 'No voice measures were available.' : `On average ${pct(v.meanPersonVoiceShare)} of sentences are in the person's own voice (first person, or recording what they said), across ${num(v.documentsWithVoiceStats)} records.`}</li>`);
  parts.push('</ul><p>A record counts as a support plan when it reads like one (headings such as “What matters to me”, or mostly written in the first person), or when the audit was run with <code>--kind plan</code>.</p></section>');

  const q = f.dataQuality;
  parts.push(`<section aria-labelledby="h-quality"><h2 id="h-quality">Data quality</h2><p>${num(q.read)} records read, ${num(q.analysed)} analysed, ${num(q.failed)} could not be analysed.</p>`);
  if (q.failed) {
    parts.push('<div class="table-wrap"><table><thead><tr><th scope="col">reason</th><th scope="col" class="n">records</th></tr></thead><tbody>');
    for (const [code, n] of Object.entries(q.reasons).sort((a, b) => b[1] - a[1])) parts.push(`<tr><td><code>${escapeHtml(code)}</code></td><td class="n">${num(n)}</td></tr>`);
    parts.push('</tbody></table></div>');
    parts.push('<div class="table-wrap"><table><thead><tr><th scope="col">file</th><th scope="col" class="n">row</th><th scope="col">id</th><th scope="col">problem</th></tr></thead><tbody>');
    for (const e of q.failures) parts.push(`<tr><td>${escapeHtml(e.path)}</td><td class="n">${e.row ?? ''}</td><td>${escapeHtml(e.id ?? '')}</td><td>${escapeHtml(e.message)}</td></tr>`);
    parts.push('</tbody></table></div>');
    if (q.failed > q.failures.length) parts.push(`<p>Only the first ${num(q.failures.length)} problems are listed; <code>summary.json</code> counts them all by reason.</p>`);
  }
  parts.push('</section>');

  parts.push(`<footer><p>Made by sourdough ${escapeHtml(summary.ruleSet.version)} with ${num(summary.ruleSet.rules)} rules (rule set ${escapeHtml(summary.ruleSet.hash)}) in ${dec(summary.runTimeMs / 1000)} s. Example sentences have identifiers masked. The full figures are in <code>summary.json</code>, <code>documents.csv</code> and <code>findings.csv</code> beside this file.</p></footer>`);

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Language audit — sourdough</title>
<style>${STYLE}</style>
</head>
<body><main>
${parts.join('\n')}
</main></body>
</html>
`;
}
