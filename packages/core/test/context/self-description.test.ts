/**
 * The person's own word for themselves (LEXICON §4.2) is read in three places: quotes.ts (a quote
 * after "describes herself as" is the person's word), disputed.ts (the person answers a reported
 * label with it) and rules/_patterns.yaml's `self-description`. One list (context/self-description.ts)
 * feeds the first two; these tests hold the YAML to the same words and check each place reads every
 * form, so the three cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { builtinSharedPatterns } from '../../src/rules/compile.js';
import { REFLEXIVES, SELF_AS_VERBS, SELF_NAMING_VERBS } from '../../src/context/self-description.js';
import { findQuotes } from '../../src/context/quotes.js';
import { isDisputedLabel } from '../../src/context/disputed.js';
import { analyse } from '../../src/analyse.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';

const pattern = builtinSharedPatterns()['self-description']!;
const source = 'regex' in pattern ? pattern.regex : '';
const yamlRegex = new RegExp(source, 'i');

/** The alternatives of the group before " (?:himself|…)" + `tail` in the YAML regex. */
function yamlVerbs(tail: string): string[] {
  const m = new RegExp(`\\(\\?:([a-z |]+)\\) \\(\\?:([a-z|]+)\\)${tail.replace(/[\\()?]/g, '\\$&')}`).exec(source);
  expect(m, `the self-description regex has a verb group before "${tail}"`).not.toBeNull();
  expect(m![2]!.split('|').sort()).toEqual([...REFLEXIVES].sort());
  return m![1]!.split('|').sort();
}

describe('self-description: one list of words', () => {
  it('rules/_patterns.yaml spells exactly the verbs and reflexives of context/self-description.ts', () => {
    expect(yamlVerbs(' as\\b')).toEqual([...SELF_AS_VERBS].sort());
    expect(yamlVerbs('\\b)')).toEqual([...SELF_NAMING_VERBS].sort());
  });

  const forms = [
    ...SELF_AS_VERBS.flatMap((v) => REFLEXIVES.map((r) => `${v} ${r} as`)),
    ...SELF_NAMING_VERBS.flatMap((v) => REFLEXIVES.map((r) => `${v} ${r}`)),
  ];

  it.each(forms)('"%s" is read by the shared pattern, by quotes and by the answered label', (form) => {
    expect(yamlRegex.test(`Sam ${form} an alcoholic in recovery.`)).toBe(true);
    // A quote after it records the person's own words (quotes.ts's speech cue).
    const quoted = `Sam ${form} “an alcoholic in recovery”.`;
    const quotes = findQuotes(quoted);
    expect(quotes.map((q) => q.kind)).toEqual(['speech']);
    // A reported label the person answers with it is theirs to dispute (disputed.ts).
    const sentence = `His aunt told me he is “an alcoholic”, but Sam ${form} sober.`;
    const at = sentence.indexOf('alcoholic');
    expect(isDisputedLabel(sentence, at, at + 'alcoholic'.length)).toBe(true);
  });

  it('the person speaking for themselves in the first person leaves their word alone', () => {
    const set = builtinRuleSet();
    for (const text of ['I describe myself as an alcoholic in recovery.', 'In my profile I call myself a recovering addict.']) {
      expect(analyse(text, set).findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
    }
    // The writer's own label in the same words is still reported.
    expect(analyse('He is an alcoholic in recovery.', set).findings.map((f) => f.ruleId)).toContain('dehumanising/alcoholic');
  });
});
