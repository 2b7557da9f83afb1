/**
 * The person's own words: find quoted stretches in a block of text and tell direct speech (the
 * person's voice, suppressed by default) from scare quotes (a short label the writer puts in
 * quotes, which is the writer's word and is reported). Handles straight, curly, single and double
 * quotes, quotes spanning sentences, and unbalanced or nested quotes without failing. Pure; linear.
 */

/** A quoted stretch: [start, end) covers the text inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  kind: 'speech' | 'scare';
}

const SPEECH_CUE = /\b(?:said|says|say|saying|told|tells|asked|asks|explained|explains|replied|replies|shouted|stated|states|states that|wrote|writes|added|commented|described it as|in (?:his|her|their|my|[A-Z][a-z]+'s|[A-Z][a-z]+’s) (?:own )?words|words were|quote|quoted)\s*[:,]?\s*$/i;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function countWords(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

function classify(text: string, open: number, innerStart: number, innerEnd: number): QuoteSpan['kind'] {
  const inner = text.slice(innerStart, innerEnd);
  const words = countWords(inner);
  const before = text.slice(Math.max(0, open - 40), open);
  if (SPEECH_CUE.test(before)) return 'speech';
  if (/[.!?]\s*$/.test(inner.trim()) && words >= 2) return 'speech';
  if (/^\s*I\b|\b(?:I|I'm|I’m|me|my|we)\b/.test(inner) && words >= 2) return 'speech';
  return words >= 4 ? 'speech' : 'scare';
}

/**
 * Find quotes in `text` between `from` and `to` (a block). Returns spans sorted by start.
 * An opening mark with no closing mark in the block is ignored.
 */
export function findQuotes(text: string, from = 0, to = text.length): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let dbl = -1; // index of open double quote
  let sgl = -1; // index of open single quote
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '“' || (ch === '"' && dbl < 0) || ch === '«') {
      if (ch === '"' && isWordChar(text[i - 1]) && !isWordChar(text[i + 1])) continue; // stray inch mark
      dbl = i;
      continue;
    }
    if ((ch === '”' || ch === '"' || ch === '»') && dbl >= 0) {
      spans.push({ start: dbl + 1, end: i, kind: classify(text, dbl, dbl + 1, i) });
      dbl = -1;
      continue;
    }
    if (ch === '‘' || (ch === "'" && !isWordChar(text[i - 1]) && isWordChar(text[i + 1]))) {
      if (sgl < 0) sgl = i;
      continue;
    }
    if ((ch === '’' || ch === "'") && sgl >= 0 && !isWordChar(text[i + 1])) {
      // Plural possessive ("the Smiths’ house") inside a longer quote is rare; accept the close.
      spans.push({ start: sgl + 1, end: i, kind: classify(text, sgl, sgl + 1, i) });
      sgl = -1;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
}

/** The innermost quote span containing [start, end), if any. */
export function quoteAt(spans: QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  let found: QuoteSpan | undefined;
  for (const q of spans) {
    if (q.start > start) break;
    if (q.start <= start && end <= q.end) found = q;
  }
  return found;
}
