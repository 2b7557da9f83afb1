/**
 * postcode: Full UK postcodes, not ZZ99 pseudo-postcodes or organisation addresses (rule privacy/postcode; the finder is ../privacy/postcode.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `postcode` detector. */
export const postcode = identifierDetector('postcode', 'Full UK postcodes, not ZZ99 pseudo-postcodes or organisation addresses');
