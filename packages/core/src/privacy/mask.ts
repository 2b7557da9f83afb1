/**
 * maskIdentifiers(text, found): the same text with every identifier the privacy rules find replaced
 * by a placeholder ("[NHS number]", "[email]"), and the words of the document's own privacy
 * findings (`found`) too, for showing example sentences in audit reports.
 * Fictional values are masked too (masking is about display, not risk). Pure: the text is never
 * logged or kept.
 */
import { splitSentences } from '../nlp/sentences.js';
import { findIdentifiers, identifierType, IDENTIFIER_TYPES } from './find.js';
import type { Finding } from '../types.js';

/** A guard on maskIdentifiers' passes (see there): its example settles after two, and a third sees it. */
const MAX_PASSES = 11;

/**
 * Replace every residual identifier in `text` with a placeholder naming its kind, and the words
 * of each privacy finding in `found` (the findings of the document the text comes from) too. Masking one
 * identifier can change how its neighbour reads: in "987 654 3210:1950-02-01" the date's digits
 * after the colon keep the number from being read as an NHS number, until the date is a
 * placeholder. So the text is masked again until nothing more changes (a pass only ever replaces
 * identifiers, so this ends; a text with none costs one pass, as before).
 */
export function maskIdentifiers(text: string, found: readonly Pick<Finding, 'ruleId' | 'category' | 'text'>[] = []): string {
  let out = maskFound(text, found);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = maskOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * The identifiers the privacy rules found in the text's own document, masked wherever their exact
 * words occur: a sentence on its own may not show what made them identifiers (a bare ten digits
 * under an "NHS No:" label on the line before), but the document did.
 */
function maskFound(text: string, found: readonly Pick<Finding, 'ruleId' | 'category' | 'text'>[]): string {
  let out = text;
  const own = found.filter((f): f is typeof f & { text: string } => f.category === 'privacy' && !!f.text && f.text.length >= 2);
  // Longest first, so "Ada Lowe" is masked whole before a shorter finding inside it.
  for (const f of own.sort((a, b) => b.text.length - a.text.length)) {
    if (!out.includes(f.text)) continue;
    const kind = f.ruleId.slice(f.ruleId.indexOf('/') + 1);
    const type = IDENTIFIER_TYPES.find((t) => t.kind === kind);
    out = out.split(f.text).join(keepingLines(type?.placeholder ?? '[identifier]', f.text));
  }
  return out;
}

/**
 * The placeholder for `masked`, followed by the line breaks inside it: a number wrapped over two
 * lines ("07700" / "900123") is one identifier, but the masked text keeps its lines, so line
 * numbers still match the document's.
 */
function keepingLines(placeholder: string, masked: string): string {
  const breaks = masked.match(/\r\n|\n|\r/g);
  return breaks ? placeholder + breaks.join('') : placeholder;
}

/** One pass of maskIdentifiers: each identifier found in each sentence becomes its placeholder. */
function maskOnce(text: string): string {
  const spans: { start: number; end: number; placeholder: string }[] = [];
  for (const s of splitSentences(text)) {
    const sentence = text.slice(s.start, s.end);
    for (const h of findIdentifiers(sentence, text.slice(Math.max(0, s.start - 250), s.start))) {
      spans.push({ start: s.start + h.start, end: s.start + h.end, placeholder: identifierType(h.kind).placeholder });
    }
  }
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const sp of spans.sort((a, b) => a.start - b.start)) {
    if (sp.start < at) continue;
    out += text.slice(at, sp.start) + keepingLines(sp.placeholder, text.slice(sp.start, sp.end));
    at = sp.end;
  }
  return out + text.slice(at);
}
