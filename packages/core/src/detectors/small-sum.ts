/**
 * small-sum: an argument over a small amount of money about a person's support ("an extra £30 a
 * week cannot be justified", "is £1.50 a day for the bus really necessary?", "Jack asked for £20 a
 * week for swimming. This cannot be justified."). Each amount is
 * normalised to a weekly figure (nlp/money.ts) and reported when it is under the threshold
 * (default £50 a week) and the sentence justifies, refuses, questions or reduces support. Plain
 * statements of amounts ("her personal budget is £240 a week"), funding that was agreed, the
 * person's own spending and choices ("Sam says she cannot afford £4", "Sam challenged the £10
 * fine") and money that is not support funding (charges set by the financial assessment,
 * benefits, rent, debts) are not reported. Pure; cheap: the trigger only lets through sentences with a £ sign,
 * "pounds"/"quid" or a pence amount, and it is only tried where a fast literal search finds one.
 */
import type { Detector, SentenceView } from './types.js';
import { forEachTriggeredSkipping } from './triggered.js';
import { findMoney } from '../nlp/money.js';
import { digitOffsets } from '../search.js';
import { everyPlace } from '../scan.js';
import { blankMatch, isAsciiLetter, isSpace } from '../chars.js';

/**
 * Words that, on their own, make a sentence an argument about cost or a refusal of support — unless
 * the person is the one doing it ("Sam says she cannot afford £4", "Sam challenged the £10 fine":
 * see personActs). Words that only argue in some senses are left out: "panel" (a panel also agrees
 * funding), "cut" and "reduce" (toenails are cut; a person reduces her smoking: see SUPPORT_CUT).
 */
export const STRONG_CUES = [
  'justify', 'justified', 'justifiable', 'unjustified', 'justification',
  'afford', 'affordable', 'unaffordable',
  'cannot fund', "can't fund", 'can not fund', 'unable to fund', 'not fund', 'not be funded', 'not funded', 'not able to fund', 'no funding',
  'stop funding', 'stopped funding', 'stopping funding',
  'not agree', "didn't agree", "won't agree", "wouldn't agree", "can't agree", "couldn't agree", 'not agreed', 'not approved', 'not authorised', 'not authorized', 'not sanctioned', 'not signed off',
  'refuse', 'refused', 'declined', 'turned down', 'rejected',
  'unreasonable', 'excessive', 'luxury', 'luxuries', 'nice to have', 'non-essential', 'not essential', 'optional',
  'over budget', 'exceeds', 'value for money', 'worth it', 'really necessary', 'really needed', 'not necessary', 'unnecessary',
  'query', 'queried', 'questioned', 'question whether', 'challenge', 'challenged',
  'good use of', 'best use of', 'public money', 'taxpayer', "taxpayers'",
  'want not a need', 'a want', 'not a need',
];

/**
 * A reduction of support: a cutting word with a support word within a few words of it, either way
 * round ("her day centre hours were reduced", "cut her visits", "funding … was withdrawn"). Bare
 * "cut" or "reduced" is not enough: toenails are cut, and people reduce their smoking.
 */
const CUT_WORD = 'reduc(?:e|es|ed|ing|tions?)|cut|cuts|cutting|withdr(?:aw|aws|awn|ew|awing|awal)|halv(?:e|ed|es|ing)';
const SUPPORT_WORD = 'package|packages|hours|visits|calls|support|budget|budgets|sessions|care|allocation|funding|provision|respite|day\\s+centre';
export const SUPPORT_CUT = new RegExp(
  `\\b(?:${CUT_WORD})\\b(?=[^.;:!?]{0,40}?\\b(?:${SUPPORT_WORD})\\b)|(?<=\\b(?:${SUPPORT_WORD})\\b[^.;:!?]{0,40}?)\\b(?:${CUT_WORD})\\b`,
  'gi',
);

/**
 * Money that is not the person's support: charging and benefits, rent, wages and debts. A sentence
 * about these is a financial matter, not an argument over funding a need, so it is left alone.
 */
export const IGNORE = [
  'financial assessment', 'assessed charge', 'assessed contribution', 'client contribution', 'her contribution', 'his contribution', 'their contribution', 'disability-related expenditure', 'DRE',
  'Attendance Allowance', "Carer's Allowance", 'Carers Allowance', 'Disability Living Allowance', 'PIP', 'Universal Credit', 'pension', 'pension credit', 'housing benefit',
  'rent', 'council tax', 'service charge', 'wages', 'salary', 'overpayment', 'arrears', 'debt', 'debts', 'loan',
];

/** Words that signal a cost argument only alongside a question or a negation ("an extra £30?"). */
export const WEAK_CUES = ['extra', 'additional', 'more', 'increase', 'top up', 'cost', 'costs', 'spend', 'pay for', 'fund', 'funding', 'agree'];

const cueCache = new Map<string, RegExp>();
/** The same list object (the built-in lists, a rule's params) skips even building the key. */
const cueByList = new WeakMap<readonly string[], { copy: string[]; re: RegExp }>();

/** One case-insensitive, whole-word RegExp for a cue list (compiled once per distinct list). */
function cueRegex(cues: string[]): RegExp {
  const known = cueByList.get(cues);
  // A list changed in place since it was compiled is compiled again.
  if (known && known.copy.length === cues.length && known.copy.every((c, i) => c === cues[i])) return known.re;
  const re = cueRegexByKey(cues);
  cueByList.set(cues, { copy: [...cues], re });
  return re;
}

function cueRegexByKey(cues: string[]): RegExp {
  const key = cues.join('\u0000');
  let re = cueCache.get(key);
  if (!re) {
    re = buildCueRegex(cues);
    if (cueCache.size > 32) cueCache.clear();
    cueCache.set(key, re);
  }
  return re;
}

function buildCueRegex(cues: string[]): RegExp {
  const alts = [...new Set(cues.map((c) => c.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![A-Za-z])(?:${alts.join('|')})(?![A-Za-z])`, 'i');
}

const QUESTION_OR_NEGATION = /\?|(?<![A-Za-z])(?:not|no|cannot|can['’]t|won['’]t|wouldn['’]t|shouldn['’]t|isn['’]t|aren['’]t|never|only|why|whether)(?![A-Za-z])/i;

/**
 * The reason for a cost given as what the person can no longer do ("a cleaner costs £12.50, because
 * Mrs Okonjo can no longer vacuum", "as Jack cannot manage the bus"): the need behind the sum, which
 * is what GAT-09 asks to be recorded, not an argument against it. Its "no" or "cannot" is not the
 * negation a weak cue needs. A body as the one unable ("because the council cannot …") is not read.
 */
const INABILITY_REASON =
  /\b(?:because|as|since)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(?:he|she|they|I|you|(?!(?:The|This|That|It|We|Panel|Council|Funding|Budget|Finance|Management)\b)[A-Z][a-z]+)\s+(?:can\s+no\s+longer|cannot|can['’]t|can\s+not|(?:is|are)\s+no\s+longer\s+able\s+to|(?:is|are)\s+not\s+able\s+to|(?:isn|aren)['’]t\s+able\s+to|(?:is|are)\s+unable\s+to|no\s+longer\s+can)\b/g;

/** A sentence that starts by pointing back at the one before ("This cannot be justified."). */
const POINTS_BACK = /^\s*(?:this|that|it|which|such|these|the\s+(?:cost|amount|sum|request|extra|increase))\b/i;

/**
 * Words skipped when looking back from a cue for who is doing it: auxiliaries, negations, reporting
 * verbs and adverbs ("she says she really cannot afford", "Sam has challenged").
 */
const SKIP_BEFORE_CUE = new Set([
  'can', 'cannot', "can't", 'could', "couldn't", 'not', 'does', "doesn't", 'did', "didn't", 'do', "don't", 'has', "hasn't", 'have', 'had',
  'is', 'was', 'are', 'were', 'be', 'been', 'will', "won't", 'would', "wouldn't", 'should', 'may', 'might', 'must',
  'really', 'just', 'also', 'now', 'then', 'still', 'only', 'never', 'always', 'already', 'simply', 'no', 'longer', 'successfully',
  'says', 'said', 'feels', 'felt', 'thinks', 'thought', 'told', 'us', 'me', 'that', 'to', 'want', 'wants', 'wanted', 'tried', 'tries', 'decided', 'chose',
]);

/** Capitalised words that begin sentences or name bodies, never the person ("Panel refused …", "This cannot be justified"). */
const NOT_A_NAME = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'there', 'we', 'our', 'they', 'their', 'a', 'an', 'any', 'each', 'every', 'such',
  'which', 'what', 'why', 'how', 'panel', 'council', 'authority', 'funding', 'request', 'application', 'cost', 'costs', 'support', 'team',
  'service', 'manager', 'commissioner', 'commissioners', 'is', 'can', 'should', 'could', 'would', 'will', 'does', 'did', 'do', 'but', 'and',
]);

/**
 * Does `text` (up to `end`) end in a clause break: a comma, semicolon, colon, bracket or dash,
 * then only white space (/[,;:()\u2013\u2014]\s*$|\s-\s*$/, read backwards)?
 */
function endsInClauseBreak(text: string, from: number, end: number): boolean {
  let j = end;
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === from) return false;
  const c = text.charCodeAt(j - 1);
  if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014) return true;
  return c === 45 && j - 2 >= from && isSpace(text.charCodeAt(j - 2));
}

/**
 * The last word of `text` up to `end` — letters, or letters, an apostrophe and letters ("don't") —
 * with only non-letters after it (/([A-Za-z]+(?:['’][A-Za-z]+)?)[^A-Za-z]*$/, read backwards):
 * its [start, end), or [-1, -1] when there is none. Only text from `from` on is read.
 */
function lastWord(text: string, from: number, end: number): [number, number] {
  let e = end;
  while (e > from && !isAsciiLetter(text.charCodeAt(e - 1))) e--;
  if (e === from) return [-1, -1];
  let a = e;
  while (a > from && isAsciiLetter(text.charCodeAt(a - 1))) a--;
  const q = a - 2 >= from ? text.charCodeAt(a - 1) : 0;
  if ((q === 39 || q === 0x2019) && isAsciiLetter(text.charCodeAt(a - 2))) {
    a -= 2;
    while (a > from && isAsciiLetter(text.charCodeAt(a - 1))) a--;
  }
  return [a, e];
}

/**
 * Is the person (a name, "I", "he" or "she") the one doing the cue at `at` in `text` — spending,
 * challenging, refusing or reducing something themselves ("Sam says she cannot afford £4 a week",
 * "Sam challenged the £10 fine", "Sam cut her visits to the hairdresser")? Looks back over a few
 * auxiliaries and adverbs in the same clause. "We" and "they" are the council or panel more often
 * than not, so they do not count.
 */
export function personActs(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  let end = at;
  for (let i = 0; i < 6; i++) {
    // A clause break (comma, semicolon, colon, bracket, dash) ends the look-back.
    if (endsInClauseBreak(text, from, end)) return false;
    const [a, e] = lastWord(text, from, end);
    if (a < 0) return false;
    const word = text.slice(a, e).replace(/’/g, "'");
    const lower = word.toLowerCase();
    if (lower === 'i' || lower === 'he' || lower === 'she') return true;
    if (SKIP_BEFORE_CUE.has(lower)) {
      end = a;
      continue;
    }
    // A name: a capitalised word that is not a sentence opener or a body ("Sam", "Mrs Patel").
    return /^[A-Z][a-z]+$/.test(word) && !NOT_A_NAME.has(lower);
  }
  return false;
}

/**
 * Does `text` argue about cost: a strong cue (or a cut in support) that the person is not the one
 * doing? `'person'` when every cue found is the person's own ("he can't afford £3 a week any
 * more"), so the weaker test (an extra sum with a negation) is not tried either.
 */
function arguesIn(text: string, strong: RegExp): boolean | 'person' {
  let any = false;
  for (const re of [strong, SUPPORT_CUT]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      any = true;
      if (!personActs(text, m.index)) {
        re.lastIndex = 0;
        return true;
      }
    }
  }
  return any ? 'person' : false;
}

const ANY_MORE = /\bany\s*more\b/gi;

const DEFAULT_THRESHOLD = 50;

/** The global ('gi') copy of each compiled cue regex, made once rather than per document. */
const globalCopy = new WeakMap<RegExp, RegExp>();

/** The sentences the detector looks at: a £ sign, "GBP", "pounds"/"quid", or a pence amount. */
export const TRIGGER = /£|\b(?:GBP|pounds?|quid)\b|\b\d{1,3}p\b/gi;

/**
 * TRIGGER's words. The engine's scan notes where they begin (they are in `meta.searches`), so
 * the text need not be searched for them; WORD_PIECES (the same words anywhere) is the search
 * when the detector runs without the engine's scan. A pence amount holds a digit followed by
 * "p", found from the document's digits.
 */
const WORDS = /\b(?:gbp|pounds?|quid)\b/gi;
const WORD_PIECES = /gbp|pound|quid/gi;

/**
 * A skipTo for forEachTriggeredSkipping(): the first place at or after `from` where TRIGGER can
 * match, or earlier, or -1 when it cannot match at all. `digits` are the text's digit offsets
 * (search.ts's digitOffsets; found here when not given), `words` a skipTo for WORDS (the scan's;
 * else WORD_PIECES is searched for). Remembers the last searches, so the text is searched once per
 * document however many times it is asked (the walk only moves forward).
 */
export function triggerSkipper(digits?: readonly number[], words?: (text: string, from: number) => number): (text: string, from: number) => number {
  let pound = -2;
  let word = -2;
  let pence = -2;
  let k = 0;
  return (text, from) => {
    if (pound !== -1 && pound < from) pound = text.indexOf('£', from);
    if (word !== -1 && word < from && words) word = words(text, from);
    else if (word !== -1 && word < from) {
      WORD_PIECES.lastIndex = from;
      const m = WORD_PIECES.exec(text);
      WORD_PIECES.lastIndex = 0;
      word = m ? m.index : -1;
    }
    if (pence !== -1 && pence < from) {
      // The first digit at or after `from` with "p" or "P" after it.
      const ds = (digits ??= digitOffsets(text));
      while (k < ds.length && (ds[k]! < from || (text.charCodeAt(ds[k]! + 1) | 32) !== 112)) k++;
      pence = k < ds.length ? ds[k]! : -1;
    }
    // A pence amount starts up to two digits before the digit followed by "p".
    let first = pence < 0 ? -1 : Math.max(from, pence - 2);
    if (word >= 0 && (first < 0 || word < first)) first = word;
    if (pound >= 0 && (first < 0 || pound < first)) first = pound;
    return first;
  };
}

/** The small-sum detector (rule `gatekeeping/small-sum`). */
export const smallSum: Detector = {
  meta: {
    name: 'small-sum',
    description: 'Small money amounts (normalised to a weekly figure) argued over in a sentence that justifies, refuses, questions or reduces support.',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        threshold: { type: 'number', exclusiveMinimum: 0, description: 'Weekly amount in pounds below which a sum counts as small (default 50).' },
        cues: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words that make a sentence a cost argument on their own (replaces the built-in list).' },
        weakCues: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words that count only with a question or a negation (replaces the built-in list).' },
        ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words that mark money that is not support funding (charging, benefits, rent, debts); sentences with them are skipped (replaces the built-in list).' },
      },
    },
    // No meta.trigger: done() walks TRIGGER as analyse() would, skipping ahead with fast searches.
    searches: [WORDS],
  },
  create(ctx) {
    const threshold = typeof ctx.params.threshold === 'number' ? ctx.params.threshold : DEFAULT_THRESHOLD;
    const strongOnce = cueRegex(Array.isArray(ctx.params.cues) ? (ctx.params.cues as string[]) : STRONG_CUES);
    let strong = globalCopy.get(strongOnce);
    if (!strong) globalCopy.set(strongOnce, (strong = new RegExp(strongOnce.source, 'gi')));
    const weak = cueRegex(Array.isArray(ctx.params.weakCues) ? (ctx.params.weakCues as string[]) : WEAK_CUES);
    const ignoreList = Array.isArray(ctx.params.ignore) ? (ctx.params.ignore as string[]) : IGNORE;
    const ignore = ignoreList.length ? cueRegex(ignoreList) : undefined;
    const sentence = (s: SentenceView): void => {
      const amounts = findMoney(s.text);
      if (amounts.length === 0) return;
      const small = amounts.filter((a) => a.weekly !== undefined && a.weekly < threshold);
      if (small.length === 0) return;
      // Cue words are looked for outside the amounts themselves ("£30 extra a week" counts "extra").
      let rest = s.text;
      for (const a of amounts) rest = rest.slice(0, a.start) + ' '.repeat(a.end - a.start) + rest.slice(a.end);
      if (ignore?.test(s.text)) return;
      // The argument may follow in the next sentence when it points back: "… £20 a week for
      // swimming. This cannot be justified."
      const next = ctx.sentences[s.index + 1];
      const nextArgues = next !== undefined && POINTS_BACK.test(next.text) && arguesIn(next.text, strong) === true && !ignore?.test(next.text);
      const here = arguesIn(s.text, strong);
      // "any more" is about time ("can't go any more"), not an extra sum.
      const argued = nextArgues || here === true || (here === false && weak.test(s.text.replace(ANY_MORE, blankMatch)) && QUESTION_OR_NEGATION.test(rest) && QUESTION_OR_NEGATION.test(rest.replace(INABILITY_REASON, blankMatch)));
      if (!argued) return;
      for (const a of small) ctx.report({ start: s.start + a.start, end: s.start + a.end });
    };
    return {
      done() {
        const words = ctx.skipTo?.(WORDS);
        const skipTo = triggerSkipper(ctx.digits?.(), words === everyPlace ? undefined : words);
        forEachTriggeredSkipping(ctx.doc.text, ctx.sentences, TRIGGER, sentence, skipTo, true);
      },
    };
  },
};
