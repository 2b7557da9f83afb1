/**
 * need-vs-want: wording that re-labels something a person needs as a mere "want" ("is swimming a
 * need or a want?", "a want not a need", "wants, not needs", "social activities are not a need",
 * "a lifestyle choice"). The person's own wishes ("I want to go swimming", "what she needs is a
 * ramp", "Jack wants to go swimming") are never matched: every pattern needs "want" used as a
 * noun (after an article or in a need/want contrast) or a "not a need" verdict. Pure; the trigger
 * lets through only sentences with "want(s)", "need(s)" or "lifestyle".
 */
import type { Detector } from './types.js';

const A = String.raw`(?:an?\s+)`;
const MOD = String.raw`(?:(?:just|simply|merely|only|really|more\s+of)\s+)`;
const QUAL = String.raw`(?:(?:real|genuine|actual|eligible|assessed|essential|basic|care|social\s+care|support|true|proper|priority|core)\s+)`;

/** The words a pattern needs, as bits: every match holds them (in any case), so a sentence without
 * them is not searched with that pattern. Most triggered sentences hold only one of "need" and
 * "want", which rules out most of the patterns. */
const NEED = 1;
const WANT = 2;
const LIFESTYLE = 4;

interface Pattern {
  /** The whole match is the reported span. */
  re: RegExp;
  /** The words (NEED, WANT, LIFESTYLE) every match holds. */
  words: number;
  /** A bare verdict on a need ("is not a need", "really a need"), where a "to" or "for" after it
   * states a fact instead ("there is not a need for a second carer"). */
  verdict?: boolean;
}

const PATTERNS: Pattern[] = [
  // "a need or a want", "a want or a need", "a need or want", "need or want?"
  { words: NEED | WANT, re: new RegExp(String.raw`\b(?:${A}need\s+or\s+${MOD}?${A}?want|${A}want\s+or\s+${MOD}?${A}?need)\b(?!-)`, 'gi') },
  // "needs versus wants", "needs v wants", "wants vs needs"
  { words: NEED | WANT, re: /\b(?:needs?\s+(?:versus|vs\.?|v\.?)\s+wants?|wants?\s+(?:versus|vs\.?|v\.?)\s+needs?)\b/gi },
  // "a want not a need", "a want rather than a need", "wants, not needs", "a preference not a need", "a wish rather than a need",
  // "a hobby, not an assessed need", "a luxury rather than a need"
  {
    words: NEED,
    re: new RegExp(
      String.raw`\b(?:${A}?(?:want|wants|preference|preferences|wish|wishes|lifestyle\s+choice|choice|hobby|hobbies|luxury|luxuries|treat|treats|pastime|pastimes|leisure\s+activit(?:y|ies)|social\s+activit(?:y|ies))|more\s+of\s+${A}want)\s*,?\s*(?:and\s+)?(?:not|rather\s+than|instead\s+of|as\s+opposed\s+to|more\s+than)\s+${A}?${QUAL}?needs?\b(?!-)`,
      'gi',
    ),
  },
  // "is a want", "is more of a want", "are just wants", "seems like a want", "is seen as a 'want'"
  { words: WANT, re: new RegExp(String.raw`\b(?:is|are|was|were|seems?|seemed|appears?|sounds?|be)\s+(?:seen\s+as\s+|regarded\s+as\s+|viewed\s+as\s+|classed\s+as\s+|classified\s+as\s+|described\s+as\s+|considered\s+|deemed\s+|felt\s+to\s+be\s+)?(?:like\s+|more\s+(?:like\s+|of\s+)|just\s+|simply\s+|only\s+|really\s+|merely\s+|more\s+)?(?:${A}["'“‘]?want|["'“‘]?wants)\b(?!\s+(?:to|for)\b)(?:["'”’](?![A-Za-z]))?`, 'gi') },
  // "social activities are not a need", "this is not an eligible care need", "isn't a real need"
  // ("is not an eligible need" is left to gatekeeping/not-eligible: "eligible need" is a protected phrase.)
  { words: NEED, verdict: true, re: new RegExp(String.raw`\b(?:is|are|was|were|be)\s+(?:not|n['’]t)\s+(?:really\s+|strictly\s+)?${A}?(?!eligible)${QUAL}?${QUAL}?needs?\b(?![-\w])|\b(?:isn|aren|wasn|weren)['’]t\s+(?:really\s+)?${A}?(?!eligible)${QUAL}?${QUAL}?needs?\b(?![-\w])`, 'gi') },
  // "is swimming really a need?", "whether it is actually a need" (a question about need)
  { words: NEED, verdict: true, re: new RegExp(String.raw`\b(?:really|actually|genuinely|truly|strictly)\s+${A}(?!eligible)${QUAL}?needs?\b(?![-\w])(?=[^.!?]*\?)|\bwhether\s+(?:\S+\s+){1,4}(?:is|are)\s+(?:really\s+|actually\s+)?${A}(?!eligible)${QUAL}?needs?\b(?![-\w])`, 'gi') },
  // "does he actually need the cinema trips, or does he just like them?", "do they really need a
  // sitter or just want company": a question that sets the need against liking or wanting it
  // (a question about need alone, "does she need help with meals, or can she manage?", is not).
  { words: NEED, re: /\b(?:do|does|did)\s+[\w'’-]+\s+(?:really|actually|genuinely|truly)\s+need\b[^.!?]{0,80}?\bor\s+(?:(?:do|does|did)\s+[\w'’-]+\s+)?(?:just|only|simply|merely)\s+(?:like|want|enjoy|prefer)s?\b/gi },
  // "a lifestyle choice"; "a lifestyle preference rather than care" only as a contrast (a profile's
  // "lifestyle preferences", late nights or a vegetarian diet, are the person's own).
  { words: LIFESTYLE, re: /\blifestyle\s+choices?\b|\blifestyle\s+preferences?(?=\s*,?\s*(?:rather\s+than|not|instead\s+of|as\s+opposed\s+to|more\s+than)\s)/gi },
  // "more of a want than a need", also when an aside splits it from its verb ("was, on the
  // whole, more of a want than a need"), which the "is more of a want" pattern cannot reach.
  { words: NEED, re: new RegExp(String.raw`\bmore\s+of\s+${A}(?:want|wish|preference|luxury|treat|hobby|pastime)\s+than\s+${A}?${QUAL}?needs?\b(?!-)`, 'gi') },
  // A doubted need set against a preference: "not persuaded that the allotment meets a need rather
  // than a personal wish", "whether the gym is a need rather than a lifestyle wish". Only the contrast
  // is reported ("rather than a personal wish"), so the span stays clear of a protected
  // "eligible need"; "swimming is a need rather than a want for Amira" (no doubt) is left alone.
  // (The look-ahead in front lets V8 skip the positions where the contrast cannot begin, rather
  // than reading the look-behind at each.)
  // (Its "need" is in the look-behind, not in the match, so `words` is 0: it is tried on every
  // triggered sentence, which holds "need" or "want" anyway.)
  {
    words: 0,
    re: new RegExp(
      String.raw`\b(?=rather|as|and|not)(?<=\b(?:not\s+(?:satisfied|persuaded|convinced|clear|sure)|unconvinced|whether|questioned|questions\s+whether|unclear)\b[^.;?!]{0,80}?\bneeds?\s*,?\s)(?:rather\s+than|as\s+opposed\s+to|and\s+not|not)\s+(?:just\s+|simply\s+|merely\s+)?${A}?(?:social\s+|personal\s+|lifestyle\s+)?(?:want|wants|wish|wishes|preference|preferences|choice|luxury|hobby|pastime|treat)\b`,
      'gi',
    ),
  },
];

/** The need-vs-want detector (rule `gatekeeping/need-vs-want`). */
export const needVsWant: Detector = {
  meta: {
    name: 'need-vs-want',
    description: 'Wording that re-labels a need as a want, a preference or a lifestyle choice.',
    params: { type: 'object', additionalProperties: false, properties: {} },
    trigger: /\b(?:wants?|needs?|lifestyle)\b/gi,
  },
  create(ctx) {
    return {
      sentence(s) {
        const taken: [number, number][] = [];
        // (A match's words are ASCII letters, which toLowerCase() lowers one for one.)
        const lower = s.text.toLowerCase();
        const words = (lower.includes('need') ? NEED : 0) | (lower.includes('want') ? WANT : 0) | (lower.includes('lifestyle') ? LIFESTYLE : 0);
        for (const { re, words: needed, verdict } of PATTERNS) {
          if ((needed & words) !== needed) continue;
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(s.text))) {
            const a = m.index;
            let b = a + m[0].length;
            // Stop before a protected "(an) eligible need": "a want, not an eligible need" → "a want, not".
            const protectedAt = m[0].search(/\s(?:an?\s+)?eligible\s+needs?$/i);
            if (protectedAt > 0) b = a + protectedAt;
            if (taken.some(([x, y]) => x < b && a < y)) continue;
            // "there is not a need to …", "was not a need for …" state a fact, not a verdict on a need.
            // Only for the bare verdicts (`verdict`): a contrast keeps its "for": "more of a
            // wish than a need for Jamie", "a want, not a need, for her".
            if (verdict && /^\s+(?:to|for)\b/i.test(s.text.slice(b, b + 6)) && /needs?$/i.test(m[0])) continue;
            taken.push([a, b]);
            ctx.report({ start: s.start + a, end: s.start + b });
          }
        }
      },
    };
  },
};

/** The patterns and the words each needs, for the test that every match holds them. Not part of the package's API. */
export const needVsWantParts = { PATTERNS, NEED, WANT, LIFESTYLE } as const;
