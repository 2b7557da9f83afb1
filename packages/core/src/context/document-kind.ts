/**
 * Document kind for the voice checks: a support `plan` (one-page profile headings such as "About
 * me", "What's important to me", "How best to support me", or mostly written in the first
 * person) or a case `note` (everything else). Reads the document's sections and, for plain text,
 * short heading-like lines. Pure; cached per document object.
 */
import type { DocumentKind, SourceDocument } from '../types.js';

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

/** True when a sentence is a plan heading ("About me", "## What's important to me"), not content. */
export function isPlanHeading(sentence: string): boolean {
  const t = sentence.trim();
  return t.length <= 60 && !/[.!?]$/.test(t) && PLAN_HEADING.test(t);
}

const cache = new WeakMap<SourceDocument, ResolvedKind>();

/** Lines short enough to be headings (plain text has no markup to say so). */
function headingLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && t.length <= 60 && !/[.!?]$/.test(t)) out.push(t);
  }
  return out;
}

/**
 * Decide the kind of `doc` from its headings and text. `sentences` (the document's sentence
 * texts) lets a heading-less plan written in the first person count as a plan.
 */
export function detectDocumentKind(doc: SourceDocument, sentences: readonly string[] = []): ResolvedKind {
  const cached = cache.get(doc);
  if (cached) return cached;
  let kind: ResolvedKind = 'note';
  const titles = doc.sections.length ? doc.sections.map((s) => s.title) : headingLines(doc.text);
  if (titles.some((t) => PLAN_HEADING.test(t))) kind = 'plan';
  else if (sentences.length >= 3) {
    const statements = sentences.filter((s) => I_STATEMENT.test(s)).length;
    // A case note's "I" is the worker; a plan written mostly as "I like…/My family…" is the person's.
    if (statements / sentences.length >= 0.5 && !sentences.some((s) => /\bI (?:visited|telephoned|phoned|called|spoke|met|attended|completed|emailed)\b/.test(s))) kind = 'plan';
  }
  cache.set(doc, kind);
  return kind;
}

/** The kind to use: the caller's option when it is `plan` or `note`, else detected. */
export function resolveDocumentKind(option: DocumentKind | undefined, doc: SourceDocument, sentences: readonly string[] = []): ResolvedKind {
  return option === 'plan' || option === 'note' ? option : detectDocumentKind(doc, sentences);
}
