/**
 * Sentence cues shared by the identifier finders: does a sentence read as an organisation's
 * contact details (a signature, a switchboard, an office address), or as the person's own details
 * ("her mobile", "lives at")? Pure; constant-time regex tests on one sentence.
 */

/** Words that mark organisation contact details rather than the person's. */
const ORGANISATION = /\b(?:council|town hall|civic cent(?:re|er)|county hall|switchboard|reception|main (?:office|number|line)|office|offices|headquarters|helpline|help line|contact cent(?:re|er)|customer services?|duty (?:desk|team|line|number|worker|social worker)|emergency duty|out of hours|EDT|surgery|GP practice|health cent(?:re|er)|hospital|clinic|ward|NHS trust|trust|ltd|limited|plc|charity|PO Box|department|team base|team on|the team|police station|school|college|library|jobcentre|job centre|day cent(?:re|er)|advice line|advice cent(?:re|er)|citizens advice|advocacy service|enquiries)\b/i;

/** Words that tie a detail to a person (the person, a relative, a home). */
const PERSONAL = /\b(?:lives?|living|lived|moved|moving|home|resides?|residing|stays?|staying|flat|tenancy|his|her|their|my|mum|mum's|mother|dad|dad's|father|son|daughter|wife|husband|partner|brother|sister|neighbour|friend|personal|private)\b/i;

/** True when the sentence reads as an organisation's contact details with nothing personal. */
export function isOrganisationContext(sentence: string): boolean {
  return ORGANISATION.test(sentence) && !PERSONAL.test(sentence);
}

const SIGN_OFF = /\b(?:kind regards|best regards|warm regards|regards|best wishes|warm(?:est)? wishes|with (?:good|all good|every good) wishes|many thanks|with thanks|yours sincerely|yours faithfully|signed)\b/i;
/**
 * A line naming one of the common social care roles, in any case and with other words around it
 * ("Jo Bloggs, social worker", "Northside Locality Team"). ROLE_LINE below is the other reading:
 * any title-case job title ending in one of JOB_TITLE_WORDS, alone on its line. The two overlap
 * ("Social Worker" on its own line is both) but neither covers the other: this one needs no
 * capitals and allows prose around the role; that one names roles this list cannot ("Client
 * Finance Officer"). Teams and councils are TEAM_LINE's, which needs them written as a name.
 */
const JOB_LINE =
  /(?:^|\n)[^\n]{0,60}\b(?:social worker|team manager|senior practitioner|advanced practitioner|practice lead|occupational therapist|care co-?ordinator|assessment officer|support worker|reviewing officer|service manager|team leader|duty worker|locality team)\b[^\n]{0,60}(?:\n|$)/i;
/**
 * A team or organisation line of a signature: a capitalised name before the word, as signatures
 * write it ("Northside Team", "Oakfield Borough Council", "Riverside NHS Trust"). Case-sensitive,
 * so that prose that mentions a team ("do not share outside the team", "our team will ring") is
 * not read as a signature line, which would hide the contact details after it.
 */
const TEAM_LINE =
  /(?:^|\n)[^\n]{0,60}\b(?!(?:The|Our|Your|This|That|My|His|Her|Their|A|An)\b)(?:[A-Z][a-z]+ (?:[Tt]eam|Council|Borough Council|County Council|NHS (?:Foundation )?Trust)|[A-Z]{2,} (?:TEAM|COUNCIL|BOROUGH COUNCIL|COUNTY COUNCIL|NHS (?:FOUNDATION )?TRUST))\b[^\n]{0,60}(?:\n|$)/;

/** The last word of a job title ("Client Finance Officer", "Reablement Coordinator"), lower case. */
export const JOB_TITLE_WORDS: readonly string[] = ['officer', 'coordinator', 'co-ordinator', 'adviser', 'advisor', 'manager', 'practitioner', 'assessor', 'worker', 'therapist'];

/**
 * A job title on a line of its own, in title case ("Shared Lives Officer", "Reablement
 * Coordinator", "Direct Payments Adviser, Northside Team"): case-sensitive, so that prose such as
 * "the police officer visited" is not read as one.
 */
const ROLE_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*(?:[A-Z][A-Za-z'’-]+ ){1,4}(?:${JOB_TITLE_WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})[ \\t]*(?:,[^\\n]{0,60})?(?:\\n|$)`,
);

/**
 * A letterhead's department or building line, in title case ("Adult Social Care", "Children's
 * Services", "Civic Centre", "Oakfield Health Centre"), alone on its line: the address under it is
 * the organisation's.
 */
const ORG_LINE =
  /(?:^|\n)[ \t]*(?:[A-Z][A-Za-z'’]+ ){0,3}(?:Social Care|Social Services|Services|Civic Centre|Town Hall|County Hall|Health Centre|Medical Centre|Surgery)[ \t]*(?:\n|$)/;
/**
 * A line that starts a person's details: a title and a name ("Mrs Ada Okafor"; not "Dr", whom
 * staff signatures name), or a letter's "Dear", "Cc:", "To:" or "FAO". What follows it is theirs,
 * whatever letterhead or signature came before.
 */
const ADDRESSEE = /(?:^|\n)[ \t]*(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+[A-Z]|(?:Dear|Cc|CC|To|FAO)\b)/g;

/**
 * True when `sentence` is a short line of a staff signature block or a letterhead: a sign-off
 * ("Kind regards"), or a job-title, team or department line, in the few lines before it. Contact
 * details there are the worker's or the organisation's, not the person's. A line naming a person
 * ("Mr Dan Okafor", "Cc: Mrs Ada Okafor") ends that reading: a letter's addressee block under its
 * letterhead is the person's. `textBefore` is the text just before the sentence.
 */
export function isSignatureContext(textBefore: string, sentence: string): boolean {
  if (sentence.length > 100) return false;
  ADDRESSEE.lastIndex = 0;
  if (ADDRESSEE.test(sentence)) return false;
  let window = textBefore.slice(-250);
  if (!window.includes('\n')) return false; // signature lines stand on their own lines
  ADDRESSEE.lastIndex = 0;
  let cut = -1;
  for (let m = ADDRESSEE.exec(window); m; m = ADDRESSEE.exec(window)) cut = m.index + m[0].length;
  if (cut >= 0) window = window.slice(cut);
  return SIGN_OFF.test(window) || JOB_LINE.test(window) || TEAM_LINE.test(window) || ROLE_LINE.test(window) || ORG_LINE.test(window);
}

/**
 * A form's field label straight before a sentence: the line, or the table cell, before it names
 * the field its value is for ("NHS No:" above "9434765919", a Word table's "Date of birth" cell
 * before the date's, an HTML table's cells side by side: a gap of three or more blanks ends a
 * cell). Returns where that label begins in `textBefore` (the text before the sentence, which
 * begins at `end0`: the whole document's text may be given, so nothing is sliced), or
 * -1 when the text before is not one: more than 60 characters, a digit in it (another value), a
 * blank line between, or a sentence that ends in a full stop ("D.O.B." may), a question or an
 * exclamation mark. Read backwards by character code: it runs on every sentence that may hold a
 * cued identifier.
 */
export function labelStart(textBefore: string, end0 = textBefore.length): number {
  let i = end0;
  let breaks = 0;
  for (; i > 0; i--) {
    const c = textBefore.charCodeAt(i - 1);
    if (c === 10) {
      if (++breaks > 1) return -1;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0) break;
  }
  const end = i;
  if (end === 0) return -1;
  const last = textBefore.charCodeAt(end - 1);
  // Most text before a sentence ends one: a full stop (not "D.O.B."), a question or an exclamation
  // mark, or a value's digit. Settled here, before the label is read.
  if (last === 33 || last === 63 || (last >= 48 && last <= 57)) return -1;
  if (last === 46 && !(end >= 3 && textBefore.charCodeAt(end - 3) === 46 && isLetterCode(textBefore.charCodeAt(end - 2)))) return -1;
  let start = end;
  let blanks = 0;
  for (; start > 0; start--) {
    const c = textBefore.charCodeAt(start - 1);
    if (c === 10) break;
    // A wide gap ends the cell: an HTML table's cells side by side, their tags blanked.
    if (c === 32 || c === 9 || c === 0xa0) {
      if (++blanks >= 3) break;
      continue;
    }
    blanks = 0;
    if (c >= 48 && c <= 57) return -1;
    if (end - start >= 60) return -1;
  }
  for (let c = textBefore.charCodeAt(start); start < end && (c === 32 || c === 9 || c === 13 || c === 0xa0); c = textBefore.charCodeAt(++start));
  const label = textBefore.slice(start, end);
  if (!/\p{L}/u.test(label)) return -1;
  if (last === 46 && !/\b(?:\p{L}\.){2,}$/u.test(label)) return -1;
  return start;
}

/** An ASCII or Latin-1 letter. */
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/** The `len` characters of `sentence` before `index` (for "cue just before the value" checks). */
export function before(sentence: string, index: number, len = 40): string {
  return sentence.slice(Math.max(0, index - len), index);
}
