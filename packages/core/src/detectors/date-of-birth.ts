/**
 * date-of-birth: full dates of birth after a birth cue, or old full dates that are not events
 * (rule privacy/date-of-birth; the finder is ../privacy/date-of-birth.ts). Reports spans, never
 * values. Pure.
 */
import { identifierDetector, identifierParams } from './identifier-detector.js';
import { findDatesOfBirth, type DateOfBirthOptions } from '../privacy/date-of-birth.js';

/** The `date-of-birth` detector. */
export const dateOfBirth = identifierDetector('date-of-birth', 'Full dates of birth (after a DOB / born cue, or old dates that are not events)', {
  params: {
    ...identifierParams,
    properties: {
      ...identifierParams.properties,
      minAge: { type: 'integer', minimum: 0, maximum: 120, description: 'An uncued date counts only if it is at least this many years ago (default 16).' },
      earliestBirthYear: { type: 'integer', minimum: 1800, description: 'Earliest plausible birth year (default 1900).' },
    },
  },
  find(sentence, params) {
    const options: DateOfBirthOptions = {};
    if (typeof params.minAge === 'number') options.latestBirthYear = new Date().getUTCFullYear() - params.minAge;
    if (typeof params.earliestBirthYear === 'number') options.earliestBirthYear = params.earliestBirthYear;
    return findDatesOfBirth(sentence, options);
  },
});
