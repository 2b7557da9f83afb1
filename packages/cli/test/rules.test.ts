/** `sourdough rules` and `sourdough explain` (with "did you mean"). */
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { didYouMean } from '@sourdough/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fakeIo, repoRoot } from './helpers.js';

describe('sourdough rules', () => {
  it('lists rules as a table with severity and what each looks for', async () => {
    const f = fakeIo();
    expect(await run(['rules'], f.io)).toBe(0);
    expect(f.out()).toMatch(/blaming\/refuses\s+warning\s+“…” can make a choice sound like defiance\./);
    // A message with the words in the middle still reads as a sentence.
    expect(f.out()).toMatch(/gatekeeping\/small-sum\s+warning\s+Arguing over “…” puts cost before the person's need\./);
    expect(f.out()).toMatch(/\d+ rules\./);
  });

  it('filters by category and prints JSON', async () => {
    const f = fakeIo();
    expect(await run(['rules', '--category', 'blaming', '--format', 'json'], f.io)).toBe(0);
    const list = JSON.parse(f.out()) as { id: string; category: string; rationale: string; url: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.category === 'blaming')).toBe(true);
    const refuses = list.find((r) => r.id === 'blaming/refuses')!;
    expect(refuses.rationale.length).toBeGreaterThan(20);
    expect(refuses.url).toBe('docs/rules/blaming/refuses.md');
  });

  it('stops quietly when the reader of its output goes away (`rules -f json | head`)', async () => {
    // Node printed an unhandled 'error' event (EPIPE) with its stack when the pipe closed early.
    const child = spawn(process.execPath, [bin, 'rules', '-f', 'json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('rejects an unknown category', async () => {
    const f = fakeIo();
    expect(await run(['rules', '--category', 'rude'], f.io)).toBe(2);
  });
});

describe('sourdough explain', () => {
  it('explains a rule: why, what to write instead, examples, sources', async () => {
    const f = fakeIo();
    expect(await run(['explain', 'blaming/refuses'], f.io)).toBe(0);
    const out = f.out();
    expect(out).toContain('blaming/refuses  (blaming, warning)');
    expect(out).toContain('Why it matters');
    expect(out).toContain('What to write instead');
    expect(out).toContain('  • declined');
    expect(out).toMatch(/Flagged\n {2}✗ /);
    expect(out).toMatch(/Not flagged\n {2}✓ /);
    expect(out).toMatch(/Sources\n {2}\S/);
    expect(out).toContain('More: docs/rules/blaming/refuses.md');
  });

  it('says when a behaviour word is reported at info because the need behind it is given (condition)', async () => {
    const need = fakeIo();
    expect(await run(['explain', 'blaming/needy'], need.io)).toBe(0);
    expect(need.out()).toMatch(/Behaviour and need\n {2}When the sentence says what lay behind the word/);
    const dementia = fakeIo();
    expect(await run(['explain', 'blaming/agitated'], dementia.io)).toBe(0);
    expect(dementia.out()).toMatch(/Behaviour and need\n {2}In a record that speaks of dementia/);
    const plain = fakeIo();
    expect(await run(['explain', 'blaming/refuses'], plain.io)).toBe(0);
    expect(plain.out()).not.toContain('Behaviour and need');
  });

  it('says how to switch on an opt-in rule, in the list and in explain, and check runs it only by its id', async () => {
    const list = fakeIo();
    expect(await run(['rules', '--category', 'voice'], list.io)).toBe(0);
    expect(list.out()).toMatch(/voice\/long-sentence +info +.*\(off unless enabled\)/);
    expect(list.out()).toContain('run only when switched on by their id: `--enable RULE`');
    expect(list.out()).not.toMatch(/voice\/passive-decision .*off unless enabled/);
    const explained = fakeIo();
    expect(await run(['explain', 'voice/long-sentence'], explained.io)).toBe(0);
    expect(explained.out()).toMatch(/Switched on\n {2}Off unless switched on by its id: `--enable voice\/long-sentence`/);
    const dir = mkdtempSync(join(tmpdir(), 'sd-long-'));
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'Following the review on Tuesday, which Amira attended with her sister and her advocate, we agreed that the morning calls would move to half past nine because she finds the earlier time rushed and tiring, and that we would look again in six weeks.\n');
    const ids = async (args: string[]) => {
      const f = fakeIo();
      await run(['check', '--format', 'json', ...args, file], f.io);
      return JSON.parse(f.out()).results.flatMap((r: { findings: { ruleId: string }[] }) => r.findings.map((x) => x.ruleId));
    };
    expect(await ids([])).toEqual([]);
    expect(await ids(['--enable', 'voice'])).toEqual([]);
    expect(await ids(['--enable', 'voice/long-sentence'])).toEqual(['voice/long-sentence']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('suggests close rule ids for a typo and exits 2', async () => {
    const f = fakeIo();
    expect(await run(['explain', 'blaming/refuse'], f.io)).toBe(2);
    expect(f.err()).toContain('there is no rule called "blaming/refuse". Did you mean "blaming/refuses"');
    const g = fakeIo();
    expect(await run(['explain', 'servise-user'], g.io)).toBe(2);
    expect(g.err()).toContain('"dehumanising/service-user"');
    // What was typed is shown as it is, never as terminal controls.
    const h = fakeIo();
    expect(await run(['explain', 'blaming/\u001b[2Jrefuse\u202e'], h.io)).toBe(2);
    expect(h.err()).toContain('there is no rule called "blaming/␛[2Jrefuse�".');
  });

  it('lists the rules of a category', async () => {
    const f = fakeIo();
    expect(await run(['explain', 'voice'], f.io)).toBe(0);
    expect(f.out()).toContain('voice/passive-decision');
  });

  it('ranks by edit distance and offers nothing for nonsense', () => {
    expect(didYouMean('blaming/refusal', ['blaming/refuses', 'control/allowed-to'])).toEqual(['blaming/refuses']);
    expect(didYouMean('zzzzzzzz', ['blaming/refuses', 'control/allowed-to'])).toEqual([]);
  });
});
