/** UK phone number forms, Ofcom drama ranges and the organisation-number traps. */
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, isFictionalPhone, normalisePhone, phoneKind } from '../../src/privacy/phone-number.js';

const spans = (s: string) => findPhoneNumbers(s).map((h) => s.slice(h.start, h.end));

describe('phone helpers', () => {
  it('normalises +44 and (0) forms', () => {
    expect(normalisePhone('+44 (0)20 7946 0018')).toBe('02079460018');
    expect(normalisePhone('+44 7700 900461')).toBe('07700900461');
    expect(normalisePhone('(01632) 960123')).toBe('01632960123');
  });
  it('classifies mobiles, geographic and non-geographic numbers', () => {
    expect(phoneKind('07700 900461')).toBe('mobile');
    expect(phoneKind('0113 496 0000')).toBe('geographic');
    expect(phoneKind('0808 157 0000')).toBe('non-geographic');
    expect(phoneKind('999 456 7896')).toBeUndefined();
  });
  it('knows the Ofcom drama ranges, including their edges', () => {
    expect(isFictionalPhone('07700 900000')).toBe(true);
    expect(isFictionalPhone('07700 900999')).toBe(true);
    expect(isFictionalPhone('07700 901000')).toBe(false);
    expect(isFictionalPhone('020 7946 0999')).toBe(true);
    expect(isFictionalPhone('020 7946 1000')).toBe(false);
    expect(isFictionalPhone('01632 960123')).toBe(true);
    expect(isFictionalPhone('0113 496 0500')).toBe(true);
    expect(isFictionalPhone('+44 20 7946 0018')).toBe(true);
  });
});

describe('findPhoneNumbers', () => {
  it.each(['07700 900461', '07700900461', '+44 7700 900461', '020 7946 0018', '+44 20 7946 0018', '+44 (0)20 7946 0018', '0113 496 0000', '01632 960123', '(01632) 960123', '07700-900-461'])(
    'finds %s in a personal sentence',
    (n) => {
      expect(spans(`Her number is ${n}.`)).toEqual([n]);
    },
  );
  it('finds a number straight after a label colon', () => {
    expect(spans('Mob:07700 900461')).toEqual(['07700 900461']);
  });
  it('marks drama numbers fictional', () => {
    expect(findPhoneNumbers('Her number is 07700 900461.')[0]?.fictional).toBe(true);
  });
  it('skips non-geographic numbers and organisation lines', () => {
    expect(spans('Call free on 0808 157 0000.')).toEqual([]);
    expect(spans('Ring the duty team on 020 7946 0000.')).toEqual([]);
    expect(spans('The surgery is on 0113 496 0000.')).toEqual([]);
    expect(spans('Free advice about benefits is available from the Vale Advice Centre on 0113 496 0650.')).toEqual([]);
    expect(spans('Citizens Advice can help, on 0113 496 0651.')).toEqual([]);
    // Still the person's: a personal word in the sentence.
    expect(spans('Her friend at the advice centre gave her mobile, 07700 900123.')).toEqual(['07700 900123']);
  });
  it('is not fooled by NHS numbers, dates, times or money', () => {
    expect(spans('NHS 999 456 7896, seen 01/02/2024 at 10:30, paid £07.50.')).toEqual([]);
  });
});
