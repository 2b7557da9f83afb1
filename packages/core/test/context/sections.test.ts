/** context/sections.ts: sections with a recognised heading, in plain text and under marked headings. */
import { describe, expect, it } from 'vitest';
import { headedSections } from '../../src/context/sections.js';
import { sentencesOf } from '../../src/analyse.js';
import { markdown } from '../../src/readers/markdown.js';
import { text as plain } from '../../src/readers/text.js';
import type { SourceDocument } from '../../src/types.js';

const wanted = (t: string): boolean => /^(?:strengths|about me)$/i.test(t);
function sections(doc: SourceDocument): { title: string; shown: string; sentences: string[] }[] {
  return headedSections(doc, sentencesOf(doc), wanted).map((s) => ({
    title: s.title,
    shown: doc.source.slice(s.titleStart, s.titleEnd),
    sentences: s.sentences.map((x) => x.text.trim()),
  }));
}

describe('headedSections, plain text', () => {
  it('reads a short line of its own as a heading, up to the next heading', () => {
    const doc = plain('Strengths\n\nAmy is kind. She sings.\n\nRisks\n\nAmy falls at night.\n');
    expect(sections(doc)).toEqual([{ title: 'Strengths', shown: 'Strengths', sentences: ['Amy is kind.', 'She sings.'] }]);
  });

  it('takes a trailing colon off the heading, and leaves it out of the span', () => {
    expect(sections(plain('Strengths:\nAmy is kind.\n'))).toEqual([{ title: 'Strengths', shown: 'Strengths', sentences: ['Amy is kind.'] }]);
  });

  it('reads a label with content after its colon as a section of its own', () => {
    const doc = plain('Strengths: kind, sings in a choir.\nRisks: falls at night.\n');
    expect(sections(doc)).toEqual([{ title: 'Strengths', shown: 'Strengths', sentences: ['kind, sings in a choir.'] }]);
  });

  it('keeps fields of a section in it, and ends it at a label naming another part of the record', () => {
    const doc = plain('About me\nName: Amy\nAge: 34\nLives with her sister.\nRisks: falls.\nShe is 34.\n');
    expect(sections(doc)[0]!.sentences).toEqual(['Name: Amy', 'Age: 34', 'Lives with her sister.']);
  });

  it('reads short unmarked lines under a heading as a list, not as headings', () => {
    const doc = plain('Strengths\nCannot cook\nLacks confidence\nLoves dogs\n');
    expect(sections(doc)[0]!.sentences).toEqual(['Cannot cook', 'Lacks confidence', 'Loves dogs']);
  });

  it('ends a section at a short line after a blank line or a finished sentence', () => {
    expect(sections(plain('Strengths\nAmy is kind.\nSupport needs\nCannot cook.\n'))[0]!.sentences).toEqual(['Amy is kind.']);
    expect(sections(plain('Strengths\nLoves dogs\n\nSupport needs\nCannot cook.\n'))[0]!.sentences).toEqual(['Loves dogs']);
  });

  it('never takes a list item, a sentence or the last line for a heading', () => {
    expect(sections(plain('- Strengths\nAmy is kind.\n'))).toEqual([]);
    expect(sections(plain('Strengths.\nAmy is kind.\n'))).toEqual([]);
    expect(sections(plain('Amy is kind.\nStrengths'))).toEqual([]);
  });
});

describe('headedSections, marked headings', () => {
  it('reads Markdown headings, a deeper heading being part of the section', () => {
    const doc = markdown('# Plan\n\n## Strengths\n\nAmy is kind.\n\n### At home\n\nShe cooks.\n\n## Risks\n\nFalls.\n');
    expect(sections(doc)).toEqual([{ title: 'Strengths', shown: 'Strengths', sentences: ['Amy is kind.', 'She cooks.'] }]);
  });

  it('reads a bold line of its own as a heading under Markdown headings', () => {
    const doc = markdown('# Plan\n\n**Strengths**\n\n- Amy is kind.\n- She cooks.\n\n## Risks\n\nFalls.\n');
    expect(sections(doc)).toEqual([{ title: 'Strengths', shown: 'Strengths', sentences: ['Amy is kind.', 'She cooks.'] }]);
  });

  it('finds nothing when no heading is wanted', () => {
    expect(sections(markdown('# Plan\n\n## Risks\n\nFalls.\n'))).toEqual([]);
    expect(sections(plain('Amy is kind. She cooks.'))).toEqual([]);
  });
});
