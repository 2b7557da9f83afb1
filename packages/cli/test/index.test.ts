/** The public surface of @sourdough/cli (CONVENTIONS §7.9) and the pieces `audit` reuses. */
import { expect, it } from 'vitest';
import * as cli from '../src/index.js';
import { defaultJobs } from '../src/index.js';

it('exports run and the reusable pieces', () => {
  for (const name of ['run', 'ConfigResolver', 'ruleSetFor', 'createAnalyser', 'analyseAll', 'SummaryBuilder', 'createProgress']) {
    expect(typeof (cli as Record<string, unknown>)[name], name).toBe('function');
  }
});

it('defaults --jobs to cores − 1, at least 1', () => {
  expect([1, 2, 4, 16].map(defaultJobs)).toEqual([1, 1, 3, 15]);
});
