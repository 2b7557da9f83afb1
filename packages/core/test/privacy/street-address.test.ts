/** Street addresses and the organisation-address trap. */
import { describe, expect, it } from 'vitest';
import { findStreetAddresses } from '../../src/privacy/street-address.js';

const spans = (s: string) => findStreetAddresses(s).map((h) => s.slice(h.start, h.end));

describe('findStreetAddresses', () => {
  it('finds a house number and street', () => {
    expect(spans('Jack lives at 14 Acacia Avenue.')).toEqual(['14 Acacia Avenue']);
    expect(spans('Her flat is 27b, Mill Lane.')).toEqual(['27b, Mill Lane']);
    expect(spans('Moved to 27b Upper Mill Lane.')).toEqual(['27b Upper Mill Lane']);
    // Yards, wharves and boulevards are streets too (the twenty-ninth check's "3 Mill Yard").
    expect(spans('Visited Dev at 3 Mill Yard on Monday.')).toEqual(['3 Mill Yard']);
    expect(spans('Her new flat is 12 Canal Wharf.')).toEqual(['12 Canal Wharf']);
    expect(spans('He lives at 40 Marine Boulevard.')).toEqual(['40 Marine Boulevard']);
  });
  it('skips organisation addresses and counts', () => {
    expect(spans('The day centre is at 2 Station Road.')).toEqual([]);
    expect(spans('Jack walked 2 miles and saw 3 Red Kites.')).toEqual([]);
  });
  it('reads a number between commas after a name as an age, not a house number', () => {
    expect(spans('Person: Olwen Brady, 91, Larch Court nursing home')).toEqual([]);
    expect(spans('Tomas, 78, Heather Mews, moved in on Monday.')).toEqual([]);
    // Still an address: no comma after the number, or a flat number before it.
    expect(spans('Olwen Brady, 91 Larch Court, is on the list.')).toEqual(['91 Larch Court']);
    expect(spans('She lives at Flat 3, 27, Mill Lane.')).toEqual(['27, Mill Lane']);
  });
  it('reads a day and a month as a date, not a house number and street (the forty-second check)', () => {
    expect(spans('Date: 15 October Place: Hartwell Resource Centre')).toEqual([]);
    expect(spans('Listed on 3 March Court hearing day.')).toEqual([]);
    expect(spans('Seen 12 Sept Green Lane clinic.')).toEqual([]);
    // A street whose second word is a month is still a street.
    expect(spans('She moved to 4 Old May Lane.')).toEqual(['4 Old May Lane']);
  });
});
