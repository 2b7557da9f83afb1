/**
 * A form's own question about whoever the form is for: referral and assessment templates ask "Has
 * the person refused any services in the past?", "Is the person known to be aggressive towards
 * staff?", "Does the young person have a history of absconding?", "Is there any history of
 * aggression?". The template is asking, not describing anyone, so a label in such a question is
 * reported at `info` (it is still in the text, and a form can be reworded), not as a warning; the
 * answer written under it is read as any other sentence.
 *
 * A question about someone named or already known ("Has Jack refused his tablets?", "Is the client
 * aggressive?", "Could his sister do the evening call?") stays a finding: only the form's generic
 * placeholders count (the person, the adult, the child, the young person, the individual, the
 * applicant), or a "Is there any history of …" question with no one in it. Decided on the words of
 * the one sentence, before the match and up to the question mark after it. analyse() asks it for
 * labels only (deficit, dehumanising, blaming): a gatekeeping question such as "Is the person's
 * swimming a need or a want?" is the wording SPEC names, on a form or not. Pure; never throws.
 */

/**
 * The sentence, up to the match, opens as a form's yes/no question about its generic subject (an
 * optional question number or letter first, and any bullet or markup blanked to spaces).
 */
const FORM_QUESTION = /^[\s*_#>|•·–-]*(?:(?:Q\s?)?(?:\d{1,3}|[a-z])[.):]?\s+)?(?:(?:has|have|is|are|was|were|does|do|did|can|could|will|would|may|might)\s+(?:the|this)\s+(?:person|adult|child|young\s+person|individual|applicant)\b|(?:is|are|was|were)\s+there\s+(?:any\s+)?(?:known\s+|previous\s+|past\s+|current\s+)?(?:history|risk|concerns?|incidents?|episodes?|evidence)\s+of\b)[^?.!]*$/i;
/** The rest of the sentence after the match runs on to its question mark. */
const ASKED = /^[^?.!]*\?/;

/** Is the match at [`at`, `end`) of `sentence` inside a form's question about its generic subject? */
export function isFormQuestion(sentence: string, at: number, end: number): boolean {
  if (at > 200 || !ASKED.test(sentence.slice(end, end + 200))) return false;
  return FORM_QUESTION.test(sentence.slice(0, at));
}
