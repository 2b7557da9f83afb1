/**
 * vehicle-registration: GB vehicle registrations in the current format (rule privacy/vehicle-registration; the finder is ../privacy/vehicle-registration.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `vehicle-registration` detector. */
export const vehicleRegistration = identifierDetector('vehicle-registration', 'GB vehicle registrations in the current format ("AB12 CDE")');
