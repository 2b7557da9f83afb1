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
 *   ("reported", "wrote", "described", "calls" …), or by the writer ("which I have challenged",
 *   "that we queried", "which is wrong", "; that is not how we describe him"). Without that,
 *   "He is aggressive, which he disputes" is still the writer's own label and is reported as usual.
 * Pure; never throws.
 */

import { SELF_DESCRIPTION_SOURCE } from './self-description.js';

// The writer's own challenge after the label ("which we have queried", "which is not true", "that is
// not how we describe him"): written once, read by the cheap test and by AFTER.
const WRITER_CHALLENGED = String.raw`(?:which|that)\s+(?:I|we)\s+(?:have\s+|had\s+)?(?:since\s+)?(?:challenged|queried|questioned|corrected)\b`;
const WRITER_UNTRUE = String.raw`which\s+(?:is|was)(?:\s+not|n['’]t)\s+(?:true|fair|right|correct|accurate)\b`;
const WRITER_WRONG = String.raw`(?:which|that|this)\s+(?:is|was)\s+(?:wrong|untrue|unfair|not\s+how\s+(?:we|I)\s+(?:would\s+)?(?:describe|see|know|speak\s+(?:of|about)|write\s+about|think\s+of)\s+(?:him|her|them)|not\s+(?:a\s+)?(?:word|description|label)\s+(?:we|I)\s+(?:would\s+)?use)\b`;
const STOP_CALLING = String.raw`stops?\s+(?:calling|describing|labell?ing)`;

/**
 * Cheap test: no dispute word, nothing to decide (most sentences). It holds every way BEFORE and
 * AFTER can begin (the dispute verbs by their stems, the writer's challenges above), read on the
 * sentence as written, so a phrase wrapped over a line still counts.
 */
const ANY = new RegExp(String.raw`\b(?:disput|disagree|reject|contest|accept|${STOP_CALLING}|${WRITER_CHALLENGED}|${WRITER_UNTRUE}|${WRITER_WRONG})`, 'i');

const BEFORE = new RegExp(
  String.raw`\b(?:disputes|disputed|disputing|disagrees with|disagreed with|disagreeing with|rejects|rejected|contests|contested|(?:does|did|do) not accept|(?:doesn|didn|don)['’]t accept)(?: (?:the|a|this|their|his|her|its|[A-Za-z]+['’]s))?(?: [a-z'’]+){0,3}? (?:view|views|description|descriptions|label|labels|account|report|assessment|opinion|finding|findings|suggestion|claim|comment|comments|statement|being (?:called|described|labelled|labeled|seen)|that)\b|\b${STOP_CALLING} (?:her|him|them|me|us)\b`,
  'i',
);

const AFTER = new RegExp(
  String.raw`\b(?:he|she|they|mum|dad|mother|father|the family|his family|her family|his parents|her parents|[A-Z][a-z]+)\s+(?:strongly\s+|firmly\s+|completely\s+|still\s+|also\s+|has\s+always\s+|has\s+)?(?:disputes|disputed|disagrees|disagreed|rejects|rejected|contests|contested|(?:does|did) not accept|(?:doesn|didn)['’]t accept)\b|\b${WRITER_UNTRUE}|\b${WRITER_WRONG}|\b${WRITER_CHALLENGED}`,
);

const REPORTED = /\b(?:said|says|told|asked (?:whether|if)|asks (?:whether|if)|reported|reports|wrote|writes|written|describe|described|describes|describing|call|called|calls|calling|labelled|labeled|labels|believes|believed|feels|felt|thinks|thought|states|stated|recorded|records|noted|notes|considers|considered|suggested|suggests|view|views|opinion|letter|report|assessment)\b/i;

/**
 * What a sentence may say straight after a quoted label that someone else used, to record its
 * effect or the person's objection rather than use it (each after the closing quote mark; with a
 * reporting word before the label): it hurt them ("a doctor once told them Frank was 'going
 * senile', which upset them both"); they asked to have it changed ("the old plan called her
 * 'wheelchair-bound' and she wanted that changed", "… which he asked us to correct"); they dislike
 * it as a word, a few words on ("Mum said he was 'handicapped' when he was small, and she hates
 * the word now"; "… and she hates it" is still reported). Only a quoted label: after an unquoted
 * word ("…was aggressive, which upset them") the behaviour, not the word, may be what upset them.
 */
const AFTER_QUOTE = new RegExp(
  String.raw`^\s*[”"’'],?` +
    '(?:' +
    [
      // hurt
      String.raw`\s*which\s+(?:really\s+|deeply\s+|understandably\s+)?(?:upset|upsets|hurt|hurts|offended|offends|distressed|distresses)\s+(?:him|her|them|me|us|both|the family|his family|her family)\b`,
      // asked to have it changed
      String.raw`\s*(?:and|which|but)\s+(?:(?:he|she|they|I|we|[A-Z][a-z]+)\s+)?(?:has\s+|have\s+|had\s+)?(?:asked|asks|wanted|wants|would\s+like|requested|requests)\s+(?:(?:us|me|them|for)\s+)?(?:(?:that|it|this|the\s+word|the\s+label)\s+(?:to\s+be\s+)?(?:changed|removed|corrected|taken\s+out|deleted)\b|to\s+(?:change|remove|correct|delete)\b)`,
      // named as a word the person rejects, in apposition ("Her son calls her “demented”, a word she has asked
      // everyone not to use"; "…calls Sam “a serial absconder”, a label Sam rejects")
      String.raw`\s*(?:a|the)\s+(?:word|label|term|phrase|description)\b[^.!?;]{0,40}?\b(?:rejects?|rejected|dislikes?|disliked|hates?|hated|objects?\s+to|objected\s+to|disputes?|disputed|disagrees?\s+with|asked\s+(?:us|me|staff|them|everyone)\s+not\s+to\s+use|(?:does|do|did)\s+not\s+(?:use|like|accept)|(?:doesn|don|didn)['’]t\s+(?:use|like|accept))\b`,
      // dislikes it as a word
      String.raw`[^.!?;]{0,40}?\b(?:and|but|which)\s+(?:(?:he|she|they|I|we|[A-Z][a-z]+)\s+)?(?:now\s+|really\s+|still\s+|has\s+always\s+|always\s+)?(?:hates|hated|dislikes|disliked|(?:does|did)\s+not\s+like|(?:doesn|didn)['’]t\s+like)\s+(?:(?:the|that|this)\s+(?:word|term|label|description)\b|(?:it|that)\s+as\s+a\s+(?:word|term|label|description)\b)`,
    ].join('|') +
    ')',
);

/** Is the first character after `at` that is not white space a closing quote mark (where AFTER_QUOTE can begin)? Most matches are not quoted. */
function closesQuote(sentence: string, at: number): boolean {
  let c = sentence.charCodeAt(at);
  while (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) c = sentence.charCodeAt(++at);
  return c === 0x201d || c === 0x2019 || c === 34 || c === 39;
}

/**
 * Is the match (at `rel`..`relEnd` in `sentence`) a label the sentence quotes from someone else in
 * order to record the person disputing it?
 */
export function isDisputedLabel(sentence: string, rel: number, relEnd: number, next?: string): boolean {
  // The words before the match, white space made single: read by every step below, made once.
  let before: string | undefined;
  const wordsBefore = (): string => (before ??= sentence.slice(0, rel).replace(/\s+/g, ' '));
  if (next !== undefined && deniedNext(sentence, rel, relEnd, next, wordsBefore)) return true;
  if (closesQuote(sentence, relEnd) && AFTER_QUOTE.test(sentence.slice(relEnd)) && REPORTED.test(wordsBefore())) return true;
  if (answeredByThePerson(sentence, rel, relEnd, wordsBefore)) return true;
  if (!ANY.test(sentence)) return false;
  if (BEFORE.test(wordsBefore())) return true;
  const after = sentence.slice(relEnd).replace(/\s+/g, ' ');
  return AFTER.test(after) && REPORTED.test(wordsBefore());
}

/**
 * The person's own account straight after a label the sentence reports as someone else's, across a
 * semicolon or ", but": "His old teacher describes Kit as manipulative; Kit says he was trying to be
 * heard", "Her aunt called Rosa “aggressive” at the meeting; Rosa told me she had been frightened",
 * "According to his cousin, Dev is “non-compliant”; Dev says the tablets upset his stomach", "Her
 * gran told me she is “mildly autistic”, but Ada calls herself autistic". The record sets the
 * two side by side, so the label is theirs, not the writer's. The label must be quoted after a
 * reporting word, or follow "describes/calls/labels him (as)"; the one who answers is a pronoun or
 * a name, not a family member, professional or record (their word would be a second label).
 */
const ANSWER = new RegExp(`^[^.!?;]{0,40}?(?:;|,\\s*but)\\s+(?:but\\s+)?(he|she|they|[A-Z][a-z]+)\\s+(?:says|said|told\\s+(?:me|us)|tells\\s+(?:me|us)|explains|explained|${SELF_DESCRIPTION_SOURCE})\\b`);
const DESCRIBED_AS = /\b(?:describes?|described|describing|calls?|called|calling|labels?|labell?ed)\s+(?:him|her|them|[A-Z][a-z]+)\s+(?:as\s+)?(?:an?\s+)?$/;
const NOT_THE_PERSON = /^(?:Staff|Mum|Dad|Mother|Father|The|This|That|It|We|I|Carers?|Nurses?|Doctors?|Police|School|Parents?|Family|Everyone|Nobody)$/;

function answeredByThePerson(sentence: string, rel: number, relEnd: number, wordsBefore: () => string): boolean {
  const m = ANSWER.exec(sentence.slice(relEnd, relEnd + 140));
  if (!m || NOT_THE_PERSON.test(m[1]!)) return false;
  if (closesQuote(sentence, relEnd)) return REPORTED.test(wordsBefore()) || /\baccording to\b/i.test(wordsBefore());
  return DESCRIBED_AS.test(sentence.slice(Math.max(0, rel - 60), rel));
}

/**
 * The next sentence denies the label outright: "He isn't aggressive.", "I am not non-compliant.",
 * "It isn't.", "That's not true." Short denials and denials that repeat the label only; "He isn't
 * eating much" after "…was 'aggressive'" is not one.
 */
const NEXT_DENIAL =
  /^[\s“”‘’"'*_-]*(?:I|It|That|This|He|She|They|[A-Z][a-z]+)(?:\s+(?:is|was|am|are|were)\s+(?:not|never)|\s+(?:isn|wasn|aren|weren)['’]t|['’](?:s|m|re)\s+(?:not|never))\b(.{0,60})$/s;
const EMPTY_DENIAL = /^\s*(?:(?:at all|true|fair|right|correct|accurate|so|the case)\s*)?[.!]?\s*[”"’']?\s*$/i;

/**
 * The next sentence calls the reported words wrong outright, as a reply or an apology does: "That
 * was wrong.", "That was not a fair way to put it.", "This was the wrong way to look at it."
 */
const NEXT_WRONG =
  /^[\s“”‘’"'*_-]*(?:That|This|It)\s+(?:was|is)\s+(?:(?:simply|just|plainly|clearly)\s+)?(?:wrong|unfair|untrue|mistaken|a\s+mistake|not\s+(?:a\s+)?(?:fair|right|true|accurate|kind)(?:\s+(?:way|word|words|description|thing)\b[^.!?]{0,50})?|the\s+wrong\s+(?:way|word|words|thing|approach)\b[^.!?]{0,50})\s*(?:[,;][^.!?]{0,80})?[.!]?\s*[”"’']?\s*$/s;

/**
 * The next sentence is the person, or someone close to them, disagreeing with what was just reported:
 * "Anouk disagrees.", "She strongly disputes this.", "Mum does not agree with that at all.", "He
 * disagrees and says he only shouted once." (after "The ward notes describe her as difficult.").
 * Not a disagreement with something else ("Anouk disagrees with the plan to move her").
 */
const NEXT_DISPUTE =
  /^[\s“”‘’"'*_-]*(?:I|We|He|She|They|Mum|Dad|His\s+(?:mum|dad|mother|father|family|parents)|Her\s+(?:mum|dad|mother|father|family|parents)|The\s+family|[A-Z][a-z]+)\s+(?:(?:strongly|firmly|completely|still|also|has\s+always|always)\s+)?(?:disagrees|disagreed|disagree|disputes|disputed|dispute|rejects|rejected|(?:does|did|do)\s+not\s+agree|(?:doesn|didn|don)['’]t\s+agree)(?:\s+(?:with\s+)?(?:this|that|it|them|the\s+(?:description|descriptions|label|labels|word|words|view|notes|record|records|report|referral|entry|entries)))?(?:\s+(?:at\s+all|strongly|completely))?(?:\s*[,;]?\s+(?:and|but|because|as|saying)\b[^.!?]{0,80})?\s*[.!]?\s*[”"’']?\s*$/s;

/**
 * The next sentence is the person saying which words they prefer, which answers the label just
 * reported: "Keisha said she prefers to say she has a drinking problem", "He would rather be called
 * by his name", "Sam prefers the word 'autistic'" (after "Her sister asked whether she is 'an
 * alcoholic'."). Not a preference about something else ("She prefers to meet at the library").
 */
const NEXT_PREFERS =
  /^[\s“”‘’"'*_-]*(?:I|He|She|They|[A-Z][a-z]+)\b[^.!?]{0,40}?\b(?:prefers?|preferred|would\s+prefer|would\s+rather|['’]d\s+rather)\s+(?:to\s+(?:say|be\s+(?:called|described|known\s+as|referred\s+to\s+as)|call\s+(?:it|herself|himself|themselves|themself|myself)|describe\s+(?:it|herself|himself|themselves|themself|myself))|be\s+(?:called|described|known\s+as|referred\s+to\s+as)|(?:the\s+|other\s+)?(?:word|words|term|terms|phrase|description)|being\s+(?:called|described))\b/s;

function deniedNext(sentence: string, rel: number, relEnd: number, next: string, wordsBefore: () => string): boolean {
  const t = next.trim();
  const m = NEXT_DENIAL.exec(t);
  // (NEXT_DISPUTE only where one of its verbs can be: "disagrees", "disputes", "rejects", "does not agree";
  // NEXT_PREFERS only where "prefer" or "rather" is.)
  const wrong =
    NEXT_WRONG.test(t) ||
    ((t.includes('gree') || t.includes('isput') || t.includes('eject')) && NEXT_DISPUTE.test(t)) ||
    ((t.includes('refer') || t.includes('rather')) && NEXT_PREFERS.test(t));
  if (!m && !wrong) return false;
  if (!REPORTED.test(wordsBefore())) return false;
  if (wrong) return true;
  if (!m) return false;
  const rest = m[1]!;
  if (EMPTY_DENIAL.test(rest)) return true;
  const label = sentence.slice(rel, relEnd).toLowerCase().replace(/\s+/g, ' ');
  return rest.toLowerCase().replace(/\s+/g, ' ').includes(label);
}

/** A reporting verb whose subject is someone else, before a quoted label ("they called him", "the nurse said Ted was"). */
const REPORTED_BY_OTHER = /\b(?:call|calls|called|calling|said|says|wrote|writes|written|described|describes|labelled|labeled|labels|told (?:me|us|him|her|them)|put (?:me|him|her|them) down as|referred to (?:me|him|her|them) as)\b/i;
const REPORTED_BY_SELF = /\b(?:I|we)\s+(?:\w+\s+)?(?:call|calls|called|said|say|wrote|write|described|describe|labelled|labeled|told|put|referred)\b/i;

/**
 * Is a quoted label at `rel` reported as someone else's words, in the same sentence, before it?
 * ("They also called him a 'wanderer'", "Your worker wrote that I was 'non-compliant'"; not "I
 * called him 'lazy'".) Used only in documents titled as the person's own words.
 */
export function isReportedLabel(sentence: string, rel: number): boolean {
  const before = sentence.slice(Math.max(0, rel - 100), rel);
  const m = REPORTED_BY_OTHER.exec(before);
  return m !== null && !REPORTED_BY_SELF.test(before);
}
