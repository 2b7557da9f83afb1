/**
 * `sourdough audit --compare`: groups in only one of the two audits, and a previous summary.json
 * that lacks figures the comparison needs (refused up front, before any record is read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourdough } from './helpers.js';

let dir: string;
const audit = (args: string[]) => sourdough(['audit', '--no-config-lookup', '--no-progress', '--jobs', '1', ...args], { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-audit-compare-'));
  writeFileSync(join(dir, 'prev.csv'), 'id,team,text\n1,North,"Sam Example refused his tablets again. He is a service user."\n2,East,"Jo Example is wheelchair-bound and refuses help."\n');
  writeFileSync(join(dir, 'now.csv'), 'id,team,text\n1,North,"Sam Example refused his tablets again."\n2,West,"Alex Example went to the library and chose a book."\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourdough audit --compare', () => {
  it('marks a group missing from this audit, or new in it, instead of a change to or from 0', async () => {
    expect((await audit(['prev.csv', '--group-by', 'team', '-o', 'prev'])).code).toBe(0);
    const r = await audit(['now.csv', '--group-by', 'team', '--compare', 'prev/summary.json', '-o', 'now']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'now', 'summary.json'), 'utf8'));
    expect(s.comparison.groups.team.East).toEqual({ before: s.comparison.groups.team.East.before, after: null, change: null });
    expect(s.comparison.groups.team.East.before).toBeGreaterThan(0);
    expect(s.comparison.groups.team.West).toEqual({ before: null, after: s.figures.groups.team.West.per1000Words, change: null });
    const html = readFileSync(join(dir, 'now', 'report.html'), 'utf8');
    expect(html).toMatch(/<th scope="row">East<\/th>.*?not in this audit/);
    expect(html).toMatch(/<th scope="row">West<\/th>.*?<span class="same">new<\/span>/);
  });

  it('refuses a summary.json without the group figures up front, writing nothing', async () => {
    const previous = JSON.parse(readFileSync(join(dir, 'prev', 'summary.json'), 'utf8'));
    delete previous.figures.groups;
    writeFileSync(join(dir, 'nogroups.json'), JSON.stringify(previous));
    const r = await audit(['now.csv', '--group-by', 'team', '--compare', 'nogroups.json', '-o', 'never']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sourdough audit: nogroups.json cannot be compared with: its figures.groups is missing (was it edited, or cut short?); --compare needs the summary.json written by an earlier audit, as it was written\n');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
