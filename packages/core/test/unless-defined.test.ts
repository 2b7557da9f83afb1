/** `unless` with `scope: defined`: an abbreviation spelt out on first use explains its later uses. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { testRule, testSet } from './context/test-rules.js';

const rule = testRule('jargon/t-acronyms', ['PA'], {
  patterns: [{ regex: '\\b(?:PAs?|DPs?)\\b', caseSensitive: true }],
  unless: [{ regex: '\\b(?:[Pp]ersonal assistants?|[Dd]irect payments?) \\((?:PAs?|DPs?)\\)', caseSensitive: true, scope: 'defined' }],
});
const set = testSet([rule]);
const texts = (src: string) => analyse(src, set).findings.map((f) => [f.text, f.start!.offset]);

describe('unless scope: defined', () => {
  it('cancels later uses of the word spelt out, singular or plural, in later sentences and paragraphs', () => {
    expect(texts('Jack employs two personal assistants (PAs).\n\nHis evening PA comes at nine. Both PAs drive.')).toEqual([]);
    expect(texts('Her personal assistant (PA) starts soon. The PAs are paid weekly.')).toEqual([]);
  });

  it('leaves uses before the definition, and other abbreviations, reported', () => {
    const src = 'Her PA starts on Monday. She chose a personal assistant (PA) she knew. Her DP pays for it.';
    expect(texts(src)).toEqual([
      ['PA', src.indexOf('PA')],
      ['DP', src.indexOf('DP')],
    ]);
  });

  it('only the abbreviation spelt out: a defined DP does not explain a PA', () => {
    const src = 'Two direct payments (DPs) start in May. A PA will be chosen.';
    expect(texts(src)).toEqual([['PA', src.indexOf('PA ')]]);
  });

  const word = testRule('jargon/t-word', ['reablement'], {
    patterns: [{ terms: ['reablement'] }],
    unless: [{ regex: '\\breablement (?:is|means) short-term help\\b', scope: 'defined' }],
  });
  const wordSet = testSet([word]);
  const found = (src: string, md = false) => analyse(md ? markdown(src, 'x.md') : src, wordSet).findings.map((f) => [f.text, f.start!.offset]);

  it('an ordinary word is the same word with a capital: a definition opening a sentence explains later uses', () => {
    expect(found('Reablement is short-term help at home. Sam starts reablement on Monday.')).toEqual([]);
    expect(found('Reablement means short-term help at home. Reablement ends in May.')).toEqual([]);
  });

  it("a heading's word is explained by the first paragraph under it, headings in between skipped", () => {
    expect(found('# Reablement plan\n\n## What reablement means\n\nReablement is short-term help at home.\n', true)).toEqual([]);
  });

  it('not by a later paragraph, nor in plain text, nor a use in prose before the definition', () => {
    const late = '# Reablement plan\n\nSam had a fall.\n\nReablement is short-term help at home.\n';
    expect(found(late, true)).toEqual([['Reablement', late.indexOf('Reablement')]]);
    const plain = 'Reablement plan\n\nReablement is short-term help at home.\n';
    expect(found(plain)).toEqual([['Reablement', 0]]);
    const prose = '# Plan\n\nSam starts reablement soon, and reablement is short-term help at home.\n';
    expect(found(prose, true)).toEqual([['reablement', prose.indexOf('reablement')]]);
  });
});
