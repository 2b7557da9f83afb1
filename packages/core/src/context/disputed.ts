/**
 * A label the record quotes from someone else so that it can record the person disagreeing with
 * it ("School reported that he was 'disruptive', which he disputes"; "The consultant wrote that
 * she lacks insight, which she strongly disagrees with"; "She disputes the school's view that she
 * is disruptive"; "Mum wants the hospital to stop calling her a difficult parent"). The writer is
 * not using the label: they are writing down the person's side. Deficit, dehumanising and blaming
 * findings in such a sentence are reported at `info`, not dropped (the label is still in the
 * record, and is worth a look), and not as a warning.
 *
 * Decided on the sentence's own words, cheaply:
 * - a dispute word before the match that takes someone else's view as its object ("disputes the
 *   school's view that", "does not accept that", "disagrees with the description", "stop calling
 *   her"), so "Mum does not accept the concerns and was hostile" is still reported; or
 * - a dispute after the match by someone named by a pronoun, a name or a family word ("which he
 *   disputes", "; Mum disagrees"), when a reporting word before the match says whose label it is
 *   ("reported", "wrote", "described", "calls" …). Without that, "He is aggressive, which he
 *   disputes" is still the writer's own label and is reported as usual.
 * Pure; never throws.
 */

/** Cheap test: no dispute word, nothing to decide (most sentences). */
const ANY = /\b(?:disput|disagree|reject|contest|accept|stop (?:calling|describing|labell?ing))/i;

const BEFORE = /\b(?:disputes|disputed|disputing|disagrees with|disagreed with|disagreeing with|rejects|rejected|contests|contested|(?:does|did|do) not accept|(?:doesn|didn|don)['’]t accept)(?: (?:the|a|this|their|his|her|its|[A-Za-z]+['’]s))?(?: [a-z'’]+){0,3}? (?:view|views|description|descriptions|label|labels|account|report|assessment|opinion|finding|findings|suggestion|claim|comment|comments|statement|being (?:called|described|labelled|labeled|seen)|that)\b|\bstops? (?:calling|describing|labell?ing) (?:her|him|them|me|us)\b/i;

const AFTER = /\b(?:he|she|they|mum|dad|mother|father|the family|his family|her family|his parents|her parents|[A-Z][a-z]+)\s+(?:strongly\s+|firmly\s+|completely\s+|still\s+|also\s+|has\s+always\s+|has\s+)?(?:disputes|disputed|disagrees|disagreed|rejects|rejected|contests|contested|(?:does|did) not accept|(?:doesn|didn)['’]t accept)\b/;

const REPORTED = /\b(?:said|says|reported|reports|wrote|writes|written|described|describes|describing|called|calls|calling|labelled|labeled|labels|believes|believed|feels|felt|thinks|thought|states|stated|recorded|records|noted|notes|considers|considered|suggested|suggests|view|views|opinion|letter|report|assessment)\b/i;

/**
 * Is the match (at `rel`..`relEnd` in `sentence`) a label the sentence quotes from someone else in
 * order to record the person disputing it?
 */
export function isDisputedLabel(sentence: string, rel: number, relEnd: number): boolean {
  if (!ANY.test(sentence)) return false;
  const before = sentence.slice(0, rel).replace(/\s+/g, ' ');
  if (BEFORE.test(before)) return true;
  const after = sentence.slice(relEnd).replace(/\s+/g, ' ');
  return AFTER.test(after) && REPORTED.test(before);
}
