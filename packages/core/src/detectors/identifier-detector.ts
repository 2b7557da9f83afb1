/**
 * Builds the privacy detectors (one per identifier kind) from the finders in ../privacy/. Each
 * detector runs its finder only on sentences its cheap trigger matches, reports the span (never
 * the value: messages come from the rule and must not contain `{match}`), and reports fictional
 * values (Ofcom drama numbers, the NHS test range, example.org) at `info` or not at all, as the
 * rule's `fictional` param says. Not a detector itself. Pure.
 */
import type { Detector, SentenceView } from './types.js';
import { forEachTriggered, forEachTriggeredSkipping } from './triggered.js';
import { digitOffsets, placesSkipper } from '../search.js';
import type { IdentifierHit, IdentifierKind } from '../privacy/types.js';
import { findLabelled, identifierType, isContactKind, isSignatureContact } from '../privacy/find.js';

/** Params every identifier detector accepts (JSON Schema). */
export const identifierParams = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fictional: { enum: ['info', 'ignore'], description: 'Fictional or test values: report at info (default) or not at all.' },
    fictionalMessage: { type: 'string', minLength: 1, description: 'Message for fictional values (must not contain {match}).' },
    weakMessage: { type: 'string', minLength: 1, description: 'Message for matches found without a confirming cue (reported at info).' },
  },
} as const;

/** A detector for one identifier kind; `find` defaults to the kind's finder in privacy/find.ts. */
export function identifierDetector(
  kind: IdentifierKind,
  description: string,
  options: {
    params?: Record<string, unknown>;
    find?: (sentence: string, params: Record<string, unknown>) => IdentifierHit[];
  } = {},
): Detector {
  const type = identifierType(kind);
  const find = options.find ?? ((s: string) => type.find(s));
  return {
    // No meta.trigger: done() runs the type's trigger itself, match by match as analyse() would,
    // without collecting the matches (person names match on most sentences).
    meta: { name: kind, description, params: options.params ?? identifierParams },
    create(ctx) {
      const fictional = ctx.params.fictional === 'ignore' ? 'ignore' : 'info';
      const fictionalMessage = typeof ctx.params.fictionalMessage === 'string' ? ctx.params.fictionalMessage : undefined;
      const weakMessage = typeof ctx.params.weakMessage === 'string' ? ctx.params.weakMessage : undefined;
      const findHere = (text: string): IdentifierHit[] => find(text, ctx.params);
      const sentence = (s: SentenceView): void => {
        // The text before is sliced only for contact kinds (a signature's lines before them).
        let textBefore: string | undefined;
        const before = (): string => (textBefore ??= ctx.doc.text.slice(Math.max(0, s.start - 250), s.start));
        const hits = findLabelled(type, s.text, ctx.doc.text, s.start, findHere);
        for (const h of hits) {
          // Only contact kinds can be a signature's.
          if (isContactKind(h.kind) && isSignatureContact(h.kind, before(), s.text)) continue;
          const report: Parameters<typeof ctx.report>[0] = { start: s.start + h.start, end: s.start + h.end };
          if (h.fictional) {
            if (fictional === 'ignore') continue;
            report.severity = 'info';
            if (fictionalMessage) report.message = fictionalMessage;
          } else if (h.weak) {
            report.severity = 'info';
            if (weakMessage) report.message = weakMessage;
          }
          ctx.report(report);
        }
      };
      return {
        done() {
          const text = ctx.doc.text;
          if (type.atDigits) {
            // Tried (sticky) only where a match can begin: the same sentences, in the same order.
            const places = placesSkipper(ctx.digits?.() ?? digitOffsets(text), type.atDigits.also, type.atDigits.quick);
            forEachTriggeredSkipping(text, ctx.sentences, type.trigger, sentence, places, true, false);
          } else forEachTriggered(text, ctx.sentences, type.trigger, sentence, { jump: false });
        },
      };
    },
  };
}
