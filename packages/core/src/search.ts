/**
 * Position look-ups the engine shares: the binary searches over spans sorted by start (sentences,
 * blocks, quotes), over sections sorted by offset and over ascending offsets, and sticky copies of
 * regexes to try at one offset only.
 */

/** Index of the last item starting at or before `offset` (-1 when none does). */
export function lastStartingAtOrBefore(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the last item at or before `offset`, for items sorted by `offset` (a document's sections); -1 when none is. */
export function lastOffsetAtOrBefore(items: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first of `values` (ascending) at or after `offset`; values.length when none is. */
export function firstAtOrAfter(values: readonly number[], offset: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last item at or before `offset`, for items sorted by `offset` (a document's sections); undefined when none is. */
export function lastAtOrBefore<T extends { offset: number }>(items: readonly T[], offset: number): T | undefined {
  const i = lastOffsetAtOrBefore(items, offset);
  return i < 0 ? undefined : items[i];
}

/** A copy of `re` that matches only at its `lastIndex` (sticky, not global). */
export function stickyCopy(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
}

const DIGIT = /\d/g;

/**
 * The offsets of every ASCII digit (0–9) in `text`, ascending. The privacy triggers and
 * small-sum's pence amounts all begin at a digit, and most documents hold few: this one list,
 * found once per document, lets each of them be tried only there (see placesSkipper) instead of
 * searching the whole text once each.
 */
export function digitOffsets(text: string): number[] {
  const out: number[] = [];
  DIGIT.lastIndex = 0;
  // (A RegExp finds the first digit of a run faster than a loop over every character.)
  while (DIGIT.test(text)) {
    let i = DIGIT.lastIndex - 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      out.push(i);
    }
    DIGIT.lastIndex = i;
  }
  DIGIT.lastIndex = 0;
  return out;
}

/**
 * A skipTo for forEachTriggeredSkipping(): the first offset at or after `from` that is one of
 * `places` (ascending) or where `literal` occurs in the text, or -1 when there is none. With
 * `accept`, a place counts only when accept(text, place) is true (the literal's are not asked).
 */
export function placesSkipper(places: readonly number[], literal?: string, accept?: (text: string, at: number) => boolean): (text: string, from: number) => number {
  let k = 0;
  let at = -2; // where `literal` was last found (-1: nowhere after the last search; -2: not searched)
  let last = 0;
  return (text, from) => {
    if (from < last) {
      k = 0; // the walks only move forward; restart if not
      at = -2;
    }
    last = from;
    while (k < places.length && places[k]! < from) k++;
    if (accept) while (k < places.length && !accept(text, places[k]!)) k++;
    const place = k < places.length ? places[k]! : -1;
    if (literal === undefined) return place;
    if (at === -2 || (at >= 0 && at < from)) at = text.indexOf(literal, from);
    if (at < 0) return place;
    return place < 0 ? at : Math.min(place, at);
  };
}
