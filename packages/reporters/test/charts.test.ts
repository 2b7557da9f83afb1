/** The audit report's charts: what each mark and label stands for can be read without guessing. */
import { describe, expect, it } from 'vitest';
import { groupChart } from '../src/charts.js';

/** The text of every <text> element inside elements of a vega role (role-axis, role-legend…). */
function textsIn(svg: string, role: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<g class="[^"]*\\b${role}\\b[^"]*"`, 'g');
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    // The role's group runs until its depth returns to where it opened.
    let depth = 0;
    let i = m.index;
    const tag = /<(\/?)g\b[^>]*?(\/?)>/g;
    tag.lastIndex = i;
    for (let t = tag.exec(svg); t; t = tag.exec(svg)) {
      if (t[2]) continue;
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        i = tag.lastIndex;
        break;
      }
    }
    for (const x of svg.slice(m.index, i).matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(x[1]!);
  }
  return out;
}

describe('groupChart', () => {
  it('names every group on its axis, so 30 groups never share a colour as their only label', async () => {
    const groups = Array.from({ length: 30 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`);
    const rows = groups.flatMap((group, i) => ['deficit', 'blaming', 'jargon'].map((category) => ({ group, category, per1000Words: i + 1 })));
    const svg = await groupChart(rows, 'team', 'Findings per 1,000 words for each team, by category', groups);
    const axis = textsIn(svg, 'role-axis');
    for (const g of groups) expect(axis, g).toContain(g);
    // Colour means category, as in the other charts; no group is told apart by colour alone.
    const legend = textsIn(svg, 'role-legend');
    for (const g of groups) expect(legend).not.toContain(g);
    expect(legend).toEqual(expect.arrayContaining(['deficit', 'blaming', 'jargon']));
  });
});
