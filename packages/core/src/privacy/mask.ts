/**
 * maskIdentifiers(text): the same text with every identifier the privacy rules find replaced by a
 * placeholder ("[NHS number]", "[email]"), for showing example sentences in audit reports.
 * Fictional values are masked too (masking is about display, not risk). Pure: the text is never
 * logged or kept.
 */
import { splitSentences } from '../nlp/sentences.js';
import { findIdentifiers, identifierType } from './find.js';

/** Replace every residual identifier in `text` with a placeholder naming its kind. */
export function maskIdentifiers(text: string): string {
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
    out += text.slice(at, sp.start) + sp.placeholder;
    at = sp.end;
  }
  return out + text.slice(at);
}
