/**
 * Fuzzing the engine (docs/security.md, "Fuzzing"): `analyse()` with every built-in rule switched
 * on, over arbitrary Unicode (lone surrogates, combining marks, RTL, zero-width and control
 * characters) mixed with fragments of the rules' own flag examples so the matchers and context
 * checks really run. Every input gives a result whose findings all satisfy
 * `source.slice(start.offset, end.offset) === text`, or a clean SourdoughError with a code.
 * Runs per property come from SOURDOUGH_FUZZ_RUNS (small in `npm test`, large under `npm run fuzz`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse } from '../../src/analyse.js';
import { SourdoughError } from '../../src/errors.js';
import { readers, CATEGORIES } from '../../src/index.js';
import { repoRules, repoRuleSet } from '../helpers.js';

const RUNS = Number(process.env.SOURDOUGH_FUZZ_RUNS) || 60;
const SEED = process.env.SOURDOUGH_FUZZ_SEED ? Number(process.env.SOURDOUGH_FUZZ_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

const set = repoRuleSet();
const enable = [...CATEGORIES];
const fragments = repoRules().rules.flatMap((r) => [...(r.examples?.flag ?? []), ...(r.examples?.pass ?? [])]);

/** Awkward characters: quotes of every kind, currency, digits, spaces, marks, surrogates, controls. */
const awkward = fc.constantFrom(
  '"', '“', '”', '‘', '’', "'", '«', '»', '£', '€', '$', '¥', '0', '7', '9', ' ', '\u00a0', '\u200b', '\u200d', '\u202e', '\ufeff',
  '\u0301', '\ud800', '\udfff', '\u0000', '\u0007', '\r', '\n', '\n\n', '\t', '-', '–', '—', '.', '!', '?', '…', ';', ':', '(', ')', '[', ']',
  '<!-- sourdough-disable -->', '<!-- sourdough-disable-next-line blaming -->', 'Mr.', 'e.g.', 'Dr', 'NHS', '🙂', 'ﬁ', 'İ', 'ß',
);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fragments) },
  { weight: 3, arbitrary: awkward },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
);
const hostileText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

function checkFindings(source: string, run: () => ReturnType<typeof analyse>): void {
  let result: ReturnType<typeof analyse>;
  try {
    result = run();
  } catch (err) {
    if (!(err instanceof SourdoughError)) throw err;
    expect(err.code).toMatch(/^SD_ERR_[A-Z_]+$/);
    return;
  }
  for (const f of result.findings) {
    if (!f.start) {
      // A document-level finding (e.g. no strengths recorded): no span at all.
      expect(f.end).toBeUndefined();
      continue;
    }
    expect(f.start!.offset).toBeGreaterThanOrEqual(0);
    expect(f.end!.offset).toBeLessThanOrEqual(source.length);
    expect(f.start!.offset).toBeLessThanOrEqual(f.end!.offset);
    expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    expect(f.start!.line).toBeGreaterThanOrEqual(1);
  }
}

describe('analyse() on arbitrary Unicode', () => {
  it('plain text: findings always line up with the source, or a clean SourdoughError', () => {
    fc.assert(fc.property(hostileText, (s) => checkFindings(s, () => analyse(readers.text(s), set, { enable, includeQuotes: true }))), params);
  });

  it('Markdown: findings always line up with the original Markdown, or a clean SourdoughError', () => {
    const md = fc.array(fc.oneof(piece, fc.constantFrom('# ', '> ', '- ', '* ', '1. ', '`', '```\n', '**', '_', '[', '](', ')', '|', '---\n', '<b>', '</b>')), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(md, (s) =>
        checkFindings(s, () => {
          const doc = readers.markdown(s);
          expect(doc.text.length).toBe(s.length);
          return analyse(doc, set, { enable });
        }),
      ),
      params,
    );
  });

  it('the same input always gives the same findings (no state leaks between documents)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        const first = analyse(readers.text(a), set, { enable }).findings;
        analyse(readers.text(b), set, { enable });
        expect(analyse(readers.text(a), set, { enable }).findings).toEqual(first);
      }),
      { ...params, numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
  });
});
