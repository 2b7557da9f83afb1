/**
 * Street addresses: a house number followed by one to three capitalised words and a street word
 * ("14 Acacia Avenue", "Flat 3, 27 Mill Lane"). Organisation addresses (a council office, a
 * surgery, a day centre) are skipped, as for postcodes. Pure.
 */
import type { IdentifierHit } from './types.js';
import { isOrganisationContext } from './cues.js';

const STREET =
  /(?<![\w£$€.,/:-])\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][a-z'’]+[ \t]+){1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Way|Court|Gardens|Place|Terrace|Grove|Rise|Hill|Walk|Square|Mews|View|Row|Parade|Green)\b/g;

/** Find street addresses in one sentence. */
export function findStreetAddresses(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  STREET.lastIndex = 0;
  let m: RegExpExecArray | null;
  let org: boolean | undefined;
  while ((m = STREET.exec(sentence))) {
    org ??= isOrganisationContext(sentence);
    if (org) continue;
    out.push({ kind: 'street-address', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
