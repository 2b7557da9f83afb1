/** maskIdentifiers: every identifier the privacy rules find becomes a placeholder. */
import { describe, expect, it } from 'vitest';
import { maskIdentifiers } from '../../src/privacy/mask.js';

describe('maskIdentifiers', () => {
  it('masks every kind and keeps the rest of the text', () => {
    const text =
      'Mrs Patel (NHS no 999 456 7896, NI AB 12 34 56 C, DOB 01/02/1950) lives at 14 Acacia Avenue, Z33 8TH.\n' +
      'Her mobile is 07700 900461 and her email is jo.bloggs@example.org. Her car is ZB29 CDE.';
    expect(maskIdentifiers(text)).toBe(
      '[name] (NHS no [NHS number], NI [NI number], DOB [date of birth]) lives at [address], [postcode].\n' +
        'Her mobile is [phone number] and her email is [email]. Her car is [vehicle registration].',
    );
  });
  it('leaves text with no identifiers unchanged, including traps', () => {
    const text = 'Case ref 123 456 7890. Ring the duty team on 020 7946 0000. Review on 12/03/2024 at 10.30am cost £30.';
    expect(maskIdentifiers(text)).toBe(text);
    expect(maskIdentifiers('')).toBe('');
  });
  it('keeps signature-block contact details (the organisation’s) but masks names', () => {
    const text = 'Kind regards\nSam Reid\nSocial Worker, West Locality Team\nTel: 0113 496 0123';
    expect(maskIdentifiers(text)).toBe('Kind regards\n[name]\nSocial Worker, West Locality Team\nTel: 0113 496 0123');
  });
  it('never lets an identifier survive masking (idempotent)', () => {
    const once = maskIdentifiers('Her NHS number is 999 000 0018; call 01632 960123.');
    expect(once).toBe('Her NHS number is [NHS number]; call [phone number].');
    expect(maskIdentifiers(once)).toBe(once);
  });
  it('masks what a masked neighbour reveals, so masking again changes nothing', () => {
    // The date's digits after the colon keep "999 345 6780" from reading as an NHS number until the
    // date is masked (a counterexample found by the property test).
    const once = maskIdentifiers('999 345 6780:1950-02-01');
    expect(once).toBe('[NHS number]:[date of birth]');
    expect(maskIdentifiers(once)).toBe(once);
  });

  it("also masks what the document's own privacy findings found, which the sentence alone cannot show", () => {
    // "NHS No:" on the line before made these ten digits an NHS number; the sentence is just the number.
    expect(maskIdentifiers('9994567896 refused lunch today.')).toBe('9994567896 refused lunch today.');
    const found = [
      { ruleId: 'privacy/nhs-number', category: 'privacy' as const, text: '9994567896' },
      { ruleId: 'privacy/person-name', category: 'privacy' as const, text: 'Ada Lowe' },
      { ruleId: 'blaming/refuses', category: 'blaming' as const, text: 'refused' },
      { ruleId: 'privacy/team-code', category: 'privacy' as const, text: 'TX-99' },
    ];
    expect(maskIdentifiers('9994567896 refused lunch; Ada Lowe (TX-99) rang.', found)).toBe('[NHS number] refused lunch; [name] ([identifier]) rang.');
  });
});
