/**
 * street-address: Street addresses: a house number, a street name and a street word (rule privacy/street-address; the finder is ../privacy/street-address.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `street-address` detector. */
export const streetAddress = identifierDetector('street-address', 'Street addresses: a house number, a street name and a street word');
