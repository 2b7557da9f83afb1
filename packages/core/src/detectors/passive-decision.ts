/**
 * passive-decision: agentless passives that hide who made a decision ("it was decided that",
 * "it has been agreed he will", "it's been decided", "the decision was taken to", "it has now been
 * determined", "it was later decided", "a view was taken that"), and a decision about the person's
 * support named by its subject ("the move was approved", "her package has been signed off"), unless
 * the agent follows ("decided by the panel", "approved by Sam Reid"); and an option picked for the
 * person with no one named ("the implant was felt to be the best option"). "The view was taken into
 * account" is not a decision. Pure.
 */
import type { Detector } from './types.js';

// With the hurried spellings of the commonest verbs, which are too short for the misspelling machinery
// (VOI-01): "it was decieded", "it was deemd", "it was agred".
const VERBS = 'decided|decieded|descided|decidid|agreed|agred|agreeed|felt|deemed|deemd|considered|recommended|determined|noted|judged|concluded|thought|assessed|believed|identified|proposed|suggested|arranged|established|resolved(?!\\s+(?:quickly|easily|promptly|soon|straight|swiftly|within|in|on|when|after|before|the\\s+(?:next|same|following))\\b|\\s*(?:[.,;!?]|$))';
/**
 * One adverb that may stand inside the passive without naming anyone: "it has now been
 * determined", "it was later decided", "the decision has since been taken".
 */
const ADV = '(?:\\s+(?:now|since|later|subsequently|eventually|then|also|therefore|thus|finally|previously|recently|already|again|originally|initially|ultimately|provisionally|jointly|further|duly|formally|unanimously|collectively))?';
/**
 * A short aside between the verb's parts that names no one: "it was, after much discussion,
 * decided", "it has, on balance, been agreed" reads "it was … decided". Not one that names who
 * took part ("it was, with Jack and his sister, agreed").
 */
/**
 * A hedge or a "not" inside the passive still names no one: "it was probably decided", "it will
 * possibly be recommended", "it was not agreed that Jo could have a cat", "it was not thought
 * needed to ring him" (LEXICON VOI-01: hedged, predicted and negated forms hide the decider too).
 */
const HEDGE = '(?:\\s+(?:probably|possibly|perhaps|likely|not|never|certainly|definitely|clearly|apparently|presumably|understandably))?';
/** A modal before the passive: "it might have been agreed", "it could be felt", "a decision might be made". */
const MODAL = '(?:may|might|could|should|must|can|will|would)';
const ASIDE = '(?:,\\s(?![^,.;]{0,40}?\\b(?:with|by|between)\\b)[^,.;]{1,40},)?';
/**
 * What a service decides about a person's support, as the subject of "was approved" and the like:
 * not applications, claims or benefits (a Blue Badge or PIP award is another body's decision,
 * recorded as a fact).
 */
const DECIDED_THINGS =
  'move|moves|transfer|admission|discharge|placement|care\\s+package|support\\s+package|package(?:\\s+of\\s+care)?|support\\s+plan|care\\s+plan|personal\\s+budget|budget|funding|increase|reduction|decrease|respite|short\\s+breaks?|request|change|changes';
/** The judgement's first words, "felt to be the best", "considered the safest" (also the detector's trigger). */
const JUDGED_AS = '(?:felt|deemed|considered|thought|judged|believed)\\s+(?:to\\s+be\\s+)?(?:the|a)\\s+';
/** "felt to be the best option", "considered the safest choice": a judgement that picks an option. */
const OPTION_JUDGED = `${JUDGED_AS}(?:best|better|right|safest|safer|most\\s+(?:suitable|appropriate)|only)\\s+(?:option|choice|way\\s+forward|course\\s+of\\s+action|plan|outcome|placement|place|thing\\s+to\\s+do)\\b`;
const APPROVALS = 'approved|agreed|authorised|authorized|signed\\s+off|ratified|endorsed|rejected|turned\\s+down';
/**
 * "it was decided", "it's been agreed", "it’d been felt", "its been agreed" (a hurried note's "it's"
 * without its apostrophe; "its" before "been" is never the possessive); "a/the decision was made/taken",
 * "decisions were made"; "a view was taken/formed"; with one adverb inside ("it has now been decided").
 */
const PASSIVE = new RegExp(
  `\\bit(?:\\s+(?:was|is)|\\s+(?:has|had)${ADV}${HEDGE}\\s+been|\\s+${MODAL}${ADV}${HEDGE}\\s+(?:have\\s+been|be)|['’]s${ADV}(?:\\s+been)?|s${ADV}\\s+been|['’]d${ADV}\\s+been)${ADV}${HEDGE}${ASIDE}\\s+(?:${VERBS})\\b` +
    // The same passive asked as a question: "Was it agreed that Jo would move rooms?", "Has it
    // been decided where Sam will live?", "Will it be recommended …?"
    `|\\b(?:(?:was|is)\\s+it|(?:has|had)\\s+it${ADV}\\s+been|${MODAL}\\s+it${ADV}\\s+(?:have\\s+been|be))${ADV}\\s+(?:${VERBS})\\b` +
    `|\\b(?:a|the|this|that)\\s+(?:decision|descision|decison|desicion)\\s+(?:was|is|(?:has|had)${ADV}${HEDGE}\\s+been|${MODAL}${ADV}${HEDGE}\\s+(?:have\\s+been|be))${ADV}\\s+(?:made|taken|reached)\\b` +
    `|\\b(?:a|the)\\s+view\\s+(?:was|(?:has|had)${ADV}\\s+been)${ADV}\\s+(?:taken(?!\\s+into\\b)|formed|reached)\\b` +
    // A shared view with no one named as holding it: "the consensus was that", "the general feeling
    // is that", "there was a consensus that" (LEXICON VOI-01, as "it was felt").
    `|\\b(?:the|a)\\s+(?:general\\s+|overall\\s+|clear\\s+|shared\\s+|professional\\s+)?(?:consensus|feeling)\\s+(?:was|is|(?:has|had)${ADV}\\s+been)${ADV}\\s+that\\b(?!\\s+of\\b)` +
    `|\\bthere\\s+(?:was|is|has\\s+been)\\s+(?:a\\s+)?(?:general\\s+|clear\\s+|professional\\s+)?consensus\\s+that\\b` +
    // Agreement reached with no one named: "Consensus was reached that Mr Ode should move",
    // "agreement has been reached that the calls stop" (VOI-01). "… reached between Mo and me" names them;
    // a "tenancy agreement" or "care agreement" (a word before it) is a document, not a decision.
    `|\\b(?:an?\\s+|(?<![a-z]\\s))(?:consensus|agreement)\\s+(?:was|is|(?:has|had)${ADV}\\s+been)${ADV}\\s+(?:reached|arrived\\s+at|achieved)\\b` +
    `|\\bdecisions\\s+(?:were|are|(?:have|had)${ADV}\\s+been|will${ADV}\\s+be)${ADV}\\s+(?:made|taken|reached)\\b` +
    // A decision about the person's support named by its subject (with a short "to …", "in …" after
    // it), no one by who made it: "the move to Oak House was approved", "her care package has been
    // signed off", "the reduction in calls was agreed at panel". Only the verb is reported ("was
    // approved"), so the span does not overlap another rule's on the subject ("care package").
    `|\\b(?:${DECIDED_THINGS})(?:\\s+(?:to|for|in|of|into|from|at)\\s[^.;,]{1,40}?)?\\s+((?:was|is|were|are|(?:has|have|had)${ADV}\\s+been)${ADV}\\s+(?:${APPROVALS}))\\b` +
    // An option chosen for the person with no one named as choosing it: "the implant was felt to be
    // the best option", "a care home was considered the safest choice".
    `|\\b(?:was|were|is|are|(?:has|have|had)${ADV}\\s+been)${ADV}\\s+${OPTION_JUDGED}`,
  'gi',
);
/**
 * The decider follows: "decided by the panel (names)", "agreed between Jack and me", "agreed with Jack".
 * Not a "by" that names no one: "it was felt by all that", "agreed by everyone present"; but one
 * that goes on to name who took part does ("agreed by everyone present, including Jack and his
 * mum", "by all at the meeting, including Priya"), as minutes that list attendees do (LEXICON VOI-01).
 */
const AGENT =
  /^\s*(?:,\s*)?(?:by\s+(?!(?:the\s+way|all|everyone|everybody|those\s+present|professionals|others|most|many|some)\b)|(?:between|with)\s+(?!the\s+way))/i;
/**
 * A decision named inside a "how" or "when" clause is the way decisions are to be made, not one
 * reported as made: "her parents have agreed with Lorna how decisions will be made", "we talked
 * about when the decision will be taken". Read back from the match ("decisions …", "the decision
 * …"), with one word between ("how important decisions are made", "how any decision is made").
 */
const PROCESS_CLAUSE = /\b(?:how|when|where|whether)\s+(?:[a-z-]+\s+)?$/i;
/** "by everyone present, including Jack …": case-sensitive, so a name is a capital letter. */
const INCLUDING =
  /^\s*(?:,\s*)?by\s+(?:all(?:\s+those)?|everyone|everybody|those)(?:\s+(?:present|attending|there|at\s+the\s+\w+))?\s*,?\s+including\s+(?:[A-Z][a-z]|(?:him|her|them|his|their|me|us)\b)/;

export const passiveDecision: Detector = {
  meta: {
    name: 'passive-decision',
    description: 'Agentless passive constructions that hide who decided.',
    params: { type: 'object', additionalProperties: false, properties: {} },
    trigger: new RegExp(
      `\\b(?:it\\s+(?:was|is|has|had|will|would|may|might|could|should|must|can)\\b|(?:was|is|has|had|will|would|may|might|could|should|must|can)\\s+it\\b|it['’][sd]\\b|its\\s+(?:[a-z]+\\s+)?been\\b|(?:decisions?|descisions?|decisons?|desicions?)\\s+(?:was|were|is|are|has|have|had|will|may|might|could|should|must|can|would)\\b|view\\s+(?:was|has|had)\\b|consensus\\b|agreement\\s+(?:was|is|has|had)\\b|feeling\\s+(?:was|is|has|had)\\b|(?:approved|agreed|authori[sz]ed|signed\\s+off|ratified|endorsed|rejected|turned\\s+down)\\b|${JUDGED_AS}(?:best|better|right|safest|safer|most|only)\\b)`,
      'gi',
    ),
  },
  create(ctx) {
    return {
      sentence(s) {
        PASSIVE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = PASSIVE.exec(s.text))) {
          const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 64);
          if (AGENT.test(after) || INCLUDING.test(after)) continue;
          if (/^(?:(?:a|the|this|that)\s+)?decisions?\b/i.test(m[0]) && PROCESS_CLAUSE.test(s.text.slice(Math.max(0, m.index - 40), m.index))) continue;
          const from = m[1] === undefined ? m.index : m.index + m[0].length - m[1].length;
          ctx.report({ start: s.start + from, end: s.start + m.index + m[0].length });
        }
      },
    };
  },
};
