/**
 * Street addresses: a house number followed by one to three capitalised words and a street word
 * ("14 Acacia Avenue", "Flat 3, 27 Mill Lane"). Organisation addresses (a council office, a
 * surgery, a day centre) are skipped, as for postcodes. A number set off by commas straight after
 * a word ("Albert Nkemelu, 89, Juniper Mews care home") is the person's age in apposition, not a
 * house number. Nor is a number straight after "Room", "Bedroom", "Bed" or "Bay" ("Rose, Room 11,
 * Larkspur Court"): a room in a care home or a ward, not a house on a street. A day of the month
 * followed by its month ("Date: 15 October Place: Hartwell", "on 3 March Court hearing") is a date,
 * not a house number and street, so a month name (or its usual short form) as the first word is
 * left alone. Pure.
 */
import type { IdentifierHit } from './types.js';
import { isOrganisationContext } from './cues.js';

const STREET =
  /(?<![\w£$€.,/:-])\d{1,4}[A-Za-z]?,?[ \t]+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)(?:[A-Z][a-z'’]+[ \t]+){1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Way|Court|Gardens|Place|Terrace|Grove|Rise|Hill|Walk|Square|Mews|View|Row|Parade|Green|Yard|Wharf|Boulevard)\b/g;

/** An age between commas after a name: the number, then a comma (tested on the match). */
const AGE_COMMA = /^\d{1,3},/;
/** …and before it a word, then a comma ("Nkemelu, "), not a flat number ("Flat 3, "). */
const AFTER_WORD = /\p{L},[ \t]*$/u;
/** A room, a bed or a bay number before the match ("Room 11, Larkspur Court"), not a house number. */
const ROOM_BEFORE = /\b(?:[Rr]oom|[Bb]edroom|[Bb]ed|[Bb]ay)[ \t]+$/;

/** Find street addresses in one sentence. */
export function findStreetAddresses(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  STREET.lastIndex = 0;
  let m: RegExpExecArray | null;
  let org: boolean | undefined;
  while ((m = STREET.exec(sentence))) {
    if (AGE_COMMA.test(m[0]) && AFTER_WORD.test(sentence.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (ROOM_BEFORE.test(sentence.slice(Math.max(0, m.index - 9), m.index))) continue;
    org ??= isOrganisationContext(sentence);
    if (org) continue;
    out.push({ kind: 'street-address', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
