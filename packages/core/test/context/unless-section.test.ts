/**
 * `unless` with `scope: section`: a pattern anywhere in the same section (under the same heading in
 * Markdown, HTML or Word; the paragraph in plain text or a document without headings) cancels the
 * rule's matches there, and nowhere else. `match` patterns cannot take it (the schema refuses it).
 */
import { describe, expect, it } from 'vitest';
import { analyse, sectionAround } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import { markdown } from '../../src/readers/markdown.js';
import { text as readText } from '../../src/readers/text.js';
import { SourdoughError } from '../../src/errors.js';
import { testRule } from './test-rules.js';

const rule = testRule('control/t-locked', ['kept locked'], {
  unless: [{ regex: '\\bDoLS\\b', scope: 'section' }],
  examples: { flag: ['The door is kept locked.'], pass: ['A DoLS is in place. The door is kept locked.'] },
});
const set = compileRules([rule]);
const found = (doc: Parameters<typeof analyse>[0]) => analyse(doc, set).findings.map((f) => f.text);

describe('unless scope: section', () => {
  it('in plain text reads the paragraph: another sentence of it cancels, another paragraph does not', () => {
    expect(found('A DoLS authorisation is in place.\nThe door is kept locked at night.')).toEqual([]);
    expect(found('A DoLS authorisation is in place.\n\nThe door is kept locked at night.')).toEqual(['kept locked']);
    expect(found('The door is kept locked at night.\n\nA DoLS authorisation is in place.')).toEqual(['kept locked']);
  });

  it('in Markdown reads the part under the same heading, blank lines and lists included', () => {
    const same = '# Plan\n\n## Restrictions\n\nLegal basis: DoLS standard authorisation.\n\n- The door is kept locked at night.\n';
    expect(found(markdown(same))).toEqual([]);
    const other = '# Plan\n\n## Legal basis\n\nDoLS standard authorisation.\n\n## Evenings\n\nThe door is kept locked at night.\n';
    expect(found(markdown(other))).toEqual(['kept locked']);
    // A Markdown document without headings falls back to paragraphs.
    expect(found(markdown('A DoLS is in place.\n\nThe door is kept locked.'))).toEqual(['kept locked']);
  });

  it('keeps the other scopes as they were', () => {
    const sentence = compileRules([testRule('control/t-locked2', ['kept locked'], { unless: [{ regex: '\\bDoLS\\b' }] })]);
    expect(analyse('A DoLS is in place.\nThe door is kept locked.', sentence).findings.map((f) => f.text)).toEqual(['kept locked']);
  });

  it('gives the section around a position', () => {
    const doc = readText('One.\nTwo.\n\nThree.\n \nFour.');
    const t = doc.text;
    expect(sectionAround(doc, t.indexOf('Two'))).toEqual([0, t.indexOf('\n\n')]);
    expect(t.slice(...sectionAround(doc, t.indexOf('Three')))).toBe('Three.');
    expect(t.slice(...sectionAround(doc, t.indexOf('Four')))).toBe('Four.');
    const md = markdown('Intro.\n\n## A\n\nText a.\n\n## B\n\nText b.\n');
    expect(md.text.slice(...sectionAround(md, md.text.indexOf('Text a')))).toMatch(/^\s*A\s+Text a\.\s*$/);
    expect(md.text.slice(...sectionAround(md, md.text.indexOf('Intro')))).toBe('Intro.\n\n');
  });

  it('is refused on a compromise match pattern', () => {
    const bad = testRule('control/t-bad', ['kept locked'], { unless: [{ match: 'door #Adverb? locked', scope: 'section' }] as never });
    expect(() => compileRules([bad])).toThrow(SourdoughError);
  });
});
