/**
 * Negation scope (context/negation.ts): cues before the match in the same clause, within the
 * window; pseudo-negations skipped; a cue after the match never counts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNegated, negationCue, NEGATION_WINDOW } from '../../src/context/negation.js';

/** Is the first occurrence of `word` in `sentence` negated? */
function neg(sentence: string, word: string): boolean {
  const at = sentence.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not in "${sentence}"`);
  return isNegated(sentence, at);
}

describe('negated', () => {
  it.each([
    ['Jack did not refuse his tablets.', 'refuse'],
    ["Jack didn't refuse his tablets.", 'refuse'],
    ['Jack didn’t refuse his tablets.', 'refuse'],
    ['Jack didnt refuse his tablets.', 'refuse'],
    ['There was no evidence of aggression.', 'aggression'],
    ['No signs of agitation today.', 'agitation'],
    ['She is not aggressive.', 'aggressive'],
    ['He is no longer described as challenging.', 'challenging'],
    ['He has never refused support.', 'refused'],
    ['She took her tablets without refusal.', 'refusal'],
    ['He denies any aggression.', 'aggression'],
    ['Neither agitated nor aggressive this morning.', 'agitated'],
    ['Neither agitated nor aggressive this morning.', 'aggressive'],
    ['She cannot be described as aggressive.', 'aggressive'],
    ['Nil aggression noted on the ward.', 'aggression'],
    ['The day was free of agitation.', 'agitation'],
    ['Nobody found him aggressive.', 'aggressive'],
    ['NOT AGGRESSIVE.', 'AGGRESSIVE'],
    // "and" that goes on with the same predicate keeps the negation
    ['Sam was not tired and agitated today.', 'agitated'],
    ['Sam did not shout and refuse.', 'refuse'],
    ['There was no aggression and no agitation.', 'agitation'],
    ['He is not aggressive and abusive.', 'abusive'],
    // a preposition cue negates its own phrase, including a name straight after it
    ['Sam ate his lunch without any agitation.', 'agitation'],
    ['The visit went well without Sam becoming agitated.', 'agitated'],
    ['He settled without being aggressive.', 'aggressive'],
    ['In the absence of aggression the review was brought forward.', 'aggression'],
  ])('%s → "%s"', (s, w) => {
    expect(neg(s, w)).toBe(true);
  });
});

describe('not negated', () => {
  it.each([
    ['Jack refused his tablets.', 'refused'],
    // negation after the match does not count
    ['Jack refused his tablets, not his food.', 'refused'],
    ['He was aggressive and did not calm down.', 'aggressive'],
    // clause boundaries end the scope
    ['He did not eat lunch, and refused his tablets.', 'refused'],
    ['She was not hungry but refused to leave the table.', 'refused'],
    ['No carers were available; Jack refused the agency staff.', 'refused'],
    ['He did not sleep (he was agitated all night).', 'agitated'],
    ['She did not come because she was aggressive earlier.', 'aggressive'],
    ['Staff could not say which visitor was aggressive.', 'aggressive'],
    // "and" before a new predicate ends the scope
    ['Sam did not like the food and refused his lunch.', 'refused'],
    ["Sam didn't want his lunch and became agitated.", 'agitated'],
    ['Sam never takes his medication and is non-compliant.', 'non-compliant'],
    ['Sam has no family nearby and refuses help.', 'refuses'],
    ['Sam cannot walk far and is wheelchair-bound.', 'wheelchair-bound'],
    ['Sam denies drinking and was aggressive to staff.', 'aggressive'],
    // a suggestion asked as a question ("can we not …", "why not …") negates nothing
    ['Can we not find a cheaper agency for the evenings?', 'cheaper'],
    ["Couldn't we move him to the cheapest home on the list?", 'cheapest'],
    ['Why not say he was combative, as before?', 'combative'],
    ['Should we not just say she is wheelchair-bound?', 'wheelchair-bound'],
    ['Sam did not eat and then refused his tablets.', 'refused'],
    ['Staff could not calm Sam and he remained combative.', 'combative'],
    // double negation and pseudo-negation
    ['He is not only aggressive but also hostile.', 'aggressive'],
    ['She was not just agitated, she was frightened.', 'agitated'],
    ["He wasn't only agitated.", 'agitated'],
    ['There is no doubt he was aggressive.', 'aggressive'],
    ['Staff are not sure why he refused.', 'refused'],
    ['No matter what, she refuses.', 'refuses'],
    ['No one saw it, and she refused to talk.', 'refused'],
    ['It was not the first time he refused.', 'refused'],
    ['She is free to refuse.', 'refuse'],
    ['Without fail he refuses breakfast.', 'refuses'],
    // a preposition cue's phrase is a condition when a clause with its own subject or verb follows
    ['Without his hearing aids Sam becomes agitated.', 'agitated'],
    ['Without his glasses he gets agitated.', 'agitated'],
    ['Without his hearing aids Sam refuses his meals.', 'refuses'],
    ['In the absence of his wife he was aggressive.', 'aggressive'],
    // outside the window
    ['He did not want to go out at all on that cold and wet day so refused.', 'refused'],
    // words that contain a cue
    ['Nothingness aside, he knows he refused.', 'refused'],
    ['Norah refused.', 'refused'],
    ['The notice said he refused.', 'refused'],
  ])('%s → "%s"', (s, w) => {
    expect(neg(s, w)).toBe(false);
  });
});

describe('negation details', () => {
  it('reports the cue', () => {
    expect(negationCue('He has never refused.', 'He has never '.length)).toBe('never');
    expect(negationCue('No evidence of aggression.', 'No evidence of '.length)).toBe('no');
    expect(negationCue("She isn't aggressive.", "She isn't ".length)).toBe("isn't");
  });

  it('window is six words', () => {
    expect(NEGATION_WINDOW).toBe(6);
    expect(isNegated('not one two three four five refused', 'not one two three four five '.length)).toBe(true);
    expect(isNegated('not one two three four five six refused', 'not one two three four five six '.length)).toBe(false);
  });

  it('match at the start of a sentence, or offsets out of range, are not negated', () => {
    expect(isNegated('Refused.', 0)).toBe(false);
    expect(isNegated('', 0)).toBe(false);
    expect(isNegated('not', 99)).toBe(true);
    expect(isNegated('not', -5)).toBe(false);
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: -10, max: 400 }), (s, at) => {
        expect(typeof isNegated(s, at)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
