/**
 * person-name: Full personal names: a title with a surname, or a forename and surname (rule
 * privacy/person-name; the finder is ../privacy/person-name.ts). Reports spans, never values.
 *
 * The finder reads the name alone; this detector also reads the words around it, and leaves out
 * what the sentence shows is not a person in the record (LEXICON PRI-11: place and organisation
 * names are a trap): a place ("moved from Milton Keynes", "lives in …", "a trip to …", "Chester
 * Zoo"), and a book, film, singer or character the person enjoys ("listens to Ed Sheeran", "is
 * reading Jane Eyre", "her favourite film is Harry Potter", "Agatha Christie novels", "watched
 * Mrs Brown's Boys"). A name followed by "'s" ("went to Sarah Jones's house") is always a person.
 * Pure.
 */
import { identifierDetector } from './identifier-detector.js';
import { findPersonNames } from '../privacy/person-name.js';
import { flatten } from '../flat.js';
import { isAsciiLetter, isSpace } from '../chars.js';
import type { IdentifierHit } from '../privacy/types.js';

/**
 * Words just before the name that make it a place: moving, travelling or living somewhere
 * ("moved from", "a trip to", "lives in", "near", "grew up in").
 */
const PLACE_BEFORE =
  /(?:\b(?:moved|moving|moves|relocated|relocating|originally|went|goes|going|gone|travelled|traveled|travels|travelling|traveling|drove|drives|driving|trip|trips|holiday|holidays|day\s+out|journey|train|bus|coach|flight)\s+(?:back\s+)?(?:from|to)|\b(?:in|near|around|outside|towards|across)|\b(?:lives?|lived|living|based|stays?|stayed|staying|born)\s+at|\b(?:north|south|east|west)\s+of)\s+(?:the\s+)?$/i;

/**
 * Words just before the name that make it a book, film, song or a famous person the person
 * enjoys: "listens to", "watched", "is reading", "a fan of", "her favourite film is".
 */
const MEDIA_BEFORE =
  /\b(?:watch(?:es|ed|ing)?|listen(?:s|ed|ing)?\s+to|read(?:s|ing)?|re-?read(?:s|ing)?|fan\s+of|(?:favourite|favorite)(?:\s+[a-z]+){0,2}\s*(?:is|was|are|were|[,:])|(?:written|sung|directed|presented|hosted|narrated|performed|painted)\s+by|(?:sings?|sang|singing|dances?|danced|dancing)\s+(?:along\s+)?to|impressions?\s+of)\s+(?:the\s+|an?\s+|some\s+|old\s+|his\s+|her\s+|their\s+|my\s+)?$/i;

/** Words just after the name that make it an author, a singer or a title ("Agatha Christie novels"). */
const MEDIA_AFTER =
  /\s+(?:novels?|books?|songs?|albums?|films?|movies?|concerts?|tours?|CDs?|DVDs?|records?|tribute|music|myster(?:y|ies)|stor(?:y|ies)|series|shows?|musicals?|box\s*sets?|audiobooks?|posters?|fans?|lookalikes?|impressions?|karaoke|programmes?|documentar(?:y|ies)|cookbooks?|recipes?|in\s+concert|on\s+(?:TV|telly|the\s+radio|stage|YouTube|Spotify))\b/iy;

/** After a possessive, only creative works make it a famous person ("Agatha Christie's novels"). */
const MEDIA_AFTER_POSSESSIVE = /['’]s\s+(?:novels?|songs?|albums?|films?|music|concerts?|tours?|musicals?|plays?|poems?|stories)\b/iy;

/** A title with a capitalised word after the possessive ("Mrs Brown's Boys") in a sentence about TV, books or films. */
const TITLE_AFTER = /['’]s\s+[A-Z][a-z]+/y;
const MEDIA_WORD = /\b(?:watch(?:es|ed|ing)?|TV|telly|television|programmes?|shows?|series|films?|sitcoms?|soaps?|comedy|books?|read(?:s|ing)?|listen(?:s|ed|ing)?|radio|podcasts?)\b/i;

/** A relationship said straight after the name: "near Sarah Jones, her old friend" is a person. */
const RELATION_AFTER =
  /,?\s+(?:(?:her|his|their|my|our|your|the|a|an)\s+)?(?:(?:old|best|close|new|former|late|elder|older|younger|twin|step|paternal|maternal|ex|good)[\s-]+)?(?:friend|neighbour|son|daughter|mum|mother|dad|father|wife|husband|partner|brother|sister|aunt|uncle|nephew|niece|cousin|grandson|granddaughter|grandmother|grandfather|gran|nan|grandma|grandad|carer|GP|landlord|landlady|social\s+worker|support\s+worker|advocate|teacher|boss|colleague|godmother|godfather|fiancée?|girlfriend|boyfriend)\b/iy;

/** A possessive after the name: "Sarah Jones's house" is a person, whatever comes before. */
const POSSESSIVE_AFTER = /['’]s?(?![A-Za-z])/y;

/**
 * Place words, as the name's last word or the word after it, that the finder does not already know
 * ("Chester Zoo", "Stanley Dock", "Beverley Minster", "Barry Island"). Words that are also common
 * surnames (Green, Wood, Cross, Heath, Marsh) are left out.
 */
const PLACE_WORDS = new Set(
  'zoo dock docks minster abbey cathedral pier harbour marina quay wharf project stadium arena airport island sands beach bay loch valley falls'.split(' '),
);

/** UK places the finder reads as a forename and a surname. */
const PLACES = new Set([
  'Milton Keynes', 'Ashton Keynes', 'Brent Cross', 'Bradley Stoke', 'Glen Parva', 'Glen Coe', 'Ben Nevis', 'Ben Lomond', 'Kirk Michael',
  'Milton Abbot', 'Clifton Down', 'Carlton Colville', 'Abbey Wood', 'Grace Dieu', 'Preston North End',
]);

/**
 * The capitalised word after the white space at the start of `after` (as /\s+([A-Z][a-z]+)/y
 * reads it), lower-cased, or undefined. Read by character code: no match array.
 */
function nextWordLower(after: string): string | undefined {
  let i = 0;
  while (i < after.length && isSpace(after.charCodeAt(i))) i++;
  if (i === 0) return undefined;
  const c = after.charCodeAt(i);
  if (!(c >= 65 && c <= 90)) return undefined;
  let j = i + 1;
  while (j < after.length && after.charCodeAt(j) >= 97 && after.charCodeAt(j) <= 122) j++;
  return j > i + 1 ? after.slice(i, j).toLowerCase() : undefined;
}

/**
 * The word PLACE_BEFORE or MEDIA_BEFORE ends on ("from", "in", "watched", "is", a comma…), as the
 * end of a token: a quick test of the token before the name (or before an article there), so that
 * the two regexes, which must try every position of the text before the name, run only when they
 * could match.
 */
const BEFORE_END = /(?:from|to|in|near|around|outside|towards|across|at|of|watch|watches|watched|watching|read|reads|reading|is|was|are|were|by|[,:])$/i;
/** Words MEDIA_BEFORE (and, for "the", PLACE_BEFORE) allows between its keyword and the name. */
const ARTICLES = new Set(['the', 'a', 'an', 'some', 'old', 'his', 'her', 'their', 'my']);

/**
 * Could PLACE_BEFORE or MEDIA_BEFORE match the text before the name, `sentence` from `from` to
 * `end` (which must end in white space for either)? Read in place, without slicing it.
 */
function mayEndInCue(sentence: string, from: number, end: number): boolean {
  let i = end;
  if (i === from || !isSpace(sentence.charCodeAt(i - 1))) return false;
  for (let round = 0; round < 2; round++) {
    while (i > from && isSpace(sentence.charCodeAt(i - 1))) i--;
    const tokenEnd = i;
    while (i > from && !isSpace(sentence.charCodeAt(i - 1))) i--;
    const token = sentence.slice(i, tokenEnd);
    if (BEFORE_END.test(token)) return true;
    if (!ARTICLES.has(token.toLowerCase())) return false;
  }
  return false;
}

/** The ASCII letters that end `name`, lower-cased (/[A-Za-z]+$/), or undefined. */
function lastAsciiWord(name: string): string | undefined {
  let i = name.length;
  while (i > 0) {
    if (!isAsciiLetter(name.charCodeAt(i - 1))) break;
    i--;
  }
  return i < name.length ? name.slice(i).toLowerCase() : undefined;
}

/** `re` (sticky) matches at the start of `text`. */
function startsWith(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * Is the name at [start, end) in `sentence` a place, a title or a famous person rather than someone in the record?
 * A relationship said after the name ("Sarah Jones, her old friend") outweighs every sign of a place
 * or a famous person; it is looked for only when there is such a sign (most names have none).
 */
export function notAPerson(sentence: string, start: number, end: number): boolean {
  const name = sentence.slice(start, end);
  const after = sentence.slice(end, end + 60);
  // The three possessive patterns start with an apostrophe; most names are followed by a space.
  const c = after.charCodeAt(0);
  if (c === 39 || c === 0x2019) {
    if (startsWith(MEDIA_AFTER_POSSESSIVE, after)) return true;
    if (startsWith(TITLE_AFTER, after) && MEDIA_WORD.test(sentence)) return true;
    if (startsWith(POSSESSIVE_AFTER, after)) return false;
  }
  return placeOrFame(sentence, start, name, after) && !startsWith(RELATION_AFTER, after);
}

/** A sign that the name is a place or a famous person: a known place, a place word, the words before it or after it. */
function placeOrFame(sentence: string, start: number, name: string, after: string): boolean {
  if (PLACES.has(flatten(name)?.text ?? name)) return true;
  const last = lastAsciiWord(name);
  if (last && PLACE_WORDS.has(last)) return true;
  const next = nextWordLower(after);
  if (next && PLACE_WORDS.has(next)) return true;
  const from = Math.max(0, start - 60);
  if (mayEndInCue(sentence, from, start)) {
    const before = sentence.slice(from, start);
    if (PLACE_BEFORE.test(before) || MEDIA_BEFORE.test(before)) return true;
  }
  return startsWith(MEDIA_AFTER, after);
}

/** The finder's names, less those the words around them show are not a person. */
export function findPeopleInRecord(sentence: string): IdentifierHit[] {
  return findPersonNames(sentence).filter((h) => !notAPerson(sentence, h.start, h.end));
}

/** The `person-name` detector. */
export const personName = identifierDetector('person-name', 'Full personal names: a title with a surname, or a forename and surname', {
  find: findPeopleInRecord,
});

/**
 * The filter's parts, for its test: the test keeps notAPerson's first version (the order of its
 * checks) as the reference the present one must answer like, built on these same parts rather
 * than on copies of them. Not part of the package's API.
 */
export const notAPersonParts = {
  PLACE_BEFORE, MEDIA_BEFORE, MEDIA_AFTER, MEDIA_AFTER_POSSESSIVE, TITLE_AFTER, MEDIA_WORD, RELATION_AFTER, POSSESSIVE_AFTER,
  PLACE_WORDS, PLACES, mayEndInCue, lastAsciiWord, startsWith,
} as const;
