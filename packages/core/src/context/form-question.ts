/**
 * A form's own wording about whoever the form is for. Referral, assessment and risk templates ask
 * "Has the person refused any services in the past?", "Is the person known to be aggressive
 * towards staff?", "Is there any history of aggression?", and name fields such as "History of
 * aggression:" or "Wandering?" that the writer answers "No" or "None known". The template is
 * asking, not describing anyone, so a label in such a question, or in a field answered with a plain
 * no, is reported at `info` (it is still in the text, and a form can be reworded), not as a
 * warning; an answer that says more ("Yes: Amal refused …", "Risk of absconding: high") is read as
 * any other sentence.
 *
 * A question about someone named or already known ("Has Jack refused his tablets?", "Is the client
 * aggressive?", "Could his sister do the evening call?") stays a finding: only the form's generic
 * placeholders count (the person, the adult, the child, the young person, the individual, the
 * applicant), or a "Is there any history of …" question with no one in it. Decided on the words of
 * one sentence (and, for a field whose question mark ends it, the answer that follows). analyse()
 * asks for labels only (deficit, dehumanising, blaming): a gatekeeping question such as "Is the
 * person's swimming a need or a want?" is the wording SPEC names, on a form or not. Pure; never throws.
 */

const AUX = '(?:[Hh]as|[Hh]ave|[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Dd]oes|[Dd]o|[Dd]id|[Cc]an|[Cc]ould|[Ww]ill|[Ww]ould|[Mm]ay|[Mm]ight)';
const AUX_CAPITAL = '(?:Has|Have|Is|Are|Was|Were|Does|Do|Did|Can|Could|Will|Would|May|Might)';
const GENERIC = '(?:[Tt]he|[Tt]his)\\s+(?:person|adult|child|young\\s+person|individual|applicant)\\b';
const THERE = '(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere)\\s+there\\s+(?:any\\s+)?(?:(?:known|previous|past|current)\\s+)?(?:history|risk|concerns?|incidents?|episodes?|evidence)\\s+of\\b';
/**
 * Up to the match, the sentence holds a form's yes/no question about its generic subject: at the
 * sentence's start (after an optional question number or letter, and any bullet or markup blanked
 * to spaces), or later with a capital, as a form's next question does when a tick box or a "No"
 * before it is not a sentence's end ("☒ No Has the person ever …").
 */
const FORM_QUESTION = new RegExp(
  `(?:^[\\s*_#>|•·–-]*(?:(?:Q\\s?)?(?:\\d{1,3}|[a-z])[.):]?\\s+)?(?:${AUX}\\s+${GENERIC}|${THERE})|(?<![\\p{L}’'-])(?:${AUX_CAPITAL}\\s+${GENERIC}|(?:Is|Are|Was|Were)\\s+there\\s+(?:any\\s+)?(?:(?:known|previous|past|current)\\s+)?(?:history|risk|concerns?|incidents?|episodes?|evidence)\\s+of\\b))[^?.!]*$`,
  'u',
);
/** The rest of the sentence after the match runs on to its question mark. */
const ASKED = /^[^?.!]*\?/;

/** A plain no: what a form's field is answered with when there is nothing to record. */
const NO = String.raw`(?:no|none|none\s+known|none\s+reported|none\s+recorded|nil|n\/a|not\s+applicable|not\s+known|no\s+concerns?|no\s+known\s+(?:history|concerns?|risks?)|never)`;
/** The sentence's start up to the match: a field's name only (no clause end before it). */
const FIELD_START = /^[\s*_#>|•·–-]*(?:(?:\d{1,3}|[a-z])[.)]\s+)?[^:?.!;\n]{0,80}$/i;
/** From the match on: the rest of the field's name, its colon or question mark, then a plain no and nothing else. */
const FIELD_NO = new RegExp(String.raw`^[^:?.!;\n]{0,60}[:?][\s*_]*${NO}[\s*_]*\.?\s*$`, 'i');
/** From the match on: the field's name ends the sentence with its question mark ("Refuses medication?"). */
const FIELD_ASKED = /^[^:?.!;\n]{0,60}\?[\s*_]*$/;
/** A sentence that is only a plain no ("No.", "None known"). */
const ONLY_NO = new RegExp(String.raw`^[\s*_]*${NO}[\s*_]*\.?\s*$`, 'i');

/** Is the match at [`at`, `end`) of `sentence` inside a form's question about its generic subject? */
export function isFormQuestion(sentence: string, at: number, end: number): boolean {
  if (at > 200 || !ASKED.test(sentence.slice(end, end + 200))) return false;
  return FORM_QUESTION.test(sentence.slice(Math.max(0, at - 200), at));
}

/**
 * Is the match at [`at`, `end`) of `sentence` in a form field's name answered with a plain no
 * ("History of aggression: None known.", "Wandering? No")? `next` is the following sentence of the
 * paragraph, for a field whose question mark ends its sentence ("Refuses medication?" then "No.").
 */
export function isFieldAnsweredNo(sentence: string, at: number, end: number, next?: string): boolean {
  if (at > 80 || !FIELD_START.test(sentence.slice(0, at))) return false;
  const rest = sentence.slice(end, end + 120);
  if (FIELD_NO.test(rest)) return true;
  return next !== undefined && FIELD_ASKED.test(rest) && ONLY_NO.test(next.slice(0, 60));
}
