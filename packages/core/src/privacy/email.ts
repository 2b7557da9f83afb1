/**
 * Email addresses. Role and team mailboxes (duty@, referrals@, adultsocialcare@…) are not a
 * person's address and are not reported; example.org / example.com / example.net and the
 * reserved .example, .test and .invalid domains are marked fictional. Pure.
 */
import type { IdentifierHit } from './types.js';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const ROLE = /^(?:info|enquiries|enquiry|contact|contactus|admin|office|reception|duty|team|referrals?|mash|safeguarding|adult[._-]?social[._-]?care|adults|asc|children[._-]?services|social[._-]?care|social[._-]?services|customer[._-]?services|hello|help|helpdesk|support|no[._-]?reply|complaints|feedback|foi|dpo|data[._-]?protection|accounts|finance|bookings|appointments|press|media|[a-z]+[._-]?(?:team|duty|hub|unit|service|services|office|admin|referrals|enquiries))$/i;
const FICTIONAL = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

/** True for team or role mailboxes (not a person's address). */
export function isRoleMailbox(address: string): boolean {
  return ROLE.test(address.split('@')[0] ?? '');
}

/** True for documentation and reserved domains (RFC 2606), which cannot reach a real person. */
export function isFictionalEmail(address: string): boolean {
  return FICTIONAL.test(address.split('@')[1] ?? '');
}

/** Find personal email addresses in one sentence. */
export function findEmails(sentence: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL.exec(sentence))) {
    let value = m[0];
    while (/[.-]$/.test(value)) value = value.slice(0, -1);
    if (!/@[^.]+\.[A-Za-z]{2,}/.test(value) || isRoleMailbox(value)) continue;
    const hit: IdentifierHit = { kind: 'email', start: m.index, end: m.index + value.length };
    if (isFictionalEmail(value)) hit.fictional = true;
    out.push(hit);
  }
  return out;
}
