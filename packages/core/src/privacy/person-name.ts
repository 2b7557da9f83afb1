/**
 * Full personal names: a title with a surname ("Mrs Patel", "Dr Amir Khan"), a relationship cue
 * followed by a forename and surname ("her neighbour, Priya Shah"), or a known forename followed
 * by a surname, or any forename followed by a known surname, that compromise's people detection
 * confirms ("Sarah Jones attended", "Ravi Sharma attended"). A single
 * forename is not reported (consistent first-name pseudonyms are the usual anonymisation), nor is
 * a title with an initial only ("Mrs J."). compromise runs only on the rare sentence that has a
 * known forename followed by a capitalised word — never on every sentence. Pure.
 */
import nlp from 'compromise';
import type { IdentifierHit } from './types.js';
import { isRegExpWordCode } from '../chars.js';
import { JOB_TITLE_WORDS } from './cues.js';

/** A capitalised name word: "Patel", "Jordan-Lee", "O’Brien", "McDonald" (never a possessive "Patel's"). */
const NAME_WORD = "(?:Mc|Mac|O['’]|D['’])[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*";
const TITLE = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?[ \\t]+(?:[A-Z]\\.?[ \\t]+)*(?:${NAME_WORD})(?:[ \\t]+(?:${NAME_WORD}))?`, 'g');
/** Relationship and form-field words before a name; capitalised too, as at the start of a line ("Daughter: …"). */
const CUE_WORDS = (
  'son daughter mum mother dad father wife husband partner brother sister aunt uncle nephew niece cousin grandson ' +
  'granddaughter grandmother grandfather neighbour friend carer name patient caller client referrer'
)
  .split(' ')
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
/**
 * Form fields that name whom a document is about, with their colon only ("About: Anouk Devereux",
 * "Re: Sam Hollis", "Young person: …"); "talked about Jane Eyre" has no colon.
 */
const FIELD_WORDS = '[Aa]bout|R[Ee]|[Ss]ubject|[Pp]erson|[Cc]hild|[Yy]oung [Pp]erson|[Rr]esident|[Tt]enant|[Ff]or';
const CUE = new RegExp(
  `\\b(?:(?:${CUE_WORDS}|GP|called|named|is|was)(?:,|:|\\s+is|\\s+was)?|(?:${FIELD_WORDS})[ \\t]*:)[ \\t]+((?:${NAME_WORD})[ \\t]+(?:${NAME_WORD}))`,
  'g',
);
/**
 * A name field's label: one of CUE's words or fields with its colon ("Daughter:", "Re:", "Name:"),
 * or "name" ("Client name", and a table's "Name of person" or "Name of the young person"); not a
 * heading that ends in one ("Seeing Mum"). The line or cell
 * before a sentence that CUE can read with it (privacy/find.ts reads the line before a name only
 * when it is one of these).
 */
export const NAME_FIELD_END = new RegExp(`\\b(?:(?:${CUE_WORDS}|${FIELD_WORDS})[ \\t]*:|[Nn]ame(?: of (?:the )?(?:[Pp]erson|[Yy]oung [Pp]erson|[Cc]hild|[Rr]esident|[Tt]enant|[Pp]atient|[Cc]lient))?)$`);

/** Words a form fills a name field with when there is no name ("Name: Not Known", "Caller: Anonymous Member", "Patient: Bed Four"). */
const NOT_A_NAME = new Set(
  'not no none nil unknown anonymous withheld given provided recorded applicable follow to tbc tba redacted member male female man woman person public bed bay room'.split(' '),
);
/** "my name is", "Name was": the words before the name say it is one, known forename or not. */
const NAME_IS_END = /\bname\s+(?:is|was)$/i;
/**
 * What every CUE match holds: white space, a capitalised word (the name's first word has no space
 * in it and begins with a capital), white space and another capital. Most sentences have no such
 * pair after a space, and this is far quicker to rule out than CUE's thirty cue words tried at
 * every word.
 */
const CUE_NAMES = /[ \t][A-Z][^ \t]*[ \t]+[A-Z]/;
const PAIR = new RegExp(`(?<![\\w'’-])(${NAME_WORD})[ \\t]+(${NAME_WORD})(?![\\w'’-])`, 'g');

/** Capitalised words that make the pair a place, an organisation or a thing, not a person. */
const NOT_SURNAME = new Set(
  ('road street avenue lane close drive crescent way court gardens place terrace grove rise hill walk square mews view park row ' +
    'house home homes lodge hall centre center hospital hospice surgery practice clinic ward unit trust council service services team ' +
    'school academy college university nursery church chapel mosque temple station library museum theatre cinema club group ' +
    'foundation charity society association partnership ltd limited care health medical primary community county city town village ' +
    'estate farm shop market bank office court street day night week month year monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december christmas easter act allowance credit')
    .split(' ')
    // Job titles: "Client Finance Officer", "Direct Payments Adviser" are roles, not people.
    .concat(JOB_TITLE_WORDS),
);
let forenames: Set<string> | undefined;
let surnames: Set<string> | undefined;
/** The same names capitalised ("jack" → "Jack"), for lookups of capitalised words without lower-casing them. */
let capitalisedForenames: Set<string> | undefined;
let capitalisedSurnames: Set<string> | undefined;
/** compromise's words that are not names (nouns, verbs, adjectives …), lower case. */
let common: Set<string> | undefined;

/** Forenames and surnames from compromise's lexicon (built once, lazily), and its other words. */
function loadNames(): void {
  forenames = new Set();
  surnames = new Set();
  common = new Set();
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tag] of Object.entries(lexicon)) {
    if (word.includes(' ')) continue;
    const tags = Array.isArray(tag) ? tag.join(',') : tag;
    if (/\b(?:FirstName|MaleName|FemaleName)\b/.test(tags)) forenames.add(word);
    else if (/\bLastName\b/.test(tags)) surnames.add(word);
    else if (!/\b(?:Place|City|Country|Region|Organization|ProperNoun|Person|Honorific)\b/.test(tags)) common.add(word);
  }
  capitalisedForenames = capitalised(forenames);
  capitalisedSurnames = capitalised(surnames);
}

/** The names of `set` that are all lower-case ASCII letters, capitalised. */
function capitalised(set: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const w of set) if (/^[a-z]+$/.test(w)) out.add(w[0]!.toUpperCase() + w.slice(1));
  return out;
}

/** [A-Z][a-z]+: a capitalised word whose lower-case form is its first letter lowered. */
function isCapitalisedWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (!(c >= 65 && c <= 90) || word.length < 2) return false;
  for (let i = 1; i < word.length; i++) {
    const d = word.charCodeAt(i);
    if (!(d >= 97 && d <= 122)) return false;
  }
  return true;
}

/** Is the word a known forename (compared in lower case)? A plain capitalised word needs no lower-casing. */
function isKnownForename(word: string): boolean {
  if (!forenames) loadNames();
  return isCapitalisedWord(word) ? capitalisedForenames!.has(word) : forenames!.has(word.toLowerCase());
}

/** Endings to take off a word to find it in compromise's lexicon ("payments" → "pay", "lives" → "live"). */
const ENDINGS: [RegExp, string][] = [
  [/s$/, ''], [/es$/, ''], [/ies$/, 'y'], [/ly$/, ''], [/ing$/, ''], [/ing$/, 'e'], [/ed$/, ''], [/ed$/, 'e'], [/ments?$/, ''], [/ations?$/, 'e'],
];
/**
 * Is the word an ordinary English word (a form value such as "Direct Payments", "Discharge
 * Planning", "Lives Locally"), as far as compromise's lexicon knows, directly or without a common
 * ending? Not when it is also a known forename or surname.
 */
function isCommonWord(word: string): boolean {
  if (!common) loadNames();
  const l = word.toLowerCase();
  if (forenames!.has(l) || surnames!.has(l)) return false;
  if (common!.has(l)) return true;
  // An adverb ("Locally", "Weekly"): compromise lists few of them.
  if (l.length >= 6 && l.endsWith('ly')) return true;
  for (const [end, add] of ENDINGS) {
    if (!end.test(l)) continue;
    const stem = l.replace(end, add);
    if (stem.length >= 3 && common!.has(stem)) return true;
  }
  return false;
}

/** Is the word a known surname (compared in lower case)? A plain capitalised word needs no lower-casing. */
function isKnownSurname(word: string): boolean {
  if (!surnames) loadNames();
  return isCapitalisedWord(word) ? capitalisedSurnames!.has(word) : surnames!.has(word.toLowerCase());
}

function pushUnique(out: IdentifierHit[], start: number, end: number): void {
  if (out.some((h) => h.start < end && start < h.end)) return;
  out.push({ kind: 'person-name', start, end });
}

/** The capitalised word right after white space at a position (sticky: tried only there). */
const NEXT_WORD = /[ \t]+([A-Z][a-z]+)/y;

/** Is the word after `end` in `sentence` (after spaces or tabs) a place or organisation word? */
function placeWordAfter(sentence: string, end: number): boolean {
  NEXT_WORD.lastIndex = end;
  const next = NEXT_WORD.exec(sentence);
  NEXT_WORD.lastIndex = 0;
  return !!next && NOT_SURNAME.has(next[1]!.toLowerCase());
}

function looksLikePlace(words: string[], sentence: string, end: number): boolean {
  if (words.some((w) => NOT_SURNAME.has(w.toLowerCase()))) return true;
  return placeWordAfter(sentence, end);
}

/**
 * For a TITLE match `sentence.slice(start, end)`: does a second word after the title (initials
 * such as "J." aside) or the word after the match make it a place ("Dr Gray Surgery", "Mrs Patel
 * Road")? The first word after a title is a surname even when it is also a place word ("Mrs
 * Hill", "Mr Ward", "Mrs Church"). The match is read word by word (spaces and tabs between words)
 * instead of being split into an array.
 */
function titleLooksLikePlace(sentence: string, start: number, end: number): boolean {
  let i = start;
  // Skip the title itself.
  while (i < end && !isBlank(sentence.charCodeAt(i))) i++;
  let named = false;
  while (i < end) {
    while (i < end && isBlank(sentence.charCodeAt(i))) i++;
    const a = i;
    while (i < end && !isBlank(sentence.charCodeAt(i))) i++;
    if (i > a && !isInitial(sentence, a, i)) {
      if (named && NOT_SURNAME.has(sentence.slice(a, i).toLowerCase())) return true;
      named = true;
    }
  }
  return placeWordAfter(sentence, end);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** /^[A-Z]\.?$/ on sentence.slice(a, b). */
function isInitial(sentence: string, a: number, b: number): boolean {
  const c = sentence.charCodeAt(a);
  return c >= 65 && c <= 90 && (b - a === 1 || (b - a === 2 && sentence.charCodeAt(a + 1) === 46));
}

const BLANKS = /[ \t]+/;
const IS_WAS_END = /(?:is|was)$/;

/**
 * Does the text before `start` end in "St" or "Saint" (a word), perhaps a full stop, and spaces or
 * tabs ("St Helens", "Saint Jude")? As /\b(?:St|Saint)\.?[ \t]+$/ on sentence.slice(0, start), read
 * backwards from `start` instead of searching the whole of it.
 */
export function afterSaint(sentence: string, start: number): boolean {
  let i = start;
  while (i > 0 && (sentence.charCodeAt(i - 1) === 32 || sentence.charCodeAt(i - 1) === 9)) i--;
  if (i === start) return false;
  if (i > 0 && sentence.charCodeAt(i - 1) === 46) i--;
  for (const title of ['St', 'Saint']) {
    const a = i - title.length;
    if (a >= 0 && sentence.startsWith(title, a) && (a === 0 || !isRegExpWordCode(sentence.charCodeAt(a - 1)))) return true;
  }
  return false;
}

/** Find full personal names in one sentence. */
export function findPersonNames(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  let m: RegExpExecArray | null;
  TITLE.lastIndex = 0;
  while ((m = TITLE.exec(sentence))) {
    // (A match always has a name word after the title and any initials.)
    if (titleLooksLikePlace(sentence, m.index, m.index + m[0].length)) continue;
    pushUnique(out, m.index, m.index + m[0].length);
  }
  // (CUE only where CUE_NAMES finds the two capitalised words it needs.)
  if (CUE_NAMES.test(sentence)) {
    CUE.lastIndex = 0;
    while ((m = CUE.exec(sentence))) {
      const name = m[1]!;
      const start = m.index + m[0].length - name.length;
      const words = name.split(BLANKS);
      if (looksLikePlace(words, sentence, start + name.length)) continue;
      if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
      // "is/was" only count when the first word is a known forename ("the carer was Anna Berg").
      const lead = m[0].slice(0, m[0].length - name.length).trim();
      if (IS_WAS_END.test(lead) && !NAME_IS_END.test(lead) && !isKnownForename(words[0]!)) continue;
      // A form field ("Client: …", "Daughter: …") filled with ordinary words only is a value, not
      // a name ("Client: Direct Payments", "Daughter: Lives Locally"), unless it opens with a known
      // forename; one word compromise does not know is enough ("Son: Kwame Walker"). "Name: …"
      // says it is a name.
      if (lead.endsWith(':') && !/^name:$/i.test(lead.slice(-5)) && !isKnownForename(words[0]!) && words.every(isCommonWord)) continue;
      pushUnique(out, start, start + name.length);
    }
  }
  let confirmed: { start: number; end: number }[] | undefined;
  PAIR.lastIndex = 0;
  while ((m = PAIR.exec(sentence))) {
    const first = m[1]!;
    const second = m[2]!;
    // A known forename, or a known surname after an unknown forename ("Ravi Sharma"); compromise confirms either.
    if (!isKnownForename(first) && !isKnownSurname(second)) {
      PAIR.lastIndex = m.index + first.length; // the second word may start a pair of its own
      continue;
    }
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((h) => h.start < end && start < h.end)) continue;
    if (looksLikePlace([first, second], sentence, end)) continue;
    if (afterSaint(sentence, start)) continue;
    confirmed ??= peopleSpans(sentence);
    if (!confirmed.some((p) => p.start <= start && end <= p.end + 1)) continue;
    pushUnique(out, start, end);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Spans of the people compromise finds in a sentence (punctuation trimmed). */
function peopleSpans(sentence: string): { start: number; end: number }[] {
  const found = nlp(sentence).people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  return found.map((p) => {
    const text = sentence.slice(p.offset.start, p.offset.start + p.offset.length).replace(/[^A-Za-z]+$/, '');
    return { start: p.offset.start, end: p.offset.start + text.length };
  });
}
