/**
 * Patterns several rules share, cited by name (`named: legal-basis`): a pack's `_patterns.yaml`
 * (the built-in one is rules/_patterns.yaml), resolved when a rule is loaded or compiled, with the
 * citing rule's own `scope`. A broken shared list or an unknown name is reported with its file and
 * line. Temporary packs are written to a temporary folder and removed afterwards.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRulePack, loadSharedPatterns } from '../src/node.js';
import { builtinSharedPatterns, compileRules } from '../src/rules/compile.js';
import { analyse } from '../src/analyse.js';
import { validateRule } from '../src/schema/rule.js';
import { SourdoughError } from '../src/errors.js';
import { costlyOpeningLookBehind } from '../src/patterns/regex.js';
import type { RuleData, SharedPattern } from '../src/types.js';
import { testRule } from './context/test-rules.js';
import { failure, repoRules, rulesDir } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'sourdough-shared-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


const doorRule = (unless: RuleData['unless']): RuleData =>
  testRule('control/t-door', ['kept locked'], { unless, examples: { flag: ['The door is kept locked.'], pass: ['nothing here'] } });

const shared: Record<string, SharedPattern> = {
  'legal-order': { description: 'A test order.', regex: '\\b(?:DoLS|court order)\\b' },
  'fire-words': { description: 'Fire safety.', terms: ['fire door', 'fire exit'] },
};

describe('compileRules resolves `named` patterns', () => {
  const found = (rule: RuleData, text: string) => analyse(text, compileRules([rule], { shared })).findings.map((f) => f.text);

  it('reads a shared regex with the citing rule\'s scope, as the same regex written inline would', () => {
    const cited = doorRule([{ named: 'legal-order', scope: 'section' }]);
    const inline = doorRule([{ regex: '\\b(?:DoLS|court order)\\b', scope: 'section' }]);
    for (const text of [
      'A DoLS is in place.\nThe door is kept locked at night.',
      'Legal basis\nA court order is in place.\n\nEvenings\nThe door is kept locked at night.',
      'The door is kept locked at night.',
    ]) {
      expect(found(cited, text)).toEqual(found(inline, text));
    }
    expect(found(cited, 'Legal basis\nA DoLS is in place.\n\nNights\nThe door is kept locked.')).toEqual(['kept locked']);
    expect(found(cited, 'A DoLS is in place.\n\nThe door is kept locked.')).toEqual([]);
  });

  it('reads shared terms, sentence scope by default', () => {
    const rule = doorRule([{ named: 'fire-words' }]);
    expect(found(rule, 'The fire door is kept locked.')).toEqual([]);
    expect(found(rule, 'The back door is kept locked. The fire exit is clear.')).toEqual(['kept locked']);
  });

  it('refuses an unknown name, listing the names there are', () => {
    const err = failure(() => compileRules([doorRule([{ named: 'legal-ordre' }])], { shared }));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.message).toContain('no shared pattern called "legal-ordre"');
    expect(err.message).toContain('"fire-words", "legal-order"');
    expect(err.location?.field).toBe('unless.named');
  });

  it('uses the built-in shared patterns by default', () => {
    expect(Object.keys(builtinSharedPatterns())).toContain('legal-basis');
    const set = compileRules([doorRule([{ named: 'legal-basis', scope: 'section' }])]);
    expect(analyse('A standard authorisation is in place.\nThe door is kept locked.', set).findings).toEqual([]);
  });

  it('the schema takes a name of lower-case words, on its own', () => {
    expect(() => validateRule(doorRule([{ named: 'legal-basis', scope: 'section' }]))).not.toThrow();
    expect(() => validateRule(doorRule([{ named: 'Legal Basis' }]))).toThrow(SourdoughError);
    expect(() => validateRule(doorRule([{ named: 'legal-basis', regex: 'x' } as never]))).toThrow(SourdoughError);
  });
});

let n = 0;
/** A pack with one control rule (`unlessLines` under `unless:`) and, optionally, its own `_patterns.yaml`. */
function writePack(unlessLines: string[], patterns?: string): { pack: string; file: string } {
  const pack = join(tmp, `pack-${++n}`);
  mkdirSync(join(pack, 'control'), { recursive: true });
  const file = join(pack, 'control', 't-door.yaml');
  writeFileSync(
    file,
    [
      'id: control/t-door', // 1
      'category: control', // 2
      'severity: warning', // 3
      'message: "“{match}” is a test phrase."', // 4
      'rationale: A rule used only by this test.', // 5
      'suggest: ["open"]', // 6
      'patterns:', // 7
      '  - terms: ["kept locked"]', // 8
      'unless:', // 9
      ...unlessLines, // 10 …
      'examples:',
      '  flag: ["The door is kept locked.", "The gate is kept locked."]',
      '  pass: ["The door is open.", "The gate is open."]',
      'sources:',
      '  - { title: "Test source", url: "https://example.org/guide" }',
      '',
    ].join('\n'),
  );
  if (patterns !== undefined) writeFileSync(join(pack, '_patterns.yaml'), patterns);
  return { pack, file };
}

describe('a rule pack\'s own _patterns.yaml', () => {
  it('defines names its rules cite, beside the built-in ones; loaded rules carry the pattern itself', () => {
    const { pack } = writePack(['  - named: respite-words', '    scope: overlap', '  - named: legal-basis', '    scope: section'], 'respite-words:\n  description: Test words.\n  terms: ["kept locked for repairs"]\n');
    const [rule] = loadRulePack(pack);
    expect(rule!.unless).toEqual([
      { terms: ['kept locked for repairs'], scope: 'overlap' },
      { regex: builtinSharedPatterns()['legal-basis']!.regex, scope: 'section' },
    ]);
    const set = compileRules([rule!], { validate: false });
    expect(analyse('The door is kept locked for repairs.', set).findings).toEqual([]);
    expect(analyse('The door is kept locked.', set).findings.map((f) => f.text)).toEqual(['kept locked']);
    expect(Object.keys(loadSharedPatterns(pack)).sort()).toEqual([...Object.keys(builtinSharedPatterns()), 'respite-words'].sort());
  });

  it('an unknown name is reported at its line', () => {
    const { pack, file } = writePack(['  - named: legal-bases', '    scope: section']);
    const err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_RULE_SCHEMA');
    expect(err.location).toMatchObject({ file, line: 10, field: 'unless.0.named' });
    expect(err.message).toMatch(/t-door\.yaml:10:\d+: there is no shared pattern called "legal-bases" \(the names in _patterns\.yaml are .*"legal-basis"/);
  });

  it('a shared pattern without a description, with a bad name or with an unsafe regex is refused at its line', () => {
    let { pack } = writePack(['  - terms: ["x"]'], 'respite-words:\n  terms: ["kept locked for repairs"]\n');
    let err = failure(() => loadRulePack(pack));
    expect(err.location).toMatchObject({ file: join(pack, '_patterns.yaml'), line: 2 });
    expect(err.message).toMatch(/_patterns\.yaml:2:\d+: shared pattern `respite-words.description` is missing/);

    ({ pack } = writePack(['  - terms: ["x"]'], 'Respite Words:\n  description: Test.\n  terms: ["x y"]\n'));
    err = failure(() => loadRulePack(pack));
    expect(err.message).toContain('`Respite Words` is not a name of lower-case words joined by "-"');
    expect(err.location?.line).toBe(1);

    ({ pack } = writePack(['  - terms: ["x"]'], 'slow-one:\n  description: Test.\n  regex: \'(a+)+b\'\n'));
    err = failure(() => loadRulePack(pack));
    expect(err.code).toBe('SD_ERR_RULE_REGEX');
    expect(err.location).toMatchObject({ file: join(pack, '_patterns.yaml'), line: 3, field: 'slow-one.regex' });
    expect(err.message).toContain('shared pattern "slow-one"');
  });
});

describe('the built-in rules/_patterns.yaml', () => {
  const raw = (parse(readFileSync(join(rulesDir, '_patterns.yaml'), 'utf8')) ?? {}) as Record<string, SharedPattern>;
  const cited = new Set<string>();
  for (const file of readRuleYaml()) for (const p of [...(file.patterns ?? []), ...(file.unless ?? [])]) if ('named' in p) cited.add(p.named);

  it('is what the bundle holds (rebuild after editing it)', () => {
    expect(builtinSharedPatterns()).toEqual(raw);
  });

  it.each(Object.keys(raw))('%s is cited by some rule, and its regex opens cheaply', (name) => {
    expect(cited.has(name), `no rule cites "${name}"`).toBe(true);
    const entry = raw[name]!;
    if ('regex' in entry) expect(costlyOpeningLookBehind(entry.regex)).toBeUndefined();
  });

  it('every rule loads with its names resolved', () => {
    const named = repoRules().rules.filter((r) => [...(r.patterns ?? []), ...(r.unless ?? [])].some((p) => 'named' in p));
    expect(named).toEqual([]);
    expect(cited.size).toBeGreaterThan(0);
  });
});

/** The rule files as written (names unresolved). */
function readRuleYaml(): RuleData[] {
  const out: RuleData[] = [];
  for (const r of repoRules().rules) out.push(parse(readFileSync(r.file!, 'utf8')) as RuleData);
  return out;
}
