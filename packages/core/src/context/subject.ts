/**
 * Who a match is about, on cheap tokens: the person, or someone or something else — an
 * organisation, another person (a professional, staff, a neighbour, a stranger), a machine, a
 * request or a document ("the council refused the request", "the GP refused to prescribe", "card
 * refused", "his application was refused", "the system allows users to…"). Rules opt in with
 * `subject: person` (report only when the match is not about an organisation, another person, a
 * machine, a request or a document) or `subject: organisation` (report only when an organisation
 * is the subject or the agent: "the panel refused", "was refused by the council"). The word lists
 * are data (`rules/_context.yaml`), bundled with the rules.
 *
 * Looks only at a few words either side of the match inside its clause; never parses. Pure; never
 * throws.
 */
import { clauseTextBefore } from './negation.js';

/** What a match is about. `other`: a person other than the one the record is about. */
export type About = 'person' | 'organisation' | 'other' | 'machine' | 'request' | 'document' | 'unknown';

/** The word lists (head nouns, lower case) from `rules/_context.yaml`. */
export interface ContextWords {
  /** Organisations, services and decision-making bodies: council, panel, provider, DWP… */
  organisations: string[];
  /** People other than the person: professionals, staff, neighbours, strangers (GP, driver, staff…). */
  others?: string[];
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
  add(words?.others, 'other');
  add(words?.machines, 'machine');
  add(words?.requests, 'request');
  add(words?.documents, 'document');
  return index;
}

const set = (s: string): Set<string> => new Set(s.split(' '));

/** Determiners and quantifiers: skipped around a noun. */
const DETERMINERS = set('the a an his her their its our your my this that these those any all some further new latest original');

/** Time words: "on Monday", "in the morning", "at times" are not what the match is about. */
const TIME = set(
  'today yesterday tonight morning afternoon evening night week weekend month year times first moment present ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);

/**
 * Words that may stand between a subject and the word it does or is: auxiliaries and modals, linking
 * verbs, negation, adverbs, time words, determiners, relative pronouns, "as" and the infinitive "to"
 * ("the GP has not been very", "the panel decided to", "the man who was", "describe him as"). Any
 * other word — a reporting verb ("the home reports refusal"), another verb ("staff manage
 * aggression"), a preposition governing the match ("concerns about aggression") — means the match
 * is not what that subject does, and the search stops.
 */
const BRIDGE = set(
  'is was were are be been being am has have had having will would shall should can could may might must do does did ' +
    'get got gets getting became become becomes becoming seemed seem seems appeared appear appears remained remain remains ' +
    'grew grow grows turned stayed stays felt feel feels looked look looks sounded sounds proved ' +
    'not never no longer cannot also then again just still already now often always sometimes usually generally mostly ' +
    'occasionally repeatedly consistently initially previously recently later earlier once twice ever even very quite so ' +
    'rather really extremely increasingly particularly especially bit little more most less too somewhat fairly ' +
    'last upstairs downstairs nearby opposite ' +
    'who whom which that as to ' +
    [...DETERMINERS, ...TIME].join(' '),
);

/** Prepositions: a listed noun after one is a place or a qualifier ("at school", "the GP at the surgery"). */
const PREPOSITIONS = set(
  'at in on to from into onto with for about of near outside inside around towards toward via through throughout after before during by over across next behind beside between among under without against despite upon within beyond',
);

/** Relative pronouns: "the GP who refused" — the noun before one is its subject. */
const RELATIVES = set('who whom which that');

/** Copulas: "Sam is a young man who…" — the noun after one describes the earlier subject. */
const COPULAS = set('is was are were be been being am became become becomes remains remained seems seemed');

/** Words that make the subject a person (pronouns and people nouns). "her"/"his" are objects here. */
const PEOPLE = set(
  'i me he she they him them we us you himself herself themselves person boy girl child son daughter mum mother dad father ' +
    'wife husband partner brother sister resident tenant patient client pupil student people family',
);

/** "the young man", "this young woman": in a record, the young person it is about. */
const YOUNG_PEOPLE = set('man woman men women');

/** Titles: the capitalised word after one is a surname ("Mr Ward", "Mrs Home", "Mr Banks"), never a listed noun. */
const TITLES = set('mr mrs ms miss mx dr');

/** Capitalised at the start of a sentence but not names. */
const COMMON_STARTERS = set('when if after before during as once while whilst although because since following despite however unfortunately again initially previously there here it this that');

/** Adjective endings: "by" after an adjective is not an agent ("described as aggressive by staff"). */
const ADJECTIVAL = /(?:ive|ant|(?<!m)ent|ous|ful|ry|ic|ional|ary|ly)$/;
/** Feelings: "by" after them names a cause, not an agent ("angered by the council's decision"). */
const FEELINGS = set('angered upset frustrated annoyed irritated distressed provoked triggered unsettled frightened scared worried offended hurt agitated');

/** Noun endings ("refusal", "aggression", "resistance", "defensiveness"), and "anger". */
const NOUN = /(?:ion|ions|ness|nesses|ance|ances|ence|ences|ment|ments|sal|sals|ity|ities)$|^angers?$/;

/** Words that end a predicate: after "was aggressive", a conjunction is not a noun it qualifies. */
const CONJUNCTIONS = set('and or but nor when whenever if because since until unless while whilst although though so then than once where whereas yet here there anyway afterwards overall instead');

/** Is `token` (just after an adjective) a plain word — likely the noun it qualifies ("aggressive behaviour")? */
function isPlainWord(token: string, index: ContextIndex): boolean {
  const t = token.toLowerCase();
  if (BRIDGE.has(t) || PREPOSITIONS.has(t) || CONJUNCTIONS.has(t) || /ly$/.test(t) || /n['’]t$/.test(t)) return false;
  if (t === 'it' || PEOPLE.has(t)) return false; // "adamant he could go home"
  return !/^\p{Lu}/u.test(token) || index.has(t);
}

/** Clause breaks for the subject search (relative pronouns kept: "the request which was refused"). */
const SUBJECT_BREAK = /[,;:()\[\]\u2013\u2014]|\s-\s|\b(?:but|although|though|however|whereas|whilst|while|because|unless|except|yet|instead|since|until|so)\b/gi;

/** Words, with an apostrophe ending ("council's", "didn't") and "passer-by" kept whole. */
const TOKEN = /[\p{L}\p{N}]+(?:-by)?(?:['’][\p{L}]+)?/gu;
const POSSESSIVE = /['’]s$/;
const lower = (s: string | undefined): string => (s ?? '').toLowerCase();

/** Is `tokens[i]` a capitalised word straight after a title ("Mr Ward", "Mrs Home's")? */
function titled(tokens: string[], i: number): boolean {
  return i > 0 && TITLES.has(lower(tokens[i - 1])) && /^\p{Lu}/u.test(tokens[i]!);
}

function kindOf(token: string, original: string, index: ContextIndex, objectPosition: boolean): About | undefined {
  if (POSSESSIVE.test(token)) return undefined; // a possessive ("the council's offer") qualifies the next noun
  const k = index.get(token);
  if (k) return k;
  if (token === 'it') return 'machine';
  if (PEOPLE.has(token)) return 'person';
  if (objectPosition && (token === 'her' || token === 'his')) return 'person';
  // A capitalised word that is not a known word is most likely a name ("Jack", "Mrs Patel").
  if (/^\p{Lu}\p{Ll}/u.test(original) && !BRIDGE.has(token) && !PREPOSITIONS.has(token) && !COMMON_STARTERS.has(token)) return 'person';
  return undefined;
}

/** The kind of the owner in a possessive ("the council's", "Sam's", "he's"), if known. */
function possessor(token: string, index: ContextIndex): About | undefined {
  const base = token.replace(POSSESSIVE, '');
  return kindOf(base.toLowerCase(), base, index, false);
}

/**
 * Index of the word before `i` once determiners, possessives and up to `modifiers` other plain
 * words are skipped ("at the care home", "to Sam's day centre").
 */
function beforeDeterminers(tokens: string[], i: number, index: ContextIndex, modifiers = 2): number {
  let j = i - 1;
  for (let mods = 0; j >= 0; j--) {
    const t = lower(tokens[j]);
    if (DETERMINERS.has(t) || POSSESSIVE.test(t)) continue;
    if (mods < modifiers && !BRIDGE.has(t) && !PREPOSITIONS.has(t) && !/^(?:and|or|nor)$/.test(t) && !kindOf(t, tokens[j]!, index, false)) {
      mods++;
      continue;
    }
    break;
  }
  return j;
}

/**
 * A predicate noun: "Sam is a young man who…", "He's a carer who…". Returns the index of the
 * copula (or of a pronoun or name with "'s") just before the noun's "a", "an", "the" or "this"
 * (at most four words before the noun), or -1.
 */
function copulaBefore(tokens: string[], i: number, index: ContextIndex): number {
  for (let j = i - 1; j >= Math.max(1, i - 5); j--) {
    const t = lower(tokens[j]);
    if (t === 'a' || t === 'an' || t === 'the' || t === 'this') {
      const c = tokens[j - 1]!;
      if (COPULAS.has(lower(c))) return j - 1;
      if (POSSESSIVE.test(c) && possessor(c, index) === 'person') return j - 1;
      return -1;
    }
    if (COPULAS.has(t) || RELATIVES.has(t) || PREPOSITIONS.has(t) || t === 'and' || t === 'or' || kindOf(t, tokens[j]!, index, false)) return -1;
  }
  return -1;
}

/**
 * What the match at [relStart, relEnd) of `sentence` is about, looking first at an agent ("was
 * refused by the council"), then at the subject (the nearest person or listed noun before it in
 * the clause, joined to it only by auxiliaries, adverbs and the like), then at an object ("refused
 * the application", "allow her to") just after it.
 */
export function aboutWhom(sentence: string, relStart: number, relEnd: number, index: ContextIndex): About {
  const before = clauseTextBefore(sentence, relStart, 120, SUBJECT_BREAK).match(TOKEN) ?? [];
  const matchWords = sentence.slice(relStart, relEnd).toLowerCase().match(TOKEN) ?? [];
  const last = matchWords[matchWords.length - 1] ?? '';

  const after = sentence.slice(relEnd, relEnd + 80);
  const stop = after.search(/[,;:()\[\]\u2013\u2014.!?]/);
  const tokens = (stop >= 0 ? after.slice(0, stop) : after).match(TOKEN) ?? [];
  // A noun ("refusal", "aggression"), or an adjective before its noun ("aggressive behaviour").
  const noun = NOUN.test(last);
  let attributive = !noun && ADJECTIVAL.test(last) && !/ly$/.test(last) && tokens[0] !== undefined && isPlainWord(tokens[0], index);
  if (attributive) {
    // "Sam is an angry young man", "the GP is a very defensive man": a predicate, read as one.
    let j = before.length - 1;
    while (j >= 0 && (BRIDGE.has(lower(before[j])) || /ly$/.test(lower(before[j]))) && !DETERMINERS.has(lower(before[j]))) j--;
    if (j >= 1 && ['a', 'an'].includes(lower(before[j])) && COPULAS.has(lower(before[j - 1]))) attributive = false;
  }

  // Agent first: "was refused by the council", "refusal by the GP", "aggression from a stranger".
  // Not "by" after an adjective or a feeling, or after "as": there it is not the one doing it
  // ("described as aggressive by staff", "angered by the council").
  const first = lower(tokens[0]);
  const agent = first === 'by' || (noun && first === 'from');
  const readAgent = agent && (noun || (!ADJECTIVAL.test(last) && !FEELINGS.has(last) && lower(before[before.length - 1]) !== 'as'));
  if (readAgent) {
    for (let j = 1; j < Math.min(tokens.length, 5); j++) {
      const t = tokens[j]!.toLowerCase();
      if (DETERMINERS.has(t) || POSSESSIVE.test(t)) continue;
      const k = index.get(t);
      if (k) return k;
      break;
    }
  }

  // A possessive right before the match owns it: "the council's refusal", "Sam's aggression".
  const last0 = before.length - 1;
  const owner = before.length && POSSESSIVE.test(before[last0]!) ? (titled(before, last0) ? 'person' : possessor(before[last0]!, index)) : undefined;
  if (owner) return owner;

  // An adjective before its noun describes that noun ("the home has aggressive staff"), not the
  // subject ("staff have had aggressive behaviour from Sam").
  if (attributive) {
    const k = kindOf(lower(tokens[0]), tokens[0]!, index, true);
    return k === 'person' || k === undefined ? 'unknown' : k;
  }

  // Subject: the nearest telling word before the match in its clause, joined to it only by BRIDGE
  // words, within twelve words. "and"/"or" ends the search (coordinated verbs: "came home and
  // refused" shares an earlier subject). Not for a noun: the subject has, reports or meets it, it
  // does not do it ("the home reports refusal", "carers have had aggression from Jack").
  let afterTo = false; // the word just looked at (nearer the match) was the infinitive "to"
  for (let i = noun ? -1 : before.length - 1, seen = 0; i >= 0 && seen < 12; seen++) {
    const orig = before[i]!;
    const t = orig.toLowerCase();
    if (t === 'and' || t === 'or' || t === 'nor') break;
    const k = titled(before, i) ? 'person' : kindOf(t, orig, index, false);
    if (k) {
      if (k !== 'person') {
        // After a preposition: a place or a qualifier, not the subject ("at school", "the GP at the
        // surgery", "his request to go out"); but "one of the carers", "a member of staff", and
        // "spoke to the GP who refused".
        const j = beforeDeterminers(before, i, index);
        if (j >= 0 && PREPOSITIONS.has(lower(before[j])) && !RELATIVES.has(lower(before[i + 1]))) {
          const head = lower(before[j - 1]);
          if (lower(before[j]) === 'of' && j > 0 && !index.has(head) && !PEOPLE.has(head)) return k;
          i = j - 1;
          afterTo = false;
          continue;
        }
        // A predicate noun describes an earlier subject: "Sam is a young man who can be aggressive".
        const c = k === 'other' ? copulaBefore(before, i, index) : -1;
        if (c >= 0) {
          if (POSSESSIVE.test(before[c]!)) return 'person';
          i = c - 1;
          afterTo = false;
          continue;
        }
        // "The young man became aggressive": the young person the record is about.
        if (YOUNG_PEOPLE.has(t) && lower(before[i - 1]) === 'young' && ['the', 'this', 'our'].includes(lower(before[i - 2]))) return 'person';
      }
      return k;
    }
    // Joining words, and the verb before an infinitive ("decided to refuse", "threatened to").
    if (
      BRIDGE.has(t) ||
      /n['’]t$/.test(t) ||
      (afterTo && !PREPOSITIONS.has(t)) ||
      (/ly$/.test(t) && !POSSESSIVE.test(t)) ||
      // a time phrase: "the GP on Monday", "staff at times", "the council in the morning"
      (PREPOSITIONS.has(t) && (TIME.has(lower(before[i + 1])) || (DETERMINERS.has(lower(before[i + 1])) && TIME.has(lower(before[i + 2])))))
    ) {
      afterTo = t === 'to';
      i--;
      continue;
    }
    // A one-word qualifier after the subject: "the GP on Monday", "the men outside the flat", "the
    // man next door", "Sam at Jack's house"; two words after "to" ("his request to go out") or
    // before an auxiliary ("a man at the bus stop was"). The preposition must not be the word just
    // looked at ("concerns about aggression" stops at "about"), and a verb after the qualifier is
    // not part of it ("staff at the unit reported aggression").
    let j = beforeDeterminers(before, i, index, 0);
    const twoWords = lower(before[j - 1]) === 'to' || (i + 1 < before.length && BRIDGE.has(lower(before[i + 1])));
    if (j >= 1 && twoWords && !PREPOSITIONS.has(lower(before[j])) && !kindOf(lower(before[j]), before[j]!, index, false)) j = beforeDeterminers(before, j, index, 0);
    const p = j >= 1 && PREPOSITIONS.has(lower(before[j])) && kindOf(lower(before[j - 1]), before[j - 1]!, index, false) ? j : -1;
    if (p < 0) break;
    i = p - 1;
    afterTo = false;
  }

  // After the match: the object ("refused the application", "allow her to"). Another person as the
  // object says nothing about who did it ("refused the nurse"); nor does a "by" that is not an agent.
  if (agent && !readAgent) return 'unknown';
  let i = agent ? 1 : 0;
  for (; i < Math.min(tokens.length, 5); i++) {
    const orig = tokens[i]!;
    const t = orig.toLowerCase();
    if (DETERMINERS.has(t) && !(t === 'her' || t === 'his')) continue;
    if ((t === 'her' || t === 'his') && !agent) {
      // "allow her to" (object) vs "refused her application" (determiner): look one word on.
      const nextK = tokens[i + 1] ? index.get(tokens[i + 1]!.toLowerCase()) : undefined;
      return nextK === 'other' ? 'unknown' : (nextK ?? 'person');
    }
    if (POSSESSIVE.test(t)) continue;
    const k = kindOf(t, orig, index, true);
    return k === 'other' ? 'unknown' : (k ?? 'unknown');
  }
  return 'unknown';
}

/**
 * Does a rule's `subject` setting let a match through? `person`: not when the match is about an
 * organisation, another person, a machine, a request or a document; `organisation`: only when an
 * organisation is the subject or agent; `any` (default): always.
 */
export function subjectAllows(setting: 'person' | 'organisation' | 'any' | undefined, about: About): boolean {
  if (!setting || setting === 'any') return true;
  if (setting === 'person') return about === 'person' || about === 'unknown';
  return about === 'organisation';
}
