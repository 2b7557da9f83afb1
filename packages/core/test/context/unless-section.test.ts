/**
 * `unless` with `scope: section`: a pattern anywhere in the same section (from the heading before
 * the match to the next: a reader's heading, or a plain-text heading line; a document without
 * headings is one section) cancels the rule's matches there, and nowhere else. `match` patterns
 * cannot take it (the schema refuses it).
 */
import { describe, expect, it } from 'vitest';
import { analyse, sectionAround, sentencesOf } from '../../src/analyse.js';
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
  it('in plain text reads the part under the same heading line, or the whole document without one', () => {
    expect(found('A DoLS authorisation is in place.\nThe door is kept locked at night.')).toEqual([]);
    expect(found('The door is kept locked at night.\n\nA DoLS authorisation is in place.')).toEqual([]);
    const parts = 'Legal basis\nA DoLS authorisation is in place.\n\nEvenings\nThe door is kept locked at night.';
    expect(found(parts)).toEqual(['kept locked']);
    expect(found('Evenings\nA DoLS authorisation is in place.\nThe door is kept locked at night.')).toEqual([]);
    // A line label ("Measures: …") does not divide a part.
    expect(found('A DoLS authorisation is in place.\n\nMeasures: the door is kept locked at night.')).toEqual([]);
  });

  it('in Markdown reads the part under the same heading, blank lines and lists included', () => {
    const same = '# Plan\n\n## Restrictions\n\nLegal basis: DoLS standard authorisation.\n\n- The door is kept locked at night.\n';
    expect(found(markdown(same))).toEqual([]);
    const other = '# Plan\n\n## Legal basis\n\nDoLS standard authorisation.\n\n## Evenings\n\nThe door is kept locked at night.\n';
    expect(found(markdown(other))).toEqual(['kept locked']);
    // A Markdown document without headings is one section.
    expect(found(markdown('A DoLS is in place.\n\nThe door is kept locked.'))).toEqual([]);
  });

  it('keeps the other scopes as they were', () => {
    const sentence = compileRules([testRule('control/t-locked2', ['kept locked'], { unless: [{ regex: '\\bDoLS\\b' }] })]);
    expect(analyse('A DoLS is in place.\nThe door is kept locked.', sentence).findings.map((f) => f.text)).toEqual(['kept locked']);
  });

  it('gives the section around a position', () => {
    const doc = readText('Intro line one.\nMore intro.\n\nEvenings\nThree.\nFour.');
    const t = doc.text;
    const at = (w: string) => t.slice(...sectionAround(doc, sentencesOf(doc), t.indexOf(w)));
    expect(at('More')).toBe('Intro line one.\nMore intro.\n\n');
    expect(at('Four')).toBe('Evenings\nThree.\nFour.');
    const md = markdown('Intro.\n\n## A\n\nText a.\n\n## B\n\nText b.\n');
    const mdAt = (w: string) => md.text.slice(...sectionAround(md, sentencesOf(md), md.text.indexOf(w)));
    expect(mdAt('Text a')).toMatch(/^\s*A\s+Text a\.\s*$/);
    expect(mdAt('Intro')).toMatch(/^Intro\.\s*$/);
  });

  it('is refused on a compromise match pattern', () => {
    const bad = testRule('control/t-bad', ['kept locked'], { unless: [{ match: 'door #Adverb? locked', scope: 'section' }] as never });
    expect(() => compileRules([bad])).toThrow(SourdoughError);
  });
});
