/**
 * Position look-ups the engine shares: the binary search over spans sorted by start (sentences,
 * blocks, quotes), and sticky copies of regexes to try at one offset only.
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

/** A copy of `re` that matches only at its `lastIndex` (sticky, not global). */
export function stickyCopy(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
}
