/**
 * analyse(document, ruleSet, options) → DocumentResult: the engine. One scanner pass finds
 * candidate phrases; sentences with an anchor of a `match` rule are parsed by compromise; regex
 * rules and detectors run; then context (allow-list, unless, suppression comments, the person's
 * quoted words, negation) decides what is reported. Output is sorted and deterministic. Pure.
 */
import type { AnalyseOptions, Finding, DocumentResult, Severity, SourceDocument } from './types.js';
import { SEVERITIES } from './types.js';
import { suggestKey, withAllow, type CompiledRule, type CompiledUnless, type RuleSet } from './rules/compile.js';
import { parseSentence, runMatch } from './patterns/match.js';
import { anyPhraseRegex, searchRegex } from './patterns/terms.js';
import { splitSentences } from './nlp/sentences.js';
import { text as readText } from './readers/text.js';
import { positionAt, lineStarts, lineIndex } from './readers/mask.js';
import { spanToSource } from './readers/join.js';
import { flatten, fromFlat, irregularSpaces, spansHolding, toFlat, type Flat } from './flat.js';
import { isSuppressed } from './suppress.js';
import { findColonSpeech, findQuotes, indexQuotes, opensWithQuote, speechAt, type QuoteIndex, type QuoteSpan } from './context/quotes.js';
import { isNegated } from './context/negation.js';
import { isDisputedLabel, isReportedLabel } from './context/disputed.js';
import { IN_DEMENTIA, NEED_GIVEN, mentionsDementia, needGiven } from './context/condition.js';
import { inWordSwapColumn, isQuotedFromRecord, isRejectedLabel, isWordMention } from './context/mention.js';
import { isFieldAnsweredNo, isFormQuestion } from './context/form-question.js';
import { aboutWhom, castOf, clausePronounReferent, groupReferent, paragraphPronounReferent, pronounReferent, subjectAllows, type About, type ContextIndex } from './context/subject.js';
import { isFirstPerson, isSelfLabel } from './context/first-person.js';
import { isOwnIndirectSpeech, namedSpeaker, type SpeakerTest } from './context/reported-speech.js';
import { detectDocumentKind, isOwnWordsDocument } from './context/document-kind.js';
import { partHeads, type PartHead } from './context/sections.js';
import { abbreviationDefined, abbreviationDefinitions, abbreviationsIn, mayHoldAbbreviation, type AbbreviationDefinitions } from './context/abbreviations.js';
import { everyPlace, scanDocument, sentenceIndexAt, skipperFor, type ScanResult } from './scan.js';
import { forEachTriggeredSkipping } from './detectors/triggered.js';
import { SourdoughError } from './errors.js';
import type { DetectorContext, DetectorReport, SentenceView } from './detectors/types.js';
import { computeStats } from './stats.js';
import { digitOffsets, firstAtOrAfter, lastAtOrBefore, lastOffsetAtOrBefore, lastStartingAtOrBefore } from './search.js';
import { isRegExpWordCode, isSpace } from './chars.js';
import { closeMemo, openMemo } from './memo.js';
import { findSlips, type Slip } from './rules/typos.js';

interface Hit {
  rule: number;
  start?: number;
  end?: number;
  message?: string;
  severity?: Severity;
  /** Found only with a misspelt word spelt right (readSlips): where it lies in the sentence so spelt. */
  fixed?: { start: number; end: number };
}

/** A sentence holding misspelt words, read again with them spelt right (readSlips). */
interface Fixed {
  /** The sentence with the words spelt right. */
  text: string;
  /** Each word put right: where it is in `text` (at, end) and where it was in the sentence (from, to). */
  edits: { at: number; end: number; from: number; to: number }[];
  /** The protected spans of `text` (the scan's `allow`, offsets into `text`). */
  allow: number[];
  /** `text` read flat (flat.ts), or null when it is flat already. */
  flat: Flat | null;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Categories whose findings in first-person self-description are reported at info (LEXICON §4.2). */
const SELF_DESCRIPTION: ReadonlySet<string> = new Set(['deficit', 'dehumanising', 'blaming']);

/**
 * Categories whose rules, whatever their `subject:` setting, never describe an animal: "the dog
 * wandered off", "our cat, Mog, suffers from arthritis", "Biscuit had gone walkabout" after "a dog
 * called Biscuit". (Privacy, voice, gatekeeping and jargon are about the record, not a subject.)
 */
const NEVER_AN_ANIMAL: ReadonlySet<string> = new Set(['deficit', 'dehumanising', 'blaming', 'control']);

/** The animal words of a context index, as one test (built once per index). */
const animalTests = new WeakMap<ContextIndex, RegExp | null>();
function animalTest(index: ContextIndex): RegExp | null {
  let re = animalTests.get(index);
  if (re === undefined) {
    re = anyPhraseRegex([...index].filter(([, kind]) => kind === 'animal').map(([w]) => w)) ?? null;
    animalTests.set(index, re);
  }
  return re;
}

/** Added to the message of a label quoted as a word or from a record (context/mention.ts). */
const MENTIONED = ' Here it is quoted as a word or from a record, not used about the person, so it is shown for information.';
/** Added to the message of a label in a form's own question (context/form-question.ts). */
const FORM_ASKS = ' Here it is a form’s question, not something said about the person, so it is shown for information.';
/** Categories whose findings are never a word mentioned rather than used (an identifier is one wherever it stands; voice rules read the whole text). */
const NEVER_MENTIONED: ReadonlySet<string> = new Set(['privacy', 'voice']);
/** Categories whose labels a record may quote in order to record the person disputing them. */
const DISPUTABLE: ReadonlySet<string> = new Set(['deficit', 'dehumanising', 'blaming', 'gatekeeping']);

/**
 * An email address ("client.finance@example.org", "reablement@example.org") or a reference code
 * ("Our ref: DP/2026/00917", "LD/2026/1187"): the letters of a mailbox or a file code, not words
 * written about the person. Only the privacy rules read inside them.
 */
const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/g;
const REFERENCE_CODE = /\b[A-Z][A-Za-z]{0,5}(?:\/[A-Za-z0-9]{1,12}){1,5}\b/g;
/** A "/" after a letter and before a letter or digit: where a reference code can be. */
const CODE_HINT = /[A-Za-z]\/[A-Za-z0-9]/;
const NO_SPANS: readonly (readonly [number, number])[] = [];

/**
 * The email addresses and the reference codes with a digit in a sentence (sentence-relative),
 * found once per sentence; each search runs only where its hint is (an "@"; a letter, "/" and a
 * letter or digit), as most sentences have neither.
 */
function addressOrCodeSpans(sentence: string): readonly (readonly [number, number])[] {
  const mail = sentence.includes('@');
  const code = CODE_HINT.test(sentence);
  if (!mail && !code) return NO_SPANS;
  const out: [number, number][] = [];
  for (const [re, on] of [[EMAIL_ADDRESS, mail], [REFERENCE_CODE, code]] as const) {
    if (!on) continue;
    re.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = re.exec(sentence)); ) if (re === EMAIL_ADDRESS || /\d/.test(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out.length ? out : NO_SPANS;
}

const plainResolved = new WeakMap<RuleSet, { active: boolean[]; severity: Severity[] }>();
const resolvedCache = new WeakMap<RuleSet, Map<string, { active: boolean[]; severity: Severity[] }>>();

/** Which rules run, and at what severity, under these options (computed once per rule set and option values). */
export function resolveRules(set: RuleSet, options: AnalyseOptions): { active: boolean[]; severity: Severity[] } {
  // The common case, no overrides: one resolution per rule set, no key to build.
  if (!options.enable && !options.disable && !options.severity) {
    let plain = plainResolved.get(set);
    if (!plain) plainResolved.set(set, (plain = computeRules(set, {})));
    return plain;
  }
  let bySet = resolvedCache.get(set);
  if (!bySet) resolvedCache.set(set, (bySet = new Map()));
  const key = JSON.stringify([options.enable ?? [], options.disable ?? [], options.severity ?? {}]);
  let resolved = bySet.get(key);
  if (!resolved) {
    resolved = computeRules(set, options);
    if (bySet.size > 64) bySet.clear();
    bySet.set(key, resolved);
  }
  return resolved;
}

function computeRules(set: RuleSet, options: AnalyseOptions): { active: boolean[]; severity: Severity[] } {
  const enable = new Set(options.enable ?? []);
  const disable = new Set(options.disable ?? []);
  const sev = options.severity ?? {};
  const active: boolean[] = [];
  const severity: Severity[] = [];
  // The most specific name decides: a rule's id, then its category, then `*`; where one name is
  // both enabled and disabled, enabled wins. So `disable: ['*'], enable: ['jargon']` runs only
  // the jargon rules, and `disable: ['jargon'], enable: ['jargon/respite']` keeps that one rule.
  // An opt-in rule (`optIn: true`) runs only when its own id is enabled.
  const decide = (name: string): boolean | undefined => (enable.has(name) ? true : disable.has(name) ? false : undefined);
  for (const r of set.rules) {
    active.push(decide(r.id) ?? (r.data.optIn ? false : (decide(r.category) ?? decide('*') ?? true)));
    severity.push(sev[r.id] ?? sev[r.category] ?? r.severity);
  }
  return { active, severity };
}

/**
 * A stretch of the analysed text as it reads: the blanks left by markup and line breaks become one
 * space, and a word hyphenated at a line end reads whole ("attention-\nseeking": "attention-seeking").
 */
function visible(text: string): string {
  return NOT_PLAIN.test(text) ? joinLineEndHyphens(text).replace(SPACES, ' ').trim() : text;
}

/** "attention-\n  seeking" → "attention-seeking": a word hyphenated at a line end, read whole. */
function joinLineEndHyphens(text: string): string {
  return text.includes('-') ? text.replace(LINE_END_HYPHEN, '-') : text;
}
/** Text that does not read as written: two white space characters in a row, or one that is not a space. */
const NOT_PLAIN = /\s\s|[\t\n\r\f\v\u00a0]/;
/** A hyphen ending a line inside a word, with the line break and indent after it. */
const LINE_END_HYPHEN = /(?<=\p{L})-[^\S\n]*\n\s*/gu;
const SPACES = /\s+/g;

/** Are sentences `a` and `b` (`a` before `b`) in the same paragraph (no blank line between)? */
const sameParagraph = (text: string, a: SentenceView, b: SentenceView): boolean => !/\n[ \t]*\n/.test(text.slice(a.end, b.start));

/** The longest sentence in which a rule with no `subject` reads pronouns for an animal (characters). */
const ANIMAL_PRONOUN_SENTENCE = 1000;

/** Sentences of the paragraph read back from sentence `i` (not included) for the pronoun reader. */
const PARAGRAPH_LOOKBACK = 8;

/**
 * The text of the sentences before sentence `i` in its paragraph, at most PARAGRAPH_LOOKBACK of
 * them: what an opening pronoun after sentence `i` might stand for instead of its subject.
 */
function paragraphBefore(text: string, sentences: readonly SentenceView[], i: number): string {
  let j = i;
  while (j > 0 && j > i - PARAGRAPH_LOOKBACK && sameParagraph(text, sentences[j - 1]!, sentences[j]!)) j--;
  return j < i ? text.slice(sentences[j]!.start, sentences[i]!.start) : '';
}

/** Split a document into sentences (never crossing a block). */
export function sentencesOf(doc: SourceDocument): SentenceView[] {
  const out: SentenceView[] = [];
  for (const b of doc.blocks) {
    const slice = doc.text.slice(b.start, b.end);
    for (const s of splitSentences(slice)) {
      const start = b.start + s.start;
      const end = b.start + s.end;
      out.push({ index: out.length, start, end, text: doc.text.slice(start, end) });
    }
  }
  return out;
}

/**
 * Does a protected phrase starting in sentence `s` overlap [start, end)? `spans` holds (start,
 * end) pairs, flattened, by ascending start.
 */
function isAllowed(spans: number[], s: SentenceView, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid]! < s.start) lo = mid + 1;
    else hi = mid;
  }
  for (let j = 2 * lo; j < spans.length && spans[j]! < s.end && spans[j]! < end; j += 2) if (start < spans[j + 1]!) return true;
  return false;
}

/**
 * Push [start, end) of `text` as a hit of `rule`, offset by `base`, without white space at either
 * edge: a regex that reads a following word with its space ("allowed one ") or a leading space
 * would otherwise report, and highlight, the space.
 */
function pushTrimmed(text: string, start: number, end: number, base: number, rule: number, hits: Hit[]): void {
  [start, end] = trimmed(text, start, end);
  if (end > start) hits.push({ rule, start: base + start, end: base + end });
}

/** [start, end) of `text` without white space at either edge. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return [start, end];
}

/** Push every match of a global `re` in `text` as a hit of `rule`, offset by `base` (no intermediate arrays). */
function pushMatches(re: RegExp, text: string, base: number, rule: number, hits: Hit[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const len = m[0].length;
    if (len === 0) {
      re.lastIndex++;
      continue;
    }
    pushTrimmed(text, m.index, m.index + len, base, rule, hits);
  }
}

/** hasMatch for a regex that may be missing (a context index with no animal words): never. */
const mentionsAny = (re: RegExp | null, text: string): boolean => re !== null && hasMatch(re, text);

/** Does a global `re` match `text` anywhere (non-empty, as spansOf counts matches)? */
function hasMatch(regex: RegExp, text: string): boolean {
  const re = searchRegex(regex, text);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length > 0) {
      re.lastIndex = 0;
      return true;
    }
    re.lastIndex++;
  }
  return false;
}

function spansOf(regex: RegExp, text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = searchRegex(regex, text);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Analyse one document (or a plain string) with a compiled rule set. */
export function analyse(input: SourceDocument | string, ruleSet: RuleSet, options: AnalyseOptions = {}): DocumentResult {
  const set = options.allow?.length ? allowing(ruleSet, options.allow) : ruleSet;
  const doc = typeof input === 'string' ? readText(input) : input;
  const sentences = sentencesOf(doc);
  // What the context readers and detectors work out once for this document is kept in its memo
  // (memo.ts), closed before returning.
  const previous = openMemo(doc, sentences);
  try {
    return analyseSentences(set, doc, sentences, options);
  } finally {
    closeMemo(previous);
  }
}

/** analyse(), once the rule set, the document and its sentences are settled. */
function analyseSentences(set: RuleSet, doc: SourceDocument, sentences: SentenceView[], options: AnalyseOptions): DocumentResult {
  const text = doc.text;
  const { active, severity } = resolveRules(set, options);
  const hits: Hit[] = [];
  /** Figures detectors add to the stats (strengths, voice share…). */
  const extraStats: Record<string, unknown> = {};

  // 1. One pass over the word starts of the text (scan.ts): phrases, protected terms, and where
  // each regex needs to run.
  const scan = scanDocument(set, text, sentences, active);
  const { allow } = scan;
  for (let k = 0; k < scan.phrases.length; k += 3) hits.push({ rule: scan.phrases[k]!, start: scan.phrases[k + 1]!, end: scan.phrases[k + 2]! });
  // Misspellings of the rules' long words ("manipluative", "placment": rules/typos.ts), read once
  // the rules have run (readSlips).
  const slips = set.typos ? findSlips(set.typos, text) : [];
  const matchCandidates = new Map<string, { rule: number; match: number; sentence: number }>();
  for (let k = 0; k < scan.matchCandidates.length; k += 3) {
    const [rule, match, sentence] = [scan.matchCandidates[k]!, scan.matchCandidates[k + 1]!, scan.matchCandidates[k + 2]!];
    const key = `${rule}:${match}:${sentence}`;
    if (!matchCandidates.has(key)) matchCandidates.set(key, { rule, match, sentence });
  }

  // 2. compromise, only on candidate sentences of match rules.
  if (matchCandidates.size) {
    const parsed = new Map<number, ReturnType<typeof parseSentence>>();
    for (const c of matchCandidates.values()) {
      const s = sentences[c.sentence]!;
      let nlpDoc = parsed.get(c.sentence);
      if (!nlpDoc) {
        nlpDoc = parseSentence(s.text);
        parsed.set(c.sentence, nlpDoc);
      }
      for (const [a, b] of runMatch(nlpDoc, set.rules[c.rule]!.matches[c.match]!)) hits.push({ rule: c.rule, start: s.start + a, end: s.start + b });
    }
  }

  // 3. regex rules (only those whose literal anchors occur in the document) and detectors.
  // They read each sentence flat (flat.ts): a run of white space is one space.
  // Most sentences are flat already: the scan has noted the few places with white space other
  // than a single space (or one search of the whole text finds them), and only sentences holding
  // one are flattened.
  // Which sentences hold such white space: one walk over the runs and the sentences, when first
  // asked; each of those is flattened when first read.
  let needsFlat: Uint8Array | undefined;
  const flats: (Flat | null | undefined)[] = new Array(sentences.length);
  const flatOf = (s: SentenceView): Flat | null => {
    let f = flats[s.index];
    if (f === undefined) {
      needsFlat ??= spansHolding(scan.irregular ?? irregularSpaces(text), text, sentences);
      flats[s.index] = f = needsFlat[s.index] ? flatten(s.text) : null;
    }
    return f;
  };
  const triggered = scan.triggered;
  for (const id of scan.triggeredIds) {
    const where = triggered[id]!;
    const { re, rule, sticky } = scan.regexes[id]!;
    if (!active[rule]) continue;
    if (sticky && where !== 'all') {
      // Tried only where a prefix begins, in order, skipping those inside the previous match
      // (as a global search of each sentence would).
      let end = -1;
      for (let k = 0; k < where.length; k += 2) {
        const p = where[k + 1]!;
        if (p < end) continue;
        const s = sentences[where[k]!]!;
        const flat = flatOf(s);
        // (test, not exec: a sticky match starts where it is tried and ends at lastIndex.)
        if (flat) {
          const at = toFlat(flat, p - s.start);
          sticky.lastIndex = at;
          if (!sticky.test(flat.text) || sticky.lastIndex === at) continue;
          const [a, b] = fromFlat(flat, at, sticky.lastIndex);
          end = s.start + b;
          hits.push({ rule, start: s.start + a, end });
          continue;
        }
        const at = p - s.start;
        sticky.lastIndex = at;
        if (!sticky.test(s.text) || sticky.lastIndex === at) continue;
        end = p + sticky.lastIndex - at;
        hits.push({ rule, start: p, end });
      }
      continue;
    }
    // Only the sentences holding an anchor: a reportable match lies inside one sentence and
    // contains an anchor, so it is found there. A regex without anchors reads every sentence (flat,
    // as the others do: it used to read the whole text as written, so "Jack's  'den'" with two
    // spaces went unreported where "his  'den'" was).
    const count = where === 'all' ? sentences.length : where.length;
    for (let k = 0; k < count; k++) {
      const s = sentences[where === 'all' ? k : where[k]!]!;
      const flat = flatOf(s);
      if (!flat) pushMatches(re, s.text, s.start, rule, hits);
      // On the flat form, with the matches mapped back to the text (as unless patterns are read).
      else for (const [a, b] of spansOf(re, flat.text).map(([x, y]) => fromFlat(flat, x, y))) pushTrimmed(s.text, a, b, s.start, rule, hits);
    }
  }
  for (const rule of detectorRules(set)) {
    if (active[rule.index]) runDetector(rule, doc, sentences, options, hits, extraStats, scan);
  }
  if (options.alwaysStats) runStatsOnly(set, active, doc, sentences, options, extraStats, scan);
  const fixes = slips.length ? readSlips(set, active, sentences, slips, hits) : undefined;

  // 4. Context: decide what is reported.
  const starts = lineStarts(doc.source);
  const quoteCache = new Map<number, QuoteIndex>();
  const colonCache = new Map<number, QuoteSpan | null>();
  const sentenceCache = new Map<number, string>();
  let personVoice: boolean | undefined;
  /** Does the document speak of dementia (read on the first finding of a `condition` rule)? */
  let dementia: boolean | undefined;
  const unlessCache = new Map<number, [number, number][] | 'all'>();
  const sectionCache: SectionCache = { anywhere: new Map(), bySection: new Map(), byPattern: new Map() };
  const codeCache = new Map<number, readonly (readonly [number, number])[]>();
  const definedCache = new Map<CompiledUnless, [number, number][]>();
  /** The word lists plus the names the document introduces as someone else (read on the first `subject` check). */
  let cast: ContextIndex | undefined;
  // Does the text name an animal at all (read once, and only if a rule needs to know)?
  let mentionsAnimal: boolean | undefined;
  /**
   * Who the match at [a, b) of sentence `si` is about: the subject, agent or object the clause
   * reader finds, then an opening or clause pronoun read back to the sentence or paragraph before,
   * then a group ("one of them"). Used by `subject` rules, and to keep every deficit, dehumanising,
   * blaming and control rule off an animal.
   */
  const referent = (s: SentenceView, si: number, a: number, b: number, ctx: ContextIndex): About => {
    let about = aboutWhom(s.text, a, b, ctx);
    // "The landlord visited. He refused…": an opening pronoun for the previous sentence's subject,
    // unless an earlier sentence of the paragraph mentions someone else it could stand for.
    const prev = si > 0 ? sentences[si - 1] : undefined;
    if ((about === 'person' || about === 'unknown') && prev && sameParagraph(text, prev, s)) {
      about = pronounReferent(s.text, a, prev.text, ctx, () => paragraphBefore(text, sentences, si - 1)) ?? about;
    }
    // "son visited, he was angry": the same reading for a pronoun opening a clause after a comma.
    if (about === 'person' || about === 'unknown') {
      const same = prev && sameParagraph(text, prev, s) ? prev.text : '';
      about = clausePronounReferent(s.text, a, ctx, same, () => paragraphBefore(text, sentences, si - 1)) ?? about;
    }
    // "Mia said her stepfather, Gary, locks her in when he is angry": a he or she that only
    // someone the document introduced as someone else can be (read only when names were cast).
    if ((about === 'person' || about === 'unknown') && ctx !== set.context) {
      about = paragraphPronounReferent(paragraphBefore(text, sentences, si) + s.text.slice(0, a), ctx) ?? about;
    }
    // "They keep two rabbits. One of them bites", "both night workers … The pair were defensive":
    // a group or a "one" for the noun named just before it.
    if (about === 'person' || about === 'unknown') {
      const same = prev && sameParagraph(text, prev, s);
      const prev2 = si > 1 ? sentences[si - 2] : undefined;
      about =
        groupReferent(s.text, a, same ? prev.text : '', ctx, () => (same && prev2 && sameParagraph(text, prev2, prev) ? prev2.text : '')) ?? about;
    }
    return about;
  };
  let speakers: SpeakerTest | undefined; // who a named speaker in indirect speech is (reported-speech.ts)
  /** The abbreviations the document spells out (found on its first jargon abbreviation). */
  let abbreviations: AbbreviationDefinitions | undefined;
  const findings: Finding[] = [];
  /** The words of each finding of a `firstUseOnly` rule, as they read (for folding its repeats). */
  let spoken: Map<Finding, string> | undefined;

  for (const hit of dedupe(hits, set)) {
    const rule = set.rules[hit.rule]!;
    let sev = hit.severity ?? severity[hit.rule]!;
    let quoted = false;
    let scare = false;
    let mentioned = false;
    let q: QuoteSpan | undefined;
    if (hit.start === undefined || hit.end === undefined) {
      findings.push(documentFinding(rule, sev, hit));
      continue;
    }
    const si = sentenceIndexAt(sentences, hit.start);
    const s = sentences[si];
    if (!s || hit.end > s.end) continue; // outside prose, or crossing a sentence boundary
    // Inside an email address or a reference code: not prose (privacy rules still read them).
    if (rule.category !== 'privacy') {
      let codes = codeCache.get(si);
      if (!codes) codeCache.set(si, (codes = addressOrCodeSpans(s.text)));
      const a = hit.start - s.start;
      const b = hit.end - s.start;
      if (codes.length && codes.some(([x, y]) => x <= a && b <= y)) continue;
    }
    // Found with a misspelt word spelt right: the protected terms and unless patterns read the
    // sentence so spelt too ("diabettic retinopathy" is a clinical compound as "diabetic
    // retinopathy" is).
    const spelt = fixes?.get(si);
    if (spelt && fixCancelled(rule, s, hit.fixed ?? refixed(spelt.edits, hit.start - s.start, hit.end - s.start), spelt, doc, definedCache)) continue;
    const fix = hit.fixed && spelt;
    // Protected terms.
    if (allow.length && isAllowed(allow, s, hit.start, hit.end)) continue;
    // unless patterns.
    if (rule.unless.length && (cancelledByUnless(rule, s, hit, unlessCache, flatOf, doc, definedCache) || (rule.unlessInSection && cancelledInSection(rule, doc, sentences, hit.start, sectionCache, scan)))) continue;
    // An abbreviation a jargon rule found, spelt out earlier in the document, whatever the wording
    // ("the Care Quality Commission, known as the CQC"; context/abbreviations.ts).
    if (rule.category === 'jargon' && mayHoldAbbreviation(text, hit.start, hit.end)) {
      const words = abbreviationsIn(text.slice(hit.start, hit.end));
      if (words.length) {
        abbreviations ??= abbreviationDefinitions(text);
        if (abbreviations.size) {
          const reach = headingReach(doc, hit.start);
          if (words.every((w) => abbreviationDefined(abbreviations!, w, hit.start!, reach))) continue;
        }
      }
    }
    // Who it is about (rules with `subject: person | organisation`).
    if (rule.subject !== 'any' && set.context) {
      // "her stepfather, Gary, …": names introduced as someone else, read once per document.
      cast ??= castOf(text, set.context);
      const about = referent(s, si, hit.start - s.start, hit.end - s.start, cast);
      if (!subjectAllows(rule.subject, about)) continue;
    } else if (NEVER_AN_ANIMAL.has(rule.category) && set.context && (mentionsAnimal ??= mentionsAny(animalTest(set.context), text))) {
      // A rule that reads no subject still never describes an animal: only in a text that names
      // one, so the reading costs nothing elsewhere.
      // The same readings as above, pronouns included: "We took the dog, Biscuit, out. He goes
      // walkabout in the long grass" is the dog (2026-11-28, the seventy-first check).
      // Pronouns are read only in a sentence of ordinary length: their readers scan the sentence up
      // to the match, which over one run-on line with many matches would grow with its square.
      cast ??= castOf(text, set.context);
      const a = hit.start - s.start;
      const b = hit.end - s.start;
      if ((s.text.length <= ANIMAL_PRONOUN_SENTENCE ? referent(s, si, a, b, cast) : aboutWhom(s.text, a, b, cast)) === 'animal') continue;
    }
    // Suppression comments. (Positions are the source's: in a word that markup split and the
    // reader joined, text and source offsets differ.)
    const [from, to] = doc.moved ? spanToSource(doc.moved, hit.start, hit.end) : [hit.start, hit.end];
    const pos = positionAt(starts, from);
    if (doc.directives.length && isSuppressed(doc.directives, rule.id, rule.category, from, pos.line)) continue;
    // The person's own words: quotes in the block (continued from paragraph to paragraph), and
    // colon-introduced speech in the sentence. Only rules that stay quiet inside quotes ask (an
    // identifier is reported wherever it is).
    if (rule.quotes === 'suppress') {
      const bi = blockIndexAt(doc, hit.start);
      let quotes = quoteCache.get(bi);
      if (!quotes) {
        const b = doc.blocks[bi];
        const next = doc.blocks[bi + 1];
        quotes = indexQuotes(b ? findQuotes(text, b.start, b.end, { continues: next !== undefined && opensWithQuote(text, next.start, next.end) }) : []);
        quoteCache.set(bi, quotes);
      }
      q = quotes.spans.length ? speechAt(quotes, hit.start, hit.end) : undefined;
      if (!q || q.kind === 'scare') {
        let colon = colonCache.get(si);
        if (colon === undefined) {
          const c = findColonSpeech(s.text);
          colon = c ? { ...c, start: c.start + s.start, end: c.end + s.start } : null;
          colonCache.set(si, colon);
        }
        if (colon && colon.start <= hit.start && hit.end <= colon.end) q = colon;
      }
      // A block quote (a line opening with ">", in Markdown or in plain text) in which someone
      // speaks of themselves ("> I refused the bath because the water was cold."): their words, as quote
      // marks make them. A quoted e-mail from a colleague about the person ("> He refused his
      // tablets again") is still read.
      if ((!q || q.kind === 'scare') && inBlockQuote(doc.source, from, starts) && isFirstPerson(s.text, hit.start - s.start)) q = BLOCK_QUOTE;
      scare = q?.kind === 'scare';
      if (q && q.kind !== 'scare') {
        if (!options.includeQuotes) continue;
        quoted = true;
        sev = 'info';
      }
    }
    // Negation; and a label the writer names in order to reject it ("Nobody would call Jo
    // manipulative", "We do not call Ravi a client", "Nobody is saying that his dad is a difficult
    // father"), which is dropped like a negated match where the rule drops negation, and otherwise
    // shown for information even where the rule keeps negated matches.
    if (
      !quoted &&
      ((rule.negation !== 'keep' && isNegated(s.text, hit.start - s.start)) ||
        (sev !== 'info' && DISPUTABLE.has(rule.category) && isRejectedLabel(s.text, hit.start - s.start)))
    ) {
      if (rule.negation === 'drop') continue;
      sev = 'info';
    }
    // Someone else's label, quoted so that the record can say the person disputes it ("School
    // reported that he was 'disruptive', which he disputes"): the writer is giving the person's
    // side, so it is reported at `info`.
    // The denial may be the next sentence of the paragraph ("The nurse said Ted was 'aggressive'.
    // He isn't aggressive."). Gatekeeping labels are disputed the same way ("I was told swimming is
    // a 'lifestyle choice'. It isn't.").
    if (!quoted && DISPUTABLE.has(rule.category) && sev !== 'info') {
      const nx = sentences[si + 1];
      const next = nx && sameParagraph(text, s, nx) ? nx.text : undefined;
      if (isDisputedLabel(s.text, hit.start - s.start, hit.end - s.start, next)) sev = 'info';
    }
    // The person's own account in indirect speech ("Nadia explained that she was aggressive towards
    // her brother when she was younger", "Kemal admitted he had been manipulative"): their words about
    // themselves, reported by the writer, so shown for information (context/reported-speech.ts).
    // Not a match that holds quote marks ("Jack says he is seeing his 'sinus doctor'"): the marks
    // are the writer's (BLA-41), whoever's account it is.
    if (!quoted && sev !== 'info' && SELF_DESCRIPTION.has(rule.category) && !holdsQuoteMark(text, hit.start, hit.end) && isOwnIndirectSpeech(s.text, hit.start - s.start, rule.category === 'dehumanising', (speakers ??= namedSpeaker(text, () => (set.context ? (cast ??= castOf(text, set.context)) : undefined))))) sev = 'info';
    // A quoted label the writer mentions rather than uses (or one listed in a word-swap table's
    // "Instead of" column): guidance and audits about the word itself ("Avoid phrases such as “service user”", "The phrase “failed to engage” appeared in 7
    // files"), and a record's words quoted in order to answer them ("Earlier records call her
    // “aggressive”", "did not like being called a “client”"). Reported at `info`, saying so.
    if (scare && q && sev !== 'info' && !NEVER_MENTIONED.has(rule.category)) {
      const open = q.start - 1 - s.start;
      const close = q.end - s.start;
      if (open >= 0 && close <= s.text.length && (isWordMention(s.text, open, close) || (DISPUTABLE.has(rule.category) && isQuotedFromRecord(s.text, open)))) {
        sev = 'info';
        mentioned = true;
      }
    }
    // A form's own question about whoever it is for ("Has the person refused any services in the
    // past?", "Is there any history of aggression?"), or a field of the form answered with a plain
    // no ("History of aggression: None known."): the template asks, it describes no one.
    // Labels only: a gatekeeping question ("Is the person's swimming a need or a want?") is the
    // very wording SPEC names, however the form puts it.
    let asked = false;
    if (!quoted && sev !== 'info' && SELF_DESCRIPTION.has(rule.category)) {
      const nx = sentences[si + 1];
      const next = (): string | undefined => (nx && sameParagraph(text, s, nx) ? nx.text : undefined);
      if (isFormQuestion(s.text, hit.start - s.start, hit.end - s.start) || isFieldAnsweredNo(s.text, hit.start - s.start, hit.end - s.start, next())) {
        sev = 'info';
        asked = true;
      }
    }
    // A Markdown word-swap table: the words in its "Instead of" column are listed to be replaced.
    if (!mentioned && sev !== 'info' && doc.format === 'markdown' && !NEVER_MENTIONED.has(rule.category) && inWordSwapColumn(doc.source, from, starts)) {
      sev = 'info';
      mentioned = true;
    }
    // In a letter, complaint or statement titled as the person's own words, a short label in quotes
    // that the writer reports someone else using ("They called him a 'wanderer'", "the nurse wrote
    // that I was 'difficult'") is the person or their carer quoting it, not using it. In a worker's
    // note the same quote stays the writer's label.
    if (scare && DISPUTABLE.has(rule.category) && sev !== 'info' && options.kind !== 'note' && isOwnWordsDocument(doc) && isReportedLabel(s.text, hit.start - s.start)) sev = 'info';
    // First-person self-description outside quotes, in a plan written in the person's voice (in a
    // case note "I" is the writer). With kind `auto`, a document too short to tell counts as the
    // person's own words.
    // (The document's kind is cached, and the voice detectors have usually asked already.)
    // A letter, complaint, statement or self-assessment titled as the person's own words counts too.
    // In such a document, the person's own name for their support ("my care package", "my PA")
    // is theirs to use: jargon right after "my" is reported at `info`.
    if (!quoted && sev !== 'info' && options.kind !== 'note' && (SELF_DESCRIPTION.has(rule.category) || rule.category === 'jargon')) {
      personVoice ??= options.kind === 'plan' || sentences.length < 3 || detectDocumentKind(doc, sentences) === 'plan' || isOwnWordsDocument(doc);
      if (personVoice && (rule.category === 'jargon' ? ownSupportWord(s.text, hit.start - s.start) : selfDescribed(rule.category, s.text, hit.start - s.start))) sev = 'info';
    }
    // Behaviour a condition or an unmet need may drive (LEXICON §4.12; context/condition.ts): a
    // sentence that says what lay behind it makes it a label worth a look rather than a warning,
    // for a word whose better wording names the need (`condition: need`) and, in a document that
    // speaks of dementia, for any such word; otherwise, there, the message asks for the need.
    let conditionMessage: string | undefined;
    if (rule.data.condition && !quoted && sev !== 'info') {
      dementia ??= mentionsDementia(text);
      if ((rule.data.condition === 'need' || dementia) && needGiven(s.text, hit.start - s.start, hit.end - s.start)) {
        sev = 'info';
        conditionMessage = NEED_GIVEN;
      } else if (dementia) conditionMessage = IN_DEMENTIA;
    }
    const matched = doc.source.slice(from, to);
    let read: string | undefined;
    const words = (): string => (read ??= visible(doc.text.slice(hit.start, hit.end)));
    const f: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity: sev,
      // The message quotes the words as a reader sees them: markup inside the match (`service
      // <i>user</i>`, `service&nbsp;user`, a Markdown line break) is not repeated in it.
      message: fill(conditionMessage ?? hit.message ?? rule.data.message, words) + (mentioned ? MENTIONED : asked ? FORM_ASKS : ''),
      text: matched,
      start: pos,
      end: positionAt(starts, to),
      suggestions: rule.suggestFor ? suggestionsFor(rule, fix ? visible(fix.text.slice(hit.fixed!.start, hit.fixed!.end)) : words()) : rule.data.suggest.slice(),
      sentence: sentenceText(s, hit.start, hit.end, sentenceCache, flatOf),
      url: rule.url,
    };
    if (quoted) f.quoted = true;
    const section = lastAtOrBefore(doc.sections, from);
    if (section) f.section = section.title;
    if (doc.paragraphs?.length) f.paragraph = paragraphAt(doc.paragraphs, from);
    if (rule.data.firstUseOnly) (spoken ??= new Map()).set(f, words());
    findings.push(f);
  }

  const min = options.minSeverity ? SEVERITY_RANK[options.minSeverity] : 0;
  let kept = findings.filter((f) => SEVERITY_RANK[f.severity] >= min);
  kept.sort(compareFindings);
  if (spoken) kept = firstUsesOnly(kept, spoken);
  const words = scan.words;
  const result: DocumentResult = {
    path: doc.path ?? '-',
    findings: kept,
    stats: computeStats(kept, words, sentences.length, extraStats),
  };
  return result;
}

const allowCacheBySet = new WeakMap<RuleSet, Map<string, RuleSet>>();

/** The rule set with extra protected phrases, compiled once per distinct list. */
function allowing(set: RuleSet, allow: string[]): RuleSet {
  let bySet = allowCacheBySet.get(set);
  if (!bySet) {
    bySet = new Map();
    allowCacheBySet.set(set, bySet);
  }
  const key = allow.join('\u0000');
  let out = bySet.get(key);
  if (!out) {
    out = withAllow(set, allow);
    bySet.set(key, out);
  }
  return out;
}

function blockIndexAt(doc: SourceDocument, offset: number): number {
  return Math.max(0, lastStartingAtOrBefore(doc.blocks, offset));
}

function paragraphAt(paragraphs: number[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found + 1;
}

/** "my care package", "my own PA": the person naming their own support (the match follows "my"). */
function ownSupportWord(sentence: string, rel: number): boolean {
  return /(?:^|[^\p{L}])my\s+(?:own\s+)?$/iu.test(sentence.slice(Math.max(0, rel - 12), rel));
}

/** Does text[start, end) hold a quote mark (not an apostrophe inside a word, as in "he's")? */
function holdsQuoteMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '"' || c === '“' || c === '”' || c === '‘' || c === '«' || c === '»') return true;
    if ((c === "'" || c === '’') && !(i > start && i + 1 < end && /\p{L}/u.test(text[i - 1]!) && /\p{L}/u.test(text[i + 1]!))) return true;
  }
  return false;
}

/** The quote a block-quoted line stands in (its offsets are not read). */
const BLOCK_QUOTE: QuoteSpan = Object.freeze({ start: 0, end: 0, kind: 'speech' });

/**
 * Is `offset` of `source` on a block-quoted line (up to three spaces, then ">")? `starts` is the
 * source's line starts: a binary search, where looking back for the line feed read the whole of a
 * long line for every finding on it (a fifth of the time on a long text with no line breaks).
 */
function inBlockQuote(source: string, offset: number, starts: number[]): boolean {
  let i = starts[lineIndex(starts, offset)]!;
  for (let k = 0; k < 3 && (source[i] === ' ' || source[i] === '\t'); k++) i++;
  return source[i] === '>' && i < offset;
}

/** Is the match the person describing themselves? Labels (dehumanising) need "I am a …". */
function selfDescribed(category: string, sentence: string, rel: number): boolean {
  return category === 'dehumanising' ? isSelfLabel(sentence, rel) : isFirstPerson(sentence, rel);
}

/** Longest `sentence` a finding carries; longer runs (text with no punctuation) are windowed. */
const MAX_SENTENCE = 600;

/**
 * The finding's sentence with white space collapsed (cached per sentence; windowed if huge). The
 * collapsed form is the sentence's flat view, which rule regexes have usually built already.
 */
function sentenceText(s: SentenceView, start: number, end: number, cache: Map<number, string>, flatOf: (s: SentenceView) => Flat | null): string {
  if (s.text.length <= MAX_SENTENCE) {
    let t = cache.get(s.index);
    if (t === undefined) {
      // A word hyphenated at a line end reads whole, as in the message.
      const flat = flatOf(s);
      const joined = flat ? joinLineEndHyphens(s.text) : s.text;
      t = (joined !== s.text ? joined.replace(/\s+/g, ' ') : (flat?.text ?? s.text)).trim();
      cache.set(s.index, t);
    }
    return t;
  }
  const half = (MAX_SENTENCE - (end - start)) >> 1;
  let a = Math.max(s.start, start - Math.max(0, half));
  let b = Math.min(s.end, end + Math.max(0, half));
  // Never cut a surrogate pair.
  if (a > s.start && /[\uDC00-\uDFFF]/.test(s.text[a - s.start] ?? '')) a--;
  if (b < s.end && /[\uDC00-\uDFFF]/.test(s.text[b - s.start] ?? '')) b++;
  const body = s.text.slice(a - s.start, b - s.start).replace(/\s+/g, ' ').trim();
  return `${a > s.start ? '… ' : ''}${body}${b < s.end ? ' …' : ''}`;
}

/**
 * The rule's wording for these words: the `suggestFor` entry for exactly these words, else the one
 * for the longest term they hold as whole words, with or without a final "s" ("a psychotic" takes
 * "psychotic"'s, "LAC reviews" takes "review"'s); else the rule's `suggest`. A curly apostrophe is read
 * as a straight one ("Pt’s" takes "Pt's"'s), as the terms were when compiled.
 */
function suggestionsFor(rule: CompiledRule, words: string): string[] {
  const own = rule.suggestFor!;
  const key = suggestKey(words);
  let found = own.get(key);
  if (!found) {
    let longest = 0;
    for (const [term, list] of own) {
      if (term.length > longest && holdsWordOrPlural(key, term)) {
        found = list;
        longest = term.length;
      }
    }
  }
  return (found ?? rule.data.suggest).slice();
}

/** Which abbreviation a finding's words are: "PAs" and "PA" are one, "DoLS" and "DOLS" too. */
function abbreviationKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(?<=\p{Lu})[s’']*s$/u, '').toUpperCase();
}

/**
 * For the findings of rules with `firstUseOnly` (those in `spoken`, with their words: an abbreviation
 * that, written out once, explains every later use):
 * only the first use of each abbreviation in the document is reported, and its message says how
 * many more follow. Findings at `info` and in the person's quoted words are left as they are (the
 * writer has nothing to do about them), so the first use reported is the first the writer could
 * explain. `findings` is in document order.
 */
function firstUsesOnly(findings: Finding[], spoken: Map<Finding, string>): Finding[] {
  const first = new Map<string, { finding: Finding; words: string; more: number }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const words = spoken.get(f);
    if (words === undefined || f.severity === 'info' || f.quoted) {
      out.push(f);
      continue;
    }
    const key = `${f.ruleId}\u0000${abbreviationKey(words)}`;
    const seen = first.get(key);
    if (seen) seen.more++;
    else {
      first.set(key, { finding: f, words, more: 0 });
      out.push(f);
    }
  }
  for (const { finding, words, more } of first.values()) {
    if (more === 0) continue;
    const times = more === 1 ? 'once more' : `${more} more times`;
    finding.message += ` “${words}” comes up ${times} after this: written out in full here, it explains those too.`;
  }
  return out;
}

/** The message with `{match}` replaced by the matched words (read only when the message has `{match}`). */
function fill(template: string, match: () => string): string {
  if (!template.includes('{match}')) return template;
  const words = match();
  return template.replaceAll('{match}', () => words);
}

function documentFinding(rule: CompiledRule, severity: Severity, hit: Hit): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity,
    message: fill(hit.message ?? rule.data.message, () => ''),
    suggestions: [...rule.data.suggest],
    url: rule.url,
  };
}

/** Stable order: by offset (document-level findings last), then rule id, then end. */
export function compareFindings(a: Finding, b: Finding): number {
  const ao = a.start?.offset ?? Number.MAX_SAFE_INTEGER;
  const bo = b.start?.offset ?? Number.MAX_SAFE_INTEGER;
  if (ao !== bo) return ao - bo;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return (a.end?.offset ?? 0) - (b.end?.offset ?? 0);
}

/**
 * Remove duplicate hits: the same rule at overlapping spans keeps the longest; a hit strictly
 * inside a longer hit of another rule in the same category is dropped (the longer phrase is the
 * more specific advice).
 */
function dedupe(hits: Hit[], set: RuleSet): Hit[] {
  const spanned = hits.filter((h) => h.start !== undefined).sort((a, b) => a.start! - b.start! || b.end! - a.end! || a.rule - b.rule);
  const out: Hit[] = [];
  // Kept hits that may still cover later ones (they end after the current start): sorting by
  // start means anything ending at or before it can never cover a later hit.
  let active: Hit[] = [];
  for (const h of spanned) {
    if (active.length > 8) active = active.filter((o) => o.end! > h.start!);
    // Two matches of one rule that overlap ("frail elderly" and "elderly lady") are one finding
    // over both ("frail elderly lady"), not two warnings about the same words.
    if (h.message === undefined && h.severity === undefined) {
      const same = active.find((o) => o.rule === h.rule && o.end! > h.start! && o.message === undefined && o.severity === undefined);
      if (same) {
        if (h.end! > same.end!) {
          // Where the longer span ends in the sentence spelt right (readSlips), when it was found there.
          if (same.fixed) same.fixed = { start: same.fixed.start, end: h.fixed ? h.fixed.end : same.fixed.end + (h.end! - same.end!) };
          same.end = h.end!;
        }
        continue;
      }
    }
    const cat = set.rules[h.rule]!.category;
    const covered = active.some(
      (o) =>
        o.start! <= h.start! &&
        h.end! <= o.end! &&
        (o.rule === h.rule || (set.rules[o.rule]!.category === cat && (o.end! - o.start!) > (h.end! - h.start!))),
    );
    if (!covered) {
      out.push(h);
      active.push(h);
    }
  }
  return [...out, ...hits.filter((h) => h.start === undefined)];
}

/**
 * Each sentence holding misspelt words (`slips`, in order) is read again with them spelt right:
 * the scan (phrases, terms and protected terms) and the regexes it says may match. What that finds
 * over a word put right is added to `hits` at the words as written, with where it lies in the
 * sentence so spelt (`fixed`), and so is what it finds elsewhere that the first reading did not (a
 * match that looks ahead or behind at a word put right). `match`
 * patterns and detectors are not run again. Returns the sentences read, by index.
 */
function readSlips(set: RuleSet, active: boolean[], sentences: SentenceView[], slips: readonly Slip[], hits: Hit[]): Map<number, Fixed> {
  const out = new Map<number, Fixed>();
  /** The first reading's hits as "rule start end", by sentence (made when first needed). */
  let bySentence: Map<number, string[]> | undefined;
  const firstReading = hits.length;
  for (let k = 0; k < slips.length; ) {
    const si = sentenceIndexAt(sentences, slips[k]!.start);
    const s = sentences[si];
    if (!s || slips[k]!.end > s.end || slips[k]!.start < s.start) {
      k++;
      continue;
    }
    const edits: Fixed['edits'] = [];
    let t = '';
    let cursor = 0;
    for (; k < slips.length && slips[k]!.end <= s.end; k++) {
      const { start, end, word } = slips[k]!;
      t += s.text.slice(cursor, start - s.start);
      edits.push({ at: t.length, end: t.length + word.length, from: start - s.start, to: end - s.start });
      t += word;
      cursor = end - s.start;
    }
    t += s.text.slice(cursor);
    const alone: SentenceView = { index: 0, start: 0, end: t.length, text: t };
    const scan = scanDocument(set, t, [alone], active);
    const found: [number, number, number][] = [];
    for (let j = 0; j < scan.phrases.length; j += 3) found.push([scan.phrases[j]!, scan.phrases[j + 1]!, scan.phrases[j + 2]!]);
    const flat = NOT_PLAIN.test(t) ? flatten(t) : null;
    for (const id of scan.triggeredIds) {
      const { re, rule } = scan.regexes[id]!;
      if (!active[rule]) continue;
      for (const [a, b] of flat ? spansOf(re, flat.text).map(([x, y]) => fromFlat(flat, x, y)) : spansOf(re, t)) found.push([rule, a, b]);
    }
    /**
     * The hits in this sentence, as "rule start end", made when first needed: the first reading's,
     * and those this reading has added so far.
     */
    let before: Set<string> | undefined;
    const addedFrom = hits.length;
    for (const [rule, a, b] of found) {
      if (!active[rule]) continue;
      const [start, end] = trimmed(t, a, b);
      const from = s.start + unfix(edits, start, true);
      const to = s.start + unfix(edits, end, false);
      // The first word put right that ends after the match starts (edits are in order): does it
      // begin before the match ends? If not, the word put right may still be what the match looks
      // ahead or behind at ("does not meet the" before "eligability criteria"): kept unless the
      // first reading found it already.
      const e = firstEndingAfter(edits, a);
      if (e === edits.length || edits[e]!.at >= b) {
        if (!before) {
          bySentence ??= hitsBySentence(hits, firstReading, sentences);
          before = new Set(bySentence.get(si));
          for (let j = addedFrom; j < hits.length; j++) before.add(`${hits[j]!.rule} ${hits[j]!.start} ${hits[j]!.end}`);
        }
        if (before.has(`${rule} ${from} ${to}`)) continue;
      }
      hits.push({ rule, start: from, end: to, fixed: { start, end } });
    }
    out.set(si, { text: t, edits, allow: scan.allow, flat });
  }
  return out;
}

/**
 * The first `count` hits, as "rule start end", by the index of the sentence they start in (hits
 * between sentences, or with no offsets, are left out). One pass, where filtering every hit for
 * each sentence read again grew with the square of a long note's length.
 */
function hitsBySentence(hits: readonly Hit[], count: number, sentences: SentenceView[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < count; i++) {
    const h = hits[i]!;
    if (h.start === undefined) continue;
    const si = sentenceIndexAt(sentences, h.start);
    const s = sentences[si];
    if (!s || h.start < s.start || h.start >= s.end) continue;
    let list = out.get(si);
    if (!list) out.set(si, (list = []));
    list.push(`${h.rule} ${h.start} ${h.end}`);
  }
  return out;
}

/** The index of the first edit whose word put right ends after `p` (edits.length if none). */
function firstEndingAfter(edits: Fixed['edits'], p: number): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid]!.end <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An offset of a sentence spelt right, in the sentence as written (inside a word put right: its
 * start or end). Each edit's `to` − `end` is the shift of everything after it, so one search finds it.
 */
function unfix(edits: Fixed['edits'], p: number, isStart: boolean): number {
  const k = firstEndingAfter(edits, p);
  const e = edits[k];
  if (e && p > e.at) return isStart ? e.from : e.to;
  const before = edits[k - 1];
  return before ? p + before.to - before.end : p;
}

/**
 * Where [start, end) of a sentence as written lies in the sentence spelt right (`edits` in order):
 * the reverse of `unfix`, for a match the first reading found in a sentence that also holds a
 * misspelt word ("customer servises" is protected as "customer services" is).
 */
function refixed(edits: Fixed['edits'], start: number, end: number): { start: number; end: number } {
  const at = (p: number, isStart: boolean): number => {
    let shift = 0;
    for (const e of edits) {
      if (p <= e.from) break;
      if (p < e.to) return isStart ? e.at : e.end;
      shift = e.end - e.to;
    }
    return p + shift;
  };
  return { start: at(start, true), end: at(end, false) };
}

/** Is a match found with misspelt words spelt right protected, or cancelled by one of the rule's sentence-level unless patterns, in the sentence so spelt? */
function fixCancelled(rule: CompiledRule, s: SentenceView, at: { start: number; end: number }, fix: Fixed, doc: SourceDocument, defined: Map<CompiledUnless, [number, number][]>): boolean {
  const alone: SentenceView = { index: 0, start: 0, end: fix.text.length, text: fix.text };
  if (fix.allow.length && isAllowed(fix.allow, alone, at.start, at.end)) return true;
  if (!rule.unless.length) return false;
  const put: SentenceView = { index: s.index, start: s.start, end: s.start + fix.text.length, text: fix.text };
  return cancelledByUnless(rule, put, { rule: rule.index, start: s.start + at.start, end: s.start + at.end }, new Map(), () => fix.flat, doc, defined);
}

function cancelledByUnless(
  rule: CompiledRule,
  s: SentenceView,
  hit: Hit,
  cache: Map<number, [number, number][] | 'all'>,
  flatOf: (s: SentenceView) => Flat | null,
  doc: SourceDocument,
  defined: Map<CompiledUnless, [number, number][]>,
): boolean {
  const key = rule.index * 0x100000000 + s.index;
  let spans = cache.get(key);
  if (!spans) {
    const found: [number, number][] = [];
    let all = false;
    let nlpDoc: ReturnType<typeof parseSentence> | undefined;
    // Regexes read the sentence flat, as the rules' own regexes do (flat.ts).
    const flat = flatOf(s);
    for (const u of rule.unless) {
      if (u.scope === 'section' || u.scope === 'heading' || u.scope === 'defined' || u.scope === 'document') continue; // cancelledInSection's, and read over the whole document below
      const re = u.phrases ?? u.regex;
      if (re && u.scope === 'sentence') {
        // Any match cancels the whole sentence: no need to collect spans.
        if (hasMatch(re, flat ? flat.text : s.text)) {
          all = true;
          break;
        }
        continue;
      }
      let rel: [number, number][] = [];
      if (re) rel = flat ? spansOf(re, flat.text).map(([a, b]) => fromFlat(flat, a, b)) : spansOf(re, s.text);
      else if (u.match) {
        if (!u.match.anchors.some((a) => s.text.toLowerCase().includes(a))) continue;
        nlpDoc ??= parseSentence(s.text);
        rel = runMatch(nlpDoc, u.match);
      }
      if (rel.length && u.scope === 'sentence') {
        all = true;
        break;
      }
      for (const [a, b] of rel) found.push([a + s.start, b + s.start]);
    }
    spans = all ? 'all' : found;
    cache.set(key, spans);
  }
  if (spans === 'all') return true;
  if (spans.some(([a, b]) => a < hit.end! && hit.start! < b)) return true;
  if (!rule.unlessDefined) return false;
  for (const u of rule.unless) if (u.scope === 'defined' && definedBefore(u, doc, hit, defined)) return true;
  return false;
}

/**
 * For a match inside a reader's heading (Markdown, HTML, Word): the end of the first block of prose
 * under it, other headings straight after it skipped ("# Reablement plan", "## What reablement
 * means", then the paragraph that explains it). A word a title or a heading names, explained in
 * the first paragraph below, is explained where the reader meets it. -1 when the match is not in a
 * heading, or nothing but headings follow.
 */
function headingReach(doc: SourceDocument, at: number): number {
  const { blocks, sections } = doc;
  if (!sections.length) return -1;
  const isHeading = (b: { start: number }): boolean => {
    const k = lastOffsetAtOrBefore(sections, b.start);
    return k >= 0 && sections[k]!.offset === b.start;
  };
  const k = lastStartingAtOrBefore(blocks, at);
  if (k < 0 || at >= blocks[k]!.end || !isHeading(blocks[k]!)) return -1;
  for (let j = k + 1; j < blocks.length; j++) if (!isHeading(blocks[j]!)) return blocks[j]!.end;
  return -1;
}

/** The last word of a match (letters, digits, apostrophes and hyphens inside it). */
const LAST_WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?$/u;

/**
 * `scope: defined` — a word defined earlier in the document: an abbreviation spelt out on first
 * use, or a name introduced as a pet. A match of `u`, read once over the whole document, that
 * begins at or before the hit and holds the hit's last word as a whole word (or the word with or
 * without a final "s": "personal assistants (PAs)" explains a later "PA"; "my cat, Pudding" a
 * later "feeds Pudding"). An ordinary word is compared without regard to the case of its letters
 * ("Reablement is short-term help …" explains a later "reablement"), an abbreviation with it. A
 * match in a reader's heading is also explained by a match in the first paragraph under it
 * (headingReach).
 */
function definedBefore(u: CompiledUnless, doc: SourceDocument, hit: Hit, cache: Map<CompiledUnless, [number, number][]>): boolean {
  const text = doc.text;
  let spans = cache.get(u);
  if (!spans) {
    const re = u.phrases ?? u.regex;
    spans = re ? spansOf(re, text) : [];
    cache.set(u, spans);
  }
  if (!spans.length) return false;
  // The match's last word: the whole match for an abbreviation ("PA"), the name in "feeds Pudding".
  const matched = text.slice(hit.start!, hit.end!);
  let word = LAST_WORD.exec(matched)?.[0] ?? matched;
  // An ordinary word ("reablement", or "Reablement" opening a sentence) is the same word whatever
  // the case of its first letter; an abbreviation ("PA", "PAs") keeps its capitals.
  const fold = /^\p{L}[\p{Ll}'’-]+$/u.test(word);
  if (fold) word = word.toLowerCase();
  const holds = (a: number, b: number): boolean => holdsWordOrPlural(fold ? text.slice(a, b).toLowerCase() : text.slice(a, b), word);
  if (spans.some(([a, b]) => a <= hit.start! && holds(a, b))) return true;
  // A heading's word, explained in the first paragraph under the heading.
  const reach = headingReach(doc, hit.start!);
  return reach >= 0 && spans.some(([a, b]) => a > hit.start! && a < reach && holds(a, b));
}

/** Does `s` hold `w`, or `w` with a final "s" added or taken off, as a whole word ("PAs" for "PA")? */
function holdsWordOrPlural(s: string, w: string): boolean {
  return holdsWord(s, w) || holdsWord(s, w.endsWith('s') ? w.slice(0, -1) : `${w}s`);
}

/** Does `s` hold `w` with no letter or digit straight before or after it? */
function holdsWord(s: string, w: string): boolean {
  if (!w) return false;
  for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
    if (!/[\p{L}\p{N}]/u.test(s[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(s[i + w.length] ?? ' ')) return true;
  }
  return false;
}

/**
 * The section around `at`, for `unless` patterns with `scope: section`: from the heading before it
 * to the next heading (a reader's heading of any depth, or a plain-text heading line: see partHeads
 * in context/sections.ts); a document without headings is one section.
 */
export function sectionAround(doc: SourceDocument, sentences: readonly SentenceView[], at: number): [number, number] {
  const heads = partHeads(doc, sentences);
  const k = lastStartingAtOrBefore(heads, at);
  return [k < 0 ? 0 : heads[k]!.start, k + 1 < heads.length ? heads[k + 1]!.start : doc.text.length];
}

/**
 * The reader's headings over `at`, for `scope: heading`: the nearest one before it, then each
 * shallower one above that ("# Capacity assessment and best interests decision" over
 * "## Options"). Heading lines found in plain text are not used: a short line such as "No capacity
 * concerns" is too easily read as one, and would silence the rule below it.
 */
function headingsOver(heads: readonly PartHead[], at: number): string[] {
  const out: string[] = [];
  let depth = Infinity;
  for (let i = lastStartingAtOrBefore(heads, at); i >= 0; i--) {
    const h = heads[i]!;
    if (!h.marked || h.depth >= depth) continue;
    out.push(h.title);
    depth = h.depth;
    if (depth <= 1) break;
  }
  return out;
}

/** What cancelledInSection has worked out for one document. */
interface SectionCache {
  /** By rule index: does any of the rule's section or heading patterns occur in the document at all? */
  anywhere: Map<number, boolean>;
  /** By rule index and section start: is the rule cancelled in that section? */
  bySection: Map<number, boolean>;
  /** By pattern ("doc" or a section start, then flags and source): does the pattern occur there? Shared by rules citing the same pattern. */
  byPattern: Map<string, boolean>;
}

/**
 * True when an `unless` pattern reading beyond the sentence cancels a match at `at`: one with
 * `scope: section` matches anywhere in its section, or one with `scope: heading` matches a heading
 * over it. Cached per rule and section (both depend on the section alone).
 */
function cancelledInSection(rule: CompiledRule, doc: SourceDocument, sentences: readonly SentenceView[], at: number, cache: SectionCache, scan: ScanResult): boolean {
  // A pattern found nowhere in the document is found in no section or heading of it: most
  // documents never mention a legal basis, and then their headings need not be worked out. (A
  // pattern with ^ or $ is read against a section's start or a heading alone, so it is not judged
  // on the whole text.) Nor need the text be searched when the scan found none of the words every
  // match of a section pattern holds (scan.ts's sectionSearches).
  // A `document` pattern answers for the whole document, whichever section the match is in.
  if (rule.unless.some((u) => u.scope === 'document' && inDocument(u, doc, cache))) return true;
  let anywhere = cache.anywhere.get(rule.index);
  if (anywhere === undefined) {
    anywhere = rule.unless.some((u) => {
      if (u.scope !== 'section' && u.scope !== 'heading') return false;
      // Only a reader's headings are read for `heading` (headingsOver): plain text has none.
      if (u.scope === 'heading' && (doc.format === 'text' || !doc.sections.length)) return false;
      const re = (u.phrases ?? u.regex)!;
      if (/[\^$]/.test(re.source)) return true;
      const key = `doc\u0000${re.flags}\u0000${re.source}`;
      let hit = cache.byPattern.get(key);
      if (hit === undefined) {
        const found = u.scope === 'section' ? scan.sectionSearches.get(re) : undefined;
        cache.byPattern.set(key, (hit = found?.length !== 0 && hasMatch(re, doc.text)));
      }
      return hit;
    });
    cache.anywhere.set(rule.index, anywhere);
  }
  if (!anywhere) return false;
  const [start, end] = sectionAround(doc, sentences, at);
  const key = rule.index * 0x100000000 + start;
  let found = cache.bySection.get(key);
  if (found === undefined) {
    let part: string | undefined;
    let titles: string[] | undefined;
    found = rule.unless.some((u) => {
      const re = (u.phrases ?? u.regex)!;
      if (u.scope === 'section') {
        // Several rules read the same legal-basis pattern over the same section: once is enough.
        const shared = `${start}\u0000${re.flags}\u0000${re.source}`;
        let hit = cache.byPattern.get(shared);
        if (hit === undefined) cache.byPattern.set(shared, (hit = mayOccurIn(scan.sectionSearches.get(re), doc.text, start, end) && hasMatch(re, (part ??= doc.text.slice(start, end)))));
        return hit;
      }
      if (u.scope === 'heading') return (titles ??= headingsOver(partHeads(doc, sentences), start)).some((t) => hasMatch(re, t));
      return false;
    });
    cache.bySection.set(key, found);
  }
  return found;
}

/**
 * Does a `scope: document` pattern match anywhere in the document's text? (Read once per document
 * and pattern; `^` is the document's start.) Keep such patterns to what frames a whole paper, a
 * court title: one match silences the rule everywhere in it.
 */
function inDocument(u: CompiledUnless, doc: SourceDocument, cache: SectionCache): boolean {
  const re = (u.phrases ?? u.regex)!;
  const key = `whole\u0000${re.flags}\u0000${re.source}`;
  let hit = cache.byPattern.get(key);
  if (hit === undefined) cache.byPattern.set(key, (hit = hasMatch(re, doc.text)));
  return hit;
}

/**
 * Can a section pattern match in text[start, end), given `found`, where the scan found its required
 * literals (scan.ts's sectionSearches; undefined when it has none)? Every match holds one at a word
 * start of the section, so not when none begins inside it. (The section read alone starts a word
 * at its first letter even where the text before it ends in a word character: then the scan's
 * word starts do not tell, and the section is searched as before.)
 */
function mayOccurIn(found: readonly number[] | undefined, text: string, start: number, end: number): boolean {
  if (found === undefined || (start > 0 && isRegExpWordCode(text.charCodeAt(start - 1)))) return true;
  const i = firstAtOrAfter(found, start);
  return i < found.length && found[i]! < end;
}

const detectorRuleCache = new WeakMap<RuleSet, CompiledRule[]>();

/** The rules of `set` backed by a detector, in rule order (found once per rule set). */
function detectorRules(set: RuleSet): CompiledRule[] {
  let list = detectorRuleCache.get(set);
  if (!list) detectorRuleCache.set(set, (list = set.rules.filter((r) => r.detector)));
  return list;
}

/**
 * With `alwaysStats`: run, for their figures alone, the detectors that add stats and that no
 * active rule ran (once per detector; what they report is dropped).
 */
function runStatsOnly(set: RuleSet, active: boolean[], doc: SourceDocument, sentences: SentenceView[], options: AnalyseOptions, stats: Record<string, unknown>, scan: ScanResult): void {
  const rules = detectorRules(set);
  const ran = new Set<string>();
  for (const r of rules) if (active[r.index]) ran.add(r.detector!.meta.name);
  for (const r of rules) {
    const name = r.detector!.meta.name;
    if (active[r.index] || !r.detector!.meta.stats?.length || ran.has(name)) continue;
    ran.add(name);
    runDetector(r, doc, sentences, options, [], stats, scan);
  }
}

/**
 * The context a detector is created with. Its methods live on the class, reading the run's state
 * from the instance, rather than being closures made afresh for each detector of each document
 * (eighteen a document with the built-in rules): one object instead of five, and no new functions
 * for V8 to set up on their first call. Detectors call them as methods (`ctx.report(…)`, or
 * `ctx.skipTo?.bind(ctx)`).
 */
class DetectorRun implements DetectorContext {
  constructor(
    readonly params: Record<string, unknown>,
    readonly doc: SourceDocument,
    readonly sentences: SentenceView[],
    readonly options: { kind?: 'plan' | 'note' | 'auto' },
    private readonly rule: number,
    private readonly hits: Hit[],
    private readonly stats: Record<string, unknown>,
    private readonly scan: ScanResult,
  ) {}

  report(r: DetectorReport): void {
    const h: Hit = { rule: this.rule };
    if (r.start !== undefined && r.end !== undefined) {
      h.start = r.start;
      h.end = r.end;
    }
    if (r.message) h.message = r.message;
    if (r.severity) h.severity = r.severity;
    this.hits.push(h);
  }

  stat(name: string, value: unknown): void {
    this.stats[name] = value;
  }

  skipTo(re: RegExp): (text: string, from: number) => number {
    return skipperFor(this.scan, re);
  }

  digits(): readonly number[] {
    return (this.scan.digits ??= digitOffsets(this.doc.text));
  }
}

function runDetector(rule: CompiledRule, doc: SourceDocument, sentences: SentenceView[], options: AnalyseOptions, hits: Hit[], stats: Record<string, unknown>, scan: ScanResult): void {
  const det = rule.detector!;
  const override = options.detectorParams?.[det.meta.name];
  const params = override ? { ...rule.params, ...override } : rule.params;
  try {
    const handlers = det.create(new DetectorRun(params, doc, sentences, { kind: options.kind ?? 'auto' }, rule.index, hits, stats, scan));
    if (handlers.sentence) {
      if (det.meta.trigger) {
        // Walk the trigger's matches and the sentences together; once a sentence is hit, jump to
        // its end (further matches in it change nothing). The scan says where the trigger can
        // begin, so it is only tried there (sticky: a miss there asks the scan for the next place);
        // a trigger the scan has no positions for searches the text itself.
        const t = det.meta.trigger;
        const re = t.global ? t : new RegExp(t.source, `${t.flags}g`);
        const skipTo = skipperFor(scan, t);
        forEachTriggeredSkipping(doc.text, sentences, re, (s) => handlers.sentence!(s), skipTo, skipTo !== everyPlace);
      } else for (const s of sentences) handlers.sentence(s);
    }
    handlers.done?.();
  } catch (err) {
    if (err instanceof SourdoughError) throw err;
    throw new SourdoughError('SD_ERR_DETECTOR', `detector ${det.meta.name} (rule ${rule.id}) failed: ${(err as Error).message}`, undefined, { cause: err });
  }
}

export { SEVERITIES };
