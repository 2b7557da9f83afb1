/** The small-sum detector: small weekly sums argued over, with a configurable threshold. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, sentencesOf } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import type { RuleData } from '../../src/types.js';
import { smallSum, TRIGGER, triggerSkipper } from '../../src/detectors/small-sum.js';
import { repoRules } from '../helpers.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';
import { scanDocument, skipperFor } from '../../src/scan.js';
import { digitOffsets } from '../../src/search.js';
import { text as readText } from '../../src/readers/text.js';

function rule(params: Record<string, unknown> = {}): RuleData {
  return {
    id: 'gatekeeping/test-small-sum',
    category: 'gatekeeping',
    severity: 'warning',
    message: 'Arguing over “{match}”.',
    rationale: 'Test rule.',
    suggest: [],
    detector: 'small-sum',
    params,
    examples: { flag: ['x'], pass: ['y'] },
    sources: [{ title: 't', url: 'https://example.org' }],
  };
}

const texts = (text: string, params?: Record<string, unknown>) => analyse(text, compileRules([rule(params)])).findings.map((f) => f.text);

describe('small-sum', () => {
  it('reports the amount with its period when the sentence argues about cost', () => {
    expect(texts('An extra £30 a week cannot be justified.')).toEqual(['£30 a week']);
    expect(texts('Is £1.50 a day for the bus really necessary?')).toEqual(['£1.50 a day']);
    expect(texts('The panel refused £120 per month for the gym.')).toEqual(['£120 per month']);
    expect(texts('£1,200 a year for classes is not affordable.')).toEqual(['£1,200 a year']);
    expect(texts('£15 a week for a cleaner is not a good use of public money.')).toEqual(['£15 a week']);
  });

  it('normalises to a weekly figure before comparing with the threshold', () => {
    // £1.50 a day = £10.50 a week (small); £10 a day = £70 a week (not small).
    expect(texts('The panel queried £10 a day for lunch club.')).toEqual([]);
    // £2,400 a year = £46.15 a week (small); £3,000 a year = £57.69 (not small).
    expect(texts('The panel queried £2,400 a year for the course.')).toEqual(['£2,400 a year']);
    expect(texts('The panel queried £3,000 a year for the course.')).toEqual([]);
  });

  it('reads the argument from the next sentence when it points back', () => {
    expect(texts('Jack asked for £20 a week for swimming. This cannot be justified.')).toEqual(['£20 a week']);
    expect(texts('Jack asked for £20 a week for swimming. The panel met on Tuesday and agreed it.')).toEqual([]);
    expect(texts('Jack asked for £20 a week for swimming. He loves it.')).toEqual([]);
  });

  it('honours a configured threshold', () => {
    expect(texts('The panel queried £70 a week for the club.', { threshold: 100 })).toEqual(['£70 a week']);
    expect(texts('The panel queried £30 a week for the club.', { threshold: 20 })).toEqual([]);
  });

  it('honours a configured cue list', () => {
    expect(texts('The panel wonders about £20 a week for the club.', { cues: ['wonders'] })).toEqual(['£20 a week']);
    expect(texts('The panel queried £20 a week.', { cues: ['wonders'], weakCues: [] })).toEqual([]);
  });

  it('needs a question or negation for weak cues such as "extra"', () => {
    expect(texts('Jack asked for an extra £20 a week for the cinema?')).toEqual(['£20 a week']);
    expect(texts('The home charges an extra £20 a week for the garden room.')).toEqual([]);
  });

  it('does not read the person\'s inability given as the reason for a cost as that negation (GAT-09: the need recorded)', () => {
    expect(texts('A cleaner for two hours a week costs £12.50, because Mrs Okonjo can no longer vacuum.')).toEqual([]);
    expect(texts('The taxi costs £8 a trip, because Jack cannot manage the bus since his stroke.')).toEqual([]);
    expect(texts('Laundry costs £5 a week as she is no longer able to use the machine.')).toEqual([]);
    // Still an argument: a negation of its own, a question, or a body as the one unable.
    expect(texts('The cleaner costs £12.50 a week and is not essential, because she can no longer vacuum.')).toEqual(['£12.50 a week']);
    expect(texts('Why should the cleaner cost £12.50 a week because she cannot vacuum?')).toEqual(['£12.50 a week']);
    expect(texts('An extra £20 a week for taxis cannot go ahead because the council cannot fund it.')).toEqual(['£20 a week']);
    expect(texts('An extra £20 a week is not needed because she can manage the bus.')).toEqual(['£20 a week']);
  });

  it('leaves plain statements of amounts, times and durations alone', () => {
    expect(texts('Her personal budget is £240 a week.')).toEqual([]);
    expect(texts('Jack pays £20 a week towards his rent.')).toEqual([]);
    expect(texts('Carers arrive at 2.30pm and stay for 30 minutes; this cannot be reduced.')).toEqual([]);
    expect(texts('The hourly rate of £18.50 an hour was not agreed.')).toEqual([]);
  });

  it('leaves charging, benefits, rent and debts alone', () => {
    expect(texts('Amira questioned the £20 a week contribution set by the financial assessment.')).toEqual([]);
    expect(texts('Amira questioned her contribution of £20 a week.')).toEqual([]);
    expect(texts('Disability-related expenditure of £15 a week was not agreed.')).toEqual([]);
    expect(texts('His rent went up by £12 a week and he cannot afford it.')).toEqual([]);
    expect(texts('The panel questioned her contribution of £20 a week.', { ignore: [] })).toEqual(['£20 a week']);
    expect(texts('The council will not increase its contribution by £20 a week for the gym.')).toEqual(['£20 a week']);
  });

  it("leaves agreed funding and the person's own money alone (LEXICON GAT-09: factual breakdowns are fine)", () => {
    // "panel", "afford", "cut", "reduce" and "challenge" are not arguments on their own.
    expect(texts('The panel agreed £20 a week for taxis to church.')).toEqual([]);
    expect(texts('The panel will agree the £20 a week for taxis next Tuesday.')).toEqual([]);
    expect(texts('Sam says she cannot afford £4 a week for the lunch club, so we applied for a grant.')).toEqual([]);
    expect(texts("Sam's toenails are cut by a podiatrist, which costs £15 a visit.")).toEqual([]);
    expect(texts('Sam reduced her smoking and now saves £25 a week.')).toEqual([]);
    expect(texts('Sam challenged the £10 parking fine and won.')).toEqual([]);
    expect(texts('Jo withdrew £20 from the cash machine for her bus fares.')).toEqual([]);
    expect(texts('Sam cut her visits to the hairdresser to save £10 a week.')).toEqual([]);
    expect(texts("Ravi says he can't afford £3 a week for the paper any more.")).toEqual([]);
    expect(texts("Ravi can't go to the £4 quiz night any more.")).toEqual([]);
  });

  it('still reports the council or panel arguing, reducing or refusing', () => {
    expect(texts('We cannot afford £25 a week for taxis to the allotment.')).toEqual(['£25 a week']);
    expect(texts('The council cannot afford another £10 a week for her lunch club.')).toEqual(['£10 a week']);
    expect(texts('The panel did not agree £5pw for his bus fares.')).toEqual(['£5pw']);
    expect(texts("The panel didn't agree £12 a week for the gym.")).toEqual(['£12 a week']);
    expect(texts('Her day centre hours were reduced to save £40 a week.')).toEqual(['£40 a week']);
    expect(texts('Funding of £15 a week for her art group was withdrawn.')).toEqual(['£15 a week']);
    expect(texts('The panel challenged the £30 for his cinema ticket.')).toEqual(['£30']);
    expect(texts('Should we agree £20 a week for the gym?')).toEqual(['£20 a week']);
  });

  it('keeps the SPEC offset invariant in longer documents', () => {
    const doc = 'Jack enjoys the allotment.\n\nThe panel did not agree £5pw for his bus fare. He was upset.';
    const f = analyse(doc, compileRules([rule()])).findings;
    expect(f).toHaveLength(1);
    expect(doc.slice(f[0]!.start!.offset, f[0]!.end!.offset)).toBe('£5pw');
  });

  it('has a global trigger that lets through every flag example of its rule', () => {
    const trigger = TRIGGER;
    expect(trigger.global).toBe(true);
    const rule = repoRules().rules.find((r) => r.id === 'gatekeeping/small-sum')!;
    expect(rule.examples.flag.length).toBeGreaterThan(1);
    for (const text of rule.examples.flag) {
      trigger.lastIndex = 0;
      expect(trigger.test(text), text).toBe(true);
    }
  });
});

describe('small-sum: the trigger skipper', () => {
  /** The first place at or after `from` where TRIGGER matches, or -1. */
  function firstMatch(text: string, from: number): number {
    TRIGGER.lastIndex = from;
    const m = TRIGGER.exec(text);
    TRIGGER.lastIndex = 0;
    return m ? m.index : -1;
  }
  const piece = fc.constantFrom('£', '£5', '30p', '1234p', '12p ', 'pp', '5pm', ' ', '.', 'x', 'GBP', 'gbp ', 'pound', 'Pounds', 'pounds.', 'quid', 'QUID', 'q', '9', 'p', '_', 'é');

  it('never skips past a place where the trigger matches, and says -1 only when none is left', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        const skip = triggerSkipper();
        for (let from = 0; from <= text.length; from++) {
          const at = skip(text, from);
          const first = firstMatch(text, from);
          if (first < 0) expect(at === -1 || at >= from).toBe(true);
          else {
            expect(at).toBeGreaterThanOrEqual(from);
            expect(at).toBeLessThanOrEqual(first);
          }
          // A fresh skipper (nothing remembered) agrees.
          expect(triggerSkipper()(text, from)).toBe(at);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with the scan’s places for its words and the document’s digits, never skips past a match either', () => {
    const set = builtinRuleSet();
    const words = smallSum.meta.searches![0]!;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const source = pieces.join('');
        const doc = readText(source);
        const sentences = sentencesOf(doc);
        const scan = scanDocument(set, doc.text, sentences, set.rules.map(() => true));
        expect(scan.searches.has(words)).toBe(true);
        const skip = triggerSkipper(digitOffsets(doc.text), skipperFor(scan, words));
        for (let from = 0; from <= doc.text.length; from++) {
          const at = skip(doc.text, from);
          const first = firstMatch(doc.text, from);
          if (first < 0) expect(at === -1 || at >= from).toBe(true);
          else {
            expect(at).toBeGreaterThanOrEqual(from);
            expect(at).toBeLessThanOrEqual(first);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds no place in text with no money or pence-like digits, and stops at a "2p" that may be one', () => {
    expect(triggerSkipper()('Jack went to the shop and bought bread.', 0)).toBe(-1);
    expect(triggerSkipper()('Jack went to the shop at 12pm.', 0)).toBe(24);
  });
});
