/**
 * `sourdough check [paths|-]…`: analyse files and print findings (SPEC §4).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { analyse, builtinRuleSet, readers, summarise, SourdoughError, type AnalyseOptions, type DocumentOutcome } from '@sourdough/core';
import { getReporter } from '@sourdough/reporters';
import type { Io } from '../io.js';

export interface CheckOptions {
  format?: string;
  includeQuotes?: boolean;
  enable?: string[];
  disable?: string[];
  minSeverity?: 'info' | 'warning' | 'error';
  maxWarnings?: number;
}

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Run `check`; returns the exit code. */
export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const format = opts.format ?? (io.stdout.isTTY ? 'stylish' : 'stylish');
  const reporter = getReporter(format);
  if (!reporter) {
    io.stderr.write(`sourdough: unknown format "${format}" (use stylish or json)\n`);
    return 2;
  }
  if (paths.length === 0) {
    io.stderr.write('sourdough: name at least one file to check, or - for standard input\n');
    return 2;
  }
  const set = builtinRuleSet();
  const options: AnalyseOptions = {};
  if (opts.includeQuotes) options.includeQuotes = true;
  if (opts.enable?.length) options.enable = opts.enable;
  if (opts.disable?.length) options.disable = opts.disable;
  if (opts.minSeverity) options.minSeverity = opts.minSeverity;
  const results: DocumentOutcome[] = [];
  for (const p of paths) {
    try {
      const source = p === '-' ? await readStdin(io) : await readFile(resolve(io.cwd, p), 'utf8');
      const ext = extname(p).toLowerCase();
      const doc = ext === '.md' || ext === '.markdown' ? readers.markdown(source, p) : readers.text(source, p);
      results.push(analyse(doc, set, options));
    } catch (err) {
      const code = err instanceof SourdoughError ? err.code : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'SD_ERR_READ' : 'SD_ERR_READ';
      const message = (err as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${p}` : `could not read ${p}: ${(err as Error).message}`;
      results.push({ path: p, error: { code, message } });
    }
  }
  const summary = summarise(results);
  io.stdout.write(reporter(results, summary, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
  if (summary.failed) return 2;
  if ((summary.bySeverity.error ?? 0) > 0) return 1;
  if (opts.maxWarnings !== undefined && (summary.bySeverity.warning ?? 0) > opts.maxWarnings) return 1;
  return 0;
}
