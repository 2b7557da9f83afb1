/**
 * @sourdough/reporters — results → string, one pure function per format (ESLint formatter style).
 * Reporters only use `import type` from core.
 */
import type { DocumentOutcome, Summary } from '@sourdough/core';
import { json } from './json.js';
import { stylish, type StylishOptions } from './stylish.js';

/** Options every reporter accepts (each uses what it needs). */
export type ReporterOptions = StylishOptions & Record<string, unknown>;
export type Reporter = (results: DocumentOutcome[], summary: Summary, options?: ReporterOptions) => string;

/** Every reporter by format name. */
export const reporters: Record<string, Reporter> = { json, stylish };

/** The reporter for a format name, or undefined. */
export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}

export { json, stylish };
