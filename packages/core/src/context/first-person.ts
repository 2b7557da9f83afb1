/**
 * First-person self-description outside quotes ("I have a learning disability and I like…",
 * "My anxiety means I sometimes refuse to go out"): in a plan written in the person's voice this
 * is the person describing themselves, so deficit, dehumanising and blaming findings in it are
 * reported at `info`, not suppressed and not as a warning (LEXICON §4.2; the person's words win,
 * but a plan that puts words in someone's mouth still deserves a look).
 *
 * Decided on cheap tokens: the nearest subject word before the match in its clause is "I", "me",
 * "my", "myself" (or a contraction such as "I'm"), or the clause has no subject and the sentence
 * opens with one of them. A third person or a name met first ("Staff say Jack is…") means it is
 * not self-description. Pure; never throws.
 */
import { clauseTextBefore } from './negation.js';
import { findQuotes } from './quotes.js';

const FIRST = /^(?:I|I['’](?:m|ve|d|ll)|me|my|myself|mine|Im|Ive)$/;
const OTHER = new Set(['he', 'she', 'they', 'him', 'them', 'his', 'hers', 'their', 'we', 'you', 'staff', 'carers', 'mum', 'dad', 'family', 'people', 'everyone', 'someone', 'doctor', 'nurse', 'worker', 'it']);
const LEAD = new Set(['and', 'but', 'so', 'because', 'when', 'if', 'sometimes', 'often', 'usually', 'also', 'then', 'now', 'at', 'times', 'since', 'as', 'although', 'though', 'while', 'whilst', 'yes', 'no', 'well', 'oh']);
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const SKIP = new Set([
  'am', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'have', 'has', 'had', 'will', 'would', 'can', 'could',
  'may', 'might', 'do', 'does', 'did', 'get', 'got', 'feel', 'felt', 'find', 'know', 'think', 'also', 'sometimes',
  'often', 'still', 'really', 'not', 'never', 'a', 'an', 'the', 'to', 'very', 'quite', 'bit', 'little', 'lot', 'of',
]);

/** Options for isFirstPerson. */
export interface FirstPersonOptions {
  /**
   * Does "my <match>" count as self-description? Yes for conditions ("my learning disability"),
   * no for labels of other people ("my client", "my cases"). Default true.
   */
  possessive?: boolean;
}

const isFirstToken = (w: string): boolean => FIRST.test(w) || FIRST.test(w.replace(/^i(?=['’]|$)/, 'I'));
const isMy = (w: string): boolean => /^(?:my|mine)$/i.test(w);

/**
 * Text that could hold a first-person token (any case; its neighbours need only not be ASCII
 * letters or digits). Only such a token makes isFirstPerson true, and most sentences have none.
 */
const MAYBE_FIRST = /(?:^|[^A-Za-z0-9])(?:i|im|ive|me|my|myself|mine)(?![A-Za-z0-9])/i;

/** How much of the clause before the match, and of the sentence's opening, is read. */
const BEFORE = 120;
const OPENING = 80;

/** True when the match at `relStart` in `sentence` is the writer talking about themselves. */
export function isFirstPerson(sentence: string, relStart: number, options: FirstPersonOptions = {}): boolean {
  // Only a first-person token in the text read below can make it true. The test reads the same
  // slices, since a slice's edge can cut a word into one ("Imagine" → "I").
  if (!MAYBE_FIRST.test(sentence.slice(Math.max(0, relStart - BEFORE), Math.max(0, relStart))) && !MAYBE_FIRST.test(sentence.slice(0, OPENING))) return false;
  return firstPersonByTokens(sentence, relStart, options);
}

/** isFirstPerson without its prefilter: the token reading itself (exported for the test that the prefilter never changes an answer). */
export function firstPersonByTokens(sentence: string, relStart: number, options: FirstPersonOptions = {}): boolean {
  sentence = withoutOthersQuotes(sentence, relStart);
  const tokens = clauseTextBefore(sentence, relStart, BEFORE).match(TOKEN) ?? [];
  const last = tokens[tokens.length - 1];
  if (last !== undefined && isMy(last)) return options.possessive !== false;
  for (let i = tokens.length - 1; i >= Math.max(0, tokens.length - 8); i--) {
    const orig = tokens[i]!;
    // "my <noun>" before the match: the subject is the noun ("my client is …", "my mum says …").
    if (isMy(orig)) return false;
    if (isFirstToken(orig)) return true;
    const t = orig.toLowerCase();
    if (OTHER.has(t)) return false;
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(orig) && !SKIP.has(t)) return false; // a name mid-clause
    if (!SKIP.has(t) && !/^\p{Lu}/u.test(orig) && tokens.length - i > 3) break;
  }
  // No subject near the match: does the sentence open in the first person?
  const opening = sentence.slice(0, OPENING).match(TOKEN) ?? [];
  for (const w of opening.slice(0, 4)) {
    if (isMy(w)) return false;
    if (isFirstToken(w)) return true;
    if (!LEAD.has(w.toLowerCase())) return false;
  }
  return false;
}

/** A double or curly quote mark: only a sentence with one can hold a quotation to set aside. */
const QUOTE_MARK = /["“”‘«]/;

/**
 * The sentence with the quotations that do not hold the match blanked out (same length, so offsets
 * stay), when the match is outside them: an "I" inside someone's quoted words is the speaker, not
 * the subject of the writer's clause ("“You can't make me,” said Ola, who then refused her breakfast";
 * "Mr Arno said “I am off now” and was combative at the door"). Scare quotes are the writer's own words and
 * stay. A sentence without a double or curly quote mark is returned as it is.
 */
function withoutOthersQuotes(sentence: string, relStart: number): string {
  if (!QUOTE_MARK.test(sentence)) return sentence;
  let out = sentence;
  for (const q of findQuotes(sentence)) {
    if (q.kind === 'scare' || (q.start <= relStart && relStart < q.end)) continue;
    out = out.slice(0, q.start) + ' '.repeat(q.end - q.start) + out.slice(q.end);
  }
  return out;
}

const SELF_LABEL = /(?:^|[^\p{L}])(?:I(?:['’]m| am| was| have been|['’]ve been| used to be)|(?:call|calls|called) me)(?:\s+(?:a|an|just|only|still|also|really|not|never|no longer))*\s*[“"‘']?$/iu;

/**
 * Self-labelling with a noun ("I'm a service user", "they call me a bed blocker", "she called me a
 * 'frequent flyer'"): the narrower
 * test used for dehumanising labels, which in other first-person sentences are usually the
 * writer's words about someone else ("I have 28 cases", "my client").
 */
export function isSelfLabel(sentence: string, relStart: number): boolean {
  return SELF_LABEL.test(clauseTextBefore(sentence, relStart, 60));
}
