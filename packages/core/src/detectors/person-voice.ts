/**
 * person-voice: is the person's own voice in the document? Counts the sentences in the person's
 * voice — in a plan, first person ("I like…", "my…") or recording what the person said or wants;
 * in a case note, only recorded views ("Jack said…", "she told me…", "in her words", direct
 * speech), since a note's "I" is the worker. Adds `personVoiceShare` and `kind` to the stats.
 * With `mode: plan` it reports (document-level) a plan whose share is below `threshold`; with
 * `mode: note` it reports a note that records no view of the person at all. Pure and cheap: one
 * pass over the sentences per document (shared by both rules), where one gate regex rules out
 * most sentences and no sentence is scanned twice for the same thing.
 */
import type { Detector, SentenceView } from './types.js';
import { isOwnWordsDocument, isPlanHeading, resolveDocumentKind } from '../context/document-kind.js';
import { findQuotes } from '../context/quotes.js';
import { countWords } from '../nlp/sentences.js';
import { everyPlace } from '../scan.js';
import { isAsciiLower, isRegExpWordCode, isSpace } from '../chars.js';
import { recall, remember } from '../memo.js';

const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]y|[Mm]e|[Mm]yself|[Mm]ine)\b/;
const WORKER_I = /\bI (?:visited|telephoned|phoned|called|spoke to|met with|attended|completed|emailed|arranged|assessed|observed|explained to)\b/;
const VIEW_VERB =
  '(?:said|says|told|tells|explained|explains|shared|shares|expressed|expresses|stated|states|asked|asks|wants|wanted|would like|would prefer|would rather|prefers|preferred|feels|felt|wishes|wished|hopes|hoped|chose|chooses|decided|agreed|disagreed|described|mentioned|commented|replied|answered|confirmed|disclosed|reported|signed|wrote|does not want|doesn’t want|doesn\'t want|did not want|didn’t want|didn\'t want)';
/** Subjects that are not the person (relatives, staff, institutions) when they come right before the verb. */
const NOT_PERSON = new Set(
  'Staff Mum Dad Mother Father The It This That There Everyone Nobody Someone Panel Council Team Family Professionals Services Management Carers Carer Nurse Nurses Doctor Manager Worker Police School Teacher GP Dr Mr Mrs Ms Miss We I You Who What Which'.split(' '),
);
/** A view verb anywhere in the sentence: the cheap anchor for a reported view. */
const VIEW = new RegExp(`\\b${VIEW_VERB}\\b`, 'g');
/**
 * The subject right before a view verb: a pronoun or a capitalised name, with an optional adverb or
 * auxiliary. Read by subjectStartBefore(), which answers as this does; kept as its definition (its
 * test compares the two).
 */
export const SUBJECT_BEFORE = /(?:^|[^\w'’])((?:[Hh]e|[Ss]he|[Tt]hey)|[A-Z][a-z]+)\s+(?:has\s+|had\s+|have\s+|also\s+|clearly\s+|then\s+)?$/;
const AND_VERB = new RegExp(`\\b(?:and|but|then)\\s+(?:also\\s+|later\\s+)?${VIEW_VERB}\\b`);
const ROLE_BEFORE = /\b(?:his|her|their|the|a|Jack's|mum|dad|daughter|son|wife|husband|partner|brother|sister|friend|neighbour|carer|nurse|doctor|GP|Dr|Mr|Mrs|Ms|Miss|Mx|manager|worker|staff)\s+$/i;
const WORDS = /\b[Ii]n (?:his|her|their|[A-Z][a-z]+['’]s) (?:own )?words\b|\b(?:[A-Z][a-z]+['’]s|his|her|their) (?:views?|wishes(?: and feelings)?|feelings|words|choice|decision) (?:is|are|was|were|about|on)\b|\b(?:told|said to) (?:me|us)\b/;
/** Words and marks of the person's voice: a sentence without one is never counted as voiced. */
const CUE = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]y|[Mm]e|[Mm]yself|[Mm]ine|said|says|told|tells|explained|explains|shared|shares|expressed|expresses|stated|states|asked|asks|wants?|wanted|would|prefers|preferred|feels|felt|wishes|wished|hopes|hoped|chose|chooses|decided|agreed|disagreed|described|mentioned|commented|replied|answered|confirmed|disclosed|reported|signed|wrote|words|views?|want)\b|["“]/g;

/** Words every WORDS phrase contains, each after a space: WORDS (a slow scan) runs only on sentences with one. */
const WORDS_HINT = /\b(?:words|view|wishes|feelings|choice|decision|told |said to )/;
/**
 * A mark that can open a quote for findQuotes(): a double, curly or angle opening mark, or a
 * straight apostrophe after a non-letter (never a possessive such as "Nowak's"). Without one, no
 * quote can be found.
 */
const QUOTE_OPENER = /["“‘«]|(?<![A-Za-z0-9])'/;
/** WORDS_HINT or QUOTE_OPENER: one scan rules out both for most sentences. */
const REST_HINT = new RegExp(`${WORDS_HINT.source}|${QUOTE_OPENER.source}`);

/**
 * What the engine's scan already knows about a sentence: whether a view verb (VIEW) or a WORDS
 * hint can begin in it. `false` means it cannot; `true` means the search must still be run.
 * `verbAt`, when given, says exactly where a view verb can begin: the first offset in the sentence
 * at or after `from` (or -1), so VIEW is tried only there instead of searched for.
 */
export interface VoiceHints {
  verb: boolean;
  words: boolean;
  verbAt?: ((from: number) => number) | undefined;
}

/** VIEW, tried only at one offset (for VoiceHints.verbAt). */
const VIEW_AT = new RegExp(VIEW.source, 'y');
/** A word character or apostrophe just before the 48 characters read for a subject. */
const WORDISH = /[\w'’]/;
/** A quote mark findQuotes() could pair. */
const ANY_QUOTE = /["“'‘]/;

/**
 * The first match of VIEW in `sentence` starting at or after `from`: a global search, or with
 * `verbAt` a sticky try at each place a view verb can begin (the same match: every match of VIEW
 * begins at one of them, and the first place it matches at is the leftmost match).
 */
function nextView(sentence: string, from: number, verbAt: ((from: number) => number) | undefined): RegExpExecArray | null {
  if (!verbAt) {
    VIEW.lastIndex = from;
    const m = VIEW.exec(sentence);
    VIEW.lastIndex = 0;
    return m;
  }
  for (let p = verbAt(from); p >= 0; p = verbAt(p + 1)) {
    VIEW_AT.lastIndex = p;
    const m = VIEW_AT.exec(sentence);
    if (m) return m;
  }
  return null;
}

/**
 * True when the sentence records the person's own view (third-person report or direct speech).
 * The four ways a view shows are tried cheapest and commonest first; each needs something a
 * quick test can rule out (a view verb, a WORDS hint, a quote mark). `hints` (see VoiceHints)
 * lets it skip the searches the scan has already ruled out; the answer is the same.
 */
export function recordsView(sentence: string, hints?: VoiceHints): boolean {
  return viewIn(sentence, hints) !== NO;
}

/** viewIn()'s answers: no view; a view shown by a view verb (so CUE matches at it); a view shown otherwise. */
const NO = 0;
const BY_VERB = 1;
const OTHERWISE = 2;

/** recordsView(), saying how the view shows (NO, BY_VERB or OTHERWISE). */
function viewIn(sentence: string, hints: VoiceHints | undefined): number {
  const verbAt = hints?.verbAt;
  let m = !hints || hints.verb ? nextView(sentence, 0, verbAt) : null;
  const hasVerb = m !== null;
  for (; m; m = nextView(sentence, m.index + m[0].length, verbAt)) {
    // Only the few words before the verb matter: never scan the whole sentence for subjects.
    const from = Math.max(0, m.index - 48);
    const at = subjectStartBefore(sentence, from, m.index);
    if (at < 0) continue;
    // (SUBJECT_BEFORE's match begins at the mark before the subject, or at `from` itself.)
    if (from > 0 && at - from <= 1 && WORDISH.test(sentence[from - 1] ?? '')) continue;
    // (The subject is its first letter and the lower-case letters after it.)
    let end = at + 1;
    while (isAsciiLower(sentence.charCodeAt(end))) end++;
    const subject = sentence.slice(at, end);
    if (NOT_PERSON.has(subject)) continue;
    if (ROLE_BEFORE.test(sentence.slice(Math.max(0, at - 30), at))) continue;
    return BY_VERB;
  }
  if (hints) {
    // REST_HINT is WORDS_HINT or QUOTE_OPENER: test each only where it can match.
    if (hints.words && WORDS_HINT.test(sentence) && WORDS.test(sentence)) return OTHERWISE;
    if (hasVerb && subjectSpeaks(sentence)) return BY_VERB;
    if (QUOTE_OPENER.test(sentence) && ANY_QUOTE.test(sentence)) return findQuotes(sentence).some((q) => q.kind === 'speech') ? OTHERWISE : NO;
    return NO;
  }
  const rest = REST_HINT.test(sentence);
  if (rest && WORDS_HINT.test(sentence) && WORDS.test(sentence)) return OTHERWISE;
  // (AND_VERB's verb is a view verb, so without one there is nothing to find.)
  if (hasVerb && subjectSpeaks(sentence)) return BY_VERB;
  if (rest && QUOTE_OPENER.test(sentence) && ANY_QUOTE.test(sentence)) return findQuotes(sentence).some((q) => q.kind === 'speech') ? OTHERWISE : NO;
  return NO;
}

/** SUBJECT_BEFORE's optional word after the subject, followed by white space. */
const SUBJECT_AUX = ['has', 'had', 'have', 'also', 'clearly', 'then'];

/**
 * SUBJECT_BEFORE on `sentence.slice(from, to)`, read backwards from `to` by character code instead
 * of an end-anchored search tried at every position of the slice: where its subject (group 1)
 * begins in `sentence`, or -1 when it does not match. The slice must
 * end in white space, after the subject or after one of SUBJECT_AUX (lower case) that follows the
 * subject and white space; the subject is a capital and lower-case letters ("Amira", "He") or "he",
 * "she", "they", standing at the slice's start or after a character that is not a word character
 * or an apostrophe. A property test holds it to SUBJECT_BEFORE.
 */
export function subjectStartBefore(sentence: string, from: number, to: number): number {
  let j = to;
  while (j > from && isSpace(sentence.charCodeAt(j - 1))) j--;
  if (j === to) return -1;
  let at = subjectEndingAt(sentence, from, j);
  if (at >= 0 || j === from) return at;
  // The last word is not a subject: it may be the auxiliary after one ("He has said", "Amira then said").
  if (!isAsciiLower(sentence.charCodeAt(j - 1))) return -1;
  for (const aux of SUBJECT_AUX) {
    const a = j - aux.length;
    if (a <= from || !isSpace(sentence.charCodeAt(a - 1)) || !sentence.startsWith(aux, a)) continue;
    let k = a;
    while (k > from && isSpace(sentence.charCodeAt(k - 1))) k--;
    at = subjectEndingAt(sentence, from, k);
    // (The six words are different: at most one ends the slice.)
    return at;
  }
  return -1;
}

/** A subject of SUBJECT_BEFORE ending at `end` (white space follows it) within [from, end): its start, or -1. */
function subjectEndingAt(sentence: string, from: number, end: number): number {
  let k = end;
  while (k > from && isAsciiLower(sentence.charCodeAt(k - 1))) k--;
  let start: number;
  const before = k > from ? sentence.charCodeAt(k - 1) : -1;
  if (before >= 65 && before <= 90 && k < end) start = k - 1; // [A-Z][a-z]+
  else {
    // [Hh]e|[Ss]he|[Tt]hey in lower case (capitalised, they are [A-Z][a-z]+ above)
    const n = end - k;
    if (!((n === 2 && sentence.startsWith('he', k)) || (n === 3 && sentence.startsWith('she', k)) || (n === 4 && sentence.startsWith('they', k)))) return -1;
    start = k;
  }
  if (start > from) {
    // (?:^|[^\w'’]) before it
    const b = sentence.charCodeAt(start - 1);
    if (isRegExpWordCode(b) || b === 39 || b === 0x2019) return -1;
  }
  return start;
}

/** "Amira refused lunch and said she was not hungry": the sentence's subject is the speaker. */
function subjectSpeaks(sentence: string): boolean {
  // The checks at the sentence's start are cheap; AND_VERB searches all of it, so it comes last.
  OPENING_SUBJECT.lastIndex = 0;
  const subject = OPENING_SUBJECT.exec(sentence)?.[1];
  if (!subject || NOT_PERSON.has(subject)) return false;
  OPENING_POSSESSIVE.lastIndex = 0;
  return !OPENING_POSSESSIVE.test(sentence) && AND_VERB.test(sentence);
}
// (Sticky: V8 would otherwise try a ^-anchored regex at every position of the sentence.)
const OPENING_SUBJECT = /^\W*([Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+)\b/y;
const OPENING_POSSESSIVE = /^\W*[A-Z][a-z]+['’]s\b/y;

/** True when a plan sentence is in the person's voice: first person (not the worker's) or a recorded view. */
export function inPersonVoice(sentence: string, hints?: VoiceHints): boolean {
  return voiceIn(sentence, hints) !== NO;
}

/** inPersonVoice(), saying how the voice shows: NO, BY_VERB (a first-person word or a view verb, which CUE matches) or OTHERWISE. */
function voiceIn(sentence: string, hints: VoiceHints | undefined): number {
  // (WORKER_I needs "I ": most sentences with a first-person word are spared the search.)
  if (FIRST_PERSON.test(sentence) && !(sentence.includes('I ') && WORKER_I.test(sentence))) return BY_VERB;
  return viewIn(sentence, hints);
}

interface Tally {
  kind: 'plan' | 'note';
  voiced: number;
  counted: number;
}
/**
 * Per-document tallies, so the two rules that use this detector count each document once: in the
 * memo of the document analyse() has open (memo.ts), else here.
 */
const tallies = new WeakMap<object, Map<'plan' | 'note', Tally>>();

/** Sentences that count towards the share: four or more words, and not a plan heading. */
function counts(sentence: string): boolean {
  return hasWords(sentence, 4) && !isPlanHeading(sentence);
}

/** True when `text` has at least `n` words (counting as countWords does, stopping at n). */
export function hasWords(text: string, n: number): boolean {
  return countWords(text, 0, text.length, n) >= n;
}

/**
 * One pass over the document's sentences: how many count and how many of those are in the
 * person's voice. A sentence is in the person's voice only if a cue word (CUE) starts in it, as
 * when this detector let analyse() pick its sentences with CUE as a trigger; the cue scan runs
 * only for sentences already found voiced by something other than a word CUE holds (a quote, "in
 * her words", "his choice is"), and each scan's result serves every sentence before it.
 */
function tally(text: string, sentences: readonly SentenceView[], kind: 'plan' | 'note', skipTo?: (re: RegExp) => (text: string, from: number) => number): Tally {
  let counted = 0;
  let voiced = 0;
  let cueAt = -1;
  // Where a view verb or a WORDS hint can begin (from the engine's scan), when known.
  const verbAt = skipTo?.(VIEW);
  const hintAt = skipTo?.(WORDS_HINT);
  // One hints object for every sentence; with the scan's positions, VIEW is tried only there.
  let sStart = 0;
  let sEnd = 0;
  const hints: VoiceHints = { verb: false, words: false };
  if (verbAt && verbAt !== everyPlace) {
    hints.verbAt = (from) => {
      const v = verbAt(text, sStart + from);
      return v >= 0 && v < sEnd ? v - sStart : -1;
    };
  }
  for (const s of sentences) {
    if (!counts(s.text)) continue;
    counted++;
    let h: VoiceHints | undefined;
    if (verbAt && hintAt) {
      sStart = s.start;
      sEnd = s.end;
      const v = verbAt(text, s.start);
      const w = hintAt(text, s.start);
      hints.verb = v >= 0 && v < s.end;
      hints.words = w >= 0 && w < s.end;
      h = hints;
    }
    const how = kind === 'plan' ? voiceIn(s.text, h) : viewIn(s.text, h);
    if (how === NO) continue;
    // A first-person word or a view verb is itself a cue (CUE holds every one, in the same order
    // as FIRST_PERSON), and it lies inside the sentence: no search needed. Only where the sentence
    // meets a word character at either end (a sentence cut inside a word) could \b read otherwise.
    if (how === BY_VERB && !isRegExpWordCode(text.charCodeAt(s.start - 1)) && !isRegExpWordCode(text.charCodeAt(s.end))) {
      voiced++;
      continue;
    }
    if (cueAt < s.start) {
      CUE.lastIndex = s.start;
      const m = CUE.exec(text);
      cueAt = m ? m.index : Infinity;
    }
    if (cueAt < s.end) voiced++;
  }
  return { kind, voiced, counted };
}

/** The `person-voice` detector. */
export const personVoice: Detector = {
  meta: {
    name: 'person-voice',
    description: "Share of sentences in the person's own voice; plans below a threshold and notes with no recorded view.",
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['mode'],
      properties: {
        mode: { enum: ['plan', 'note'], description: 'Which documents this rule reports on.' },
        threshold: { type: 'number', minimum: 0, maximum: 1, description: "Plans: report when the share of sentences in the person's voice is below this (default 0.2)." },
        minSentences: { type: 'integer', minimum: 1, description: 'Only report documents with at least this many sentences of four or more words (default 3).' },
      },
    },
    // No trigger and no sentence handler: done() makes the one pass over the sentences itself,
    // told by the engine's scan where view verbs and WORDS hints can begin.
    searches: [VIEW, WORDS_HINT],
    stats: ['kind', 'personVoiceShare'],
  },
  create(ctx) {
    const mode = ctx.params.mode === 'note' ? 'note' : 'plan';
    const threshold = typeof ctx.params.threshold === 'number' ? ctx.params.threshold : 0.2;
    const minSentences = typeof ctx.params.minSentences === 'number' ? ctx.params.minSentences : 3;
    const finish = (t: Tally): void => {
      const share = t.counted ? Math.round((t.voiced / t.counted) * 100) / 100 : 0;
      ctx.stat('kind', t.kind);
      ctx.stat('personVoiceShare', share);
      if (t.kind !== mode || t.counted < minSentences) return;
      if (mode === 'plan' && share < threshold) ctx.report({});
      // A letter, complaint or statement titled as the person's own words is their view.
      if (mode === 'note' && t.voiced === 0 && !(ctx.options.kind !== 'note' && isOwnWordsDocument(ctx.doc))) ctx.report({});
    };
    return {
      done() {
        const kind = resolveDocumentKind(ctx.options.kind, ctx.doc, ctx.sentences);
        // Both voice rules use this detector: the second reuses the first one's tally.
        const byKind = recall(ctx.doc, 'voice', tallies) ?? remember(ctx.doc, 'voice', tallies, new Map<'plan' | 'note', Tally>());
        let t = byKind.get(kind);
        if (!t) {
          t = tally(ctx.doc.text, ctx.sentences, kind, ctx.skipTo?.bind(ctx));
          byKind.set(kind, t);
        }
        finish(t);
      },
    };
  },
};
