/** Email addresses: personal, role mailboxes and fictional domains. */
import { describe, expect, it } from 'vitest';
import { findEmails, isFictionalEmail, isRoleMailbox } from '../../src/privacy/email.js';

const spans = (s: string) => findEmails(s).map((h) => s.slice(h.start, h.end));

describe('findEmails', () => {
  it('finds addresses without trailing punctuation', () => {
    expect(spans('Write to jo.bloggs@example.org.')).toEqual(['jo.bloggs@example.org']);
    expect(spans('(sam_k+care@mail.example.com)')).toEqual(['sam_k+care@mail.example.com']);
  });
  it('skips role and team mailboxes', () => {
    expect(isRoleMailbox('duty@example.gov.uk')).toBe(true);
    expect(isRoleMailbox('adult.social.care@example.org')).toBe(true);
    expect(isRoleMailbox('westteam@example.org')).toBe(true);
    expect(isRoleMailbox('jo.bloggs@example.org')).toBe(false);
    expect(spans('Email referrals@example.gov.uk.')).toEqual([]);
  });
  it('marks documentation domains fictional', () => {
    expect(isFictionalEmail('a@example.org')).toBe(true);
    expect(isFictionalEmail('a@mail.example.com')).toBe(true);
    expect(isFictionalEmail('a@host.test')).toBe(true);
    expect(isFictionalEmail('a@examples.org')).toBe(false);
  });
  it('ignores a lone @ and handles without a domain', () => {
    expect(spans('Meet @ 10, or tweet @jack.')).toEqual([]);
  });
});
