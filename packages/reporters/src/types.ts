/**
 * The reporter contract. Every format is a streaming reporter — text before the first result,
 * text for each result in order, text after the last with the summary — so the CLI can write a
 * run of any size in bounded memory; the plain `(results, summary) => string` function of each
 * format is built from the same pieces, so both give byte-identical output. Types only.
 */
import type { Category, DocumentOutcome, Severity, Summary } from '@sourdough/core';

/** What a reporter may know about a rule beyond its findings (SARIF rule descriptors, HTML). */
export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  rationale?: string;
  suggest?: string[];
  url?: string;
}

/** Options every reporter accepts (each uses what it needs). */
export interface ReporterOptions {
  /** ANSI colour (stylish). The CLI sets it only on a TTY without NO_COLOR. */
  color?: boolean;
  /** Rule metadata by id (SARIF descriptors, HTML explanations). */
  rules?: ReadonlyMap<string, RuleInfo> | Record<string, RuleInfo>;
  /** Tool version shown in SARIF. */
  version?: string;
  [extra: string]: unknown;
}

/** One run of a streaming reporter. */
export interface ReporterStream {
  start(): string;
  result(r: DocumentOutcome): string;
  /**
   * For formats whose per-result text depends only on the result (json): what goes before a
   * result already rendered elsewhere (by `renderJsonResult`, e.g. in a worker thread). Writing
   * `resultPrefix()` and then the rendered text gives the same as `result(r)`.
   */
  resultPrefix?(): string;
  end(summary: Summary): string;
}

/** Makes a ReporterStream for one run. */
export type StreamingReporter = (options?: ReporterOptions) => ReporterStream;

/** results → string. */
export type Reporter = (results: DocumentOutcome[], summary: Summary, options?: ReporterOptions) => string;

/** Build the string reporter of a format from its streaming form. */
export function fromStream(make: StreamingReporter): Reporter {
  return (results, summary, options) => {
    const s = make(options);
    let out = s.start();
    for (const r of results) out += s.result(r);
    return out + s.end(summary);
  };
}

/** Look up a rule in the `rules` option, whichever shape it has. */
export function ruleInfo(options: ReporterOptions | undefined, id: string): RuleInfo | undefined {
  const rules = options?.rules;
  if (!rules) return undefined;
  if (rules instanceof Map) return rules.get(id);
  return Object.hasOwn(rules, id) ? (rules as Record<string, RuleInfo>)[id] : undefined;
}

/**
 * A rule's message as a description of the rule rather than of one finding (`sourdough rules` and
 * `explain`, a SARIF rule's short description): the words found shown as "…" ("“…” can make a
 * choice sound like defiance.", "Arguing over “…” puts cost before the person's need."), so a
 * message with the words in the middle still reads as a sentence.
 */
export function ruleDescription(message: string): string {
  const s = message.replace(/\{match\}/g, '…').replace(/…+/g, '…').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
