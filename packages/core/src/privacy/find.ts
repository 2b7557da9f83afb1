/**
 * One place that knows every identifier finder, its cheap trigger and its placeholder, so the
 * privacy detectors and maskIdentifiers() always agree on what an identifier is. Pure.
 */
import type { IdentifierFinder, IdentifierHit, IdentifierKind } from './types.js';
import { findNhsNumbers } from './nhs-number.js';
import { findNiNumbers } from './ni-number.js';
import { findPostcodes } from './postcode.js';
import { findPhoneNumbers } from './phone-number.js';
import { findEmails } from './email.js';
import { findDatesOfBirth } from './date-of-birth.js';
import { findPersonNames, NAME_FIELD_END } from './person-name.js';
import { findStreetAddresses } from './street-address.js';
import { findVehicleRegistrations } from './vehicle-registration.js';
import { isSignatureContext, labelStart } from './cues.js';
import { isAsciiDigit, isAsciiLetter, isRegExpWordCode, isSpace } from '../chars.js';

/** A finder with the cheap prefilter that decides which sentences it looks at. */
export interface IdentifierType {
  kind: IdentifierKind;
  /** Global RegExp: the finder only runs on sentences this matches. */
  trigger: RegExp;
  find: IdentifierFinder;
  /**
   * Set when every match of `trigger` begins at an ASCII digit, or where `also` (a literal)
   * occurs: the detector then tries the trigger only at those places, from one list of the
   * document's digits shared by every kind, instead of searching the whole text with it (six
   * full searches for a few digits). A test checks it on generated text. `quick`, when given, is
   * what a digit must have around it for a match to begin there (the characters after it, or the
   * word boundary before it), read by character code: digits without it are passed over without
   * calling the trigger (most of a note's digits are in dates and times).
   */
  atDigits?: { also?: string; quick?: (text: string, at: number) => boolean };
  /** What maskIdentifiers() puts in place of the value. */
  placeholder: string;
  /**
   * The finder reads cue words in the sentence ("NHS no", "DOB", "NI", "switchboard"): a value
   * that begins its line or cell is read with the form's field label before it (findLabelled);
   * a RegExp limits that to labels it matches (person-name: a name field's, "Name:", "Daughter:",
   * as its finder is the costliest and any other label would find nothing more).
   */
  readsLabel?: true | RegExp;
}

/**
 * Can the date-of-birth trigger begin at the digit at `at`? Each of its three alternatives read by
 * character code, in full: a year ("1990", "2003": 18, 19 or 20 and two more digits, at word
 * boundaries); a date ("12/03/1990": a separator, one or two digits, a separator, two digits); an
 * age before its birthday ("9 on 21 March": white space, "on", white space). Most of a note's
 * digits are in times and dates of entries ("17/06", "10.30am"), which fail here without a call to
 * the trigger.
 */
function dateMayBegin(t: string, at: number): boolean {
  const c = t.charCodeAt(at);
  const next = t.charCodeAt(at + 1);
  // \b(?:1[89]|20)\d\d\b
  if (((c === 49 && (next === 56 || next === 57)) || (c === 50 && next === 48)) && !isRegExpWordCode(t.charCodeAt(at - 1)) && digitsAt(t, at + 2, 2) && !isRegExpWordCode(t.charCodeAt(at + 4))) return true;
  // \d[/.-]\d{1,2}[/.-]\d\d
  if (isDateSeparator(next) && isAsciiDigit(t.charCodeAt(at + 2))) {
    const j = isAsciiDigit(t.charCodeAt(at + 3)) ? at + 4 : at + 3;
    if (isDateSeparator(t.charCodeAt(j)) && digitsAt(t, j + 1, 2)) return true;
  }
  // \d\s+on\s
  if (!isSpace(next)) return false;
  let j = at + 2;
  while (isSpace(t.charCodeAt(j))) j++;
  return t.charCodeAt(j) === 111 && t.charCodeAt(j + 1) === 110 && isSpace(t.charCodeAt(j + 2));
}

/** [/.-] */
function isDateSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 45;
}

/** The NI number trigger's digits: \d{2}[ \u00a0\u202f-]?\d{2}[ \u00a0\u202f-]?\d{2} from the digit at `at`. */
function niDigitsAt(t: string, at: number): boolean {
  let j = at;
  for (let pair = 0; pair < 3; pair++) {
    if (pair > 0 && isNiSeparator(t.charCodeAt(j))) j++;
    if (!digitsAt(t, j, 2)) return false;
    j += 2;
  }
  return true;
}

/** [ \u00a0\u202f-] */
function isNiSeparator(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 45;
}

/** The NHS number trigger, \d{3}[\s-]{0,4}\d{3}[\s-]{0,4}\d{4}, from the digit at `at`. */
function nhsDigitsAt(t: string, at: number): boolean {
  if (!digitsAt(t, at, 3)) return false;
  let j = skipNhsSeparators(t, at + 3);
  if (!digitsAt(t, j, 3)) return false;
  j = skipNhsSeparators(t, j + 3);
  return digitsAt(t, j, 4);
}

/** Up to four of [\s-] from `j`: where the next digits must begin (more than four, and no digit can follow). */
function skipNhsSeparators(t: string, j: number): number {
  for (let k = 0; k < 4 && (isSpace(t.charCodeAt(j)) || t.charCodeAt(j) === 45); k++) j++;
  return j;
}

/** `n` ASCII digits from `j`. */
function digitsAt(t: string, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isAsciiDigit(t.charCodeAt(j + k))) return false;
  return true;
}

/** The phone trigger's "0" branch, \b0[\s(]*[1-9]\d, at the digit at `at`. */
function phoneZeroAt(t: string, at: number): boolean {
  if (t.charCodeAt(at) !== 48 || isRegExpWordCode(t.charCodeAt(at - 1))) return false;
  let j = at + 1;
  while (isSpace(t.charCodeAt(j)) || t.charCodeAt(j) === 40) j++;
  const d = t.charCodeAt(j);
  return d >= 49 && d <= 57 && isAsciiDigit(t.charCodeAt(j + 1));
}

/** The street-address trigger, \b\d{1,4}[A-Za-z]?,?[ \t]+[A-Z], at the digit at `at`. */
function addressAt(t: string, at: number): boolean {
  if (isRegExpWordCode(t.charCodeAt(at - 1))) return false;
  let j = at + 1;
  while (j < at + 4 && isAsciiDigit(t.charCodeAt(j))) j++;
  // (A fifth digit, a letter that is not the one allowed, or no blank: no match with fewer digits either.)
  if (isAsciiDigit(t.charCodeAt(j))) return false;
  if (isAsciiLetter(t.charCodeAt(j))) j++;
  if (t.charCodeAt(j) === 44) j++;
  if (t.charCodeAt(j) !== 32 && t.charCodeAt(j) !== 9) return false;
  while (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 9) j++;
  const c = t.charCodeAt(j);
  return c >= 65 && c <= 90;
}

/** Every identifier type, in the order masks are applied (longer, more specific kinds first). */
export const IDENTIFIER_TYPES: readonly IdentifierType[] = [
  { kind: 'email', trigger: /@/g, find: findEmails, placeholder: '[email]' },
  // (Each `quick` is read off its trigger: what the characters around a digit must be for one of
  // the trigger's alternatives to match there. For the five kinds a note's dates and times reach
  // (NHS, NI, phone, date of birth, street address) it is the whole trigger read by character
  // code, so the trigger is called only where it matches. identifier-triggers.test.ts checks each
  // against its trigger.)
  { kind: 'nhs-number', trigger: /\d{3}[\s-]{0,4}\d{3}[\s-]{0,4}\d{4}/g, atDigits: { quick: nhsDigitsAt }, find: findNhsNumbers, placeholder: '[NHS number]', readsLabel: true },
  { kind: 'ni-number', trigger: /\d{2}[ \u00a0\u202f-]?\d{2}[ \u00a0\u202f-]?\d{2}|\bTRN\b/g, atDigits: { also: 'TRN', quick: niDigitsAt }, find: findNiNumbers, placeholder: '[NI number]', readsLabel: true },
  { kind: 'phone-number', trigger: /(?:\+44|\b0)[\s(]*[1-9]\d/g, atDigits: { also: '+44', quick: phoneZeroAt }, find: findPhoneNumbers, placeholder: '[phone number]', readsLabel: true },
  { kind: 'date-of-birth', trigger: /\b(?:1[89]|20)\d\d\b|\d[/.-]\d{1,2}[/.-]\d\d|\d\s+on\s/g, atDigits: { quick: dateMayBegin }, find: (s) => findDatesOfBirth(s), placeholder: '[date of birth]', readsLabel: true },
  { kind: 'street-address', trigger: /\b\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]/g, atDigits: { quick: addressAt }, find: findStreetAddresses, placeholder: '[address]' },
  { kind: 'postcode', trigger: /\d[A-Za-z]{2}\b/g, atDigits: { quick: (t, at) => isAsciiLetter(t.charCodeAt(at + 1)) && isAsciiLetter(t.charCodeAt(at + 2)) }, find: findPostcodes, placeholder: '[postcode]' },
  { kind: 'vehicle-registration', trigger: /(?<=[A-Za-z]{2})\d\d ?[A-Za-z]{3}(?![A-Za-z0-9])/g, atDigits: { quick: (t, at) => isAsciiDigit(t.charCodeAt(at + 1)) && isAsciiLetter(t.charCodeAt(at - 1)) && isAsciiLetter(t.charCodeAt(at - 2)) }, find: findVehicleRegistrations, placeholder: '[vehicle registration]' },
  { kind: 'person-name', trigger: /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\b|\b[A-Z][a-z]+[ \t]+(?:Mc|Mac|O['’])?[A-Z][a-z]/g, find: findPersonNames, placeholder: '[name]', readsLabel: NAME_FIELD_END },
];

/** Kinds that are contact details: in a staff signature block they are not the person's. */
const CONTACT_KINDS: ReadonlySet<IdentifierKind> = new Set(['phone-number', 'email', 'postcode', 'street-address']);

/** True for the kinds that are contact details (phone, email, postcode, street address). */
export function isContactKind(kind: IdentifierKind): boolean {
  return CONTACT_KINDS.has(kind);
}

/** True when a hit of this kind in this sentence is an organisation's or worker's contact detail in a signature. */
export function isSignatureContact(kind: IdentifierKind, textBefore: string, sentence: string): boolean {
  return CONTACT_KINDS.has(kind) && isSignatureContext(textBefore, sentence);
}

/** A required field's mark at the end of its label: "*", "(*)", "(required)", "(mandatory)". */
const REQUIRED_MARK = /[ \t]*(?:\*{1,3}|\((?:\*|required|mandatory|must be completed)\))$/i;

/** Can a value of this kind begin the sentence: a digit, "+44", "(01…)"; an NI number's two capitals; a name's capital? */
function mayBeginValue(type: IdentifierType, sentence: string): boolean {
  const c = sentence.charCodeAt(0);
  if (isAsciiDigit(c) || c === 43 || c === 40) return true;
  if (c < 65 || c > 90) return false;
  if (type.kind === 'person-name') return true;
  const d = sentence.charCodeAt(1);
  return d >= 65 && d <= 90;
}

/**
 * `find` on one sentence, a value at its very start read with the form's field label before it
 * (cues.ts's labelStart): on a form the label is often a line or a table cell of its own ("NHS
 * No:" then "9434765919"; "Date of birth" then "12/03/1961"; "Switchboard:" then a number), and
 * would be a cue were it on the same line. Only a value that begins the sentence takes the label,
 * so a sentence of prose under a heading ("Hospital discharge" above "Ring Ana on …") reads as it
 * always did; and the label only ever finds or confirms a value ("NHS No:" makes a bare ten digits
 * an NHS number, "DOB:" a date a date of birth), never hides one the sentence shows on its own
 * (under "Switchboard:" or "Date of death:" a number or a date is reported as it would be without
 * the line above: a heading is not always a field's name). A name field's label makes the name
 * under it a name ("Name:" then "Wren Tolley"). The sentence begins at `sentenceStart` in `text`
 * (the document's text, or just the text before the sentence).
 */
export function findLabelled(
  type: IdentifierType,
  sentence: string,
  text: string,
  sentenceStart = text.length,
  find: (s: string) => IdentifierHit[] = type.find,
): IdentifierHit[] {
  const hits = find(sentence);
  if (!type.readsLabel || !mayBeginValue(type, sentence)) return hits;
  const at = labelStart(text, sentenceStart);
  if (at < 0) return hits;
  // The label and the value as one line would write them ("Name: Wren Tolley"): finders whose cue
  // must be followed by a space or a tab read it so.
  // A required field's mark after its name ("Date of birth *", "Name (required)") is the form's,
  // not part of the name.
  const field = text.slice(at, sentenceStart).trimEnd().replace(REQUIRED_MARK, '');
  if (!field) return hits;
  if (type.readsLabel !== true && !type.readsLabel.test(field)) return hits;
  // A table's header cell names its field without a colon ("Name of person" beside the name): a
  // name's cue is read as the line would write it, with one.
  const label = type.kind === 'person-name' && !field.endsWith(':') ? `${field}: ` : `${field} `;
  const n = label.length;
  const first = find(label + sentence).find((h) => h.start === n);
  if (!first) return hits;
  const rest = hits.filter((h) => h.start !== 0);
  rest.unshift({ ...first, start: 0, end: first.end - n });
  return rest;
}

/** The identifier type for a kind. */
export function identifierType(kind: IdentifierKind): IdentifierType {
  return IDENTIFIER_TYPES.find((t) => t.kind === kind)!;
}

/** True when the type's trigger matches somewhere in `text`. */
export function triggers(type: IdentifierType, text: string): boolean {
  type.trigger.lastIndex = 0;
  const hit = type.trigger.test(text);
  type.trigger.lastIndex = 0;
  return hit;
}

/**
 * Every identifier in one sentence, overlaps resolved: where two kinds overlap, the earlier type
 * in IDENTIFIER_TYPES wins (an email beats the name inside it, a street address beats a date).
 * `textBefore` (the text just before the sentence) lets signature-block contact details go.
 */
export function findIdentifiers(sentence: string, textBefore = ''): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const type of IDENTIFIER_TYPES) {
    if (!triggers(type, sentence)) continue;
    for (const h of findLabelled(type, sentence, textBefore)) {
      if (out.some((o) => o.start < h.end && h.start < o.end)) continue;
      if (isSignatureContact(h.kind, textBefore, sentence)) continue;
      out.push(h);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
