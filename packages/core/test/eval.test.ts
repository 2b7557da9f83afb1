/**
 * The development evaluation set (fixtures/eval/*.jsonl): the data is sound, and the built-in rules
 * (read straight from rules/) meet the floors documented in fixtures/eval/README.md. Scoring lives
 * in scripts/eval-lib.mjs, shared with `npm run eval`. Reads fixtures only; writes nothing.
 */
import { describe, it, expect } from 'vitest';
// @ts-expect-error plain JS module without type declarations, shared with scripts/eval.mjs
import * as evalLib from '../../../scripts/eval-lib.mjs';
import { analyse } from '../src/analyse.js';
import { text as readText } from '../src/readers/text.js';
import type { Finding } from '../src/types.js';
import { repoRuleSet } from './helpers.js';
import { builtinRuleSet } from '../src/rules/builtin.js';

interface Item {
  id: string;
  text: string;
  labels: { category: string; trigger: string }[];
  trap: boolean;
}
interface CategoryScore {
  labels: number;
  precision: number;
  recall: number;
}
interface EvalResult {
  categories: Record<string, CategoryScore>;
  clean: { share: number };
  traps: { share: number };
}
const lib = evalLib as {
  loadEvalSet(): { files: string[]; items: Item[] };
  checkEvalSet(items: Item[]): string[];
  countEvalSet(items: Item[]): { labels: Record<string, number>; clean: number; traps: number };
  scoreEvalSet(items: Item[], analyseText: (text: string) => Finding[]): EvalResult;
  countedFindings(findings: Finding[]): Finding[];
  formatEvalReport(result: EvalResult, options?: { misses?: boolean }): string;
  FLOORS: Record<string, number>;
  TERM_CATEGORIES: string[];
  slipOf(word: string, next: () => number): string;
  scoreSlips(items: Item[], analyseText: (text: string) => Finding[]): { labels: { total: number; found: number; share: number; missed: string[] }; clean: { words: number; newFindings: number } };
};

const { files, items } = lib.loadEvalSet();

describe('evaluation set data', () => {
  it('holds the core file', () => {
    expect(files).toContain('core.jsonl');
  });

  it('is well formed: unique ids, exact-substring triggers, known categories, clean traps', () => {
    expect(lib.checkEvalSet(items)).toEqual([]);
  });

  it('reports broken items: duplicate id, trigger not in the text, unknown category or field, labelled trap', () => {
    const broken = [
      { id: 'x-1', text: 'Jack refused.', labels: [{ category: 'blaming', trigger: 'refuses' }], trap: false, file: 't.jsonl', line: 1 },
      { id: 'x-1', text: 'Jack refused.', labels: [{ category: 'rude', trigger: 'refused' }], trap: true, file: 't.jsonl', line: 2 },
      { id: 'x-2', text: 'Jack declined.', labels: [], trap: false, lables: [], file: 't.jsonl', line: 3 },
    ] as unknown as Item[];
    const problems = lib.checkEvalSet(broken).join('\n');
    expect(problems).toContain('t.jsonl:1: trigger "refuses" is not an exact substring');
    expect(problems).toContain('t.jsonl:2: id x-1 already used at t.jsonl:1');
    expect(problems).toContain('t.jsonl:2: unknown category "rude"');
    expect(problems).toContain('t.jsonl:2: a trap must be clean');
    expect(problems).toContain('t.jsonl:3: unknown field "lables"');
  });

  it('has enough labels per term category, clean sentences and traps', () => {
    const counts = lib.countEvalSet(items);
    for (const c of lib.TERM_CATEGORIES) expect(counts.labels[c], c).toBeGreaterThanOrEqual(lib.FLOORS.labelsPerTermCategory!);
    expect(counts.clean).toBeGreaterThanOrEqual(lib.FLOORS.clean!);
    expect(counts.traps).toBeGreaterThanOrEqual(lib.FLOORS.traps!);
  });
});

describe('scoring', () => {
  const span = (category: Finding['category'], start: number, end: number, severity: Finding['severity'] = 'warning'): Finding => ({
    ruleId: `${category}/x`,
    category,
    severity,
    message: 'm',
    suggestions: [],
    url: 'u',
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
  });
  const sample: Item[] = [
    { id: 'a', text: 'Jack refused his tablets.', labels: [{ category: 'blaming', trigger: 'refused' }], trap: false },
    { id: 'b', text: 'Jack declined his tablets.', labels: [], trap: true },
    { id: 'c', text: 'Jack likes tea.', labels: [], trap: false },
  ];

  it('counts an overlapping finding of the labelled category as recalled and true positive', () => {
    const r = lib.scoreEvalSet(sample, (t) => (t.startsWith('Jack refused') ? [span('blaming', 5, 12)] : []));
    expect(r.categories.blaming).toMatchObject({ labels: 1, precision: 1, recall: 1 });
    expect(r.clean.share).toBe(0);
  });

  it('counts a finding of another category, or elsewhere, as a false positive and the label as missed', () => {
    const r = lib.scoreEvalSet(sample, (t) => (t.startsWith('Jack refused') ? [span('control', 5, 12), span('blaming', 13, 16)] : []));
    expect(r.categories.blaming).toMatchObject({ recall: 0, precision: 0 });
    expect(r.categories.control).toMatchObject({ labels: 0, precision: 0 });
  });

  it('ignores info and document-level findings, and counts flagged clean sentences and traps', () => {
    const doc: Finding = { ruleId: 'voice/x', category: 'voice', severity: 'warning', message: 'm', suggestions: [], url: 'u' };
    const r = lib.scoreEvalSet(sample, (t) => (t.startsWith('Jack declined') ? [span('blaming', 5, 13)] : [span('blaming', 0, 4, 'info'), doc]));
    expect(r.categories.voice).toBeUndefined();
    expect(r.clean.share).toBeCloseTo(1 / 2);
    expect(r.traps.share).toBe(1);
  });
});

describe('built-in rules on the evaluation set', () => {
  const ruleSet = repoRuleSet();
  const result = lib.scoreEvalSet(items, (t) => analyse(readText(t), ruleSet).findings);
  const report = lib.formatEvalReport(result, { misses: true });

  for (const [category, score] of Object.entries(result.categories)) {
    if (score.labels < lib.FLOORS.minLabelsForFloor!) continue;
    it(`${category}: recall ≥ ${lib.FLOORS.recall} and precision ≥ ${lib.FLOORS.precision}`, () => {
      expect(score.recall, report).toBeGreaterThanOrEqual(lib.FLOORS.recall!);
      expect(score.precision, report).toBeGreaterThanOrEqual(lib.FLOORS.precision!);
    });
  }

  it(`flags at most ${lib.FLOORS.cleanFlagged! * 100}% of clean sentences`, () => {
    expect(result.clean.share, report).toBeLessThanOrEqual(lib.FLOORS.cleanFlagged!);
  });

  it(`flags at most ${lib.FLOORS.trapsFlagged! * 100}% of traps`, () => {
    expect(result.traps.share, report).toBeLessThanOrEqual(lib.FLOORS.trapsFlagged!);
  });
});

describe('misspelt words on the evaluation set (the built-in bundle, which carries the misspellings)', () => {
  const set = builtinRuleSet();
  const slips = lib.scoreSlips(items, (t) => analyse(readText(t), set).findings);

  it('slips are seeded: the same every run, and never the first letter', () => {
    const next = (() => {
      let k = 0;
      return () => [0.5, 0.1, 0.9, 0.3, 0.2, 0.6][k++ % 6]!;
    })();
    const a = lib.slipOf('manipulative', next);
    expect(a).not.toBe('manipulative');
    expect(a[0]).toBe('m');
    expect(lib.scoreSlips(items, (t) => analyse(readText(t), set).findings)).toEqual(slips);
  });

  // Before misspellings were read (2026-11-28): 9 of 172 still found (5.2%); after, 133 (77.3%).
  // 10 of 215 slips in clean sentences gave a finding before and after (each breaking a protected
  // term: "retinoppathy").
  it('finds at least 70% of labels with one slip in the trigger word', () => {
    expect(slips.labels.total).toBeGreaterThan(150);
    expect(slips.labels.share, slips.labels.missed.join(', ')).toBeGreaterThanOrEqual(0.7);
  });

  it('adds no finding to clean sentences beyond what a slip in a protected term does', () => {
    expect(slips.clean.words).toBeGreaterThan(150);
    expect(slips.clean.newFindings).toBeLessThanOrEqual(10);
  });
});
