/**
 * Sentence cues shared by the identifier finders: does a sentence read as an organisation's
 * contact details (a signature, a switchboard, an office address), or as the person's own details
 * ("her mobile", "lives at")? Pure; constant-time regex tests on one sentence.
 */

/** Words that mark organisation contact details rather than the person's. */
const ORGANISATION = /\b(?:council|town hall|civic cent(?:re|er)|county hall|switchboard|reception|main (?:office|number|line)|office|offices|headquarters|helpline|help line|contact cent(?:re|er)|customer services?|duty (?:desk|team|line|number|worker|social worker)|emergency duty|out of hours|EDT|surgery|GP practice|health cent(?:re|er)|hospital|clinic|ward|NHS trust|trust|ltd|limited|plc|charity|PO Box|department|team base|team on|the team|police station|school|college|library|jobcentre|job centre|day cent(?:re|er)|advice line|enquiries)\b/i;

/** Words that tie a detail to a person (the person, a relative, a home). */
const PERSONAL = /\b(?:lives?|living|lived|moved|moving|home|resides?|residing|stays?|staying|flat|tenancy|his|her|their|my|mum|mum's|mother|dad|dad's|father|son|daughter|wife|husband|partner|brother|sister|neighbour|friend|personal|private)\b/i;

/** True when the sentence reads as an organisation's contact details with nothing personal. */
export function isOrganisationContext(sentence: string): boolean {
  return ORGANISATION.test(sentence) && !PERSONAL.test(sentence);
}

/** The `len` characters of `sentence` before `index` (for "cue just before the value" checks). */
export function before(sentence: string, index: number, len = 40): string {
  return sentence.slice(Math.max(0, index - len), index);
}
