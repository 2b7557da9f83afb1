/**
 * Full dates of birth: a full day-month-year date after a birth cue ("DOB", "D.O.B.", "date of
 * birth", "born on"), an age with the birthday it falls on ("turned 9 on 21 March"), or, with no cue, an old full date in a plausible birth range that is not an
 * event ("died on", "moved in", "review on"). Uncued dates are marked `weak` (reported at info).
 * Meeting, review and incident dates are not identifiers of the person. Pure.
 */
import type { IdentifierHit } from './types.js';
import { before } from './cues.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const NUMERIC = '(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})';
const DAY_MONTH = `(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})`;
const MONTH_DAY = `${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`;
const ISO = '(\\d{4})-(\\d{2})-(\\d{2})';
const DATE = new RegExp(`(?<![\\w/.-])(?:${NUMERIC}|${DAY_MONTH}|${MONTH_DAY}|${ISO})(?![\\w/]|[.-]\\d)`, 'gi');

const CUE = /\b(?:DOB|D\.O\.B\.?|date of birth|birth date|born(?: on)?|birthdate|b\.)\s*(?:is|was|:|-|–)?\s*(?:on\s+)?(?:the\s+)?$/i;
const EVENT = /\b(?:died|death|passed away|funeral|married|marriage|wedding|divorced?|widowed|moved|move|since|from|until|till|admitted|admission|discharged?|diagnosed|diagnosis|started|began|left|joined|retired|sold|bought|incident|review|meeting|visit|visited|assessment|referral|referred|court|hearing|order|letter|dated|tenancy|appointment|appointed|accident|fall|fell|operation|surgery|stroke|attended|closed|opened|signed)\b/i;

/**
 * An age with the birthday it falls on ("turned 9 on 21 March", "will be 18 on the 30th of April"):
 * the day and month with the age give the full date of birth.
 */
const AGE_ON_BIRTHDAY = new RegExp(
  `\\b(?:turn(?:s|ed|ing)?|will be|is going to be)\\s+\\d{1,3}\\s+on\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`,
  'gi',
);

/** A parsed full date, or undefined when the parts are not a real calendar date. */
export function parseFullDate(text: string): { year: number; month: number; day: number; twoDigitYear: boolean } | undefined {
  DATE.lastIndex = 0;
  const m = DATE.exec(text);
  if (!m || m.index !== 0 || m[0].length !== text.length) return undefined;
  return partsOf(m);
}

function partsOf(m: RegExpExecArray): { year: number; month: number; day: number; twoDigitYear: boolean } | undefined {
  let day: number;
  let month: number;
  let yearText: string;
  if (m[1] !== undefined) {
    day = Number(m[1]);
    month = Number(m[3]);
    yearText = m[4]!;
  } else if (m[5] !== undefined) {
    day = Number(m[5]);
    month = MONTHS[m[6]!.slice(0, m[6]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()]!;
    yearText = m[7]!;
  } else if (m[8] !== undefined) {
    month = MONTHS[m[8]!.slice(0, m[8]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()]!;
    day = Number(m[9]);
    yearText = m[10]!;
  } else {
    yearText = m[11]!;
    month = Number(m[12]);
    day = Number(m[13]);
  }
  const twoDigitYear = yearText.length === 2;
  const year = Number(yearText);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const dim = new Date(Date.UTC(twoDigitYear ? 2000 : year, month, 0)).getUTCDate();
  if (day > dim) return undefined;
  return { year, month, day, twoDigitYear };
}

/** Options for findDatesOfBirth. */
export interface DateOfBirthOptions {
  /** Latest year an uncued date may have and still be treated as a likely birth date. */
  latestBirthYear?: number;
  /** Earliest plausible birth year. Default 1900. */
  earliestBirthYear?: number;
}

/** The default latest birth year: sixteen years before now (an adult's or older child's record). */
export function defaultLatestBirthYear(): number {
  return new Date().getUTCFullYear() - 16;
}

/** Find full dates of birth in one sentence. */
export function findDatesOfBirth(sentence: string, options: DateOfBirthOptions = {}): IdentifierHit[] {
  const latest = options.latestBirthYear ?? defaultLatestBirthYear();
  const earliest = options.earliestBirthYear ?? 1900;
  const out: IdentifierHit[] = [];
  let event: boolean | undefined;
  DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE.exec(sentence))) {
    const parts = partsOf(m);
    if (!parts) continue;
    const hit: IdentifierHit = { kind: 'date-of-birth', start: m.index, end: m.index + m[0].length };
    if (CUE.test(before(sentence, m.index, 30))) {
      out.push(hit);
      continue;
    }
    if (parts.twoDigitYear || parts.year < earliest || parts.year > latest) continue;
    event ??= EVENT.test(sentence);
    if (event) continue;
    hit.weak = true;
    out.push(hit);
  }
  AGE_ON_BIRTHDAY.lastIndex = 0;
  while ((m = AGE_ON_BIRTHDAY.exec(sentence))) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!out.some((h) => h.start < end && start < h.end)) out.push({ kind: 'date-of-birth', start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
