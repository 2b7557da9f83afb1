/**
 * strengths: counts strengths and aspiration statements ("enjoys", "is proud of", "is good at",
 * "would like to", "what's important to me") — one per sentence, skipping negated ones ("does
 * not enjoy") — and adds the count to the stats as `strengths` (reports can set it against the
 * deficit findings in `byCategory`). Reports (document-level) a plan that records none. Pure.
 */
import type { Detector, SentenceView } from './types.js';
import { forEachTriggered } from './triggered.js';
import { resolveDocumentKind } from '../context/document-kind.js';
import { isNegated } from '../context/negation.js';

export const STRENGTH_SCAN =
  /\b(?:enjoys?|enjoyed|enjoying|loves?|loved|loving|likes?|liked|(?:is|am|are|was|'m|’m)\s+(?:really\s+|very\s+|so\s+)?(?:proud|good|great|brilliant|skilled|talented|interested|passionate|keen|confident)|proud of|good at|great at|skilled at|talent(?:ed|s)? (?:for|at)|strengths?|would (?:really\s+)?(?:like|love) to|(?:wants?|wanting|hopes?|hoping|plans?|planning|aims?|dreams?) (?:to|of)|looking forward to|important to (?:me|him|her|them|[A-Z][a-z]+)|matters to (?:me|him|her|them|[A-Z][a-z]+)|(?:like|admire|appreciate) about (?:me|him|her|them|[A-Z][a-z]+)|achieved|achievements?|(?:has|have) a gift for)\b/gi;


/**
 * Cheap prefilter (word stems only, never spanning white space, so a match never crosses a
 * sentence): STRENGTH_SCAN runs only on the sentences it finds.
 */
const TRIGGER = /\b(?:enjoy|lov|lik|proud|good|great|brilliant|skilled|talent|interested|passionate|keen|confident|strength|would|want|hop|plan|aim|dream|looking|important|matters|admire|appreciate|achiev|gift)/gi;

/** The `strengths` detector. */
export const strengths: Detector = {
  meta: {
    name: 'strengths',
    description: 'Counts strengths and aspiration statements; reports a plan that records none.',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSentences: { type: 'integer', minimum: 1, description: 'Only report plans with at least this many sentences (default 3).' },
      },
    },
    // No trigger: done() scans with TRIGGER itself, jumping to the end of each sentence it hits,
    // and only where the engine's scan found one of its words.
    searches: [TRIGGER],
    stats: ['strengths', 'kind'],
  },
  create(ctx) {
    const minSentences = typeof ctx.params.minSentences === 'number' ? ctx.params.minSentences : 3;
    let count = 0;
    const sentence = (s: SentenceView): void => {
      STRENGTH_SCAN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = STRENGTH_SCAN.exec(s.text))) {
        if (!isNegated(s.text, m.index)) {
          count++;
          STRENGTH_SCAN.lastIndex = 0;
          return;
        }
      }
    };
    return {
      done() {
        forEachTriggered(ctx.doc.text, ctx.sentences, TRIGGER, sentence, { skipTo: ctx.skipTo?.(TRIGGER) });
        ctx.stat('strengths', count);
        const kind = resolveDocumentKind(ctx.options.kind, ctx.doc, ctx.sentences);
        ctx.stat('kind', kind);
        if (kind === 'plan' && count === 0 && ctx.sentences.length >= minSentences) ctx.report({});
      },
    };
  },
};
