/**
 * Context end to end through analyse(), with small test-only rules: the person's own words
 * (speech vs scare quotes, includeQuotes, colon speech, continued paragraphs), first-person
 * self-description, negation policies, `subject`, the allow-list and per-call `allow`.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { markdown } from '../../src/readers/markdown.js';
import { validateRule } from '../../src/schema/rule.js';
import type { AnalyseOptions, Finding } from '../../src/types.js';
import { RULES, testRule, testSet } from './test-rules.js';

const all = testSet(Object.values(RULES), ['Carer’s Allowance', 'Challenging Behaviour Foundation', 'treatment-resistant']);

function run(text: string, options: AnalyseOptions = {}): Finding[] {
  const r = analyse(text, all, options);
  for (const f of r.findings) if (f.start) expect(text.slice(f.start.offset, f.end!.offset)).toBe(f.text);
  return r.findings;
}
const brief = (fs: Finding[]): string[] => fs.map((f) => `${f.text}:${f.severity}${f.quoted ? ':quoted' : ''}`);

describe("the person's own words", () => {
  it('direct speech is suppressed; includeQuotes reports it at info, quoted: true', () => {
    const t = 'Jack said "I refused the day centre because it is boring."';
    expect(run(t)).toEqual([]);
    const f = run(t, { includeQuotes: true });
    expect(brief(f)).toEqual(['refused:info:quoted']);
    expect(f[0]!.quoted).toBe(true);
  });

  it.each([
    'He said “I refused. I was tired of it all.”',
    "She said 'I refuse to go there.'",
    'In her words: I refused the room because it smells.',
    "In Jack's own words: I am not a service user.",
    'He said "no, I refuse".',
  ])('speech in every style is suppressed: %s', (t) => {
    expect(run(t)).toEqual([]);
    expect(run(t, { includeQuotes: true }).every((f) => f.quoted && f.severity === 'info')).toBe(true);
  });

  it.each([
    ["Staff reported his 'challenging' behaviour.", 'challenging'],
    ["She was portrayed as 'impulsive' in the review.", 'impulsive'],
    ['He is "non-compliant" with his diet.', 'non-compliant'],
    ['He was described as “aggressive and a danger to staff”.', 'aggressive'],
  ])('scare quotes are the writer’s label and are reported: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:warning`]);
  });

  it('a scare-quoted word inside the person’s speech is still their speech', () => {
    expect(run('She said “the nurse called me ‘aggressive’ and I cried.”')).toEqual([]);
  });

  it('speech spanning a paragraph break (continued quote) is suppressed in both paragraphs', () => {
    const t = '“I never wanted to move here and I refused the room.\n\n“I want to go home,” Jack said. Staff found him agitated.';
    expect(brief(run(t))).toEqual(['agitated:warning']);
    const md = markdown(t);
    expect(brief(analyse(md, all).findings)).toEqual(['agitated:warning']);
  });

  it('an unbalanced quote never suppresses the rest of the document', () => {
    const t = 'He said "I am fine.\n\nLater Jack refused his tea. The service user was agitated.';
    expect(brief(run(t))).toEqual(['refused:warning', 'service user:warning', 'agitated:warning']);
    const t2 = 'He said “I am fine and then Jack refused his tea.';
    expect(brief(run(t2))).toEqual(['refused:warning']);
  });

  it('apostrophes do not start quotes that hide findings', () => {
    const t = "Jack's mum won't visit. The Smiths' son refused his tea and the service user's room was cold.";
    expect(brief(run(t))).toEqual(['refused:warning', 'service user:warning']);
  });

  it('privacy rules report identifiers inside quotes (quotes: report is the default for privacy)', () => {
    expect(brief(run('He said "ring me on 07700 900123 any time you like."'))).toEqual(['07700 900123:warning']);
  });
});

describe('first-person self-description', () => {
  it.each([
    ['I have a learning disability and I like going to the gym.', 'learning disability'],
    ['I am wheelchair-bound since my accident.', 'wheelchair-bound'],
    ['Sometimes I refuse my tablets because they make me sick.', 'refuse'],
    ['My carers say I can be aggressive when I am in pain.', 'aggressive'],
    ['When I get anxious, I refuse to go out.', 'refuse'],
  ])('is reported at info, not suppressed: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:info`]);
  });

  it('other people in the sentence are not self-description', () => {
    expect(brief(run('I visited today and Jack refused his tablets.'))).toEqual(['refused:warning']);
    expect(brief(run('Staff say he is aggressive.'))).toEqual(['aggressive:warning']);
  });

  it('dehumanising labels are softened only as self-labels ("I am a …")', () => {
    expect(brief(run("I'm a service user and proud of it."))).toEqual(['service user:info']);
    expect(brief(run('They call me a service user.'))).toEqual(['service user:info']);
    expect(brief(run('I have 28 service users on my list.'))).toEqual(['service users:warning']);
    expect(brief(run('My service users are waiting.'))).toEqual(['service users:warning']);
  });

  it('"my <noun>" is someone else: "my client is …" is not self-description', () => {
    expect(brief(run('My client is wheelchair-bound.'))).toEqual(['wheelchair-bound:warning']);
    expect(brief(run('My mum says I refuse too much.'))).toEqual(['refuse:info']);
    expect(brief(run('My learning disability means I need help with forms.'))).toEqual(['learning disability:info']);
  });

  it('only deficit, dehumanising and blaming are softened', () => {
    expect(brief(run('I need respite every month.'))).toEqual(['respite:warning']);
    expect(brief(run('I am allowed to go out.'))).toEqual(['allowed to:warning']);
  });

  it('a longer document is softened only when it reads as the person’s plan', () => {
    const note = 'I visited Jack at home today. I refused to leave until the manager came. We talked about lunch.';
    expect(brief(run(note))).toEqual(['refused:warning']);
    const plan = '# About me\n\nI like music and walks. I have a learning disability. I love my sister.';
    expect(brief(analyse(markdown(plan), all).findings)).toEqual(['learning disability:info']);
    expect(brief(run('I like music. I have a learning disability. I love my sister.', { kind: 'plan' }))).toEqual(['learning disability:info']);
  });

  it("a letter, complaint, statement or self-assessment titled as the person's own words reads as theirs", () => {
    const body = '\n\nThank you for coming on Tuesday. I refused the place at Fernlea because it is too far. My respite is in May, and I need respite every month. They called me a "service user" at the desk. I will pay my share.';
    expect(brief(run('Letter from Ursula to her social worker' + body))).toEqual(['refused:info', 'respite:info', 'respite:warning', 'service user:info']);
    expect(brief(run('Complaint from Torin' + body))).toEqual(['refused:info', 'respite:info', 'respite:warning', 'service user:info']);
    expect(brief(run('My self-assessment' + body))).toEqual(['refused:info', 'respite:info', 'respite:warning', 'service user:info']);
    // A worker's letter: "I" is the worker, and the jargon is theirs.
    expect(brief(run('Letter from Hannah, social worker' + body))).toEqual(['refused:warning', 'respite:warning', 'respite:warning', 'service user:warning']);
    expect(brief(run('Letter from the review team' + body))).toEqual(['refused:warning', 'respite:warning', 'respite:warning', 'service user:warning']);
  });

  it("in the person's own letter, a label in quotes that someone else used is reported at info", () => {
    const body = '\n\nThey also called him "aggressive" at the desk. He walks every morning.';
    expect(brief(run('A letter from Winifred about my husband' + body))).toEqual(['aggressive:info']);
    // The same words in a worker's note are the writer's label; and the writer's own quote is theirs.
    expect(brief(run('Visit note' + body))).toEqual(['aggressive:warning']);
    expect(brief(run('Letter from Winifred\n\nI called him "aggressive" at the desk. He walks every morning.'))).toEqual(['aggressive:warning']);
  });

  it('in a case note (kind: note) "I" is the writer, so nothing is softened', () => {
    expect(brief(run('I refused to leave until the manager came.', { kind: 'note' }))).toEqual(['refused:warning']);
  });
});

describe("someone else's label, recorded with the person disputing it", () => {
  it.each([
    ["The nursery wrote that Priya is 'impulsive', which her dad disputes.", "Priya is 'impulsive'"],
    ['The ward letter says he is agitated at night, which he strongly disagrees with.', 'agitated'],
    ['Dad disagrees with the description of him as aggressive.', 'aggressive'],
    ["She does not accept the school's view that she is challenging.", 'challenging'],
    ['Jo would like the care home to stop calling her non-compliant.', 'non-compliant'],
  ])('is reported at info, not dropped: %s', (t, word) => {
    const f = run(t);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
    expect(f.some((x) => x.text.includes(word.replace(/^.*'(\w+)'$/, '$1')))).toBe(true);
  });

  it("the writer's own label is still reported, even when the person disputes it", () => {
    expect(brief(run('Jo was aggressive last night, which she disputes.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Mum does not accept the concerns and was aggressive to the worker.'))).toEqual(['aggressive:warning']);
  });

  it.each([
    ['The nurse on the ward said Ted was "aggressive". He isn\'t aggressive. He was frightened.', 'aggressive'],
    ['Your worker wrote that I was "non-compliant". I am not non-compliant.', 'non-compliant'],
    ['School said she was challenging last term. It isn\'t true.', 'challenging'],
    ['The doctor said I was non-compliant, which isn\'t fair.', 'non-compliant'],
  ])('a denial in the next sentence, or "which isn\'t fair", counts too: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:info`]);
  });

  it.each([
    ['The dietitian said Mo was non-compliant with his diet. That was wrong, and we have changed it.', 'non-compliant'],
    ['Our letter described Amy as challenging. That was not a fair way to describe her.', 'challenging'],
    ['The assessor wrote that Lin was aggressive. This was the wrong word to use.', 'aggressive'],
  ])('a next sentence calling the reported words wrong counts too: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:info`]);
  });

  it.each([
    ['Teresa said a nurse once told them Rhys was "aggressive", which upset them both.', 'aggressive'],
    ['The agency described Nell as "challenging", which really hurt her.', 'challenging'],
  ])('a reported quoted label that "upset them" or "hurt her" counts too: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:info`]);
  });

  it.each([
    ['Her review says the ward called Dot "challenging", and she asked for that to be changed.', 'challenging'],
    ['The surveyor described Mr Ali as "aggressive", which he asked us to correct.', 'aggressive'],
    ['Her dad said she was "challenging" at school, and she still hates the word.', 'challenging'],
  ])('a reported quoted label the person asked to have changed, or dislikes as a word, counts too: %s', (t, word) => {
    expect(brief(run(t))).toEqual([`${word}:info`]);
  });

  it('an unquoted label, or the writer\'s own quoted label, before "and she asked for it to be changed" is not a dispute', () => {
    expect(brief(run('Staff said Mo was aggressive, and she asked for that to be changed.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Mo was "aggressive" and asked for the rota to be changed.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Staff said Mo was "aggressive" at lunch and she hates it.'))).toEqual(['aggressive:warning']);
  });

  it('"which upset them" after an unquoted label, or after the writer\'s own quoted label, is not a dispute', () => {
    expect(brief(run('Staff said Mo was aggressive, which upset them both.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Mo was "aggressive", which upset them both.'))).toEqual(['aggressive:warning']);
  });

  it('"That was wrong" after the writer\'s own label, or about something else, is not a dispute', () => {
    expect(brief(run('Mo was aggressive at lunch. That was wrong.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Staff said Mo was aggressive. That was a long day for everyone.'))).toEqual(['aggressive:warning']);
  });

  it('a next sentence that does not deny the label, or a label nobody reported, is still reported', () => {
    expect(brief(run('Staff said he was "aggressive". He isn\'t eating much either.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Jo was aggressive on Monday. She isn\'t aggressive now.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Staff said he was aggressive.\n\nHe isn\'t aggressive.'))).toEqual(['aggressive:warning']);
  });

  it('only deficit, dehumanising, blaming and gatekeeping are softened', () => {
    expect(brief(run('Staff say he is not allowed to go out, which he disputes.'))).toEqual(['allowed to:warning']);
  });
});

describe('a label mentioned, not used', () => {
  it.each([
    ['Please stop using terms like "service user" in team emails.', 'service user'],
    ['Replace "suffers from" with "has" or "lives with".', null],
    ['Rather than "aggressive", describe what Ola did and what came before it.', 'aggressive'],
    ['Avoid writing "refusal" in a review; write what Sam chose and why.', 'refusal'],
    ['We counted how often "respite" was used in last year\'s plans.', null],
    ['"Agitated" appears in 12 of the 30 notes we read.', 'Agitated'],
    ['Your old file calls you "wheelchair-bound", and we have corrected it.', 'wheelchair-bound'],
    ['The 2021 assessment described Kit as "challenging" and "impulsive".', 'impulsive'],
    ['A previous worker had written that Noor was "aggressive" at the door.', 'aggressive'],
    ['Bilal is tired of being called a "service user" at the centre.', 'service user'],
    ['Older notes say he was "aggressive" on the ward; Ezra remembers it differently.', 'aggressive'],
    ['The first referral said Kit was "settled at home" with "impulsive" moments at school.', 'impulsive'],
    // A plan, a form or a handover is a record too.
    ['Her 2023 care plan described Ada as "aggressive" at night.', 'aggressive'],
    ['The admission form called him "a service user" throughout.', 'service user'],
    // The quoted words naming a kind of letter, code or flag: wording a service used, talked about.
    ['The trust has stopped sending "non-compliant" letters to families.', 'non-compliant'],
    ['An "aggressive" flag sat on the old system until the audit.', 'aggressive'],
  ])('a word talked about, or quoted from a record to answer it, is reported at info: %s', (t, word) => {
    const f = run(t);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
    if (word) expect(f.some((x) => x.text === word && x.message.includes('quoted as a word or from a record'))).toBe(true);
  });

  it('the word-as-word frame covers every category but privacy and voice', () => {
    expect(brief(run('Instead of "allowed to", write what Dee can do.'))).toEqual(['allowed to:info']);
    expect(brief(run('Instead of "respite", say "a short break".'))).toEqual(['respite:info']);
  });

  it('a label that staff or a team are said to use of the person is passed on, and still reported', () => {
    expect(brief(run('The night staff describe Ola as "aggressive" when she is woken.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Carers call him "challenging" at mealtimes.'))).toEqual(['challenging:warning']);
    expect(brief(run('I wrote that Noor was "aggressive" at the door.'))).toEqual(['aggressive:warning']);
    expect(brief(run('The night staff say Ola is "aggressive" when she is woken.'))).toEqual(['aggressive:warning']);
    // A record named in an earlier clause is not the one using the word: a professional is.
    expect(brief(run('In the assessment, the nurse described Ola as "non-compliant" with her tablets.'))).toEqual(['non-compliant:warning']);
    // … but the record's own relative clause is ("Jo's note, which said …").
    expect(brief(run('We read the March note, which said Ola "refuses to engage" with the team.'))).toEqual(['refuses:info']);
  });

  it('a label in quotes with no such frame, or outside quotes, is still reported', () => {
    expect(brief(run('Ola is "aggressive" with the night staff.'))).toEqual(['aggressive:warning']);
    // A preposition carries a record's list on, not the writer's own quote after someone's words.
    expect(brief(run('Kit said he was "fine" today with "impulsive" moments at school.'))).toEqual(['impulsive:warning']);
    expect(brief(run('Avoid service users being left alone in the garden.'))).toEqual(['service users:warning']);
    // A word after the quote that is not a letter, code or flag leaves it the writer's label.
    expect(brief(run('Ola was "aggressive" towards the letters carrier.'))).toEqual(['aggressive:warning']);
  });

  it('a Markdown word-swap table: the "Instead of" column is mentioned, the other columns are read as usual', () => {
    const t = ['# Kinder words', '', '| Words to avoid | What to write | Note |', '|:---|---|---|', '| service user | the person\'s name | Ola is aggressive |', '| suffers from | lives with | |'].join('\n');
    const r = analyse(markdown(t), all);
    expect(brief(r.findings)).toEqual(['service user:info', 'aggressive:warning', 'suffers from:info']);
    expect(brief(run('Words to avoid | service user'))).toEqual(['service user:warning']);
    // With Windows line ends, and on the last line with no line end after it.
    const crlf = t.replace(/\n/g, '\r\n');
    expect(brief(analyse(markdown(crlf), all).findings)).toEqual(['service user:info', 'aggressive:warning', 'suffers from:info']);
  });

  it('the writer challenging a reported label counts as a dispute', () => {
    expect(brief(run('The agency called Mrs Obi "aggressive" last week, which we have queried with them.'))).toEqual(['aggressive:info']);
    expect(brief(run('Mrs Obi was aggressive last week, which we have queried.'))).toEqual(['aggressive:warning']);
  });

  it('the writer calling a reported label wrong, quoted or not, counts as a dispute', () => {
    expect(brief(run('An old GP letter calls Mrs Obi aggressive; that is not how we describe her.'))).toEqual(['aggressive:info']);
    expect(brief(run('The 2019 referral described him as aggressive, which is wrong.'))).toEqual(['aggressive:info']);
    expect(brief(run('Agency staff call him aggressive, which is not a word we use.'))).toEqual(['aggressive:info']);
    expect(brief(run('The referral called her "aggressive", which was unfair.'))).toEqual(['aggressive:info']);
    // The writer's own label with a correction after it is still the label.
    expect(brief(run('Mr Obi is aggressive; that is not how we describe him.'))).toEqual(['aggressive:warning']);
    expect(brief(run('Mr Obi was aggressive, which is wrong of him.'))).toEqual(['aggressive:warning']);
  });

  it('the person disagreeing in the next sentence counts as a dispute; disagreeing with something else does not', () => {
    expect(brief(run('The ward notes describe her as aggressive. Anouk disagrees.'))).toEqual(['aggressive:info']);
    expect(brief(run('The referral described him as aggressive. Mum does not agree with that at all.'))).toEqual(['aggressive:info']);
    expect(brief(run('The notes describe him as aggressive. He disagrees and says he only shouted once.'))).toEqual(['aggressive:info']);
    expect(brief(run('The ward notes describe her as aggressive. Anouk disagrees with the plan to move her.'))).toEqual(['aggressive:warning']);
    // The writer's own label is still the label.
    expect(brief(run('He was aggressive to staff. He disputes this.'))).toEqual(['aggressive:warning']);
  });

  it('the person naming the words they prefer, in the next sentence, answers a reported label; a preference about something else does not', () => {
    expect(brief(run('Her brother asked whether Tess is "aggressive". Tess said she prefers to say she gets frightened.'))).toEqual(['aggressive:info']);
    expect(brief(run('The referral described him as aggressive. He would rather be described as someone who shouts when he is scared.'))).toEqual(['aggressive:info']);
    expect(brief(run('The ward notes describe her as aggressive. She prefers to meet at the library.'))).toEqual(['aggressive:warning']);
    // The writer's own label is still the label.
    expect(brief(run('Tess was aggressive to staff. She prefers to say she gets frightened.'))).toEqual(['aggressive:warning']);
  });

  it('a dispute wrapped over a line, or "stops calling", is read as it is on one line', () => {
    expect(brief(run('The 2019 referral described him as aggressive, which\nis wrong.'))).toEqual(['aggressive:info']);
    expect(brief(run('An old GP letter calls Mrs Obi aggressive; that is not how\nwe describe her.'))).toEqual(['aggressive:info']);
    expect(brief(run('The agency called Mrs Obi "aggressive" last week, which we\nhave queried with them.'))).toEqual(['aggressive:info']);
    expect(brief(run('Mum wants the school to stop calling him aggressive.'))).toEqual(['aggressive:info']);
    expect(brief(run('Mum asked that the school stops calling him aggressive.'))).toEqual(['aggressive:info']);
  });
});

describe('negation policies', () => {
  const drop = testRule('blaming/t-drop', ['aggressive']);
  const down = testRule('dehumanising/t-down', ['bed blocker'], { negation: 'downgrade' });
  const keep = testRule('blaming/t-keep', ['refused'], { negation: 'keep' });
  const defaults = testRule('control/t-default', ['permitted']);
  const set = testSet([drop, down, keep, defaults]);
  const b = (t: string): string[] => brief(analyse(t, set).findings);

  it('drop (default for blaming and deficit): a negated match is not reported', () => {
    expect(b('She is not aggressive.')).toEqual([]);
    expect(b('There is no evidence he was aggressive.')).toEqual([]);
    expect(b('She is aggressive.')).toEqual(['aggressive:warning']);
  });
  it('downgrade: a negated match is reported at info', () => {
    expect(b('He is no longer a bed blocker.')).toEqual(['bed blocker:info']);
    expect(b('He is a bed blocker.')).toEqual(['bed blocker:warning']);
  });
  it('keep: negation changes nothing', () => {
    expect(b('Jack never refused.')).toEqual(['refused:warning']);
  });
  it('keep is the default outside blaming and deficit ("not permitted" is itself control)', () => {
    expect(b('Visitors are not permitted after 8pm.')).toEqual(['permitted:warning']);
  });
  it('negation after the word, or in another clause, does not count', () => {
    expect(b('She was aggressive, not calm.')).toEqual(['aggressive:warning']);
    expect(b('He did not sleep, he was aggressive.')).toEqual(['aggressive:warning']);
  });
  it('the rule schema accepts the three policies and nothing else', () => {
    for (const negation of ['drop', 'downgrade', 'keep'] as const) expect(() => validateRule({ ...drop, negation })).not.toThrow();
    expect(() => validateRule({ ...drop, negation: 'maybe' })).toThrow(/negation/);
  });
});

describe('subject: who the sentence is about', () => {
  const person = testRule('blaming/t-person', ['refused', 'refuses'], { subject: 'person' });
  const control = testRule('control/t-person', ['allow', 'allows', 'allowed'], { subject: 'person' });
  const org = testRule('gatekeeping/t-org', ['refused', 'reduced'], { subject: 'organisation' });
  const any = testRule('blaming/t-any', ['refusal']);
  const set = testSet([person, control, org, any]);
  const ids = (t: string): string[] => analyse(t, set).findings.map((f) => `${f.ruleId}:${f.text}`);

  it('person: fires when the person is the subject or object', () => {
    expect(ids('Jack refused his tablets.')).toEqual(['blaming/t-person:refused']);
    expect(ids('We will allow her to go to the pub.')).toEqual(['control/t-person:allow']);
  });
  it('person: not when an organisation, machine, request or document is', () => {
    expect(ids('Card refused at the till.')).toEqual([]);
    expect(ids('His application was refused.')).toEqual([]);
    expect(ids('The tenancy allows pets.')).toEqual([]);
    expect(ids('The system allowed the upload.')).toEqual([]);
  });
  it('person: not when a professional, staff or a stranger is the one described', () => {
    const blame = testSet([testRule('blaming/t-blame', ['refused', 'refusal', 'defensive'], { subject: 'person' })]);
    const texts = (t: string): string[] => analyse(t, blame).findings.map((f) => f.text);
    expect(texts('The GP refused to prescribe.')).toEqual([]);
    expect(texts('The taxi driver refused to wait.')).toEqual([]);
    expect(texts('Staff were defensive when Sam complained.')).toEqual([]);
    expect(texts('Sam was defensive.')).toEqual(['defensive']);
    expect(texts('Sam is a young man who can be defensive.')).toEqual(['defensive']);
  });
  it('person: an organisation that reports, notes or meets the word is not its subject', () => {
    const blame = testSet([testRule('blaming/t-blame', ['refusal', 'defensiveness'], { subject: 'person' })]);
    const texts = (t: string): string[] => analyse(t, blame).findings.map((f) => f.text);
    expect(texts('The home reports ongoing refusal of personal care.')).toEqual(['refusal']);
    expect(texts('The team noted defensiveness when money was discussed.')).toEqual(['defensiveness']);
    expect(texts("The council's refusal to fund respite upset Amira.")).toEqual([]);
  });
  it('organisation: fires only when an organisation is the subject or agent', () => {
    expect(ids('The council refused the request.')).toEqual(['gatekeeping/t-org:refused']);
    expect(ids('Her hours were reduced by the panel.')).toEqual(['gatekeeping/t-org:reduced']);
    expect(ids('Jack reduced his smoking.')).toEqual([]);
  });
  it('any (default): the subject is not checked', () => {
    expect(ids('The council’s refusal was upsetting.')).toEqual(['blaming/t-any:refusal']);
  });
  it('the rule schema accepts person, organisation and any', () => {
    for (const subject of ['person', 'organisation', 'any'] as const) expect(() => validateRule({ ...person, subject })).not.toThrow();
    expect(() => validateRule({ ...person, subject: 'machine' })).toThrow(/subject/);
  });
});

describe('protected terms', () => {
  it('compound terms on the allow-list are never flagged', () => {
    expect(run('She gets Carer’s Allowance and Carer\'s Allowance.')).toEqual([]);
    expect(run('We met the Challenging Behaviour Foundation.')).toEqual([]);
    expect(run('Treatment-resistant epilepsy.')).toEqual([]);
  });
  it('the same words outside the protected phrase are still flagged', () => {
    expect(brief(run('His behaviour is challenging. We will allow him out.'))).toEqual(['challenging:warning', 'allow:warning']);
  });
  it('per-call allow adds protected phrases', () => {
    expect(brief(run('The Respite Garden Project opens today and respite is booked.', { allow: ['Respite Garden Project'] }))).toEqual(['respite:warning']);
    expect(brief(run('The Respite Garden Project opens today.'))).toEqual(['Respite:warning']);
  });
});
