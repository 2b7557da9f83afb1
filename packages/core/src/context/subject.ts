/**
 * Who a match is about, on cheap tokens: the person, or an organisation, a machine, a request or
 * a document ("the council refused the request", "card refused", "his application was refused",
 * "the system allows users to…"). Rules opt in with `subject: person` (report only when the
 * sentence is not about an organisation, machine, request or document) or `subject: organisation`
 * (report only when an organisation is the subject or the agent: "the panel refused", "was refused
 * by the council"). The word lists are data (`rules/_context.yaml`), bundled with the rules.
 *
 * Looks only at a few words either side of the match inside its clause; never parses. Pure; never
 * throws.
 */
import { clauseTextBefore } from './negation.js';

/** What a match is about. */
export type About = 'person' | 'organisation' | 'machine' | 'request' | 'document' | 'unknown';

/** The word lists (head nouns, lower case) from `rules/_context.yaml`. */
export interface ContextWords {
  /** Organisations, services and decision-making bodies: council, panel, provider, DWP… */
  organisations: string[];
  /** Machines, systems and transactions: card, payment, connection, system, app… */
  machines: string[];
  /** Requests made to an organisation: application, request, claim, referral, appeal… */
  requests: string[];
  /** Documents and rules that "allow" or "permit": policy, tenancy, lease, law, guidance… */
  documents: string[];
}

/** Compiled lookup: lower-case word → what it is. */
export type ContextIndex = Map<string, Exclude<About, 'person' | 'unknown'>>;

/** Build the lookup once per rule set. Plural forms are added for single words. */
export function compileContextWords(words: Partial<ContextWords> | undefined): ContextIndex {
  const index: ContextIndex = new Map();
  const add = (list: string[] | undefined, kind: Exclude<About, 'person' | 'unknown'>): void => {
    for (const raw of list ?? []) {
      const w = raw.trim().toLowerCase();
      if (!w || /\s/.test(w)) continue;
      if (!index.has(w)) index.set(w, kind);
      if (!w.endsWith('s') && !index.has(`${w}s`)) index.set(`${w}s`, kind);
    }
  };
  add(words?.organisations, 'organisation');
  add(words?.machines, 'machine');
  add(words?.requests, 'request');
  add(words?.documents, 'document');
  return index;
}

/** Words skipped when looking for the subject: auxiliaries, modals, adverbs, negation, "to". */
const SKIP = new Set([
  'is', 'was', 'were', 'are', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'will', 'would',
  'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'get', 'got', 'gets',
  'also', 'then', 'again', 'not', 'never', 'just', 'still', 'already', 'now', 'often', 'always', 'sometimes',
  'later', 'today', 'yesterday', 'once', 'twice', 'to', 'the', 'a', 'an', 'this', 'that', 'these', 'those',
  'his', 'her', 'their', 'its', 'our', 'your', 'my', 'of', 'for', 'and', 'or', 'all', 'any', 'some', 'new',
  'further', 'previous', 'latest', 'recent', 'original', 'initial', 'first', 'second', 'final',
]);

/** Words that make the subject a person (pronouns and people nouns). "her"/"his" are objects here. */
const PEOPLE = new Set([
  'i', 'me', 'he', 'she', 'they', 'him', 'them', 'we', 'us', 'you', 'himself', 'herself', 'themselves',
  'person', 'man', 'woman', 'boy', 'girl', 'child', 'son', 'daughter', 'mum', 'mother', 'dad', 'father',
  'wife', 'husband', 'partner', 'brother', 'sister', 'resident', 'tenant', 'patient', 'client', 'pupil',
  'student', 'people', 'family', 'carer', 'carers', 'staff',
]);

/** Capitalised at the start of a sentence but not names. */
const COMMON_STARTERS = new Set(['when', 'if', 'after', 'before', 'during', 'as', 'once', 'while', 'whilst', 'although', 'because', 'since', 'following', 'despite', 'however', 'unfortunately', 'again', 'initially', 'previously', 'there', 'here', 'it', 'this', 'that']);

const PREPOSITIONS = new Set(['at', 'in', 'on', 'to', 'from', 'into', 'onto', 'with', 'for', 'about', 'of', 'near', 'outside', 'inside', 'around', 'towards', 'via', 'through', 'after', 'before']);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'any', 'all', 'some', 'further', 'new', 'latest', 'original']);

/** Clause breaks for the subject search (relative pronouns kept: "the request which was refused"). */
const SUBJECT_BREAK = /[,;:()\[\]\u2013\u2014]|\s-\s|\b(?:but|although|though|however|whereas|whilst|while|because|unless|except|yet|instead|since|until|so)\b/gi;

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function kindOf(token: string, original: string, index: ContextIndex, objectPosition: boolean): About | undefined {
  const t = token.replace(/['’]s$/, '');
  if (/['’]s$/.test(token)) return undefined; // a possessive ("the council's offer") qualifies the next noun
  const k = index.get(t);
  if (k) return k;
  if (t === 'it') return 'machine';
  if (PEOPLE.has(t)) return 'person';
  if (objectPosition && (t === 'her' || t === 'his')) return 'person';
  // A capitalised word that is not a known word is most likely a name ("Jack", "Mrs Patel").
  if (/^\p{Lu}\p{Ll}/u.test(original) && !SKIP.has(t) && !PREPOSITIONS.has(t) && !COMMON_STARTERS.has(t)) return 'person';
  return undefined;
}

/**
 * What the match at [relStart, relEnd) of `sentence` is about, looking first at the subject (the
 * nearest person or listed noun before it in the clause), then at an agent ("by the council") or
 * an object ("refused the application", "allow her to") just after it.
 */
export function aboutWhom(sentence: string, relStart: number, relEnd: number, index: ContextIndex): About {
  // Agent first: "was refused by the council" is the council's act, whatever comes before.
  const after = sentence.slice(relEnd, relEnd + 80);
  const stop = after.search(/[,;:()\[\]\u2013\u2014.!?]/);
  const tokens = (stop >= 0 ? after.slice(0, stop) : after).match(TOKEN) ?? [];
  if (tokens[0]?.toLowerCase() === 'by') {
    for (let j = 1; j < Math.min(tokens.length, 5); j++) {
      const t = tokens[j]!.toLowerCase();
      if (DETERMINERS.has(t) || /['’]s$/.test(t)) continue;
      const k = index.get(t);
      if (k) return k;
      break;
    }
  }
  // Subject: the nearest telling word before the match in its clause, within eight words. A
  // listed noun after a preposition ("at school", "to the office") is not the subject; "and"/"or"
  // ends the search (coordinated verbs: "came home and refused" shares an earlier subject).
  const before = clauseTextBefore(sentence, relStart, 120, SUBJECT_BREAK).match(TOKEN) ?? [];
  for (let i = before.length - 1; i >= Math.max(0, before.length - 8); i--) {
    const orig = before[i]!;
    const t = orig.toLowerCase();
    if (t === 'and' || t === 'or' || t === 'nor') break;
    const k = kindOf(t, orig, index, false);
    if (!k) continue;
    if (k !== 'person') {
      let j = i - 1;
      while (j >= 0 && (DETERMINERS.has(before[j]!.toLowerCase()) || /['’]s$/.test(before[j]!))) j--;
      if (j >= 0 && PREPOSITIONS.has(before[j]!.toLowerCase())) continue;
    }
    return k;
  }
  // After the match: the object ("refused the application", "allow her to").
  let i = 0;
  const agent = tokens[0]?.toLowerCase() === 'by';
  if (agent) i = 1;
  for (; i < Math.min(tokens.length, 5); i++) {
    const orig = tokens[i]!;
    const t = orig.toLowerCase();
    if (DETERMINERS.has(t) && !(t === 'her' || t === 'his')) continue;
    if ((t === 'her' || t === 'his') && !agent) {
      // "allow her to" (object) vs "refused her application" (determiner): look one word on.
      const nextK = tokens[i + 1] ? index.get(tokens[i + 1]!.toLowerCase()) : undefined;
      return nextK ?? 'person';
    }
    const k = kindOf(t, orig, index, true);
    if (/['’]s$/.test(t)) continue;
    return k ?? 'unknown';
  }
  return 'unknown';
}

/**
 * Does a rule's `subject` setting let a match through? `person`: not when the match is about an
 * organisation, machine, request or document; `organisation`: only when an organisation is the
 * subject or agent; `any` (default): always.
 */
export function subjectAllows(setting: 'person' | 'organisation' | 'any' | undefined, about: About): boolean {
  if (!setting || setting === 'any') return true;
  if (setting === 'person') return about === 'person' || about === 'unknown';
  return about === 'organisation';
}
