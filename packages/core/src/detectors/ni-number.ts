/**
 * ni-number: National Insurance numbers with an issued prefix and suffix letter (and TRNs after their cue) (rule privacy/ni-number; the finder is ../privacy/ni-number.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `ni-number` detector. */
export const niNumber = identifierDetector('ni-number', 'National Insurance numbers with an issued prefix and suffix letter (and TRNs after their cue)');
