/**
 * small-sum: an argument over a small amount of money about a person's support ("an extra £30 a
 * week cannot be justified", "is £1.50 a day for the bus really necessary?", "Jack asked for £20 a
 * week for swimming. This cannot be justified."). Each amount is
 * normalised to a weekly figure (nlp/money.ts) and reported when it is under the threshold
 * (default £50 a week) and the sentence justifies, refuses, questions or reduces support. Plain
 * statements of amounts ("her personal budget is £240 a week") and money that is not support
 * funding (charges set by the financial assessment, benefits, rent, debts) are not reported. Pure; cheap: the trigger only lets through sentences with a £ sign,
 * "pounds"/"quid" or a pence amount, and it is only tried where a fast literal search finds one.
 */
import type { Detector, SentenceView } from './types.js';
import { forEachTriggeredSkipping } from './triggered.js';
import { findMoney } from '../nlp/money.js';

/** Words that, on their own, make a sentence an argument about cost or a refusal of support. */
export const STRONG_CUES = [
  'justify', 'justified', 'justifiable', 'unjustified', 'justification',
  'afford', 'affordable', 'unaffordable',
  'cannot fund', "can't fund", 'can not fund', 'unable to fund', 'not fund', 'not be funded', 'not funded', 'not able to fund', 'no funding',
  'reduce', 'reduced', 'reducing', 'reduction', 'cut', 'cuts', 'withdraw', 'withdrawn', 'stop funding',
  'panel', 'not agreed', 'not approved', 'not authorised', 'not authorized', 'not sanctioned', 'not signed off', 'agree to fund', 'agree the',
  'refuse', 'refused', 'declined', 'turned down', 'rejected',
  'unreasonable', 'excessive', 'luxury', 'luxuries', 'nice to have', 'non-essential', 'not essential', 'optional',
  'over budget', 'exceeds', 'value for money', 'worth it', 'really necessary', 'really needed', 'not necessary', 'unnecessary',
  'query', 'queried', 'questioned', 'question whether', 'challenge', 'challenged',
  'good use of', 'best use of', 'public money', 'taxpayer', "taxpayers'",
  'want not a need', 'a want', 'not a need',
];

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
export const WEAK_CUES = ['extra', 'additional', 'more', 'increase', 'top up', 'cost', 'costs', 'spend', 'pay for', 'fund', 'funding'];

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

/** A sentence that starts by pointing back at the one before ("This cannot be justified."). */
const POINTS_BACK = /^\s*(?:this|that|it|which|such|these|the\s+(?:cost|amount|sum|request|extra|increase))\b/i;

const DEFAULT_THRESHOLD = 50;

/** The sentences the detector looks at: a £ sign, "GBP", "pounds"/"quid", or a pence amount. */
export const TRIGGER = /£|\b(?:GBP|pounds?|quid)\b|\b\d{1,3}p\b/gi;

/**
 * Literal pieces every TRIGGER match other than "£" contains: "gbp", "pound", "quid" where the
 * match starts, or a digit and "p" at most two characters after it. Unlike TRIGGER (tried at
 * every position), these are found with fast literal searches.
 */
const TRIGGER_PIECES = /gbp|pound|quid|\dp/gi;

/**
 * A skipTo for forEachTriggeredSkipping(): the first place at or after `from` where TRIGGER can
 * match, or earlier, or -1 when it cannot match at all. Remembers the last searches, so the text
 * is searched once per document however many times it is asked.
 */
export function triggerSkipper(): (text: string, from: number) => number {
  let pound = -2;
  let piece = -2;
  let pieceLength = 0;
  return (text, from) => {
    if (pound !== -1 && pound < from) pound = text.indexOf('£', from);
    if (piece !== -1 && piece < from) {
      TRIGGER_PIECES.lastIndex = from;
      const m = TRIGGER_PIECES.exec(text);
      TRIGGER_PIECES.lastIndex = 0;
      piece = m ? m.index : -1;
      pieceLength = m ? m[0].length : 0;
    }
    // A pence amount starts up to two digits before the digit that "\dp" found.
    const byPiece = piece < 0 ? -1 : pieceLength === 2 ? Math.max(from, piece - 2) : piece;
    if (pound < 0) return byPiece;
    return byPiece < 0 ? pound : Math.min(pound, byPiece);
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
  },
  create(ctx) {
    const threshold = typeof ctx.params.threshold === 'number' ? ctx.params.threshold : DEFAULT_THRESHOLD;
    const strong = cueRegex(Array.isArray(ctx.params.cues) ? (ctx.params.cues as string[]) : STRONG_CUES);
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
      const nextArgues = next !== undefined && POINTS_BACK.test(next.text) && strong.test(next.text) && !ignore?.test(next.text);
      const argued = nextArgues || strong.test(s.text) || (weak.test(s.text) && QUESTION_OR_NEGATION.test(rest));
      if (!argued) return;
      for (const a of small) ctx.report({ start: s.start + a.start, end: s.start + a.end });
    };
    return {
      done() {
        forEachTriggeredSkipping(ctx.doc.text, ctx.sentences, TRIGGER, sentence, triggerSkipper(), true);
      },
    };
  },
};
