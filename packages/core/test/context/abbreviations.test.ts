/** Abbreviations a document spells out, in whatever words (context/abbreviations.ts), and the jargon rules that respect them. */
import { describe, expect, it } from 'vitest';
import { abbreviationDefined, abbreviationDefinitions, abbreviationsIn, isAbbreviation, longFormStart, mayHoldAbbreviation } from '../../src/context/abbreviations.js';
import { analyse } from '../../src/analyse.js';
import { markdown } from '../../src/readers/markdown.js';
import { testRule, testSet } from './test-rules.js';

const defined = (text: string) => [...abbreviationDefinitions(text)].map(([short, start]) => [short, text.slice(start, start + 12)]);

describe('longFormStart', () => {
  it('reads the short form back through the words, first letters first', () => {
    const long = 'Her relevant person’s representative';
    expect(long.slice(longFormStart('RPR', long))).toBe('relevant person’s representative');
    expect(longFormStart('RPR', 'the Deprivation of Liberty Safeguards')).toBe(-1);
    expect('the Deprivation of Liberty Safeguards'.slice(longFormStart('DoLS', 'the Deprivation of Liberty Safeguards'))).toBe('Deprivation of Liberty Safeguards');
  });

  it('finds a letter inside a word when no word begins with it, but the first letter must begin one', () => {
    expect('two personal assistants'.slice(longFormStart('PAs', 'two personal assistants'))).toBe('personal assistants');
    expect(longFormStart('XPA', 'two personal assistants')).toBe(-1);
    expect(longFormStart('PA', 'her sister Jo')).toBe(-1);
  });

  it('passes over digits and "&" in the short form', () => {
    expect('Discharge to assess'.slice(longFormStart('D2A', 'Discharge to assess'))).toBe('Discharge to assess');
    expect(longFormStart('A&E', 'accident and emergency')).toBeGreaterThanOrEqual(0);
    expect([...abbreviationDefinitions('Jack went to accident and emergency (A&E) on Sunday.').keys()]).toEqual(['A&E']);
  });
});

describe('abbreviationDefinitions', () => {
  it('finds the short form in brackets after its long form, with or without an article, quotes or "known as"', () => {
    expect(defined('The Mental Capacity Act 2005 (MCA) applies.')).toEqual([['MCA', 'Mental Capac']]);
    expect(defined('The Care Quality Commission (the CQC) visited.')).toEqual([['CQC', 'Care Quality']]);
    expect(defined('The Deprivation of Liberty Safeguards (“DoLS”) apply.')).toEqual([['DOLS', 'Deprivation ']]);
    // A long form in quotation marks: a curly quote is not part of the word after it.
    expect(defined('The “Deprivation of Liberty Safeguards” (DoLS) apply.')).toEqual([['DOLS', 'Deprivation ']]);
    expect(defined('Amira takes direct payments (known as DPs).')).toEqual([['DPS', 'direct payme']]);
  });

  it('finds a short form after a comma closing the bracket that holds its long form', () => {
    expect(defined('Jack met his advocate (Independent Mental Capacity Advocate, IMCA) twice.')).toEqual([['IMCA', 'Independent ']]);
    expect(defined('Ola came (with her relevant person’s representative, the RPR) on Monday.')).toEqual([['RPR', 'relevant per']]);
    // Not a list of other things in a bracket.
    expect(defined('Visits (from the nurse, OT) went well.')).toEqual([]);
    expect(defined('Jack saw his team (Sam and Jo, MDT) today.')).toEqual([]);
  });

  it('finds a short form introduced in words', () => {
    expect(defined('The Care Quality Commission, known as the CQC, inspected.')).toEqual([['CQC', 'Care Quality']]);
    expect(defined('Making Safeguarding Personal, or MSP, means asking Zara.')).toEqual([['MSP', 'Making Safeg']]);
    expect(defined('A Multi-Agency Public Protection Arrangements meeting, usually called MAPPA, was held.')).toEqual([['MAPPA', 'Multi-Agency']]);
    expect(defined('Jack has a personal assistant, usually called a PA.')).toEqual([['PA', 'personal ass']]);
  });

  it('finds a short form followed by its long form in brackets', () => {
    expect(defined('The MCA (Mental Capacity Act 2005) says so.')).toEqual([['MCA', 'MCA (Mental ']]);
    expect(defined('Her RPR (the relevant person’s representative) is Kaz.')).toEqual([['RPR', 'RPR (the rel']]);
  });

  it('finds nothing where the words do not spell the short form out', () => {
    expect(defined('Jack’s PA (his sister Jo) helps him shop.')).toEqual([]);
    expect(defined('The MDT (met on Friday) agreed the plan.')).toEqual([]);
    expect(defined('Ayo’s DoLS (expires in May) was reviewed.')).toEqual([]);
    expect(defined('The CQC (see the report) rated the home good.')).toEqual([]);
    expect(defined('Under the MCA (2005) Jack is presumed able.')).toEqual([]);
    expect(defined('The team, or MDT, met.')).toEqual([]);
    // A long form is read within its own sentence.
    expect(defined('Plans were made. (PM) was noted.')).toEqual([]);
    // A single word is not spelt out by its initials.
    expect(defined('Ask the representative (RPR).')).toEqual([]);
  });
});

describe('glossaries', () => {
  it('reads each entry of a line or heading of abbreviations, explained in any words', () => {
    expect(defined('Abbreviations used below: PRN (medicine when needed), NEWS (the early warning score).\nNo PRN given.')).toEqual([
      ['PRN', 'PRN (medicin'],
      ['NEWS', 'NEWS (the ea'],
    ]);
    expect(defined('## Glossary\n\n- **SALT**: speech and language therapy\n- BIA - best interests assessor\n\nThe BIA visited.').map((d) => d[0])).toEqual(['SALT', 'BIA']);
  });

  it('ends at the first blank line after an entry, and needs a label line of its own', () => {
    expect(defined('Abbreviations:\nGP (general practitioner)\n\nThe MDT (met on Friday) agreed.').map((d) => d[0])).toEqual(['GP']);
    expect(defined('Abbreviations are hard for people to read. The MDT (met on Friday) agreed.')).toEqual([]);
    expect(defined('We used abbreviations: the MDT (met on Friday) agreed.')).toEqual([]);
  });
});

describe('abbreviationDefined and abbreviationsIn', () => {
  const defs = abbreviationDefinitions('Jack has two personal assistants (PAs). The Care Quality Commission (CQC) visited.');
  it('compares without regard to case or a final "s", and only with definitions at or before the use', () => {
    expect(abbreviationDefined(defs, 'PA', 60)).toBe(true);
    expect(abbreviationDefined(defs, 'PAS', 60)).toBe(true);
    expect(abbreviationDefined(defs, 'cqc', 200)).toBe(true);
    expect(abbreviationDefined(defs, 'CQC', 5)).toBe(false);
    expect(abbreviationDefined(defs, 'DP', 200)).toBe(false);
    // A heading's word, with a definition in the paragraph under it (reach: that paragraph's end).
    expect(abbreviationDefined(defs, 'CQC', 5, 100)).toBe(true);
  });

  it('reads which words of a match are abbreviations', () => {
    expect(abbreviationsIn('MCA')).toEqual(['MCA']);
    expect(abbreviationsIn('DoLS authorisation')).toEqual(['DoLS']);
    expect(abbreviationsIn('reablement')).toEqual([]);
    expect(['D2A', 'SENCo', 'CiN', 'PAs'].every(isAbbreviation)).toBe(true);
    expect(['Act', 'Jo', 'Mr'].some(isAbbreviation)).toBe(false);
    // The quick test before the search: two capitals, or a capital and a digit, in the span.
    expect(['MCA', 'D2A', 'the DoLS form'].every((w) => mayHoldAbbreviation(w, 0, w.length))).toBe(true);
    expect(['signposted', 'Facilitate', 'Going forward'].some((w) => mayHoldAbbreviation(w, 0, w.length))).toBe(false);
    expect(mayHoldAbbreviation('x MCA', 2, 5)).toBe(true);
    expect(mayHoldAbbreviation('x MCA', 0, 3)).toBe(false);
  });
});

describe('jargon rules and abbreviations spelt out in the document', () => {
  const jargon = testRule('jargon/t-abbr', ['MDT'], { patterns: [{ regex: '\\b(?:MDT|CQC|LD)\\b', caseSensitive: true }] });
  const label = testRule('dehumanising/t-label', ['LAC'], { category: 'dehumanising', patterns: [{ regex: '\\bLAC\\b', caseSensitive: true }] });
  const set = testSet([jargon, label]);
  const found = (src: string, md = false) => analyse(md ? markdown(src, 'x.md') : src, set).findings.map((f) => [f.ruleId, f.text, f.start!.offset]);

  it('a jargon rule’s abbreviation spelt out earlier, in any wording, is not reported, without a pattern of the rule’s own', () => {
    expect(found('The multi-disciplinary team (MDT) met. The MDT agreed the plan.')).toEqual([]);
    expect(found('The Care Quality Commission, known as the CQC, inspected. The CQC rated it good.')).toEqual([]);
    expect(found('Jack has a learning disability (LD).\n\nThe LD team visits on Mondays.')).toEqual([]);
  });

  it('uses before the definition, undefined abbreviations and other categories are still reported', () => {
    const src = 'The MDT met. Later the multi-disciplinary team (MDT) agreed. The CQC visited.';
    expect(found(src)).toEqual([
      ['jargon/t-abbr', 'MDT', src.indexOf('MDT')],
      ['jargon/t-abbr', 'CQC', src.indexOf('CQC')],
    ]);
    const lac = 'Leo is a looked-after child (LAC). As a LAC he has reviews.';
    expect(found(lac).map((f) => f[0])).toEqual(['dehumanising/t-label', 'dehumanising/t-label']);
  });

  it('a heading’s abbreviation is explained by the first paragraph under it', () => {
    expect(found('# MDT\n\nThe multi-disciplinary team (MDT) meets on Fridays.\n', true)).toEqual([]);
  });
});
