/**
 * The audit's rule-set identity (`ruleSet.hash` in summary.json), which decides whether two audits
 * may be compared: every setting that changes what is counted changes it, nested ones included
 * (severity overrides, detector parameters), and the same settings always give the same hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinRules, builtinRulesHash, type AnalyseOptions } from '@sourdough/core';
import { ruleSetIdentity } from '../src/commands/audit.js';
import { sourdough } from './helpers.js';

const hash = (options: AnalyseOptions): string => ruleSetIdentity([builtinRules()], [{ options, packs: [] }]).hash;

describe('ruleSetIdentity', () => {
  it('changes with nested settings (severity overrides, detector parameters), whatever their order', () => {
    const hashes = [
      hash({ severity: { blaming: 'error' } }),
      hash({ severity: { jargon: 'info' } }),
      hash({ minSeverity: 'warning', severity: { privacy: 'info' } }),
      hash({ minSeverity: 'warning', severity: { blaming: 'info' } }),
      hash({ detectorParams: { 'small-sum': { threshold: 10 } } }),
      hash({ detectorParams: { 'small-sum': { threshold: 1000 } } }),
    ];
    expect(new Set([...hashes, builtinRulesHash]).size).toBe(hashes.length + 1);
    // …and not on the order they were written in.
    expect(hash({ severity: { blaming: 'info', jargon: 'error' }, minSeverity: 'warning' })).toBe(hash({ minSeverity: 'warning', severity: { jargon: 'error', blaming: 'info' } }));
  });
});

describe('sourdough audit --compare with different severity settings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-hash-'));
    writeFileSync(join(dir, 'notes.csv'), 'id,team,text\n1,North,"Sam Example refused his tablets again. An extra £30 a week cannot be justified for swimming."\n2,South,"Alex Example is a service user. The package of care was reviewed."\n');
    writeFileSync(join(dir, 'sev-c.yaml'), 'minSeverity: warning\nseverity:\n  privacy: info\n');
    writeFileSync(join(dir, 'sev-d.yaml'), 'minSeverity: warning\nseverity:\n  blaming: info\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses: the figures were counted differently', async () => {
    const first = await sourdough(['audit', '--no-progress', '--jobs', '1', 'notes.csv', '-c', 'sev-c.yaml', '-o', 'c'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const second = await sourdough(['audit', '--no-progress', '--jobs', '1', 'notes.csv', '-c', 'sev-d.yaml', '--compare', 'c/summary.json', '-o', 'd'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('the previous audit used a different rule set');
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });
});
