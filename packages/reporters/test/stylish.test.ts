/** The stylish reporter: readable, highlighted, colour only when asked. */
import { describe, expect, it } from 'vitest';
import type { DocumentOutcome, Summary } from '@sourdough/core';
import { getReporter, stylish, json } from '../src/index.js';

const results: DocumentOutcome[] = [
  {
    path: 'plan.md',
    findings: [
      {
        ruleId: 'blaming/refuses',
        category: 'blaming',
        severity: 'warning',
        message: '“refused” can make a choice sound like defiance.',
        text: 'refused',
        start: { line: 3, column: 6, offset: 20 },
        end: { line: 3, column: 13, offset: 27 },
        suggestions: ['declined', 'chose not to'],
        sentence: 'Jack refused his tablets.',
        url: 'docs/rules/blaming/refuses.md',
      },
    ],
    stats: { words: 4, sentences: 1, findings: 1, byCategory: { blaming: 1 }, bySeverity: { warning: 1 }, per1000Words: 250 },
  },
  { path: 'broken.docx', error: { code: 'SD_ERR_READ_DOCX', message: 'broken.docx is not a valid Word file' } },
];
const summary: Summary = { documents: 2, analysed: 1, failed: 1, findings: 1, byCategory: { blaming: 1 }, bySeverity: { warning: 1 } };

describe('stylish', () => {
  it('shows position, severity, message, rule, highlighted sentence and suggestions', () => {
    const out = stylish(results, summary);
    expect(out).toContain('plan.md');
    expect(out).toContain('3:6');
    expect(out).toContain('warning');
    expect(out).toContain('blaming/refuses');
    expect(out).toContain('Jack [refused] his tablets.');
    expect(out).toContain('declined · chose not to');
    expect(out).toContain('broken.docx is not a valid Word file');
    expect(out).toContain('1 could not be checked');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('never writes control characters from the input to the terminal', () => {
    const hostile: DocumentOutcome = {
      path: 'e.jsonl',
      id: 'E1\u001b]0;title\u0007',
      row: 1,
      findings: [{ ...(results[0] as { findings: never[] }).findings[0]!, message: '“re\u001b[2Jfused” …', text: 're\u001b[2Jfused', sentence: 'Tia \u001b[2J\u001b]0;pwned\u0007re\u001b[2Jfused lunch.\nNext line.' }],
      stats: (results[0] as { stats: never }).stats,
    };
    const out = stylish([hostile, { path: 'x\u001b[31m.csv', row: 2, error: { code: 'SD_ERR_CSV_ROW', message: 'x\u001b[31m.csv row 2 …' } }], summary);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Tia ␛[2J␛]0;pwned␇[re␛[2Jfused] lunch. Next line.');
    expect(out).toContain('(id E1␛]0;title␇)');
    expect(stylish([{ ...hostile, id: 'E2\u202egnp.exe' }, { path: 'x.csv', row: 3, error: { code: 'SD_ERR_CSV_ROW', message: 'x.csv row 3 \u2066hidden\u2069' } }], summary)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('uses colour only when asked', () => {
    expect(stylish(results, summary, { color: true })).toMatch(/\u001b\[/);
  });

  it('says so plainly when there is nothing to change', () => {
    expect(stylish([], { documents: 1, analysed: 1, failed: 0, findings: 0, byCategory: {}, bySeverity: {} })).toContain('No findings in 1 document');
  });
});

describe('json and the registry', () => {
  it('renders the versioned report', () => {
    const parsed = JSON.parse(json(results, summary));
    expect(parsed).toEqual({ version: 1, results, summary });
  });
  it('looks reporters up by name', () => {
    expect(getReporter('stylish')).toBe(stylish);
    expect(getReporter('nope')).toBeUndefined();
    expect(getReporter('toString')).toBeUndefined();
  });
});

describe('stylish extras', () => {
  it('says where a finding sits (section, DOCX paragraph) and streams the same text', async () => {
    const { stylishStream } = await import('../src/index.js');
    const withPlace: DocumentOutcome[] = [{ ...(results[0] as Extract<DocumentOutcome, { findings: unknown }>), findings: [{ ...(results[0] as Extract<DocumentOutcome, { findings: unknown }>).findings[0]!, section: 'About me', paragraph: 4 }] }];
    const out = stylish(withPlace, summary);
    expect(out).toContain('under “About me”, paragraph 4');
    const s = stylishStream();
    expect(s.start() + withPlace.map((r) => s.result(r)).join('') + s.end(summary)).toBe(out);
  });
});

describe('stylish snapshot', () => {
  it('matches the snapshot, with and without colour', async () => {
    await expect(stylish(results, summary)).toMatchFileSnapshot('./snapshots/stylish.txt');
    await expect(stylish(results, summary, { color: true })).toMatchFileSnapshot('./snapshots/stylish-color.txt');
  });
});
