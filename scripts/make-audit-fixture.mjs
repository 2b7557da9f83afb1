// A deterministic, synthetic case-management export for `sourdough audit` tests and demos: CSV with
// id, team, author_role, record_type, date and text columns; 4 teams, 12 months (2025-12 to
// 2026-11), support plans and case notes, some with residual identifiers from the official
// fictional ranges, and deliberately bad rows (broken quoting, more columns than the header,
// bytes that are not UTF-8, no text column, unreadable dates, no team, formula-like cells).
// Every name, place and number is made up. Used at test time (import { makeAuditExport }) and
// from the command line: node scripts/make-audit-fixture.mjs OUT.csv [--records N] [--seed N].
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rng } from '../bench/corpus.mjs';

/** The shared seeded PRNG (mulberry32), so the export is the same on every machine. */
export { rng };

export const TEAMS = ['North', 'South', 'East', 'West'];
export const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const ROLES = ['social worker', 'support worker', 'occupational therapist', 'senior practitioner'];
const NAMES = ['Jack', 'Amira', 'Lena', 'Tom', 'Ravi', 'Grace', 'Sofia', 'Kwame', 'Nell', 'Idris'];

const NOTE_CLEAN = [
  (n) => `Visited ${n} at home at 2pm; ${n} was in good spirits and talked about the weekend.`,
  (n) => `${n} told me they enjoy going to the library and would like to go more often.`,
  (n) => `We agreed that a support worker will go with ${n} to the park on Thursdays.`,
  (n) => `${n} said the new medication makes them feel sleepy in the afternoons.`,
  (n) => `The occupational therapist will visit on Monday to look at the bathroom with ${n}.`,
  (n) => `${n} explained that mornings are hard because of stiffness, so visits will start later.`,
];
const NOTE_PROBLEM = [
  (n) => `${n} refused personal care again this morning.`,
  (n) => `${n} is a service user who suffers from dementia.`,
  (n) => `${n} was non-compliant with medication over the weekend.`,
  (n) => `It was decided that ${n} will move to residential care.`,
  (n) => `${n} is not allowed to go to the shop alone.`,
  (n) => `${n} kicked off at the day centre when lunch was late.`,
  (n) => `Respite was arranged for ${n} next month.`,
  (n) => `${n}'s NHS number 999 456 7896 was written on the referral form.`,
];
const PLAN_CLEAN = [
  () => 'I enjoy gardening and I am proud of my tomatoes.',
  () => 'What matters to me is seeing my grandchildren every Sunday.',
  () => 'I would like to go swimming again with a friend.',
  () => 'My morning routine is important to me: tea first, then the radio.',
  (n) => `${n} is good at fixing bikes and would like to help at the repair café.`,
];
const PLAN_PROBLEM = [
  (n) => `${n} is wheelchair-bound and needs feeding at lunchtime.`,
  (n) => `${n} lacks insight into the risks of going out alone.`,
  (n) => `${n} is attention-seeking when staff are busy.`,
  () => 'Is swimming a need or a want?',
];

/** How often a team writes a problem sentence, and how much that falls month by month. */
const TEAM_RATE = { North: 0.3, South: 0.2, East: 0.12, West: 0.25 };

function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Build the export. Returns `{ bytes, good, bad }`: the CSV file as a Buffer; the good records
 * (row number, id, team, author_role, record_type, date, text) exactly as a reader should see
 * them; and the bad rows with the error code a reader should give each.
 */
export function makeAuditExport({ records = 2000, seed = 20261125 } = {}) {
  const r = rng(seed);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const header = ['id', 'team', 'author_role', 'record_type', 'date', 'text'];
  const parts = [Buffer.from(`${header.join(',')}\r\n`)];
  const good = [];
  const bad = [];
  // Deliberately bad rows, by position (1-based data row numbers) and kind.
  const badAt = new Map([
    [37, 'quote'],
    [410, 'columns'],
    [777, 'encoding'],
    [1203, 'no-text'],
    [1650, 'columns'],
    [1999, 'encoding'],
  ]);
  let row = 0;
  for (let i = 0; i < records; i++) {
    row++;
    const id = `R-${String(i + 1).padStart(5, '0')}`;
    const team = TEAMS[i % TEAMS.length];
    const m = Math.floor((i / records) * MONTHS.length);
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const kind = badAt.get(row);
    if (kind === 'quote') {
      // A quote that never closes: the reader reports it and restarts on the next line.
      parts.push(Buffer.from(`${id},${team},social worker,case note,${MONTHS[m]}-${day},"Jack said he was tired\r\n`));
      bad.push({ row, code: 'SD_ERR_CSV_ROW' });
      continue;
    }
    if (kind === 'columns') {
      parts.push(Buffer.from(`${id},${team},social worker,case note,${MONTHS[m]}-${day},Visited at home.,extra,cells\r\n`));
      bad.push({ row, id, code: 'SD_ERR_CSV_ROW' });
      continue;
    }
    if (kind === 'encoding') {
      parts.push(Buffer.concat([Buffer.from(`${id},${team},social worker,case note,${MONTHS[m]}-${day},Caf`), Buffer.from([0xe9, 0xff]), Buffer.from(' visit went well.\r\n')]));
      bad.push({ row, code: 'SD_ERR_ENCODING' });
      continue;
    }
    if (kind === 'no-text') {
      parts.push(Buffer.from(`${id},${team},social worker,case note\r\n`));
      bad.push({ row, id, code: 'SD_ERR_INPUT' });
      continue;
    }
    const plan = r() < 0.3;
    const rate = Math.max(0.02, TEAM_RATE[team] * (1 - m / 18));
    const sentences = [];
    const target = 25 + Math.floor(r() * 50);
    for (let words = 0; words < target; ) {
      const n = pick(NAMES);
      const s = (r() < rate ? pick(plan ? PLAN_PROBLEM : NOTE_PROBLEM) : pick(plan ? PLAN_CLEAN : NOTE_CLEAN))(n);
      sentences.push(s);
      words += s.split(' ').length;
    }
    let text = sentences.join(' ');
    let date = `${MONTHS[m]}-${day}`;
    let rec = { row, id, team, author_role: pick(ROLES), record_type: plan ? 'support plan' : 'case note', date, text };
    // Some awkward but readable rows: UK dates, unreadable dates, no team, formula-like cells.
    if (i % 97 === 5) rec.date = date = `${day}/${MONTHS[m].slice(5)}/${MONTHS[m].slice(0, 4)}`;
    if (i % 211 === 7) rec.date = 'not recorded';
    if (i % 331 === 11) rec.team = '';
    if (i === 123) {
      rec.id = '=HYPERLINK("http://example.org","x")';
      rec.author_role = '@admin';
      rec.text = text = `=SUM(A1) ${pick(NAMES)} refused lunch. ${text}`;
    }
    if (i === 124) rec.author_role = '+44 role';
    if (i === 125) rec.author_role = '-senior';
    good.push(rec);
    parts.push(Buffer.from(`${header.map((h) => csvField(rec[h])).join(',')}\r\n`));
  }
  return { bytes: Buffer.concat(parts), good, bad };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--'));
  if (!out) {
    console.error('usage: node scripts/make-audit-fixture.mjs OUT.csv [--records N] [--seed N]');
    process.exit(2);
  }
  const flag = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
  const { bytes, good, bad } = makeAuditExport({ records: flag('--records', 2000), seed: flag('--seed', 20261125) });
  writeFileSync(out, bytes);
  console.error(`wrote ${out}: ${good.length} good records, ${bad.length} bad rows`);
}
