/**
 * The shape of a code-backed rule (a detector), after ESLint's `meta` + `create`. A detector is
 * named by a YAML rule (`detector: small-sum`), which supplies the message, rationale and
 * examples users see. Pure: detectors never do I/O.
 */
import type { Severity, SourceDocument } from '../types.js';

/** A sentence as detectors see it. Offsets index the source. */
export interface SentenceView {
  index: number;
  start: number;
  end: number;
  /** The sentence text from the masked document (same length as the span). */
  text: string;
  /** Heading of the section it sits in, if any. */
  section?: string;
}

/** What a detector reports: a span (offsets into the source) or a document-level observation. */
export interface DetectorReport {
  /** Absolute [start, end) offsets; omit both for a document-level finding. */
  start?: number;
  end?: number;
  /** Overrides the rule's message (must not echo sensitive values). `{match}` is filled in. */
  message?: string;
  severity?: Severity;
}

/** Passed to `create`. */
export interface DetectorContext {
  params: Record<string, unknown>;
  doc: SourceDocument;
  /** Every sentence of the document. */
  sentences: SentenceView[];
  /** Options the caller passed (document kind etc.). */
  options: { kind?: 'plan' | 'note' | 'auto' };
  report(r: DetectorReport): void;
  /** Add a figure to the document's stats (e.g. strengths count). */
  stat(name: string, value: unknown): void;
  /**
   * For a regex in `meta.searches` (or the trigger): a function giving the first offset at or
   * after `from` where it can begin to match, or -1 when it cannot match after `from` — for
   * forEachTriggered's `skipTo`. For other regexes it returns `from`.
   */
  skipTo?(re: RegExp): (text: string, from: number) => number;
  /**
   * The offsets of every ASCII digit in the document's text, ascending (search.ts's
   * digitOffsets), found once per analysis and shared by the detectors that ask.
   */
  digits?(): readonly number[];
}

/** The handlers a detector returns. */
export interface DetectorHandlers {
  /** Called for each sentence (only sentences matching `meta.trigger`, when it is set). */
  sentence?(s: SentenceView): void;
  /** Called once after all sentences. */
  done?(): void;
}

/** A detector module. */
export interface Detector {
  meta: {
    name: string;
    description: string;
    /** JSON Schema for the YAML `params`. */
    params: Record<string, unknown>;
    /** Cheap prefilter: sentence() runs only on sentences this matches (a global RegExp). */
    trigger?: RegExp;
    /**
     * Global RegExps the detector searches whole texts with (its trigger is included anyway).
     * When one opens with `\b` and literal words, the engine's one scan notes where those begin,
     * and `ctx.skipTo(re)` lets the search jump ahead instead of running over every character.
     */
    searches?: RegExp[];
    /**
     * The figures this detector adds to the stats (`ctx.stat`). With `AnalyseOptions.alwaysStats`
     * a detector that lists some runs even when every rule using it is off, for the figures alone
     * (what it reports is dropped), so an audit's strengths and voice figures do not depend on
     * whether the voice findings are wanted.
     */
    stats?: string[];
  };
  create(ctx: DetectorContext): DetectorHandlers;
}
