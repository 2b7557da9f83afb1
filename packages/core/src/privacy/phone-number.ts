/**
 * UK phone numbers: mobiles (07…) and geographic landlines (01…, 02…), in national or +44 form,
 * with spaces, hyphens or brackets. Non-geographic numbers (03, 08, 09) belong to organisations
 * and are not reported, nor are numbers in a sentence that reads as an organisation's contact
 * details (switchboard, duty team, surgery). Ofcom's drama ranges are marked fictional. Pure.
 */
import type { IdentifierHit } from './types.js';
import { isOrganisationContext } from './cues.js';

/**
 * Ofcom's numbers reserved for TV and radio drama, as [prefix, first, last] over the national
 * significant digits (leading 0 kept). Each block is 1,000 numbers.
 */
const DRAMA: [string, number, number][] = [
  ['07700', 900000, 900999],
  ['01632', 960000, 960999],
  ['0113', 4960000, 4960999],
  ['0114', 4960000, 4960999],
  ['0115', 4960000, 4960999],
  ['0116', 4960000, 4960999],
  ['0117', 4960000, 4960999],
  ['0118', 4960000, 4960999],
  ['0121', 4960000, 4960999],
  ['0131', 4960000, 4960999],
  ['0141', 4960000, 4960999],
  ['0151', 4960000, 4960999],
  ['0161', 4960000, 4960999],
  ['0191', 4980000, 4980999],
  ['020', 79460000, 79460999],
  ['028', 96496000, 96496999],
  ['029', 20180000, 20180999],
  ['08081', 570000, 570999],
  ['0909', 8790000, 8790999],
  ['03069', 990000, 990999],
];

/** Digits only, in national form ("+44 (0)20 7946 0018" → "02079460018"). */
export function normalisePhone(value: string): string {
  let d = value.replace(/\D/g, '');
  if (value.trim().startsWith('+44')) {
    d = d.slice(2);
    if (d.startsWith('0')) d = d.slice(1);
    d = `0${d}`;
  }
  return d;
}

/** True when the number is in one of Ofcom's drama ranges (fictional by design). */
export function isFictionalPhone(value: string): boolean {
  const d = normalisePhone(value);
  for (const [prefix, lo, hi] of DRAMA) {
    if (!d.startsWith(prefix)) continue;
    const rest = d.slice(prefix.length);
    if (rest.length !== 11 - prefix.length) continue;
    const n = Number(rest);
    if (n >= lo && n <= hi) return true;
  }
  return false;
}

/** What kind of UK number this is, or `undefined` when it is not a UK phone number. */
export function phoneKind(value: string): 'mobile' | 'geographic' | 'non-geographic' | undefined {
  const d = normalisePhone(value);
  if (/^07\d{9}$/.test(d)) return 'mobile';
  if (/^0[12]\d{8,9}$/.test(d)) return 'geographic';
  if (/^0[389]\d{8,9}$/.test(d)) return 'non-geographic';
  return undefined;
}

/** A gap inside a number: a space or a hyphen, or a line break with the blanks around it (a number wrapped over a line). */
const GAP = '(?:[ \\t]*\\r?\\n[ \\t]*|[\\s-])?';
const MOBILE = `(?:\\+44\\s?7\\d{3}|\\(?07\\d{3}\\)?)${GAP}\\d{3}${GAP}\\d{3}`;
const LANDLINE = `(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)(?:1\\d{2,4}|2\\d|3\\d{2}|8\\d{2}|9\\d{2})\\)?${GAP}\\d{3,4}${GAP}\\d{3,4}`;
const PHONE = new RegExp(`(?<![\\w+£$€.,/-])(?:${MOBILE}|${LANDLINE})(?![\\w/]|[.,:]\\d)`, 'g');

/** Find personal UK phone numbers in one sentence. */
export function findPhoneNumbers(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let org: boolean | undefined;
  while ((m = PHONE.exec(sentence))) {
    const kind = phoneKind(m[0]);
    if (!kind || kind === 'non-geographic') continue;
    const digits = normalisePhone(m[0]);
    if (digits.length < 10 || digits.length > 11) continue;
    org ??= isOrganisationContext(sentence);
    if (org) continue;
    const hit: IdentifierHit = { kind: 'phone-number', start: m.index, end: m.index + m[0].length };
    if (isFictionalPhone(m[0])) hit.fictional = true;
    out.push(hit);
  }
  return out;
}
