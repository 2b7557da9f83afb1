/** Synthetic results shared by the reporter tests: a file, two records and two failures. */
import type { DocumentOutcome, Summary } from '@sourdough/core';

export const results: DocumentOutcome[] = [
  {
    path: 'plans/jack plan.md',
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
        section: 'About me',
      },
      {
        ruleId: 'voice/first-person',
        category: 'voice',
        severity: 'info',
        message: 'This plan has no first-person statements.',
        suggestions: [],
        url: 'docs/rules/voice/first-person.md',
      },
    ],
    stats: { words: 40, sentences: 4, findings: 2, byCategory: { blaming: 1, voice: 1 }, bySeverity: { warning: 1, info: 1 }, per1000Words: 50 },
  },
  {
    path: 'notes.csv',
    id: 'N-001',
    row: 1,
    meta: { team: 'North', date: '=2026-01-05' },
    findings: [
      {
        ruleId: 'dehumanising/service-user',
        category: 'dehumanising',
        severity: 'error',
        message: '“service user” defines someone by the services they use.',
        text: 'service user',
        start: { line: 1, column: 5, offset: 4 },
        end: { line: 1, column: 17, offset: 16 },
        suggestions: ['Amira', 'the person'],
        sentence: 'The service user said, "no <thanks>", & left.',
        url: 'docs/rules/dehumanising/service-user.md',
      },
    ],
    stats: { words: 8, sentences: 1, findings: 1, byCategory: { dehumanising: 1 }, bySeverity: { error: 1 }, per1000Words: 125 },
  },
  { path: 'notes.csv', row: 2, error: { code: 'SD_ERR_CSV_ROW', message: 'notes.csv row 2 (line 3) has broken quoting' } },
  { path: 'broken.docx', error: { code: 'SD_ERR_READ_DOCX', message: 'broken.docx is not a valid Word (.docx) file, or it is damaged' } },
];

export const summary: Summary = { documents: 4, analysed: 2, failed: 2, findings: 3, byCategory: { blaming: 1, voice: 1, dehumanising: 1 }, bySeverity: { warning: 1, info: 1, error: 1 } };
