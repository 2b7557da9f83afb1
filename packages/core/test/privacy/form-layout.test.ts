/**
 * Identifiers as forms and hard-wrapped text lay them out: a field's label on the line (or in the
 * table cell) before its value, and a number wrapped over a line. Each value here would be found
 * were it written on one line with its label; the tests check it is found laid out like this too,
 * that the label never hides a value the sentence shows on its own, and that the offsets hold.
 * NHS numbers are from the 999 test range, phone numbers from Ofcom's drama ranges.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { maskIdentifiers } from '../../src/privacy/mask.js';
import { labelStart } from '../../src/privacy/cues.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { repoRuleSet } from '../helpers.js';

const privacy = repoRuleSet((r) => r.category === 'privacy' && r.id !== 'privacy/person-name');
/** Each privacy finding as "rule severity text", its offsets checked against the source. */
const found = (text: string): string[] =>
  analyse(text, privacy, { kind: 'note' }).findings.map((f) => {
    expect(text.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    return `${f.ruleId.slice('privacy/'.length)} ${f.severity} ${f.text}`;
  });

describe('labelStart: a form field label straight before a sentence', () => {
  const label = (before: string): string | undefined => {
    const at = labelStart(before);
    return at < 0 ? undefined : before.slice(at).trim();
  };
  it('reads the line or cell before', () => {
    expect(label('Name: Ana Lopez\nNHS No:\n')).toBe('NHS No:');
    expect(label('Date of birth\n')).toBe('Date of birth');
    expect(label('D.O.B.\n')).toBe('D.O.B.');
    expect(label('      NHS number          ')).toBe('NHS number'); // an HTML table's cell, its tags blanked
    expect(label('   NHS number       9994567896        Date of birth      ')).toBe('Date of birth'); // cells side by side
  });
  it('takes no sentence, no value, nothing past a blank line and nothing long', () => {
    expect(label('She went home.\n')).toBeUndefined();
    expect(label('Did she go home?\n')).toBeUndefined();
    expect(label('Ward 12:\n')).toBeUndefined();
    expect(label('NHS No:\n\n')).toBeUndefined();
    expect(label(`${'The team met to talk about the move and what it means for her '.repeat(2)}\n`)).toBeUndefined();
    expect(label('')).toBeUndefined();
    expect(label('\n')).toBeUndefined();
  });
});

describe('a value on the line after its label', () => {
  it('is read with the label, as it would be on one line', () => {
    expect(found('NHS No:\n9993456780\n')).toEqual(['nhs-number info 9993456780']);
    expect(found('NHS No: 9993456780\n')).toEqual(['nhs-number info 9993456780']);
    expect(found('Ref:\n9993456780\n')).toEqual([]);
    expect(found('DOB:\n12/03/1961\n')).toEqual(['date-of-birth warning 12/03/1961']);
    expect(found('Date of birth\n12 March 1961')).toEqual(['date-of-birth warning 12 March 1961']);
    expect(found('Seen:\n12/03/1961\n')).toEqual(['date-of-birth info 12/03/1961']);
  });
  it("reads a name under a name field's label, and no other line as a name's cue", () => {
    const names = (text: string): string[] => analyse(text, repoRuleSet((r) => r.id === 'privacy/person-name'), { kind: 'note' }).findings.map((f) => f.text!);
    expect(names('Name:\nWren Tolley\n')).toEqual(['Wren Tolley']);
    expect(names('Client name\nWren Tolley\n')).toEqual(['Wren Tolley']);
    expect(names('Daughter:\nMaya Sharpe\n')).toEqual(['Maya Sharpe']);
    expect(names('Name:\nNot Known\n')).toEqual([]);
    expect(names('Client:\nDirect Payments\n')).toEqual([]);
    expect(names('About me\nWren Tolley likes tea.')).toEqual([]); // a heading, not a name field: as before
    expect(names('Seeing Mum\nAunt Sofia takes the children on Saturdays.')).toEqual([]); // a heading ending in a relationship word
  });
  it("reads past a required field's mark, and a table's \"Name of …\" header cell", () => {
    expect(found('Date of birth *\n12 March 1961')).toEqual(['date-of-birth warning 12 March 1961']);
    expect(found('DOB (required)\n12/03/1961\n')).toEqual(['date-of-birth warning 12/03/1961']);
    expect(found('Review date *\n12/03/2026\n')).toEqual([]);
    const names = (text: string): string[] => analyse(text, repoRuleSet((r) => r.id === 'privacy/person-name'), { kind: 'note' }).findings.map((f) => f.text!);
    expect(names('Name of person *\nWren Tolley\n')).toEqual(['Wren Tolley']);
    expect(names('Name of the young person\nTomasz Brightwell-Oyo\n')).toEqual(['Tomasz Brightwell-Oyo']);
    expect(names('Name of person\nNot Known\n')).toEqual([]);
    expect(names('Name of service\nRiverside Day Centre\n')).toEqual([]);
  });
  it('never hides a value the sentence shows on its own', () => {
    expect(found('Switchboard:\n0113 496 0001')).toEqual(['phone-number info 0113 496 0001']);
    expect(found('Date of death:\n12/03/1961')).toEqual(['date-of-birth info 12/03/1961']);
    expect(found('Case ref:\n999 345 6780')).toEqual(['nhs-number info 999 345 6780']);
  });
  it('is not read for prose under a heading, nor across a blank line', () => {
    expect(found('NHS number\nShe rang about 9993456780 today.')).toEqual([]);
    expect(found('NHS No:\n\n9993456780')).toEqual([]);
  });
  it('masks what it finds', () => {
    expect(maskIdentifiers('NHS No:\n9993456780\nDOB:\n12/03/1961')).toBe('NHS No:\n[NHS number]\nDOB:\n[date of birth]');
  });
});

describe('a number wrapped over a line', () => {
  it('is one sentence and one finding', () => {
    const t = 'Her number is 020 7946\n0123 and she is happy to be called.';
    expect(splitSentences(t)).toHaveLength(1);
    expect(found(t)).toEqual(['phone-number info 020 7946\n0123']);
    expect(found('Ring 07700 \r\n900123 after six.')).toEqual(['phone-number info 07700 \r\n900123']);
    expect(found('NHS number 999 345\n6780 on the letter.')).toEqual(['nhs-number info 999 345\n6780']);
    expect(found('NHS number 999\n345 6780 on the letter.')).toEqual(['nhs-number info 999\n345 6780']);
    // One identifier, one placeholder; the line break inside it is kept, so the text keeps its lines.
    expect(maskIdentifiers('Ring 07700\n900123 after six.')).toBe('Ring [phone number]\n after six.');
  });
  it('leaves times, numbered lines and short counts to end their lines', () => {
    expect(splitSentences('Left at 09:15\n10:30 Ana declined lunch.')).toHaveLength(2);
    expect(splitSentences('She has 3\n4 cats came too.')).toHaveLength(2);
    expect(splitSentences('Total 120\n1. Ana')).toHaveLength(2);
    expect(splitSentences('Room 101\n102) Ana')).toHaveLength(2);
  });
});
