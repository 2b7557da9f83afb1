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

  it('an agentless passive ("it was felt", "it was agreed") names no one, so records no view', () => {
    expect(hits('It was felt that a quieter home would suit Ned. He is to move to Birch Court in June.')).toEqual(['is to move']);
    expect(hits('It has been agreed at panel. Ned is to attend the day centre on Fridays.')).toEqual(['is to attend']);
    // In the decision's own sentence, voice/passive-decision reports it, once.
    expect(hits('It was decided that Ned will move to Birch Court in June.')).toEqual([]);
    // Named, it is a view again.
    expect(hits('It was agreed by Ned and his sister that he is to move to Birch Court in June.')).toEqual([]);
    expect(hits('It was felt that a quieter home would suit Ned. He is to move to Birch Court, and he said he likes the garden.')).toEqual([]);
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

  it("does not count a family member's view as the person's", () => {
    expect(hits('Mum said she wants him to move. Kai is to move to Birch Court in June.')).toEqual(['is to move']);
    expect(hits('Kai will be moved to Birch Court next month. His daughter feels he would be safer there.')).toEqual(['will be moved']);
    expect(hits("Her son told me that he would like her to move nearer. Ada is to move to Elm Lodge on Monday.")).toEqual(['is to move']);
    expect(hits('Mum and Dad agreed that Theo is to attend the day centre.')).toEqual(['is to attend']);
    expect(hits('Theo is to attend the day centre. After the visit to the centre, Mum and Dad agreed.')).toEqual(['is to attend']);
    expect(hits("Zara is to move to Oak House. “It is the best place for her,” her mum said.")).toEqual(['is to move']);
    expect(hits("Kai's sister is happy for him to move. He will be moved to Birch Court in May.")).toEqual(['will be moved']);
    expect(hits('He is to move to Elm Court. The family are keen for him to go.')).toEqual(['is to move']);
    expect(hits('Kai is to move to Birch Court. Mum said she wants him to go, and his sister, who visits, agreed.')).toEqual(['is to move']);
  });

  it("still counts the person's view, reported by family or shared with them", () => {
    expect(hits('Mum said Kai wants to move. Kai is to move to Birch Court.')).toEqual([]);
    expect(hits('Mum said he is happy to move. He is to move to Birch Court.')).toEqual([]);
    expect(hits('Kai and his mum agreed he is to move to Birch Court.')).toEqual([]);
    expect(hits('Kai, Mum and Dad agreed he is to move to Birch Court.')).toEqual([]);
    expect(hits('Mum agreed with Kai that he is to move to Birch Court.')).toEqual([]);
    expect(hits('Mum wants him to move. Kai said he would like a room on the ground floor. Kai is to move to Birch Court.')).toEqual([]);
    // What the person feels, told by the family: benefit of the doubt.
    expect(hits('Her daughter said she is pleased. Ada is to move to Elm Lodge.')).toEqual([]);
    expect(hits('Kai is to move to Birch Court; his dad said, “He can’t stop talking about it.”')).toEqual([]);
    expect(hits('“He can’t stop talking about it,” said his dad. Kai is to move to Birch Court.')).toEqual([]);
    // A relative clause hands the view to its family member: only the daughter's.
    expect(hits('I spoke to his daughter, who said she wants him to move nearer. Kai is to move to Birch Court.')).toEqual(['is to move']);
    // "family" is not an adverb in "-ly", nor is "Emily".
    expect(hits('Emily wants to live nearer her sister. Emily is to move to Birch Court.')).toEqual([]);
  });

  it("counts a family member's view where they speak for the person", () => {
    // An attorney or a deputy for health and welfare.
    expect(hits('His daughter, who is his attorney for health and welfare, agreed. Kai is to move to Birch Court.')).toEqual([]);
    expect(hits('Mum, who holds deputyship, said she wants him to move. He is to move to Elm Court in May.')).toEqual([]);
    expect(hits('Her son has an LPA for health and welfare. He wants her to move nearer. Ada is to move to Elm Lodge.')).toEqual([]);
    // An attorney for money only does not decide where someone lives.
    expect(hits('Her son has an LPA for her property and money. Her son said he wants her to move nearer. Ada is to move to Elm Lodge.')).toEqual(['is to move']);
    // The person is unable to give a view, and the family is consulted (a best-interests decision).
    expect(hits('Ada lacks capacity to decide where to live. Her son said he wants her to move nearer. She is to move to Elm Lodge.')).toEqual([]);
    expect(hits('Ada was unable to give a view. Her son said he wants her to move nearer. She is to move to Elm Lodge.')).toEqual([]);
    // A young child.
    expect(hits('Leo is 3 years old. Mum wants him to go to nursery. Leo is to attend Little Oaks on Mondays.')).toEqual([]);
    // A deputy manager is staff, not a deputy for the person.
    expect(hits('The deputy manager phoned. Mum said she wants him to move. Kai is to move to Birch Court.')).toEqual(['is to move']);
    expect(hits('I spoke to his deputy manager. Mum said she wants him to move. Kai is to move to Birch Court.')).toEqual(['is to move']);
    expect(hits('Mum holds a financial LPA. Mum said she wants him to move. Kai is to move to Birch Court.')).toEqual(['is to move']);
    expect(hits('Mum is his deputy for property and affairs. Mum said she wants him to move. Kai is to move to Birch Court.')).toEqual(['is to move']);
    expect(hits('Mum is his welfare deputy. Mum said she wants him to move. Kai is to move to Birch Court.')).toEqual([]);
  });
});
