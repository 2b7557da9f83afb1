/**
 * decision-view: a decision about the person written as something that will be done to them —
 * "Zara is to attend the day centre", "He is to move to Oak House", "Sam will be moved to a
 * ground-floor flat", "Sam will move to Elm Court" — with nothing in that sentence or the two on
 * either side (in the same section) recording a view: no "said", "told", "agreed", "wants",
 * "would like", "chose", "asked", no quotation. The writer telling or asking ("I explained the plan
 * to him"), the person being told ("he was told") and a panel or service agreeing are not views.
 * Nor is a family member's view on its own ("Mum said she wants him to move", "His daughter feels
 * he would be safer there"): it is not the person's, except where the family member speaks for
 * them — an attorney or a deputy for health and welfare — or the person cannot give a view (lacks
 * capacity, a best-interests decision) or is a young child, anywhere in the document. LEXICON
 * VOI-08, VOI-13 and CON-13.
 *
 * Deliberately narrow, for precision: the decision must sit right after its subject (a name, or
 * "he"/"she" with "is to", "they" with "are to"), the verbs are the ones a placement or
 * attendance decision uses, and any other view nearby — a professional's, or one whose holder the
 * reader cannot tell — leaves the sentence alone (benefit of the doubt). A view is a family
 * member's only when its subject is a family word ("Mum said", "his daughter feels", "the family
 * are keen") or a pronoun after a family member's words that wants something of someone else
 * ("Mum said she wants **him** to move"); "Mum said he wants to move" and "Kai and his mum agreed"
 * record the person's view. The rule's `subject: person` then leaves out subjects the clause
 * reader knows are someone or something else. Pure; runs only on sentences holding "is to", "are
 * to", "will be", "will move", "will transfer", "will attend" or "will go" (or "will need to" /
 * "will have to" before the last four), or "to be" or "being" before a verb of DONE_TO.
 */
import type { Section } from '../types.js';
import type { Detector, SentenceView } from './types.js';
import { lastAtOrBefore } from '../search.js';
import { CALENDAR_WORDS } from '../context/subject.js';

/** Days and months, capitalised, as alternatives ("Monday|…|December"). */
const CALENDAR = CALENDAR_WORDS.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|');

/**
 * What a placement or attendance decision does to someone. Not "moved up" to a group, a class or a
 * set (a step up at school or a club: "is being moved up to the top maths set"). Not "placed on" a register, a plan or a
 * list ("will be placed on the child protection register", "is to be placed on a child protection
 * plan"): a formal step recorded about the person, not a move of where they live or spend their
 * days (LEXICON DEH-09's trap, "placed on a child protection plan").
 */
const DONE_TO =
  'moved(?!\\s+up\\s+(?:to\\s+|into\\s+)?(?:a|an|the|his|her|their)\\s+(?:[\\w-]+\\s+)?(?:[\\w-]+\\s+)?(?:group|class|set|year|team|level|league|squad|stage|grade|band)\\b)|placed(?!\\s+on\\s+(?:a|an|the|his|her|their)\\s+(?:[\\w-]+\\s+)?(?:[\\w-]+\\s+)?(?:[\\w-]+\\s+)?(?:register|plan|list|waiting\\s+list|rota|scheme)\\b)|transferred|transitioned|discharged|admitted|relocated|rehoused|shifted';
const TO_VERB = `attend|move|live|stay|go|return|transfer|be\\s+(?:${DONE_TO})`;
/**
 * The same decision in the plain future: "will move to", "will move into", "will transfer to",
 * "will attend" and "will go into", only when a home, a service or a place's name (not a day or a
 * month) follows within six words: "will move to Elm Court", "will attend Meadow Day Services",
 * "will go into a care home". "Will attend his GP appointment on Friday" and "will move to the
 * other side of the bed" are not decisions about where the person lives or spends their days
 * (PLACE). "Will move in with" needs no place. Necessity put on the person is the same decision:
 * "will need to go into a home", "will have to move to Elm Court". The progressive says the same:
 * "will be attending the day centre from Monday", "will be moving into Birch Court" (LEXICON VOI-08).
 */
const WILL_VERB = 'will\\s+(?:(?:need|have)\\s+to\\s+)?(?:move\\s+(?:to|into|in\\s+with)|transfer\\s+to|attend|go\\s+into)|will\\s+be\\s+(?:attending|moving\\s+(?:to|into)|transferring\\s+to|going\\s+into)';
/** A home, a service or a place's name within six words after a WILL_VERB. */
const PLACE = new RegExp(
  String.raw`^(?:\s+[\w'’&-]+){0,5}?\s+(?:(?!(?:${CALENDAR}|Christmas|Easter)\b)[A-Z][a-z]+|centre|center|centres|services?|unit|provision|placement|college|school|club|hub|home|homes|hospital|hospice|residential|nursing|respite|accommodation|hostel|flat|house|bungalow|room|court|lodge|ward|supported|sheltered|extra\s+care)\b`,
);
/**
 * The decision and the word right before it: `(subject)` then "is to attend", "are to move",
 * "will be moved", "will move to", or the same decision under way or due: "is being moved", "are
 * going to be rehoused", "is due to be discharged", "is set to be transferred". The subject is
 * checked separately (SUBJECTS).
 */
const DECISION = new RegExp(
  `\\b([A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\\s+((?:is|are)\\s+to\\s+(?:${TO_VERB})|(?:is|are)\\s+(?:being|going\\s+to\\s+be|due\\s+to\\s+be|set\\s+to\\s+be)\\s+(?:${DONE_TO})|will\\s+be\\s+(?:${DONE_TO})|${WILL_VERB})\\b`,
  'g',
);
/**
 * The same decision in note style, with "is" left out, only at the start of a sentence or a line
 * (or after a short label: "Actions agreed: …"): "Edna to be moved to Elm Court on Friday", "Kai to be transferred to Ward 4", and a move of home
 * or service: "Stanley to move to Elm Court in May", "Edna to go into Oak Lodge", "Stanley to go to
 * a care home" (the first two only when a place follows, as PLACE reads it). Action lists ("Dawn to
 * ring the bank", "Dawn to go to the school to meet the head") are left alone: only what is done to
 * the person (DONE_TO) or a move of where they live or spend their days counts.
 */
const NOTE_DECISION = new RegExp(
  `^(\\s*(?:[A-Z][A-Za-z]*(?:[ \\t][A-Za-z]+){0,3}:\\s+)?)([A-Z][a-z]+)\\s+(to\\s+be\\s+(?:${DONE_TO})|to\\s+(?:move\\s+(?:to|into)|go\\s+into|transfer\\s+to)(?=${PLACE.source.slice(1)})|to\\s+go\\s+to(?=\\s+(?:a|an|the)\\s+(?:care|nursing|residential)\\s+home\\b))\\b`,
);
/**
 * Capitalised words that open a sentence but are not the person, which the rule's `subject: person`
 * (the clause reader) would not rule out: things a plan says are "to go" or "to stay" ("Transport
 * is to go at 10", "Support is to stay the same"), parents ("Mum is to attend the review"; the
 * reader counts a parent as the person), determiners and titles. Staff, professionals,
 * organisations, requests and payments are left to the reader (rules/_context.yaml).
 */
const NOT_SUBJECTS = new Set(
  (
    'This That There Here What Which Who Everything Nothing All Each Mum Dad Mother Father Family Mr Mrs Ms Miss Mx ' +
    'Support Care Transport Lunch Breakfast Dinner Tea Medication Equipment Treatment Therapy Respite Contact Package Rent Money Work Review Meeting Assessment Case Plan Visit Visits Call Calls'
  ).split(' '),
);
/**
 * A service or a panel agreeing or deciding is not a view of the person's: "Adult services agreed
 * she will attend …". Taken out before VIEW is read ("agreed with Sam" stays: a joint view).
 */
const INSTITUTION_VIEW = /\b(?:services?|panel|council|authority|team|commissioners?|provider|agency|managers?|management|board|department|funding|directorate)\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+)?(?:also\s+|then\s+|now\s+|since\s+)?(?:agreed|decided|felt|wants?|wanted|chose|asked|said)\b(?!\s+with\b)/gi;
/**
 * An agentless passive, which names no one whose view it is: "it was felt that Thea should not go",
 * "it was agreed", "it has been decided" (voice/passive-decision reports these; VOI-01). Taken out
 * before VIEW is read, as an institution's view is. "It was agreed by Thea and her brother" names
 * them, and stays.
 */
const AGENTLESS_VIEW = /\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+|then\s+|later\s+|now\s+|therefore\s+|generally\s+|strongly\s+)?(?:felt|agreed|decided|said)\b(?!\s+(?:by|with)\b)/gi;
const AGENTLESS_IN_SENTENCE = new RegExp(AGENTLESS_VIEW.source, 'i');
/** Anyone's view recorded: a reporting or wanting verb, a view noun, or a quotation mark. */
const VIEW = /\b(?:said|says|say|told|tells|explained|explains|agreed|agrees|agree|disagreed|disagrees|wants?|wanted|would\s+(?:like|prefer|rather)|prefers?|preferred|chose|chooses|choice|asked|asks|views?|wishes|wished|feels|felt|hopes?|hoped|happy|unhappy|keen|decided|consented|consents|consent|refused|declined|objected|upset|pleased|delighted|thrilled|excited|glad|relieved|nervous|looking\s+forward)\b|["“”]/gi;
/** Telling and asking, which record no view when the writer does it or the person is told. */
const TELLING = /^(?:said|says|say|told|tells|explained|explains|asked|asks)$/i;
/** The writer as the subject: "I", "we", "we've", "I have also". */
const WRITER = String.raw`\b(?:I|we)(?:['’](?:ve|d)|\s+(?:have|had|also|then|have\s+also))?`;
/** The writer speaking ("I explained", "we have told") or someone being told ("was told", "were asked", "Son to be told"). */
const NOT_A_VIEW_BEFORE = new RegExp(String.raw`(?:${WRITER}|\b(?:was|were|been|being|is|are|to\s+be))\s+$`, 'i');
/**
 * The writer deciding or feeling ("we've decided Aldous is not safe at home", "I felt he would be
 * safer at Oak Lodge"): the worker's own view, not the person's (VOI-08). Not "Sam and I decided",
 * "we both decided" or "we decided together", which include the person.
 */
const WRITER_VIEW = /^(?:decided|felt|feels)$/i;
const WRITER_BEFORE = new RegExp(String.raw`(?<!\band\s{1,3})${WRITER}\s+$`, 'i');
const TOGETHER_AFTER = /^\s+(?:together|jointly|with)\b/i;

/**
 * Family members, parents included (rules/_context.yaml's `family` list, parents, "family",
 * "relative"): their view of a decision is not the person's own. Plurals in "s" are read too.
 */
const FAMILY = new Set(
  (
    'mum mam mummy mom mother dad daddy father parent stepmum stepdad stepmother stepfather family relative kin ' +
    'brother sister sibling partner husband wife spouse boyfriend girlfriend fiance fiancee son daughter stepson stepdaughter ' +
    'stepbrother stepsister uncle aunt auntie cousin niece nephew grandfather grandmother grandparent grandad grandma nan gran ' +
    'grandson granddaughter grandchild grandchildren'
  ).split(' '),
);
const isFamily = (w: string): boolean => FAMILY.has(w) || (w.endsWith('s') && FAMILY.has(w.slice(0, -1)));
/** Words between a view's holder and its verb: "Mum has also said", "his daughter is very keen". */
const BETWEEN = new Set(
  'is was were are be been being am has have had will would could should may might must do does did also really very still strongly clearly now then always not never just firmly quite so too both all only already initially previously'.split(' '),
);
/** Words, and commas (", and his sister agreed" joins clauses, not subjects). */
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?|,/gu;
const POSSESSIVE = /['’]s$/;
/** An aside between a subject and its verb: "Mum, who holds deputyship, said". */
const ASIDE_BEFORE = /,\s*(?:who|which)\b[^,]{0,80},\s*$/i;
/**
 * After a view's verb, someone else it is about: "wants **him** to", "is happy **for him** to",
 * "feels **he** would be safer", "would like **Kai** to". A pronoun holding such a view is not the
 * person whose move it is.
 */
const ABOUT_SOMEONE = /^\s+(?:that\s+)?(?:for\s+)?(him|her|them|he|she|they|[A-Z][a-z]+)\s+(?:to|should|would|could|must|needs?|will|is|was|be)\b/;
/** "agreed with Kai": a joint view, the person's too. */
const WITH_SOMEONE = /^\s+with\s+(?:(?:his|her|their|the)\s+)?([\p{L}]+)/u;
/** "…," said Mum / says his daughter: a reporting verb before its subject. */
const SUBJECT_AFTER = /^\s+(?:(?:his|her|their|the)\s+)?([\p{L}]+)/u;

/** Who holds the view whose word starts at `at` in `text`: a family member, a pronoun (not known yet), or anyone else. */
function holderAt(text: string, at: number, word: string): 'family' | 'pronoun' | 'other' {
  let before = text.slice(Math.max(0, at - 200), at);
  const aside = ASIDE_BEFORE.exec(before);
  if (aside) before = before.slice(0, aside.index);
  const words = before.slice(-120).match(WORD) ?? [];
  let j = words.length - 1;
  while (j >= 0 && (BETWEEN.has(words[j]!.toLowerCase()) || (/^\p{Ll}+ly$/u.test(words[j]!) && !isFamily(words[j]!)))) j--; // "really", not "family" or "Emily"
  if (j < 0 || /[,"“”'‘’]\s*$/.test(before)) {
    // "“…,” said Mum": the subject follows a reporting verb.
    const after = TELLING.test(word) || /^agreed$/i.test(word) ? SUBJECT_AFTER.exec(text.slice(at + word.length, at + word.length + 60)) : null;
    if (after && isFamily(after[1]!.toLowerCase())) return 'family';
    if (j < 0) return 'other';
  }
  let w = words[j]!.toLowerCase().replace(POSSESSIVE, '');
  if (w === 'who' && j > 0) {
    if (words[--j] === ',' && j > 0) j--;
    w = words[j]!.toLowerCase().replace(POSSESSIVE, ''); // "his daughter, who said"
  }
  if (w === 'he' || w === 'she' || w === 'they') return 'pronoun';
  if (!isFamily(w)) return 'other';
  // "Mum and Dad agreed" is the family's; "Kai and his mum agreed" and "Kai, Mum and Dad agreed"
  // are Kai's view too; "…, and his sister agreed" and "to go, Mum and Dad agreed" are the family's.
  const det = /^(?:his|her|their|the|my|our)$/i;
  let k = j - 1;
  while (k >= 0 && det.test(words[k]!)) k--;
  if (k < 1 || !/^(?:and|or|&)$/i.test(words[k]!)) return 'family';
  for (k--; k >= 0; k--) {
    const x = words[k]!;
    if (x === ',' || det.test(x)) continue;
    const l = x.toLowerCase().replace(POSSESSIVE, '');
    if (isFamily(l)) continue;
    return /^\p{Lu}/u.test(x) || /^(?:he|she|they|i|we|staff)$/.test(l) ? 'other' : 'family';
  }
  return 'family';
}

/**
 * What a sentence records: `view` (a view the person may hold, or whose holder cannot be told),
 * `family` (only a family member's views), or `none`. Not when its only reporting verbs are the
 * writer telling or asking ("I explained the plan to Dev", "we told him") or someone being told
 * ("Dev was told he is to move"): that records what was said to the person, not what anyone
 * thinks. A quotation is the family's in a sentence whose only views are the family's ("“It is the
 * best place for her,” her mum said"), and a view otherwise.
 */
function viewIn(text: string): 'view' | 'family' | 'none' {
  VIEW.lastIndex = 0;
  let m: RegExpExecArray | null;
  let family = false;
  let quoted = false;
  let familyEnd = -1; // where the last family member's view word ended
  let reported = false; // a family member reports what someone (he, she, a name) thinks or feels
  let wanting = false; // … and that someone wants something of another ("she wants him to move")
  while ((m = VIEW.exec(text))) {
    if (TELLING.test(m[0]) && NOT_A_VIEW_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (
      WRITER_VIEW.test(m[0]) &&
      WRITER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) &&
      !TOGETHER_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))
    )
      continue;
    if (/^["“”]$/.test(m[0])) {
      quoted = true;
      continue;
    }
    const end = m.index + m[0].length;
    let holder = holderAt(text, m.index, m[0]);
    if (holder === 'pronoun') {
      // "Mum said she wants him to move": she is Mum, or someone else, not him. "Mum said he wants
      // to move" is his view.
      const about = familyEnd >= 0 && m.index - familyEnd <= 40 ? ABOUT_SOMEONE.exec(text.slice(end, end + 60)) : null;
      const pronoun = /\b(he|she|they)\s*(?:\S+\s+){0,3}$/i.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[1]?.toLowerCase();
      holder = about && !samePerson(pronoun, about[1]!) ? 'family' : 'other';
      if (holder === 'family') wanting = true;
    }
    if (holder === 'family') {
      const after = text.slice(end, end + 80);
      const w = WITH_SOMEONE.exec(after);
      if (w && !isFamily(w[1]!.toLowerCase())) return 'view'; // "Mum agreed with Kai"
      // "Her daughter said she is pleased", "Mum said Kai is nervous": what the person feels, told
      // by the family — unless the one reported wants something of someone else (above).
      const r = TELLING.test(m[0]) ? REPORTED.exec(after) : null;
      if (r && !isFamily((r[1] ?? r[2])!.toLowerCase())) reported = true;
      family = true;
      familyEnd = end;
      continue;
    }
    return 'view';
  }
  if ((reported || (quoted && QUOTE_ABOUT.test(text))) && !wanting) return 'view';
  if (quoted) return family ? 'family' : 'view';
  return family ? 'family' : 'none';
}

/** What a reporting verb reports: "said (that) she…", "told me he…", "told staff that Kai…". */
const REPORTED = /^\s+(?:(?:me|us|staff|the\s+\w+(?:\s+\w+)?)\s+)?(?:that\s+)?(he|she|they|[A-Z][a-z]+)\b(?!['’])|^[\s,:]*["“‘']\s*(He|She|They)\b/;
/** A quotation that tells of someone else: "“He can’t stop talking about it,” said his dad." */
const QUOTE_ABOUT = /["“‘']\s*(?:He|She|They)\b/;

/** Could `a` (he, she, they) and `b` (a pronoun or a name after the view) be the same person? */
function samePerson(a: string | undefined, b: string): boolean {
  const l = b.toLowerCase();
  if (!a) return true;
  if (a === 'he') return l === 'he' || l === 'him';
  if (a === 'she') return l === 'she' || l === 'her';
  return l === 'they' || l === 'them';
}

/**
 * A family member who speaks for the person: an attorney or a deputy ("as his attorney", "holds
 * an LPA for health and welfare", "Mum, who holds deputyship", "welfare deputy"). Not a deputy
 * manager, nor an attorney or deputy for money only (MONEY_ONLY), who does not decide where
 * someone lives.
 */
const SPEAKS_FOR = /\b(?:(?:lasting\s+)?power\s+of\s+attorney|LPAs?|attorneys?|deputyship|(?:(?:welfare|court[-\s]appointed|appointed|(?:his|her|their)(?:\s+\w+)?)\s+deputy|deputy\s+(?:for|under))\b(?!\s+(?:manager|head|headteacher|director|lead|leader|chief|team|matron|principal|editor)\b))/gi;
/** Read from the start of a SPEAKS_FOR match: an attorney or a deputy for money ("LPA for property and financial affairs", "property and affairs deputy"). */
const MONEY_ONLY = /^[^.;]{0,60}\b(?:property|financ\w*|money|benefits?|pension)\b/i;
const WELFARE = /^[^.;]{0,70}\b(?:health|welfare|care)\b/i;
/**
 * The person unable to give a view, so that the family is consulted in a best-interests decision:
 * "lacks capacity to decide where to live", "does not have capacity", "was unable to give a view",
 * "a best interests meeting", an IMCA.
 */
const NO_VIEW = /\b(?:lacks?|lacked|lacking)\s+(?:the\s+)?(?:mental\s+)?capacity\b|\b(?:does|did|do)\s*n[o']t\s+have\s+(?:the\s+)?(?:mental\s+)?capacity\b|\bwithout\s+(?:the\s+)?capacity\b|\bno\s+capacity\s+to\b|\b(?:unable|not\s+able)\s+to\s+(?:give|express|share|communicate|tell\s+(?:us|me|staff)|say\s+what|make\s+(?:a|this|the|that|such)\s+decision)\b|\bcould\s*n[o']t\s+(?:give|express|share|communicate)\b|\bbest[-\s]interests?\s+(?:meeting|decision|process|assessment|assessor|discussion)s?\b|\bIMCA\b/i;
/** A young child (under six): "aged 3", "3 years old", "a 4-year-old", "18 months old", a toddler, a baby, nursery. */
const YOUNG_CHILD = /\b(?:aged?\s+[0-5](?![.,:]?\d)\b|[0-5][\s-]*(?:years?|yrs?)[\s-]*old\b|\d{1,2}[\s-]*months?[\s-]*old\b|toddlers?\b|infants?\b|bab(?:y|ies)\b|pre-?school\b|nursery\b)/i;

/** Does the document say a family member may speak for the person (see SPEAKS_FOR, NO_VIEW, YOUNG_CHILD)? */
function familySpeaksFor(text: string): boolean {
  if (NO_VIEW.test(text) || YOUNG_CHILD.test(text)) return true;
  SPEAKS_FOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEAKS_FOR.exec(text))) {
    // From a few words before ("a financial LPA") to a few after ("LPA for property and financial affairs"), within the sentence.
    const lead = text.slice(Math.max(0, m.index - 30), m.index).replace(/^.*[.;]/s, '');
    const around = lead + text.slice(m.index, m.index + m[0].length + 80);
    if (!MONEY_ONLY.test(around) || WELFARE.test(around)) return true;
  }
  return false;
}

/** Sentences on either side of a decision, in the same section, read for a view. */
const WINDOW = 2;

/** Is a view recorded near `s` (`view`), only a family member's (`family`), or none (`none`)? */
function viewNearby(sentences: readonly SentenceView[], sections: readonly Section[], s: SentenceView): 'view' | 'family' | 'none' {
  const from = Math.max(0, s.index - WINDOW);
  const to = Math.min(sentences.length - 1, s.index + WINDOW);
  const section = lastAtOrBefore(sections, s.start);
  let found: 'family' | 'none' = 'none';
  for (let i = from; i <= to; i++) {
    const t = sentences[i]!;
    if (lastAtOrBefore(sections, t.start) !== section) continue;
    // The decision's own sentence as an agentless passive ("It was decided that Jack will move to
    // Oak Lodge") is voice/passive-decision's finding already: one is enough for one sentence.
    if (i === s.index && AGENTLESS_IN_SENTENCE.test(t.text)) return 'view';
    const v = viewIn(t.text.replace(INSTITUTION_VIEW, ' ').replace(AGENTLESS_VIEW, ' '));
    if (v === 'view') return 'view';
    if (v === 'family') found = 'family';
  }
  return found;
}

export const decisionView: Detector = {
  meta: {
    name: 'decision-view',
    description: 'A decision about the person ("X is to attend", "X will be moved") with no view recorded nearby.',
    params: { type: 'object', additionalProperties: false, properties: {} },
    trigger: /\b(?:is|are)\s+to\b|\bwill\s+(?:be|move|transfer|attend|go)\b|\bwill\s+(?:need|have)\s+to\s+(?:move|transfer|attend|go)\b|\b(?:to\s+be|being)\s+(?:moved|placed|transferred|transitioned|discharged|admitted|relocated|rehoused|shifted)\b|\bto\s+(?:move|go|transfer)\s+(?:to|into)\b/g,
  },
  create(ctx) {
    let speaksFor: boolean | undefined; // the document lets a family member's view stand for the person's
    /** Is a view recorded near `s` that leaves the decision alone? */
    const viewed = (s: SentenceView): boolean => {
      const v = viewNearby(ctx.sentences, ctx.doc.sections, s);
      return v === 'view' || (v === 'family' && (speaksFor ??= familySpeaksFor(ctx.doc.text)));
    };
    return {
      sentence(s) {
        DECISION.lastIndex = 0;
        let m: RegExpExecArray | null;
        let checked = false; // the sentences around were read for a view, and none was found
        while ((m = DECISION.exec(s.text))) {
          const subject = m[1]!;
          const verb = m[2]!;
          if (NOT_SUBJECTS.has(subject)) continue;
          // "they" takes "are to"; a name, "he" and "she" take "is to" ("Payments are to start").
          const plural = /^are/.test(verb);
          if (plural !== /^[Tt]hey$/.test(subject) && !/^will/.test(verb)) continue;
          if (/^will\s+(?!(?:(?:need|have)\s+to\s+)?(?:be\b(?!\s+(?:attending|moving|transferring|going)\b)|move\s+in\s+with\b))/.test(verb) && !PLACE.test(s.text.slice(m.index + m[0].length))) continue;
          if (!checked) {
            if (viewed(s)) return;
            checked = true;
          }
          const at = m.index + m[0].length - verb.length;
          ctx.report({ start: s.start + at, end: s.start + at + verb.length });
        }
        const n = NOTE_DECISION.exec(s.text);
        if (n && !NOT_SUBJECTS.has(n[2]!) && !/^(?:He|She|They|It|I|We|You)$/.test(n[2]!)) {
          if (!checked && viewed(s)) return;
          const at = n[1]!.length + n[2]!.length + n[0].slice(n[1]!.length + n[2]!.length).indexOf(n[3]!);
          ctx.report({ start: s.start + at, end: s.start + at + n[3]!.length });
        }
      },
    };
  },
};
