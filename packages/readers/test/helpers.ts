/** Shared test helpers: the repo root (for fixtures/) and collecting a reader's items. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, builtinRuleSet, type DocumentResult } from '@sourdough/core';
import type { ReadItem, ReadDocument } from '../src/index.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every item of an async iterable, in order. */
export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

/** Analyse a read document with the built-in rules and check the SPEC offset invariant. */
export function analyseChecked(item: ReadDocument): DocumentResult {
  const result = analyse(item.doc, builtinRuleSet());
  for (const f of result.findings) {
    if (f.start && f.end) {
      if (item.doc.source.slice(f.start.offset, f.end.offset) !== f.text) throw new Error(`offset invariant broken for ${f.ruleId} at ${f.start.offset}`);
    }
  }
  return result;
}
