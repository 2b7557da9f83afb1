/**
 * National Insurance numbers (NINO) and HMRC temporary reference numbers (TRN). The NINO prefix
 * rules are HMRC's (LEXICON §12b): neither letter D, F, I, Q, U or V; second letter not O;
 * BG, GB, KN, NK, NT, TN and ZZ never issued; suffix A–D. HMRC's own documentation example
 * "QQ 12 34 56 A" is deliberately invalid: a QQ number is marked fictional (reported at info, like
 * the NHS test range and Ofcom's drama numbers), since it can be no one's. Pure.
 */
import type { IdentifierHit } from './types.js';

const PREFIX = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/;

/** True when the two letters are a NINO prefix HMRC issues (or the OO administrative prefix). */
export function isValidNinoPrefix(letters: string): boolean {
  const p = letters.toUpperCase();
  return p === 'OO' || PREFIX.test(p);
}

/** True when `value` is a well-formed NINO ("AB 12 34 56 C", "AB123456C"); the suffix is required. */
export function isValidNino(value: string): boolean {
  const m = /^([A-Za-z]{2})[ \u00a0\u202f-]?(\d{2})[ \u00a0\u202f-]?(\d{2})[ \u00a0\u202f-]?(\d{2})[ \u00a0\u202f-]?([A-Da-d])$/.exec(value.trim());
  return !!m && isValidNinoPrefix(m[1]!);
}

const NINO = /(?<![A-Za-z0-9])([A-Za-z]{2})([ \u00a0\u202f-]?)(\d{2})\2(\d{2})\2(\d{2})(?:\2([A-Da-d]))?(?![A-Za-z0-9])/g;
/** The six digits written as one group ("AB 123456 C", "AB123456 C"); the suffix is required. */
const NINO_SIX = /(?<![A-Za-z0-9])([A-Za-z]{2})[ \u00a0\u202f-]?(\d{6})[ \u00a0\u202f-]?([A-Da-d])(?![A-Za-z0-9])/g;
const NI_CUE = /\b(?:NI|NINO|N\.I\.|national insurance)\b/i;
const TRN = /(?<![A-Za-z0-9])\d{2} ?[A-Za-z]\d ?\d{2} ?\d{2}(?![A-Za-z0-9])/g;
const TRN_CUE = /\b(?:TRN|temporary reference number)\b/i;

/** HMRC's documentation prefix: never issued, so a number with it is fictional. */
const isFictionalPrefix = (letters: string): boolean => letters.toUpperCase() === 'QQ';

/**
 * Is a NINO-shaped match (its prefix letters and suffix letter, if any) one to report? Lower-case
 * look-alikes and a blank suffix only count after a cue, and the prefix must be one HMRC issues
 * or HMRC's QQ example (then the hit is fictional).
 */
function reportable(letters: string, suffix: string | undefined, cued: boolean): boolean {
  const upper = letters === letters.toUpperCase() && (suffix === undefined || suffix === suffix.toUpperCase());
  if (!upper && !cued) return false;
  if (suffix === undefined && !cued) return false;
  return isValidNinoPrefix(letters) || isFictionalPrefix(letters);
}

/** An NI number hit, marked fictional when it has HMRC's QQ prefix. */
function hit(letters: string, start: number, end: number): IdentifierHit {
  const h: IdentifierHit = { kind: 'ni-number', start, end };
  if (isFictionalPrefix(letters)) h.fictional = true;
  return h;
}

/** Find NINOs (and TRNs after a "TRN" cue) in one sentence. */
export function findNiNumbers(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  const cued = NI_CUE.test(sentence);
  NINO.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NINO.exec(sentence))) {
    if (reportable(m[1]!, m[6], cued)) out.push(hit(m[1]!, m.index, m.index + m[0].length));
  }
  NINO_SIX.lastIndex = 0;
  while ((m = NINO_SIX.exec(sentence))) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!out.some((h) => h.start < end && start < h.end) && reportable(m[1]!, m[3], cued)) out.push(hit(m[1]!, start, end));
  }
  out.sort((a, b) => a.start - b.start);
  if (TRN_CUE.test(sentence)) {
    TRN.lastIndex = 0;
    while ((m = TRN.exec(sentence))) out.push({ kind: 'ni-number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
