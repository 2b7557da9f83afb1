/**
 * A form's own question about whoever the form is for (context/form-question.ts): "Has the person
 * refused any services?", "Is there any history of aggression?" are the template asking, so a
 * label in them is shown at `info`; a question about someone named, and a gatekeeping question,
 * stay findings.
 */
import { describe, expect, it } from 'vitest';
import { isFieldAnsweredNo, isFormQuestion } from '../../src/context/form-question.js';
import { analyse } from '../../src/analyse.js';
import { markdown } from '../../src/readers/markdown.js';
import { compileRules } from '../../src/rules/compile.js';
import { repoRules } from '../helpers.js';

const { rules, allow } = repoRules();
const set = compileRules(rules, { allow, validate: false });
const counted = (t: string): string[] =>
  analyse(t, set).findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'privacy/person-name').map((f) => `${f.ruleId}:${f.text}`);

describe('isFormQuestion', () => {
  const at = (s: string, w: string) => isFormQuestion(s, s.indexOf(w), s.indexOf(w) + w.length);
  it("reads a yes/no question about the form's generic subject, numbered or not", () => {
    expect(at('Did the adult decline support with meals when it was last offered?', 'decline')).toBe(true);
    expect(at('7) Is the young person thought to be at risk of going missing?', 'going missing')).toBe(true);
    expect(at('Q2 Are there any known incidents of violence towards carers?', 'violence')).toBe(true);
    expect(at('Has this individual been described as hostile by other agencies?', 'hostile')).toBe(true);
    // The next question on a form after a tick box, in the same sentence.
    expect(at('☐ Yes ☒ No Has the adult ever been described as hostile?', 'hostile')).toBe(true);
  });
  it('leaves statements, questions about someone named, and words after the question mark', () => {
    expect(at('The person was hostile to the carers.', 'hostile')).toBe(false);
    expect(at('Was Dylan hostile to the carers?', 'hostile')).toBe(false);
    expect(at('Why does the person get so hostile?', 'hostile')).toBe(false);
    expect(at('Is the person at home? She was hostile to the carers.', 'hostile')).toBe(false);
  });
});

describe('isFieldAnsweredNo', () => {
  const at = (s: string, w: string, next?: string) => isFieldAnsweredNo(s, s.indexOf(w), s.indexOf(w) + w.length, next);
  it("reads a form field's name answered with a plain no", () => {
    expect(at('Previous hostility to staff: none reported.', 'hostility')).toBe(true);
    expect(at('  Hostile towards carers?   No', 'Hostile')).toBe(true);
    expect(at('Hostile towards carers?', 'Hostile', 'N/A')).toBe(true);
  });
  it('leaves an answer that says more, a sentence of prose, and a field answered yes', () => {
    expect(at('Hostile towards carers: yes, when rushed in the morning.', 'Hostile')).toBe(false);
    expect(at('Dylan was hostile: no one knew why.', 'hostile')).toBe(false);
    expect(at('Hostile towards carers?', 'Hostile', 'Yes, twice this month.')).toBe(false);
    expect(at('Hostility to staff: low.', 'Hostility')).toBe(false);
  });
});

describe('through analyse()', () => {
  it('shows a label in a form question at info, and reads the answer under it as usual', () => {
    const md = '**4. Has the person ever refused care from a male worker? If so, give details.**\nYes: Amal refused personal care from a male worker in June.\n';
    const f = analyse(markdown(md), set).findings.filter((x) => x.ruleId === 'blaming/refuses');
    expect(f.map((x) => [x.text, x.severity])).toEqual([['refused', 'info'], ['refused', 'warning']]);
    expect(f[0]!.message).toContain('a form’s question');
    expect(counted('Is there any history of aggressive behaviour towards staff at the centre?')).toEqual([]);
    const form = markdown('**Any history of aggression:** None known.\n\n**Refuses medication?** No.\n\n**Refuses meals?** Yes, most lunchtimes.\n');
    expect(analyse(form, set).findings.filter((x) => x.category === 'blaming').map((x) => [x.text, x.severity])).toEqual([
      ['aggression', 'info'], ['Refuses', 'info'], ['Refuses', 'warning'],
    ]);
  });
  it('keeps a question about someone named, and a gatekeeping question', () => {
    expect(counted('Has Owen been aggressive towards staff this week?')).toEqual(['blaming/aggressive:aggressive']);
    expect(counted("Is the person's gym membership a need or a want?").length).toBeGreaterThan(0);
  });
});
