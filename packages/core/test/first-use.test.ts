/**
 * Two rule fields for abbreviations (docs/writing-rules.md §2): `suggestFor`, the wording for one
 * matched term ("PA" is offered "personal assistant", not "direct payment"), and `firstUseOnly`,
 * one finding at the first unexplained use of each abbreviation in a document, its message
 * counting the uses after it (written out once, it explains them all). Run on the built-in rules
 * read from rules/, and on small test rules for the edges.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { compileRules, ruleSuggestions } from '../src/rules/compile.js';
import { loadRulePack } from '../src/node.js';
import type { Finding, RuleData } from '../src/types.js';
import { testRule } from './context/test-rules.js';
import { failure, repoRuleSet } from './helpers.js';

const jargon = repoRuleSet((r) => r.category === 'jargon');
const of = (text: string, rule: string, options: Parameters<typeof analyse>[2] = {}): Finding[] =>
  analyse(text, jargon, { kind: 'note', ...options }).findings.filter((f) => f.ruleId === rule);

describe('suggestFor: the wording for the very words matched', () => {
  it('offers each abbreviation its own words, not the others the rule covers', () => {
    const [pa] = of('Tilly met her new PA on Monday.', 'jargon/support-acronyms');
    expect(pa!.suggestions).toEqual(['personal assistant']);
    const [dps] = of('Both DPs are paid into one account.', 'jargon/support-acronyms');
    expect(dps!.suggestions).toEqual(['direct payments']);
    const [pb] = of('The PB was agreed at panel on Friday.', 'jargon/support-acronyms');
    expect(pb!.suggestions).toEqual(['personal budget']);
  });

  it('compares the words without regard to case', () => {
    const [tds] = of('Paracetamol tds with food.', 'jargon/medication-shorthand');
    expect(tds!.suggestions).toEqual(['three times a day']);
    const [prn] = of('Lorazepam p.r.n. at night.', 'jargon/medication-shorthand');
    expect(prn!.suggestions).toEqual(['as needed', 'when (name) asks for it']);
  });

  it("falls back on the rule's suggest for words without an entry", () => {
    const [bed] = of('Dev went to a P3 bed on Tuesday.', 'jargon/hospital-shorthand');
    expect(bed!.text).toBe('P3 bed');
    expect(bed!.suggestions).toEqual(jargon.byId.get('jargon/hospital-shorthand')!.data.suggest);
    const [nok] = of('His NOK was told on the ward.', 'jargon/hospital-shorthand');
    expect(nok!.suggestions).toEqual(['next of kin']);
  });

  it("lists every term's wording for a summary of the rule, a plural's only with its singular", () => {
    expect(ruleSuggestions({ suggest: ['describe the support'], suggestFor: { PA: ['personal assistant'], PAs: ['personal assistants'], DP: ['direct payment'], DoLS: ['Deprivation of Liberty Safeguards'] } })).toEqual([
      'personal assistant (for “PA”)',
      'direct payment (for “DP”)',
      'Deprivation of Liberty Safeguards (for “DoLS”)',
      'describe the support',
    ]);
    expect(ruleSuggestions({ suggest: ['declined', 'chose not to'] })).toEqual(['declined', 'chose not to']);
    expect(ruleSuggestions({ suggest: ['say what you will do'], suggestFor: { impact: ['affect'], impacted: ['affect'], dialogue: ['talk to'] } })).toEqual([
      'affect (for “impact”, “impacted”)',
      'talk to (for “dialogue”)',
      'say what you will do',
    ]);
  });

  it('is refused by the schema when an entry is empty or not a list', () => {
    const rule = (suggestFor: unknown) => ({ ...testRule('jargon/t-abbr', ['XYZ']), suggestFor }) as unknown as RuleData;
    expect(failure(() => compileRules([rule({ XYZ: [] })])).code).toBe('SD_ERR_RULE_SCHEMA');
    expect(failure(() => compileRules([rule({ XYZ: 'the words' })])).code).toBe('SD_ERR_RULE_SCHEMA');
    expect(() => compileRules([rule({ XYZ: ['the words'] })])).not.toThrow();
  });
});

describe('every built-in suggestFor term is used', () => {
  // A term is live when a finding from the rule's own flag examples is that term or holds it as
  // whole words (with a final "s" added or taken off, apostrophes straightened), as suggestionsFor() looks it up: a mistyped or stale
  // term would never be offered.
  const all = repoRuleSet();
  const holds = (text: string, term: string, t0 = term.replace(/[’‘]/g, "'")): boolean =>
    [t0, t0.endsWith('s') ? t0.slice(0, -1) : `${t0}s`].some((t) => new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text));
  const withEntries = all.rules.filter((r) => r.data.suggestFor);
  it('has rules with entries', () => expect(withEntries.length).toBeGreaterThan(5));
  it.each(withEntries.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const texts = rule.data.examples.flag.flatMap((ex) => analyse(ex, all).findings.filter((f) => f.ruleId === rule.id && f.text).map((f) => f.text!));
    for (const term of Object.keys(rule.data.suggestFor!)) expect(texts.some((t) => holds(t.replace(/\s+/g, ' ').replace(/[’‘]/g, "'"), term)), `suggestFor.${term} in ${JSON.stringify(texts)}`).toBe(true);
  });
});

describe('suggestFor: a term held in longer words', () => {
  const dehumanising = repoRuleSet((r) => r.category === 'dehumanising');
  const sugg = (text: string, rule: string) => analyse(text, dehumanising, { kind: 'note' }).findings.find((f) => f.ruleId === rule)?.suggestions;
  it('takes the entry for a term the words hold, with or without a final "s"', () => {
    expect(sugg('The ward had a psychotic who shouted all night.', 'dehumanising/schizophrenic')).toEqual(['person experiencing psychosis']);
    expect(sugg('Her brother was a depressive for years.', 'dehumanising/epileptic')).toEqual(['person with depression', 'has depression']);
    expect(sugg('The group is for epileptics and their families.', 'dehumanising/epileptic')).toEqual(['person with epilepsy', 'has epilepsy']);
    expect(sugg('Both LAC reviews were moved to the school.', 'dehumanising/lac-review')).toEqual(["[Name]'s review", 'my meeting']);
  });
  it('prefers the longest term, and falls back on suggest when none is held', () => {
    const rule = { ...testRule('jargon/t-words', ['old bag', 'bag lady', 'bag']), suggestFor: { bag: ['a'], 'bag lady': ['b'] } } as RuleData;
    const set = compileRules([rule]);
    expect(analyse('She is a bag lady.', set).findings[0]!.suggestions).toEqual(['b']);
    expect(analyse('He has an old bag.', set).findings[0]!.suggestions).toEqual(['a']);
    const none = { ...testRule('jargon/t-words', ['old bag']), suggest: ['general'], suggestFor: { lady: ['b'] } } as RuleData;
    expect(analyse('He has an old bag.', compileRules([none])).findings[0]!.suggestions).toEqual(['general']);
  });
  it('reads a curly apostrophe as a straight one, in the words and in the term', () => {
    const ward = (text: string) => of(text, 'jargon/hospital-shorthand')[0]?.suggestions;
    expect(ward('Pt’s wife rang the ward at nine.')).toEqual(["the person's name, with 's"]);
    expect(ward("Pt's wife rang the ward at nine.")).toEqual(["the person's name, with 's"]);
    const rule = { ...testRule('jargon/t-apos', ["O'Brien's way"]), suggestFor: { 'O’Brien’s way': ['curly'] } } as RuleData;
    expect(analyse("We went O'Brien's way.", compileRules([rule])).findings[0]!.suggestions).toEqual(['curly']);
  });
});

describe('firstUseOnly: one finding at the first use of each abbreviation', () => {
  const plan = [
    'Morning support',
    '',
    'Her PA comes at eight. The PA helps her wash and dress.',
    '',
    'Evenings',
    '',
    'The PA cooks tea with her. Her PA leaves at nine. Another PA covers weekends.',
  ].join('\n');

  it('reports the first use and counts the rest in its message', () => {
    const found = of(plan, 'jargon/support-acronyms');
    expect(found).toHaveLength(1);
    expect(found[0]!.start!.offset).toBe(plan.indexOf('PA'));
    expect(found[0]!.message).toBe('“PA” is an abbreviation the person may not know; write it out. “PA” comes up 4 more times after this: written out in full here, it explains those too.');
    expect(plan.slice(found[0]!.start!.offset, found[0]!.end!.offset)).toBe(found[0]!.text);
  });

  it('counts the document’s findings once, in its stats', () => {
    const result = analyse(plan, jargon, { kind: 'note' });
    expect(result.findings.filter((f) => f.ruleId === 'jargon/support-acronyms')).toHaveLength(1);
    expect(result.stats.byCategory.jargon).toBe(result.findings.filter((f) => f.category === 'jargon').length);
  });

  it('says "once more" for a single repeat, and nothing for none', () => {
    const [two] = of('His DP started in May. The DP pays for a gardener.', 'jargon/support-acronyms');
    expect(two!.message).toMatch(/“DP” comes up once more after this/);
    const [one] = of('His DP started in May.', 'jargon/support-acronyms');
    expect(one!.message).toBe('“DP” is an abbreviation the person may not know; write it out.');
  });

  it('keeps each abbreviation apart, and a plural with its singular', () => {
    const found = of('Sam has two PAs and a DP. One PA drives. The DP pays both PAs.', 'jargon/support-acronyms');
    expect(found.map((f) => f.text)).toEqual(['PAs', 'DP']);
    expect(found[0]!.message).toMatch(/“PAs” comes up 2 more times/);
    expect(found[1]!.message).toMatch(/“DP” comes up once more/);
  });

  it('counts only the uses before the abbreviation is written out', () => {
    const text = 'Her PA starts soon. The PA is new. She chose a personal assistant (PA) she met at college. The PA drives.';
    const found = of(text, 'jargon/support-acronyms');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/comes up once more after this/);
  });

  it('folds the repeats of every rule marked firstUseOnly', () => {
    const text = 'The MCA applies here. We read the MCA code with Dev. A DoLS was granted. The DoLS ends in May. The DoLS is reviewed.';
    const found = analyse(text, jargon, { kind: 'note' }).findings.filter((f) => ['jargon/mca', 'jargon/dols'].includes(f.ruleId));
    expect(found.map((f) => [f.text, /comes up (once more|\d+ more times)/.exec(f.message)?.[1]])).toEqual([
      ['MCA', 'once more'],
      ['DoLS', '2 more times'],
    ]);
  });

  it('leaves a first use at info where it is, and reports the first the writer could explain', () => {
    // In a plan in the person's voice, "my PA" is their own word for their support (info).
    const text = 'I like my PA. She helps me cook. The PA comes on Tuesdays. The PA stays for lunch.';
    const found = analyse(text, jargon, { kind: 'plan' }).findings.filter((f) => f.ruleId === 'jargon/support-acronyms');
    expect(found.map((f) => [f.text, f.severity, f.start!.offset])).toEqual([
      ['PA', 'info', text.indexOf('PA')],
      ['PA', 'warning', text.indexOf('The PA') + 4],
    ]);
    expect(found[1]!.message).toMatch(/comes up once more/);
  });

  it('still folds with the severity changed by configuration, and reports nothing below a minimum', () => {
    expect(of(plan, 'jargon/support-acronyms', { severity: { 'jargon/support-acronyms': 'error' } }).map((f) => f.severity)).toEqual(['error']);
    expect(of(plan, 'jargon/support-acronyms', { minSeverity: 'error' })).toEqual([]);
  });

  it('counts only the uses not switched off inline, and reports the first of those', () => {
    const md = ['<!-- sourdough-disable-next-line jargon/support-acronyms -->', 'Her PA starts on Monday.', '', 'The PA drives. The PA cooks.', ''].join('\n');
    const found = analyse(markdown(md), jargon, { kind: 'note' }).findings.filter((f) => f.ruleId === 'jargon/support-acronyms');
    expect(found).toHaveLength(1);
    expect(found[0]!.start!.line).toBe(4);
    expect(found[0]!.message).toMatch(/comes up once more after this/);
  });

  it('leaves rules without the field reporting every use', () => {
    const found = of('Pt is medically fit. Pt wants to go home. Pt has a cat.', 'jargon/hospital-shorthand');
    expect(found).toHaveLength(3);
  });
});

describe('firstUseOnly needs a way to write the abbreviation out', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sourdough-first-use-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const defined = { regex: '\\bsome thing \\(XYZ\\)', scope: 'defined' as const };

  it('refuses a rule without an unless of scope: defined, naming the field', () => {
    const err = failure(() => compileRules([{ ...testRule('jargon/t-abbr', ['XYZ']), firstUseOnly: true }]));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.message).toMatch(/firstUseOnly needs an unless pattern with scope: defined/);
    expect(() => compileRules([{ ...testRule('jargon/t-abbr', ['XYZ'], { unless: [defined] }), firstUseOnly: true }])).not.toThrow();
  });

  it('points at the line of the field in a rule file', () => {
    mkdirSync(join(tmp, 'jargon'), { recursive: true });
    writeFileSync(
      join(tmp, 'jargon', 't-abbr.yaml'),
      [
        'id: jargon/t-abbr',
        'category: jargon',
        'severity: warning',
        'message: "“{match}” is an abbreviation."',
        'rationale: Test.',
        'suggest: []',
        'firstUseOnly: true',
        'patterns:',
        '  - terms: ["XYZ"]',
        'examples:',
        '  flag: ["An XYZ.", "The XYZ."]',
        '  pass: ["Nothing.", "None."]',
        'sources:',
        '  - { title: "Test", url: "https://example.org/test" }',
        '',
      ].join('\n'),
    );
    const err = failure(() => loadRulePack(tmp));
    expect(err.location).toMatchObject({ field: 'firstUseOnly', line: 7 });
  });
});
