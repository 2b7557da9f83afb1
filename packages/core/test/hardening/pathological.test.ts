/**
 * Pathological text (docs/security.md, "Pathological text"): for every built-in rule and detector,
 * text built to defeat it — its own flag examples with near-misses (words cut short, run
 * together, hyphenated), thousands of quote marks, numbers and currency signs, and thousands of
 * sentences full of candidate words — is analysed in time linear in its length. Each group of
 * rules (one category's pattern rules, or one detector's rule) runs alone, so a slow rule is not
 * hidden by the others; the test compares the fastest of three runs at 4× the size with the
 * fastest at 1× (≤ 8×), never absolute times: on a shared machine other work only ever adds time, so
 * the fastest run is the one least disturbed (a median of three was doubled by one busy spell).
 * Two shapes: many short sentences, and one long run-on line.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { builtinTypos, compileRules, readers } from '../../src/index.js';
import { typosRecord } from '../../src/rules/typos.js';
import type { RuleData } from '../../src/types.js';
import { repoRules, repoRuleSet } from '../helpers.js';

const { rules } = repoRules();

/** Near-misses of a phrase: each word cut short, doubled letters, hyphenated, run together. */
function nearMisses(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  return [
    words.map((w) => (w.length > 3 ? w.slice(0, -1) : w)).join(' '),
    words.map((w) => (w.length > 3 ? w + w.slice(-1) : w)).join(' '),
    words.join('-'),
    words.join(''),
    words.map((w) => w.toUpperCase()).join(' '),
  ];
}

const NOISE = [
  '"'.repeat(40) + ' ““““”””” ‘‘’’ ' + "'".repeat(20),
  'She said "no" "no" "no" "no" "no" and “I won’t” ‘maybe’ "',
  '£1,000.00 £5 £ £ £0.50 €20 $3 999 000 0000 07700 900123 020 7946 0001 QQ 12 34 56 A 999 456 7896 12/03/1980 01.01.01 1 2 3 4 5 6 7 8 9 10',
  'Mr. Dr. e.g. i.e. etc. a.m. p.m. No. 5 St. Anne’s Rd. flat 3b, ' + 'x'.repeat(60),
];

/** One unit of hostile text for a group of rules: roughly `sentences` sentences. */
function unit(group: RuleData[]): string[] {
  const out: string[] = [];
  for (const r of group) {
    for (const ex of [...(r.examples?.flag ?? []), ...(r.examples?.pass ?? [])]) {
      out.push(ex);
      for (const n of nearMisses(ex)) out.push(n.endsWith('.') ? n : `${n}.`);
    }
  }
  out.push(...NOISE);
  return out;
}

/** Build text of about `size` characters from the unit, as sentences or as one run-on line. */
function build(parts: string[], size: number, shape: 'sentences' | 'run-on'): string {
  const chunks: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    let p = parts[i % parts.length]!;
    if (shape === 'run-on') p = p.replace(/[.!?\n]+/g, ' ');
    chunks.push(p);
    n += p.length + 1;
  }
  return chunks.join(' ');
}

/** The fastest of `runs` runs of `fn`, in milliseconds. */
function time(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const categories = [...new Set(rules.map((r) => r.category))];
const groups: { name: string; rules: RuleData[] }[] = [
  ...categories.map((c) => ({ name: `${c} (pattern rules)`, rules: rules.filter((r) => r.category === c && !r.detector) })),
  ...rules.filter((r) => r.detector).map((r) => ({ name: `${r.id} (detector ${r.detector})`, rules: [r] })),
].filter((g) => g.rules.length);

/** 1× size in characters; small enough for the whole file to stay well under a minute on two cores. */
const BASE = 64_000;
/**
 * 4× the text may take at most this many times as long. Linear work measures 4–6.5× here on a busy
 * two-core machine (garbage collection grows with the live heap); a quadratic rule takes about 16×.
 */
const LIMIT = 8;

describe('analysis time is linear in the length of hostile text', () => {
  it('covers every built-in rule (each is in exactly one group)', () => {
    expect(groups.flatMap((g) => g.rules).length).toBe(rules.length);
  });

  for (const shape of ['sentences', 'run-on'] as const) {
    for (const g of groups) {
      it(`${g.name}: ${shape}, 4× the text takes ≤ ${LIMIT}× the time`, () => {
        const set = repoRuleSet((r) => g.rules.includes(r));
        const enable = [...new Set(g.rules.map((r) => r.id))];
        const parts = unit(g.rules);
        const run = (s: string) => () => analyse(readers.text(s), set, { enable, includeQuotes: true });
        // A group that takes only a few milliseconds at 1× is measured on more text (up to 16×
        // BASE), so that timer, JIT and garbage-collection noise is small beside what is measured:
        // at 3–5 ms a single collection in the 4× run could double its time, and in clean-clone CI
        // runs (other test files on the same two cores) the jargon group at about 16 ms measured
        // 8–10× where alone it measures under 8×, so 1× is grown to at least 40 ms.
        let size = BASE;
        let small = build(parts, size, shape);
        run(small)(); // warm up (compile caches, JIT)
        while (size < BASE * 16 && time(run(small), 1) < 40) small = build(parts, (size *= 2), shape);
        const large = build(parts, size * 4, shape);
        // The machine is shared (CI has two cores and other tests run alongside): a ratio over the
        // limit is measured again, up to three attempts of five runs each. A rule that really is
        // quadratic takes about 16× the time at 4× the size and fails every attempt.
        const attempts: string[] = [];
        let ok = false;
        for (let attempt = 0; attempt < 4 && !ok; attempt++) {
          const runs = attempt === 0 ? 3 : 5;
          const t1 = time(run(small), runs);
          const t4 = time(run(large), runs);
          attempts.push(`1×: ${t1.toFixed(1)} ms, 4×: ${t4.toFixed(1)} ms`);
          // Tiny times are rounded up to 3 ms (timer and GC noise).
          ok = t4 <= LIMIT * Math.max(t1, 3);
        }
        expect(ok, attempts.join('; ')).toBe(true);
        // Up to four attempts on a busy two-core machine: person-name's run-on case alone takes
        // about 20 s there, near the default 30 s limit. The ratio, not the time, is the test.
      }, 120_000);
    }
  }

  // Misspellings (src/rules/typos.ts): every sentence holding one is read again spelt right, so
  // text made of the rules' examples with every long word misspelt is the worst case.
  for (const shape of ['sentences', 'run-on'] as const) {
    it(`misspellings: every long word of every example misspelt, ${shape}: 4× ≤ ${LIMIT}× the time`, () => {
      const typos = builtinTypos();
      const slipOf = new Map(Object.entries(typosRecord(typos)).map(([w, slips]) => [w, slips[0]!]));
      const set = compileRules(rules, { allow: repoRules().allow, validate: false, typos });
      const parts = unit(rules).map((p) => p.replace(/[A-Za-z]{8,}/g, (w) => slipOf.get(w.toLowerCase()) ?? w));
      const run = (s: string) => () => analyse(readers.text(s), set, { enable: categories });
      const small = build(parts, BASE, shape);
      const large = build(parts, BASE * 4, shape);
      run(small)();
      const attempts: string[] = [];
      let ok = false;
      for (let attempt = 0; attempt < 3 && !ok; attempt++) {
        const t1 = time(run(small), 3);
        const t4 = time(run(large), 3);
        attempts.push(`1×: ${t1.toFixed(0)} ms, 4×: ${t4.toFixed(0)} ms`);
        ok = t4 <= LIMIT * Math.max(t1, 3);
      }
      expect(ok, attempts.join('; ')).toBe(true);
    }, 120_000);
  }

  // A note exported with no line breaks (a case system's text field, a CSV cell) is one long line
  // with findings all along it: what is read per finding from the finding's line (a block quote's
  // ">", a Markdown table's pipes) must be found without reading the whole line each time. Until
  // 2026-11-28 it was not, and half a megabyte of Markdown took over a minute.
  for (const format of ['text', 'markdown'] as const) {
    it(`one long line of ${format} with findings all along it, all rules on: 4× ≤ ${LIMIT}× the time`, () => {
      const set = repoRuleSet();
      // Four findings in every 80 characters (the rules' examples are sparser, and hid it).
      const line = (n: number): string => Array.from({ length: n }, (_, i) => `Jack refused his tea and was aggressive at ${i}. The service user was non-compliant.`).join(' ');
      const read = format === 'text' ? readers.text : readers.markdown;
      const run = (s: string) => () => analyse(read(s), set, { enable: categories });
      const small = line(1_500);
      const large = line(6_000);
      run(small)();
      const attempts: string[] = [];
      let ok = false;
      for (let attempt = 0; attempt < 3 && !ok; attempt++) {
        const t1 = time(run(small), 2);
        const t4 = time(run(large), 2);
        attempts.push(`1×: ${t1.toFixed(0)} ms, 4×: ${t4.toFixed(0)} ms`);
        ok = t4 <= LIMIT * t1;
      }
      expect(ok, attempts.join('; ')).toBe(true);
    }, 120_000);
  }

  it(`10,000 sentences full of candidate words from every rule, all rules on: 4× ≤ ${LIMIT}× the time`, () => {
    const set = repoRuleSet();
    const parts = unit(rules);
    const sentences = (n: number): string => Array.from({ length: n }, (_, i) => parts[i % parts.length]!).join(' ');
    const run = (s: string) => () => analyse(readers.text(s), set, { enable: categories });
    run(sentences(500))();
    const attempts: string[] = [];
    let ok = false;
    for (let attempt = 0; attempt < 2 && !ok; attempt++) {
      const t1 = time(run(sentences(2_500)), 3);
      const t4 = time(run(sentences(10_000)), 3);
      attempts.push(`1×: ${t1.toFixed(0)} ms, 4×: ${t4.toFixed(0)} ms`);
      ok = t4 <= LIMIT * t1;
    }
    expect(ok, attempts.join('; ')).toBe(true);
  });
});
