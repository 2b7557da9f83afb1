/**
 * The detector registry: detector name → module (like ESLint's lib/rules/index.js). A YAML rule
 * with `detector: NAME` uses the module registered here. Pure.
 */
import type { Detector } from './types.js';
import { passiveDecision } from './passive-decision.js';
import { needVsWant } from './need-vs-want.js';
import { smallSum } from './small-sum.js';
import { cheapestOption } from './cheapest-option.js';

/** Every built-in detector by name. */
export const detectors: Record<string, Detector> = {
  [passiveDecision.meta.name]: passiveDecision,
  [needVsWant.meta.name]: needVsWant,
  [smallSum.meta.name]: smallSum,
  [cheapestOption.meta.name]: cheapestOption,
};

export type { Detector, DetectorContext, DetectorHandlers, DetectorReport, SentenceView } from './types.js';
