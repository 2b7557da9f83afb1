/** `unless` with `scope: defined`: an abbreviation spelt out on first use explains its later uses. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
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
});
