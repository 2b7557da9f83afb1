/**
 * Behaviour that a condition or an unmet need drives (LEXICON §4.12: "for people living with
 * dementia, prefer a softer 'describe the need' suggestion over a blame warning"). Behaviour is often how a
 * person tells us about a need — pain, needing the toilet, being tired or cold, not finding the
 * words — and in dementia most of all (S16, S18). The guides ask for the need to be described
 * rather than the behaviour blamed. Rules that set `condition` read:
 *
 * - `mentionsDementia` (`condition: dementia` or `need`): the document speaks of dementia. A label
 *   there is still reported at the rule's severity, but its message asks for the need to be
 *   described (`IN_DEMENTIA`) instead of the rule's own; and where the sentence also says what lay
 *   behind it ("Joe became agitated when the television was loud"), the writer has done what the
 *   dementia guides ask, so it is reported at `info` with `NEED_GIVEN`, whatever the word.
 * - `needGiven` (`condition: need`, for words whose better wording names the feeling or need:
 *   "irritable", "demanding" (BLA-11), "angry" (BLA-15: "X said they were angry about …")): the
 *   sentence itself says what lay behind it ("can be irritable when he is very tired", "which is
 *   part of his condition", "angry because his taxi did not come", "Due to the pain in his hip he
 *   was angry"). The writer has named the need, so the label is reported at `info` with the
 *   message `NEED_GIVEN`. Not when the reason given is itself a label ("demanding because she
 *   wants attention"). Words whose better wording is what was seen ("agitated", "aggressive",
 *   "resistant") are still labels with a reason given, so their rules set `dementia` only.
 *
 * Read on the sentence's own words with three regexes: it runs only for the few rules that ask, on
 * their matches. Pure; never throws.
 */

/** The message of a finding whose sentence gives the need behind it (reported at `info`). */
export const NEED_GIVEN = '“{match}” is still a label, though you have said what lay behind it, which helps. Saying what the person said or did as well tells the next reader more.';

/** The message of a finding in a document about dementia (the rule's severity kept). */
export const IN_DEMENTIA = '“{match}” may be how the person is telling you about a need, as behaviour often is in dementia. Describe what you saw, what was happening just before and what helped.';

const SUBJECT = String.raw`(?:he|she|they|[A-Z][a-z]+)`;
/** What the person was, felt, needed or could not do: the need or state behind the behaviour. */
const STATE = String.raw`(?:is|was|are|were|gets|got|feels|felt|becomes|became|needs|needed|wants|wanted|cannot|can['’]?t|could\s+not|couldn['’]?t|does\s+not|doesn['’]?t|did\s+not|didn['’]?t|is\s+not|isn['’]?t|was\s+not|wasn['’]?t|has|had|hears|heard|misses|missed|loses|lost|struggles|struggled)`;
/** Something that went wrong for the person: "because his taxi did not come", "because the carer was late", "because nobody listened". */
const MISHAP = String.raw`(?:(?:his|her|their|the)\s+(?:[a-z]+\s+)?(?:[a-z]+\s+)?|(?:nobody|no\s+one|staff|carers|we)\s+)(?:was|were|had|did\s+not|didn['’]?t|could\s+not|couldn['’]?t|would\s+not|wouldn['’]?t|kept|stopped|broke|ran\s+out|listened|came|forgot)`;
/** A need or a condition named as the cause: "because of the pain", "due to his dementia". */
const NEED = String.raw`(?:pain|discomfort|dementia|delirium|illness|infection|UTI|tiredness|fatigue|exhaustion|hunger|thirst|noise|confusion|constipation|fear|anxiety|condition|hearing|sight|eyesight|memory|medication|side[\s-]effects?|brain\s+injury|stroke|autism|learning\s+disability|epilepsy|seizures?|being\s+(?:rushed|cold|hot|tired|hungry|thirsty|frightened|scared|in\s+pain|unwell|lost|moved|woken))`;
const CAUSE_WORDS = String.raw`(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|brought\s+on\s+by|(?:linked|related)\s+to)`;
/** The need, after a determiner and a describing word: "the pain", "her worsening dementia". */
const NEED_PHRASE = String.raw`(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+)?(?:[a-z]+\s+)?${NEED}`;
const CAUSE_OF = String.raw`${CAUSE_WORDS}\s+${NEED_PHRASE}`;

/** A cause or need after the match, in its own sentence before any semicolon. */
const AFTER = new RegExp(
  String.raw`^[^.;!?]{0,60}?\b(?:` +
    [
      String.raw`because\s+(?:(?:he|she|they)\s+${STATE}|${MISHAP})`,
      CAUSE_OF,
      String.raw`(?:is|was|are|were|seems?|seemed|may\s+be|might\s+be|can\s+be|could\s+be)\s+(?:probably\s+|likely\s+|often\s+|partly\s+)?(?:part|a\s+symptom|a\s+sign|a\s+result|an\s+effect|a\s+side[\s-]effect)\s+of`,
      String.raw`when(?:ever)?\s+(?:${SUBJECT}\s+${STATE}|${MISHAP})`,
      String.raw`if\s+(?:he|she|they)\s+${STATE}`,
      String.raw`as\s+(?:he|she|they)\s+${STATE}`,
      String.raw`(?:in|from)\s+pain`,
    ].join('|') +
    String.raw`)\b`,
);

/**
 * A cause clause the sentence opens with, ended before the match by a new subject: "When he is
 * very tired he can become irritable", "Due to the pain in her hip, Mrs Ali was resistant". Not
 * "If he becomes aggressive …" or "Because he was aggressive, …", where the clause holds the match.
 */
const BEFORE = new RegExp(
  String.raw`^[\s*•-]*(?:(?:Because|When(?:ever)?|If|As)\s+${SUBJECT}\s+${STATE}|(?:Because\s+of|Due\s+to|Owing\s+to|As\s+a\s+result\s+of)\s+${NEED_PHRASE})\b[^.;!?]{0,200}?(?:,\s*|\s)${SUBJECT}\b[^.;!?,]{0,120}$`,
);

/** A reason that is itself a label on the person, not a need. */
const BLAMING_REASON = /\b(?:attention|wants?\s+(?:something|things|everything|anything)|(?:his|her|their)\s+own\s+way|on\s+purpose|deliberately|manipulat\w*|for\s+a\s+reaction|to\s+wind\s+\w+\s+up|to\s+get\s+what\s+(?:he|she|they)\s+wants?)\b/i;

/**
 * Does the sentence say what lay behind the behaviour the match (`rel`..`relEnd` in `sentence`)
 * names: a cause or need straight after it, or a cause clause the sentence opens with?
 */
export function needGiven(sentence: string, rel: number, relEnd: number): boolean {
  const after = sentence.slice(relEnd, relEnd + 160);
  const m = AFTER.exec(after);
  if (m) return !BLAMING_REASON.test(after.slice(m.index, m.index + m[0].length + 60));
  const before = sentence.slice(0, rel);
  return BEFORE.test(before) && !BLAMING_REASON.test(before);
}

const DEMENTIA = /\b(?:dementia|Alzheimer['’]?s|Lewy\s+bod(?:y|ies))\b/i;

/** Does the document speak of dementia? */
export function mentionsDementia(text: string): boolean {
  return DEMENTIA.test(text);
}
