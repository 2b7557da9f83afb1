/**
 * Full UK postcodes (outward code + inward code), using the BS 7666-derived letter rules tested
 * in LEXICON §12b. NHS "ZZ99" pseudo-postcodes (e.g. ZZ99 3VZ, no fixed abode) are recognised
 * deliberately and never reported: they do not point to an address. Outward codes on their own
 * ("LS1", "M1") are not reported either (they collide with motorways and abbreviations).
 * Organisation addresses (a council office, a surgery) are skipped. Pure.
 */
import type { IdentifierHit } from './types.js';
import { isOrganisationContext } from './cues.js';

const FULL = /^(?:GIR[ \u00a0\u202f]?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)[ \u00a0\u202f]?\d[ABD-HJLNP-UW-Z]{2})$/i;
const PSEUDO = /^ZZ99[ \u00a0\u202f]?\d[A-Z]{2}$/i;

/** What a postcode-shaped string is: a real-format `postcode`, an NHS `pseudo` postcode, or neither. */
export function classifyPostcode(value: string): 'postcode' | 'pseudo' | undefined {
  const v = value.trim();
  if (PSEUDO.test(v)) return 'pseudo';
  if (FULL.test(v)) return 'postcode';
  return undefined;
}

const CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?[ \u00a0\u202f]?\d[A-Za-z]{2}(?![A-Za-z0-9])/g;

/** Find full postcodes in one sentence. */
export function findPostcodes(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let org: boolean | undefined;
  while ((m = CANDIDATE.exec(sentence))) {
    const v = m[0];
    if (classifyPostcode(v) !== 'postcode') continue;
    const lower = v !== v.toUpperCase();
    // Lower-case look-alikes: "s1 1st" is an ordinal, and mixed case is prose, not a postcode.
    if (lower && (v !== v.toLowerCase() || /\d(?:st|nd|rd|th)$/.test(v))) continue;
    org ??= isOrganisationContext(sentence);
    if (org) continue;
    out.push({ kind: 'postcode', start: m.index, end: m.index + v.length });
  }
  return out;
}
