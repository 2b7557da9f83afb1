/**
 * NHS numbers (England, Wales, Isle of Man), with Scotland's CHI and Northern Ireland's Health
 * and Care numbers when their cue is present. The modulus-11 check (LEXICON §12b) is the core
 * test; because about 9% of random 10-digit strings pass it, a number also needs the 3-3-4
 * layout or a nearby cue ("NHS no"), and is ignored after a case-reference or phone cue.
 * Pure: never keeps or reports the value.
 */
import type { IdentifierHit } from './types.js';
import { before } from './cues.js';

/**
 * The modulus-11 check digit for the first nine digits of an NHS number, or `undefined` when
 * the computed digit is 10 (no valid number has those nine digits).
 */
export function nhsCheckDigit(nine: string): number | undefined {
  if (!/^\d{9}$/.test(nine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check === 10 ? undefined : check;
}

/** True when `value` (spaces and hyphens ignored) is ten digits with a valid check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** True for the 999 000 0000–999 999 9999 range described as reserved for testing. */
export function isNhsTestNumber(value: string): boolean {
  return /^999\d{7}$/.test(value.replace(/[\s-]/g, ''));
}

/** True when the first six digits form a day-month-year date (the CHI number layout). */
export function isChiShape(value: string): boolean {
  const d = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(d)) return false;
  const day = Number(d.slice(0, 2));
  const month = Number(d.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/**
 * 3-3-4 digits, the two gaps alike (none, a space or a hyphen), or either gap a line break (a
 * number wrapped over a line in hard-wrapped text; splitSentences keeps such a number in one
 * sentence).
 */
const NUMBER = /(?<![\w£$€.,/-])\d{3}(?:([ \u00a0\u202f-]?)\d{3}(?:\1|[ \t]*\r?\n[ \t]*)|[ \t]*\r?\n[ \t]*\d{3}[ \u00a0\u202f-]?)\d{4}(?![\w/]|[.,:]\d)/g;
const NHS_CUE = /\bNHS\b|\bhealth (?:service )?(?:no|number)\b/i;
const CHI_CUE = /\bCHI\b/;
const HC_CUE = /\bH ?& ?C\b|\bhealth (?:and|&) care (?:no|number)\b/i;
const OTHER_CUE = /\b(?:ref|reference|case|client|record|mosaic|LAS|ID|id no|account|acct|invoice|order|payroll|tel|telephone|phone|mobile|call|ring|fax|sort code|bank|card|policy|claim|tracking)\b[\s\S]{0,25}$/i;

/** Find NHS, CHI and H&C numbers in one sentence. */
export function findNhsNumbers(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(sentence))) {
    const digits = m[0].replace(/\D/g, '');
    const spaced = digits.length !== m[0].length;
    const lead = before(sentence, m.index, 40);
    const hit: IdentifierHit = { kind: 'nhs-number', start: m.index, end: m.index + m[0].length };
    if (CHI_CUE.test(sentence) && isChiShape(digits)) {
      out.push(hit);
      continue;
    }
    if (!isValidNhsNumber(digits)) continue;
    const cued = NHS_CUE.test(sentence) || HC_CUE.test(sentence);
    if (!cued) {
      if (!spaced || digits.startsWith('0')) continue;
      if (OTHER_CUE.test(lead)) continue;
    }
    if (isNhsTestNumber(digits)) hit.fictional = true;
    out.push(hit);
  }
  return out;
}
