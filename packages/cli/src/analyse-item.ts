/**
 * One read document → one result, the same way in the main thread and in a worker, so `--jobs N`
 * output is identical to `--jobs 1`. A failure while analysing (a detector that throws) becomes an
 * error entry for that document, never a crash.
 */
import { analyse, SourdoughError, type AnalyseOptions, type DocumentOutcome, type RuleSet } from '@sourdough/core';
import type { RawRecord, ReadDocument } from '@sourdough/readers';
import { isRawRecord, isReadError, parseRecord } from '@sourdough/readers/record';
import { labelOf, whereOf } from './label.js';

export { labelOf } from './label.js';

/** Analyse one document; errors become an error entry naming the file (and row). */
export function analyseItem(item: ReadDocument, set: RuleSet, options: AnalyseOptions): DocumentOutcome {
  try {
    const r = analyse(item.doc, set, options);
    return { ...labelOf(item), findings: r.findings, stats: r.stats };
  } catch (err) {
    const code = err instanceof SourdoughError ? err.code : 'SD_ERR_INTERNAL';
    return { ...labelOf(item), error: { code, message: `${whereOf(item)}: could not be analysed: ${(err as Error).message}` } };
  }
}

/** Analyse a read document, or parse a raw record first (a record that cannot be read gives its error entry). */
export function analyseTaskItem(item: ReadDocument | RawRecord, set: RuleSet, options: AnalyseOptions): DocumentOutcome {
  if (!isRawRecord(item)) return analyseItem(item, set, options);
  const read = parseRecord(item);
  return isReadError(read) ? read : analyseItem(read, set, options);
}
