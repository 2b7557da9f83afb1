/**
 * Vehicle registrations in the current GB format (since September 2001): two letters, a two-digit
 * age identifier, a space and three letters ("AB12 CDE"). A registration leads to the vehicle's
 * keeper, so it identifies a person (a parent's car at contact, a foster carer's car, the person's
 * own). Letters I and Q never appear in this format, and the age identifier is a half-year from
 * September 2001 ("51") or March 2002 ("02") on, so most look-alikes fail. DVLA's memory tags
 * never use Z either, so a registration with a Z in its first two letters cannot be anyone's: it
 * is marked fictional (reported at info, like the NHS test range), and examples use one. Written that way, in
 * capitals with the space, it is reported on its own; lower case or without the space only after
 * a cue in the same sentence ("reg", "registration", "number plate", "car"). Older and Northern
 * Irish formats are not looked for. Pure.
 */
import type { IdentifierHit } from './types.js';

const CANDIDATE = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d\d)( ?)([A-Za-z]{3})(?![A-Za-z0-9])/g;
const CUE = /\b(?:reg|regs|registration|registration number|number ?plates?|plates?|VRN|VRM|cars?|vans?|vehicles?|motorbikes?|scooters?|taxi)\b/i;

/** Half-years up to September 2030 ("30" and "80"); later ones are not issued yet. */
const LAST_MARCH = 30;

/** True when `age` is an age identifier: 02–30 (March) or 51–80 (September). */
function isAgeIdentifier(age: string): boolean {
  const n = Number(age);
  return (n >= 2 && n <= LAST_MARCH) || (n >= 51 && n <= LAST_MARCH + 50);
}

/** Find GB vehicle registrations in one sentence. */
export function findVehicleRegistrations(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let cue: boolean | undefined;
  while ((m = CANDIDATE.exec(sentence))) {
    const [v, tag, age, space, rest] = m as unknown as [string, string, string, string, string];
    if (!isAgeIdentifier(age) || /[IQiq]/.test(tag + rest)) continue;
    const capitals = v === v.toUpperCase();
    if (!capitals || !space) {
      // Lower case or run together: only after a cue, and never in mixed case ("Ab12 cde").
      if (!capitals && v !== v.toLowerCase()) continue;
      cue ??= CUE.test(sentence);
      if (!cue) continue;
    }
    const hit: IdentifierHit = { kind: 'vehicle-registration', start: m.index, end: m.index + v.length };
    if (/[Zz]/.test(tag)) hit.fictional = true;
    out.push(hit);
  }
  return out;
}
