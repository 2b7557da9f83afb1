/**
 * Where to mark each finding's words in its sentence, for reporters that show the sentence
 * (`stylish`, `html`). A finding carries the sentence as it reads and its own text as it stands in
 * the source, but not where in the sentence it sits, so:
 *
 * - the words are looked for as they stand (runs of white space read as one space), or, when
 *   markup sits inside them (`service <b>user</b>`, `service **user**`), as the same words with
 *   anything but letters and digits between them;
 * - when they occur more than once in the sentence, the findings on that sentence take the
 *   occurrences in order (a document's findings are in text order), so "refused breakfast and
 *   refused lunch" marks the second "refused" for the second finding (of the same rule). A
 *   sentence that appears twice in a document starts again at its first occurrence.
 */
import type { Finding } from '@sourdough/core';

/** A stretch of a finding's sentence to mark: [start, end) in UTF-16 code units. */
export type Mark = readonly [start: number, end: number];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place the words of `text` occur in `sentence`, in order. */
export function occurrences(sentence: string, text: string): Mark[] {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain) return [];
  const out: Mark[] = [];
  for (let i = sentence.indexOf(plain); i >= 0; i = sentence.indexOf(plain, i + plain.length)) out.push([i, i + plain.length]);
  if (out.length) return out;
  // Markup inside the words: match the words themselves, whatever lies between them.
  const words = plain
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, ' ')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of sentence.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** For a document's findings (in text order), the stretch of each one's sentence to mark, if any. */
export function marksFor(findings: readonly Finding[]): (Mark | undefined)[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!f.sentence || !f.text) return undefined;
    const found = occurrences(f.sentence, f.text);
    if (found.length === 0) return undefined;
    const key = `${f.ruleId}\u0000${f.sentence}\u0000${f.text}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    return found[nth % found.length];
  });
}
