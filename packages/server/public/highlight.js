/**
 * Pure helpers for the web page: the category table (label, letter, underline), grouping findings
 * into highlight spans built from their UTF-16 offsets, which suggestions can replace the phrase,
 * and stable keys for dismissing. No DOM and no network here, so the tests can import this module
 * in Node as well as the page in the browser.
 */

/**
 * The eight categories (SPEC §1) in display order. `letter` is the badge shown on every
 * highlight, so colour is never the only cue; `line` names the underline style in style.css.
 */
export const CATEGORIES = [
  { id: 'deficit', label: 'Deficit', letter: 'D', line: 'wavy', hint: 'defines the person by problems or limits' },
  { id: 'gatekeeping', label: 'Gatekeeping', letter: 'G', line: 'double', hint: 'funding and eligibility gatekeeping' },
  { id: 'dehumanising', label: 'Dehumanising', letter: 'H', line: 'thick', hint: 'labels that reduce a person to a category or task' },
  { id: 'blaming', label: 'Blaming', letter: 'B', line: 'dashed', hint: 'judgemental words that blame' },
  { id: 'control', label: 'Control', letter: 'C', line: 'dotted', hint: 'power over ordinary choices' },
  { id: 'jargon', label: 'Jargon', letter: 'J', line: 'solid', hint: 'shorthand the person would not use' },
  { id: 'voice', label: 'Voice', letter: 'V', line: 'double-thin', hint: 'the person’s own voice is missing' },
  { id: 'privacy', label: 'Privacy', letter: 'P', line: 'wavy-thick', hint: 'identifiers left in the text' },
];

/** Severities, most serious first, with the words the page uses for them. */
export const SEVERITIES = [
  { id: 'error', label: 'Change before sign-off', short: 'Error' },
  { id: 'warning', label: 'Consider rewording', short: 'Warning' },
  { id: 'info', label: 'For information', short: 'Info' },
];

const CATEGORY_BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

/** The category entry for an id (an unknown id from an extra rule pack gets a neutral entry). */
export function categoryOf(id) {
  return CATEGORY_BY_ID.get(id) ?? { id, label: id, letter: '?', line: 'solid', hint: '' };
}

/** True when a finding points at a span of the text (document-level findings do not). */
export function hasSpan(f) {
  return Boolean(f.start && f.end && typeof f.start.offset === 'number' && typeof f.end.offset === 'number');
}

/**
 * A key that survives re-checking after edits elsewhere in the text (offsets move; the rule, the
 * words and their sentence do not), so a dismissed finding stays dismissed for the session.
 */
export function findingKey(f) {
  return [f.ruleId, f.text ?? '', f.sentence ?? '', hasSpan(f) ? '' : 'document'].join('\u0000');
}

/** Findings ordered for display: by position (document-level ones first), then severity, then rule. */
export function sortFindings(findings) {
  return [...findings].sort((a, b) => {
    const ao = hasSpan(a) ? a.start.offset : -1;
    const bo = hasSpan(b) ? b.start.offset : -1;
    if (ao !== bo) return ao - bo;
    const s = (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3);
    if (s) return s;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  });
}

/**
 * Split `text` into plain and highlighted pieces. Findings whose spans overlap share one
 * highlight (covering all of them), so every character is shown exactly once and every finding
 * is reachable from exactly one highlight. Findings without a span, or with offsets outside the
 * text, are left out.
 * @returns {{ start: number, end: number, text: string, findings: object[] }[]} in text order;
 *   `findings` is empty for plain pieces and sorted most serious first for highlights.
 */
export function segments(text, findings) {
  const spans = findings
    .filter((f) => hasSpan(f) && f.start.offset >= 0 && f.end.offset <= text.length && f.end.offset > f.start.offset)
    .sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset);
  const groups = [];
  for (const f of spans) {
    const last = groups[groups.length - 1];
    if (last && f.start.offset < last.end) {
      last.end = Math.max(last.end, f.end.offset);
      last.findings.push(f);
    } else groups.push({ start: f.start.offset, end: f.end.offset, findings: [f] });
  }
  const out = [];
  let at = 0;
  for (const g of groups) {
    if (g.start > at) out.push({ start: at, end: g.start, text: text.slice(at, g.start), findings: [] });
    g.findings.sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3));
    out.push({ start: g.start, end: g.end, text: text.slice(g.start, g.end), findings: g.findings });
    at = g.end;
  }
  if (at < text.length) out.push({ start: at, end: text.length, text: text.slice(at), findings: [] });
  return out;
}

/**
 * A rule's page on this server (`/rules/<category>/<name>`; `/v1` before it gives the rule as
 * JSON). The web page links its findings there, and the LanguageTool endpoint sends it as the
 * rule's "more information" link.
 */
export function ruleHref(ruleId) {
  const [category = '', ...rest] = ruleId.split('/');
  return `/rules/${encodeURIComponent(category)}/${encodeURIComponent(rest.join('/'))}`;
}

/** Words that open advice to the writer ("describe what happened", "name the condition"). */
const ADVICE_VERB = /^(?:add|ask|assess|avoid|check|compare|consider|describe|explain|give|include|keep|leave|list|name|note|offer|or|paraphrase|quote|record|remove|replace|say|spell|state|use|write)\s/i;
/** Stand-ins for what only the writer knows ("the person's name", "their own term"). */
const PLACEHOLDER = /['’]s (?:own )?(?:name|term|age|ethnicity)\b|\btheir (?:own )?(?:names?|terms?)\b|\bif (?:relevant|there is one)\b|\bwhat the (?:child|person) calls\b/i;
/**
 * Wording about an example person or case: the rules' example names ("supports Jack to choose",
 * "X's foster family"), someone's pronoun ("time with her brothers") or a number ("aged 83").
 */
const EXAMPLE = /\b(?:Jack|Amira|X)\b|\b(?:he|she|his|her|hers|him)\b|\d/i;

/**
 * True when a suggestion reads as a drop-in replacement for the phrase. Advice ("describe what
 * the person did…", "name the condition"), suggestions with a gap to fill ("did not want to
 * because …"), stand-ins for what only the writer knows ("the person's name"), wording about an
 * example person or case ("supports Jack to choose", "aged 83") and alternatives separated by punctuation can be
 * copied but are never put into the text. Bracketed tokens ("[postcode]") are replacements: they
 * are what a redaction writes. The LanguageTool endpoint offers the same ones as `replacements`.
 */
export function isReplacement(suggestion) {
  const s = suggestion.trim();
  if (!s || /…|\.\.\.|[:;()"“”/]|\be\.g\.|\bi\.e\.|, explained\b/i.test(s)) return false;
  if (s.split(/\s+/).length > 8) return false;
  return !(ADVICE_VERB.test(s) || PLACEHOLDER.test(s) || EXAMPLE.test(s));
}

/** Lower-cased words of five letters or more, cut to their first five ("epileptic" → "epile"). */
function stems(text) {
  return new Set((text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).map((w) => w.slice(0, 5)));
}

/** The words of a phrase (letters first; apostrophes and hyphens kept inside). */
function wordsOf(text) {
  return text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
}

/** A pronoun or first-person word: a phrase holding one is about someone, who must not drop out. */
const PRONOUN = /\b(?:he|she|they|him|her|his|hers|them|their|i|me|my|we|us|our|you|your)\b/i;
const IRREGULAR_PAST = new Set(['said', 'told', 'took', 'went', 'ran', 'left', 'chose', 'made', 'gave', 'felt', 'kept', 'met', 'sent', 'spent', 'thought', 'brought', 'found', 'had', 'was', 'were', 'did', 'got']);
/** The ending that marks a word's form: past ("refused", "said"), -ing, third person or plural -s; null for anything else. */
function inflection(word) {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST.has(w)) return 'ed';
  if (w.length > 5 && w.endsWith('ing')) return 'ing';
  if (w.length > 4 && w.endsWith('ed')) return 'ed';
  if (w.length > 3 && /[^su]s$/.test(w)) return 's';
  return null;
}
const HEAD_NOUN = new Map([['person', false], ['child', false], ['adult', false], ['people', true], ['children', true], ['adults', true], ['families', true], ['parents', true]]);
/** Whether a phrase names more than one (its last word plural: "diabetics", "birth parents"). */
function pluralPhrase(text) {
  const last = wordsOf(text).at(-1)?.toLowerCase() ?? '';
  if (HEAD_NOUN.has(last)) return HEAD_NOUN.get(last);
  return /s$/.test(last) && !/(?:ss|us|is|ness|sis|es)$/.test(last);
}
/** The same for a suggestion, whose head noun may come first ("person with diabetes"). */
function pluralSuggestion(text) {
  const first = wordsOf(text)[0]?.toLowerCase() ?? '';
  return HEAD_NOUN.has(first) ? HEAD_NOUN.get(first) : pluralPhrase(text);
}

/** Words that may come just after a noun phrase ("a person with diabetes and …", "… who …"). */
const AFTER_NOUN = new Set(['and', 'or', 'but', 'who', 'which', 'that', 'with', 'in', 'at', 'on', 'for', 'of', 'to', 'from', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'since', 'after', 'before', 'because', 'when', 'while', 'known']);
/** Words that may come just before a noun phrase, whatever sound it starts with. */
const DETERMINER = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'my', 'our', 'your', 'its']);

/** The word just before and just after the phrase in its sentence (lower case; '' at an edge or before punctuation), or null when it is not there. */
function around(phrase, sentence) {
  const i = sentence.indexOf(phrase);
  if (i < 0) return null;
  const before = /(\p{L}+)[\s]+$/u.exec(sentence.slice(0, i))?.[1] ?? '';
  const after = /^[\s]+(\p{L}+)/u.exec(sentence.slice(i + phrase.length))?.[1] ?? '';
  return { before: before.toLowerCase(), after: after.toLowerCase() };
}

/**
 * Whether a suggestion can stand in the text in place of the phrase, keeping the sentence whole.
 * The rules' suggestions are written for a person to adapt, so this is strict. A phrase that holds
 * a name or a pronoun is never replaced (its person would drop out). Otherwise the suggestion must
 * be one of two kinds:
 * - the same number of words, starting with the same form of verb: "refused" → "declined",
 *   "suffers from" → "lives with" (never "refuses" → "declined");
 * - a noun phrase for a person ("person with epilepsy", "parents") in place of a noun used as one,
 *   which needs the sentence: the word before must be "a" (before a consonant), "an" (before a
 *   vowel) or a word such as "the" or "her", the word after must be one that can follow a noun
 *   ("and", "who", "was" …, or nothing), the phrase must not bring its own article, and it must
 *   name one or many as the suggestion does. So "Jack is a diabetic and …" can become "Jack is a
 *   person with diabetes and …", while "Jack is an epileptic" ("an person"), "Mrs Patel is
 *   diabetic", "mentally ill men" and "the home has four diabetics" are left for the writer.
 */
function fits(phrase, suggestion, sentence) {
  const p = wordsOf(phrase);
  const s = wordsOf(suggestion);
  if (!p.length || !s.length || /,|\[Name\]/.test(suggestion)) return false;
  if (PRONOUN.test(phrase) || p.slice(1).some((w) => /^\p{Lu}/u.test(w))) return false;
  const context = sentence === undefined ? null : around(phrase, sentence);
  // "a" or "an" before the phrase must still suit the suggestion's first sound ("a attempted" would not).
  const vowel = /^[aeiou]/i.test(suggestion);
  if (context && ((context.before === 'a' && vowel) || (context.before === 'an' && !vowel))) return false;
  const form = inflection(p[0]);
  if (p.length === s.length && form !== null && form === inflection(s[0])) return true;
  if (!context || !HEAD_NOUN.has(s[0].toLowerCase()) || /^(?:a|an|the)$/i.test(p[0])) return false;
  const article = context.before === 'a' || context.before === 'an' || DETERMINER.has(context.before);
  return article && (context.after === '' || AFTER_NOUN.has(context.after)) && pluralPhrase(phrase) === pluralSuggestion(suggestion);
}

/**
 * The suggestions that can replace this finding's phrase with one click, in the rule's order:
 * those that read as wording (isReplacement) and fit the phrase in its sentence (fits()). Most
 * findings get none: the rules' suggestions are ideas for the writer, shown and copyable, and
 * neither the page nor a LanguageTool client is offered wording that would break the sentence or
 * change who it is about.
 * @param {string} phrase the finding's text
 * @param {readonly string[]} suggestions
 * @param {string} [sentence] the finding's sentence; without it only same-form verbs are offered
 * @returns {string[]}
 */
export function replacementsFor(phrase, suggestions, sentence) {
  const fitting = suggestions.filter((s) => isReplacement(s) && fits(phrase, s, sentence));
  // A rule may cover several terms, each with its own wording ("epileptic", "depressive"): where
  // some of the wording shares a word stem with the phrase, only that is offered.
  const own = stems(phrase);
  const related = fitting.filter((s) => [...stems(s)].some((w) => own.has(w)));
  return related.length ? related : fitting;
}

/**
 * The replacement text as it would go into the sentence: when the phrase opens its sentence (only
 * a bullet, number or time before it) and the suggestion starts with a small letter, its first
 * letter is capitalised. Nothing else about the suggestion changes; a capital inside a sentence (a
 * name, "Down's") is not copied over.
 * @param {string} original the finding's text
 * @param {string} suggestion
 * @param {string} [sentence] the finding's sentence; without it, a capital on the phrase is taken as a sentence start
 */
export function fitCase(original, suggestion, sentence) {
  const first = original.charAt(0);
  const at = sentence === undefined ? 0 : sentence.indexOf(original);
  const opens = sentence === undefined || (at >= 0 && !/\p{L}/u.test(sentence.slice(0, at)));
  if (opens && first && first !== first.toLowerCase() && /^[a-z]/.test(suggestion)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}

/**
 * Replace `text[start, end)` with `replacement`, only if that slice is still `expected` (the
 * finding's text): never edits a text that has changed since it was checked.
 * @returns {string | null} the new text, or null when the slice no longer matches.
 */
export function replaceAt(text, start, end, expected, replacement) {
  if (start < 0 || end > text.length || text.slice(start, end) !== expected) return null;
  return text.slice(0, start) + replacement + text.slice(end);
}

/** Count findings by a field (category or severity). */
export function countBy(findings, field) {
  const out = {};
  for (const f of findings) out[f[field]] = (out[f[field]] ?? 0) + 1;
  return out;
}
