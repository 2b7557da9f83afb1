/**
 * The detector registry: detector name → module (like ESLint's lib/rules/index.js). A YAML rule
 * with `detector: NAME` uses the module registered here. Pure.
 */
import type { Detector } from './types.js';
import { passiveDecision } from './passive-decision.js';
import { nhsNumber } from './nhs-number.js';
import { niNumber } from './ni-number.js';
import { postcode } from './postcode.js';
import { phoneNumber } from './phone-number.js';
import { email } from './email.js';
import { dateOfBirth } from './date-of-birth.js';
import { personName } from './person-name.js';
import { streetAddress } from './street-address.js';
import { vehicleRegistration } from './vehicle-registration.js';
import { personVoice } from './person-voice.js';
import { strengths } from './strengths.js';
import { needVsWant } from './need-vs-want.js';
import { smallSum } from './small-sum.js';
import { cheapestOption } from './cheapest-option.js';
import { signposting } from './signposting.js';
import { decisionView } from './decision-view.js';
import { strengthsSection } from './strengths-section.js';
import { aboutMeProblems } from './about-me-problems.js';
import { longSentence } from './long-sentence.js';

/** Every built-in detector by name. */
export const detectors: Record<string, Detector> = {
  [passiveDecision.meta.name]: passiveDecision,
  [nhsNumber.meta.name]: nhsNumber,
  [niNumber.meta.name]: niNumber,
  [postcode.meta.name]: postcode,
  [phoneNumber.meta.name]: phoneNumber,
  [email.meta.name]: email,
  [dateOfBirth.meta.name]: dateOfBirth,
  [personName.meta.name]: personName,
  [streetAddress.meta.name]: streetAddress,
  [vehicleRegistration.meta.name]: vehicleRegistration,
  [personVoice.meta.name]: personVoice,
  [strengths.meta.name]: strengths,
  [needVsWant.meta.name]: needVsWant,
  [smallSum.meta.name]: smallSum,
  [cheapestOption.meta.name]: cheapestOption,
  [signposting.meta.name]: signposting,
  [decisionView.meta.name]: decisionView,
  [strengthsSection.meta.name]: strengthsSection,
  [aboutMeProblems.meta.name]: aboutMeProblems,
  [longSentence.meta.name]: longSentence,
};

export type { Detector, DetectorContext, DetectorHandlers, DetectorReport, SentenceView } from './types.js';
