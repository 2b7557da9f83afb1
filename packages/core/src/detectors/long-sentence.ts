/**
 * long-sentence: a sentence longer than `maxWords` words of the writer's own (LEXICON VOI-11,
 * "readability: very long sentences"; the GOV.UK style guide, S15). Words inside quotation marks
 * are not counted: a statutory quotation or the person's own words are not the writer's to
 * shorten. Headings, list items and table cells are blocks of their own, so a sentence never runs
 * across them. The message gives the count, never the text. Rules using it are opt-in
 * (`optIn: true`): sentence length is a team's choice, not a problem with how a person is
 * described. Pure.
 */
import type { Detector } from './types.js';
import { findQuotes } from '../context/quotes.js';

/** A word: letters or digits, with inner apostrophes, hyphens or points ("didn't", "s.47", "co-production"). */
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** The number of words in `text` between `from` and `to`. */
function wordsIn(text: string, from: number, to: number): number {
  WORD.lastIndex = from;
  let n = 0;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) n++;
  return n;
}

export const longSentence: Detector = {
  meta: {
    name: 'long-sentence',
    description: "A sentence longer than maxWords words of the writer's own (words in quotation marks are not counted).",
    params: {
      type: 'object',
      properties: {
        maxWords: { type: 'integer', minimum: 10, maximum: 200, description: 'The most words a sentence may have before it is reported.' },
      },
      additionalProperties: false,
    },
  },
  create(ctx) {
    const max = typeof ctx.params.maxWords === 'number' ? ctx.params.maxWords : 35;
    return {
      sentence(s) {
        const text = s.text;
        // A quick bound first: fewer characters than words allowed cannot hold too many words.
        if (text.length <= max * 2) return;
        const total = wordsIn(text, 0, text.length);
        if (total <= max) return;
        let quoted = 0;
        for (const q of findQuotes(text)) quoted += wordsIn(text, q.start, q.end);
        if (total - quoted <= max) return;
        const lead = text.length - text.trimStart().length;
        const trail = text.length - text.trimEnd().length;
        ctx.report({
          start: s.start + lead,
          end: s.end - trail,
          message: `This sentence is ${total} words long. Long sentences are harder to follow, for the person and for the next reader; try ending it where the idea changes (over ${max} words is counted as long here).`,
        });
      },
    };
  },
};
