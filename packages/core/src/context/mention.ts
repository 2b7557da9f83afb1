/**
 * A label in quotation marks that the writer mentions rather than uses: practice guidance and
 * audits talk about the word itself ("Avoid phrases such as “service user”", "Instead of
 * “refused”, write …", "The phrase “failed to engage” appeared in 7 files", "had used the word
 * “noncompliant”"), and reviews, complaint replies and supervision notes quote a record in order
 * to answer it ("Earlier records call Ivy “aggressive”", "a note from March described you as
 * “attention-seeking”", "he wrote that Edwin “refused his shower”", "did not like being called a
 * “client”"). The writer is not describing the person with the word, so the finding is reported
 * at `info` (it is still in the text, and worth a look), not as a warning.
 *
 * Not a mention: a quoted label that staff, a ward or a team are said to use of the person now
 * ("Staff describe Callum as “manipulative”", "The ward describes her as a “frequent attender”"):
 * that is the writer passing the label on, and it stays a finding. Nor a label the writer put in
 * quotes without such a frame ("his “girlfriend”": a scare quote, LEXICON BLA-41).
 *
 * Decided on the words just before the opening quote mark (and just after the closing one), so it
 * is cheap: only matches inside a short quote are asked. Pure; never throws.
 */

import { clauseTextBefore } from './negation.js';
import { lineIndex } from '../readers/mask.js';

const OPEN = `["“‘'«]`;
const CLOSE = `["”’'»]`;
/**
 * Earlier quoted items of a list before this one: "“a”, “b” and ", or one preposition that carries
 * the record's words on ("said she was “putting herself at risk” with “an older boyfriend”").
 */
const LIST = `(?:${OPEN}[^"“”‘’«»\\n]{1,60}${CLOSE}\\s*(?:,\\s*(?:and\\s+|or\\s+)?|and\\s+|or\\s+|(?:with|by|from|for|to|in|at|of|about)\\s+))*`;

/** The word itself is the topic: "the phrase", "words such as", "instead of", "do not write", a form's "heading", "his word for it is". */
const WORD_FRAME = new RegExp(
  String.raw`(?:\b(?:word|words|phrase|phrases|term|terms|label|labels|expression|expressions|wording|heading|headings)(?:\s+(?:such\s+as|like)|\s+for\s+(?:it|this|that)\s+(?:is|was))?|\binstead\s+of|\b(?:replace|replacing|swap|swapping)|\brather\s+than|\bavoid(?:\s+(?:writing|using|saying))?|\b(?:do\s+not|don['’]t|never|not|stop)\s+(?:write|use|say|writing|using|saying))\s*` +
    LIST +
    '$',
  'i',
);

/**
 * A count of the word in records: "“X” appeared in 9 files", "“X” was used twice". Or the word as a
 * label or tag that follows someone ("the “frequent flyer” label has followed her"). Or the quoted
 * words naming a kind of letter, code or form, as reviews write about wording a service used and
 * changed: "“Did not attend” letters were sent to a baby", "the “DNA” code on the system", "a
 * “failed to engage” code on the form".
 */
const WORD_AFTER = /^\s*(?:appeared|appears|appear|occurred|occurs|came\s+up|comes\s+up|(?:was|were|is|are)\s+used|(?:labels?|tags?|letters?|codes?|coding|templates?|flags?|stamps?|categor(?:y|ies)|(?:tick[\s-]?)?box(?:es)?|fields?|outcome\s+codes?))\b/i;

/** A record, a document or "it" as the one that used the label: "Earlier records call her", "a note from March described you as", "the report that called", "the 2023 plan described her as". */
const RECORD_FRAME = new RegExp(
  String.raw`\b(?:record|records|note|notes|entry|entries|report|reports|letter|letters|e-?mail|e-?mails|file|files|referral|assessment|assessments|review|reviews|chronology|log|summary|minutes|statement|plan|plans|form|forms|handover|profile|It|it)\b(?:[^.;:!?,]{0,80}?)(?:,\s*(?:which|that))?\s(?:(?:had|has|have)\s+)?(?:call|calls|called|calling|describe|describes|described|describing|say|said|says|state|states|stated|labell?ed|labels|referred\s+to|refers\s+to)\b(?:\s+[^\s"“”]+){0,4}?\s*` +
    LIST +
    '$',
);

/** Someone wrote it (a record): "he wrote that Edwin", "the previous worker had written that she". Not "I wrote", "we wrote". */
const WROTE_FRAME = new RegExp(String.raw`\b(?:wrote|written)\b(?:\s+[^\s"“”]+){0,4}?\s*` + LIST + '$');
const SELF_WROTE = /\b(?:I|we)\s+(?:(?:had|have|also)\s+)?(?:wrote|written)\b/i;

/** Being given the label, as an experience: "did not like being called a", "fed up with being described as". */
const BEING_CALLED = new RegExp(String.raw`\bbeing\s+(?:called|described\s+as|labell?ed(?:\s+as)?|referred\s+to\s+as)\s+(?:a\s+|an\s+)?` + LIST + '$', 'i');

/** Is the quote opening at `open` (the mark's index in `sentence`) and closing at `close` a mention of the word itself? */
export function isWordMention(sentence: string, open: number, close: number): boolean {
  const before = sentence.slice(Math.max(0, open - 160), open);
  if (WORD_FRAME.test(before)) return true;
  return WORD_AFTER.test(sentence.slice(close + 1, close + 40));
}

/** Is the quote opening at `open` in `sentence` a record's (or someone's past) words, quoted? */
export function isQuotedFromRecord(sentence: string, open: number): boolean {
  const before = sentence.slice(Math.max(0, open - 160), open);
  if (RECORD_FRAME.test(before) || BEING_CALLED.test(before)) return true;
  return WROTE_FRAME.test(before) && !SELF_WROTE.test(before);
}

/** A table column of words to swap out: "Instead of", "Avoid", "Don't write", "Words to avoid", "Old wording". */
const SWAP_HEADER = /^[\s*_]*(?:instead\s+of|rather\s+than|avoid(?:\s+(?:writing|saying|using))?|(?:do\s+not|don['’]?t|try\s+not\s+to)\s+(?:write|say|use)|words?\s+(?:or\s+phrases?\s+)?to\s+avoid|phrases?\s+to\s+avoid|not\s+this|old\s+(?:word|words|wording|term|terms|phrase|phrases)|we\s+used\s+to\s+(?:write|say)|less\s+helpful|unhelpful(?:\s+(?:words?|phrases?|wording))?)\b/i;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a Markdown table row, without the outer pipes. */
function cells(line: string): string[] {
  const c = line.split('|');
  if (/^\s*$/.test(c[0]!)) c.shift();
  if (c.length && /^\s*$/.test(c[c.length - 1]!)) c.pop();
  return c;
}

/** For each line starts array (one per document analysed), which of its lines hold a pipe. */
const pipeLines = new WeakMap<number[], Uint8Array>();

/** Does line `line` of `source` hold a "|"? (The document's pipes are found once, by indexOf.) */
function hasPipe(source: string, starts: number[], line: number): boolean {
  let lines = pipeLines.get(starts);
  if (!lines) {
    lines = new Uint8Array(starts.length);
    for (let bar = source.indexOf('|'); bar >= 0; bar = source.indexOf('|', bar + 1)) lines[lineIndex(starts, bar)] = 1;
    pipeLines.set(starts, lines);
  }
  return lines[line] === 1;
}

/**
 * Is `offset` (in a Markdown `source`) in a table cell under a heading such as "Instead of" or
 * "Words to avoid"? A word-swap table lists the words it asks writers to stop using: they are
 * mentioned, not used. Cheap: only a line with a pipe is read, and the table's lines above it.
 */
export function inWordSwapColumn(source: string, offset: number, starts: number[]): boolean {
  // Most lines hold no pipe. The line is found among the line starts (`starts`, lineStarts(source))
  // by a binary search, and the document's pipes are found once (hasPipe): looking back and ahead
  // for line feeds, and along the line for a pipe, read the whole of a long line for every finding.
  const line = lineIndex(starts, offset);
  const lineStart = starts[line]!;
  if (!hasPipe(source, starts, line)) return false;
  // The column: pipes before the match, less the leading one.
  const col = cells(source.slice(lineStart, offset) + 'x').length - 1;
  // Walk up the table to its header row (the row above the delimiter row).
  let end = lineStart - 1;
  for (let rows = 0; end > 0 && rows < 200; rows++) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const row = source.slice(start, end);
    if (!row.includes('|')) return false;
    if (DELIMITER_ROW.test(row)) {
      if (start === 0) return false;
      const hStart = source.lastIndexOf('\n', start - 2) + 1;
      const header = cells(source.slice(hStart, start - 1));
      return header[col] !== undefined && SWAP_HEADER.test(header[col]!);
    }
    end = start - 1;
  }
  return false;
}

/** The negations that open a rejection (REJECTED_NAMING adds "none of us/them/the staff…"). */
const REJECTING = String.raw`\b[Nn]obody|\b[Nn]o\s+one|\b[Nn]ever|\b[Nn]ot|n['’]t`;
/** "None of us", "none of the staff", "not one of the team", "not a single carer". */
const NONE_OF = String.raw`\b[Nn]one\s+of\s+(?:us|them|the|our|his|her|their)\b|\b[Nn]ot\s+(?:one\s+of|a\s+single)\b`;

/**
 * The writer rejecting a label, unquoted: a negation, then a verb of naming with the person as its
 * object, right before the label ("Nobody at the centre would call Jo manipulative", "We do not call
 * Ravi a client", "No one thinks of Bea as a frequent flyer", "we never describe him as
 * demanding"), or a negated "suggesting/saying that" ("Nobody is saying that his dad is a
 * difficult father"). The label is named in order to be refused, which is what a careful record
 * does, so for the categories that describe the person the finding is dropped like a negated one
 * (blaming, deficit) or reported at `info` (LEXICON §4.3). The object must be a pronoun or a name
 * (with "'s mum" and the like): "we do not call the service user by his surname" uses the label.
 * Reads only the clause before the match (cut at a comma or a clause word), so it is cheap.
 */
const REJECTED_NAMING = new RegExp(
  String.raw`(?:${REJECTING}|${NONE_OF})\b[^,;:.!?]{0,40}?\b(?:call|calls|called|calling|describe|describes|described|describing|think\s+of|thinks\s+of|thought\s+of|refer\s+to|refers\s+to|referred\s+to|label|labels|labell?ed|labell?ing|regard|regards|regarded|see|sees|saw|view|views|viewed)\s+(?:him|her|them|you|(?!(?:The|This|That|Our|Their|His|Her|Its|A|An)\b)[A-Z][a-z]+(?:['’]s\s+(?:mum|dad|mother|father|son|daughter|family|parents|wife|husband|partner|brother|sister))?)\s+(?:as\s+)?(?:(?:a|an|being)\s+)?$`,
);
const REJECTED_CLAIM = new RegExp(String.raw`(?:${REJECTING})\b[^,;:.!?]{0,30}?\b(?:suggest|suggests|suggested|suggesting|say|says|said|saying|claim|claims|claimed|claiming|imply|implies|implied|implying)\s+that\s+[^,;:.!?]{0,40}$`);

/**
 * A belief about the person that nobody holds: a negative subject ("Nobody on the team", "No one
 * at the day centre", "None of the staff here"), then a verb of thinking or saying, then the person
 * and "is/was" right before the label: "Nobody on the team thinks Dee is manipulative", "None of the
 * carers felt that he was being difficult". Only such a subject counts: "He was not surprised when
 * staff found that Dee was rude" is not a rejection. (A negated verb close by, "we do not think
 * Dee is rude", is plain negation already.)
 */
const REJECTED_BELIEF = new RegExp(
  String.raw`(?:\b[Nn]obody|\b[Nn]o[\s-]?one|${NONE_OF})\b[^,;:.!?]{0,40}?\b(?:think|thinks|thought|believe|believes|believed|feel|feels|felt|consider|considers|considered|find|finds|found|say|says|said|see|sees|saw)\s+(?:that\s+)?(?:he|she|they|(?!(?:The|This|That|Our|Their|His|Her|Its|A|An)\b)[A-Z][a-z]+)\s+(?:is|was|are|were|has\s+been|had\s+been|would\s+be|can\s+be|could\s+be)\s+(?:(?:ever|really|particularly|at\s+all|in\s+any\s+way)\s+)?(?:(?:a|an|being)\s+)?$`,
);

/** Is the label at `relStart` in `sentence` named in order to be rejected (see REJECTED_NAMING, REJECTED_BELIEF)? */
export function isRejectedLabel(sentence: string, relStart: number): boolean {
  const before = clauseTextBefore(sentence, relStart);
  if (!/\b(?:nobody|no[\s-]?one|never|not|none)\b|n['’]t\b/i.test(before)) return false;
  return REJECTED_NAMING.test(before) || REJECTED_CLAIM.test(before) || REJECTED_BELIEF.test(before);
}
