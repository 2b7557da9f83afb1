/** Full personal names: titles, relationship cues, known forenames, and place/organisation traps. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterSaint, findPersonNames } from '../../src/privacy/person-name.js';

const spans = (s: string) => findPersonNames(s).map((h) => s.slice(h.start, h.end));

describe('findPersonNames', () => {
  it('finds a title with a surname, with or without a full stop and forename', () => {
    expect(spans('Mrs Patel visited.')).toEqual(['Mrs Patel']);
    expect(spans('Seen by Dr. Amir Khan today.')).toEqual(['Dr. Amir Khan']);
    expect(spans('Mx Jordan-Lee and Mr O’Brien came.')).toEqual(['Mx Jordan-Lee', 'Mr O’Brien']);
  });
  it('skips a title with an initial only', () => {
    expect(spans('Mrs J. said she was fine.')).toEqual([]);
  });
  it('finds forename + surname after a relationship cue, even for forenames compromise does not know', () => {
    expect(spans("Jack's neighbour, Priya Shah, helps.")).toEqual(['Priya Shah']);
    expect(spans('He lives with his daughter Grace Li.')).toEqual(['Grace Li']);
  });
  it('finds a known forename + surname confirmed by compromise', () => {
    expect(spans('Sarah Jones attended the review.')).toEqual(['Sarah Jones']);
    // An unknown forename before a known surname, still confirmed by compromise.
    expect(spans('Ravi Sharma attended the review.')).toEqual(['Ravi Sharma']);
  });
  it('does not report single names, places or organisations', () => {
    expect(spans('Jack went to Victoria Park with Grace.')).toEqual([]);
    expect(spans('Jack attended Oak House Day Centre.')).toEqual([]);
    expect(spans('Her son visited on Sunday.')).toEqual([]);
    expect(spans('She went to St Helen Hospital.')).toEqual([]);
    expect(spans('Mrs Patel Road is closed.')).toEqual([]);
  });
  it('does not read a job title after a cue word as a name', () => {
    expect(spans('Client Finance Officer')).toEqual([]);
    expect(spans('Ring our Carer Support Worker on Mondays.')).toEqual([]);
    // A name after the same cue is still one.
    expect(spans('Her friend Grace Mensah visits.')).toEqual(['Grace Mensah']);
  });
});

describe('findPersonNames: titles, initials and places word by word', () => {
  it.each([
    ['Dr J. Gray Surgery phoned.', []],
    ['Mrs A. B. Patel visited.', ['Mrs A. B. Patel']],
    ['Mr\tSmith Road is closed.', []],
    ['Prof. Amir Khan Hospital', []],
    ['Mrs Jordan-Lee called.', ['Mrs Jordan-Lee']],
    ['Her son, Ravi Sharma, rang.', ['Ravi Sharma']],
    ['The carer was Anna Berg.', ['Anna Berg']],
    ['The carer was Bloggs Berg.', []],
    ['Met Sarah Jones today.', ['Sarah Jones']],
    ['Met SARAH Jones today.', []],
    ['Mr McDonald and Mrs O’Neil came.', ['Mr McDonald', 'Mrs O’Neil']],
    // A surname that is also a place word is still a surname after a title; a second place word is not.
    ['Mrs Hill visited.', ['Mrs Hill']],
    ['Mr Ward and Mrs Church came.', ['Mr Ward', 'Mrs Church']],
    ['Dr Day phoned back.', ['Dr Day']],
    ['Mrs J. Hall rang.', ['Mrs J. Hall']],
    ['Mr Hill Road is closed.', []],
    ['Mrs Ward House is on the left.', []],
  ])('%j', (sentence, expected) => {
    expect(spans(sentence)).toEqual(expected);
  });
});

describe('afterSaint', () => {
  it('answers as /\\b(?:St|Saint)\\.?[ \\t]+$/ on the text before the name', () => {
    const text = fc.array(fc.constantFrom('St', 'Saint', 'st', 'S', 't', 'aint', '.', ' ', '\t', 'x', '_', '1', 'é', '\n', 'Helens'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('', 'Jude', 'Mary Smith'), (before, name) => {
        const sentence = before + name;
        expect(afterSaint(sentence, before.length), JSON.stringify(before)).toBe(/\b(?:St|Saint)\.?[ \t]+$/.test(before));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('findPersonNames: form fields', () => {
  const names = (s: string): string[] => findPersonNames(s).map((h) => s.slice(h.start, h.end));
  it('reads a name after a field label, known forename or not', () => {
    expect(names('Patient: Amira Khan')).toEqual(['Amira Khan']);
    expect(names('Daughter: Zanele Dlamini, lives in the next town.')).toEqual(['Zanele Dlamini']);
    expect(names('Carer: Grace Bell')).toEqual(['Grace Bell']);
  });
  it('leaves a field filled with ordinary words alone, unless it opens with a known forename', () => {
    // One unknown word is enough to read a name: surnames are often ordinary words.
    expect(names('Son: Kwame Walker')).toEqual(['Kwame Walker']);
    expect(names('Daughter: Joan Baker')).toEqual(['Joan Baker']);
    expect(names('Client: Direct Payments')).toEqual([]);
    expect(names('Patient: Discharge Planning')).toEqual([]);
    expect(names('Daughter: Lives Locally')).toEqual([]);
    expect(names('Referrer: Hospital Discharge')).toEqual([]);
  });
});
