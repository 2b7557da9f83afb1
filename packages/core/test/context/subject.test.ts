/**
 * Who a match is about (context/subject.ts), with the built-in word lists (rules/_context.yaml):
 * the person, or an organisation, machine, request or document as subject, agent or object.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aboutWhom, castOf, clausePronounReferent, compileContextWords, pronounReferent, subjectAllows, type About } from '../../src/context/subject.js';
import { repoRoot } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyse } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import { builtinContextWords } from '../../src/rules/builtin.js';
import { testRule } from './test-rules.js';

const words = parse(readFileSync(join(repoRoot, 'rules', '_context.yaml'), 'utf8'));
const index = compileContextWords(words);

function about(sentence: string, word: string): About {
  const at = sentence.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not in "${sentence}"`);
  return aboutWhom(sentence, at, at + word.length, index);
}

describe('aboutWhom', () => {
  it.each([
    // the person
    ['Jack refused his tablets.', 'refused', 'person'],
    ['He refused the council’s offer of a carer.', 'refused', 'person'],
    ['We will allow her to go out.', 'allow', 'person'],
    ['Staff will not allow him to smoke.', 'allow', 'other'],
    ['She refused, and then the council phoned.', 'refused', 'person'],
    ['Mrs Patel refuses personal care.', 'refuses', 'person'],
    ['Jack told the council he refused the move.', 'refused', 'person'],
    // organisations as subject or agent
    ['The council refused the request.', 'refused', 'organisation'],
    ['The funding panel has refused again.', 'refused', 'organisation'],
    ["The council's panel refused.", 'refused', 'organisation'],
    ['The manager of the team refused.', 'refused', 'organisation'],
    ['The landlord will not allow pets.', 'allow', 'organisation'],
    ['DWP refused the claim.', 'refused', 'organisation'],
    ['It was refused by the panel.', 'refused', 'organisation'],
    ['It was refused.', 'refused', 'machine'],
    ['Support was refused by the council.', 'refused', 'organisation'],
    // machines
    ['Card refused at the shop.', 'refused', 'machine'],
    ["Jack's card was refused.", 'refused', 'machine'],
    ['The connection was refused.', 'refused', 'machine'],
    ['The system allows users to log in.', 'allows', 'machine'],
    // requests
    ['His request to go out was refused.', 'refused', 'request'],
    ['Application refused on cost grounds.', 'refused', 'request'],
    ['Refused the application.', 'Refused', 'request'],
    ['Refused her application for a blue badge.', 'Refused', 'request'],
    // a surname after a title is a person, even when it is also a listed noun
    ['Mr Ward insisted that he had eaten.', 'insisted', 'person'],
    ['Mr Banks refused his lunch.', 'refused', 'person'],
    ['Mrs Home was aggressive at the door.', 'aggressive', 'person'],
    ["Mrs Court's refusal of the hoist continues.", 'refusal', 'person'],
    ['The ward refused the transfer.', 'refused', 'organisation'],
    // documents
    ['The tenancy agreement allows pets.', 'allows', 'document'],
    ['The policy does not allow visitors after 9pm.', 'allow', 'document'],
    // prepositions and coordination
    ['Came home and refused tea.', 'refused', 'unknown'],
    ['At school refused to join in.', 'refused', 'unknown'],
    ['Went to the office and refused to leave.', 'refused', 'unknown'],
    ['Refused lunch.', 'Refused', 'unknown'],
  ])('%s → %s is about %s', (s, w, kind) => {
    expect(about(s, w)).toBe(kind);
  });
});

describe('aboutWhom: other people, and what joins a subject to the match', () => {
  it.each([
    // professionals, staff, neighbours and strangers (the `others` list)
    ['The GP refused to prescribe stronger painkillers.', 'refused', 'other'],
    ['The taxi driver was aggressive when Jack asked for help.', 'aggressive', 'other'],
    ['Staff were resistant to changing the rota.', 'resistant', 'other'],
    ['The neighbour upstairs was angry about the noise.', 'angry', 'other'],
    ['The man next door was aggressive.', 'aggressive', 'other'],
    ['A man at the bus stop was aggressive to Sam.', 'aggressive', 'other'],
    ['The men outside the flat were aggressive.', 'aggressive', 'other'],
    ['The GP on Monday refused to increase the dose.', 'refused', 'other'],
    ['One of the carers was confrontational at the review.', 'confrontational', 'other'],
    ['A member of staff was defensive about the missed visit.', 'defensive', 'other'],
    ['A passer-by was aggressive towards Jack.', 'aggressive', 'other'],
    // everyone, someone, nobody: not the person
    ['Everyone was angry at the meeting.', 'angry', 'other'],
    ['Someone was aggressive to Sam at the bus stop.', 'aggressive', 'other'],
    ['At the bus stop someone was aggressive to Sam.', 'aggressive', 'other'],
    ['Somebody at the hostel was aggressive to Sam.', 'aggressive', 'other'],
    ['Everybody refused to help Sam move.', 'refused', 'other'],
    ['Nobody was defensive about it.', 'defensive', 'other'],
    ['No one was defensive about it.', 'defensive', 'other'],
    ['Sam said someone was aggressive to him.', 'aggressive', 'other'],
    ['Sam and everyone else refused.', 'refused', 'person'],
    ['Sam refused everyone.', 'refused', 'person'],
    // two subjects joined by "and": the person with someone else is about the person
    ['Sam and the man at the bus stop were aggressive.', 'aggressive', 'person'],
    ['He and the taxi driver were aggressive to each other.', 'aggressive', 'person'],
    ['The GP and his receptionist refused to help.', 'refused', 'other'],
    // a "where" clause belongs to the noun before it
    ['Staff at the home where Sam lives refused to take him back.', 'refused', 'other'],
    ['Jack went to the day centre where he refused lunch.', 'refused', 'person'],
    // an adverb: the verb it qualifies belongs to the verb group, and the subject is before it
    ['A stranger was swearing aggressively outside the shop.', 'aggressively', 'other'],
    ['The taxi driver reacted aggressively when asked to wait.', 'aggressively', 'other'],
    ['Sam was shouting aggressively at staff.', 'aggressively', 'person'],
    ['He behaved aggressively.', 'aggressively', 'person'],
    ['Sam spoke to the GP who refused to listen.', 'refused', 'other'],
    ['The landlady refused to fix the boiler.', 'refused', 'organisation'],
    ['The manager of the home was defensive.', 'defensive', 'organisation'],
    // the person: a predicate noun, "the young man", family
    ['Sam is a young man who can become aggressive.', 'aggressive', 'person'],
    ['Jack is a 19-year-old man who can be aggressive.', 'aggressive', 'person'],
    ["He's a carer who can be defensive.", 'defensive', 'person'],
    ['The young man became aggressive when asked to leave.', 'aggressive', 'person'],
    ['The young man on Monday became aggressive when asked to leave.', 'aggressive', 'person'],
    ['The young man at the bus stop was aggressive to Sam.', 'aggressive', 'other'],
    ['The young woman in the flat upstairs refused to turn the music down.', 'refused', 'other'],
    ['The young man from the flat upstairs was aggressive.', 'aggressive', 'other'],
    // a relative clause about where he lives, works, stays or visits places him too
    ['The young man who lives next door was aggressive.', 'aggressive', 'other'],
    ['The young man who lives downstairs refused to turn the music down.', 'refused', 'other'],
    ['The young woman who works at the shop was aggressive to Sam.', 'aggressive', 'other'],
    ['The young man who visits his mum upstairs was aggressive.', 'aggressive', 'other'],
    ['The young man who was staying with Sam refused to leave.', 'refused', 'other'],
    ['The young man who used to live next door was aggressive.', 'aggressive', 'other'],
    // any other relative clause, or an aside, describes the person
    ['The young man who has autism was aggressive when staff arrived.', 'aggressive', 'person'],
    ['The young man, who has autism, was aggressive when staff arrived.', 'aggressive', 'person'],
    ['The young man, who lives with his mum, was aggressive when staff arrived.', 'aggressive', 'person'],
    ['The young man who was at the review refused to sign the plan.', 'refused', 'person'],
    ["Jo's mum was aggressive at the review.", 'aggressive', 'person'],
    ['Her dad refused to let us in.', 'refused', 'person'],
    ['Sam is an angry young man.', 'angry', 'person'],
    // family other than parents: someone else, but a close one
    ['His brother was aggressive towards staff.', 'aggressive', 'family'],
    ['Her husband refused to let the carers in.', 'refused', 'family'],
    ["Sam's daughter was defensive about the money.", 'defensive', 'family'],
    ['Her step-dad was aggressive at the door.', 'aggressive', 'family'],
    ['Her brother Tom was aggressive at the door.', 'aggressive', 'family'],
    ['Sam has an aggressive brother.', 'aggressive', 'family'],
    ["Her partner's aggression frightens her.", 'aggression', 'family'],
    ['Aggression from his brother has frightened Sam.', 'Aggression', 'family'],
    ['Sam and his brother were aggressive.', 'aggressive', 'person'],
    ['His brother and Sam were aggressive.', 'aggressive', 'person'],
    ['The neighbour and his brother were aggressive.', 'aggressive', 'family'],
    ['Refused her brother at the door.', 'Refused', 'unknown'],
    // a son or daughter in a parent's account is the child the record is about
    ['Mum said her son refused to go to school.', 'refused', 'person'],
    ['Dad told me that his daughter was aggressive at school.', 'aggressive', 'person'],
    ["Sam's mum reports her son was defensive with teachers.", 'defensive', 'person'],
    ['Mrs Patel said her son refused to let the carers in.', 'refused', 'family'],
    ['Her step-dad said her son was aggressive.', 'aggressive', 'family'],
    // a reporting or other verb, or a preposition, between: not what the subject does
    ['The home reports ongoing refusal of personal care.', 'refusal', 'unknown'],
    ['The care home reported aggressive behaviour at night.', 'aggressive', 'unknown'],
    ['The team noted defensiveness when money was discussed.', 'defensiveness', 'unknown'],
    ['Staff manage aggression with distraction.', 'aggression', 'unknown'],
    ['The school has concerns about aggression in the playground.', 'aggression', 'unknown'],
    ['Staff offered a shower which was refused.', 'refused', 'unknown'],
    ['Staff at the unit reported aggression.', 'aggression', 'unknown'],
    ['Carers have had aggression from Jack all week.', 'aggression', 'person'],
    ['Staff have been subjected to aggressive behaviour.', 'aggressive', 'unknown'],
    ['Jack went to the GP to refuse the injection.', 'refuse', 'unknown'],
    // "by" and "from": an agent only after a verb or a noun
    ['Jack was described as aggressive by staff.', 'aggressive', 'unknown'],
    ['Jack was angered by the council.', 'angered', 'person'],
    ['Angered by the council.', 'Angered', 'unknown'],
    ['Sam was refused by the GP.', 'refused', 'other'],
    ['Refusal by the GP has delayed the referral.', 'Refusal', 'other'],
    ['Aggression from a neighbour has frightened Sam.', 'Aggression', 'other'],
    // a possessive right before the match owns it
    ["The council's refusal to fund respite upset Amira.", 'refusal', 'organisation'],
    ["The GP's refusal to refer was challenged.", 'refusal', 'other'],
    ["Sam's refusal of personal care continues.", 'refusal', 'person'],
    // a verb before "to" joins its subject to the match
    ['The landlord threatened to refuse the repairs.', 'refuse', 'organisation'],
    ['The panel decided to refuse the request.', 'refuse', 'organisation'],
    // an adjective before its noun describes that noun
    ['The home has aggressive staff.', 'aggressive', 'other'],
    ['The GP is a very defensive man.', 'defensive', 'other'],
    // another person as the object says nothing about who did it
    ['Refused the nurse this morning.', 'Refused', 'unknown'],
  ])('%s → %s is about %s', (s, w, kind) => {
    expect(about(s, w)).toBe(kind);
  });
});

describe('aboutWhom: the clause reader skips qualifiers and relative clauses on the subject', () => {
  it.each([
    // a qualifier after the subject noun: the noun before the preposition is the subject
    ['The man at the bus stop refused to move.', 'refused', 'other'],
    ['The driver on the 8.15 bus refused to let Sam on.', 'refused', 'other'],
    ['Staff on the night shift refused to help.', 'refused', 'other'],
    ['The man at the end of the road refused to move.', 'refused', 'other'],
    ['The manager of the home refused to meet Sam.', 'refused', 'organisation'],
    ['The manager of Oak House refused to meet Sam.', 'refused', 'organisation'],
    ['Jack at the day centre refused to eat.', 'refused', 'person'],
    ['Sam in front of the staff refused to eat.', 'refused', 'person'],
    ['Sam with the support of staff refused the move.', 'refused', 'person'],
    ['Some of the neighbours were aggressive.', 'aggressive', 'other'],
    // a relative clause on the subject: its noun is the subject, not the relative clause's object
    ['The man who groomed Tia was aggressive.', 'aggressive', 'other'],
    ["The man who groomed Tia's sister was aggressive.", 'aggressive', 'other'],
    ['The man who groomed the girl was aggressive.', 'aggressive', 'other'],
    ['The carer who supports Jo refused to stay.', 'refused', 'other'],
    ['The GP who saw Sam refused to refer.', 'refused', 'other'],
    ['The man who was at the bus stop was aggressive.', 'aggressive', 'other'],
    ['The man who Sam met was aggressive.', 'aggressive', 'other'],
    // a relative clause set off by commas
    ['Jo, who has a learning disability, refused her tablets.', 'refused', 'person'],
    ['Jo, who has a learning disability, refused the carer.', 'refused', 'person'],
    ['The carer, who supports Jo, refused to stay.', 'refused', 'other'],
    // a new clause after a reporting verb has its own subject
    ['The man who said Tia was aggressive.', 'aggressive', 'person'],
    ['Jack said at the meeting the GP refused.', 'refused', 'other'],
    ['Staff at the day centre said Sam refused to eat.', 'refused', 'person'],
    // titles: Mr, Mrs, Ms… may be the person; Dr, Prof, Nurse, PC, DC, Sgt are professionals
    ['Dr Okafor refused to prescribe.', 'refused', 'other'],
    ['Dr Patel refused to prescribe.', 'refused', 'other'],
    ['Dr X refused to prescribe.', 'refused', 'other'],
    ['Prof Smith refused to see him.', 'refused', 'other'],
    ['Nurse Adams refused to help.', 'refused', 'other'],
    ['PC Jones was aggressive.', 'aggressive', 'other'],
    ['DC Brown was aggressive.', 'aggressive', 'other'],
    ['Sgt Hall was aggressive.', 'aggressive', 'other'],
    ['Sam was refused by Dr Patel.', 'refused', 'other'],
    ["Dr Patel's refusal to refer was challenged.", 'refusal', 'other'],
    ['Mr Patel refused his lunch.', 'refused', 'person'],
    ['Sam told the nurse Jo refused.', 'refused', 'person'],
  ])('%s → %s is about %s', (s, w, kind) => {
    expect(about(s, w)).toBe(kind);
  });
});

describe('subjectAllows', () => {
  it('person: everything but organisations, other people, machines, requests and documents', () => {
    expect(subjectAllows('person', 'person')).toBe(true);
    expect(subjectAllows('person', 'unknown')).toBe(true);
    for (const k of ['organisation', 'other', 'family', 'machine', 'request', 'document'] as const) expect(subjectAllows('person', k)).toBe(false);
  });
  it('organisation: only organisations', () => {
    expect(subjectAllows('organisation', 'organisation')).toBe(true);
    expect(subjectAllows('organisation', 'other')).toBe(false);
    expect(subjectAllows('organisation', 'family')).toBe(false);
    expect(subjectAllows('organisation', 'person')).toBe(false);
    expect(subjectAllows('organisation', 'unknown')).toBe(false);
  });
  it('any / unset: always', () => {
    expect(subjectAllows('any', 'machine')).toBe(true);
    expect(subjectAllows(undefined, 'request')).toBe(true);
  });
});

describe('compileContextWords', () => {
  it('adds plurals, lower-cases and ignores blanks and phrases', () => {
    const idx = compileContextWords({ organisations: ['Council', ' ', 'local authority'], machines: ['card'] });
    expect(idx.get('council')).toBe('organisation');
    expect(idx.get('councils')).toBe('organisation');
    expect(idx.get('cards')).toBe('machine');
    expect(idx.has('local authority')).toBe(false);
  });
  it('the built-in lists are known groups of single lower-case words, with professionals and strangers as others', () => {
    for (const [group, list] of Object.entries(words as Record<string, unknown>)) {
      expect(['organisations', 'others', 'family', 'animals', 'machines', 'requests', 'documents']).toContain(group);
      for (const w of list as string[]) expect(w, `${group}: ${w}`).toMatch(/^[\p{Ll}\p{N}]+(?:-by)?$/u);
    }
    expect(index.get('gp')).toBe('other');
    expect(index.get('drivers')).toBe('other');
    expect(builtinContextWords().others).toContain('staff');
    expect(index.get('brothers')).toBe('family');
    expect(builtinContextWords().family).toContain('partner');
    expect(index.has('mum')).toBe(false); // a parent is read as the person
  });
  it('works with no lists', () => {
    expect(compileContextWords(undefined).size).toBe(0);
    expect(aboutWhom('The council refused.', 12, 19, compileContextWords(undefined))).toBe('unknown');
  });
  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), fc.nat(), (s, a, b) => {
        aboutWhom(s, Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1), index);
      }),
      { numRuns: 300 },
    );
  });
});

describe('subject word lists in a rule set', () => {
  const rule = testRule('blaming/t-subject', ['refused'], { subject: 'person' });
  it('compileRules uses the built-in lists by default', () => {
    expect(analyse('The council refused.', compileRules([rule])).findings).toEqual([]);
    expect(builtinContextWords().organisations).toContain('council');
  });
  it('callers can pass their own lists', () => {
    const set = compileRules([rule], { context: { organisations: ['quango'] } });
    expect(analyse('The quango refused.', set).findings).toEqual([]);
    expect(analyse('The council refused.', set).findings.map((f) => f.text)).toEqual(['refused']);
  });
  it('family members are not the person, for a rule about the person', () => {
    const set = compileRules([rule]);
    expect(analyse('Her husband refused to let the carers in.', set).findings).toEqual([]);
    expect(analyse('Her dad refused to let us in.', set).findings.map((f) => f.text)).toEqual(['refused']);
    expect(analyse('Sam and his brother refused to leave.', set).findings.map((f) => f.text)).toEqual(['refused']);
    const own = compileRules([rule], { context: { family: ['cousin'] } });
    expect(analyse('His cousin refused to leave.', own).findings).toEqual([]);
  });
});

describe('who a sentence is about, in documents where several people appear (added 2026-11-28)', () => {
  const set = compileRules([testRule('blaming/t-subject', ['refused', 'refusing', 'aggressive', 'angry'], { subject: 'person' })]);
  const found = (text: string): string[] => analyse(text, set).findings.map((f) => f.text);
  it('a name in apposition is the noun before it: "her ex-husband, Neil, refused"', () => {
    expect(about('Her ex-husband, Neil, refused to hand back the keys.', 'refused')).toBe('family');
    expect(about("Ravi's cat, Mango, is aggressive with visitors.", 'aggressive')).toBe('animal');
    expect(about('The night nurse, Stefan, was aggressive at the door.', 'aggressive')).toBe('other');
    // the person is still the person
    expect(subjectAllows('person', about('Her mum, Kerry, refused to sign the form.', 'refused'))).toBe(true);
    expect(subjectAllows('person', about('Josie, aged 15, refused to come down for tea.', 'refused'))).toBe(true);
  });
  it('a name the document introduced as someone else stays that someone, sentences later', () => {
    expect(found('I visited Nell with her lodger, Craig. Nell showed me the garden. Craig refused to turn the music down.')).toEqual([]);
    expect(found('Ola lives with our old dog, Biscuit. Biscuit is aggressive with the postman.')).toEqual([]);
    expect(found('Ola lives with her cousin, Dami. Ola refused her tea tonight.')).toEqual(['refused']);
    // a son or daughter introduced by name may be the child the record is about
    expect(found("Tara's son, Alfie, is 8. Alfie refused to go to school.")).toEqual(['refused']);
    // a name introduced as two different kinds is left alone
    expect(castOf('Her brother, Ash, came. The driver, Ash, waited.', index).has('@Ash')).toBe(false);
    // a place the sentence opens with is where the name is, not its role (2026-11-28)
    expect(castOf('On the ward Albert has been up at night.', index).has('@Albert')).toBe(false);
    expect(found('In the hospital Dev was up all night. Dev refused his tea.')).toEqual(['refused']);
    expect(found('At the centre Rosa has made friends, and Rosa refused the trip.')).toEqual(['refused']);
    // the role's own determiner decides: "at the pub the landlord Gary" is still the landlord
    expect(castOf('At the pub the landlord Gary was rude to Jo.', index).get('@Gary')).toBe('organisation');
    // with a comma it is still apposition
    expect(castOf('Jo has lunch at the centre, Hillside, on Mondays.', index).get('@Hillside')).toBe('organisation');
  });
  it('someone who grooms or exploits others is not the person (BLA-10)', () => {
    const m = compileRules([testRule('blaming/t-manip', ['manipulative'], { subject: 'person' })]);
    expect(analyse('Police said Rocco has been grooming Kian and his friends. Rocco is manipulative and charming.', m).findings).toEqual([]);
    // the one groomed is not cast
    expect(analyse('Kian was groomed by an older man. Kian is manipulative with staff.', m).findings.map((f) => f.text)).toEqual(['manipulative']);
    expect(analyse('Kian is being exploited by Rocco. Kian is manipulative with staff.', m).findings.map((f) => f.text)).toEqual(['manipulative']);
  });
  it('a cast name is read with its role word\'s gender for an opening pronoun', () => {
    expect(found('Her stepdad, Wes, came round at six. He was angry about the bins.')).toEqual([]);
    expect(found('Her stepdad, Wes, came round at six. She was angry about the bins.')).toEqual(['angry']);
  });
  it('a he or she that only a cast name can be, by gender, is that person: "her uncle, Rob, … when he is angry"', () => {
    expect(found('Zoe said her uncle, Rob, shouts at her when he is angry.')).toEqual([]);
    expect(found('Zoe told me her uncle, Rob, visits on Fridays. Zoe said he is aggressive when he drinks.')).toEqual([]);
    // a name that may be the one the pronoun means keeps the label on the person
    expect(found('Sam said his uncle, Rob, visits on Fridays. Sam said he is aggressive when he is tired.')).toEqual(['aggressive']);
    expect(found('Zoe said her uncle, Rob, visits. Kit was angry when he left.')).toEqual(['angry']);
    // "his" before the first candidate may be the person
    expect(found('His uncle, Rob, came round. He was angry.')).toEqual(['angry']);
    // no one cast: nothing changes
    expect(found('Zoe said he is aggressive when he drinks.')).toEqual(['aggressive']);
  });
  it('verbs joined by "and" share a simple subject: "the carer was rude and refused"', () => {
    expect(about('The relief carer was rude and refused to stay.', 'refused')).toBe('other');
    expect(about('The agency driver arrived late and refused to wait.', 'refused')).toBe('other');
    // an object before "and" is not the subject
    expect(about('Paddy thanked the carer and refused his tea.', 'refused')).toBe('person');
    expect(about('Paddy came home and refused his tea.', 'refused')).toBe('person');
    // an object with a word after it ("away", "out") is still an object (added 2026-11-28)
    expect(about('Paddy pushed the carer away and was aggressive.', 'aggressive')).toBe('person');
    expect(['person', 'unknown']).toContain(about('Paddy took the dog out and went walkabout.', 'went walkabout'));
    // a reporting verb with a particle after its object is a phrasal verb, not a reported clause
    expect(['person', 'unknown']).toContain(about('Paddy told the carer off and refused his tea.', 'refused'));
    expect(['person', 'unknown']).toContain(about('Paddy sent the carer away and was aggressive.', 'aggressive'));
    expect(about('Staff said the carer was late and refused to wait.', 'refused')).toBe('other');
    expect(about('Yesterday the agency driver arrived late and refused to wait.', 'refused')).toBe('other');
  });
  it('"keeps refusing", "started refusing": the subject still does it', () => {
    expect(about('The coffee machine keeps refusing to start.', 'refusing')).toBe('machine');
    expect(about('Paddy keeps refusing his tea.', 'refusing')).toBe('person');
    expect(about('The old pony started refusing the jumps.', 'refusing')).toBe('animal');
  });
});

describe('pronounReferent: an opening pronoun for the previous sentence\'s subject', () => {
  const ref = (previous: string, sentence: string, word: string): About | undefined => pronounReferent(sentence, sentence.indexOf(word), previous, index);
  it('is the previous subject when it is someone else and nobody else is named', () => {
    expect(ref('The landlord called round about the rent.', 'He refused to fix the window.', 'refused')).toBe('organisation');
    expect(ref('The taxi driver came at ten.', 'He was rude and refused to wait.', 'refused')).toBe('other');
    // A compound's head is its last listed word: the driver, not the minibus (a machine).
    expect(ref('The minibus driver was late again.', 'She was irritable with everyone on board.', 'irritable')).toBe('other');
    expect(ref('The taxi came at ten.', 'He was rude and refused to get in.', 'refused')).toBeUndefined();
    expect(ref('Her brother visited on Tuesday.', 'He was shouting on the landing.', 'shouting')).toBe('family');
    expect(ref('The council wrote in March.', 'They refused the request.', 'refused')).toBe('organisation');
  });
  it('is nothing when the previous sentence names the person, or the pronoun does not fit', () => {
    expect(ref('The GP saw Sam on Monday.', 'He refused his tablets.', 'refused')).toBeUndefined();
    expect(ref('The nurse came to help her wash.', 'She refused.', 'refused')).toBeUndefined();
    expect(ref('The carers arrived at eight.', 'She refused breakfast.', 'refused')).toBeUndefined();
    expect(ref('The council wrote in March.', 'She refused the offer.', 'refused')).toBeUndefined();
    expect(ref('The landlord called round.', 'He told Sam he refused to wait.', 'refused')).toBeUndefined();
    expect(ref('The landlord called round.', 'Sam refused to open the door.', 'refused')).toBeUndefined();
    expect(ref('It rained all day.', 'He refused to go out.', 'refused')).toBeUndefined();
  });
  it('applies in a document, within a paragraph only', () => {
    const set = compileRules([testRule('blaming/t-subject', ['refused'], { subject: 'person' })]);
    expect(analyse('The landlord called round. He refused to fix the window.', set).findings).toEqual([]);
    expect(analyse('The landlord called round.\n\nHe refused to fix the window.', set).findings.map((f) => f.text)).toEqual(['refused']);
  });
  it('is nothing when the previous sentence points at the person before its subject in a way the pronoun fits', () => {
    // "Mrs Khan's carer … She": Mrs Khan or the carer.
    expect(ref("Mrs Khan's carer arrived late.", 'She was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref("Dev's carer arrived late.", 'He was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref('His carer arrived late.', 'He was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref('Her brother visited on Tuesday.', 'She was shouting on the landing.', 'shouting')).toBeUndefined();
    expect(ref('Their carers arrived late.', 'They were aggressive.', 'aggressive')).toBeUndefined();
    // A name opening the previous sentence is its subject, whatever listed noun follows.
    expect(ref('Carl is a man with a lot of worries.', 'He has anger issues.', 'anger')).toBeUndefined();
    // The pronoun cannot be the person the possessive points at: "her carer … he" is the carer.
    expect(ref("Mum's partner arrived late.", 'He was aggressive.', 'aggressive')).toBe('family');
    expect(ref("Dev's carers arrived late.", 'They were aggressive.', 'aggressive')).toBe('other');
    expect(ref('Two carers arrived late.', 'They were aggressive.', 'aggressive')).toBe('other');
    expect(ref('Her carer arrived late.', 'He was aggressive.', 'aggressive')).toBe('other');
    expect(ref('His carers arrived late.', 'They were aggressive.', 'aggressive')).toBe('other');
  });
  it('is nothing when the antecedent is a man or a woman the pronoun does not fit', () => {
    expect(ref('The landlady called round about the rent.', 'He refused to fix the window.', 'refused')).toBeUndefined();
    expect(ref('Her sister visited on Tuesday.', 'He was shouting on the landing.', 'shouting')).toBeUndefined();
    expect(ref('Her brother visited on Tuesday.', 'She was shouting on the landing.', 'shouting')).toBeUndefined();
    expect(ref('The carer arrived late.', 'She was aggressive.', 'aggressive')).toBe('other');
    expect(ref('The carer arrived late.', 'He was aggressive.', 'aggressive')).toBe('other');
  });
  it('is nothing when the person is mentioned earlier in the paragraph in a way the pronoun fits', () => {
    const ref3 = (earlier: string, previous: string, sentence: string, word: string): About | undefined =>
      pronounReferent(sentence, sentence.indexOf(word), previous, index, () => earlier);
    // "Amir … The carer … He": Amir or the carer.
    expect(ref3('Amir was seen at home.', 'The carer arrived late.', 'He was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref3('Visited Nia at home.', 'The carer arrived late.', 'She was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref3('He was in the lounge.', 'The carer arrived late.', 'He was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref3('I spoke to him about the rota.', 'The carer arrived late.', 'He was aggressive.', 'aggressive')).toBeUndefined();
    expect(ref3('The client was in the lounge.', 'The carer arrived late.', 'She was aggressive.', 'aggressive')).toBeUndefined();
    // A mention the pronoun does not fit leaves the reading alone.
    expect(ref3('He was in the lounge.', 'The carer arrived late.', 'She was aggressive.', 'aggressive')).toBe('other');
    expect(ref3('She was in the lounge on Monday.', 'Her brother visited.', 'He was shouting.', 'shouting')).toBe('family');
    expect(ref3('It rained all morning.', 'The carer arrived late.', 'She was aggressive.', 'aggressive')).toBe('other');
    expect(ref3('Nia was in the lounge.', 'The council wrote in March.', 'They refused the request.', 'refused')).toBe('organisation');
  });
  it('reads the earlier sentences of the paragraph in a document, and not those of an earlier paragraph', () => {
    const set = compileRules([testRule('blaming/t-subject', ['aggressive'], { subject: 'person' })]);
    const texts = (t: string): string[] => analyse(t, set).findings.map((f) => f.text);
    expect(texts('The carer arrived late. She was aggressive.')).toEqual([]);
    expect(texts("Mrs Khan's carer arrived late. She was aggressive.")).toEqual(['aggressive']);
    expect(texts('Amir was seen at home. The carer arrived late. He was aggressive.')).toEqual(['aggressive']);
    expect(texts('Amir was seen at home.\n\nThe carer arrived late. He was aggressive.')).toEqual([]);
    expect(texts('He was seen at home. The carer arrived late. She was aggressive.')).toEqual([]);
  });
});

describe("clausePronounReferent: a pronoun opening a clause after a comma, for the clause before it", () => {
  const ref = (sentence: string, word: string): About | undefined => clausePronounReferent(sentence, sentence.indexOf(word), index);
  it('is the clause subject when it is someone else and nobody else is named', () => {
    expect(ref('14:00 son visited, he was angry with the office.', 'angry')).toBe('family');
    expect(ref('Her brother rang; he was shouting down the phone.', 'shouting')).toBe('family');
    expect(ref('The carer came at nine and she was agitated.', 'agitated')).toBe('other');
    expect(ref('The landlord called round, and then he refused to fix the boiler.', 'refused')).toBe('organisation');
    expect(ref('The council wrote in March, they refused the request.', 'refused')).toBe('organisation');
  });
  it('is nothing when the clause or the sentence before it names the person, or the pronoun does not fit', () => {
    expect(ref('Sam visited his son, he was angry.', 'angry')).toBeUndefined();
    expect(ref("Sam's son visited, he was angry.", 'angry')).toBeUndefined();
    expect(ref('Nia was in the lounge, her son visited, he was angry.', 'angry')).toBeUndefined();
    expect(ref('The landlady called, he was angry.', 'angry')).toBeUndefined();
    expect(ref('The carers arrived, she was agitated.', 'agitated')).toBeUndefined();
    expect(ref('Son visited, he said Sam was angry.', 'angry')).toBeUndefined();
    // Another clause between the pronoun and the match.
    expect(ref('Son visited, he left early, angry about the bill.', 'angry')).toBeUndefined();
    // No pronoun opening the match's clause.
    expect(ref('Son visited and was angry.', 'angry')).toBeUndefined();
    expect(ref('He was angry when his son visited.', 'angry')).toBeUndefined();
  });
  it('applies in a document', () => {
    const set = compileRules([testRule('blaming/t-subject', ['angry'], { subject: 'person' })]);
    const texts = (t: string): string[] => analyse(t, set).findings.map((f) => f.text);
    expect(texts('Son visited, he was angry with the office.')).toEqual([]);
    expect(texts('Sam was seen at nine, he was angry with the office.')).toEqual(['angry']);
    expect(texts('Son visited. Sam was angry with the office.')).toEqual(['angry']);
  });
});

describe('groupReferent: "one of them", "the pair", "the old one" for the noun named just before', () => {
  const set = compileRules([testRule('blaming/t-group', ['aggressive', 'defensive', 'uncooperative', 'refused'], { subject: 'person' })]);
  const texts = (t: string): string[] => analyse(t, set).findings.map((f) => f.text);
  it('is that noun when it is someone or something else and nothing after it could be meant', () => {
    expect(texts('The couple next door keep two rabbits, Dot and Dash. One of them is aggressive with visitors.')).toEqual([]);
    expect(texts('The agency sent three relief workers this week, and one of them was aggressive with Nell.')).toEqual([]);
    expect(texts('Both night drivers saw the transport lead. The pair were defensive when asked about the rota.')).toEqual([]);
    expect(texts('We kept the spare hoist in the hall. That one refused to lift past the bed rail.')).toEqual([]);
    expect(texts('Two agency carers came at eight. The other one was late and refused to stay.')).toEqual([]);
    // an opening "they" after a sentence a group opens
    expect(texts('The duty officer spoke to both drivers. The pair apologised at once. They were defensive about the late pick-up, though.')).toEqual([]);
  });
  it('stays about the person when people, names or an unlisted plural could be meant', () => {
    expect(texts('When I asked the brothers Kit and Lou about it, the pair were uncooperative.')).toEqual(['uncooperative']);
    expect(texts('Nell and Rosa came back from college. One of them was aggressive.')).toEqual(['aggressive']);
    expect(texts('Nell and her cousins came back late. The pair were aggressive.')).toEqual(['aggressive']);
    expect(texts('The carers came with Nell. One of them was aggressive.')).toEqual(['aggressive']);
    expect(texts('Staff took the girls swimming. Both of them were defensive afterwards.')).toEqual(['defensive']);
    // a group needs a plural: a singular organisation or place is not what "the pair" means
    expect(texts('I asked the boys about the school. The pair were uncooperative.')).toEqual(['uncooperative']);
    // another verb with an object after the group is its own clause
    expect(texts('Two carers came at nine. One of them hit Nell and she refused to eat.')).toEqual(['refused']);
  });
});

describe('who a name in apposition or a cast name is', () => {
  const set = compileRules([testRule('blaming/t-cast', ['aggressive', 'refused', 'irritable'], { subject: 'person' })]);
  const texts = (t: string): string[] => analyse(t, set).findings.map((f) => f.text);
  it('a titled name after a role word with a qualifier: "the lodger in the back room, Mr Amis,"', () => {
    expect(texts('The tenant below, Mrs Dale, was aggressive to Nell on the stairs.')).toEqual(['aggressive']);
    expect(texts('The lodger in the back room, Mr Amis, was aggressive to Nell.')).toEqual([]);
    expect(texts('The driver from the taxi firm, Ms Reed, refused to wait for Nell.')).toEqual([]);
  });
  it('a role word after a possessive noun: "her nan\'s partner, Vic,"', () => {
    expect(texts("Her nan's partner, Vic, visits on Sundays. Nell said Vic is aggressive after the pub.")).toEqual([]);
    expect(castOf("His dad's girlfriend, Tash, came round.", index).get('@Tash')).toBe('family');
  });
  it('verbs after an object and "and" share the clause\'s opening subject, so a request as object is not an organisation refusing it', () => {
    expect(texts('Mum argued with the nurse and refused the referral to the dietitian.')).toEqual(['refused']);
    expect(texts('In the last month they have rowed with the school and have refused a referral to early help.')).toEqual(['refused']);
    expect(texts('The panel met the family and refused the request for more hours.')).toEqual([]);
    expect(texts('The council wrote to Nell and refused the application.')).toEqual([]);
    // a reported clause opens after its verb and "that"
    expect(texts('The carers told the office that Nell was up before dawn and refused breakfast.')).toEqual(['refused']);
  });
  it('a pronoun after a predicate-only clause reads the sentence\'s opening subject, and an animal may be "he" or "she"', () => {
    expect(texts("Nell's niece, Ava, visited. Ava's dog, an old rescue, sat under the table; he is aggressive with cats.")).toEqual([]);
    // an owner who may be the one the pronoun means keeps it on the person
    expect(texts("Nell's nephew, Ted, visited. Ted's dog, an old rescue, sat under the table; he is aggressive with cats.")).toEqual(['aggressive']);
    expect(texts('Nell was in the lounge. The dog barked all night. He was aggressive at breakfast.')).toEqual(['aggressive']);
  });
  it('"a man in his twenties known as Rick" is cast, and a parent\'s name or "told her nan" shows a gender', () => {
    const m = compileRules([testRule('blaming/t-manip2', ['manipulative'], { subject: 'person' })]);
    const t = (x: string): string[] => analyse(x, m).findings.map((f) => f.text);
    expect(castOf('The texts are from a man in his twenties known as Rick.', index).get('@Rick')).toBe('other');
    expect(t("Ella's aunt, Pat, rang us. Ella has texts from a man in his twenties known as Rick. Ella told her nan about him. Officers think he is manipulative.")).toEqual([]);
    // a parent's name shows a gender: a woman's name is not the "he"
    expect(t("Ella's mum, Kim, rang us. Ella has texts from a man in his twenties known as Rick. Officers think he is manipulative.")).toEqual(['manipulative']);
    expect(t("Ella's mum, Kim, rang us. Ella told her mum about the texts from a man in his twenties known as Rick. Officers think he is manipulative.")).toEqual([]);
    // a father's name may be the "he"
    expect(t("Ella's dad, Lee, rang us. Ella told her nan about the texts from a man in his twenties known as Rick. Officers think he is manipulative.")).toEqual(['manipulative']);
  });
  it('a "they" after a subordinate clause that names no group is the previous sentence\'s subject\'s', () => {
    expect(texts('The night drivers were an hour late again. After she complained, they were aggressive on the phone.')).toEqual([]);
    // the clause names a group: left on the person
    expect(texts('The night drivers were an hour late again. When Nell and Rosa got home, they were aggressive.')).toEqual(['aggressive']);
    expect(texts('The night drivers were an hour late again. Once I rang, they were aggressive.')).toEqual([]);
  });
  it('"overnight" is a time word, so the subject of a short predicate still carries across "and"', () => {
    expect(texts('The door sensor beeped twice overnight and refused to reset.')).toEqual([]);
    expect(texts('The porters were short of staff, and they were irritable with each other.')).toEqual([]);
  });
});

describe('rules that read no subject still never describe an animal (added 2026-11-28)', async () => {
  const { builtinRuleSet } = await import('../../src/index.js');
  const set = builtinRuleSet();
  const ids = (text: string): string[] => analyse(text, set).findings.map((f) => f.ruleId).filter((id) => id !== 'privacy/person-name');
  it.each([
    ['Olive has a spaniel called Biscuit. Biscuit had gone walkabout again by teatime.', 'dehumanising/wandering'],
    ['Our old cat, Mog, suffers from arthritis and sleeps by the fire.', 'deficit/suffers-from'],
    ['The family terrier goes walkabout whenever the gate is left open.', 'dehumanising/wandering'],
  ])('leaves an animal alone: %s', (text, rule) => {
    expect(ids(text)).not.toContain(rule);
  });
  it.each([
    ['Olive has a spaniel called Biscuit. Olive had gone walkabout again by teatime.', 'dehumanising/wandering'],
    ['Mrs Dunn suffers from arthritis and her cat sleeps on her bed.', 'deficit/suffers-from'],
    ['Kofi walked the dog and then went walkabout until midnight.', 'dehumanising/wandering'],
  ])('still reports the person: %s', (text, rule) => {
    expect(ids(text)).toContain(rule);
  });
});
