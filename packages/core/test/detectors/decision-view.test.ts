/** The decision-view detector (voice/decision-without-view): a decision done to the person with no view recorded near it. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';
import { markdown } from '../../src/readers/markdown.js';

const set = builtinRuleSet();
const hits = (text: string, md = false): string[] =>
  analyse(md ? markdown(text) : text, set)
    .findings.filter((f) => f.ruleId === 'voice/decision-without-view')
    .map((f) => {
      expect(text.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      return f.text;
    });

describe('decision-view', () => {
  it('reports the decision words, after the subject', () => {
    expect(hits('Zara is to attend the day centre on Mondays.')).toEqual(['is to attend']);
    expect(hits('They are to move to Elm Court in May.')).toEqual(['are to move']);
    expect(hits('Jack will be placed at Oak House from Monday.')).toEqual(['will be placed']);
    expect(hits('She is to be rehoused in the spring.')).toEqual(['is to be rehoused']);
  });

  it('reads two sentences on either side for a view, and no further', () => {
    const far = 'Zara is to attend the day centre. The bus comes at nine. It has a lift. Lunch is provided. Zara said she likes the art room.';
    expect(hits(far)).toEqual(['is to attend']);
    const near = 'Zara is to attend the day centre. The bus comes at nine. Zara said she likes the art room.';
    expect(hits(near)).toEqual([]);
    const before = 'Zara told me she wants to meet new people. The bus comes at nine. Zara is to attend the day centre.';
    expect(hits(before)).toEqual([]);
  });

  it('does not take a view from another section', () => {
    const md = '## Views\n\nZara said she likes the art room.\n\n## Plan\n\nZara is to attend the day centre.\n';
    expect(hits(md, true)).toEqual(['is to attend']);
    expect(hits(md.replace('## Plan\n\n', ''), true)).toEqual([]);
  });

  it('reports the plain future ("will move to") only when a home, a service or a place follows', () => {
    expect(hits('Kai will move to Birch Court in June.')).toEqual(['will move to']);
    expect(hits('He will go into a nursing home after the ward.')).toEqual(['will go into']);
    expect(hits('She will attend the Hollybank day centre on Tuesdays.')).toEqual(['will attend']);
    expect(hits('Kai will attend his dentist appointment on Monday.')).toEqual([]);
    expect(hits('She will move to the chair by the window.')).toEqual([]);
  });

  it('does not count a panel or a service agreeing as a view, but does count agreeing with the person', () => {
    expect(hits('The panel agreed Kai will move to Birch Court.')).toEqual(['will move to']);
    expect(hits('Adult services have decided she is to attend the day centre.')).toEqual(['is to attend']);
    expect(hits('The team agreed with Kai that he will move to Birch Court.')).toEqual([]);
  });

  it('leaves alone subjects that are not a person and verbs that do not agree with them', () => {
    expect(hits('Payments are to start in May.')).toEqual([]);
    expect(hits('Zara are to attend.')).toEqual([]);
    expect(hits('Support is to stay the same.')).toEqual([]);
    expect(hits('The doctor is to attend on Friday.')).toEqual([]);
    expect(hits('Her aim is to move out by the summer.')).toEqual([]);
  });
});
