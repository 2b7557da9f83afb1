/** Money parsing and weekly normalisation (nlp/money.ts), used by the small-sum detector. */
import { describe, expect, it } from 'vitest';
import { findMoney, parseMoney, toWeekly } from '../../src/nlp/money.js';

describe('parseMoney', () => {
  it.each([
    ['£30', 30, 'once', 30],
    ['£30.50', 30.5, 'once', 30.5],
    ['£1,200', 1200, 'once', 1200],
    ['£2.5k', 2500, 'once', 2500],
    ['£2k', 2000, 'once', 2000],
    ['50p', 0.5, 'once', 0.5],
    ['thirty pounds', 30, 'once', 30],
    ['thirty-five pounds', 35, 'once', 35],
    ['a hundred and twenty pounds', 120, 'once', 120],
    ['fifty quid', 50, 'once', 50],
    ['40 pounds', 40, 'once', 40],
    ['£5pw', 5, 'week', 5],
    ['£5 p/w', 5, 'week', 5],
    ['£5/week', 5, 'week', 5],
    ['£30 a week', 30, 'week', 30],
    ['£30 per week', 30, 'week', 30],
    ['£30 weekly', 30, 'week', 30],
    ['£30 extra a week', 30, 'week', 30],
    ['£1.50 a day', 1.5, 'day', 10.5],
    ['£2 daily', 2, 'day', 14],
    ['£60 a fortnight', 60, 'fortnight', 30],
    ['£120 per month', 120, 'month', 27.69],
    ['£130 pcm', 130, 'month', 30],
    ['£1,200 a year', 1200, 'year', 23.08],
    ['£2,600 per annum', 2600, 'year', 50],
    ['£2,600 p.a.', 2600, 'year', 50],
    ['thirty pounds a month', 30, 'month', 6.92],
  ] as const)('%s → %d per %s (%d a week)', (text, amount, period, weekly) => {
    const m = parseMoney(text);
    expect(m).toBeDefined();
    expect(m!.amount).toBeCloseTo(amount, 2);
    expect(m!.period).toBe(period);
    expect(m!.weekly).toBeCloseTo(weekly, 2);
    expect(text.slice(m!.start, m!.end)).toBe(text);
  });

  it('reads ranges as their upper end and keeps the lower end', () => {
    const m = parseMoney('£30–£40 a week')!;
    expect(m).toMatchObject({ amount: 40, low: 30, period: 'week', weekly: 40 });
    expect(parseMoney('£30 to 40')).toMatchObject({ amount: 40, low: 30 });
    expect(parseMoney('£2k-3k a year')).toMatchObject({ amount: 3000, low: 2000, period: 'year' });
  });

  it('gives hourly rates no weekly figure', () => {
    expect(parseMoney('£18.50 an hour')).toMatchObject({ amount: 18.5, period: 'hour', weekly: undefined });
  });

  it.each(['Jack has lost 10 pounds in weight', 'she is ten pounds lighter', 'He weighs 160 pounds', '2.30pm', '£', '30 minutes', 'Room 30', 'at 10.30am', 'a few pounds', 'a pound'])(
    'finds no amount in %j',
    (text) => {
      expect(findMoney(text)).toEqual([]);
    },
  );

  it('finds every amount in a sentence, in order, with exact spans', () => {
    const text = 'She gets £240 a week; the extra £30 per week for swimming and fifty pounds for taxis were refused.';
    const found = findMoney(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['£240 a week', '£30 per week', 'fifty pounds']);
    expect(found.map((m) => m.weekly)).toEqual([240, 30, 50]);
  });

  it('never throws on odd input', () => {
    for (const s of ['££££', '£,', '£.5', '£1,2,3', 'pounds pounds', '\u0000£9'.repeat(50), '9'.repeat(400) + 'p']) expect(() => findMoney(s)).not.toThrow();
  });
});

describe('toWeekly', () => {
  it('normalises every period to a weekly figure', () => {
    expect(toWeekly(10, 'day')).toBe(70);
    expect(toWeekly(10, 'week')).toBe(10);
    expect(toWeekly(10, 'fortnight')).toBe(5);
    expect(toWeekly(52, 'year')).toBe(1);
    expect(toWeekly(52, 'month')).toBe(12);
    expect(toWeekly(10, 'once')).toBe(10);
    expect(toWeekly(10, 'hour')).toBeUndefined();
  });
});
