/**
 * The privacy rules through analyse(): every flag example yields a finding whose text is the slice
 * at its offsets and whose message never echoes the value; fictional values come out at info (or
 * not at all with `fictional: ignore`); identifiers are reported inside the person's quoted words;
 * cue-less old dates are info.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { repoRules, repoRuleSet } from '../helpers.js';

const privacy = repoRules().rules.filter((r) => r.category === 'privacy');
const set = repoRuleSet((r) => r.category === 'privacy');
// 001 234 5679 passes the NHS check but lies outside the 999 test range, below the CHI range and in no
// range NHS England issues: it stands for a real-format number without being anyone's.
const OUTSIDE_TEST_RANGE = '001 234 5679';
const run = (text: string, detectorParams?: Record<string, Record<string, unknown>>) =>
  analyse(text, set, detectorParams ? { detectorParams } : {}).findings.filter((f) => f.category === 'privacy');

describe('privacy rules', () => {
  it('are one per identifier kind, each a detector with a message that cannot echo the value', () => {
    expect(privacy.map((r) => r.id).sort()).toEqual([
      'privacy/date-of-birth',
      'privacy/email',
      'privacy/nhs-number',
      'privacy/ni-number',
      'privacy/person-name',
      'privacy/phone-number',
      'privacy/postcode',
      'privacy/street-address',
      'privacy/vehicle-registration',
    ]);
    for (const r of privacy) {
      expect(r.detector, r.id).toBe(r.id.split('/')[1]);
      expect(r.message, r.id).not.toContain('{match}');
      for (const v of Object.values(r.params ?? {})) if (typeof v === 'string') expect(v).not.toContain('{match}');
    }
  });

  describe.each(privacy.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it.each(rule.examples.flag)('flags without echoing: %s', (example) => {
      const mine = run(example).filter((f) => f.ruleId === id);
      expect(mine.length).toBeGreaterThan(0);
      for (const f of mine) {
        expect(example.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
        expect(f.message).not.toContain(f.text!);
      }
    });
  });

  it('reports real-format values at warning and fictional ones at info with their own message', () => {
    const [real] = run(`His NHS number is ${OUTSIDE_TEST_RANGE}.`);
    expect(real).toMatchObject({ ruleId: 'privacy/nhs-number', severity: 'warning', text: OUTSIDE_TEST_RANGE });
    const [test] = run('His NHS number is 999 000 0018.');
    expect(test).toMatchObject({ ruleId: 'privacy/nhs-number', severity: 'info' });
    expect(test!.message).toMatch(/test-range/);
    const [drama] = run('Her mobile is 07700 900461.');
    expect(drama).toMatchObject({ ruleId: 'privacy/phone-number', severity: 'info' });
    const [mail] = run('Her email is jo.bloggs@example.org.');
    expect(mail).toMatchObject({ ruleId: 'privacy/email', severity: 'info' });
    // "29" is the March 2029 age identifier, not issued yet; a Z memory tag is never issued.
    expect(run('Dad drove off in AB29 CDE.')).toMatchObject([{ ruleId: 'privacy/vehicle-registration', severity: 'warning', text: 'AB29 CDE' }]);
    const [plate] = run('Dad drove off in ZB29 CDE.');
    expect(plate).toMatchObject({ ruleId: 'privacy/vehicle-registration', severity: 'info' });
    expect(plate!.message).toMatch(/made-up/);
  });

  it('drops fictional values entirely with fictional: ignore', () => {
    expect(run('Her mobile is 07700 900461.', { 'phone-number': { fictional: 'ignore' } })).toEqual([]);
    expect(run('His NHS number is 999 456 7896.', { 'nhs-number': { fictional: 'ignore' } })).toEqual([]);
    expect(run(`His NHS number is ${OUTSIDE_TEST_RANGE}.`, { 'nhs-number': { fictional: 'ignore' } })).toHaveLength(1);
  });

  it('reports identifiers inside the person quoted words (privacy reports quotes)', () => {
    const text = 'Jack said “my NHS number is 999 456 7896 and I live at 14 Acacia Avenue”.';
    const found = run(text).map((f) => [f.ruleId, f.text, f.quoted ?? false]);
    expect(found).toEqual([
      ['privacy/nhs-number', '999 456 7896', false],
      ['privacy/street-address', '14 Acacia Avenue', false],
    ]);
  });

  it('reports a cue-less old date at info and a cued one at warning', () => {
    expect(run('Jack Kemp, 14.03.1948, lives alone.').find((f) => f.ruleId === 'privacy/date-of-birth')?.severity).toBe('info');
    expect(run('DOB 14.03.1948.')[0]?.severity).toBe('warning');
  });

  it("leaves a staff signature block's contact details alone, but not a referral form's", () => {
    const signature = 'Jack is happy with the new times.\n\nKind regards\nSam\nSocial Worker, West Locality Team\nTel: 0113 496 0123\nEmail: sam.r@example.org\n1 High Street, Z33 8TH';
    expect(run(signature)).toEqual([]);
    const form = 'Referral\nDOB: 01/02/1950\nTel: 0113 496 0123\nEmail: ada.h@example.org\nAddress: 14 Acacia Avenue, Z33 8TH';
    expect(run(form).map((f) => f.ruleId)).toEqual(['privacy/date-of-birth', 'privacy/phone-number', 'privacy/email', 'privacy/street-address', 'privacy/postcode']);
  });

  it('reads other sign-offs and a title-case job title line as a signature block too', () => {
    const warm = 'It has been a pleasure working with you.\n\nWith warm wishes,\n\nKit\nTelephone: 0161 496 0855\nEmail: enablement@example.org';
    expect(run(warm)).toEqual([]);
    const role = 'See you soon,\n\nBea\nShared Lives Officer\nTelephone: 01632 960552\nEmail: shared.lives@example.org';
    expect(run(role)).toEqual([]);
    // Prose about an officer is not a job title line: a personal number after it is still reported.
    const prose = 'The police officer visited Ada at home.\nHer mobile is 07700 900123.';
    expect(run(prose).map((f) => f.ruleId)).toEqual(['privacy/phone-number']);
  });

  it('reads a team or council line as a signature only when written as a name, not prose about a team', () => {
    // "keep within the team" is prose: the address and mobile after it are the person's.
    const header = 'Extract for the audit: please keep it within the team\nAddress: 14 Acacia Avenue, Z33 8TH\nMobile: 07700 900123';
    expect(run(header).map((f) => f.ruleId)).toEqual(['privacy/street-address', 'privacy/postcode', 'privacy/phone-number']);
    for (const team of ['Oakfield Borough Council', 'Duty and Assessment Team', 'DUTY AND ASSESSMENT TEAM', 'Riverside NHS Foundation Trust']) {
      expect(run(`Thanks,\nDee\n${team}\nTelephone: 0161 496 0855`), team).toEqual([]);
    }
  });

  it("reads a letterhead's department line as the organisation's address, but not the addressee's block under it", () => {
    for (const dept of ["Children's Services", 'Adult Social Care', 'Civic Centre']) {
      expect(run(`${dept}\nMarket Street\nOakfield\nZY7 2HD\n\nOur ref: CS/118\n\nDear Ana,`), dept).toEqual([]);
    }
    const letter = 'Oakfield Borough Council\nCivic Centre\nZY7 2HD\n\nMs Ana Brook\n9 Larch Close\nOakfield\nZY3 6PL\n\nDear Ms Brook,';
    expect(run(letter).map((f) => [f.ruleId, f.text])).toEqual([
      ['privacy/person-name', 'Ms Ana Brook'], ['privacy/street-address', '9 Larch Close'], ['privacy/postcode', 'ZY3 6PL'], ['privacy/person-name', 'Ms Brook'],
    ]);
    // A copy line after a signature is the person's too.
    const cc = 'Best wishes,\nDee\nSocial Worker\n\nCc: Mr Leon Hart, 4 Mill Lane, Oakfield ZY2 5QT';
    expect(run(cc).map((f) => f.ruleId)).toEqual(['privacy/person-name', 'privacy/street-address', 'privacy/postcode']);
  });

  it("still reports a full name in a signature block (only contact details are the organisation's)", () => {
    const signature = 'Jack is happy with the new times.\n\nKind regards\nSam Reid\nSocial Worker, West Locality Team\nTel: 0113 496 0123';
    expect(run(signature).map((f) => [f.ruleId, f.text])).toEqual([['privacy/person-name', 'Sam Reid']]);
  });

  it('leaves a typical note with only traps alone', () => {
    const note =
      'Visit on 12/03/2024 at 10.30am, case ref 123 456 7890. Jack paid £30.50 for the trip. ' +
      'I rang the duty team on 020 7946 0000 and emailed referrals@example.gov.uk. ' +
      'Recorded as ZZ99 3VZ. The GP surgery is at Z33 8TH. NI number GB 12 34 56 A.';
    expect(run(note)).toEqual([]);
    // HMRC's QQ example can be no one's: info, with its own message.
    const [qq] = run('NI number QQ 12 34 56 A.');
    expect(qq).toMatchObject({ ruleId: 'privacy/ni-number', severity: 'info' });
    expect(qq!.message).toMatch(/HMRC's example/);
  });
});
