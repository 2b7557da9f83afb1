/**
 * passive-decision: agentless passives that hide who made a decision ("it was decided that",
 * "it has been agreed he will", "it's been decided", "the decision was taken to", "it has now been
 * determined", "it was later decided", "a view was taken that"), unless the agent follows ("decided
 * by the panel"). "The view was taken into account" is not a decision. Pure.
 */
import type { Detector } from './types.js';

const VERBS = 'decided|agreed|felt|deemed|considered|recommended|determined|noted|judged|concluded|thought|assessed|believed|identified|proposed|suggested|arranged|established';
/**
 * One adverb that may stand inside the passive without naming anyone: "it has now been
 * determined", "it was later decided", "the decision has since been taken".
 */
const ADV = '(?:\\s+(?:now|since|later|subsequently|eventually|then|also|therefore|thus|finally|previously|recently|already|again|originally|initially|ultimately|provisionally|jointly|further|duly|formally|unanimously|collectively))?';
/**
 * "it was decided", "it's been agreed", "it’d been felt"; "a/the decision was made/taken",
 * "decisions were made"; "a view was taken/formed"; with one adverb inside ("it has now been decided").
 */
const PASSIVE = new RegExp(
  `\\bit(?:\\s+(?:was|is)|\\s+(?:has|had)${ADV}\\s+been|\\s+(?:will|would)${ADV}\\s+be|['’]s${ADV}(?:\\s+been)?|['’]d${ADV}\\s+been)${ADV}\\s+(?:${VERBS})\\b` +
    `|\\b(?:a|the|this|that)\\s+decision\\s+(?:was|is|(?:has|had)${ADV}\\s+been|will${ADV}\\s+be)${ADV}\\s+(?:made|taken|reached)\\b` +
    `|\\b(?:a|the)\\s+view\\s+(?:was|(?:has|had)${ADV}\\s+been)${ADV}\\s+(?:taken(?!\\s+into\\b)|formed|reached)\\b` +
    `|\\bdecisions\\s+(?:were|are|(?:have|had)${ADV}\\s+been|will${ADV}\\s+be)${ADV}\\s+(?:made|taken|reached)\\b`,
  'gi',
);
/** The decider follows: "decided by the panel (names)", "agreed between Jack and me", "agreed with Jack". */
const AGENT = /^\s*(?:,\s*)?(?:by|between|with)\s+(?!the\s+way)/i;

export const passiveDecision: Detector = {
  meta: {
    name: 'passive-decision',
    description: 'Agentless passive constructions that hide who decided.',
    params: { type: 'object', additionalProperties: false, properties: {} },
    trigger: /\b(?:it\s+(?:was|is|has|had|will|would)\b|it['’][sd]\b|decisions?\s+(?:was|were|is|are|has|have|had|will)\b|view\s+(?:was|has|had)\b)/gi,
  },
  create(ctx) {
    return {
      sentence(s) {
        PASSIVE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = PASSIVE.exec(s.text))) {
          const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
          if (AGENT.test(after)) continue;
          ctx.report({ start: s.start + m.index, end: s.start + m.index + m[0].length });
        }
      },
    };
  },
};
