/**
 * Behaviour a condition or an unmet need may drive (LEXICON §4.12; context/condition.ts): a rule
 * with `condition: need` reports a label at `info` when its sentence says what lay behind it, and
 * every rule with `condition` asks for the need to be described in a document about dementia.
 */
import { describe, expect, it } from 'vitest';
import { IN_DEMENTIA, NEED_GIVEN, mentionsDementia, needGiven } from '../../src/context/condition.js';
import { analyse } from '../../src/analyse.js';
import { validateRule } from '../../src/schema/rule.js';
import { SourdoughError } from '../../src/errors.js';
import { testRule, testSet } from './test-rules.js';

const given = (sentence: string, word: string): boolean => {
  const at = sentence.indexOf(word);
  return needGiven(sentence, at, at + word.length);
};

describe('needGiven', () => {
  it('reads a cause or need after the match: because, when, if, as, due to, part of', () => {
    expect(given('Dorothy can be irritable when she is very tired.', 'irritable')).toBe(true);
    expect(given('He was angry because his taxi did not come.', 'angry')).toBe(true);
    expect(given('He was angry because he could not find his glasses.', 'angry')).toBe(true);
    expect(given('Angry because nobody listened to him.', 'Angry')).toBe(true);
    expect(given('He can become frustrated or irritable quickly, which is part of the condition.', 'irritable')).toBe(true);
    expect(given('He was angry because of the pain in his back.', 'angry')).toBe(true);
    expect(given('Kofi can be irritable if he is rushed; give him time.', 'irritable')).toBe(true);
    expect(given('She was irritable and in pain all morning.', 'irritable')).toBe(true);
    expect(given('Joe became irritable in the lounge when the television was loud.', 'irritable')).toBe(true);
  });

  it('reads a cause clause the sentence opens with, ended by a new subject before the match', () => {
    expect(given('When he is very tired he can become irritable.', 'irritable')).toBe(true);
    expect(given('Due to the pain in her hip, Mrs Ali was angry with the hoist.', 'angry')).toBe(true);
    expect(given('Because of the noise in the lounge, Jean became irritable.', 'irritable')).toBe(true);
    // The clause holds the match itself: nothing lay behind it.
    expect(given('If he becomes angry the session will end.', 'angry')).toBe(false);
    expect(given('Because he was angry, the visit ended.', 'angry')).toBe(false);
  });

  it('is not a reason that blames, a bare time, or a belief', () => {
    expect(given('She was demanding because she wanted attention.', 'demanding')).toBe(false);
    expect(given('He is demanding when he does not get his own way.', 'demanding')).toBe(false);
    expect(given('She is demanding of staff when she wants something.', 'demanding')).toBe(false);
    expect(given('Mr Dale was irritable this afternoon.', 'irritable')).toBe(false);
    expect(given('When staff arrived he was angry.', 'angry')).toBe(false);
    expect(given('Zainab is angry with professionals because of her faith.', 'angry')).toBe(false);
  });

  it('stays within its sentence clause: a reason after a semicolon or far on is not read', () => {
    expect(given('He was angry; because the bus was late we left early.', 'angry')).toBe(false);
    expect(given(`He was angry ${'and said so to everyone in the room '.repeat(3)}because he was tired.`, 'angry')).toBe(false);
  });
});

describe('mentionsDementia', () => {
  it('finds dementia, Alzheimer’s or Lewy bodies anywhere in the document', () => {
    expect(mentionsDementia('Irene lives with vascular dementia.')).toBe(true);
    expect(mentionsDementia('A diagnosis of Alzheimer’s disease in 2021.')).toBe(true);
    expect(mentionsDementia('Dementia with Lewy bodies')).toBe(true);
    expect(mentionsDementia('Irene lives at home with her son.')).toBe(false);
  });
});

describe('rules with `condition`', () => {
  const irritable = testRule('blaming/t-irritable', ['irritable', 'angry'], { condition: 'need', subject: 'person' });
  const agitated = testRule('blaming/t-agitated', ['agitated'], { condition: 'dementia', subject: 'person' });
  const plain = testRule('blaming/t-plain', ['combative']);
  const set = testSet([irritable, agitated, plain]);
  const one = (text: string) => analyse(text, set).findings.filter((f) => f.start).map((f) => [f.ruleId, f.severity, f.message, text.slice(f.start!.offset, f.end!.offset) === f.text]);

  it('`need`: a sentence that says what lay behind the label reports it at info, saying so', () => {
    expect(one('Mr Dale was irritable when he was very tired.')).toEqual([['blaming/t-irritable', 'info', NEED_GIVEN.replace('{match}', 'irritable'), true]]);
    expect(one('Mr Dale was irritable this afternoon.')).toEqual([['blaming/t-irritable', 'warning', '“irritable” test message.', true]]);
  });

  it('`dementia`: a reason given leaves the label a warning, except in a document about dementia', () => {
    expect(one('Mrs Khan became agitated because she could not find the toilet.')).toEqual([['blaming/t-agitated', 'warning', '“agitated” test message.', true]]);
    expect(one('Mrs Khan lives with dementia. She became agitated because she could not find the toilet.')).toEqual([['blaming/t-agitated', 'info', NEED_GIVEN.replace('{match}', 'agitated'), true]]);
    expect(one('Joe has dementia.\n\nJoe became agitated in the lounge when the television was loud.')).toEqual([['blaming/t-agitated', 'info', NEED_GIVEN.replace('{match}', 'agitated'), true]]);
  });

  it('in a document that speaks of dementia, the message asks for the need (severity kept); other rules keep theirs', () => {
    const text = 'Irene lives with dementia.\n\nIrene was agitated in the evening and combative during her wash.';
    expect(one(text)).toEqual([
      ['blaming/t-agitated', 'warning', IN_DEMENTIA.replace('{match}', 'agitated'), true],
      ['blaming/t-plain', 'warning', '“combative” test message.', true],
    ]);
    // A need given still wins for `need`: info, with its own message.
    expect(one('Irene lives with dementia. She gets angry when she cannot find her room.')[0]).toEqual(['blaming/t-irritable', 'info', NEED_GIVEN.replace('{match}', 'angry'), true]);
  });

  it('leaves negated and quoted labels to their own handling', () => {
    expect(one('Irene has dementia and was not agitated today.')).toEqual([]);
    expect(one('Irene has dementia. She said, "I get angry when they rush me."')).toEqual([]);
  });

  it('the schema takes `need` or `dementia` only', () => {
    expect(() => validateRule(irritable)).not.toThrow();
    expect(() => validateRule(testRule('blaming/t-x', ['x'], { condition: true as never }))).toThrow(SourdoughError);
    expect(() => validateRule(testRule('blaming/t-x', ['x'], { condition: 'always' as never }))).toThrow(SourdoughError);
  });
});
