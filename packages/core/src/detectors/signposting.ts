/**
 * signposting: "signposted", "advised to contact" and "given a leaflet", split by what happened
 * next (rules gatekeeping/signposting and jargon/signposting; LEXICON GAT-11). With `closed: true`
 * it reports signposting that stood in for help: "just signposted", or the case closed in the same
 * sentence or in the short note straight after it ("Signposted to the Carers Centre. NFA.",
 * "Signposted to Citizens Advice.\nCase closed."), or just after a closure or a note that no help is
 * needed ("No services are required. Given a leaflet about…"). With `closed: false` it reports every other
 * "signpost(ed/ing)" as service jargon, so one phrase gets one finding. Follow-up and service names
 * are the rules' `unless`. Pure; cheap: the trigger lets through only sentences with "signpost",
 * "advised to" or a giving verb.
 */
import type { Detector, SentenceView } from './types.js';

/** Signposting words, the jargon sense. */
const SIGNPOST = /\bsign-?post(?:s|ed|ing)?\b/gi;

/** Signposting that is the whole outcome on its own ("just signposted", "signposted and closed"). */
const ONLY = /\b(?:just|only|simply|merely)\s+sign-?post(?:ed)?\b|\bsign-?post(?:ed)?\s+and\s+(?:closed?|discharged)\b|\bsign-?post(?:ed|ing)\s+only\b/gi;

/** Other ways of passing the person on, gatekeeping only when the case is closed with them. */
const PASSED_ON = [
  /\badvised\s+to\s+(?:contact|ring|call|phone|self-refer)\b/gi,
  // The same passing on in other words: "pointed Mr Ray towards Citizens Advice", "gave her the
  // number for the carers' centre" (LEXICON GAT-11, as "advised to contact" and "given a leaflet").
  /\b(?:pointed|directed)\s+(?:him|her|them|(?:Mr|Mrs|Ms|Miss|Mx)\s+[a-z]+|[a-z]+)\s+(?:towards?|in\s+the\s+direction\s+of)\b/gi,
  // Note style with no object: "Pointed towards the carers' hub; NFA" (still only with a closure).
  /^(?:pointed|directed)\s+(?:towards?|in\s+the\s+direction\s+of)\b/gi,
  /\bgave\s+(?:him|her|them|(?:Mr|Mrs|Ms|Miss|Mx)\s+[a-z]+|[a-z]+)\s+(?:a\s|the\s|some\s)?(?:leaflet|leaflets|factsheet|fact\s+sheet|information\s+pack|number|numbers|phone\s+number|details|list\s+of\s+(?:services|numbers|providers|agencies))\b/gi,
  /\b(?:given|sent|handed|emailed|posted|provided\s+with)\s+(?:a\s|the\s|some\s)?(?:leaflet|leaflets|factsheet|fact\s+sheet|information\s+pack|information|details|a\s+number|numbers|list\s+of\s+(?:services|numbers|providers|agencies))\b/gi,
];

/** The case closed later in the same sentence, or the call ended with the signposting as its outcome. */
const CLOSED_LATER = /^[^.]{0,100}?\b(?:closed|closure|close\s+the\s+case|no\s+further\s+action|NFA|no\s+further\s+involvement|nothing\s+further|discharged|ended\s+the\s+(?:call|contact))\b/i;

/** A next sentence that is the closure itself ("NFA.", "Case closed.", "No further action."). */
const CLOSURE_NOTE =
  /^\W*(?:(?:the\s+)?(?:case|referral|contact|file|episode)\s+(?:is\s+|was\s+|has\s+been\s+|now\s+|to\s+be\s+|will\s+be\s+)?(?:closed|closing)\b|(?:closed|closing|discharged)(?=\s*$|\s*[.;,:!\u2013-]|\s+(?:to|by|as|with|today|now|and)\b)|close\s+(?:the\s+)?case\b|NFA\b|N\.F\.A\b|no\s+further\s+(?:action|involvement)\b|nothing\s+further\b)/i;

/**
 * No help at all as the outcome, in the sentence before the passing-on or earlier in its own
 * ("No services are required. You have been given a leaflet", "As no further support is needed,
 * Sam was advised to contact…"). Not help with one thing ("no help was needed with the forms").
 */
const NO_HELP = /\bno\s+(?:further\s+|other\s+|ongoing\s+)?(?:services?|support|help|involvement)\s+(?:is\s+|are\s+|was\s+|were\s+|will\s+be\s+)?(?:required|needed|necessary|offered|provided|indicated)\b(?!\s+(?:with|on|for|about|in|to)\b)|\bdoes\s+not\s+(?:have|meet)\s+(?:any\s+)?eligible\s+needs\b/i;

/** Is the text between two sentences a plain sentence break or one blank line, not a new section? */
function adjacent(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return gap.length < 40 && (gap.match(/\n/g)?.length ?? 0) <= 2;
}

/** The signposting detector (rules `gatekeeping/signposting` and `jargon/signposting`). */
export const signposting: Detector = {
  meta: {
    name: 'signposting',
    description: 'Signposting, split by whether the case was closed with it (in the sentence or the note straight after) or not.',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['closed'],
      properties: {
        closed: { type: 'boolean', description: 'true: signposting that closed the case (gatekeeping); false: any other signposting (jargon).' },
      },
    },
    trigger: /\bsign-?post|\badvised\s+to\b|\b(?:given|sent|handed|emailed|posted|provided|pointed|directed|gave)\b/gi,
  },
  create(ctx) {
    const wantClosed = ctx.params.closed === true;
    /** Does the next sentence, straight after this one, close the case? */
    const nextCloses = (s: SentenceView): boolean => {
      const next = ctx.sentences[s.index + 1];
      return next !== undefined && adjacent(ctx.doc.text, s.end, next.start) && CLOSURE_NOTE.test(next.text);
    };
    /** Does the sentence straight before this one close the case or say no help is needed? */
    const previousCloses = (s: SentenceView): boolean => {
      const prev = s.index > 0 ? ctx.sentences[s.index - 1] : undefined;
      return prev !== undefined && adjacent(ctx.doc.text, prev.end, s.start) && (CLOSURE_NOTE.test(prev.text) || NO_HELP.test(prev.text));
    };
    return {
      sentence(s) {
        const spans: [number, number, boolean][] = [];
        let closedNext: boolean | undefined;
        let closedBefore: boolean | undefined;
        // The outcome: the case closes with it (later in the sentence or in the note straight
        // after), or the note has just said no help is needed ("No services are required. Given a
        // leaflet"; "As no further support is needed, signposted to…").
        const closedAround = (start: number, end: number): boolean =>
          CLOSED_LATER.test(s.text.slice(end)) || (closedNext ??= nextCloses(s)) || NO_HELP.test(s.text.slice(0, start)) || (closedBefore ??= previousCloses(s));
        const only: [number, number][] = [];
        ONLY.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = ONLY.exec(s.text))) {
          only.push([m.index, m.index + m[0].length]);
          spans.push([m.index, m.index + m[0].length, true]);
        }
        const inOnly = (a: number, b: number): boolean => only.some(([x, y]) => x < b && a < y);
        SIGNPOST.lastIndex = 0;
        while ((m = SIGNPOST.exec(s.text))) {
          const a = m.index;
          const b = a + m[0].length;
          if (inOnly(a, b)) continue;
          spans.push([a, b, closedAround(a, b)]);
        }
        if (wantClosed) {
          for (const re of PASSED_ON) {
            re.lastIndex = 0;
            while ((m = re.exec(s.text))) {
              const a = m.index;
              const b = a + m[0].length;
              if (closedAround(a, b)) spans.push([a, b, true]);
            }
          }
        }
        for (const [a, b, closed] of spans) if (closed === wantClosed) ctx.report({ start: s.start + a, end: s.start + b });
      },
    };
  },
};
