/**
 * decision-view: a decision about the person written as something that will be done to them —
 * "Zara is to attend the day centre", "He is to move to Oak House", "Sam will be moved to a
 * ground-floor flat", "Sam will move to Elm Court" — with nothing in that sentence or the two on
 * either side (in the same section) recording anyone's view: no "said", "told", "agreed", "wants",
 * "would like", "chose", "asked", no quotation. The writer telling or asking ("I explained the plan
 * to him"), the person being told ("he was told") and a panel or service agreeing are not views.
 * LEXICON VOI-08 and CON-13.
 *
 * Deliberately narrow, for precision: the decision must sit right after its subject (a name, or
 * "he"/"she" with "is to", "they" with "are to"), the verbs are the ones a placement or
 * attendance decision uses, and any view nearby — whoever holds it, except a service or a panel
 * agreeing or deciding — leaves the sentence alone (the rule asks writers to record the person's
 * view; it cannot tell whose view a nearby "said" is, so it gives the benefit of the doubt). The rule's `subject: person` then leaves out
 * subjects the clause reader knows are someone or something else. Pure; runs only on sentences
 * holding "is to", "are to", "will be", "will move", "will transfer", "will attend" or "will go".
 */
import type { Section } from '../types.js';
import type { Detector, SentenceView } from './types.js';
import { lastAtOrBefore } from '../search.js';
import { CALENDAR_WORDS } from '../context/subject.js';

/** Days and months, capitalised, as alternatives ("Monday|…|December"). */
const CALENDAR = CALENDAR_WORDS.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|');

/** What a placement or attendance decision does to someone. */
const DONE_TO = 'moved|placed|transferred|discharged|admitted|relocated|rehoused';
const TO_VERB = `attend|move|live|stay|go|return|transfer|be\\s+(?:${DONE_TO})`;
/**
 * The same decision in the plain future: "will move to", "will move into", "will transfer to",
 * "will attend" and "will go into", only when a home, a service or a place's name (not a day or a
 * month) follows within six words: "will move to Elm Court", "will attend Meadow Day Services",
 * "will go into a care home". "Will attend his GP appointment on Friday" and "will move to the
 * other side of the bed" are not decisions about where the person lives or spends their days
 * (PLACE). "Will move in with" needs no place.
 */
const WILL_VERB = 'will\\s+(?:move\\s+(?:to|into|in\\s+with)|transfer\\s+to|attend|go\\s+into)';
/** A home, a service or a place's name within six words after a WILL_VERB. */
const PLACE = new RegExp(
  String.raw`^(?:\s+[\w'’&-]+){0,5}?\s+(?:(?!(?:${CALENDAR}|Christmas|Easter)\b)[A-Z][a-z]+|centre|center|centres|services?|unit|provision|placement|college|school|club|hub|home|homes|hospital|hospice|residential|nursing|respite|accommodation|hostel|flat|house|bungalow|room|court|lodge|ward|supported|sheltered|extra\s+care)\b`,
);
/**
 * The decision and the word right before it: `(subject)` then "is to attend", "are to move",
 * "will be moved", "will move to". The subject is checked separately (SUBJECTS).
 */
const DECISION = new RegExp(`\\b([A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey)\\s+((?:is|are)\\s+to\\s+(?:${TO_VERB})|will\\s+be\\s+(?:${DONE_TO})|${WILL_VERB})\\b`, 'g');
/**
 * The same decision in note style, with "is" left out, only at the start of a sentence or a line:
 * "Edna to be moved to Elm Court on Friday", "Kai to be transferred to Ward 4". Action lists ("Dawn
 * to ring the bank") are left alone: only what is done to the person (DONE_TO) counts.
 */
const NOTE_DECISION = new RegExp(`^(\\s*)([A-Z][a-z]+)\\s+(to\\s+be\\s+(?:${DONE_TO}))\\b`);
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
/** Anyone's view recorded: a reporting or wanting verb, a view noun, or a quotation mark. */
const VIEW = /\b(?:said|says|say|told|tells|explained|explains|agreed|agrees|agree|disagreed|disagrees|wants?|wanted|would\s+(?:like|prefer|rather)|prefers?|preferred|chose|chooses|choice|asked|asks|views?|wishes|wished|feels|felt|hopes?|hoped|happy|unhappy|keen|decided|consented|consents|consent|refused|declined|objected|upset)\b|["“”]/gi;
/** Telling and asking, which record no view when the writer does it or the person is told. */
const TELLING = /^(?:said|says|say|told|tells|explained|explains|asked|asks)$/i;
/** The writer speaking ("I explained", "we have told") or someone being told ("was told", "were asked", "Son to be told"). */
const NOT_A_VIEW_BEFORE = /(?:\b(?:I|we)(?:\s+(?:have|had|also|then|have\s+also))?|\b(?:was|were|been|being|is|are|to\s+be))\s+$/i;

/**
 * Does the sentence record someone's view? Not when its only reporting verbs are the writer
 * telling or asking ("I explained the plan to Dev", "we told him") or someone being told ("Dev was
 * told he is to move"): that records what was said to the person, not what anyone thinks.
 */
function holdsView(text: string): boolean {
  VIEW.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VIEW.exec(text))) {
    if (!TELLING.test(m[0]) || !NOT_A_VIEW_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}

/** Sentences on either side of a decision, in the same section, read for a view. */
const WINDOW = 2;

function viewNearby(sentences: readonly SentenceView[], sections: readonly Section[], s: SentenceView): boolean {
  const from = Math.max(0, s.index - WINDOW);
  const to = Math.min(sentences.length - 1, s.index + WINDOW);
  const section = lastAtOrBefore(sections, s.start);
  for (let i = from; i <= to; i++) {
    const t = sentences[i]!;
    if (lastAtOrBefore(sections, t.start) === section && holdsView(t.text.replace(INSTITUTION_VIEW, ' '))) return true;
  }
  return false;
}

export const decisionView: Detector = {
  meta: {
    name: 'decision-view',
    description: 'A decision about the person ("X is to attend", "X will be moved") with no view recorded nearby.',
    params: { type: 'object', additionalProperties: false, properties: {} },
    trigger: /\b(?:is|are)\s+to\b|\bwill\s+(?:be|move|transfer|attend|go)\b|\bto\s+be\s+(?:moved|placed|transferred|discharged|admitted|relocated|rehoused)\b/g,
  },
  create(ctx) {
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
          if (/^will\s+(?!be\b|move\s+in\s+with\b)/.test(verb) && !PLACE.test(s.text.slice(m.index + m[0].length))) continue;
          if (!checked) {
            if (viewNearby(ctx.sentences, ctx.doc.sections, s)) return;
            checked = true;
          }
          const at = m.index + m[0].length - verb.length;
          ctx.report({ start: s.start + at, end: s.start + at + verb.length });
        }
        const n = NOTE_DECISION.exec(s.text);
        if (n && !NOT_SUBJECTS.has(n[2]!) && !/^(?:He|She|They|It|I|We|You)$/.test(n[2]!)) {
          if (!checked && viewNearby(ctx.sentences, ctx.doc.sections, s)) return;
          const at = n[1]!.length + n[2]!.length + n[0].slice(n[1]!.length + n[2]!.length).indexOf(n[3]!);
          ctx.report({ start: s.start + at, end: s.start + at + n[3]!.length });
        }
      },
    };
  },
};
