/**
 * about-me-problems: problems or issues as the frame of an "About me" section — "Presenting
 * problem: alcohol", "Sam's main problems are his drinking and his temper", "Issues: debt,
 * isolation", "debt problems", "a lot of problems", "problems with alcohol" — in the section meant to say who the person is and what matters to them. LEXICON
 * DEF-22. Only sections headed "About me", "All about Sam" ("All about me, by Tilly"), "My story", "What matters to me",
 * "What's important to me", "Who I am", "Pen picture", "One-page profile" are read: the same words
 * are right in incident, risk and assessment sections, which are left alone. The person's own "my
 * problems" is their framing, and a family member's problems ("Mum's issues with her back") are
 * someone else's, so neither is reported. Pure; does nothing unless such a heading is present.
 */
import type { Detector } from './types.js';
import { headedSections } from '../context/sections.js';

/** A heading for the section that says who the person is. */
const ABOUT_TITLE = new RegExp(
  String.raw`^\W*(?:` +
    [
      // "About you" in a plan or review written to the person (not "About your assessment")
      String.raw`(?:all\s+|more\s+)?about\s+(?:me|you|him|her|them|(?!(?:This|The|Us|Our|Your|You|It)\b)[A-Z][a-z]+)`,
      String.raw`(?:my|his|her|their|[A-Z][a-z]+['’]s)\s+(?:life\s+)?story`,
      String.raw`who\s+(?:I\s+am|he\s+is|she\s+is|they\s+are|[A-Z][a-z]+\s+is)`,
      String.raw`what(?:['’]s|\s+is)\s+important\s+to\s+(?:me|him|her|them|[A-Z][a-z]+)`,
      String.raw`what\s+matters\s+(?:most\s+)?to\s+(?:me|him|her|them|[A-Z][a-z]+)`,
      String.raw`(?:my\s+)?one[- ]page\s+profile`,
      String.raw`pen\s+(?:picture|portrait)`,
      String.raw`personal\s+profile`,
      String.raw`getting\s+to\s+know\s+(?:me|him|her|them|[A-Z][a-z]+)`,
    ].join('|') +
    // an attribution after the title: "All about me, by Tilly", "About me – written with Sam"
    String.raw`)(?:\s*\([^)]*\))?(?:\s*[,:–—-]\s*(?:(?:written|made|drawn)\s+)?(?:by|with)\s+[^,.;:()]{1,40})?\W*$`,
  'i',
);

/** Family members, whose problems are their own (not the person's frame). */
const FAMILY = 'Mum|Dad|Mother|Father|Nan|Nana|Gran|Grandma|Grandad|Granddad|Grandpa|Brother|Sister|Son|Daughter|Wife|Husband|Partner|Aunt|Uncle';

/** The person's own life, as what they have problems with (not a neighbour, a landlord or a boiler). */
const LIFE = String.raw`(?:money|finances|budgeting|reading|writing|spelling|numbers|maths|cooking|memory|mobility|walking|hygiene|personal\s+care|washing|drinking|drink|alcohol|drugs|temper|anger|behaviou?r|weight|eating|sleep|sleeping|moods?|mental\s+health|relationships|communication|concentration|motivation|attendance)`;

/** Problems or issues as the frame: presenting problems, someone's (main) problems, "Issues:". */
const FRAME = new RegExp(
  [
    String.raw`\b[Pp]resenting\s+(?:problems?|issues?|difficult(?:y|ies))\b`,
    // "his problems", "Sam's main issues", "Your main issues" (not "my": the person's own words; not
    // a family member's; not a team's or a council's)
    String.raw`\b(?:[Hh]is|[Hh]er|[Tt]heir|[Yy]our|(?!(?:${FAMILY})['’])[A-Z][a-z]+['’]s)\s+(?:(?:main|key|biggest|many|current|ongoing|underlying|other|numerous|multiple|various|presenting|complex)\s+)?(?:problems|issues)\b`,
    // "the main problems are", "multiple issues" (not "my main problems", "I have many issues")
    String.raw`(?<!\b(?:[Mm]y|[Oo]ur|I\s+have|I['’]ve\s+got)\s)\b(?:[Mm]ain|[Kk]ey|[Bb]iggest|[Oo]ngoing|[Mm]ultiple|[Nn]umerous|[Vv]arious|[Mm]any|[Cc]omplex)\s+(?:problems|issues)\b`,
    // "problem areas", "problem behaviours"
    String.raw`\b[Pp]roblem\s+(?:areas?|behaviou?rs?)\b`,
    // "Problems: alcohol, debt" opening the sentence
    String.raw`^\s*(?:[Pp]roblems|[Ii]ssues|PROBLEMS|ISSUES)(?=\s*:)`,
    // "problems with alcohol and debt" opening the sentence, as after "About me:"
    String.raw`^\s*(?:[Pp]roblems|[Ii]ssues)\s+(?:with|around)\s+(?:(?:his|her|their|your)\s+)?${LIFE}\b`,
    // "You have problems with money", "He has issues with his temper": the person's life as
    // problems with it (not problems with a neighbour, a landlord or the boiler, which are disputes
    // and faults). The subject is left out of the finding; it is looked back for only where
    // "problems" or "issues" stands, not at every character.
    String.raw`\b(?:problems|issues)(?<=\b(?:[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|(?!(?:${FAMILY}|It|This|That|There|We|I)\b)[A-Z][a-z]+)\s+(?:has|have)\s+(?:had\s+|got\s+|always\s+had\s+)?(?:(?:a\s+lot\s+of|lots\s+of|many|several|ongoing|long-standing)\s+)?(?:problems|issues))\s+with\s+(?:(?:his|her|their|your)\s+)?${LIFE}\b`,
  ].join('|'),
  'g',
);

/**
 * The person described as having problems: "a lot of problems", "debt problems", "mental health
 * issues", "a drink problem". Not read in a sentence in the first person ("I have mental health
 * issues and a drink problem"): that is the person's own framing, as "my problems" is.
 */
const HAS_PROBLEMS = new RegExp(
  [
    // "a lot of problems", "lots of issues" (not with a landlord or a neighbour, unless with the
    // person's own life: "lots of issues with money")
    String.raw`(?<!\b(?:I\s+have|I['’]ve\s+got|I['’]ve\s+had|I\s+had)\s)\b(?:a\s+lot\s+of|lots\s+of)\s+(?:problems|issues)\b(?!\s+(?:with|from|over|about)\b(?!\s+(?:(?:his|her|their|your)\s+)?${LIFE}\b))`,
    // "debt problems", "mental health issues", "a drink problem" (not "my drink problem", not Mum's)
    String.raw`(?<!\b(?:[Mm]y|[Oo]ur|I\s+have|I\s+had|I['’]ve\s+got|I['’]ve\s+had|(?:${FAMILY})['’]s|(?:${FAMILY.toLowerCase()})['’]s)\s(?:a\s+)?)\b(?:debt|drink|drinking|alcohol|drug|money|behaviou?r|behavioural|mental\s+health|anger|attitude|attendance|hygiene|weight|memory)\s+(?:problems?|issues)\b`,
  ].join('|'),
  'g',
);
/** A sentence in the first person. */
const FIRST_PERSON = /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y)\b/;

/** Every FRAME match holds one of these (a literal search, quicker than FRAME over each sentence). */
const HINT = /roblem|ssue|resenting|ROBLEM|SSUE|RESENTING/;

/** Is the heading one for who the person is? (Exported for tests.) */
export function isAboutTitle(title: string): boolean {
  return ABOUT_TITLE.test(title);
}

/** The `about-me-problems` detector. */
export const aboutMeProblems: Detector = {
  meta: {
    name: 'about-me-problems',
    description: 'Problems or issues as the frame of an "About me" section.',
    params: { type: 'object', additionalProperties: false, properties: {} },
  },
  create(ctx) {
    return {
      done() {
        for (const section of headedSections(ctx.doc, ctx.sentences, isAboutTitle)) {
          for (const s of section.sentences) {
            if (!HINT.test(s.text)) continue;
            FRAME.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = FRAME.exec(s.text))) ctx.report({ start: s.start + m.index, end: s.start + m.index + m[0].length });
            if (FIRST_PERSON.test(s.text)) continue;
            HAS_PROBLEMS.lastIndex = 0;
            while ((m = HAS_PROBLEMS.exec(s.text))) ctx.report({ start: s.start + m.index, end: s.start + m.index + m[0].length });
          }
        }
      },
    };
  },
};
