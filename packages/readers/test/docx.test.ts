/** The DOCX reader: paragraphs one per line, headings as sections, paragraph numbers, clear errors. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourdoughError } from '@sourdough/core';
import { docx } from '../src/index.js';
import { analyseChecked, repoRoot } from './helpers.js';

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'fixtures/documents', name, 'input.docx'));

describe('docx reader', () => {
  it('extracts paragraphs, headings and list items in order, one per line', async () => {
    const doc = await docx(fixture('docx-plan'), 'plan.docx');
    const lines = doc.source.split('\n');
    expect(lines[0]).toBe('Support plan for Jack');
    expect(lines).toContain('Cooking my own tea.');
    expect(lines.indexOf('Going to the football on Saturdays with my brother.')).toBe(lines.indexOf('What matters to me') + 1);
    expect(doc.paragraphs).toHaveLength(lines.length);
    expect(doc.blocks).toHaveLength(lines.length);
    expect(doc.sections.map((s) => [s.depth, s.title])).toEqual([
      [1, 'Support plan for Jack'],
      [2, 'About me'],
      [2, 'What matters to me'],
      [2, 'How I want to be supported'],
    ]);
  });

  it('gives findings a section and a paragraph number', async () => {
    const doc = await docx(fixture('docx-plan'), 'plan.docx');
    const result = analyseChecked({ path: 'plan.docx', doc });
    const refused = result.findings.find((f) => f.ruleId === 'blaming/refuses')!;
    expect(refused.text).toBe('refused');
    expect(refused.section).toBe('How I want to be supported');
    expect(refused.paragraph).toBe(10);
    expect(refused.start!.line).toBe(10);
  });

  it('fails with SD_ERR_READ_DOCX on a file that is not a Word document', async () => {
    const err = await docx(fixture('corrupt-docx'), 'broken.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourdoughError);
    expect((err as SourdoughError).code).toBe('SD_ERR_READ_DOCX');
    expect((err as SourdoughError).message).toContain('broken.docx is not a valid Word (.docx) file');
  });
});
