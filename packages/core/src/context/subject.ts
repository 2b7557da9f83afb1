/**
 * Who a match is about, on cheap tokens: the person, or someone or something else — an
 * organisation, another person (a professional, staff, a neighbour, a stranger), a family member
 * other than a parent (a partner, a brother, a son: someone close, but not the person), a machine, a
 * request or a document ("the council refused the request", "the GP refused to prescribe", "card
 * refused", "his application was refused", "the system allows users to…"). Rules opt in with
 * `subject: person` (report only when the match is not about an organisation, another person, a
 * family member, a machine, a request or a document) or `subject: organisation` (report only when an organisation
 * is the subject or the agent: "the panel refused", "was refused by the council"). The word lists
 * are data (`rules/_context.yaml`), bundled with the rules.
 *
 * Reads a few words either side of the match inside its clause with a small clause reader — the
 * verb group before the match, then the subject's noun phrase, skipping the qualifiers and relative
 * clauses attached to it ("the man at the bus stop", "the man who groomed Tia") — and never parses.
 * Pure; never throws.
 */
import { clauseTextBefore } from './negation.js';

/**
 * What a match is about. `other`: a person other than the one the record is about. `family`:
 * someone else, but a close one — a partner, a brother or sister, a son or daughter, a friend (a
 * parent is read as the person: in children's records "Jo's mum was aggressive" is a label on an
 * adult the service works with).
 */
export type About = 'person' | 'organisation' | 'other' | 'family' | 'animal' | 'machine' | 'request' | 'document' | 'unknown';

/** The word lists (head nouns, lower case) from `rules/_context.yaml`. */
export interface ContextWords {
  /** Organisations, services and decision-making bodies: council, panel, provider, DWP… */
  organisations: string[];
  /** People other than the person: professionals, staff, neighbours, strangers (GP, driver, staff…). */
  others?: string[];
  /** Family and friends other than parents: partner, brother, sister, son, daughter, friend… */
  family?: string[];
  /** Animals: dog, cat, horse… ("the dog is aggressive", "Pat's dog, Rolo, is aggressive"). */
  animals?: string[];
  /** Machines, systems and transactions: card, payment, connection, system, app… */
  machines: string[];
  /** Requests made to an organisation: application, request, claim, referral, appeal… */
  requests: string[];
  /** Documents and rules that "allow" or "permit": policy, tenancy, lease, law, guidance… */
  documents: string[];
}

/** Compiled lookup: lower-case word → what it is. */
export type ContextIndex = Map<string, Exclude<About, 'unknown'>>;

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
  add(words?.family, 'family');
  add(words?.animals, 'animal');
  add(words?.machines, 'machine');
  add(words?.requests, 'request');
  add(words?.documents, 'document');
  return index;
}

const set = (s: string): Set<string> => new Set(s.split(' '));

/** Determiners and quantifiers: skipped around a noun. */
const DETERMINERS = set('the a an his her their its our your my this that these those any all some further new latest original');

/** Days and months (lower case, space-separated; decision-view.ts reads them too). */
export const CALENDAR_WORDS = 'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december';

/** Time words: "on Monday", "in the morning", "at times" are not what the match is about. */
const TIME = set('today yesterday tonight overnight morning afternoon evening night week weekend month year times first moment present ' + CALENDAR_WORDS);

/**
 * The verb group: words that may stand between a subject and the word it does or is — auxiliaries
 * and modals, linking verbs, negation, adverbs, time words, determiners, "as" and the infinitive
 * "to" ("the GP has not been very", "the panel decided to", "describe him as"). Any other word
 * ends it: a reporting verb ("the home reports refusal"), another verb ("staff manage
 * aggression"), a preposition governing the match ("concerns about aggression").
 */
const BRIDGE = set(
  'is was were are be been being am has have had having will would shall should can could may might must do does did ' +
    'get got gets getting became become becomes becoming seemed seem seems appeared appear appears remained remain remains ' +
    'grew grow grows turned stayed stays felt feel feels looked look looks sounded sounds proved ' +
    // "keeps refusing", "started refusing", "continued to refuse": the subject still does it.
    'keep keeps kept keeping continue continues continued start starts started began begins ' +
    'not never no longer cannot also then again just still already now often always sometimes usually generally mostly ' +
    'occasionally repeatedly consistently initially previously recently later earlier once twice ever even very quite so ' +
    'rather really extremely increasingly particularly especially bit little more most less too somewhat fairly ' +
    'last upstairs downstairs nearby opposite as to ' +
    [...DETERMINERS, ...TIME].join(' '),
);

/** Prepositions: what follows one qualifies a noun ("the GP at the surgery") or is a place ("at school"). */
const PREPOSITIONS = set(
  'at in on to from into onto with for about of near outside inside around towards toward via through throughout after before during by over across next behind beside between among under without against despite upon within beyond',
);

/**
 * Relative pronouns: "the GP who refused", "the man who groomed Tia", "the home where Sam lives" —
 * the clause belongs to the noun before it.
 */
const RELATIVES = set('who whom which that where');

/**
 * Words the subject reader stops at: "and", "or", "nor" (coordinated verbs share an earlier
 * subject: "came home and refused") and reporting verbs, after which a new clause begins ("the man
 * who said Tia was…" is about Tia; "staff said that…").
 */
/** Reporting verbs. */
const REPORTS = set('said say says told tell tells thought think thinks believed believe believes knew know knows reported reports claimed claims stated states explained explains');
const STOPS = new Set(['and', 'or', 'nor', ...REPORTS]);

/** A past-tense verb ("reported", "shouted"): never the last word of a qualifier ("staff at the unit reported refusing"). */
const PAST = /^\p{Ll}{3,}ed$/u;

/** Copulas: "Sam is a young man who…" — the noun after one describes the earlier subject. */
const COPULAS = set('is was are were be been being am became become becomes remains remained seems seemed');

/**
 * Words that make the subject a person (pronouns and people nouns). "her"/"his" are objects here.
 * Parents are the person: in children's records a label on a parent is a label on someone the
 * service works with ("Jo's mum was aggressive"); other family members are `family`.
 */
const PEOPLE = set(
  'i me he she they him them we us you himself herself themselves person boy girl child mum mother dad father ' +
    'resident tenant patient client pupil student people family',
);

/**
 * "Everyone", "someone", "nobody": not the person ("someone was aggressive to Sam at the bus stop",
 * "everyone was angry at the meeting"). "No one" and "no-one" too (read at "one").
 */
const INDEFINITES = set('everyone everybody someone somebody anyone anybody nobody noone');

/** "step-dad", "step-mum": a step-parent is family, not the person (the parent words are). */
const STEP_PARENTS = set('dad mum mother father parent parents');

/** A son or daughter in a parent's account: "Mum said her son refused to go to school". */
const CHILDREN = set('son sons daughter daughters');

/**
 * Is the son or daughter at `ws.raw[i]` in a parent's account ("Mum said her son…", "Dad told me
 * that his daughter…", "Sam's mum reports her son…")? Then the child is the one the record is
 * about. Up to three words ("me that", "the social worker") between the verb and "her son".
 */
function parentsAccount(ws: Words, i: number): boolean {
  const d = ws.low[i - 1];
  if (d !== 'her' && d !== 'his' && d !== 'their') return false;
  for (let v = i - 2; v >= Math.max(1, i - 5); v--) {
    if (REPORTS.has(ws.low[v]!)) return STEP_PARENTS.has(ws.low[v - 1]!) && ws.low[v - 2] !== 'step';
  }
  return false;
}

/** "the young man", "this young woman": in a record, the young person it is about. */
const YOUNG_PEOPLE = set('man woman men women');

/**
 * A relative clause about where someone lives, works, stays or visits places him as someone else:
 * "the young man who lives next door", "the young woman who was visiting upstairs".
 */
const PLACING = set('live lives lived living work works worked working visit visits visited visiting stay stays stayed staying');

/** Does a relative clause about where he lives, works, stays or visits follow `ws.raw[h]` ("the young man who lives next door")? */
function placedByRelative(ws: Words, h: number): boolean {
  const r = at(ws, h + 1);
  if (r !== 'who' && r !== 'that') return false;
  for (let j = h + 2; j < h + 6; j++) {
    const t = at(ws, j);
    if (PLACING.has(t)) return true;
    if (!BRIDGE.has(t) && t !== 'used') return false; // "who was staying", "who used to live"
  }
  return false;
}

/**
 * Titles: the capitalised word after one is a surname, never a listed noun ("Mr Ward", "Mrs
 * Home"). After Mr, Mrs, Ms, Miss or Mx it may be the person; after Dr, Prof, Nurse, PC, DC, Sgt,
 * Insp or Cllr it is a professional ("Dr Patel refused to prescribe").
 */
const TITLES = new Map<string, About>([
  ...'mr mrs ms miss mx'.split(' ').map((t): [string, About] => [t, 'person']),
  ...'dr prof professor nurse pc dc sgt insp cllr'.split(' ').map((t): [string, About] => [t, 'other']),
]);

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
  if (BRIDGE.has(t) || PREPOSITIONS.has(t) || RELATIVES.has(t) || CONJUNCTIONS.has(t) || /ly$/.test(t) || /n['’]t$/.test(t)) return false;
  if (t === 'it' || PEOPLE.has(t)) return false; // "adamant he could go home"
  return !/^\p{Lu}/u.test(token) || index.has(t);
}

/** Clause breaks for the subject search (relative pronouns kept: "the request which was refused"). */
const SUBJECT_BREAK = /[,;:()\[\]\u2013\u2014]|\s-\s|\b(?:but|although|though|however|whereas|whilst|while|because|unless|except|yet|instead|since|until|so)\b/gi;

/** What sets off an aside: "Jo, who has a learning disability, refused". */
const ASIDE_MARK = /[,\u2013\u2014]/;

/** Words, with an apostrophe ending ("council's", "didn't") and "passer-by" kept whole. */
const TOKEN = /[\p{L}\p{N}]+(?:-by)?(?:['’][\p{L}]+)?/gu;
const POSSESSIVE = /['’]s$/;
const lower = (s: string | undefined): string => (s ?? '').toLowerCase();

function kindOf(token: string, original: string, index: ContextIndex, objectPosition: boolean): About | undefined {
  if (POSSESSIVE.test(token)) return undefined; // a possessive ("the council's offer") qualifies the next noun
  const k = index.get(token);
  if (k) return k;
  // A name the document introduced as someone or something else ("her stepfather, Gary", "our dog, Bess").
  const cast = castKind(original, index);
  if (cast) return cast;
  if (token === 'it') return 'machine';
  if (INDEFINITES.has(token)) return 'other';
  if (PEOPLE.has(token)) return 'person';
  if (objectPosition && (token === 'her' || token === 'his')) return 'person';
  // A capitalised word that is not a known word is most likely a name ("Jack", "Mrs Patel"); "Dr" on its own is a doctor.
  if (/^\p{Lu}\p{Ll}/u.test(original) && !BRIDGE.has(token) && !PREPOSITIONS.has(token) && !RELATIVES.has(token) && !COMMON_STARTERS.has(token)) return TITLES.get(token) ?? 'person';
  return undefined;
}

/**
 * A clause's words as written and in lower case, with what each makes a subject (`kindAt`), worked
 * out once: the reader looks at each word several times.
 */
interface Words {
  raw: string[];
  low: string[];
  kinds: (About | null)[];
}
const wordsOf = (raw: string[]): Words => ({ raw, low: raw.map((t) => t.toLowerCase()), kinds: [] });
/** The lower-case word at `i`, or '' outside the clause. */
const at = (ws: Words, i: number): string => ws.low[i] ?? '';

/** A surname straight after a title: the person ("Mr Ward", "Mrs Home's") or a professional ("Dr Patel", "PC Jones"). */
function titled(ws: Words, i: number): About | undefined {
  const kind = TITLES.get(at(ws, i - 1));
  if (!kind || !/^\p{Lu}/u.test(ws.raw[i] ?? '')) return undefined;
  return kind === 'other' && !/^\p{Lu}/u.test(ws.raw[i - 1]!) ? undefined : kind; // "the nurse Jo saw" is not a title
}

/** What `ws.raw[i]` makes the subject, if anything: a listed noun, a pronoun or people word, a name, a titled surname. */
function kindAt(ws: Words, i: number, index: ContextIndex): About | undefined {
  if (i < 0 || i >= ws.raw.length) return undefined;
  let kind = ws.kinds[i];
  if (kind === undefined) {
    kind = titled(ws, i) ?? kindOf(ws.low[i]!, ws.raw[i]!, index, false) ?? null;
    // A step-parent ("her step-dad"), and a name after a family word ("her brother Tom"), are family.
    if (kind === null && ws.low[i] === 'one' && ws.low[i - 1] === 'no') kind = 'other'; // "no one", "no-one"
    else if (kind === 'person' && ws.low[i - 1] === 'step' && STEP_PARENTS.has(ws.low[i]!)) kind = 'family';
    else if (kind === 'person' && i > 0 && !PRONOUNS.has(ws.low[i]!) && /^\p{Lu}/u.test(ws.raw[i]!) && kindAt(ws, i - 1, index) === 'family') kind = 'family';
    else if (kind === 'family' && CHILDREN.has(ws.low[i]!) && parentsAccount(ws, i)) kind = 'person';
    ws.kinds[i] = kind;
  }
  return kind ?? undefined;
}

/** The kind of the owner in a possessive ("the council's", "Sam's", "he's"), if known. */
function possessor(token: string, index: ContextIndex): About | undefined {
  const base = token.replace(POSSESSIVE, '');
  return kindOf(base.toLowerCase(), base, index, false);
}

/**
 * A predicate noun: "Sam is a young man who…", "He's a carer who…". Returns the index of the
 * copula (or of a pronoun or name with "'s") just before the noun's "a", "an", "the" or "this"
 * (at most four words before the noun), or -1.
 */
function copulaBefore(ws: Words, i: number, index: ContextIndex): number {
  for (let j = i - 1; j >= Math.max(1, i - 5); j--) {
    const t = at(ws, j);
    if (t === 'a' || t === 'an' || t === 'the' || t === 'this') {
      const c = ws.raw[j - 1]!;
      if (COPULAS.has(at(ws, j - 1))) return j - 1;
      if (POSSESSIVE.test(c) && possessor(c, index) === 'person') return j - 1;
      return -1;
    }
    if (COPULAS.has(t) || RELATIVES.has(t) || PREPOSITIONS.has(t) || t === 'and' || t === 'or' || kindOf(t, ws.raw[j]!, index, false)) return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// The clause reader. Before the match, read back: the verb group ("has not been", "decided to"),
// then the noun phrase of its subject ("[determiners] [modifiers] head"), and then whatever that
// phrase is part of: a qualifier ("at the bus stop", "of the home") belongs to the noun before its
// preposition; a relative clause ("who groomed Tia", "who was at the bus stop") to the noun before
// its "who", "which" or "that". The noun reached that way is the subject.
// ---------------------------------------------------------------------------------------------

/** Is `ws.raw[i]` a time phrase's preposition ("on Monday", "in the morning")? */
const timePhrase = (ws: Words, i: number): boolean =>
  PREPOSITIONS.has(at(ws, i)) && (TIME.has(at(ws, i + 1)) || (DETERMINERS.has(at(ws, i + 1)) && TIME.has(at(ws, i + 2))));

/** Is `ws.raw[i]` a relative pronoun (not "that" after a verb such as "felt that")? */
const isRelative = (ws: Words, i: number): boolean => RELATIVES.has(at(ws, i)) && !BRIDGE.has(at(ws, i - 1)) && !STOPS.has(at(ws, i - 1));

/**
 * The index of the last word before the verb group that ends at `end`, the match (-1 if the clause
 * holds nothing else): skips auxiliaries, adverbs, negation, time phrases and the verb before an
 * infinitive ("the panel decided to refuse"), within twelve words. When the match is an adverb
 * (`adverb`), the word just before it is the verb it qualifies, and part of the group too ("a man
 * was shouting aggressively", "the driver responded aggressively").
 */
function beforeVerbGroup(ws: Words, end: number, index: ContextIndex, adverb = false): number {
  let i = end - 1;
  for (let afterTo = false; i >= 0 && i >= end - 12; i--) {
    const t = at(ws, i);
    if (kindAt(ws, i, index) || isRelative(ws, i)) break;
    const qualified = adverb && i === end - 1 && /[a-z]/.test(t) && !PREPOSITIONS.has(t) && !STOPS.has(t) && !PRONOUNS.has(t) && !POSSESSIVE.test(t);
    const joins = qualified || BRIDGE.has(t) || /n['’]t$/.test(t) || (/ly$/.test(t) && !POSSESSIVE.test(t)) || (afterTo && !PREPOSITIONS.has(t)) || timePhrase(ws, i);
    if (!joins) break;
    afterTo = t === 'to';
  }
  return i;
}

/** May `t` be a modifier in a noun phrase ("taxi driver", "bus stop", "8.15", "night shift", "Oak House", "Dr Okafor")? */
const isModifier = (t: string): boolean =>
  (!BRIDGE.has(t) || TIME.has(t)) && !PREPOSITIONS.has(t) && !RELATIVES.has(t) && !STOPS.has(t) && !PAST.test(t) && !PEOPLE.has(t) && t !== 'it' && !/n['’]t$/.test(t);

/** A part of a group: "one of the carers", "a member of staff", "some of the neighbours" are the carers, staff and neighbours. */
const PARTS = set('one two three some all none both each either neither many most several few member members group couple number lot lots rest majority');

/** Personal and indefinite pronouns: a noun phrase on their own. */
const PRONOUNS = new Set([...set('i me he she they him them we us you it'), ...INDEFINITES]);

/**
 * The first index of the noun phrase whose last word is `ws.raw[k]`: its modifiers — numbers,
 * possessives, and one plain word ("the bus stop", "the 8.15 bus", "Jack's day centre"), or
 * capitalised words before a name ("Oak House", "Dr Okafor") — then its determiners. One plain
 * word only, so a verb is not read as a modifier ("staff at the unit describe residents as…").
 */
function phraseStart(ws: Words, k: number): number {
  if (PRONOUNS.has(at(ws, k))) return k;
  const named = /^\p{Lu}/u.test(ws.raw[k]!);
  let s = k;
  for (let plain = 0; s > 0 && s > k - 4; s--) {
    const t = at(ws, s - 1);
    if (/^\p{N}/u.test(t) || POSSESSIVE.test(t)) continue;
    if (!isModifier(t) || (named ? !/^\p{Lu}/u.test(ws.raw[s - 1]!) : plain++ > 0)) break;
  }
  while (s > 0 && DETERMINERS.has(at(ws, s - 1)) && !(at(ws, s - 1) === 'that' && s < k)) s--;
  return s;
}

/**
 * The index of the subject's head, reading back from `ws.raw[k]`, the last word before the verb
 * group, or -1 when there is no subject there: a past verb ("staff at the unit reported
 * refusing"), or a noun after a preposition with nothing it qualifies ("at school refused", "went
 * to the GP to refuse"). With `relative`, `ws.raw[k]` is the word before "who", "which" or "that",
 * and a noun there is the subject wherever it stands ("spoke to the GP who refused").
 */
function subjectHead(ws: Words, k: number, index: ContextIndex, relative: boolean): number {
  if (k < 0 || STOPS.has(at(ws, k))) return -1;
  let head = kindAt(ws, k, index) ? k : -1;
  if (relative && head >= 0) return head;
  if (head < 0 && (PAST.test(ws.raw[k]!) || (relative && !isModifier(at(ws, k))))) return -1;
  let pending = false; // the words read so far qualify a noun further back, not found yet
  for (let steps = 0; steps < 4 && k >= 0; steps++) {
    const start = phraseStart(ws, k);
    const b = start - 1;
    if (b < 0) break;
    const prep = at(ws, b);
    if (PREPOSITIONS.has(prep)) {
      // A qualifier: the noun before the preposition is the subject ("the man at the bus stop",
      // "staff on the night shift", "the manager of the home", "Sam in front of the staff"); but
      // "one of the carers" and "a member of staff" are about the carers and staff.
      const h = b - 1;
      if (prep === 'of' && head >= 0 && PARTS.has(at(ws, h))) break;
      pending = h < 0 || !kindAt(ws, h, index); // "the end of the road", "went to the GP", "at school"
      if (!pending) head = h;
      k = h;
      continue;
    }
    // A relative clause: the noun before "who" is the subject ("the man who groomed Tia", "the
    // carer who supports Jo", "the man who was at the bus stop"), with the relative clause's verb
    // (up to two words) between. A bare phrase straight after "that" or "who" is the relative
    // clause's own subject: "the tablets that Jo refused".
    let r = b;
    while (r > b - 2 && r > 0 && !isRelative(ws, r) && !STOPS.has(at(ws, r)) && !PREPOSITIONS.has(at(ws, r)) && !kindAt(ws, r, index)) r--;
    let bare = r === b && k === head;
    for (let j = start; j < k && bare; j++) bare = DETERMINERS.has(at(ws, j));
    if (r < 1 || !isRelative(ws, r) || bare) break;
    head = kindAt(ws, r - 1, index) ? r - 1 : -1;
    pending = false;
    k = r - 1;
  }
  return pending ? -1 : head;
}

/**
 * What the subject whose head is `ws.raw[h]` is: "the young man" and "Sam is a young man who…" are
 * the person; "the young man at the bus stop" and "the young man who lives next door", placed by a
 * qualifier or by where he lives, works or visits, are someone else.
 */
function subjectKind(ws: Words, h: number, index: ContextIndex): About | undefined {
  const kind = kindAt(ws, h, index);
  if ((kind !== 'other' && kind !== 'family') || titled(ws, h)) return kind;
  const t = at(ws, h);
  const placed = (PREPOSITIONS.has(at(ws, h + 1)) && !timePhrase(ws, h + 1)) || placedByRelative(ws, h);
  if (YOUNG_PEOPLE.has(t) && !placed && at(ws, h - 1) === 'young' && ['the', 'this', 'our'].includes(at(ws, h - 2))) return 'person';
  const c = copulaBefore(ws, h, index);
  if (c < 0) return kind;
  if (POSSESSIVE.test(ws.raw[c]!)) return 'person';
  const earlier = subjectHead(ws, beforeVerbGroup(ws, c, index), index, false);
  return earlier >= 0 ? subjectKind(ws, earlier, index) : undefined;
}

/**
 * What the subject joined by "and" or "or" to the noun phrase that ends at `ws.raw[h]` is ("**Sam**
 * and his brother were…", "**Sam** and the man at the bus stop…"), or undefined when there is none.
 */
function coordinated(ws: Words, h: number, index: ContextIndex): About | undefined {
  const p = phraseStart(ws, h);
  if (p < 2 || (at(ws, p - 1) !== 'and' && at(ws, p - 1) !== 'or')) return undefined;
  const e = subjectHead(ws, p - 2, index, false);
  return e >= 0 ? subjectKind(ws, e, index) : undefined;
}

/**
 * The subject shared across "and" ending at `ws.raw[and]`: "the carer was rude **and** refused",
 * "the carer arrived late and refused". Reads back over the verb group and at most two plain words
 * (no preposition, no object: the word before "and" must not itself be a noun, a name or a
 * pronoun) to the subject's noun phrase. Undefined when it is not that simple.
 */
function sharedSubject(ws: Words, and: number, index: ContextIndex): About | undefined {
  let plain = 0;
  for (let j = and - 1; j >= 0 && j >= and - 7; j--) {
    const t = at(ws, j);
    if (kindAt(ws, j, index)) {
      if (j === and - 1 || plain === 0) return undefined;
      const h = subjectHead(ws, j, index, false);
      if (h < 0) return undefined;
      // A verb right before the noun phrase makes it an object, and the verbs after "and" are the
      // clause's opening subject's: "Sam pushed the carer away and was aggressive", "Kofi took
      // the dog out and went walkabout".
      const p = phraseStart(ws, h);
      if (p > 0 && isVerbBeforeObject(ws.raw[p - 1]!, at(ws, p - 1))) return undefined;
      // So does a reporting verb with a particle after the noun phrase: "Sam told the nurse off
      // and refused his tablets" is Sam's ("told … off" is not "told the nurse that …").
      if (p > 0 && REPORTS.has(at(ws, p - 1)) && PARTICLES.has(at(ws, j + 1))) return undefined;
      return subjectKind(ws, h, index);
    }
    if (BRIDGE.has(t) || (/ly$/.test(t) && !POSSESSIVE.test(t))) continue;
    if (PREPOSITIONS.has(t) || STOPS.has(t) || RELATIVES.has(t) || CONJUNCTIONS.has(t) || POSSESSIVE.test(t) || !/^\p{Ll}+$/u.test(ws.raw[j]!) || ++plain > 2) return undefined;
  }
  return undefined;
}

/** Particles of phrasal verbs that follow their object: "told the nurse off", "sent the carer away". */
const PARTICLES = set('off away out back up down over');

/**
 * Is the word before a noun phrase a verb that takes it as its object ("pushed", "took", "told …
 * off")? A plain lower-case word that is none of the words a subject may follow: not a verb-group
 * word, time word, preposition, relative, conjunction, reporting verb (whose clause may open with
 * a new subject: "staff said the carer was late and …") or adverb in -ly.
 */
function isVerbBeforeObject(raw: string, t: string): boolean {
  return /^\p{Ll}{2,}$/u.test(raw) && !BRIDGE.has(t) && !TIME.has(t) && !PREPOSITIONS.has(t) && !RELATIVES.has(t) && !CONJUNCTIONS.has(t) && !STOPS.has(t) && !DETERMINERS.has(t) && !t.endsWith('ly');
}

/**
 * The subject a clause opens with, before the "and" at `ws.raw[and]`: its first pronoun, name or
 * listed noun (after any reporting verb, "that" or "who"), when a verb (a verb group word or a past
 * tense) follows it ("over the last visits **they** have argued …", "**Paddy** thanked …").
 * Undefined when there is none.
 */
function clauseSubject(ws: Words, and: number, index: ContextIndex): About | undefined {
  // A reported or relative clause opens after its verb or pronoun: "staff told the manager that
  // her father was up at 3am and refused" is her father's.
  let start = 0;
  for (let j = 0; j < and; j++) if (REPORTS.has(at(ws, j)) || RELATIVES.has(at(ws, j))) start = j + 1;
  for (let j = start; j < and - 1; j++) {
    if (!kindAt(ws, j, index)) continue;
    const next = at(ws, j + 1);
    const verb = (BRIDGE.has(next) && next !== 'to' && next !== 'as' && !DETERMINERS.has(next) && !TIME.has(next)) || PAST.test(next);
    if (!verb) return undefined; // "Went to the office and refused": no subject
    const h = subjectHead(ws, j, index, false);
    return h >= 0 ? subjectKind(ws, h, index) : undefined;
  }
  return undefined;
}

/** Names the document introduced as someone or something else are stored in the index under "@Name". */
const CAST = '@';
/** Cast names whose role word is a man's ("@m:Gary") or a woman's ("@f:Sue") word, for the pronoun reading. */
const CAST_MAN = '@m:';
const CAST_WOMAN = '@f:';

/** What the document introduced the capitalised name `original` ("Gary", "Bess") as, if anything. */
function castKind(original: string, index: ContextIndex): About | undefined {
  if (!/^\p{Lu}\p{Ll}/u.test(original)) return undefined;
  return index.get(CAST + original.replace(POSSESSIVE, ''));
}

/**
 * A name introduced in apposition to a listed word, or "called", "named" or "known as" after one:
 * "her ex-partner, Dean,", "Pat's dog, Rolo,", "our dog, Bess.", "his support worker, Lena",
 * "a man called Gary", "a man in his forties called Gary". The role word may have up to two
 * words before it ("her ex-partner", "his support worker", "the night care worker", "her nan's
 * partner").
 */
const CAST_NAME = /\s(\p{Lu}\p{Ll}+)\b(?!['’]s)(?=\s*[,.;:)!?]|\s+(?:and|who|is|was|has|had|were|are|said|says|told)\b)/gu;
/** What comes before such a name, up to it: "her ex-partner, ", "Pat's dog, ", "a man called ". */
const CAST_ROLE = /\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|\p{Lu}\p{Ll}+['’]s)\s+((?:\p{Ll}+(?:['’]s)?[\s-]){0,2}?)(\p{Ll}+)(?:\s+(?:in|from|at|of|with)\s+(?:his|her|their|the|a|an)\s+\p{Ll}+(?=\s+(?:called|named|known)\b))?,?\s+(?:called\s+|named\s+|known\s+as\s+)?$/u;
/** A preposition of place just before a cast role's determiner: "on the ward Albert", "at the centre Rosa". */
const PLACE_BEFORE = /\b(?:on|at|in|into|inside|outside|from|around|round|across|within|throughout|near)\s+$/i;
/**
 * Does a preposition of place come just before the role's own determiner in `intro` (CAST_ROLE's
 * match, starting at `at`)? The determiner nearest the role counts: in "at the pub the landlord Gary"
 * it is the landlord's "the", after "pub", so Gary is still the landlord.
 */
function placeBefore(text: string, from: number, at: number, intro: string): boolean {
  let det = 0;
  for (const d of intro.matchAll(/\b(?:the|a|an|his|her|their|my|our)\s/gi)) det = d.index;
  const p = at + det;
  return PLACE_BEFORE.test(text.slice(Math.max(from, p - 12), p));
}
/** How far before a name its introduction is read. */
const CAST_REACH = 100;

const isSpaceAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]!));
};
const isLowerAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c > 127 && /\p{Ll}/u.test(text[i]!));
};

/**
 * Could CAST_ROLE give the name at `at` a role castOf uses? Only when the lower-case word right
 * before it, past whitespace and a comma (CAST_ROLE's role, when no "called" follows the role), is
 * a known kind or a gendered word, or is "called", "named" or "as" (the role is further back). A
 * quick test, read back from the name, that never says no where CAST_ROLE would find a role castOf
 * keeps; most names follow a word that is neither ("told Sam", "with Sam").
 */
function mayBeCast(text: string, at: number, index: ContextIndex): boolean {
  let e = at;
  while (e > 0 && isSpaceAt(text, e - 1)) e--;
  if (e === at) return false;
  if (text.charCodeAt(e - 1) === 44) e--; // ","
  let b = e;
  while (b > 0 && isLowerAt(text, b - 1)) b--;
  if (b === e) return false;
  const w = text.slice(b, e);
  return w === 'called' || w === 'named' || w === 'as' || index.has(w) || MEN.has(w) || WOMEN.has(w);
}

/** A son or daughter introduced by name may be the child the record is about ("Tasha's son, Kai"): never cast. */
const NOT_CAST = set('son sons daughter daughters stepson stepdaughter child children grandchild grandchildren');

/**
 * The document's cast: `index` plus the names it introduces as someone or something other than
 * the person ("her stepfather, Gary", "the neighbour's dog, Rolo", "his support worker, Lena"), so
 * that "Gary was angry" and "Rolo is aggressive" further on are read as the stepfather's and the
 * dog's. Parents are not listed words, so "his mum, Tasha" stays the person (as a parent is); a son
 * or daughter is never cast. A name introduced as two different kinds is left alone. Returns
 * `index` itself when the document introduces no one. Pure; one pass of one regex.
 */
export function castOf(text: string, index: ContextIndex): ContextIndex {
  let cast: CastIndex | undefined;
  const clash = new Set<string>();
  // Genders shown for names that stay the person: "@f:Mia" or "@m:Mia" ("both" when the record shows both).
  const seen = new Map<string, string>();
  // Each capitalised name followed by a comma, a full stop or a verb, then what comes before it
  // (one regex over the text for the names, a short one before each: reading the introduction
  // from every "the" and "a" of the text cost a quarter of a note's analysis).
  CAST_NAME.lastIndex = 0;
  for (let n = CAST_NAME.exec(text); n; n = CAST_NAME.exec(text)) {
    const at = n.index + 1;
    // The word right before the name (past a comma) is the role, unless it is "called", "named" or
    // "as": a name after an unknown word is never cast, so most names need no CAST_ROLE search.
    if (!mayBeCast(text, at, index)) continue;
    let from = Math.max(0, at - CAST_REACH);
    // Start the window at a word's start, so that "Other" is never read as "her".
    while (from > 0 && from < at && /[\p{L}\p{N}]/u.test(text[from - 1]!)) from++;
    const m = CAST_ROLE.exec(text.slice(from, at));
    if (!m) continue;
    const role = m[2]!;
    const name = n[1]!;
    const l = name.toLowerCase();
    const kind = index.get(role);
    if (!kind && (MEN.has(role) || WOMEN.has(role)) && !notName(l, index)) {
      // A parent (not cast: read as the person) still shows a gender: "Mia's mum, Kerry, …" is a she.
      const g = MEN.has(role) ? CAST_MAN : CAST_WOMAN;
      const had = seen.get(name);
      seen.set(name, had && had !== g ? 'both' : g);
      continue;
    }
    if (kind && NOT_CAST.has(role) && (MEN.has(role) || WOMEN.has(role)) && !notName(l, index)) {
      // A son or daughter is not cast (the record may be about them) but shows a gender: "her son, Dan".
      const g = MEN.has(role) ? CAST_MAN : CAST_WOMAN;
      const had = seen.get(name);
      seen.set(name, had && had !== g ? 'both' : g);
      continue;
    }
    if (!kind || kind === 'request' || kind === 'document' || NOT_CAST.has(role) || notName(l, index)) continue;
    // A place the sentence opens with, then the person: "On the ward Albert has been up at night",
    // "At the centre Rosa runs the knitting table". With no comma and no "called", a place word
    // after "on", "at", "in" … is where the name is, not the name's role (2026-11-28).
    if (kind === 'organisation' && !/[,]|\b(?:called|named|known)\b/.test(m[0]) && placeBefore(text, from, from + m.index, m[0])) continue;
    cast ??= new CastIndex(index);
    const key = CAST + name;
    const had = cast.get(key);
    if (had && had !== kind) clash.add(key);
    cast.set(key, kind);
    if (MEN.has(role)) cast.set(CAST_MAN + name, kind);
    if (WOMEN.has(role)) cast.set(CAST_WOMAN + name, kind);
  }
  // Someone who grooms or exploits others is not the person (LEXICON BLA-10: describing a
  // perpetrator as manipulative is accurate): "Jax has been grooming Leo" … "Jax is manipulative".
  // Active voice only, with an object after it: "Leo was groomed by Jax" casts no one. The verb is
  // found first (a literal), then the name read back from it.
  GROOMING.lastIndex = 0;
  for (let m = GROOMING.exec(text); m; m = GROOMING.exec(text)) {
    const name = GROOMER_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
    if (!name || notName(name.toLowerCase(), index)) continue;
    cast ??= new CastIndex(index);
    const key = CAST + name;
    const had = cast.get(key);
    if (had && had !== 'other') clash.add(key);
    cast.set(key, 'other');
  }
  // The person's gender, where the record shows it: "Mia said her stepfather …" (her is Mia's).
  // Stored as "@f:Mia" or "@m:Mia" only (Mia stays the person); both kinds of evidence, neither.
  GENDER_CUE.lastIndex = 0;
  for (let m = GENDER_CUE.exec(text); m; m = GENDER_CUE.exec(text)) {
    const name = SPEAKER_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    if (!name || notName(name.toLowerCase(), index) || (cast ?? index).has(CAST + name)) continue;
    const g = (m[1] ?? m[2])!.toLowerCase() === 'her' ? CAST_WOMAN : CAST_MAN;
    const had = seen.get(name);
    seen.set(name, had && had !== g ? 'both' : g);
  }
  for (const [name, g] of seen) {
    if (g === 'both') continue;
    cast ??= new CastIndex(index);
    cast.set(g + name, 'person');
  }
  if (!cast) return index;
  for (const key of clash) cast.delete(key);
  return cast;
}

/**
 * The rule set's word index with a document's cast laid over it: a few entries of its own, the
 * rest read from the index it was made from (copying a whole index for each document cost more
 * than the reading it serves).
 */
class CastIndex extends Map<string, Exclude<About, 'unknown'>> {
  constructor(private readonly base: ContextIndex) {
    super();
  }

  override get(key: string): Exclude<About, 'unknown'> | undefined {
    return super.get(key) ?? this.base.get(key);
  }

  override has(key: string): boolean {
    return super.has(key) || this.base.has(key);
  }
}

/** "… has been grooming Leo", "… exploited younger boys": grooming, exploiting or trafficking someone (active, with an object after it). */
const GROOMING = /\b(?:grooming|grooms|groomed|exploiting|exploits|exploited|trafficking|trafficked) (?=\p{Lu}\p{Ll}|(?:him|her|them|young|younger|other|local|vulnerable|children|boys|girls|teenagers|pupils)\b)/gu;
/** The name doing it, just before the verb: "Jax has been ", "Dean ". */
const GROOMER_BEFORE = /(?:^|[^\p{L}\p{N}'’])(\p{Lu}\p{Ll}+) (?:has been |had been |have been |is |was |has |had |)$/u;

/**
 * "Mia said her stepfather …", "Tom told me his sister …": the possessive after a reporting verb is
 * the speaker's; so is one before a relative after "told", "asked" or "rang" ("Mia told her mum").
 */
const GENDER_CUE = /\b(?:(?:said|says|told (?:me|us)|explained|explains|disclosed|discloses) (?:that )?(her|his) (?=\p{Ll})|(?:told|tells|asked|asks|rang|phoned) (her|his) (?=(?:mum|mother|dad|father|nan|gran|grandma|grandad|teacher|sister|brother|aunt|uncle)\b))/gu;
/** The speaker, just before the verb: "Mia ". */
const SPEAKER_BEFORE = /(?:^|[^\p{L}\p{N}'’])(\p{Lu}\p{Ll}+) $/u;

/** A he or she as the subject of the match's clause: "… when he is", "Mia said he is very". */
const PRONOUN_SUBJECT = /\b(he|she)(?:\s+(?:is|was|were|are|has|had|been|be|being|can|could|would|will|gets|got|became|becomes|seemed|seems|felt|very|so|really|quite|often|sometimes|always|also|still|then|not|never|can't|cannot|isn't|wasn't|gets|getting))*\s*$/i;

/**
 * What a "he" or "she" subject of the match stands for, when the paragraph before it (`before`,
 * up to the match) leaves only one kind of candidate: everyone it mentions whom the pronoun could
 * mean — by gender — is someone the document introduced as someone else ("her stepfather, Gary").
 * "Mia said her stepfather, Gary, locks her in her room when **he** is angry" is Gary's anger, when
 * Mia is shown to be a girl ("Mia said her …") and no one else a "he" could mean is named. Any name
 * of unknown gender, any people word the pronoun fits ("the client", "resident"), or the pronoun's
 * own forms before the first candidate ("his brother, Ali, came. He …": "his" may be the person)
 * leave it to the other readings (undefined). Pure; reads the paragraph's words once.
 */
export function paragraphPronounReferent(before: string, index: ContextIndex): About | undefined {
  const sub = PRONOUN_SUBJECT.exec(before);
  if (!sub) return undefined;
  const pronoun = sub[1]!.toLowerCase() === 'he' ? 'He' : 'She';
  const own = FORMS[pronoun]!;
  const wrongGender = pronoun === 'He' ? CAST_WOMAN : CAST_MAN;
  let found: About | undefined;
  for (const w of before.slice(0, sub.index).match(TOKEN) ?? []) {
    const bare = w.replace(POSSESSIVE, '');
    const l = bare.toLowerCase();
    if (own.has(l)) {
      if (!found) return undefined; // "his … He": may be the person
      continue;
    }
    if (/^\p{Lu}/u.test(w) && !notName(l, index) && !CALENDAR.has(l.replace(/s$/, ''))) {
      if (index.has(wrongGender + bare)) continue; // a name shown to be the other gender
      // "Mum", "Dad" or "Nan" written as a name, of the other gender: "We took Mum's dog, Biscuit,
      // out. He …" cannot be Mum (2026-11-28, the seventy-first check).
      if (!fits(l, pronoun)) continue;
      const c = castKind(bare, index);
      if (!c) return undefined; // a name that may be the person
      found = c;
      continue;
    }
    if (PERSON_WORDS.has(l) || l === 'person' || l === 'young') {
      if (fits(l, pronoun) && l !== 'young') return undefined;
      continue;
    }
    const k = index.get(l);
    if ((k === 'other' || k === 'family') && fits(l, pronoun)) found = k;
  }
  return found;
}

/**
 * The subject of the clause that ends at `relStart`, if one is found: the noun phrase before the
 * verb group, or, when the clause is only a verb group after an aside ("Jo, who has a learning
 * disability, refused"), the noun before the aside.
 */
function subjectBefore(sentence: string, relStart: number, clause: string, ws: Words, index: ContextIndex, adverb: boolean): About | undefined {
  const i = beforeVerbGroup(ws, ws.raw.length, index, adverb);
  if (i >= 1 && at(ws, i) === 'and') {
    // "Mum's old carer was rude and refused to help": the verbs share the subject of the predicate
    // before "and" — when that predicate is only a verb group and a word or two ("was rude",
    // "arrived late"), never an object ("Sam hit the carer and refused" is Sam's).
    const shared = sharedSubject(ws, i, index);
    if (shared && shared !== 'person') return shared;
    // With an object before "and", the verbs share the clause's opening subject: "over the last
    // visits they have argued with the nurse and have refused a referral" is theirs, not the
    // referral's (a request as object would otherwise read as an organisation refusing it).
    if (!shared) {
      const opening = clauseSubject(ws, i, index);
      if (opening) return opening;
    }
  }
  if (i >= 0) {
    const relative = isRelative(ws, i);
    const h = subjectHead(ws, relative ? i - 1 : i, index, relative);
    const kind = h >= 0 ? subjectKind(ws, h, index) : undefined;
    const joined = relative || kind === 'person' ? undefined : coordinated(ws, h >= 0 ? h : i, index);
    // Someone together with the person ("Sam and his brother were aggressive") is about the person
    // too; family together with someone else ("the neighbour and his brother") is not.
    return joined === 'person' ? 'person' : (kind ?? joined);
  }
  // ", who … ," or "– which … –" just before: a relative clause set off as an aside.
  const asideEnd = relStart - clause.length - 1;
  if (asideEnd < 1 || !ASIDE_MARK.test(sentence[asideEnd]!)) return undefined;
  const aside = clauseTextBefore(sentence, asideEnd, 120, SUBJECT_BREAK);
  const asideStart = asideEnd - aside.length - 1;
  if (asideStart < 1 || !ASIDE_MARK.test(sentence[asideStart]!)) return undefined;
  // A name in apposition: "her ex-partner, Dean, refused to leave", "Pat's dog, Rolo, is
  // aggressive" — the noun before the name says who (or what) it is.
  // The name may carry a title: "the lodger in the back room, Mr Amis, was rude".
  const appositive = /^\s*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(\p{Lu}\p{Ll}+)\s*$/u.exec(aside);
  if (!appositive && !/^\s*(?:who|which)\b/i.test(aside)) return roleAfterName(sentence, asideStart, aside, index);
  const outer = wordsOf(clauseTextBefore(sentence, asideStart, 120, SUBJECT_BREAK).match(TOKEN) ?? []);
  if (appositive) {
    const k = outer.raw.length - 1;
    let kind = k >= 0 && !POSSESSIVE.test(outer.raw[k]!) ? index.get(at(outer, k)) : undefined;
    if (!kind && k > 0) {
      // The role word with a qualifier after it: "the lodger in the back room, Mr Amis,".
      const h = subjectHead(outer, k, index, false);
      if (h >= 0 && h < k) kind = index.get(at(outer, h));
    }
    return kind && kind !== 'request' && kind !== 'document' ? kind : castKind(appositive[1]!, index);
  }
  const h = subjectHead(outer, outer.raw.length - 1, index, true);
  return h >= 0 ? subjectKind(outer, h, index) : undefined;
}

/** A role set off by commas: "our dog", "her ex-husband", "the neighbour's cat". */
const ROLE_ASIDE = /^\s*(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|\p{Lu}\p{Ll}+['’]s)\s+(?:\p{Ll}+(?:['’]s)?[\s-]){0,2}?(\p{Ll}+)\s*$/u;

/**
 * The apposition the other way round, a lone name and then its role: "Bramble, our dog, goes
 * walkabout", "Neil, her ex-husband, refused to hand back the keys" (2026-11-28, the
 * seventy-first check). Only when nothing but the name (and a title) stands before the aside, so
 * "On Monday Sam, her son, …" is left to the other readings.
 */
function roleAfterName(sentence: string, asideStart: number, aside: string, index: ContextIndex): About | undefined {
  const role = ROLE_ASIDE.exec(aside);
  if (!role) return undefined;
  const kind = index.get(role[1]!);
  // A son or a daughter may be the person the record is about, as castOf reads them.
  if (!kind || kind === 'request' || kind === 'document' || NOT_CAST.has(role[1]!)) return undefined;
  const before = (clauseTextBefore(sentence, asideStart, 120, SUBJECT_BREAK).match(TOKEN) ?? []).filter((t) => !TITLE_WORD.test(t));
  if (before.length !== 1 || !/^\p{Lu}\p{Ll}+$/u.test(before[0]!) || notName(before[0]!.toLowerCase(), index)) return undefined;
  return kind;
}
const TITLE_WORD = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr)$/;

/**
 * What the match at [relStart, relEnd) of `sentence` is about, looking first at an agent ("was
 * refused by the council"), then at an owner ("the council's refusal"), then at the subject the
 * clause reader finds before it, then at an object just after it ("refused the application",
 * "allow her to").
 */
export function aboutWhom(sentence: string, relStart: number, relEnd: number, index: ContextIndex): About {
  const clause = clauseTextBefore(sentence, relStart, 120, SUBJECT_BREAK);
  const before = wordsOf(clause.match(TOKEN) ?? []);
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
    let j = before.raw.length - 1;
    while (j >= 0 && (BRIDGE.has(at(before, j)) || /ly$/.test(at(before, j))) && !DETERMINERS.has(at(before, j))) j--;
    if (j >= 1 && ['a', 'an'].includes(at(before, j)) && COPULAS.has(at(before, j - 1))) attributive = false;
  }

  // Agent first: "was refused by the council", "refusal by the GP", "aggression from a stranger",
  // "by Dr Patel". Not "by" after an adjective or a feeling, or after "as": there it is not the one
  // doing it ("described as aggressive by staff", "angered by the council").
  const first = lower(tokens[0]);
  const agent = first === 'by' || (noun && first === 'from');
  const readAgent = agent && (noun || (!ADJECTIVAL.test(last) && !FEELINGS.has(last) && at(before, before.raw.length - 1) !== 'as'));
  if (readAgent) {
    const agentWords = wordsOf(tokens.slice(0, 6));
    for (let j = 1; j < Math.min(tokens.length, 5); j++) {
      const t = at(agentWords, j);
      if (DETERMINERS.has(t) || POSSESSIVE.test(t)) continue;
      const k = index.get(t) ?? (titled(agentWords, j + 1) === 'other' ? 'other' : undefined);
      if (k) return k;
      break;
    }
  }

  // A possessive right before the match owns it: "the council's refusal", "Sam's aggression".
  const last0 = before.raw.length - 1;
  const owner = last0 >= 0 && POSSESSIVE.test(before.raw[last0]!) ? (titled(before, last0) ?? possessor(before.raw[last0]!, index)) : undefined;
  if (owner) return owner;

  // An adjective before its noun describes that noun ("the home has aggressive staff"), not the
  // subject ("staff have had aggressive behaviour from Sam").
  if (attributive) {
    const k = kindOf(lower(tokens[0]), tokens[0]!, index, true);
    return k === 'person' || k === undefined ? 'unknown' : k;
  }

  // The subject, unless the match is a noun: the subject has, reports or meets a noun, it does not
  // do it ("the home reports refusal", "carers have had aggression from Jack").
  const subject = noun ? undefined : subjectBefore(sentence, relStart, clause, before, index, matchWords.length === 1 && /ly$/.test(last));
  if (subject) return subject;

  // After the match: the object ("refused the application", "allow her to"). Another person as the
  // object says nothing about who did it ("refused the nurse"); nor does a "by" that is not an agent.
  if (agent && !readAgent) return 'unknown';
  for (let i = agent ? 1 : 0; i < Math.min(tokens.length, 5); i++) {
    const orig = tokens[i]!;
    const t = orig.toLowerCase();
    if (DETERMINERS.has(t) && !(t === 'her' || t === 'his')) continue;
    if ((t === 'her' || t === 'his') && !agent) {
      // "allow her to" (object) vs "refused her application" (determiner): look one word on.
      const nextK = tokens[i + 1] ? index.get(tokens[i + 1]!.toLowerCase()) : undefined;
      return nextK === 'other' || nextK === 'family' ? 'unknown' : (nextK ?? 'person');
    }
    if (POSSESSIVE.test(t)) continue;
    const k = kindOf(t, orig, index, true);
    return k === 'other' || k === 'family' ? 'unknown' : (k ?? 'unknown');
  }
  return 'unknown';
}

/** Days and months: capitalised, but not names. */
const CALENDAR = set(CALENDAR_WORDS);
/** Organisation words that are one person ("the landlord … he"). */
const ONE_PERSON = set('landlord landlady manager judge commissioner employer funder');
/** Words that point at a person: a pronoun, a possessive pronoun or a people word. */
const POINTERS = set('he she they him her them his their i we you me us');

/** The words each opening pronoun could stand for: "He" for "him", "his"; "She" for "her"… */
const FORMS: Record<string, Set<string>> = {
  He: set('he him his himself'),
  She: set('she her hers herself'),
  They: set('they them their theirs themselves'),
};
/**
 * Words for a man or a woman (singular; the plurals are "they"): "the landlady … He" and "her
 * sister … He" cannot be the same person. Any other word (carer, GP, partner, a name) may be either.
 */
const MEN = set('he him his himself man landlord brother husband boyfriend fiance son stepson stepfather stepdad stepbrother uncle nephew grandfather grandad granddad grandson boy dad father mr');
const WOMEN = set('she her hers herself woman landlady sister wife girlfriend fiancee daughter stepdaughter stepmother stepmum stepsister aunt auntie niece grandmother grandma nan gran granddaughter girl mum mother mrs ms miss');
/** Could `word` (lower case) be the one an opening `pronoun` stands for, as far as its gender tells? */
const fits = (word: string, pronoun: string): boolean =>
  pronoun === 'They' ? !MEN.has(word) && !WOMEN.has(word) : !(pronoun === 'He' ? WOMEN : MEN).has(word);
/** People words for the person ("the client was in the lounge"), besides names and pronouns. */
const PERSON_WORDS = set('person client resident tenant patient pupil student boy girl child mum mother dad father');
/** Capitalised words that are not names: sentence openers, function words, days and months, titles. */
const notName = (l: string, index: ContextIndex): boolean =>
  index.has(l) || CALENDAR.has(l) || COMMON_STARTERS.has(l) || DETERMINERS.has(l) || BRIDGE.has(l) || PREPOSITIONS.has(l) ||
  RELATIVES.has(l) || CONJUNCTIONS.has(l) || PRONOUNS.has(l) || POINTERS.has(l) || TITLES.has(l) || PARTS.has(l) || QUESTIONS.has(l) || l === 'i';
/** Question words, which open headings such as "What is important to me" and are never names. */
const QUESTIONS = set('what why how');

/**
 * Does `text` (the paragraph before the antecedent's sentence) mention someone the opening
 * `pronoun` could stand for instead — a name ("Amir was seen at home", "Visited Nia"), a people word
 * ("the client"), or the pronoun itself ("He was in the lounge", "I spoke to him")? For "They", only
 * "they", "them" and "their" count: a name is read as "he" or "she".
 */
function mentionsPerson(text: string, pronoun: string, index: ContextIndex): boolean {
  const forms = FORMS[pronoun]!;
  for (const w of text.match(TOKEN) ?? []) {
    const l = w.toLowerCase().replace(POSSESSIVE, '');
    if (forms.has(l)) return true;
    if (pronoun === 'They') continue;
    if (PERSON_WORDS.has(l) && fits(l, pronoun)) return true;
    if (/^\p{Lu}/u.test(w) && !notName(l, index) && !castKind(w, index)) return true;
  }
  return false;
}

/**
 * What an opening "he", "she" or "they" stands for when the previous sentence (`previous`) is
 * about someone else and nothing makes the pronoun ambiguous: "The landlord visited about the
 * arrears. **He** refused to repair the boiler" is the landlord's refusal; "The carer arrived late.
 * **She** was agitated" is the carer's. A conservative reading — only when all of these hold:
 *
 * - the previous sentence's subject is an organisation, another person or a family member whose
 *   number fits the pronoun ("they" for an organisation or a plural; "he" or "she" for one person)
 *   and, for a man's or a woman's word, whose gender fits ("the landlady … He" does not);
 * - nothing before that subject points at someone the pronoun could stand for: "Mrs Khan's carer",
 *   "Dev's carer" and "his carer … He" are ambiguous ("her carer … He" is not);
 * - the previous sentence has no name, no pronoun and no people word after its subject, and
 *   nothing between the pronoun and the match (`relStart`) names anyone else either;
 * - the earlier sentences of the paragraph (`earlier`, read only when all the rest hold) mention no
 *   one the pronoun could stand for: "Amir was seen at home. The carer arrived late. He was
 *   agitated" may be Amir.
 *
 * Otherwise undefined, and the match is read as before: "The GP saw Sam on Monday. He refused his
 * tablets" stays about Sam. Pure; cheap (a few tokens).
 */
export function pronounReferent(
  sentence: string,
  relStart: number,
  previous: string,
  index: ContextIndex,
  earlier?: string | (() => string),
): About | undefined {
  const open = /^\s*(He|She|They)\b/.exec(sentence);
  if (!open || relStart < open[0].length) return undefined;
  const pronoun = open[1]!;
  for (const w of sentence.slice(open[0].length, relStart).match(TOKEN) ?? []) {
    const l = w.toLowerCase();
    if (POINTERS.has(l) || PEOPLE.has(l) || (/^\p{Lu}/u.test(w) && !CALENDAR.has(l))) return undefined;
    const k = index.get(l);
    if (k === 'other' || k === 'family') return undefined;
  }
  const toks = previous.match(TOKEN) ?? [];
  let subject = -1;
  for (let i = 0; i < Math.min(toks.length, 4) && subject < 0; i++) {
    const w = toks[i]!;
    const l = w.toLowerCase();
    // "his carer … He", "their carers … They": the person, or the carer.
    if (FORMS[pronoun]!.has(l)) return undefined;
    if (DETERMINERS.has(l)) continue;
    if (POSSESSIVE.test(w) && castKind(w, index)) {
      // An owner the document cast, of the other gender: "her granddaughter, Poppy … Poppy's dog
      // came too; he …" is the dog. Of the pronoun's gender, or of none known: ambiguous.
      if (pronoun !== 'They' && index.has((pronoun === 'He' ? CAST_WOMAN : CAST_MAN) + w.replace(POSSESSIVE, ''))) continue;
      return undefined;
    }
    if (index.has(l) || castKind(w, index)) subject = i;
    else if (/^\p{Lu}/u.test(w) && (i > 0 || !notName(l.replace(POSSESSIVE, ''), index))) {
      // A name: "Dr Patel", "Mrs Khan's carer", "Carl is a man with…" (Carl is the subject). An
      // opening name's possessive is ambiguous only when the pronoun may be that person: "Dev's
      // carer … He" may be Dev, "Mum's partner … He" is not Mum (and "they" is not read as a name).
      if (i > 0 || !POSSESSIVE.test(l) || (pronoun !== 'They' && fits(l.replace(POSSESSIVE, ''), pronoun))) return undefined;
    }
  }
  if (subject < 0) return undefined;
  // A compound's head is its last listed word: "the taxi driver", "the minibus driver", "the
  // school nurse" are the driver and the nurse, not the vehicle or the school.
  while (subject + 1 < toks.length && index.has(toks[subject + 1]!.toLowerCase())) subject++;
  const head = toks[subject]!.toLowerCase();
  const name = toks[subject]!.replace(POSSESSIVE, '');
  const kind = index.get(head) ?? castKind(name, index)!;
  // A cast name's gender is its role word's: "her stepfather, Gary … He", not "… She".
  if ((pronoun === 'He' && index.has(CAST_WOMAN + name)) || (pronoun === 'She' && index.has(CAST_MAN + name))) return undefined;
  if (kind !== 'organisation' && kind !== 'other' && kind !== 'family' && kind !== 'animal') return undefined;
  const plural = (kind === 'organisation' && !ONE_PERSON.has(head)) || (/s$/.test(head) && !/ss$/.test(head)) || head === 'staff' || head === 'police' || head === 'men' || head === 'women';
  if ((pronoun === 'They') !== plural || !fits(head, pronoun)) return undefined;
  for (let i = subject + 1; i < toks.length; i++) {
    const w = toks[i]!;
    const l = w.toLowerCase();
    if (POINTERS.has(l) || PEOPLE.has(l) || (/^\p{Lu}/u.test(w) && !CALENDAR.has(l) && !index.has(l) && !castKind(w, index))) return undefined;
  }
  const before = typeof earlier === 'function' ? earlier() : earlier;
  if (before && mentionsPerson(before, pronoun, index)) return undefined;
  return kind;
}

/** A he, she or they opening a clause after a comma, a semicolon or a joining word ("son visited, he was angry", "… and he was angry"). */
const CLAUSE_PRONOUN = /(?:[,;]\s*|\s(?=and|but|so|then))(?:(?:and|but|so|then)\s+){0,2}(he|she|they)\b/gi;
/** Common irregular past verbs that open a predicate after an aside ("…, a collie, came too"). */
const PREDICATES = set('came went ran sat stood left got made took gave kept sent brought bit');
/** Where the clause before a comma begins: the previous comma, semicolon, colon or dash. */
const CLAUSE_START = /[,;:\u2013\u2014]|\s-\s/g;

/**
 * The same reading as {@link pronounReferent} for a pronoun that opens a clause after a comma or
 * semicolon in the match's own sentence: "14:00 son visited, **he** was angry with the office" is
 * the son's anger. The clause before the comma stands for the previous sentence and the rest of the
 * sentence before it for the earlier ones, so "Doris was in the lounge, her son visited, he was
 * angry" and "Sam's son visited, he was angry" stay ambiguous (about the person). Only the last
 * such pronoun before the match is read, and only when no other clause break stands between it and
 * the match. Pure; cheap.
 */
export function clausePronounReferent(
  sentence: string,
  relStart: number,
  index: ContextIndex,
  previous = '',
  earlier: () => string = () => '',
): About | undefined {
  let open: RegExpExecArray | undefined;
  CLAUSE_PRONOUN.lastIndex = 0;
  for (let m = CLAUSE_PRONOUN.exec(sentence); m && m.index + m[0].length <= relStart; m = CLAUSE_PRONOUN.exec(sentence)) open = m;
  if (!open) return undefined;
  const comma = open.index;
  const from = comma + open[0].length - open[1]!.length;
  if (/[,;:()\u2013\u2014]|\s-\s/.test(sentence.slice(from, relStart))) return undefined;
  let start = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(sentence); m && m.index < comma; m = CLAUSE_START.exec(sentence)) start = m.index + m[0].length;
  const pronoun = open[1]!;
  const clause = pronoun[0]!.toUpperCase() + pronoun.slice(1).toLowerCase() + sentence.slice(from + pronoun.length);
  // A clause that is only a predicate ("…, an old rescue, sat under the table; he …") has the subject the
  // sentence opened with, before the aside: read from the sentence's start.
  const first = /^\s*(\p{L}+)/u.exec(sentence.slice(start, comma))?.[1] ?? '';
  if (start > 0 && (BRIDGE.has(first) || PAST.test(first) || PREDICATES.has(first)) && !DETERMINERS.has(first) && !TIME.has(first)) {
    return pronounReferent(clause, relStart - from, sentence.slice(0, comma), index, '');
  }
  // "After she complained, they were rude": a "they" after a clause that a subordinator
  // opens and that names no group is the previous sentence's subject's (`previous`, same paragraph).
  const lead = sentence.slice(0, comma);
  if (previous && start === 0 && pronoun.toLowerCase() === 'they' && SUBORDINATORS.test(lead) && !namesAGroup(lead, index)) {
    return pronounReferent(clause, relStart - from, previous, index, () => `${earlier()} ${lead}`);
  }
  return pronounReferent(clause, relStart - from, sentence.slice(start, comma), index, sentence.slice(0, start));
}

/** A clause a subordinator opens: "When Jo rang the office", "After I asked". */
const SUBORDINATORS = /^\s*(?:when|whenever|after|before|once|as soon as|if|while|whilst|although|though)\b/i;

/** Does `text` name something a "they" could stand for: two or more people, a plural, a group word? */
function namesAGroup(text: string, index: ContextIndex): boolean {
  for (const w of text.match(TOKEN) ?? []) {
    const l = w.toLowerCase();
    if (l === 'and' || l === 'or' || PEOPLE_PLURALS.has(l) || l === 'staff' || l === 'police' || index.get(l) === 'organisation') return true;
    if (/^\p{Ll}{3,}s$/u.test(w) && !/(?:ss|us|is)$/.test(l) && !BRIDGE.has(l) && !POINTERS.has(l) && !PREPOSITIONS.has(l) && !CONJUNCTIONS.has(l)) return true;
  }
  return false;
}

/**
 * Does a rule's `subject` setting let a match through? `person`: not when the match is about an
 * organisation, another person, a family member, a machine, a request or a document (the rules
 * that use it judge behaviour, and a brother's or a partner's behaviour is not the person's);
 * `organisation`: only when an
 * organisation is the subject or agent; `any` (default): always.
 */
export function subjectAllows(setting: 'person' | 'organisation' | 'any' | undefined, about: About): boolean {
  if (!setting || setting === 'any') return true;
  if (setting === 'person') return about === 'person' || about === 'unknown';
  return about === 'organisation';
}

/**
 * A group, or a "one", that stands for something named just before it: "one of them", "both of
 * them", "the pair", "the two", "the old one" ("The couple keep two rabbits. **One of them** bites";
 * "Three of the bank staff were on, and **one of them** was rude"; "The manager met both night
 * workers. **The pair** were defensive"; "The new hoist came. **The old one** refused to lift").
 * Group 1 is the group; only a verb group may follow it.
 */
const GROUP_OPENING = /^\s*(?:(?:and|then)\s+)?((?:one|two|three|some|both|each|either|neither|all|none|most|several|many) of (?:them|those|these)|(?:the|this|that) (?:pair|two|three|couple)|both|(?:the|this|that) (?:(?:old|new|other|first|second|last|older|newer|broken|spare|faulty)\s+)?one)\b/i;

/** Plural words for people ("the children", "residents"): a group may stand for them. */
const PEOPLE_PLURALS = set('they them their we us people children boys girls twins residents tenants patients clients pupils students families parents adults teenagers kids lads');

/**
 * What the last noun of `text` that a group or "one" could stand for is: a listed noun that is
 * someone or something else ("the bank staff", "two rabbits, Dot and Dash", "the hoist").
 * `null` when something a group could also stand for comes last — a name not in apposition to
 * it, a people word or a pronoun, an unlisted plural ("Nell and Rosa came. One of them…", "the
 * boys", "the visits") — and undefined when `text` mentions nothing of the kind.
 */
function antecedentOf(text: string, index: ContextIndex, plural: boolean): About | null | undefined {
  let found: About | null | undefined;
  let lastEnd = -1; // where the candidate noun ends, for names in apposition to it
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const w = m[0];
    const l = w.toLowerCase();
    const k = POSSESSIVE.test(l) ? undefined : (index.get(l) ?? castKind(w, index));
    if (k && k !== 'request' && k !== 'document' && k !== 'person') {
      // A group stands for a plural ("both drivers", "the bank staff"), not "about the college".
      if (plural && !isPlural(l)) continue;
      // Joined to the person by "and" ("Nell and her sisters"): the group is them all.
      if (found === null && /\b(?:and|or)\s+(?:(?:his|her|their|the)\s+)?(?:\p{Ll}+\s+)?$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      found = k;
      lastEnd = m.index + w.length;
      continue;
    }
    if (l === 'and' || l === 'or') continue;
    if (/^\p{Lu}/u.test(w) && !notName(l.replace(POSSESSIVE, ''), index) && !CALENDAR.has(l)) {
      // "two rabbits, Dot and Dash": names set off after the noun are its names.
      if (found && lastEnd >= 0 && /^(?:,\s*|\s+and\s+|\s+or\s+)$/.test(text.slice(lastEnd, m.index))) {
        lastEnd = m.index + w.length;
        continue;
      }
      found = null;
      continue;
    }
    lastEnd = -1;
    if (POINTERS.has(l) || PEOPLE.has(l) || PEOPLE_PLURALS.has(l) || PERSON_WORDS.has(l)) found = null;
    else if (/^\p{Ll}{3,}s$/u.test(w) && !/(?:ss|us|is)$/.test(l) && !BRIDGE.has(l) && !PREPOSITIONS.has(l) && !CONJUNCTIONS.has(l)) found = null;
  }
  return found;
}

/**
 * What a group or a "one" opening the match's clause stands for (see GROUP_OPENING): the last
 * noun before it in the sentence, or else in the previous sentence (`previous`, same paragraph),
 * when that noun is someone or something other than the person and nothing after it could be what
 * the group means. Also an opening "They" after a sentence that a group opens and that names no
 * one else ("The pair apologised at once. **They** were defensive about it, though"), read
 * against the sentence before that (`earlier`). Undefined otherwise: "When I asked the brothers
 * Kit and Lou about it, the pair were uncooperative" stays about them. Pure; cheap (run only when a
 * rule that reads the subject has matched).
 */
export function groupReferent(sentence: string, relStart: number, previous: string, index: ContextIndex, earlier: () => string): About | undefined {
  const clause = clauseTextBefore(sentence, relStart, 120, SUBJECT_BREAK);
  const g = GROUP_OPENING.exec(clause);
  if (g) {
    // Only a verb group may follow, or a short predicate joined by "and" ("was rude and refused").
    let plain = 0;
    for (const w of clause.slice(g.index + g[0].length).match(TOKEN) ?? []) {
      const l = w.toLowerCase();
      if (BRIDGE.has(l) || /ly$/.test(l)) continue;
      if (l === 'and' && plain > 0) plain = 0;
      else if (!/^\p{Ll}+$/u.test(w) || PREPOSITIONS.has(l) || STOPS.has(l) || RELATIVES.has(l) || POINTERS.has(l) || ++plain > 2) return undefined;
    }
    if (plain > 0) return undefined;
    const plural = !/\bone$/i.test(g[1]!);
    const here = antecedentOf(sentence.slice(0, Math.max(0, relStart - clause.length)), index, plural);
    if (here !== undefined) return here ?? undefined;
    return previous ? (antecedentOf(previous, index, plural) ?? undefined) : undefined;
  }
  // "The pair apologised. They were defensive": the group the previous sentence opens with.
  const open = /^\s*They\b/.exec(sentence);
  if (!open || !previous) return undefined;
  for (const w of sentence.slice(open[0].length, relStart).match(TOKEN) ?? []) if (!BRIDGE.has(w.toLowerCase()) && !/ly$/.test(w)) return undefined;
  const pg = GROUP_OPENING.exec(previous);
  if (!pg || /\bone$/i.test(pg[1]!)) return undefined;
  const rest = previous.slice(pg.index + pg[0].length);
  for (const w of rest.match(TOKEN) ?? []) {
    const l = w.toLowerCase();
    if ((POINTERS.has(l) && !FORMS.They!.has(l)) || PEOPLE.has(l) && !FORMS.They!.has(l) || PERSON_WORDS.has(l) || PEOPLE_PLURALS.has(l) && !FORMS.They!.has(l)) return undefined;
    if (/^\p{Lu}/u.test(w) && !notName(l, index) && !CALENDAR.has(l)) return undefined;
  }
  const before = earlier();
  return before ? (antecedentOf(before, index, true) ?? undefined) : undefined;
}

/** A plural head noun: "workers", "dogs", "staff", "police" (not "business", "class"). */
const isPlural = (l: string): boolean => (/s$/.test(l) && !/ss$/.test(l)) || l === 'staff' || l === 'police' || l === 'men' || l === 'women';
