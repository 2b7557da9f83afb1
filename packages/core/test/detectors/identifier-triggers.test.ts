/**
 * The privacy triggers tried only at the document's digits (IdentifierType.atDigits): every
 * match begins where the type says, and the detector's sticky walk over those places visits the
 * same sentences as the full search it replaced (forEachTriggered without jumps).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDENTIFIER_TYPES } from '../../src/privacy/find.js';
import { forEachTriggered, forEachTriggeredSkipping } from '../../src/detectors/triggered.js';
import { digitOffsets, placesSkipper } from '../../src/search.js';
import { sentencesOf } from '../../src/analyse.js';
import { text as readText } from '../../src/readers/text.js';
import { markdown } from '../../src/readers/markdown.js';

/** Pieces that make every trigger match, fail half-way, and cross sentence ends. */
const piece = fc.constantFrom(
  '0', '1', '7', '9', '12', '999', '07700 900123', '0117 496 0000', '+44', '+44 7700', '+4', '(0)', '943 476 5919', '943-476-5919',
  'QQ 12 34 56 C', 'TRN', 'TR', 'trn', '1999', '2003', '12/03/1990', '1.2.99', '10.30am', '12 High Street', '4B, Mill Lane', 'SW1A 1AA', '1AA', 'M1 1AE', 'ZB29 CDE', 'AB', 'CDE', 'zb29cde',
  ' ', '  ', '-', '/', '.', '. ', '.\n', '\n\n', ',', 'a', 'A', 'Street', 'x', '_', 'é', '£30', '5p',
);

function visitedBySearch(text: string, sentences: ReturnType<typeof sentencesOf>, trigger: RegExp): number[] {
  const out: number[] = [];
  forEachTriggered(text, sentences, trigger, (s) => out.push(s.index), { jump: false });
  return out;
}

function visitedAtDigits(text: string, sentences: ReturnType<typeof sentencesOf>, trigger: RegExp, also?: string): number[] {
  const out: number[] = [];
  forEachTriggeredSkipping(text, sentences, trigger, (s) => out.push(s.index), placesSkipper(digitOffsets(text), also), true, false);
  return out;
}

const typed = IDENTIFIER_TYPES.filter((t) => t.atDigits);

describe('identifier triggers tried at digits', () => {
  it('covers the seven digit-led kinds', () => {
    expect(typed.map((t) => t.kind).sort()).toEqual(['date-of-birth', 'nhs-number', 'ni-number', 'phone-number', 'postcode', 'street-address', 'vehicle-registration']);
  });

  it('every match begins at a digit or at the literal the type names', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        for (const t of typed) {
          const re = new RegExp(t.trigger.source, 'g');
          for (let from = 0; from < text.length; from++) {
            // Every place a match can begin (not only where a left-to-right search would stop).
            const sticky = new RegExp(t.trigger.source, 'y');
            sticky.lastIndex = from;
            if (!sticky.test(text)) continue;
            const digit = /\d/.test(text[from]!);
            const literal = t.atDigits!.also !== undefined && text.startsWith(t.atDigits!.also, from);
            expect(digit || literal, `${t.kind} at ${from} in ${JSON.stringify(text)}`).toBe(true);
          }
          expect(re.lastIndex).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("each type's quick test holds wherever its trigger matches at a digit, and only there for the exact ones", () => {
    const exact = new Set(['nhs-number', 'ni-number', 'phone-number', 'date-of-birth', 'street-address']);
    const more = fc.constantFrom('\u00a0', '\u202f', '\t', '(', 'on ', ' on\n', '9 on 21 March', '12-3-45', '1/12/99', '12 34 56', '12-34-56', '943  -  476 5919', '0 (1', '1AB ', '12a, Mill', '12345 Mill', '18', '190', '2011', '20099');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, more), { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        for (const t of typed) {
          const quick = t.atDigits!.quick;
          if (!quick) continue;
          const sticky = new RegExp(t.trigger.source, 'y');
          for (let at = 0; at < text.length; at++) {
            if (!/\d/.test(text[at]!)) continue;
            sticky.lastIndex = at;
            const matches = sticky.test(text);
            if (matches) expect(quick(text, at), `${t.kind} at ${at} in ${JSON.stringify(text)}`).toBe(true);
            else if (exact.has(t.kind)) expect(quick(text, at), `${t.kind} at ${at} in ${JSON.stringify(text)}`).toBe(false);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('visits the same sentences, in the same order, as the full search', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.boolean(), (pieces, md) => {
        const source = pieces.join('');
        const doc = md ? markdown(source) : readText(source);
        const sentences = sentencesOf(doc);
        for (const t of typed) {
          expect(visitedAtDigits(doc.text, sentences, t.trigger, t.atDigits!.also), t.kind).toEqual(visitedBySearch(doc.text, sentences, t.trigger));
          expect(t.trigger.lastIndex).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lists every digit of a text, runs included', () => {
    expect(digitOffsets('a1 22 b333c')).toEqual([1, 3, 4, 7, 8, 9]);
    expect(digitOffsets('no digits, ٣ is not ASCII')).toEqual([]);
    expect(digitOffsets('')).toEqual([]);
  });

  it('skips to the next digit or literal, and to -1 when none is left', () => {
    const text = 'ab TRN 1 x TRN';
    const skip = placesSkipper(digitOffsets(text), 'TRN');
    expect(skip(text, 0)).toBe(3);
    expect(skip(text, 4)).toBe(7);
    expect(skip(text, 8)).toBe(11);
    expect(skip(text, 12)).toBe(-1);
    // Asked for an earlier place again, it starts over.
    expect(skip(text, 0)).toBe(3);
  });
});
