/**
 * Sentence segmentation on note-style text (nlp/sentences.ts): abbreviations, times and sums,
 * bullets, line-per-entry notes with no full stops. Spans must slice the input exactly.
 */
import { describe, expect, it } from 'vitest';
import { countWords, markStart, splitSentences } from '../src/nlp/sentences.js';
import { analyse, sentencesOf } from '../src/analyse.js';
import { paragraphBlocks, text as readText } from '../src/readers/text.js';
import { markdown } from '../src/readers/markdown.js';
import { compileRules } from '../src/rules/compile.js';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences: abbreviations', () => {
  it.each([
    ['Mr Smith visited. Mrs Patel was out.', ['Mr Smith visited.', 'Mrs Patel was out.']],
    ['Mr. Smith visited today. He was well.', ['Mr. Smith visited today.', 'He was well.']],
    ['Dr. Jones called. Mrs. Ali said thanks.', ['Dr. Jones called.', 'Mrs. Ali said thanks.']],
    ['She likes outings, e.g. the park and the café. She went today.', ['She likes outings, e.g. the park and the café.', 'She went today.']],
    ['He prefers quiet, i.e. no radio. Noted.', ['He prefers quiet, i.e. no radio.', 'Noted.']],
    ['Visit lasted approx. 40 minutes. All well.', ['Visit lasted approx. 40 minutes.', 'All well.']],
    ['Bought bread, milk, etc. and went home. Good day.', ['Bought bread, milk, etc. and went home.', 'Good day.']],
    ['Seen by J. Smith. Plan agreed.', ['Seen by J. Smith.', 'Plan agreed.']],
    ['Ref. no. 12 applies. See file.', ['Ref. no. 12 applies.', 'See file.']],
  ])('%s', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('an abbreviation at the very end still ends the sentence', () => {
    expect(split('She brought snacks, crisps etc.\nWent home.')).toEqual(['She brought snacks, crisps etc.', 'Went home.']);
  });
});

describe('splitSentences: times, sums and numbers', () => {
  it.each([
    ['Arrived at 10.30am. Left at 11.15.', ['Arrived at 10.30am.', 'Left at 11.15.']],
    ['Bus fare is £1.50 each way. She paid.', ['Bus fare is £1.50 each way.', 'She paid.']],
    ['Support for 2.5 hours daily. Reviewed.', ['Support for 2.5 hours daily.', 'Reviewed.']],
    ['Meeting at 2 p.m. tomorrow. Jack will attend.', ['Meeting at 2 p.m. tomorrow.', 'Jack will attend.']],
    ['Budget is £1,200.00 a year! That is low.', ['Budget is £1,200.00 a year!', 'That is low.']],
    ['Version 3.2.1 of the form. Signed.', ['Version 3.2.1 of the form.', 'Signed.']],
  ])('%s', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });
});

describe('splitSentences: notes without full stops', () => {
  it('line-per-entry notes are one sentence per line', () => {
    const note = '12/03 – visited, J in good spirits\n13/03 – phoned GP re meds\n14/03 – no answer at door';
    expect(split(note)).toEqual(['12/03 – visited, J in good spirits', '13/03 – phoned GP re meds', '14/03 – no answer at door']);
  });

  it('bullet lists are one sentence per bullet', () => {
    const list = 'Jack likes:\n- music\n- walks by the river\n* cooking with his sister\n• football on Saturdays';
    expect(split(list)).toEqual(['Jack likes:', '- music', '- walks by the river', '* cooking with his sister', '• football on Saturdays']);
  });

  it('numbered lists are one sentence per item', () => {
    expect(split('1. Ring Amira\n2) Book the taxi\n3. Send the letter')).toEqual(['1. Ring Amira', '2) Book the taxi', '3. Send the letter']);
  });

  it('wrapped prose continues across a single line break', () => {
    expect(split('Jack went to the shop and\nbought some bread. Then he went home.')).toEqual(['Jack went to the shop and\nbought some bread.', 'Then he went home.']);
    // Trailing spaces or a tab before the break, and an indent after it (email, pasted text).
    expect(split('Jack is not \n allowed out.')).toEqual(['Jack is not \n allowed out.']);
    expect(split('Jack is not\t\r\n  allowed out.')).toEqual(['Jack is not\t\r\n  allowed out.']);
    expect(split('visited today   \nJack was fine')).toEqual(['visited today', 'Jack was fine']);
  });

  it('a word hyphenated at a line end goes on across the break; a dash standing alone does not', () => {
    expect(split('Staff say Sam is attention-\nseeking at night.')).toEqual(['Staff say Sam is attention-\nseeking at night.']);
    expect(split('Sam is wheelchair- \r\n  bound.')).toEqual(['Sam is wheelchair- \r\n  bound.']);
    expect(split('Went out -\nstaff did not see him.')).toEqual(['Went out -', 'staff did not see him.']);
    expect(split('Plan for Sam-\nReview in May')).toEqual(['Plan for Sam-', 'Review in May']);
  });

  it('a blank line always ends a sentence', () => {
    expect(split('visited today\n\nno concerns')).toEqual(['visited today', 'no concerns']);
  });

  it('CRLF line endings', () => {
    expect(split('10:00 visited\r\n11:00 lunch\r\n')).toEqual(['10:00 visited', '11:00 lunch']);
  });

  it('question and exclamation marks, ellipses and closing quotes', () => {
    expect(split('Is this a need? She said "yes!" Then… we left.')).toEqual(['Is this a need?', 'She said "yes!"', 'Then… we left.']);
  });
});

describe('splitSentences: invariants', () => {
  it('never returns empty or overlapping spans and never throws on odd input', () => {
    for (const input of ['', '   ', '.', '...', '\n\n\n', 'a.b.c.', '!?!?', 'Mr.', 'e.g.', '“”', '\r\n\r\n', '1.\n2.\n']) {
      const spans = splitSentences(input);
      let last = 0;
      for (const s of spans) {
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.start).toBeGreaterThanOrEqual(last);
        last = s.end;
        expect(input.slice(s.start, s.end).trim()).toBe(input.slice(s.start, s.end));
      }
    }
  });
});

describe('plain-text paragraphs (readers/text.ts)', () => {
  const paras = (t: string): string[] => paragraphBlocks(t).map((b) => t.slice(b.start, b.end).trim());
  it('blank lines (with spaces, tabs or CR) separate blocks', () => {
    expect(paras('one\ntwo\n\nthree\n \t\nfour\r\n\r\nfive')).toEqual(['one\ntwo', 'three', 'four', 'five']);
  });
  it('several blank lines and leading or trailing ones make no empty blocks', () => {
    expect(paras('\n\n\none\n\n\n\ntwo\n\n')).toEqual(['one', 'two']);
  });
  it('an empty text is one empty block', () => {
    expect(paragraphBlocks('')).toEqual([{ start: 0, end: 0 }]);
  });
  it('a very long line is capped into bounded sentences that still slice the text', () => {
    const line = 'word, '.repeat(2000);
    const spans = splitSentences(line);
    expect(spans.length).toBeGreaterThan(1);
    for (const sp of spans) expect(sp.end - sp.start).toBeLessThanOrEqual(1500);
    expect(spans.map((sp) => line.slice(sp.start, sp.end)).join(' ').replace(/\s+/g, ' ')).toBe(line.trim());
  });
});

describe('sentences in documents', () => {
  it('plain text: sentences never cross a blank line (paragraph)', () => {
    const doc = readText('He said "I am fine\n\nand then left.');
    expect(sentencesOf(doc).map((s) => s.text)).toEqual(['He said "I am fine', 'and then left.']);
    expect(doc.blocks.length).toBe(2);
  });

  it('markdown: list items and table cells are separate sentences', () => {
    const doc = markdown('- visited at 10.30am\n- J in good spirits\n\n| day | note |\n|---|---|\n| Mon | calm |\n');
    expect(sentencesOf(doc).map((s) => s.text.trim())).toEqual(['visited at 10.30am', 'J in good spirits', 'day', 'note', 'Mon', 'calm']);
  });

  it('sentence text in findings is the whole sentence, whitespace collapsed', () => {
    const set = compileRules(
      [
        {
          id: 'blaming/test-refused',
          category: 'blaming',
          severity: 'warning',
          message: '“{match}” test.',
          rationale: 'Test rule.',
          suggest: [],
          patterns: [{ terms: ['refused'] }],
          examples: { flag: ['refused'], pass: ['x'] },
          sources: [{ title: 't', url: 'https://example.org' }],
        },
      ],
      { allow: [] },
    );
    const r = analyse('Mr. Smith came at 10.30am.\nJack refused\nhis lunch. Later he ate.', set);
    expect(r.findings.map((f) => f.sentence)).toEqual(['Jack refused his lunch.']);
  });
});

describe('splitSentences: line breaks, bullets and full stops (read character by character)', () => {
  it.each([
    ['Went to the shop and\nbought bread. Home by 2.', ['Went to the shop and\nbought bread.', 'Home by 2.']],
    ['Went to the shop,\n(with Amira) and home.', ['Went to the shop,', '(with Amira) and home.']],
    ['Items:\r\na) bread\r\nb) milk', ['Items:', 'a) bread', 'b) milk']],
    ['Plan\n12) ring GP\n3/4 – visit', ['Plan', '12) ring GP', '3/4 – visit']],
    ['Went out\n+ bought milk\n· came home', ['Went out', '+ bought milk', '· came home']],
    ['She said no.\nhe agreed', ['She said no.', 'he agreed']],
    ['Saw Dr. Patel today. And Mrs. K. Ahmed.', ['Saw Dr. Patel today.', 'And Mrs. K. Ahmed.']],
    ['It was e.g. fine. Then i.e. ok.', ['It was e.g. fine.', 'Then i.e. ok.']],
    ['Last seen 3. Then left.', ['Last seen 3.', 'Then left.']],
    ['Call no. 5 now. No. Thanks.', ['Call no. 5 now.', 'No.', 'Thanks.']],
    ['Really?! yes. OK…\nNext', ['Really?! yes.', 'OK…', 'Next']],
    ['Ended here.” She left.', ['Ended here.”', 'She left.']],
    ['é. É. x. Y.', ['é.', 'É. x. Y.']],
    ['Items\na.b fine', ['Items\na.b fine']],
  ])('%j', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });
});

describe('countWords', () => {
  it.each([
    ["don't stop", 2],
    ['it’s Jack’s well-known \'thing\'', 4],
    ['one - two', 2],
    ['£30 – £40', 2],
    ['café 10.30am', 3],
    ['end-', 1],
    ["a''b", 1],
    ['  ', 0],
    ['', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('counts only within [from, to) and stops at the limit', () => {
    expect(countWords('one two three four', 4, 13)).toBe(2);
    expect(countWords('one two three four', 0, 18, 2)).toBe(2);
    expect(countWords('one two', -5, 100)).toBe(2);
  });
});

describe('splitSentences: marks found with test()', () => {
  it('markStart reads back where each match of the marks regex began, as exec() reports it', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('.', '..', '...', '!', '?', '?!', '…', '.…', '\n', '.\n', '\n\n', '!\n.', ' ', 'a', 'Mr', '10.30', '’', '"', ')');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const exec = /[.!?…]+|\n/g;
        const test = /[.!?…]+|\n/g;
        let m: RegExpExecArray | null;
        let from = 0;
        while ((m = exec.exec(text))) {
          expect(test.test(text)).toBe(true);
          expect([markStart(text, from, test.lastIndex), test.lastIndex]).toEqual([m.index, m.index + m[0].length]);
          from = test.lastIndex;
        }
        expect(test.test(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
