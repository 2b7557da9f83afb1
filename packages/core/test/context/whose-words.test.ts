/**
 * Whose words are these (the sixty-sixth check, 2026-11-28), through analyse() with the built-in
 * rules: the person's own account in indirect speech (context/reported-speech.ts), an "I" inside
 * someone's quoted words that is not the writer's (context/first-person.ts), a `>` block quote in
 * which someone speaks of themselves, a quoted label answered by the person's own account or named
 * as a word they reject (context/disputed.ts), and a quoted label named as a label or a heading
 * (context/mention.ts). Every sentence here is written for the test, in other wording than the set.
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, readers } from '../../src/index.js';
import { isOwnIndirectSpeech } from '../../src/context/reported-speech.js';

const set = builtinRuleSet();
const sev = (text: string, ruleId: string): string | undefined => {
  const fs = analyse(text, set).findings;
  for (const f of fs) if (f.start) expect(text.slice(f.start.offset, f.end!.offset)).toBe(f.text);
  return fs.find((f) => f.ruleId === ruleId)?.severity;
};

describe('the person’s own account in indirect speech', () => {
  it.each([
    ['Nadia explained that she was aggressive towards her brother when she was younger.', 'blaming/aggressive'],
    ['Kemal admitted he had been manipulative with his sister.', 'blaming/manipulative'],
    ['Mo told me he was non-compliant with the last plan because nobody explained it.', 'blaming/non-compliant'],
    ['Hassan says he is an alcoholic and goes to meetings on Thursdays.', 'dehumanising/alcoholic'],
    // a further "that" clause under the same speech verb, about the same person (2026-11-28)
    ['Wen explained that she was tired after the bus, and that she had refused the tablets because they upset her stomach.', 'blaming/refuses'],
    ['Lev told me he likes the new flat and that he was aggressive to his neighbour last year.', 'blaming/aggressive'],
  ])('is shown at info: %s', (text, rule) => {
    expect(sev(text, rule)).toBe('info');
  });

  it.each([
    // the writer's own clause after the report
    ['Mo told me the tablets were new; he is non-compliant with them.', 'blaming/non-compliant'],
    ['Hassan says he goes to meetings, and he is an alcoholic.', 'dehumanising/alcoholic'],
    // someone else speaking: a professional, the family, the writer, another person
    ['The nurse said she was aggressive overnight.', 'blaming/aggressive'],
    ['Mum said he refused his tea.', 'blaming/refuses'],
    ['Dr Reid said he suffers from anxiety.', 'deficit/suffers-from'],
    ['I said he was aggressive.', 'blaming/aggressive'],
    ['She said he was attention-seeking.', 'blaming/attention-seeking'],
    // "and that" about someone else, or after a hard stop, or someone else's report, does not carry it on
    ['Wen explained that she was tired, and that he had refused to drive her.', 'blaming/refuses'],
    ['Wen said she was tired; staff noted that she refused her tea.', 'blaming/refuses'],
    ['Her dad said she was tired and that she refused her tea.', 'blaming/refuses'],
    // the writer's own quote marks round the person's word (BLA-41)
    ["Ola says she is off to see her 'cousin' tonight.", 'blaming/scare-quotes'],
  ])('stays a warning: %s', (text, rule) => {
    expect(sev(text, rule)).toBe('warning');
  });

  it('takes a named speaker for the person only where the document says nothing against it', () => {
    // A relative introduced by role, whose gender does not fit, or who is named less than the person.
    expect(sev('Nell lives with her son, Rory, near the park. Rory said she is confined to a wheelchair when they go out.', 'deficit/wheelchair-bound')).toBe('warning');
    expect(sev('I met Ivo and his partner, Sal, at home. Sal said he is very demanding at night.', 'blaming/needy')).toBe('warning');
    expect(sev("Ivo's daughter, Bea, rang. Ivo had a fall last week, and Ivo is sore. Bea says he refused his tea again.", 'blaming/refuses')).toBe('warning');
    // The person, named most, speaking of themselves.
    expect(sev('Ivo lives alone. Ivo told me he was aggressive to his brother years ago.', 'blaming/aggressive')).toBe('info');
  });

  it('needs a self-label for a dehumanising word: a paraphrase of where someone lives stays the writer’s', () => {
    expect(isOwnIndirectSpeech('Tom told me he is a diabetic', 'Tom told me he is a '.length, true)).toBe(true);
    expect(isOwnIndirectSpeech('Tom told me he likes his placement', 'Tom told me he likes his '.length, true)).toBe(false);
  });
});

describe('an “I” inside someone’s quoted words is not the writer', () => {
  it.each([
    ['“You can’t make me,” said Ola, who then refused her breakfast.', 'blaming/refuses'],
    ['"I love it here," Ted told us, before becoming very demanding at lunch.', 'blaming/needy'],
    ['Mr Arno said "I am off now" and was combative at the door.', 'blaming/combative'],
  ])('the writer’s clause after the quote is read: %s', (text, rule) => {
    expect(['warning', 'error']).toContain(sev(text, rule));
  });
});

describe('a block quote in which someone speaks of themselves', () => {
  const found = (src: string) => analyse(readers.text(src), set).findings.filter((f) => f.severity !== 'info' && f.category !== 'privacy');
  it('is their words', () => {
    expect(found('> I refused the bath because the water was cold.\n\nOwen, at his review.')).toEqual([]);
    expect(found('> They wrote that I was non-compliant.\n\nAda wrote this herself.')).toEqual([]);
  });
  it('a colleague’s quoted e-mail about the person, and the writer’s own paragraph after it, are still read', () => {
    expect(found('> He refused his tea again.\n\nFrom the ward.').map((f) => f.ruleId)).toEqual(['blaming/refuses']);
    expect(found('> I am fine.\n\nKim remains disengaged from the group.').map((f) => f.ruleId)).toEqual(['blaming/failed-to-engage']);
  });
  it('is found on any line of the document, whatever its line ends, after up to three spaces', () => {
    const before = 'Review notes, Tuesday.\nOwen read out what he wrote:\n';
    expect(found(`${before}> I refused the bath because the water was cold.\n`)).toEqual([]);
    expect(found(`${before.replace(/\n/g, '\r\n')}   > I refused the bath because the water was cold.\r\n`)).toEqual([]);
    // An old Mac file's lone carriage returns end lines too, as lineStarts reads them.
    expect(found(`${before.replace(/\n/g, '\r')}> I refused the bath because the water was cold.\r`)).toEqual([]);
    // Four spaces are not a block quote, and a ">" later in the line does not make one.
    expect(found(`${before}    > I refused the bath because the water was cold.\n`).map((f) => f.ruleId)).toEqual(['blaming/refuses']);
    expect(found(`${before}Bath time on the rota > I refused the bath because the water was cold.\n`).map((f) => f.ruleId)).toEqual(['blaming/refuses']);
  });
});

describe('a quoted label someone else used, answered or named as a word', () => {
  it.each([
    ['Her aunt called Rosa "aggressive" at the meeting; Rosa told me she had been frightened.', 'blaming/aggressive'],
    ['His old teacher describes Kit as manipulative; Kit says he was trying to be heard.', 'blaming/manipulative'],
    ['Her son calls her "demented", a word she has asked everyone not to use.', 'dehumanising/dementia-labels'],
    ['The "bed blocker" label has stuck to Mr Aziz since March.', 'dehumanising/bed-blocker'],
    ['The old heading "Service users" is now "People we support".', 'dehumanising/service-user'],
    ['Her gran\'s word for it is "attention-seeking"; Tia calls it needing a hug.', 'blaming/attention-seeking'],
    // answered by the person's own word for themselves
    ['His uncle told me Ravi is "high-functioning", but Ravi describes himself as autistic and tired.', 'deficit/functioning-labels'],
    ['The old referral calls her "a hoarder"; Mabel calls herself a collector.', 'dehumanising/hoarder'],
  ])('is shown at info: %s', (text, rule) => {
    expect(sev(text, rule)).toBe('info');
  });

  it.each([
    ['Staff said he was aggressive; he said he was sorry.', 'blaming/aggressive'],
    ['Her aunt called Rosa "aggressive"; Mum says she often is.', 'blaming/aggressive'],
  ])('stays a warning: %s', (text, rule) => {
    expect(sev(text, rule)).toBe('warning');
  });
});

describe('a self-description covers the words the person chose, not the rest of the sentence', () => {
  it.each([
    ['Dev describes himself as a recovering addict.', 'dehumanising/addict'],
    ['Mrs Okafor, who calls herself diabetic, checks her own sugars.', 'dehumanising/diabetic'],
    ['Lou sees herself as Deaf and proud, and signs at home.', 'deficit/hearing-impaired'],
    ['In his own words, he was a hoarder before the fire.', 'dehumanising/hoarder'],
  ])('is left alone: %s', (text, rule) => {
    expect(sev(text, rule)).toBeUndefined();
  });

  it.each([
    ['Noor, who describes herself as autistic, is high-functioning according to her school.', 'deficit/functioning-labels'],
    ['Dev describes himself as a keen cyclist and is an alcoholic.', 'dehumanising/alcoholic'],
    ['Sol calls himself a night owl; he is a hoarder.', 'dehumanising/hoarder'],
    ['Priya describes herself as a gardener, although she is wheelchair-bound.', 'deficit/wheelchair-bound'],
  ])('still reports the writer’s label in another clause: %s', (text, rule) => {
    expect(sev(text, rule)).toBe('warning');
  });
});
