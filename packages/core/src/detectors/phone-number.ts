/**
 * phone-number: Personal UK phone numbers (mobiles and geographic landlines), not organisation numbers (rule privacy/phone-number; the finder is ../privacy/phone-number.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `phone-number` detector. */
export const phoneNumber = identifierDetector('phone-number', 'Personal UK phone numbers (mobiles and geographic landlines), not organisation numbers');
