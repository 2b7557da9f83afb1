/**
 * email: Personal email addresses, not team or role mailboxes (rule privacy/email; the finder is ../privacy/email.ts). Reports spans, never values. Pure.
 */
import { identifierDetector } from './identifier-detector.js';

/** The `email` detector. */
export const email = identifierDetector('email', 'Personal email addresses, not team or role mailboxes');
