/**
 * nhs-number: NHS numbers with a valid modulus-11 check digit (and CHI / H&C numbers after their cue) (rule privacy/nhs-number; the finder is ../privacy/nhs-number.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `nhs-number` detector. */
export const nhsNumber = identifierDetector('nhs-number', 'NHS numbers with a valid modulus-11 check digit (and CHI / H&C numbers after their cue)');
