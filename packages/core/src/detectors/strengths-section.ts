/**
 * strengths-section: a section headed as the person's strengths ("Strengths", "What people like and
 * admire about me", "What's working well") whose sentences mostly say what the person cannot do —
 * "can't", "cannot", "unable to", "fails to", "lacks", "poor", "struggles", "needs help with",
 * "doesn't go out", "has no friends", "not motivated" — or
 * that records nothing ("None identified", "N/A"). LEXICON DEF-21. Reported on the heading, once
 * per section. A section headed for needs or eligibility ("Strengths and needs", "Eligibility")
 * is left alone: there "unable to achieve" is the statutory test (Care Act eligibility
 * regulations) and must be used.
 *
 * A sentence counts as deficit-led when it holds a deficit marker (not negated: "never fails to
 * make us laugh" is a strength) and nothing good about the person; a sentence with both ("kind,
 * though he finds crowds hard") is not counted either way; words in quotation marks are left out
 * (the person's own words). Reported when at least `minDeficits` sentences are deficit-led and
 * they are more than half of the section's sentences. Pure; does nothing unless a heading line,
 * a line label or a marked heading names strengths.
 */
import type { Detector, SentenceView } from './types.js';
import { headedSections } from '../context/sections.js';
import { STRENGTH_SCAN } from './strengths.js';

/** A heading naming the person's strengths. */
const STRENGTHS_TITLE = new RegExp(
  [
    // "Strengths", "My strengths", "Sam's strengths and interests", "Gifts and talents", "Positive qualities"
    String.raw`^\W*(?:(?:my|his|her|their|our|[A-Z][a-z]+['’]s)\s+)?(?:(?:key|personal|main|positive|good)\s+)?(?:strengths?|gifts|talents|qualities)\b`,
    // "What people like and admire about me", "Things others appreciate about Sam"
    String.raw`^\W*(?:what|things)\s+(?:people|others|we|staff|friends|family|everyone|I|you|my\s+\w+)\s+(?:like|love|admire|appreciate|value)(?:\s*(?:,|and|&)\s*(?:like|love|admire|appreciate|value))*\s+about\b`,
    // "Positive things about me", "Good things about Sam"
    String.raw`^\W*(?:positive|good|great|best)\s+things\s+about\b`,
    // "What's strong", "What's working well", "What is going well"
    String.raw`^\W*what(?:'s|’s|\s+is|\s+are)\s+(?:strong|working(?:\s+well)?|going\s+well)\b`,
    // "What I'm good at", "Things Sam is good at"
    String.raw`^\W*(?:things\s+|what\s+)(?:I'm|I’m|I\s+am|he\s+is|she\s+is|they\s+are|[A-Z][a-z]+\s+is)\s+good\s+at\b`,
  ].join('|'),
  'i',
);
/** A heading that names needs, risks or eligibility beside strengths is not a strengths section. */
const NOT_STRENGTHS = /\b(?:needs?|based|difficult(?:y|ies)|risks?|weakness(?:es)?|concerns?|challenges?|worr(?:y|ies|ied)|limitations?|eligib\w*|barriers?|deficits?|not\s+working|wrong)\b/i;

/** What the person cannot do, as the lexicon lists it, and its common neighbours. */
const DEFICIT =
  /\b(?:can(?:['’]t|not)|can\s+not|can\s+no\s+longer|(?:has|have|had)(?:n['’]t|\s+not)\s+been\s+able\s+to|could(?:n['’]t|\s+not)|unable|not\s+able\s+to|no\s+longer\s+able|fail(?:s|ed|ing)?\s+to|lack(?:s|ed|ing)?|poor(?:ly)?|struggl(?:e|es|ed|ing)|difficult(?:y|ies)|finds?\s+it\s+(?:hard|difficult)|needs?\s+(?:help|support|prompting|assistance|reminding|reminders|supervision)|requires?\s+(?:help|support|prompting|assistance|supervision)|incapable|inability|dependent\s+on|reliant\s+on|deficits?|impaired|limited|unmotivated|not\s+(?:motivated|interested|confident|independent)|(?:has|have|had)\s+no\s+(?:friends|interests?|hobbies|motivation|confidence|insight|routine|skills|awareness|sense)|(?:does(?:n['’]t|\s+not)|wo(?:n['’]t)|will\s+not|did(?:n['’]t|\s+not))\s+(?:go\s+out|leave|wash|bathe|shower|cook|clean|shop|eat|drink|engage|talk|speak|mix|join|socialise|socialize|get\s+up|get\s+out|look\s+after|take\s+(?:his|her|their)|manage|cope|listen|follow|read|write|understand))\b|n['’]t\s+able\s+to\b/gi;
/** Verbs whose negation is praise: "never fails to", "does not lack", "rarely struggles". */
const PRAISED = /\b(?:never|not|n['’]t|rarely|seldom|no|without)\s+(?:\w+\s+)?$/i;
/** What someone is like or can do, beside the strengths detector's statements. */
const GOOD =
  /\b(?:can(?!['’]t|not|\s+no\s+longer|\s+(?:hardly|barely|never)\b)|could(?!n['’]t|\s+not|\s+no\s+longer)|is\s+able\s+to|manages?\s+(?:to|well)|copes|has\s+(?:found|learn[et]d?)\s+(?:a\s+)?ways?|uses\s+(?:a|an|his|her|their)|knows|remembers|helps|makes?\s+(?:people|everyone|us|others|staff)\s+(?:laugh|smile)|sense\s+of\s+humou?r|kind|funny|(?<!\b(?:the|her|his|their|of|with|and)\s)caring(?!\s+(?:role|responsibilit\w*|for))|thoughtful|friendly|generous|determined|resilient|patient|polite|cheerful|warm|loyal|honest|creative|artistic|musical|sociable|chatty|independent|hard-?working|brave|gentle|clever|bright|witty|loving|affectionate|reliable|positive|curious|calm|organised|practical)\b/i;
const STRENGTH = new RegExp(STRENGTH_SCAN.source, 'i');
/** Quoted words (the person's own): left out of the count. */
const QUOTED = /["“][^"”]*["”]/g;
/** A section recorded as empty. */
const NOTHING = /^\W*(?:none|nil|n\/?a|not\s+known|not\s+applicable|unknown|tbc|no\s+strengths(?:\s+\w+)?|none\s+(?:identified|noted|known|recorded|observed|evident)|nothing\s+(?:identified|noted|known|recorded|of\s+note))\W*$/i;

/** Is the heading a strengths heading? (Exported for tests.) */
export function isStrengthsTitle(title: string): boolean {
  return STRENGTHS_TITLE.test(title) && !NOT_STRENGTHS.test(title);
}

/** Does this sentence (quotes left out) lead with what the person cannot do, and nothing good? */
export function isDeficitLed(text: string): boolean {
  const t = text.includes('"') || text.includes('“') ? text.replace(QUOTED, ' ') : text;
  // The deficit first: most sentences of a strengths section have none, and the rest is not needed.
  DEFICIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let found = false;
  while ((m = DEFICIT.exec(t))) {
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    if (!/^(?:can|could|unable)/i.test(m[0]) && PRAISED.test(before)) continue;
    found = true;
    break;
  }
  return found && !GOOD.test(t) && !STRENGTH.test(t);
}

/** The items of a one-sentence list, split at commas, semicolons and "and" (the sentence itself when it is no list). */
function listItems(s: SentenceView): SentenceView[] {
  const parts = s.text.split(/\s*[,;]\s*|\s+and\s+/).filter((p) => /[A-Za-z]/.test(p));
  if (parts.length < 3) return [s];
  return parts.map((text) => ({ ...s, text }));
}

/** The `strengths-section` detector. */
export const strengthsSection: Detector = {
  meta: {
    name: 'strengths-section',
    description: 'A strengths section that mostly lists what the person cannot do, or records none.',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minDeficits: { type: 'integer', minimum: 1, description: 'Deficit-led sentences a section needs before it is reported (default 2).' },
      },
    },
  },
  create(ctx) {
    const minDeficits = typeof ctx.params.minDeficits === 'number' ? ctx.params.minDeficits : 2;
    return {
      done() {
        for (const section of headedSections(ctx.doc, ctx.sentences, isStrengthsTitle)) {
          let content = section.sentences.filter((s: SentenceView) => /[A-Za-z]/.test(s.text));
          // A section written as one run-on list ("Strengths: cannot cook, cannot read, lacks
          // confidence") is read item by item, when nothing in it is good.
          if (content.length === 1 && isDeficitLed(content[0]!.text)) content = listItems(content[0]!);
          if (content.length === 0) continue;
          const at = { start: section.titleStart, end: section.titleEnd };
          if (content.length <= 2 && content.every((s) => NOTHING.test(s.text))) {
            ctx.report({ ...at, message: 'No strengths are recorded under “{match}”.' });
            continue;
          }
          // Counted until the outcome is settled: reported once more than half are deficit-led (and
          // at least minDeficits), passed over once that can no longer happen.
          const need = Math.max(minDeficits, Math.floor(content.length / 2) + 1);
          let deficits = 0;
          for (let i = 0; i < content.length && deficits < need && deficits + (content.length - i) >= need; i++) {
            if (isDeficitLed(content[i]!.text)) deficits++;
          }
          if (deficits < need) continue;
          // Reported (rarely): the whole count, for the message.
          deficits = 0;
          for (const s of content) if (isDeficitLed(s.text)) deficits++;
          ctx.report({ ...at, message: `Most of this strengths section (${deficits} of ${content.length} points) is about what the person cannot do.` });
        }
      },
    };
  },
};
