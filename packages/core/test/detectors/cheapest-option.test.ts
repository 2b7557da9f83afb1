/** The cheapest-option detector: cost framed as the deciding reason for support. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { compileRules } from '../../src/rules/compile.js';
import type { RuleData } from '../../src/types.js';
import { cheapestOption } from '../../src/detectors/cheapest-option.js';
import { repoRules } from '../helpers.js';

const set = compileRules([
  {
    id: 'gatekeeping/test-cheapest-option',
    category: 'gatekeeping',
    severity: 'warning',
    message: '“{match}”.',
    rationale: 'Test rule.',
    suggest: [],
    detector: 'cheapest-option',
    examples: { flag: ['x'], pass: ['y'] },
    sources: [{ title: 't', url: 'https://example.org' }],
  } satisfies RuleData,
]);
const texts = (text: string) => analyse(text, set).findings.map((f) => f.text);

describe('cheapest-option', () => {
  it.each([
    ['This is the most cost-effective option for Jack.', 'the most cost-effective option'],
    ['We went with the cheapest provider.', 'the cheapest provider'],
    ['A live-in carer costs more than residential care, so residential care is recommended.', 'costs more than'],
    ['Home care is more expensive than a care home for Jack.', 'more expensive than'],
    ['Panel agreed the cheapest provider for Jack.', 'the cheapest provider'],
    ['Her needs could be met more cheaply by a day centre.', 'could be met more cheaply'],
    ['Support must stay within the indicative budget.', 'within the indicative budget'],
    ['The panel will not agree to a waking night.', 'panel will not agree'],
    ["The panel won't fund this.", "panel won't fund"],
    ['A care home would be cheaper; residential care would be cheaper than home care.', 'residential care would be cheaper'],
    ['Her support would be more cost effective in a care home.', 'more cost effective in a care home'],
    ['The night support went to the provider with the lowest cost.', 'provider with the lowest cost'],
    ['We chose the agency that offered the cheapest hourly rate for Riya.', 'agency that offered the cheapest hourly rate'],
    // A hostel or supported accommodation the service arranges is support, even beside "flat" or "rent".
    ['A flat is not available this month, so the room at the hostel is the cheapest option.', 'is the cheapest'],
    ['Supported lodgings were offered as the cheapest option because the rent on a flat is too high.', 'the cheapest option'],
  ])('flags %j as %j', (text, span) => {
    expect(texts(text)).toContain(span);
  });

  it.each([
    'Jack looked for the cheapest phone deal.',
    'Jack is looking for a cheaper home to rent nearer his brother.',
    'The panel did not agree the plan and asked for more detail.',
    'The cheapest way into town is the bus.',
    'The panel agreed the plan in full.',
    'Both homes meet Mrs Patel’s outcomes, so the panel chose the less expensive option.',
    'Amira chose the cheaper agency because they could come earlier.',
    'Jack visited both homes and agreed to the less expensive option, which is nearer his sister.',
    'Best value means the option that meets Jack’s outcomes, not the lowest price.',
    'Jack chose the provider with the lowest cost because he liked the manager.',
    'Tariq chose the hostel room because it is the cheapest option and near his work.',
    'Tariq is looking for the cheapest phone deal now that he has a flat.',
  ])('does not flag %j', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('has a global trigger that lets through every flag example of its rule', () => {
    const trigger = cheapestOption.meta.trigger!;
    expect(trigger.global).toBe(true);
    const rule = repoRules().rules.find((r) => r.id === 'gatekeeping/cheapest-option')!;
    expect(rule.examples.flag.length).toBeGreaterThan(1);
    for (const text of rule.examples.flag) {
      trigger.lastIndex = 0;
      expect(trigger.test(text), text).toBe(true);
    }
  });
});
