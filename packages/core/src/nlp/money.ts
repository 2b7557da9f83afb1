/**
 * Money amounts in UK case notes and support plans: "£30", "£30.50", "£1,200", "£2.5k", "50p",
 * "thirty pounds", "£5pw", "£1.50 a day", "£120 per month", "£1,200 a year", "£30–£40 a week",
 * "an extra £30 a week" — found with their spans, the period they are paid over, and a weekly
 * figure. Used by the small-sum detector and available to reports. Digits are parsed here with a
 * linear RegExp; number words ("thirty-five pounds") are read by compromise, only for the rare
 * stretch that needs it. Pure: no I/O; never throws on odd input.
 */
import nlp from 'compromise';

/** How often an amount is paid. `once` means no period was stated. */
export type MoneyPeriod = 'once' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'year';

/** One money amount found in a text. Offsets are [start, end) into the text searched. */
export interface MoneyAmount {
  start: number;
  end: number;
  /** The amount in pounds (the higher end of a range: "£30–£40" → 40). */
  amount: number;
  /** The lower end of a range, when a range was written. */
  low?: number;
  period: MoneyPeriod;
  /**
   * The amount as a weekly figure (day × 7, month × 12 ÷ 52, year ÷ 52, fortnight ÷ 2).
   * `undefined` for hourly rates, which cannot be turned into a weekly figure without the hours.
   * For `once` (no period stated) it is the amount itself.
   */
  weekly: number | undefined;
}

const WEEKS_PER: Record<MoneyPeriod, number | undefined> = {
  once: 1,
  hour: undefined,
  day: 1 / 7,
  week: 1,
  fortnight: 2,
  month: 52 / 12,
  year: 52,
};

/** Convert an amount paid per `period` to a weekly figure (undefined for hourly rates). */
export function toWeekly(amount: number, period: MoneyPeriod): number | undefined {
  const weeks = WEEKS_PER[period];
  if (weeks === undefined) return undefined;
  return Math.round((amount / weeks) * 100) / 100;
}

// A digit amount: 30 / 30.50 / 1,200 / 1 200.00 / 2.5k / 1.2m
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?`;
const SCALE = String.raw`(?:\s?(k|m|bn|thousand|million)\b)?`;
const POUND = String.raw`(?:£|GBP\s?)`;
const SPACE = String.raw`[ \t\u00a0]`;

/** Period words after an amount, with optional "extra"/"more" before them. */
const PERIOD_SRC = String.raw`(?:${SPACE}?(?:extra|more|additional|on top|in total|each|in all)${SPACE}*)?(?:${SPACE}*\/${SPACE}*|${SPACE}?-${SPACE}?|${SPACE}+(?:a|an|per|each|every|a\s+calendar|per\s+calendar)${SPACE}+|${SPACE}*)(pw|p\/w|pcm|pm|pa|p\.a\.|ph|p\/h|pd|wk|week|weekly|fortnight|fortnightly|day|daily|night|nightly|month|monthly|mth|year|yearly|yr|annum|annually|annual|hour|hourly|hr|session|visit)(?![A-Za-z])`;

const DIGIT_AMOUNT = new RegExp(
  String.raw`${POUND}(${NUM})${SCALE}(?:${SPACE}?(?:-|–|—|to|or)${SPACE}?${POUND}?(${NUM})${SCALE})?` +
    String.raw`|(?<![\d.,£])(${NUM})${SCALE}${SPACE}?(?:pounds|pound|quid|GBP)\b` +
    String.raw`|(?<![\d.,£\w])(\d{1,3})p(?=pw\b|${SPACE}|[.,;:)!?]|$)`,
  'gi',
);

const NUMBER_WORD =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|a';
/** Number words followed by pounds/quid: "thirty pounds", "twenty-five quid", "a hundred pounds". */
const WORD_AMOUNT = new RegExp(String.raw`\b((?:(?:${NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?|(?=\s*(?:pounds?|quid)\b))){1,6})${SPACE}*(?:pounds?|quid)\b`, 'gi');

const PERIOD_AFTER = new RegExp(`^${PERIOD_SRC}`, 'i');

function periodOf(word: string): MoneyPeriod | 'session' {
  const w = word.toLowerCase().replace(/\./g, '');
  if (['pw', 'p/w', 'wk', 'week', 'weekly'].includes(w)) return 'week';
  if (['fortnight', 'fortnightly'].includes(w)) return 'fortnight';
  if (['pd', 'day', 'daily', 'night', 'nightly'].includes(w)) return 'day';
  if (['pcm', 'pm', 'month', 'monthly', 'mth'].includes(w)) return 'month';
  if (['pa', 'year', 'yearly', 'yr', 'annum', 'annually', 'annual'].includes(w)) return 'year';
  if (['ph', 'p/h', 'hour', 'hourly', 'hr'].includes(w)) return 'hour';
  return 'session';
}

function scaleOf(s: string | undefined): number {
  switch ((s ?? '').toLowerCase()) {
    case 'k':
    case 'thousand':
      return 1_000;
    case 'm':
    case 'million':
      return 1_000_000;
    case 'bn':
      return 1_000_000_000;
    default:
      return 1;
  }
}

function num(s: string): number {
  return Number(s.replace(/[,\s]/g, ''));
}

/** Read number words with compromise ("thirty-five" → 35). */
function wordsToNumber(words: string): number | undefined {
  const cleaned = words.trim().replace(/^a\s+/i, 'one ');
  if (!cleaned || /^a$/i.test(words.trim())) return undefined;
  const found = nlp(cleaned).numbers().get() as unknown[];
  const n = found.length === 1 ? Number(found[0]) : undefined;
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Find every money amount in `text`, in order. "2.30pm", "30 minutes" and a lone "£" are not
 * amounts. A period written after the amount ("a week", "pw", "/month", "per annum", "extra a
 * week") is read and included in the span.
 */
export function findMoney(text: string): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  DIGIT_AMOUNT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGIT_AMOUNT.exec(text))) {
    let amount: number;
    let low: number | undefined;
    if (m[1] !== undefined) {
      const first = num(m[1]) * scaleOf(m[2]);
      if (m[3] !== undefined) {
        // A range: "£30-£40", "£30 to 40", "£2k-3k" (the scale of the second applies to both if the first has none).
        const secondScale = scaleOf(m[4]);
        const second = num(m[3]) * secondScale;
        const firstAdj = m[2] === undefined && m[4] !== undefined ? num(m[1]) * secondScale : first;
        low = Math.min(firstAdj, second);
        amount = Math.max(firstAdj, second);
      } else amount = first;
    } else if (m[5] !== undefined) {
      if (isWeight(text, m.index, m.index + m[0].length)) continue;
      amount = num(m[5]) * scaleOf(m[6]);
    }
    else amount = num(m[7]!) / 100;
    if (!Number.isFinite(amount) || amount <= 0) continue;
    out.push(withPeriod(text, m.index, m.index + m[0].length, amount, low));
  }
  WORD_AMOUNT.lastIndex = 0;
  while ((m = WORD_AMOUNT.exec(text))) {
    const amount = wordsToNumber(m[1]!);
    if (amount === undefined || isWeight(text, m.index, m.index + m[0].length)) continue;
    // Trim a leading "a"/"and" that is not part of the number ("costs a hundred" keeps "a hundred").
    out.push(withPeriod(text, m.index, m.index + m[0].length, amount, undefined));
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const WEIGHT_BEFORE = /\b(?:lost|lose|losing|loses|gained|gain|gaining|gains|weighs?|weighed|weighing|put\s+on|putting\s+on)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|another\s+|an\s+extra\s+)?$/i;
const WEIGHT_AFTER = /^\s*(?:in\s+weight|of\s+weight|heavier|lighter|overweight|underweight)/i;

/** "lost 10 pounds", "ten pounds heavier": pounds as a weight, not money. */
function isWeight(text: string, start: number, end: number): boolean {
  return WEIGHT_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || WEIGHT_AFTER.test(text.slice(end, end + 30));
}

function withPeriod(text: string, start: number, end: number, amount: number, low: number | undefined): MoneyAmount {
  const after = text.slice(end, end + 40);
  const p = PERIOD_AFTER.exec(after);
  let period: MoneyPeriod = 'once';
  let stop = end;
  if (p) {
    const kind = periodOf(p[1]!);
    if (kind !== 'session') {
      period = kind;
      stop = end + p[0].length;
    }
  }
  const found: MoneyAmount = { start, end: stop, amount, period, weekly: toWeekly(amount, period) };
  if (low !== undefined) found.low = low;
  return found;
}

/** Parse a single amount written on its own ("£5pw", "thirty pounds a month"); undefined if none. */
export function parseMoney(text: string): MoneyAmount | undefined {
  return findMoney(text)[0];
}
