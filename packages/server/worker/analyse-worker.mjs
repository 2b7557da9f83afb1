/**
 * The worker-thread task that runs the analysis, off the server's event loop (piscina). The rule
 * set is compiled once per worker, when the module loads. Plain JavaScript on purpose: a worker
 * thread loads this file directly, whether the server runs from `src/` (tests) or `dist/`.
 * Never logs, stores or sends anything: text in, findings out.
 */
import { workerData } from 'node:worker_threads';
import { analyse, builtinAllowList, builtinRuleSet, builtinRules, compileRules, readers } from '@sourdough/core';
import { documentFromBytes } from '@sourdough/readers';

// Extra rule packs arrive as data (already validated by the main thread), never as paths.
const extra = workerData?.extraRules ?? [];
const ruleSet = extra.length ? compileRules([...builtinRules(), ...extra], { allow: builtinAllowList(), validate: false }) : builtinRuleSet();

/** Tell the pool's owner this task has started running (so queue time and run time can differ). */
export function started(task) {
  if (task.started) {
    task.started.postMessage(0);
    task.started.close();
    task.started = undefined;
  }
}

/**
 * Analyse a list of documents with one set of options.
 * Uploaded files arrive as bytes and are read here too (DOCX unzipping and HTML parsing stay off
 * the event loop and inside the time limit).
 * @param {{ started?: import('node:worker_threads').MessagePort, items: { text?: string, format?: 'text'|'markdown', doc?: import('@sourdough/core').SourceDocument, bytes?: Uint8Array, kind?: 'docx'|'html'|'markdown'|'text', path?: string }[], options?: import('@sourdough/core').AnalyseOptions }} task
 * @returns {Promise<({ result: import('@sourdough/core').DocumentResult } | { error: { code: string, message: string } })[]>}
 */
export default async function analyseTask(task) {
  started(task);
  const out = [];
  for (const item of task.items) {
    try {
      const doc = item.bytes
        ? await documentFromBytes(item.bytes, item.path ?? '-', item.kind ?? 'text')
        : (item.doc ?? (item.format === 'markdown' ? readers.markdown(item.text ?? '', item.path) : readers.text(item.text ?? '', item.path)));
      out.push({ result: analyse(doc, ruleSet, task.options ?? {}) });
    } catch (err) {
      // Only the code and a fixed message cross back: error messages could quote the input.
      const code = typeof err?.code === 'string' && err.code.startsWith('SD_ERR_') ? err.code : 'SD_ERR_INTERNAL';
      out.push({ error: { code, message: code === 'SD_ERR_INTERNAL' ? 'This document could not be analysed.' : `This document could not be analysed (${code}).` } });
    }
  }
  return out;
}
