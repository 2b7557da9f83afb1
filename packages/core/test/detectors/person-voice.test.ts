/** person-voice: plan share, note view, stats and the kind option. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse } from '../../src/analyse.js';
import { hasWords, inPersonVoice, recordsView, SUBJECT_BEFORE, subjectStartBefore } from '../../src/detectors/person-voice.js';
import { countWords } from '../../src/nlp/sentences.js';
import { repoRuleSet } from '../helpers.js';

const set = repoRuleSet((r) => r.id === 'voice/plan-person-voice' || r.id === 'voice/note-person-view');

/** Sentences that record the person's view, and sentences that record someone else's. */
const VIEWS = [
  'Jack said he would rather stay at home.',
  'He told me that the carers are kind.',
  'In her words, the flat is "home".',
  "Riya's view is that the day centre is too noisy.",
  'She would like to see her sister more often.',
  'Jack does not want to move.',
  '“I just want my own front door,” Jack explained.',
  'Amira refused lunch and said she was not hungry.',
];
const NOT_VIEWS = [
  'His daughter said he is not eating.',
  'Staff said she has been unsettled.',
  'Dr Khan explained the new medication.',
  'The kitchen was untidy.',
  'I will refer to the OT.',
  'Staff came in and said she was asleep.',
  "Jack's mum rang and said he was unwell.",
];

describe('recordsView / inPersonVoice', () => {
  it.each(VIEWS)('records a view: %s', (s) => {
    expect(recordsView(s)).toBe(true);
  });
  it.each(NOT_VIEWS)('does not treat others as the person: %s', (s) => {
    expect(recordsView(s)).toBe(false);
  });
  it('counts first person in plans, but not the worker', () => {
    expect(inPersonVoice('I like gardening and my cat.')).toBe(true);
    expect(inPersonVoice('I visited Jack at home.')).toBe(false);
  });
  it('gives the same answer with the scan’s hints as without', async () => {
    const { scanDocument, skipperFor } = await import('../../src/scan.js');
    const { sentencesOf } = await import('../../src/analyse.js');
    const { text } = await import('../../src/readers/text.js');
    const { builtinRuleSet } = await import('../../src/rules/builtin.js');
    const builtin = builtinRuleSet();
    const meta = builtin.rules.find((r) => r.detector?.meta.name === 'person-voice')!.detector!.meta;
    const [view, hint] = meta.searches!;
    // Every sample above, plus sentences the scan rules out, one paragraph each.
    const source = [...VIEWS, ...NOT_VIEWS, "She doesn't want to move. Her wishes are clear. Told me so. Nothing here at all. I like my cat."].join('\n\n');
    const doc = text(source);
    const sentences = sentencesOf(doc);
    const scan = scanDocument(builtin, doc.text, sentences, builtin.rules.map(() => true));
    const verbAt = skipperFor(scan, view!);
    const hintAt = skipperFor(scan, hint!);
    let ruledOut = 0;
    for (const s of sentences) {
      const v = verbAt(doc.text, s.start);
      const h = hintAt(doc.text, s.start);
      const hints = { verb: v >= 0 && v < s.end, words: h >= 0 && h < s.end };
      if (!hints.verb || !hints.words) ruledOut++;
      expect(recordsView(s.text, hints), s.text).toBe(recordsView(s.text));
      expect(inPersonVoice(s.text, hints), s.text).toBe(inPersonVoice(s.text));
    }
    expect(ruledOut).toBeGreaterThan(3);
  });
});

describe('recordsView with the scan’s positions of view verbs (verbAt)', () => {
  /** recordsView of every sentence of `source`: with hints and verb positions as tally() makes them, and without. */
  async function both(source: string): Promise<[boolean, boolean, string][]> {
    const { scanDocument, skipperFor } = await import('../../src/scan.js');
    const { sentencesOf } = await import('../../src/analyse.js');
    const { text } = await import('../../src/readers/text.js');
    const { builtinRuleSet } = await import('../../src/rules/builtin.js');
    const builtin = builtinRuleSet();
    const [view, hint] = builtin.rules.find((r) => r.detector?.meta.name === 'person-voice')!.detector!.meta.searches!;
    const doc = text(source);
    const sentences = sentencesOf(doc);
    const scan = scanDocument(builtin, doc.text, sentences, builtin.rules.map(() => true));
    const verbAt = skipperFor(scan, view!);
    const hintAt = skipperFor(scan, hint!);
    return sentences.map((s) => {
      const v = verbAt(doc.text, s.start);
      const h = hintAt(doc.text, s.start);
      const hints = {
        verb: v >= 0 && v < s.end,
        words: h >= 0 && h < s.end,
        verbAt: (from: number) => {
          const p = verbAt(doc.text, s.start + from);
          return p >= 0 && p < s.end ? p - s.start : -1;
        },
      };
      return [recordsView(s.text, hints), recordsView(s.text), s.text];
    });
  }

  it('gives the same answer as searching the sentence (samples)', async () => {
    for (const [withAt, without, s] of await both([...VIEWS, ...NOT_VIEWS].join(' '))) expect(withAt, s).toBe(without);
  });

  it('gives the same answer as searching the sentence (generated sentences with several verbs)', async () => {
    const word = fc.constantFrom(
      'Jack', 'He', 'she', 'They', 'Staff', 'His daughter', 'Mrs Patel', 'the GP', 'and', 'but then', 'also', 'has',
      'said', 'says', 'told me', 'explained', 'would like', 'would rather', 'wants', 'does not want', 'doesn’t want', 'agreed', 'felt',
      'resaid', 'unsaid', 'Said', 'to', 'go', 'home', 'his views', 'in her words', '"', '“', '”', "'", ',', '.', '\n',
    );
    const doc = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(doc, async (source) => {
        for (const [withAt, without, s] of await both(source)) expect(withAt, s).toBe(without);
      }),
      { numRuns: 300 },
    );
  });
});

describe('person-voice through analyse()', () => {
  const plan = 'About me\n\nJack is 75. He needs help with washing. Staff support him with meals. He goes to the day centre on Mondays.';
  const note = 'Home visit. Jack was in bed when I arrived. The kitchen was untidy. I will refer to the OT.';

  it('reports a third-person plan (document-level, no span) and records the share and kind', () => {
    const r = analyse(plan, set);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.start])).toEqual([['voice/plan-person-voice', 'info', undefined]]);
    expect(r.stats).toMatchObject({ kind: 'plan', personVoiceShare: 0 });
  });

  it('computes the share of a plan partly in the person voice', () => {
    const r = analyse('About me\n\nI like gardening and my cat. Jack needs help with washing. Staff support him with meals. He goes out on Mondays.', set);
    expect(r.stats.personVoiceShare).toBe(0.25);
    expect(r.findings).toEqual([]);
  });

  it('words quoted from a record or a professional are not the person’s voice; the person’s own quoted words are', () => {
    const quoted = (q: string) => analyse(`About me\n\n${q} Jack needs help with washing. Staff support him with meals. He goes out on Mondays.`, set).stats.personVoiceShare;
    expect(quoted('The GP letter says “Jack is a frail man who needs a care home”.')).toBe(0);
    expect(quoted('The previous worker wrote that Jack is “very settled and no trouble at all”.')).toBe(0);
    expect(quoted('Jack told the GP “I want to stay in my own home”.')).toBe(0.25);
  });

  it('honours the threshold param', () => {
    // detectorParams are keyed by detector name, so run the plan rule alone here.
    const planOnly = repoRuleSet((r) => r.id === 'voice/plan-person-voice');
    const r = analyse('About me\n\nI like gardening and my cat. Jack needs help with washing. Staff support him with meals. He goes out on Mondays.', planOnly, {
      detectorParams: { 'person-voice': { mode: 'plan', threshold: 0.5 } },
    });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['voice/plan-person-voice']);
  });

  it('reports a note with no recorded view, and not one with a view', () => {
    expect(analyse(note, set).findings.map((f) => f.ruleId)).toEqual(['voice/note-person-view']);
    expect(analyse(`${note} Jack said he was cold.`, set).findings).toEqual([]);
  });

  it('uses the kind option over detection', () => {
    const thirdPerson = 'Jack was in bed at noon. The kitchen was untidy today. Carers have missed two calls.';
    expect(analyse(thirdPerson, set).findings.map((f) => f.ruleId)).toEqual(['voice/note-person-view']);
    expect(analyse(thirdPerson, set, { kind: 'plan' }).findings.map((f) => f.ruleId)).toEqual(['voice/plan-person-voice']);
    const asNote = analyse(plan, set, { kind: 'note' });
    expect(asNote.stats.kind).toBe('note');
    expect(asNote.findings.map((f) => f.ruleId)).toEqual(['voice/note-person-view']);
  });

  it('says nothing about short texts', () => {
    expect(analyse('Jack was in bed.', set).findings).toEqual([]);
  });
});

describe('person-voice shortcuts keep the same answers', () => {
  it.each([
    "'Leave it on the table please,' came the reply from the bedroom.",
    "«Je veux rester ici», and Jack's reply was clear.",
    "“I'm staying,” she replied.",
    'Jack then said he was tired.',
    "In Amira's own words, the flat is home.",
    'Sofia has told me she is lonely.',
  ])('still records a view: %s', (s) => {
    expect(recordsView(s)).toBe(true);
  });
  it.each([
    "Mrs Nowak's daughter phoned to say the washing machine is fixed.",
    "The Smiths' house was cold and the heating was off.",
    'Staff then said she was asleep.',
    'The review is booked for Monday.',
  ])('still finds no view: %s', (s) => {
    expect(recordsView(s)).toBe(false);
  });
  it('counts words as countWords does, stopping early', () => {
    const samples = ['', 'one', 'one two three', 'one two three four', "don't won't can't shan't", 'a-b-c d e', '£30 – £40 “ok” ‘no’', 'é è ê ë', 'one two three four-', "x' y' z' w'", '  a  b  c  '];
    for (const s of samples) for (const n of [1, 2, 3, 4, 5]) expect(hasWords(s, n), `${s} ${n}`).toBe(countWords(s) >= n);
  });
  it('only counts a sentence as the person’s voice when it has a voice cue word', () => {
    // "her decision was" records a view, but the sentence has none of the cue words or marks that
    // this detector has always required, so the note still reads as recording no view.
    const note = 'In a meeting today, her decision was final. The kitchen was untidy and cold. Carers have missed two calls.';
    expect(recordsView('In a meeting today, her decision was final.')).toBe(true);
    expect(analyse(note, set).findings.map((f) => f.ruleId)).toEqual(['voice/note-person-view']);
    expect(analyse(note.replace('her decision', 'I think her decision'), set, { kind: 'note' }).findings).toEqual([]);
  });
});


describe('subjectStartBefore', () => {
  /** SUBJECT_BEFORE on the slice, as viewIn() read it: the subject's start in the sentence, or -1. */
  function reference(sentence: string, from: number, to: number): number {
    const before = sentence.slice(from, to);
    const sm = SUBJECT_BEFORE.exec(before);
    return sm ? from + sm.index + sm[0].indexOf(sm[1]!) : -1;
  }
  const piece = fc.constantFrom(
    'He', 'he', 'She', 'she', 'They', 'they', 'the', 'THe', 'Amira', 'McTom', 'Mary-Jane', 'TOM', 'O’Neil', "Jo's", 'A', 'x', 'Éva', 'Zoë',
    'has', 'had', 'have', 'also', 'clearly', 'then', 'Then', 'xhas', 'hasn', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', ',', '.', '(', '-', '_', '1', "'", '’', '"',
  );
  const word = fc.constantFrom('He', 'he', 'She', 'she', 'They', 'they', 'the', 'THe', 'Amira', 'McTom', 'Mary-Jane', 'TOM', 'Then', 'Éva', 'x', 'Jo');
  const aux = fc.constantFrom('', 'has', 'had', 'have', 'also', 'clearly', 'then', 'xhas', 'hasn', 'Has');
  const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '');
  it('answers as SUBJECT_BEFORE on the slice, and the subject read from where it begins is its group', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), word, space, aux, space, fc.array(piece, { maxLength: 3 }), fc.nat(), fc.nat(), fc.boolean(), (head, w, s1, a, s2, tail, x, y, atEnd) => {
        // A subject, white space and perhaps an auxiliary: the shape SUBJECT_BEFORE reads, ending
        // the slice half the time, anywhere else the other half.
        const body = head.join('') + w + s1 + a + s2;
        const sentence = body + tail.join('');
        const to = atEnd ? body.length : sentence.length ? y % (sentence.length + 1) : 0;
        const from = to ? x % (to + 1) : 0;
        const at = subjectStartBefore(sentence, from, to);
        expect(at, JSON.stringify([sentence, from, to])).toBe(reference(sentence, from, to));
        if (at >= 0) {
          const sm = SUBJECT_BEFORE.exec(sentence.slice(from, to))!;
          // viewIn() reads the subject as its first letter and the lower-case letters after it.
          expect(/^.[a-z]*/.exec(sentence.slice(at))![0]).toBe(sm[1]);
        }
      }),
      { numRuns: 20000 },
    );
  });
});
