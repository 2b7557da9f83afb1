/**
 * A label the writer names in order to reject it, unquoted (context/mention.ts isRejectedLabel):
 * "Nobody would call Jo manipulative", "We do not call Ravi a client". Dropped where the rule
 * drops negation (blaming, deficit), shown at `info` where it keeps it (dehumanising); a label still
 * used ("We do not call the service user by his surname") stays a finding.
 */
import { describe, expect, it } from 'vitest';
import { isRejectedLabel } from '../../src/context/mention.js';
import { analyse } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import { repoRules } from '../helpers.js';

const { rules, allow } = repoRules();
const set = compileRules(rules, { allow, validate: false });
const counted = (t: string): string[] =>
  analyse(t, set).findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'privacy/person-name').map((f) => `${f.ruleId}:${f.text}`);

describe('isRejectedLabel', () => {
  const at = (s: string, w: string) => isRejectedLabel(s, s.indexOf(w));
  it('reads a negated verb of naming with the person as its object', () => {
    expect(at('Nobody at the home would ever call Mabel aggressive.', 'aggressive')).toBe(true);
    expect(at('We never refer to Rhys as a client.', 'client')).toBe(true);
    expect(at('No one thinks of Petra as a frequent flyer.', 'frequent')).toBe(true);
    expect(at("Nobody is saying that Rhys's dad is a difficult father.", 'difficult')).toBe(true);
  });
  it('reads a belief nobody holds, however long the negative subject ("Nobody on the team thinks Dee is …")', () => {
    expect(at('Nobody in the reablement team thinks Orla is difficult.', 'difficult')).toBe(true);
    expect(at('No-one at the allotment society felt that Gwil was being awkward.', 'awkward')).toBe(true);
    expect(at('None of the night staff on the unit would say he is manipulative.', 'manipulative')).toBe(true);
    expect(at('Not one of the carers who visit believes she is a time-waster.', 'time-waster')).toBe(false); // not read: the "who" clause cuts the subject off (a limitation)
    expect(at('Not one of the visiting carers believes she is a time-waster.', 'time-waster')).toBe(true);
    expect(at('None of the staff at the respite unit would describe Kai as challenging.', 'challenging')).toBe(true);
  });
  it('leaves a label that is used, or a negation that does not reach it', () => {
    expect(at('He was not surprised when staff found that Orla was difficult.', 'difficult')).toBe(false);
    expect(at('Nobody visited, and the team thinks Orla is difficult.', 'difficult')).toBe(false);
    expect(at('No one told us; the carers think Gwil is awkward.', 'awkward')).toBe(false);
    expect(at('Nobody on the team thinks the plan is working, and Orla is difficult to reach.', 'difficult')).toBe(false);
    expect(at('We do not call the service user by his surname.', 'service user')).toBe(false);
    expect(at('Staff call Mabel aggressive.', 'aggressive')).toBe(false);
    expect(at('Staff did not call Mabel, but she was aggressive.', 'aggressive')).toBe(false);
    expect(at('Staff have not said why Rhys was aggressive.', 'aggressive')).toBe(false);
  });
});

describe('through analyse()', () => {
  it('drops a rejected blaming label and shows a dehumanising one at info', () => {
    expect(counted('Nobody on the ward would describe Mabel as manipulative.')).toEqual([]);
    expect(counted('Nobody in the supported living team thinks Rhys is manipulative.')).toEqual([]);
    expect(counted('Staff in the supported living team think Rhys is manipulative.')).toEqual(['blaming/manipulative:manipulative']);
    expect(counted('We do not call Petra a service user; she is a member of the club.')).toEqual([]);
    expect(counted('The service user said we do not call him often enough.')).toEqual(['dehumanising/service-user:service user']);
  });
});
