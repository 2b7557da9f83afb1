/**
 * Words inside an email address or a reference code are a mailbox's or a file's letters, not
 * words written about the person: only the privacy rules read them (a letter's "Email:
 * client.finance@example.org", "Reference: DP/2026/00917").
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet } from '../../src/index.js';

const set = builtinRuleSet();
const ids = (t: string): string[] => analyse(t, set).findings.map((f) => `${f.ruleId}:${f.text}`);

describe('email addresses and reference codes', () => {
  it('a rule word inside an email address is not reported; the address itself still is, by privacy', () => {
    const fs = ids('Please write to us.\nEmail: client.finance@example.org\n');
    expect(fs.some((f) => f.startsWith('dehumanising/'))).toBe(false);
    expect(fs).toContain('privacy/email:client.finance@example.org');
    expect(ids('Email: reablement@example.org').some((f) => f.startsWith('jargon/'))).toBe(false);
  });

  it('an abbreviation that opens a reference code with a number is not reported', () => {
    expect(ids('Reference: DP/2026/00917').some((f) => f.startsWith('jargon/'))).toBe(false);
    expect(ids('Our ref: LD/2026/1187, please quote it when you ring.').some((f) => f.startsWith('jargon/'))).toBe(false);
  });

  it('the same words in prose are still reported', () => {
    expect(ids('Jack is a client of the day centre.').some((f) => f.startsWith('dehumanising/'))).toBe(true);
    expect(ids('Her DP will be reviewed in June.').some((f) => f.startsWith('jargon/support-acronyms'))).toBe(true);
    expect(ids('Referred to the LD/autism team.').some((f) => f.startsWith('jargon/learning-disability-ld'))).toBe(true);
    expect(ids('Her DP/PA hours go up in June.').some((f) => f.startsWith('jargon/support-acronyms'))).toBe(true);
  });
});
