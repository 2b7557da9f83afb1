/** The strengths-section (DEF-21) and about-me-problems (DEF-22) detectors. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';
import { markdown } from '../../src/readers/markdown.js';
import { isDeficitLed, isStrengthsTitle } from '../../src/detectors/strengths-section.js';
import { isAboutTitle } from '../../src/detectors/about-me-problems.js';

const set = builtinRuleSet();
const hits = (rule: string, text: string, md = false): string[] =>
  analyse(md ? markdown(text) : text, set)
    .findings.filter((f) => f.ruleId === rule)
    .map((f) => {
      expect(text.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      return f.text;
    });
const strengths = (text: string, md = false): string[] => hits('deficit/strengths-section', text, md);
const aboutMe = (text: string, md = false): string[] => hits('deficit/about-me-problems', text, md);

describe('strengths-section', () => {
  it('knows strengths headings, and leaves headings that name needs or eligibility', () => {
    for (const t of ['Strengths', 'My strengths', "Sam's strengths and interests", 'What people like and admire about me', 'Things others appreciate about Sam', "What's working well", 'Positive things about me', 'What I am good at', 'Gifts and talents'])
      expect(isStrengthsTitle(t), t).toBe(true);
    for (const t of ['Strengths and needs', 'Strengths and difficulties', 'Strengths-based practice', 'Strengths and Difficulties Questionnaire (SDQ)', 'Eligibility', 'Risks', 'What is not working', 'About me'])
      expect(isStrengthsTitle(t), t).toBe(false);
  });

  it('counts a sentence as deficit-led only when nothing good is said in it', () => {
    expect(isDeficitLed('He cannot cook.')).toBe(true);
    expect(isDeficitLed('She has poor concentration.')).toBe(true);
    expect(isDeficitLed('He needs help with his tablets.')).toBe(true);
    expect(isDeficitLed("She isn't able to use the bus.")).toBe(true);
    expect(isDeficitLed('He is kind, though he cannot read.')).toBe(false);
    expect(isDeficitLed('She never fails to make us laugh.')).toBe(false);
    expect(isDeficitLed('He does not lack patience.')).toBe(false);
    expect(isDeficitLed('She said "I can\'t cook" and laughed.')).toBe(false);
    expect(isDeficitLed('He can\'t always find his keys but has found ways to manage.')).toBe(false);
  });

  it('reads Markdown list items without full stops as the items of the section they follow', () => {
    // A bold line, a blank line, then a list: the items are not heading lines that end the section.
    expect(strengths("# Plan\n\n**Strengths**\n\n- Can't cook\n- Unable to read\n- Lacks confidence\n\n## Goals\n\nA job.\n", true)).toEqual(['Strengths']);
    expect(strengths("# Plan\n\n**Strengths**\n\n- Kind\n- Funny\n\n**What's not working**\n\n- Can't get out\n- Unable to sleep\n- Lacks a quiet room\n", true)).toEqual([]);
  });

  it('reads a one-sentence list item by item when nothing in it is good', () => {
    expect(strengths('Strengths: cannot cook, cannot read, lacks confidence and has a poor memory.\nNeeds: meals.\n')).toEqual(['Strengths']);
    expect(strengths("Strengths: kind, funny, can't read yet and loves football.\n")).toEqual([]);
  });

  it('reports the heading when most of the section says what the person cannot do', () => {
    expect(strengths('Strengths\n\nAmy cannot cook. She lacks confidence. She struggles with buses.')).toEqual(['Strengths']);
    const f = analyse('Strengths\n\nAmy cannot cook. She lacks confidence. She sings. She struggles with buses.', set).findings.find((x) => x.ruleId === 'deficit/strengths-section')!;
    expect(f.message).toBe('Most of this strengths section (3 of 4 points) is about what the person cannot do.');
    expect(strengths('## What people like and admire about me\n\n- I can\'t read\n- I find noise hard\n- I need help with money\n', true)).toEqual(['What people like and admire about me']);
  });

  it('leaves a section where deficits are half or fewer, or fewer than two', () => {
    expect(strengths('Strengths\n\nAmy cannot cook. She lacks confidence. She sings. She loves dogs.')).toEqual([]);
    expect(strengths('Strengths\n\nAmy cannot cook.')).toEqual([]);
  });

  it('counts "can no longer" and "has not been able to" as what the person cannot do', () => {
    expect(isDeficitLed('She can no longer manage the stairs or the shopping.')).toBe(true);
    expect(isDeficitLed('He has not been able to keep up with the allotment since the spring.')).toBe(true);
    expect(isDeficitLed("They haven't been able to get out since the winter.")).toBe(true);
    expect(isDeficitLed('She is unable to keep her job going alongside the caring.')).toBe(true);
    expect(isDeficitLed('He is caring, though he cannot read.')).toBe(false);
    expect(isDeficitLed('She can still make everyone laugh.')).toBe(false);
    expect(
      strengths("## Beth's strengths\n\nBeth is unable to manage the night-time care and can no longer keep her job going as well.\n\nShe has not been able to get to her knitting group since June.\n\n## Next\n", true),
    ).toEqual(["Beth's strengths"]);
  });

  it('reads only the section: deficits under the next heading are not counted', () => {
    const md = '## Strengths\n\nAmy sings in a choir.\n\n## Support needs\n\nAmy cannot cook. She lacks confidence. She struggles with buses.\n';
    expect(strengths(md, true)).toEqual([]);
  });

  it('leaves eligibility sections alone: "unable to achieve" is the statutory test', () => {
    expect(strengths('Eligibility\n\nAmy is unable to achieve two outcomes. She cannot prepare food. She needs help to wash.')).toEqual([]);
  });

  it('reports a strengths section recorded as empty, with its own message', () => {
    const doc = analyse('Strengths: none identified\nRisks: falls.', set);
    const f = doc.findings.find((x) => x.ruleId === 'deficit/strengths-section')!;
    expect(f.text).toBe('Strengths');
    expect(f.message).toBe('No strengths are recorded under “Strengths”.');
    expect(strengths('Strengths\n\nN/A\n\nRisks\n\nFalls.')).toEqual(['Strengths']);
    expect(strengths('Strengths\n\nNot known yet; Amy has only just moved in and we are getting to know her.')).toEqual([]);
  });
});

describe('about-me-problems', () => {
  it('knows "about me" headings', () => {
    for (const t of ['About me', 'All about Sam', 'My story', "Sam's life story", 'What matters to me', "What's important to Sam", 'Who I am', 'Pen picture', 'One-page profile', 'About me (Sam)', 'All about me, by Tilly', 'About me – written with Deniz', 'My story: by Ravi'])
      expect(isAboutTitle(t), t).toBe(true);
    for (const t of ['About this plan', 'About the service', 'Risks', 'Presenting problem', 'Background', 'About me, problems and risks'])
      expect(isAboutTitle(t), t).toBe(false);
  });

  it('reports problems and issues as the frame of the section', () => {
    expect(aboutMe('About me\n\nPresenting problem: debt. Sam lives alone.')).toEqual(['Presenting problem']);
    expect(aboutMe("About me\n\nSam's main problems are drink and debt.")).toEqual(["Sam's main problems"]);
    expect(aboutMe('About me\n\nHis issues include debt and isolation.')).toEqual(['His issues']);
    expect(aboutMe('About me\nName: Sam\nIssues: debt, isolation\n')).toEqual(['Issues']);
    expect(aboutMe('## All about Sam\n\nSam has multiple problems with his memory.\n', true)).toEqual(['multiple problems']);
    expect(aboutMe('## About me\n\nYou have problems with money, with reading and with your flat. Your main issues are loneliness.\n', true)).toEqual(['problems with money', 'Your main issues']);
    expect(aboutMe('About me\n\nSam has issues with his temper.')).toEqual(['issues with his temper']);
  });

  it('leaves the person\'s own words, a family member\'s problems, other sections and negation', () => {
    expect(aboutMe('About me\n\nMy main problems are my knees.')).toEqual([]);
    expect(aboutMe('About me\n\nI have many issues with the council, and I want that written down.')).toEqual([]);
    expect(aboutMe("About me\n\nSam cares for his mum. Mum's problems with her back mean he does the lifting.")).toEqual([]);
    expect(aboutMe("About me\n\nSam has had problems with his neighbours and with the boiler. The team's issues with staffing are in the review.")).toEqual([]);
    expect(aboutMe("Risks\n\nSam's main problems are drink and debt.")).toEqual([]);
    expect(aboutMe("Sam's main problems are drink and debt.")).toEqual([]);
    expect(aboutMe('About me\n\nSam said: "My main problem is the stairs."')).toEqual([]);
  });
});
