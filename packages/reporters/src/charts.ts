/**
 * Charts for the audit report, rendered by Vega-Lite/Vega to inline SVG on the server side: no
 * scripts, no external requests, so the report opens offline and under a strict CSP. Pure apart
 * from CPU: returns SVG strings.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Category colours chosen for contrast and paired with patterns/labels elsewhere in the report. */
export const CATEGORY_COLOURS: Record<string, string> = {
  deficit: '#8c2d04',
  gatekeeping: '#6a3d9a',
  dehumanising: '#b30059',
  blaming: '#b35900',
  control: '#1f5f8b',
  jargon: '#2b6b2b',
  voice: '#4d4d4d',
  privacy: '#7a5c00',
};

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  config: {
    font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
    axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
    legend: { labelFontSize: 12, titleFontSize: 12 },
    view: { stroke: null },
  },
} as const;

async function render(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  let svg = await view.toSVG();
  view.finalize();
  // Accessible name for screen readers.
  svg = svg.replace('<svg ', `<svg role="img" aria-label="${title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}" `);
  return svg;
}

const colourScale = {
  domain: Object.keys(CATEGORY_COLOURS),
  range: Object.values(CATEGORY_COLOURS),
};

/** Horizontal bars: findings per 1,000 words by category. */
export function categoryChart(rows: { category: string; per1000Words: number }[], title: string): Promise<string> {
  return render(
    {
      ...base,
      width: 520,
      height: { step: 26 },
      data: { values: rows },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        y: { field: 'category', type: 'nominal', sort: '-x', title: null },
        x: { field: 'per1000Words', type: 'quantitative', title: 'findings per 1,000 words' },
        color: { field: 'category', type: 'nominal', scale: colourScale, legend: null },
      },
    } as TopLevelSpec,
    title,
  );
}

/** Horizontal bars: the most triggered rules. */
export function topRulesChart(rows: { ruleId: string; category: string; findings: number }[], title: string): Promise<string> {
  return render(
    {
      ...base,
      width: 480,
      height: { step: 22 },
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'ruleId', type: 'nominal', sort: '-x', title: null },
        x: { field: 'findings', type: 'quantitative', title: 'findings' },
        color: { field: 'category', type: 'nominal', scale: colourScale, title: 'category' },
      },
    } as TopLevelSpec,
    title,
  );
}

/**
 * One horizontal bar per group, named on the axis, split by category (findings per 1,000 words):
 * the group is read from its label, never from a colour, so any number of groups stays
 * unambiguous, and colour means category as in every other chart. `groups` gives the order (the
 * table's).
 */
export function groupChart(rows: { group: string; category: string; per1000Words: number }[], field: string, title: string, groups: string[] = [...new Set(rows.map((r) => r.group))]): Promise<string> {
  const order = Object.keys(CATEGORY_COLOURS);
  return render(
    {
      ...base,
      width: 520,
      height: { step: 22 },
      data: { values: rows.map((r) => ({ ...r, rank: order.indexOf(r.category) })) },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'group', type: 'nominal', title: field, sort: groups },
        x: { field: 'per1000Words', type: 'quantitative', stack: 'zero', title: 'findings per 1,000 words' },
        color: { field: 'category', type: 'nominal', scale: colourScale, title: 'category' },
        order: { field: 'rank', type: 'quantitative' },
      },
    } as TopLevelSpec,
    title,
  );
}

/** Lines: findings per 1,000 words over time, overall and by category. A null value (a period with no records) breaks the line. */
export function trendChart(rows: { period: string; series: string; per1000Words: number | null }[], title: string): Promise<string> {
  return render(
    {
      ...base,
      width: 560,
      height: 220,
      data: { values: rows },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: -40 } },
        y: { field: 'per1000Words', type: 'quantitative', title: 'findings per 1,000 words' },
        color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['all', ...colourScale.domain], range: ['#000000', ...colourScale.range] } },
        strokeDash: { field: 'series', type: 'nominal', title: null },
      },
    } as TopLevelSpec,
    title,
  );
}
