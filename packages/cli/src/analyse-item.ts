/**
 * One read document → one result, the same way in the main thread and in a worker, so `--jobs N`
 * output is identical to `--jobs 1`. A failure while analysing (a detector that throws) becomes an
 * error entry for that document, never a crash.
 */
import { analyse, SourdoughError, type AnalyseOptions, type DocumentOutcome, type RuleSet } from '@sourdough/core';
import type { ReadDocument } from '@sourdough/readers';

/** The parts of a read document that label its result (path, id, row, meta), in output order. */
export function labelOf(item: { path: string; id?: string; row?: number; meta?: Record<string, string> }): { path: string; id?: string; row?: number; meta?: Record<string, string> } {
  const out: { path: string; id?: string; row?: number; meta?: Record<string, string> } = { path: item.path };
  if (item.id !== undefined) out.id = item.id;
  if (item.row !== undefined) out.row = item.row;
  if (item.meta !== undefined) out.meta = item.meta;
  return out;
}

/** Analyse one document; errors become an error entry naming the file (and row). */
export function analyseItem(item: ReadDocument, set: RuleSet, options: AnalyseOptions): DocumentOutcome {
  try {
    const r = analyse(item.doc, set, options);
    return { ...labelOf(item), findings: r.findings, stats: r.stats };
  } catch (err) {
    const code = err instanceof SourdoughError ? err.code : 'SD_ERR_INTERNAL';
    const where = `${item.path}${item.row !== undefined ? ` row ${item.row}` : ''}`;
    return { ...labelOf(item), error: { code, message: `${where}: could not be analysed: ${(err as Error).message}` } };
  }
}
