/** GB vehicle registrations (current format), their cue, the letter and age rules, and Z tags as fictional. */
import { describe, expect, it } from 'vitest';
import { findVehicleRegistrations } from '../../src/privacy/vehicle-registration.js';

const spans = (s: string) => findVehicleRegistrations(s).map((h) => s.slice(h.start, h.end));
const fictional = (s: string) => findVehicleRegistrations(s).map((h) => h.fictional ?? false);

// "29" is the March 2029 age identifier, not issued yet, so these stand for real-format
// registrations without being anyone's.
describe('findVehicleRegistrations', () => {
  it('finds the capitals-and-space form anywhere, and the others only after a cue', () => {
    expect(spans('Dad left in AB29 CDE at noon.')).toEqual(['AB29 CDE']);
    expect(spans('Dad left in ab29 cde at noon.')).toEqual([]);
    expect(spans('Dad left in his car, ab29 cde, at noon.')).toEqual(['ab29 cde']);
    expect(spans('Reg: AB29CDE.')).toEqual(['AB29CDE']);
    expect(spans('Code AB29CDE on the form.')).toEqual([]);
    expect(spans('His number plate is Ab29 Cde.')).toEqual([]);
  });
  it('takes September age identifiers and leaves half-years never issued alone', () => {
    expect(spans('Seen getting into AB79 CDE.')).toEqual(['AB79 CDE']);
    expect(spans('Seen getting into AB01 CDE.')).toEqual([]);
    expect(spans('Seen getting into AB50 CDE.')).toEqual([]);
    expect(spans('Seen getting into AB00 CDE.')).toEqual([]);
  });
  it('leaves strings with I or Q, or inside longer codes, alone', () => {
    expect(spans('Seen getting into AI29 CDE.')).toEqual([]);
    expect(spans('Seen getting into AB29 CQE.')).toEqual([]);
    expect(spans('Batch XAB29 CDE and AB29 CDEF were logged.')).toEqual([]);
    expect(spans('Room AB29 on the first floor.')).toEqual([]);
  });
  it('marks a Z in the memory tag as fictional (DVLA never issues one)', () => {
    expect(fictional('The car was ZT29 KPD; the van AB29 CDE.')).toEqual([true, false]);
  });
});
