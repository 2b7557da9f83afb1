/** Dates of birth: cues, formats, uncued old dates and event dates. */
import { describe, expect, it } from 'vitest';
import { findDatesOfBirth, parseFullDate } from '../../src/privacy/date-of-birth.js';

const found = (s: string) => findDatesOfBirth(s, { latestBirthYear: 2008 }).map((h) => [s.slice(h.start, h.end), h.weak === true]);

describe('parseFullDate', () => {
  it.each([
    ['01/02/1950', 1950, 2, 1],
    ['1.2.1950', 1950, 2, 1],
    ['1 February 1950', 1950, 2, 1],
    ['1st Feb 1950', 1950, 2, 1],
    ['February 1, 1950', 1950, 2, 1],
    ['1950-02-01', 1950, 2, 1],
    ['29/02/1952', 1952, 2, 29],
  ])('parses %s', (text, year, month, day) => {
    expect(parseFullDate(text)).toMatchObject({ year, month, day });
  });
  it.each(['31/02/1950', '13/13/1950', '29/02/1950', '1 Smarch 1950', 'February 1950'])('rejects %s', (text) => {
    expect(parseFullDate(text)).toBeUndefined();
  });
});

describe('findDatesOfBirth', () => {
  it.each(['DOB: 01/02/1950', 'D.O.B. 01/02/50', 'Date of birth: 1 February 1950', 'born on 1st Feb 1950', 'Born on the 3rd of March 1958', 'date of birth is the 3rd of March 1958', 'DOB 1950-02-01'])('reports a cued date: %s', (s) => {
    expect(found(s)).toHaveLength(1);
    expect(found(s)[0]![1]).toBe(false);
  });
  it('reports an old uncued date as weak', () => {
    expect(found('Jack Kemp, 14.03.1948, lives alone.')).toEqual([['14.03.1948', true]]);
  });
  it('ignores event dates, recent dates and two-digit years without a cue', () => {
    expect(found('Her husband died on 3 May 1998.')).toEqual([]);
    expect(found('Review on 12/03/2024 at 10.30am.')).toEqual([]);
    expect(found('Seen 01/02/50 at home.')).toEqual([]);
    expect(found('Jack was born in 1950.')).toEqual([]);
  });
});
