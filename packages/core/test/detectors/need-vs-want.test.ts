/** The need-vs-want detector: needs re-labelled as wants, never the person's own wishes. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import type { RuleData } from '../../src/types.js';
import { needVsWant, needVsWantParts } from '../../src/detectors/need-vs-want.js';
import { repoRules } from '../helpers.js';

const set = compileRules([
  {
    id: 'gatekeeping/test-need-vs-want',
    category: 'gatekeeping',
    severity: 'warning',
    message: '“{match}”.',
    rationale: 'Test rule.',
    suggest: [],
    detector: 'need-vs-want',
    examples: { flag: ['x'], pass: ['y'] },
    sources: [{ title: 't', url: 'https://example.org' }],
  } satisfies RuleData,
]);
const texts = (text: string) => analyse(text, set).findings.map((f) => f.text);

describe('need-vs-want', () => {
  it.each([
    ['Is swimming a need or a want?', 'a need or a want'],
    ['The gym is a want not a need.', 'a want not a need'],
    ['That is a want rather than a need.', 'a want rather than a need'],
    ['Trips out are wants, not needs.', 'wants, not needs'],
    ['Social activities are not a need.', 'are not a need'],
    ["Holidays aren't a real need.", "aren't a real need"],
    ['Is the gym a need or just a want?', 'a need or just a want'],
    ['Is the weekly cinema trip really a need?', 'really a need'],
    ['His request for a holiday is a want, not an eligible need.', 'a want, not'],
    ['The manager called it a lifestyle choice.', 'lifestyle choice'],
    ['This seems more like a want.', 'seems more like a want'],
    ['It is a preference rather than a need.', 'a preference rather than a need'],
    ['We talked about needs vs wants.', 'needs vs wants'],
    ['Swimming is seen as a "want" by the panel.', 'is seen as a "want"'],
    ['His trips out were classed as wants.', 'were classed as wants'],
  ])('flags %j as %j', (text, span) => {
    expect(texts(text)).toEqual([span]);
  });

  it.each([
    'I want to go swimming.',
    'What she needs is a ramp.',
    'Jack wants to see his brother more often.',
    'Amira needs help to shower.',
    'There is not a need for a second carer now.',
    'Swimming is a need, not a want, for Jack.',
    'Jack is not needy; he asks for help when he needs it.',
    'We discussed his needs and wants for the coming year.',
    'The review was not needs-led.',
    // Left to gatekeeping/not-eligible ("eligible need" is a protected phrase).
    "Holidays aren't an eligible need.",
    'The weekly cinema trip is really a need for Jack.',
  ])('does not flag %j', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('has a global trigger that lets through every flag example of its rule', () => {
    const trigger = needVsWant.meta.trigger!;
    expect(trigger.global).toBe(true);
    const rule = repoRules().rules.find((r) => r.id === 'gatekeeping/need-vs-want')!;
    expect(rule.examples.flag.length).toBeGreaterThan(1);
    for (const text of rule.examples.flag) {
      trigger.lastIndex = 0;
      expect(trigger.test(text), text).toBe(true);
    }
  });

  it('searches a sentence with a pattern only when it holds the words every match of that pattern holds', () => {
    const { PATTERNS, NEED, WANT, LIFESTYLE } = needVsWantParts;
    const rule = repoRules().rules.find((r) => r.id === 'gatekeeping/need-vs-want')!;
    const base = [...rule.examples.flag, ...rule.examples.pass, 'Is it a NEED or a Want?', 'Needs V. Wants', 'a LIFESTYLE Choice', 'whether the trips out are really an essential need'];
    // Each text as written, upper-cased and in alternating case.
    const samples = base.flatMap((t) => [t, t.toUpperCase(), [...t].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')]);
    let matched = 0;
    for (const text of samples) {
      PATTERNS.forEach(({ re, words: needed }, i) => {
        for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
          const lower = m[0].toLowerCase();
          const words = (lower.includes('need') ? NEED : 0) | (lower.includes('want') ? WANT : 0) | (lower.includes('lifestyle') ? LIFESTYLE : 0);
          expect(words & needed, `${i}: ${m[0]}`).toBe(needed);
          matched++;
        }
      });
    }
    expect(matched).toBeGreaterThan(20);
  });
});
