/**
 * A broken rule file is reported with its file, line and field (Vale's E201 spirit), and the
 * generated rules/rule.schema.json matches the schema in src/schema/rule.ts. Broken files are
 * written to a temporary folder and removed afterwards; nothing in the repo is touched.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleFile, loadRulePack } from '../src/node.js';
import { ruleSchema } from '../src/schema/rule.js';
import { failure, rulesDir } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'sourdough-rule-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A valid rule, as YAML lines, so each case breaks exactly one thing on a known line. */
const valid = (name = 'test-rule'): string[] => [
  `id: blaming/${name}`, // 1
  'category: blaming', // 2
  'severity: warning', // 3
  'message: "“{match}” is a test phrase."', // 4
  'rationale: A rule used only by this test.', // 5
  'suggest: ["said"]', // 6
  'patterns:', // 7
  '  - terms: ["zorbled"]', // 8
  'examples:', // 9
  '  flag: ["Jack zorbled.", "Amira zorbled again."]', // 10
  '  pass: ["Jack said no.", "Amira said yes."]', // 11
  'sources:', // 12
  '  - { title: "Test source", url: "https://example.org/guide" }', // 13
];

let n = 0;
/** Write `lines` as rules/blaming/<name>.yaml in a fresh pack folder; returns the pack and file. */
function writeRule(lines: string[], name = 'test-rule'): { pack: string; file: string } {
  const pack = join(tmp, `pack-${++n}`);
  mkdirSync(join(pack, 'blaming'), { recursive: true });
  const file = join(pack, 'blaming', `${name}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { pack, file };
}

describe('a broken rule file names its file, line and field', () => {
  it('accepts the valid base rule (so each case below breaks only one thing)', () => {
    const { pack } = writeRule(valid());
    expect(loadRulePack(pack).map((r) => r.id)).toEqual(['blaming/test-rule']);
  });

  it('missing field', () => {
    const lines = valid();
    lines.splice(4, 1); // drop rationale
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, field: 'rationale' });
    expect(err.location?.line).toBeTypeOf('number');
    expect(err.message).toContain(file);
    expect(err.message).toContain('rationale');
  });

  it('wrong enum value', () => {
    const lines = valid();
    lines[2] = 'severity: critical';
    const { file } = writeRule(lines);
    const err = failure(() => loadRuleFile(file));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, line: 3, field: 'severity' });
    expect(err.message).toMatch(/:3:\d+: .*severity.*one of: info, warning, error/);
  });

  it('wrong type', () => {
    const lines = valid();
    lines[5] = 'suggest: "said"';
    const { file } = writeRule(lines);
    const err = failure(() => loadRuleFile(file));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, line: 6, field: 'suggest' });
  });

  it('a wrong type deep inside (a source without a URL)', () => {
    const lines = valid();
    lines[12] = '  - { title: "Test source" }';
    const { file } = writeRule(lines);
    const err = failure(() => loadRuleFile(file));
    expect(err.location).toMatchObject({ file, line: 13 });
    expect(err.location?.field).toMatch(/^sources\.0/);
  });

  it('unknown field', () => {
    const lines = valid();
    lines.splice(3, 0, 'colour: red');
    const { file } = writeRule(lines);
    const err = failure(() => loadRuleFile(file));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, line: 4, field: 'colour' });
    expect(err.message).toContain('not a known field');
  });

  it('YAML syntax error', () => {
    const lines = valid();
    lines[5] = 'suggest: ["said"';
    const { file } = writeRule(lines);
    const err = failure(() => loadRuleFile(file));
    expect(err.code).toBe('SD_ERR_RULE_YAML');
    expect(err.location?.file).toBe(file);
    expect(err.location?.line).toBeGreaterThanOrEqual(6);
    expect(err.message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error`));
  });

  it('id not matching the path', () => {
    const lines = valid();
    lines[0] = 'id: blaming/another-name';
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, line: 1, field: 'id' });
    expect(err.message).toContain('blaming/test-rule');
  });

  it('category not matching the folder', () => {
    const lines = valid();
    lines[1] = 'category: deficit';
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.location).toMatchObject({ file, line: 2, field: 'category' });
  });

  it('unsafe regex', () => {
    const lines = valid();
    lines[7] = '  - regex: "(a+)+b"';
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_RULE_REGEX');
    expect(err.location).toMatchObject({ file, line: 8 });
    expect(err.location?.field).toMatch(/^patterns/);
    expect(err.message).toContain(file);
  });

  it('unknown detector', () => {
    const lines = valid();
    lines.splice(6, 2, 'detector: no-such-detector');
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_DETECTOR');
    expect(err.location).toMatchObject({ file, line: 7, field: 'detector' });
    expect(err.message).toContain('no-such-detector');
  });

  it('a placeholder other than {match}', () => {
    const lines = valid();
    lines[3] = 'message: "{name} wrote “{match}”."';
    const { pack, file } = writeRule(lines);
    const err = failure(() => loadRulePack(pack));
    expect(err.location).toMatchObject({ file, field: 'message' });
    expect(err.message).toContain('{name}');
  });
});

describe('a rule pack folder that cannot be read', () => {
  it('says so in plain words: no such folder, or a file named instead of its folder', () => {
    const missing = failure(() => loadRulePack(join(tmp, 'no-such-pack')));
    expect(missing.code).toBe('SD_ERR_READ');
    expect(missing.message).toBe(`cannot read rule pack ${join(tmp, 'no-such-pack')}: there is no such folder`);
    const { file } = writeRule(valid());
    const notFolder = failure(() => loadRulePack(file));
    expect(notFolder.message).toContain(`cannot read rule pack ${file}: it is a file, not a folder of rules`);
    expect(notFolder.message).not.toMatch(/ENOTDIR|scandir/);
  });
});

describe('rules/rule.schema.json', () => {
  it('is the schema from src/schema/rule.ts (run `npm run docs` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(rulesDir, 'rule.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(ruleSchema)));
  });
});
