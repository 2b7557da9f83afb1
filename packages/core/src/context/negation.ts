/**
 * Negation scope on cheap tokens: is a match preceded, within its clause, by a negation cue
 * ("did not refuse", "no evidence of aggression", "is not aggressive", "no longer described as
 * challenging", "never refused", "without complaint", "denies any aggression")?
 *
 * Scope follows NegEx-style practice used in UK clinical NLP: the cue must come BEFORE the match,
 * in the same clause (a comma, semicolon, colon, bracket, dash or a clause word such as "but",
 * "although", "because", "which" ends the scope, and so does "and" before a new predicate: "did not
 * like the food and refused"), and within a window of six words. A preposition cue ("without",
 * "free of", "absence") reaches only to its own phrase ("Without his hearing aids Sam becomes
 * agitated" is a condition, not a negation). Pseudo-
 * negations that do not negate what follows ("not only … but", "not just", "no doubt", "not sure
 * why") are skipped. Looks at a bounded stretch of text, so it is constant time per match. Pure;
 * never throws.
 */

/** Single-word cues. "denies/denied" count: "denies any aggression" records an absence claimed. */
const CUES = new Set([
  'not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot', 'hardly', 'nil',
  'denied', 'denies', 'deny', 'denying', 'absence', 'free',
  // apostrophe-less spellings typed in quick notes
  'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'hasnt', 'havent', 'hadnt', 'cant', 'couldnt',
  'wouldnt', 'shouldnt', 'wont', 'aint',
]);

/** Cue + next word pairs that are not negation (pseudo-negations). */
const PSEUDO = new Set([
  'not only', 'not just', 'not merely', 'not simply', 'not sure', 'not certain', 'not clear', 'not known',
  'no doubt', 'no matter', 'no one', 'without fail', 'not unusual', 'not uncommon', 'never before',
  'not the first', 'not for the first', 'not always clear',
]);

/** Modals that, before "we/you not", ask a question that suggests something ("can we not …"). */
const SUGGESTING = new Set(['can', 'could', 'should', 'would', 'shall', 'will', 'do', 'did', 'why']);

/** Words that end a clause (negation does not reach past them). */
const CLAUSE_BREAK =
  /[,;:()\[\]\u2013\u2014]|\s-\s|\b(?:but|although|though|however|whereas|whilst|while|because|unless|except|yet|instead|nevertheless|and then|which|who|whom|since|until|otherwise)\b/gi;

/** How many words before the match a cue may be. */
export const NEGATION_WINDOW = 6;
/** How many characters before the match are examined (bounds the work per match). */
const LOOKBACK = 100;

/**
 * The text of the clause that ends at `relStart`: at most `lookback` characters, cut after the
 * last clause break (`breaks`, a global RegExp; default: punctuation and clause words).
 */
export function clauseTextBefore(sentence: string, relStart: number, lookback = LOOKBACK, breaks: RegExp = CLAUSE_BREAK): string {
  const before = sentence.slice(Math.max(0, relStart - lookback), Math.max(0, relStart));
  let cut = -1;
  breaks.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(before))) {
    cut = m.index + m[0].length;
    if (m[0].length === 0) breaks.lastIndex++;
  }
  return cut >= 0 ? before.slice(cut) : before;
}

/** A word as negation reads it (letters, with one inner apostrophe: "didn't"). */
const TOKEN = /[a-z]+(?:['’][a-z]+)?/gi;

/** The tokens of the clause that ends at `relStart`, lower-cased, nearest last. */
export function clauseTokensBefore(sentence: string, relStart: number, lookback = LOOKBACK): string[] {
  return clauseTextBefore(sentence, relStart, lookback).toLowerCase().match(TOKEN) ?? [];
}

/**
 * Could the text hold a cue token? Every cue is a whole token of clauseTokensBefore (a run of
 * letters, any case) or ends in "n't", so text without one of these has no cue. Cheaper than
 * cutting the clause and tokenising it, which most matches would otherwise pay for nothing.
 */
const MAYBE_CUE = new RegExp(`n['’]t(?![a-z])|(?<![a-z])(?:${[...CUES].join('|')})(?![a-z])`, 'i');

/** The negation cue that governs a match at `relStart` in `sentence`, or undefined. */
export function negationCue(sentence: string, relStart: number): string | undefined {
  if (!MAYBE_CUE.test(sentence.slice(Math.max(0, relStart - LOOKBACK), Math.max(0, relStart)))) return undefined;
  return negationCueByTokens(sentence, relStart);
}

/**
 * Words after "and" that start a new predicate, so a negation before the "and" does not reach past
 * it: "didn't want his lunch and became agitated", "cannot walk far and is wheelchair-bound".
 */
const NEW_PREDICATE = new Set([
  'is', 'was', 'were', 'are', 'am', 'has', 'had', 'have', 'became', 'becomes', 'become', 'seemed', 'seems', 'appeared', 'appears',
  'remained', 'remains', 'got', 'gets', 'then', 'later', 'now', 'still', 'started', 'starts', 'began', 'begins', 'went', 'goes', 'kept', 'keeps',
  'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'does', 'did',
  // a new subject: "could not calm Sam and he remained combative"
  'he', 'she', 'they', 'i', 'we',
]);
/** A negation of "be" ("is not", "wasn't"): after it, "and" + an -ed word is usually another adjective ("not tired and agitated"). */
const COPULA = new Set(['is', 'was', 'were', 'are', 'am', 'be', 'been', 'being']);
const NEGATED_COPULA = /^(?:isn|wasn|weren|aren)(?:['’]t|t)$/;

/**
 * Where an "and" ends the negation's reach in `tokens` (the clause's tokens before the match,
 * then the match's first word): the index after the last such "and", or 0. An "and" ends it when
 * a new predicate follows: a verb such as "is", "became" or "will", or a finite verb in -ed or -s
 * ("did not like the food and refused", "has no family nearby and refuses help"), except after a
 * negated "be", where "and" + an -ed or -s word goes on describing ("was not tired and agitated").
 */
function afterLastPredicateAnd(tokens: string[]): number {
  for (let j = tokens.length - 2; j >= 0; j--) {
    if (tokens[j] !== 'and') continue;
    const w = tokens[j + 1]!;
    if (NEW_PREDICATE.has(w)) return j + 1;
    if (w.length > 3 && /(?:ed|[^su]s)$/.test(w)) {
      let copular = false;
      for (let k = 0; k < j; k++) {
        const t = tokens[k]!;
        if (NEGATED_COPULA.test(t) || (t === 'not' && k > 0 && COPULA.has(tokens[k - 1]!))) copular = true;
      }
      if (!copular) return j + 1;
    }
  }
  return 0;
}

/**
 * Cues that are prepositions: they negate the noun phrase they open ("without complaint", "free of
 * agitation", "in the absence of aggression"), not a later clause's verb. "Without his hearing
 * aids Sam becomes agitated" states a condition: Sam does become agitated.
 */
const PREPOSITION_CUES = new Set(['without', 'absence', 'free']);

/**
 * Does a preposition cue at `i` in `window` (lower case; `cased` the same tokens as written) stop
 * short of the match? Its phrase ends where a new clause begins: at a verb or subject pronoun
 * ("Sam becomes", "he is": NEW_PREDICATE), or at a name two or more words after the cue ("without
 * his hearing aids Sam refuses"; a name straight after the cue is the phrase's own: "without Sam
 * becoming upset").
 */
function prepositionEnds(window: string[], cased: string[], i: number): boolean {
  for (let j = i + 1; j < window.length; j++) {
    if (NEW_PREDICATE.has(window[j]!)) return true;
    if (j >= i + 2 && /^[A-Z][a-z]/.test(cased[j]!)) return true;
  }
  return false;
}

/** negationCue without its prefilter: the token reading itself (exported for the test that the prefilter never changes an answer). */
export function negationCueByTokens(sentence: string, relStart: number): string | undefined {
  const cased = clauseTextBefore(sentence, relStart).match(TOKEN) ?? [];
  const before = cased.map((t) => t.toLowerCase());
  if (before.includes('and')) {
    const first = /^[A-Za-z]+/.exec(sentence.slice(relStart, relStart + 40))?.[0].toLowerCase();
    const cut = afterLastPredicateAnd(first ? [...before, first] : before);
    if (cut > 0) {
      before.splice(0, cut);
      cased.splice(0, cut);
    }
  }
  const window = before.slice(-NEGATION_WINDOW);
  const casedWindow = cased.slice(-NEGATION_WINDOW);
  for (let i = 0; i < window.length; i++) {
    const t = window[i]!;
    const next = window[i + 1];
    // A suggestion asked as a question negates nothing: "Can we not find a cheaper provider?",
    // "Couldn't we use the day centre?", "Why not ask his sister?".
    if (t === 'not' && (window[i - 1] === 'why' || (i >= 2 && (window[i - 1] === 'we' || window[i - 1] === 'you') && SUGGESTING.has(window[i - 2]!)))) continue;
    if ((next === 'we' || next === 'you') && /^(?:can|could|should|would|shall|will|wo|do|does|did|why)n['’]t$/.test(t)) continue;
    if (t.endsWith("n't") || t.endsWith('n’t')) {
      if (next === 'only' || next === 'just') continue;
      return t;
    }
    if (!CUES.has(t)) continue;
    if (next !== undefined && (PSEUDO.has(`${t} ${next}`) || PSEUDO.has(`${t} ${next} ${window[i + 2]}`) || PSEUDO.has(`${t} ${next} ${window[i + 2]} ${window[i + 3]}`))) continue;
    if (t === 'free' && next !== 'of' && next !== 'from') continue;
    if (PREPOSITION_CUES.has(t) && prepositionEnds(window, casedWindow, i)) continue;
    return t;
  }
  return undefined;
}

/**
 * True when the text before `relStart` in `sentence` negates what follows. `relStart` is the
 * match's offset within the sentence. A cue after the match never counts.
 */
export function isNegated(sentence: string, relStart: number): boolean {
  return negationCue(sentence, relStart) !== undefined;
}
