/** passive-decision: agentless decisions are reported; named deciders are not. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { repoRuleSet } from '../helpers.js';

const set = repoRuleSet((r) => r.id === 'voice/passive-decision');
const spans = (text: string) => analyse(text, set).findings.map((f) => f.text);

describe('passive-decision', () => {
  it.each([
    ['It was decided that Jack will move.', 'It was decided'],
    ['It has been agreed he will attend twice a week.', 'It has been agreed'],
    ['It is felt that Riya needs more support.', 'It is felt'],
    ['It was identified that Jack needs a hoist.', 'It was identified'],
    ['A decision was made to end the visits.', 'A decision was made'],
    ["The decision was taken to end Sam's tenancy.", 'The decision was taken'],
    ['Decisions were made about Sam without him.', 'Decisions were made'],
    ["It's been decided that Sam will move.", "It's been decided"],
    ['It’s agreed that Jo will have two visits a day.', 'It’s agreed'],
    // "it's" without its apostrophe, as hurried notes write it; "its" before "been" is never the possessive
    ['Its been decided that Sam will move.', 'Its been decided'],
    ['its now been agreed Jo will have two visits a day.', 'its now been agreed'],
    // one adverb inside the passive still hides who decided
    ['It has now been determined that Jo will attend on Mondays.', 'It has now been determined'],
    ['It was later decided that Sam would move.', 'It was later decided'],
    ['It has since been agreed that the visits will stop.', 'It has since been agreed'],
    ['It was eventually felt that Riya should move.', 'It was eventually felt'],
    ['The decision has now been taken to close the day centre.', 'The decision has now been taken'],
    // a view taken or formed is a decision by another name
    ['A view was taken that Mr Roy should not return home.', 'A view was taken'],
    ['The view has since been formed that Jo cannot manage.', 'The view has since been formed'],
  ])('reports %s', (text, span) => {
    expect(spans(text)).toEqual([span]);
  });
  it.each(['It was decided by the panel (Sam Reid, Ana Cole) that Jack will move.', 'It was agreed between Jack and me that he will try Mondays.', 'It was agreed with Jack that he will cook on Fridays.', 'It was later agreed with Jack that he will cook on Fridays.', 'It was finally decided by the panel (Sam Reid, Ana Cole) that Jack will move.', 'I decided with Jack that he will move.', 'The decision was made by Sam and his sister after they visited both homes.', "Sam's decision was made after he visited both homes.", "It's agreed with Riya that she will cook on Fridays.", 'The view was taken into account when Jo chose to go home.', "Jo's view was taken by phone."])(
    'does not report %s',
    (text) => {
      expect(spans(text)).toEqual([]);
    },
  );
});
