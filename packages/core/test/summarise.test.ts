/** The run summary: one builder for check (incrementally, or from a worker's counts) and the batch API (summarise). */
import { describe, expect, it } from 'vitest';
import { SummaryBuilder, countsOf, summarise } from '../src/summarise.js';
import type { DocumentOutcome, Finding } from '../src/types.js';

const finding = (ruleId: string, category: Finding['category'], severity: Finding['severity']): Finding => ({ ruleId, category, severity, message: 'm', suggestions: [], url: 'u' });
const doc = (findings: Finding[]): DocumentOutcome => ({ path: 'a.txt', findings, stats: { words: 10, sentences: 1, findings: findings.length, byCategory: {}, bySeverity: {}, per1000Words: 0 } });
const outcomes: DocumentOutcome[] = [
  doc([finding('jargon/respite', 'jargon', 'info'), finding('blaming/refuses', 'blaming', 'warning'), finding('blaming/refuses', 'blaming', 'error')]),
  { path: 'b.csv', row: 2, error: { code: 'SD_ERR_CSV_ROW', message: 'broken quoting' } },
  doc([]),
  doc([finding('dehumanising/service-user', 'dehumanising', 'warning')]),
];

describe('summary', () => {
  it('counts documents, failures and findings by category and severity, keys in the order first seen', () => {
    const s = summarise(outcomes);
    expect(s).toEqual({ documents: 4, analysed: 3, failed: 1, findings: 4, byCategory: { jargon: 1, blaming: 2, dehumanising: 1 }, bySeverity: { info: 1, warning: 2, error: 1 } });
    expect(Object.keys(s.byCategory)).toEqual(['jargon', 'blaming', 'dehumanising']);
  });

  it('gives the same summary built one result at a time, or from counts alone', () => {
    const one = new SummaryBuilder();
    const counts = new SummaryBuilder();
    for (const o of outcomes) {
      one.add(o);
      counts.addCounts(structuredClone(countsOf(o)));
    }
    expect(JSON.stringify(one.summary)).toBe(JSON.stringify(summarise(outcomes)));
    expect(JSON.stringify(counts.summary)).toBe(JSON.stringify(summarise(outcomes)));
  });
});
