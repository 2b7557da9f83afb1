/**
 * Document kind for the voice checks: a support `plan` (one-page profile headings such as "About
 * me", "What's important to me", "How best to support me", or mostly written in the first
 * person) or a case `note` (everything else). Reads the document's sections and, for plain text,
 * short heading-like lines. Pure; cached per document object.
 */
import type { DocumentKind, SourceDocument } from '../types.js';
import { recall, remember } from '../memo.js';

/** A resolved kind (never `auto`). */
export type ResolvedKind = Exclude<DocumentKind, 'auto'>;

const PLAN_HEADING =
  /^\W*(?:about me|all about me|what(?:'|’)?s important to me|what is important to me|what matters to me|important to me|important for me|how (?:best )?to support me|how I (?:want|like) to be supported|how you can support me|what (?:people|others) (?:like|appreciate|admire)(?: and (?:like|appreciate|admire))? about me|my (?:care and )?support plan|(?:care and )?support plan|one[- ]page profile|my goals|my outcomes|my hopes|my strengths|what I want to achieve|what I would like to achieve|what works (?:well )?for me|my good days?|my communication|my story)\b/i;
/**
 * I-statements about oneself ("I like…", "My family…"). A case note's "told me" or "showed me"
 * is the worker, so bare "me" does not count.
 */
const I_STATEMENT =
  /\b(?:I(?:'m|’m| am| like| love| enjoy| want| would like| would love| need| have| feel| prefer| don't| don’t| do not| can| get| go| live| usually| always| never)|[Mm]y (?:name|family|home|favourite|life|friends?|days?|week|dog|cat|mum|dad|sister|brother|son|daughter|wife|husband|partner|job|work|hobbies))\b/;

/**
 * Does the text hold what every I-statement contains ("I", then an apostrophe or a space; "my "),
 * so that documents without one are skipped? As /I['’ ]|[Mm]y /.test(text), by five substring
 * searches, which are quicker than the regex over a whole note that has none.
 */
function hasFirstPersonHint(text: string): boolean {
  return text.includes('I ') || text.includes('my ') || text.includes("I'") || text.includes('I’') || text.includes('My ');
}

/** True when a sentence is a plan heading ("About me", "## What's important to me"), not content. */
export function isPlanHeading(sentence: string): boolean {
  // Most sentences are longer than any heading: skip the trim when it cannot shorten them.
  if (sentence.length > 60 && !mayBeSpace(sentence.charCodeAt(0)) && !mayBeSpace(sentence.charCodeAt(sentence.length - 1))) return false;
  const t = sentence.trim();
  return t.length <= 60 && !endsSentence(t) && PLAN_HEADING.test(t);
}

/** /[.!?]$/.test(t), by character code (a heading never ends like a sentence). */
function endsSentence(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c === 46 || c === 33 || c === 63;
}

/** Kinds worked out for documents other than the one analyse() has open (memo.ts). */
const cache = new WeakMap<SourceDocument, ResolvedKind>();

/** A plain-text document's first line with words on it, from its first word: where a title is. */
function firstLine(text: string): string {
  return /^\s*([^\n]*)/.exec(text)![1]!;
}

/**
 * A plain-text document's title naming it a plan: its first line, when it opens with the kind of
 * document ("Support plan for Sam Green, reviewed 12 March 2026 with Sam and her daughter", "Care and
 * support plan – …") and reads as a title (no full stop at its end). Titles run longer than section
 * headings, so up to 120 characters here, where a section heading line must stay within 60.
 */
const PLAN_KIND =
  '(?:CPA|care\\s+programme\\s+approach|(?:section|s\\.?)\\s*117(?:\\s+after-?care)?|after-?care|(?:positive\\s+)?behaviour(?:al)?\\s+support|PBS|end[- ]of[- ]life(?:\\s+care)?|advance(?:\\s+care)?|pathway|EHC|education,?\\s+health\\s+and\\s+care|safety|transition|person[- ]centred)';
/**
 * The kinds of plan a title may name before "care plan" or "plan": "CPA care plan", "Section 117
 * aftercare plan", "Positive behaviour support plan", "Pathway plan", "EHC plan", "Safety plan". Not
 * a bare "Plan" nor a "Discharge plan" (a ward note's own section).
 */
const PLAN_TITLE = new RegExp(
  `^\\W*(?:my\\s+)?(?:(?:${PLAN_KIND}\\s+)?(?:(?:care\\s+and\\s+)?support\\s+plan|care\\s+plan|one[- ]page\\s+profile)|${PLAN_KIND}\\s+plan)\\b`,
  'i',
);
/** Is this line a title naming the document a plan (short, not a sentence)? */
function isPlanTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 120 && !endsSentence(t) && PLAN_TITLE.test(t);
}
function hasPlanTitle(text: string): boolean {
  return isPlanTitle(firstLine(text));
}

/** Does any line short enough to be a heading (plain text has no markup to say so) name a plan section? */
function hasPlanHeadingLine(text: string): boolean {
  // One pass over the lines with indexOf: no array of lines, and PLAN_HEADING runs only on short ones.
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    let a = from;
    let b = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    // Strip the common white space by hand; trim() (which knows every space character) runs only
    // on lines that may be short enough once trimmed.
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a && (b - a <= 60 || mayBeSpace(text.charCodeAt(a)) || mayBeSpace(text.charCodeAt(b - 1)))) {
      const t = text.slice(a, b).trim();
      if (t && t.length <= 60 && !endsSentence(t) && PLAN_HEADING.test(t)) return true;
    }
    from = nl + 1;
  }
  return false;
}

/** Could trim() remove this character? Printable ASCII never; anything else is asked of /\s/. */
function mayBeSpace(c: number): boolean {
  return !(c > 32 && c < 127) && /\s/.test(String.fromCharCode(c));
}

/** White space as String.prototype.trim sees it, for the common characters; others fall back to trim(). */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** A sentence's text, whether given as a string or a sentence view. */
type SentenceLike = string | { readonly text: string };
function textOf(s: SentenceLike): string {
  return typeof s === 'string' ? s : s.text;
}

const WORKER_VISIT = /\bI (?:visited|telephoned|phoned|called|spoke|met|attended|completed|emailed)\b/;

/**
 * Decide the kind of `doc` from its headings and text. `sentences` (the document's sentences, as
 * texts or sentence views) lets a heading-less plan written in the first person count as a plan.
 */
export function detectDocumentKind(doc: SourceDocument, sentences: readonly SentenceLike[] = []): ResolvedKind {
  const cached = recall(doc, 'kind', cache);
  if (cached) return cached;
  let kind: ResolvedKind = 'note';
  // A reader's first heading, with only white space before it, is the document's title ("# CPA care plan").
  const headed = doc.sections.length
    ? doc.sections.some((s) => PLAN_HEADING.test(s.title)) || (!doc.text.slice(0, doc.sections[0]!.offset).trim() && isPlanTitle(doc.sections[0]!.title))
    : hasPlanHeadingLine(doc.text) || hasPlanTitle(doc.text);
  if (headed) kind = 'plan';
  else if (sentences.length >= 3 && hasFirstPersonHint(doc.text)) {
    // A case note's "I" is the worker; a plan written mostly as "I like…/My family…" is the person's.
    // Counting stops as soon as the half-way mark is reached or can no longer be reached.
    const need = Math.ceil(sentences.length * 0.5);
    let statements = 0;
    for (let i = 0; i < sentences.length && statements < need && statements + (sentences.length - i) >= need; i++) {
      if (I_STATEMENT.test(textOf(sentences[i]!))) statements++;
    }
    if (statements >= need && !sentences.some((s) => WORKER_VISIT.test(textOf(s)))) kind = 'plan';
  }
  return remember(doc, 'kind', cache, kind);
}

/**
 * A title naming the document as the person's own (or their carer's) words: "Letter from Ursula to
 * her social worker", "Complaint from Torin", "My statement for my review", "Carer's statement:
 * Halima", "Self-assessment: Callum", "in my own words". In such a document "I" is the person (or
 * the carer) writing, not a worker, though it is neither a plan nor a case note; the first-person
 * self-description step (docs/writing-rules.md §3.4) reads it as a plan does. A "from" followed by
 * a role ("Letter from Hannah, social worker", "from the team", "from Dr Okafor") is a worker's.
 */
const OWN_WORDS_TITLE =
  /\b(?:(?:letter|complaint|email|message|statement)\s+from\s+(?!(?:the|your|our|his|her|their|a|an|Dr|Mr|Mrs|Ms|Miss|Mx|Nurse|Prof|Cllr)\b)(?![^,(–—\n]{0,40}[,(–—-]\s*(?:[\p{L}]+\s+)?(?:social\s+worker|worker|officer|manager|nurse|doctor|GP|team|advocate|coordinator|co-ordinator|practitioner|assessor|reviewer|SW)\b)[A-Z]|my\s+(?:own\s+)?(?:statement|letter|complaint|views|words|story|self[- ]assessment)|in\s+my\s+own\s+words|self[- ]assessment|carer['’]s\s+statement)/iu;

const ownWordsCache = new WeakMap<SourceDocument, boolean>();

/** Does the document's title (its first heading, or its first line) name it as the person's own words? */
export function isOwnWordsDocument(doc: SourceDocument): boolean {
  const cached = recall(doc, 'ownWords', ownWordsCache);
  if (cached !== undefined) return cached;
  const first = doc.sections.length ? doc.sections[0]!.title : firstLine(doc.text);
  const t = first.replace(/^[#\s*_]+/, '').trim();
  const own = t.length > 0 && t.length <= 120 && !endsSentence(t) && OWN_WORDS_TITLE.test(t);
  return remember(doc, 'ownWords', ownWordsCache, own);
}

/** The kind to use: the caller's option when it is `plan` or `note`, else detected. */
export function resolveDocumentKind(option: DocumentKind | undefined, doc: SourceDocument, sentences: readonly SentenceLike[] = []): ResolvedKind {
  return option === 'plan' || option === 'note' ? option : detectDocumentKind(doc, sentences);
}
