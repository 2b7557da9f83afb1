/**
 * "Did you mean …?" for a mistyped rule id: the closest ids by edit distance (natural's
 * Levenshtein, imported as a submodule, and only when asked: the `natural` index prints to stdout
 * and is slow to load). Used by `explain` and by the check of rule names in options and configs.
 */
import { createRequire } from 'node:module';

type Distance = (a: string, b: string) => number;
let levenshtein: Distance | undefined;

/** Up to three rule ids close to `wanted` (by whole id or by the name after the slash). */
export function didYouMean(wanted: string, ids: readonly string[]): string[] {
  levenshtein ??= (createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance') as { LevenshteinDistance: Distance }).LevenshteinDistance;
  const distance = levenshtein;
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
