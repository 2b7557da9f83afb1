/**
 * The person's own words: find quoted stretches in a block of text and tell direct speech (the
 * person's voice, suppressed by default) from scare quotes (a short label the writer puts in
 * quotes, which is the writer's word and is reported) and from words quoted from a professional or
 * a document ("The GP letter says “…”": suppressed as speech is, but not the person's voice).
 *
 * Handles straight, curly, single and double quotes and guillemets; quotes spanning sentences;
 * nested quotes (a stack per block); apostrophes ("don't", "Jack's", "the Smiths' house") which
 * never open or close a quote; a paragraph that continues a quote into the next one (the
 * typographic convention: no closing mark, the next paragraph opens again); and speech introduced
 * by a colon with no quote marks ("in her words: …", "Jack said: …") up to the end of the sentence.
 * An opening mark that is never closed is ignored, so an unbalanced quote can never suppress the
 * rest of a document. Pure; linear in the length of the block; never throws.
 */

import { isSpace } from '../chars.js';
import { lastStartingAtOrBefore } from '../search.js';
import { WORD_CLASS } from '../nlp/sentences.js';
import { SELF_DESCRIPTION_SOURCE } from './self-description.js';

/** A quoted stretch: [start, end) covers the text inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /**
   * `speech`: the person's own words. `scare`: a short label the writer puts in quotes.
   * `reported`: words quoted from a professional, a service or a document ("The GP letter says
   * “…”"): like speech, they are not the writer's own label (LEXICON: quoting an older document
   * or a report is a trap), but they are not the person's voice either.
   */
  kind: 'speech' | 'scare' | 'reported';
}

/** Options for findQuotes. */
export interface FindQuotesOptions {
  /**
   * The next block continues this block's quote (it starts with an opening mark of the same kind
   * while this block ends inside an unclosed quote). The unclosed quote then runs to the block end.
   */
  continues?: boolean;
}

/** Words before a quote that say it records what someone said. */
const SPEECH_CUE = new RegExp(
  `\\b(?:said|says|say|saying|told (?:me|us|staff|them|her|him|the \\w+)|told|tells|asked|asks|${SELF_DESCRIPTION_SOURCE}(?: an?| the)?|explained|explains|replied|replies|shouted|shouts|screamed|stated|states|wrote|writes|added|adds|commented|repeated|answered|signed|typed|mouthed|whispered|put it|in (?:his|her|their|my|our|[\\p{Lu}][\\p{L}\\-]*['’]s?) (?:own )?words|words were|quote|quoted|verbatim)\\s*[:,]?\\s*$`,
  'iu',
);

/** Words before a quote that mark it as a label someone else applies, whatever its length. */
const LABEL_CUE = /\b(?:so[- ]called|described as|describes? (?:him|her|them) as|portrayed as|presented as|presents as|labelled(?: as)?|labeled(?: as)?|known as|referred to as|branded(?: as)?)\s*$/i;

/** Words before a short quote that mark it as the writer's judgement (scare quotes). */
const SCARE_CUE = /\b(?:seen as|viewed as|deemed|considered|came across as|comes across as|appears?|appeared|seemed|seems?|a bit|quite|very|rather|being|was|is|were|his|her|their)\s*$/i;

/** Colon-introduced speech without quote marks: "in her words: …", "Jack said: …". */
const COLON_SPEECH =
  /(?:\bin (?:his|her|their|my|our|[\p{Lu}][\p{L}\-]*['’]s?) (?:own )?words|\b(?:said|says|told (?:me|us|staff|them|her|him)|explained|explains|stated|states|wrote|writes|replied|signed|put it|answered))\s*:\s*/iu;

/** A letter or digit (any script). ASCII, most characters, is decided without a RegExp. */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return WORD_CLASS[c] === 1; // ASCII letters and digits
  return /[\p{L}\p{N}]/u.test(ch);
}

/** White space (as /\s/), or no character at all. ASCII is decided without a RegExp. */
function isSpaceChar(ch: string | undefined): boolean {
  return ch === undefined || isSpace(ch.charCodeAt(0));
}

function countWords(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Verbs that report what someone said or wrote. */
const REPORTING =
  /\b(?:says?|said|states?|stated|wrote|writes?|written|describes?|described|records?|recorded|notes?|noted|reads|reports?|reported|calls?|called|refers? to|referred to|comments?|commented|concluded?|concludes|documents?|documented)\b/gi;
/** Who or what is quoted when it is not the person: a professional, a service or a document. */
export const OTHER_SOURCE =
  /^(?:GPs?|doctors?|consultants?|psychiatrists?|psychologists?|nurses?|police|officers?|schools?|teachers?|headteachers?|workers?|staff|managers?|providers?|agency|agencies|panel|court|judge|clinicians?|therapists?|letters?|referrals?|reports?|assessments?|records?|notes?|files?|minutes|plans?|e-?mails?|forms?|summary|chronology|professionals?|ward|hospital|team|council|authority|paramedics?|practitioners?)$/i;
/** A pronoun just before the verb is its subject ("the nurse noted that she said"). */
const PRONOUN = /^(?:he|she|they|I|we|you)$/i;

/**
 * Is the quote opening at `open` reported from a professional, a service or a document ("The GP
 * letter says “…”", "The previous worker wrote that Sam is “…”", "Staff report that he was
 * “…”")? Then its words are theirs, not the person's. The subject of the last
 * reporting verb before the mark decides: "The report states that Sam said “…”" is Sam's.
 */
function quotedFromOthers(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - 120), open);
  let last: RegExpExecArray | undefined;
  let prevEnd = 0;
  REPORTING.lastIndex = 0;
  for (let m = REPORTING.exec(before); m; m = REPORTING.exec(before)) {
    if (last) prevEnd = last.index + last[0].length;
    last = m;
  }
  if (!last) return false;
  // The words between the previous reporting verb (or a clause break, or "that") and this one.
  const stretch = before.slice(prevEnd, last.index).split(/[,;:.!?()“”"‘«]|\bthat\b/).pop() ?? '';
  const words = stretch.match(/[\p{L}\p{N}'’-]+/gu)?.slice(-5) ?? [];
  if (words.length === 0) return false;
  if (PRONOUN.test(words[words.length - 1]!)) return false;
  return words.some((w) => OTHER_SOURCE.test(w));
}

/**
 * Reported speech with the quote as its complement: "Lee said he has felt “totally unmotivated”",
 * "Amira told me she was “fine”", "She told me she feels she is “not properly clean”", "Hollis said
 * this would give her “real peace of mind”", "Zoe laughed that her son had been “a bit grumpy”". A speech verb, then "that" and a subject (a pronoun,
 * a name, "it" or "this"), then only linking verbs, "feels/thinks" with a pronoun, "would give her"
 * and the like, and adverbs up to the mark. The capture is the speaker's stretch.
 */
const SAID_COMPLEMENT =
  /\b(?:said|says|told (?:me|us|staff|them|her|him|the \w+)|tells (?:me|us|staff|them|her|him)|explained|explains|stated|states|replied|replies|added|adds|shared|shares|mentioned|mentions|admitted|admits|laughed|laughs|joked|jokes)\s+(?:that\s+)?(?:he|she|they|it|this|[\p{Lu}][\p{Ll}]+)(?:['’](?:s|d|ve|re))?(?:\s+(?:is|was|were|are|has|had|have|been|being|be|feels|felt|feel|feeling|thinks|think|thought|he|she|they|would|will|could|might|gives|give|gave|makes|make|made|her|him|them|me|gets|got|get|getting|became|becomes|become|looks|looked|seems|seemed|sounds|sounded|not|never|always|often|now|still|just|really|very|so|quite|rather|too|a|an|bit|[\p{Ll}]+ly)){1,6}\s*$/u;
/** Family and friends: their words about the person are theirs, not the person's. */
export const FAMILY_SOURCE = /^(?:mum|mother|dad|father|parents?|wife|husband|partner|brother|sister|son|daughter|aunt|uncle|nan|gran|grandma|grandad|grandmother|grandfather|cousin|neighbours?|friends?|boyfriend|girlfriend|carers?)$/i;

/**
 * Is the short quote opening at `open` how the person put it, reported after a speech verb earlier
 * in the clause ("Lee said he has felt “totally unmotivated”")? Not when a professional, a record,
 * the family or the writer ("I", "we") is the speaker: "Staff said he was “lazy”" is their label.
 */
function saidByThePerson(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - 100), open);
  const m = SAID_COMPLEMENT.exec(before);
  if (!m) return false;
  const stretch = before.slice(0, m.index).split(/[,;:.!?()“”"‘«]|\bthat\b|\b(?:and|but|because|when|while|although)\b/).pop() ?? '';
  const words = stretch.match(/[\p{L}\p{N}'’-]+/gu)?.slice(-4) ?? [];
  const speaker = words[words.length - 1];
  if (!speaker || !(/^(?:he|she|they)$/i.test(speaker) || /^[\p{Lu}][\p{Ll}]/u.test(speaker))) return false;
  return !words.some((w) => OTHER_SOURCE.test(w) || FAMILY_SOURCE.test(w.replace(/['’]s$/, '')));
}

/** Speech or scare quote, from the quoted words and the words before the opening mark. */
function classify(text: string, open: number, innerStart: number, innerEnd: number): QuoteSpan['kind'] {
  const inner = text.slice(innerStart, innerEnd);
  const words = countWords(inner);
  // A quotation (four words or more) from a professional or a document: not the writer's label,
  // nor the person's voice. Shorter quotes are labels, read as below whoever applied them.
  if (words >= 4 && quotedFromOthers(text, open)) return 'reported';
  const before = text.slice(Math.max(0, open - 40), open);
  if (SPEECH_CUE.test(before)) return 'speech';
  if (LABEL_CUE.test(before)) return 'scare';
  if (words < 4 && saidByThePerson(text, open)) return 'speech';
  if (words < 4 && SCARE_CUE.test(before)) return 'scare';
  const trimmed = inner.trim();
  if (/[.!?…]["'”’]?$/.test(trimmed) && words >= 2) return 'speech';
  if (/(?:^|[^\p{L}])(?:I|I['’](?:m|ve|d|ll)|me|my|we)(?![\p{L}])/u.test(inner) && words >= 2) return 'speech';
  return words >= 4 ? 'speech' : 'scare';
}

type Family = 'double' | 'single' | 'guillemet';

interface Open {
  at: number;
  family: Family;
  straight: boolean;
}

/**
 * Does a `'`/`’` at `i` (preceded by "s", followed by a space and a word) read as a plural
 * possessive ("the Smiths' house")? It is taken as a closing mark only if no other closing mark
 * for the same quote follows soon in the block.
 */
function looksLikePluralPossessive(text: string, i: number, to: number): boolean {
  if (!/[sS]/.test(text[i - 1] ?? '') || text[i + 1] !== ' ' || !isWordChar(text[i + 2])) return false;
  const limit = Math.min(to, i + 300);
  for (let k = i + 2; k < limit; k++) {
    const c = text[k];
    if ((c === "'" || c === '’') && !isWordChar(text[k + 1]) && !isSpaceChar(text[k - 1])) return true;
  }
  return false;
}

/** Any character that may open or close a quote (see findQuotes). */
const ANY_MARK = /[“”«»"‘'’]/;
/** ANY_MARK, global, for walking the marks of a block (lastIndex is 0 again when a walk ends). */
const MARKS = new RegExp(ANY_MARK.source, 'g');

/**
 * Find quotes in `text` between `from` and `to` (one block). Returns spans sorted by start; a
 * nested quote is returned as well as the quote around it. An opening mark with no closing mark
 * in the block is ignored (unless `options.continues`, see FindQuotesOptions).
 */
export function findQuotes(text: string, from = 0, to = text.length, options: FindQuotesOptions = {}): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  const end = Math.min(to, text.length);
  const close = (family: Family, at: number, straight?: boolean): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      if (o.family !== family || (straight !== undefined && o.straight !== straight)) continue;
      stack.length = k; // inner quotes left open are dropped
      spans.push({ start: o.at + 1, end: at, kind: classify(text, o.at, o.at + 1, at) });
      return true;
    }
    return false;
  };
  // Jump from one quote mark to the next: most of a block has none, so never look at every
  // character. The search runs over the block only (a slice shares the text's memory); a block
  // without a mark, as most are, has no quote.
  const from0 = Math.max(0, from);
  const block = text.slice(from0, end);
  if (!ANY_MARK.test(block)) return spans;
  const marks = MARKS;
  marks.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = marks.exec(block))) {
    const i = from0 + m.index;
    const ch = m[0];
    switch (ch) {
      case '“':
        stack.push({ at: i, family: 'double', straight: false });
        break;
      case '”':
        close('double', i, false) || close('double', i);
        break;
      case '«':
        stack.push({ at: i, family: 'guillemet', straight: false });
        break;
      case '»':
        close('guillemet', i);
        break;
      case '"': {
        const prev = text[i - 1];
        const next = text[i + 1];
        if (stack.some((o) => o.family === 'double' && o.straight)) {
          close('double', i, true);
        } else if (/[0-9]/.test(prev ?? '') && !isWordChar(next)) {
          // inch mark (5'11") — not a quote
        } else if (isWordChar(prev) && isSpaceChar(next)) {
          // a stray closing mark with nothing open
        } else {
          stack.push({ at: i, family: 'double', straight: true });
        }
        break;
      }
      case '‘':
        stack.push({ at: i, family: 'single', straight: false });
        break;
      case "'":
      case '’': {
        const prev = text[i - 1];
        const next = text[i + 1];
        if (isWordChar(prev) && isWordChar(next)) break; // don't, Jack's, O'Neill
        const opener = ch === "'" && !isWordChar(prev) && isWordChar(next);
        if (opener) {
          stack.push({ at: i, family: 'single', straight: true });
          break;
        }
        if (!isWordChar(next) && !isSpaceChar(prev) && stack.some((o) => o.family === 'single')) {
          if (looksLikePluralPossessive(text, i, end)) break;
          close('single', i);
        }
        break;
      }
      default:
        break;
    }
  }
  if (options.continues && stack.length) {
    // A paragraph that continues the quote: the outermost unclosed quote runs to the block end.
    const o = stack[0]!;
    let e = end;
    while (e > o.at + 1 && isSpaceChar(text[e - 1])) e--;
    if (e > o.at + 1) spans.push({ start: o.at + 1, end: e, kind: 'speech' });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}

/**
 * Does the block starting at `start` open with a quotation mark (after white space and list or
 * quote markers)? Used to tell whether a paragraph continues the previous one's quote.
 */
export function opensWithQuote(text: string, start: number, end = text.length): boolean {
  for (let i = start; i < Math.min(end, start + 20); i++) {
    const ch = text[i]!;
    if (isSpaceChar(ch)) continue;
    return ch === '“' || ch === '"' || ch === '‘' || ch === "'" || ch === '«';
  }
  return false;
}

/** The first word after a colon (past Markdown emphasis and spaces), when it is capitalised. */
const FIRST_NAME_AFTER = /^[\s*_]*([\p{Lu}][\p{Ll}'’\-]+)\b/u;

/**
 * Whether the words after the colon open with the name of the one who spoke, given before it
 * ("What Gladys said: Gladys claims a carer …", "In Jack's words: Jack wants …"): the writer
 * reporting the person in the third person, not the person's own words.
 */
function namesSpeakerAgain(sentence: string, cueAt: number, start: number): boolean {
  const w = FIRST_NAME_AFTER.exec(sentence.slice(start, start + 40));
  if (!w) return false;
  const name = w[1]!;
  const before = sentence.slice(Math.max(0, cueAt - 60), cueAt + 12);
  const at = before.indexOf(name);
  if (at < 0) return false;
  const next = before[at + name.length];
  return !isWordChar(before[at - 1]) && (next === undefined || !isWordChar(next));
}

/**
 * Speech introduced by a colon with no quote marks ("In her words: I want to stay at home.",
 * "Jack said: no more day centre."): the span from after the colon to the end of `sentence`.
 * Offsets are relative to `sentence`. Returns undefined when there is none or when the speech
 * is in quote marks (findQuotes handles those).
 */
export function findColonSpeech(sentence: string): QuoteSpan | undefined {
  if (!sentence.includes(':')) return undefined;
  const m = COLON_SPEECH.exec(sentence);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const first = sentence[start];
  if (first === undefined || '"“‘\'«'.includes(first)) return undefined;
  if (namesSpeakerAgain(sentence, m.index, start)) return undefined;
  let end = sentence.length;
  while (end > start && /[\s.!?…]/.test(sentence[end - 1]!)) end--;
  if (end <= start) return undefined;
  return { start, end, kind: 'speech' };
}

/** The innermost quote span containing [start, end), if any. `spans` sorted by start. */
export function quoteAt(spans: QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  let found: QuoteSpan | undefined;
  for (const q of spans) {
    if (q.start > start) break;
    if (q.start <= start && end <= q.end && (!found || q.end - q.start <= found.end - found.start)) found = q;
  }
  return found;
}

/** Quote spans with their nesting, for fast look-ups (see indexQuotes). */
export interface QuoteIndex {
  spans: QuoteSpan[];
  /** Index of the enclosing span, or -1. */
  parent: Int32Array;
  /** Index of the nearest speech span that is this span or encloses it, or -1. */
  speech: Int32Array;
}

/** The index of a block without quotes (shared; never changed). */
const NO_QUOTES: QuoteIndex = { spans: Object.freeze([]) as unknown as QuoteSpan[], parent: new Int32Array(0), speech: new Int32Array(0) };

/**
 * Index spans from findQuotes (sorted by start, properly nested) so that speechAt is
 * O(log n + nesting depth) per match, however many quotes a block has.
 */
export function indexQuotes(spans: QuoteSpan[]): QuoteIndex {
  if (spans.length === 0) return NO_QUOTES; // most blocks: no typed arrays to allocate
  const parent = new Int32Array(spans.length).fill(-1);
  const speech = new Int32Array(spans.length).fill(-1);
  const stack: number[] = [];
  spans.forEach((q, i) => {
    while (stack.length && spans[stack[stack.length - 1]!]!.end < q.end) stack.pop();
    const p = stack.length ? stack[stack.length - 1]! : -1;
    parent[i] = p;
    speech[i] = q.kind !== 'scare' ? (p >= 0 && speech[p]! >= 0 ? speech[p]! : i) : p >= 0 ? speech[p]! : -1;
    stack.push(i);
  });
  return { spans, parent, speech };
}

/**
 * The span that decides whether [start, end) is the person's own words: the outermost speech
 * quote around it (a scare-quoted word inside the person's quoted speech is still their speech),
 * else the innermost quote around it, else undefined.
 */
export function speechAt(index: QuoteIndex, start: number, end: number): QuoteSpan | undefined {
  const { spans, parent, speech } = index;
  let c = lastStartingAtOrBefore(spans, start);
  while (c >= 0 && !(spans[c]!.start <= start && end <= spans[c]!.end)) c = parent[c]!;
  if (c < 0) return undefined;
  return spans[speech[c]! >= 0 ? speech[c]! : c];
}

/** speechAt for a plain span list (builds the index; for one-off look-ups). */
export function speechAround(spans: QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  return speechAt(indexQuotes(spans), start, end);
}
