/**
 * "Did you mean …?" for a mistyped rule id or category: the closest ids by edit distance
 * (Levenshtein, from `fastest-levenshtein`). Used by the CLI (`explain`, rule names in options and
 * configs) and by the server (an unknown rule in a request, `GET /v1/rules/:category/:name`).
 * It only ever returns ids from `ids`, never the text it was given, so a caller can put its answer
 * in a message without echoing what was sent.
 */
import { distance } from 'fastest-levenshtein';

/** Up to three ids close to `wanted` (by whole id or by the name after the slash), closest first. */
export function didYouMean(wanted: string, ids: readonly string[]): string[] {
  const w = wanted.toLowerCase();
  const scored = ids.map((id) => {
    const name = id.slice(id.indexOf('/') + 1);
    const d = Math.min(distance(w, id), distance(w, name), name.startsWith(w) || w.startsWith(name) ? 1 : Infinity);
    return { id, d };
  });
  const limit = Math.max(2, Math.floor(w.length / 3));
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.id);
}

/**
 * The sentence that offers `close` (didYouMean's answer), to append to a message:
 * ` Did you mean "a"?`, ` Did you mean "a" or "b"?`, ` Did you mean "a", "b" or "c"?`, or '' when
 * nothing is close. `quote` writes each id (a web page links them instead; it must escape them).
 */
export function didYouMeanHint(close: readonly string[], quote: (id: string) => string = (id) => `"${id}"`): string {
  if (close.length === 0) return '';
  const named = close.map(quote);
  const last = named.pop()!;
  return ` Did you mean ${named.length ? `${named.join(', ')} or ${last}` : last}?`;
}
