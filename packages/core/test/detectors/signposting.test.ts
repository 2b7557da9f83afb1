/**
 * The signposting detector: signposting that closed the case (in the sentence or the note straight
 * after it) is gatekeeping; any other signposting is jargon; one phrase gets one finding.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { repoRuleSet } from '../helpers.js';

const set = repoRuleSet((r) => r.id === 'gatekeeping/signposting' || r.id === 'jargon/signposting');
const found = (text: string) => analyse(text, set).findings.map((f) => `${f.ruleId}:${f.text}`);

describe('signposting', () => {
  it.each([
    ['Signposted to the Carers Centre. NFA.', 'Signposted'],
    ['Signposted to Citizens Advice.\nCase closed.', 'Signposted'],
    ['Jack was signposted to Age UK. Closed to the team.', 'signposted'],
    ['Advised to contact Citizens Advice. No further action.', 'Advised to contact'],
    ['Given leaflets for the memory café. Case closed.', 'Given leaflets'],
    ['Jack was signposted to the food bank and the referral was closed.', 'signposted'],
    ['Jack was just signposted to the lunch club.', 'just signposted'],
    ["Amira was signposted to the carers' centre.\n\nNFA.", 'signposted'],
    // After the outcome is given: no help needed, or the case closed, just before.
    ['No services are required at present. Given a leaflet about the memory café.', 'Given a leaflet'],
    ['No further support is needed. Signposted to the Carers Centre.', 'Signposted'],
    ['As no ongoing help is required, Jack was advised to contact Age UK.', 'advised to contact'],
    ['Case closed. Advised to ring the lunch club.', 'Advised to ring'],
    ['Mrs Patel does not have eligible needs. She was given a list of services.', 'given a list of services'],
  ])('closing the case with it is gatekeeping only: %j', (text, span) => {
    expect(found(text)).toEqual([`gatekeeping/signposting:${span}`]);
  });

  it.each([
    ['Jack was signposted to Age UK.', 'signposted'],
    ['Jack was signposted to Age UK. He will ring them tomorrow.', 'signposted'],
    ["Amira was signposted to the carers' centre.\nClosed cases are reviewed every month.", 'signposted'],
  ])('anything else is jargon only: %j', (text, span) => {
    expect(found(text)).toEqual([`jargon/signposting:${span}`]);
  });

  it('reads no help with one thing, or a closure further back, as no outcome', () => {
    expect(found('No help was needed with the forms. Jack was given information about the lunch club.')).toEqual([]);
    expect(found('No services are required.\n\n\n\nAdvised to contact Age UK.')).toEqual([]);
    expect(found('No services are required. Jack wants to swim. Given a leaflet about the pool.')).toEqual([]);
    expect(found('No services are required. Jack was signposted to Age UK and I will ring him on Friday.')).toEqual([]);
  });

  it('does not read a closure across a longer gap', () => {
    expect(found("Amira was signposted to the carers' centre.\n\n\n\nNFA.")).toEqual(['jargon/signposting:signposted']);
  });

  it('leaves service names and follow-up alone', () => {
    expect(found('The Signposting and Information Service is open on Mondays.')).toEqual([]);
    expect(found('Mrs Patel was signposted to Age UK and I will call her on Friday; the case was closed.')).toEqual([]);
  });
});
