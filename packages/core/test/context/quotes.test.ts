/**
 * Quote pairing (context/quotes.ts): speech vs scare quotes, all quote styles, nesting,
 * apostrophes, unbalanced marks, paragraph continuation and colon-introduced speech.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findColonSpeech, findQuotes, opensWithQuote, quoteAt, speechAround } from '../../src/context/quotes.js';

/** The quoted texts with their kinds, for readable assertions. */
function quotes(text: string, continues = false): [string, string][] {
  return findQuotes(text, 0, text.length, { continues }).map((q) => [text.slice(q.start, q.end), q.kind]);
}

describe('findQuotes: styles', () => {
  it.each([
    ['He said "I do not want to go to the day centre."', 'I do not want to go to the day centre.'],
    ['He said “I do not want to go to the day centre.”', 'I do not want to go to the day centre.'],
    ["He said 'I do not want to go to the day centre.'", 'I do not want to go to the day centre.'],
    ['He said ‘I do not want to go to the day centre.’', 'I do not want to go to the day centre.'],
    ['He said «I do not want to go to the day centre.»', 'I do not want to go to the day centre.'],
  ])('%s', (text, inner) => {
    expect(quotes(text)).toEqual([[inner, 'speech']]);
  });
});

describe('findQuotes: speech or scare quotes', () => {
  it.each([
    ["Staff reported his 'challenging' behaviour.", 'challenging', 'scare'],
    ["She was portrayed as 'impulsive' by the team.", 'impulsive', 'scare'],
    ['The so-called “respite” break was cancelled.', 'respite', 'scare'],
    ['He was described as "a danger to everyone around him".', 'a danger to everyone around him', 'scare'],
    ['He said "no".', 'no', 'speech'],
    ['Jack told us: "rubbish".', 'rubbish', 'speech'],
    ['In her own words, "leave me alone".', 'leave me alone', 'speech'],
    ['“I hate it,” she said.', 'I hate it,', 'speech'],
    ['She wants "to go home and see my cat" soon.', 'to go home and see my cat', 'speech'],
    ['A short "quiet room" label.', 'quiet room', 'scare'],
    // A quotation from a professional, a service or a record is theirs: not the person's voice.
    ['The GP letter says “Sam is a known drug user”.', 'Sam is a known drug user', 'reported'],
    ['The previous worker wrote that Sam is “manipulative and a liar”.', 'manipulative and a liar', 'reported'],
    ['The referral dated May states: “he refuses to engage with anyone”.', 'he refuses to engage with anyone', 'reported'],
    ['Staff report that Sam was “aggressive all morning long”.', 'aggressive all morning long', 'reported'],
    // …unless the person is the subject of the last reporting verb.
    ['The report states that Sam said “I refused because they were rude”.', 'I refused because they were rude', 'speech'],
    ['Sam told the GP “I will not take the new tablets”.', 'I will not take the new tablets', 'speech'],
    ['The nurse noted that she said “I want to go home now”.', 'I want to go home now', 'speech'],
    // A short quote after the person's own speech verb is how they put it, not the writer's label…
    ['Lee said he has felt “totally unmotivated” since the move.', 'totally unmotivated', 'speech'],
    ['Amira told me that she was “fine”.', 'fine', 'speech'],
    ["Jo says she's been “really down” lately.", 'really down', 'speech'],
    ['Nia told me she feels she is “not coping” some days.', 'not coping', 'speech'],
    ['Marek said it would give him “some breathing space” at weekends.', 'some breathing space', 'speech'],
    ['Dee said this makes her “properly happy”.', 'properly happy', 'speech'],
    ['Mo laughed that he had been “a right grump” all week.', 'a right grump', 'speech'],
    ['Bev joked that she was “hopeless” with the remote.', 'hopeless', 'speech'],
    // …but not after a professional's, the family's or the writer's, nor a noun the writer quotes.
    ['Staff said he was “unmotivated”.', 'unmotivated', 'scare'],
    ['His mum said he was “lazy”.', 'lazy', 'scare'],
    ['Staff described him as “unmotivated”.', 'unmotivated', 'scare'],
    ["Jack says he is seeing his 'sinus doctor' on Friday.", 'sinus doctor', 'scare'],
    ['Amira said she was with her “friends” all night.', 'friends', 'scare'],
    ['Staff said it would give him “a reality check”.', 'a reality check', 'scare'],
    ['His mum said she thinks he is “lazy”.', 'lazy', 'scare'],
    ['His mum joked that he was “lazy”.', 'lazy', 'scare'],
  ])('%s → %s (%s)', (text, inner, kind) => {
    expect(quotes(text)).toEqual([[inner, kind]]);
  });

  it('speech spanning several sentences is one quote', () => {
    const t = 'Jack said "I refused. I was tired. Leave me alone." Then he slept.';
    expect(quotes(t)).toEqual([['I refused. I was tired. Leave me alone.', 'speech']]);
  });
});

describe('findQuotes: apostrophes never open or close a quote', () => {
  it.each([
    "Jack's mum said he don't like it and won't go.",
    'Jack’s mum said he don’t like it and won’t go.',
    "The Smiths' house is near the O'Neills' shop.",
    "Rock 'n' roll night at the Smiths' place",
  ])('%s', (t) => {
    // No quote may swallow a whole stretch of the sentence.
    for (const [inner] of quotes(t)) expect(inner.length).toBeLessThanOrEqual(2);
  });

  it("a plural possessive inside a single-quoted speech does not end it early", () => {
    const t = "She said 'we went to the Smiths' house and I refused to stay' and laughed.";
    expect(quotes(t)).toEqual([["we went to the Smiths' house and I refused to stay", 'speech']]);
  });

  it('contractions inside a quote', () => {
    const t = "He said 'I don't want it, I'm fine' and left.";
    expect(quotes(t)).toEqual([["I don't want it, I'm fine", 'speech']]);
  });
});

describe('findQuotes: nesting', () => {
  it('single quotes inside double quotes: both spans, outer is speech', () => {
    const t = 'She said “the nurse called me ‘difficult’ and I cried.”';
    const spans = findQuotes(t);
    expect(spans.map((q) => [t.slice(q.start, q.end), q.kind])).toEqual([
      ['the nurse called me ‘difficult’ and I cried.', 'speech'],
      ['difficult', 'scare'],
    ]);
    const at = t.indexOf('difficult');
    // The innermost span is the scare quote; the speech around it decides.
    expect(quoteAt(spans, at, at + 9)!.kind).toBe('scare');
    expect(speechAround(spans, at, at + 9)!.kind).toBe('speech');
  });

  it('double inside single (straight)', () => {
    const t = `He said 'they call it "respite" but I call it prison.'`;
    expect(quotes(t)).toEqual([
      ['they call it "respite" but I call it prison.', 'speech'],
      ['respite', 'scare'],
    ]);
  });

  it('an inner quote left open is dropped when the outer closes', () => {
    const t = 'She said “I told them ‘no and I meant it.” Then she left.';
    expect(quotes(t)).toEqual([['I told them ‘no and I meant it.', 'speech']]);
  });
});

describe('findQuotes: unbalanced quotes', () => {
  it('an opening mark that never closes suppresses nothing', () => {
    expect(quotes('He said "I refused and then everything after this is the writer again.')).toEqual([]);
    expect(quotes('He said “I refused. Staff noted he was aggressive all day.')).toEqual([]);
  });

  it('a stray closing mark is ignored', () => {
    expect(quotes('He refused” and left. Then “he came back” later.')).toEqual([['he came back', 'scare']]);
  });

  it('an inch mark is not a quote', () => {
    expect(quotes('He is 5\'11" tall and said "I am fine, thanks a lot."')).toEqual([['I am fine, thanks a lot.', 'speech']]);
  });

  it('only the given block is searched', () => {
    const t = '"First block open\n\nsecond block" closes';
    const first = t.indexOf('\n\n');
    expect(findQuotes(t, 0, first)).toEqual([]);
    expect(findQuotes(t, first + 2, t.length)).toEqual([]);
  });

  it('a block that ends inside a quote continues into the next one that reopens it', () => {
    const p1 = '“I never wanted to move here. The staff are kind but I refused the room.';
    const p2 = '“I want to go home,” Jack said.';
    const text = `${p1}\n\n${p2}`;
    expect(opensWithQuote(text, p1.length + 2)).toBe(true);
    const spans = findQuotes(text, 0, p1.length, { continues: true });
    expect(spans.map((q) => [text.slice(q.start, q.end), q.kind])).toEqual([[p1.slice(1), 'speech']]);
    expect(quotes(p1, false)).toEqual([]);
  });

  it('random unbalanced mixes never throw and spans stay inside the block', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', "'", '“', '”', '‘', '’', '«', '»', 'a', ' ', 's', '.', '5', '\n') , maxLength: 200 }), fc.boolean(), (s, continues) => {
        const spans = findQuotes(s, 0, s.length, { continues });
        for (const q of spans) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(s.length);
          expect(q.end).toBeGreaterThanOrEqual(q.start);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(), fc.nat(), (s, a, b) => {
        findQuotes(s);
        findQuotes(s, Math.min(a, b), Math.max(a, b));
        findColonSpeech(s);
        opensWithQuote(s, a % (s.length + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('findColonSpeech', () => {
  it.each([
    ['In her words: I refused because the food is cold.', 'I refused because the food is cold'],
    ["In Jack's own words: no more day centre!", 'no more day centre'],
    ['Jack said: he does not want to go.', 'he does not want to go'],
    ['She told us: leave me alone', 'leave me alone'],
  ])('%s', (s, inner) => {
    const q = findColonSpeech(s)!;
    expect(s.slice(q.start, q.end)).toBe(inner);
    expect(q.kind).toBe('speech');
  });

  it.each([
    'Outcome: refused.',
    'Time: 10.30am',
    'He said "no": then left.',
    'In her words: "I refused."',
    'No colon here.',
    // The writer reporting the person by name after a form's label, not the person's words.
    '**What Gladys said:** Gladys claims a carer grabbed her arm.',
    "In Jack's words: Jack claims he was not told.",
  ])('none in: %s', (s) => {
    expect(findColonSpeech(s)).toBeUndefined();
  });
});

describe('findQuotes: one block of a longer text', () => {
  const text = 'Jack said “I want to stay” today.\n\nNo quotes here at all.\n\nShe called it her “den” too.';
  const second = { from: text.indexOf('No quotes'), to: text.indexOf('all.') + 4 };

  it('finds nothing in a block without marks, whatever lies around it', () => {
    expect(findQuotes(text, second.from, second.to)).toEqual([]);
  });

  it('reads marks only inside the block, at offsets in the whole text', () => {
    const from = text.indexOf('She');
    const spans = findQuotes(text, from, text.length);
    expect(spans.map((q) => text.slice(q.start, q.end))).toEqual(['den']);
    // A quote opened in the block and closed after its end is not one of the block's.
    expect(findQuotes(text, 0, text.indexOf('stay'))).toEqual([]);
    expect(findQuotes(text, 0, text.indexOf(' today')).map((q) => text.slice(q.start, q.end))).toEqual(['I want to stay']);
  });
});
