/**
 * person-name: Full personal names: a title with a surname, or a forename and surname (rule privacy/person-name; the finder is ../privacy/person-name.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `person-name` detector. */
export const personName = identifierDetector('person-name', 'Full personal names: a title with a surname, or a forename and surname');
