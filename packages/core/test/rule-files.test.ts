/**
 * Meta checks on every rule file, in the spirit of ESLint's checkRuleFiles: the id matches the path,
 * the category matches the folder, enough examples, sources with titles and links, no phrase owned
 * by two rules of a category, and every LEXICON row covered by a rule or listed, with a reason, as
 * not covered. Reads rules/ directly (each file on its own, so one broken file fails only its own
 * tests); writes nothing.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { costlyOpeningLookBehind } from '../src/patterns/regex.js';
import { loadRuleFile } from '../src/node.js';
import { compileRules } from '../src/rules/compile.js';
import { CATEGORIES, type Pattern, type RuleData } from '../src/types.js';
import { rulesDir } from './helpers.js';

interface RuleFile {
  path: string;
  folder: string;
  name: string;
  data: RuleData;
}

function ruleFiles(): RuleFile[] {
  const out: RuleFile[] = [];
  for (const folder of readdirSync(rulesDir).sort()) {
    const dir = join(rulesDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/.test(file) || file.startsWith('_') || file.startsWith('.')) continue;
      const path = join(dir, file);
      out.push({ path, folder, name: file.replace(/\.ya?ml$/, ''), data: (parse(readFileSync(path, 'utf8')) ?? {}) as RuleData });
    }
  }
  return out;
}

const files = ruleFiles();
const rel = (f: RuleFile) => `${f.folder}/${f.name}`;

/** How the terms matcher sees a phrase: case-insensitive, spaces and hyphens interchangeable, curly apostrophes straight. */
const normalise = (t: string) => t.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, ' ').trim();

it('finds rule files in every category folder that exists', () => {
  expect(files.length).toBeGreaterThan(0);
  for (const folder of readdirSync(rulesDir)) {
    if (statSync(join(rulesDir, folder)).isDirectory()) expect(CATEGORIES as readonly string[], `rules/${folder}/ is not a category`).toContain(folder);
  }
});

describe.each(files.map((f) => [rel(f), f] as const))('%s', (_name, f) => {
  it('validates against the rule schema', () => {
    expect(() => loadRuleFile(f.path, rulesDir)).not.toThrow();
  });

  it('compiles: safe regexes, a known detector with valid params, anchored match patterns', () => {
    expect(() => compileRules([loadRuleFile(f.path, rulesDir)], { validate: false })).not.toThrow();
  });

  it('has an id equal to <folder>/<file name> and a category equal to the folder', () => {
    expect(f.data.id).toBe(rel(f));
    expect(f.data.category).toBe(f.folder);
  });

  it('has at least two flag and two pass examples', () => {
    expect(f.data.examples?.flag?.length ?? 0, 'examples.flag').toBeGreaterThanOrEqual(2);
    expect(f.data.examples?.pass?.length ?? 0, 'examples.pass').toBeGreaterThanOrEqual(2);
  });

  it('cites sources, each with a title and an http(s) URL', () => {
    expect(f.data.sources?.length ?? 0).toBeGreaterThan(0);
    for (const s of f.data.sources ?? []) {
      expect(typeof s.title === 'string' && s.title.trim().length > 0, JSON.stringify(s)).toBe(true);
      expect(s.url).toMatch(/^https?:\/\/[^\s/]+\.[^\s]+$/);
    }
  });

  it('uses {match} as its only placeholder', () => {
    for (const ph of f.data.message?.match(/\{[^}]*\}/g) ?? []) expect(ph).toBe('{match}');
  });

  // A suggestion may be copied into someone's record, so it never holds the examples' made-up
  // names ("Jack said …"): neutral wording ("the person", "they") or a gap to fill ("(name) said …").
  // privacy/person-name names a pseudonym on purpose ("a consistent pseudonym (Jack, Mrs J.)").
  it.skipIf(rel(f) === 'privacy/person-name')('suggests no sample name', () => {
    for (const s of f.data.suggest ?? []) expect(s, 'suggest').not.toMatch(SAMPLE_NAME);
    for (const [term, list] of Object.entries(f.data.suggestFor ?? {})) for (const s of list) expect(s, `suggestFor.${term}`).not.toMatch(SAMPLE_NAME);
  });
});

/** The first names and surnames the rules' examples use for made-up people. */
const SAMPLE_NAME = /\b(?:Jack|Amira|Sam|Patel|Evans|Lily|Riya|Maya|Zoë|Kofi|Okafor|Siân|Jones|Khan|Jo|José|Órla|Kwame)\b/;

/** Every regex source in a rule file: patterns and unless entries. */
function regexesOf(data: RuleData): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const regex = (v as { regex?: unknown }).regex;
      if (typeof regex === 'string') out.push(regex);
      Object.values(v).forEach(visit);
    }
  };
  visit(data.patterns);
  visit(data.unless);
  return out;
}

describe('regex cost', () => {
  it('no built-in regex opens with a look-behind tried at every position (docs/writing-rules.md)', () => {
    const costly = files.flatMap((f) => regexesOf(f.data).flatMap((src) => {
      const raw = costlyOpeningLookBehind(src);
      return raw ? [`${rel(f)}: ${raw.slice(0, 60)}`] : [];
    }));
    expect(costly).toEqual([]);
  });

  it('finds one when it is there', () => {
    expect(costlyOpeningLookBehind(String.raw`\bx|(?<=waiting for )package\b`)).toBe('(?<=waiting for )');
    expect(costlyOpeningLookBehind(String.raw`(?<!\b(?:must|needs?\s+to)\s)\bpaid\b`)).toMatch(/^\(\?<!/);
    expect(costlyOpeningLookBehind(String.raw`(?<![a-z])refused\b`)).toBeUndefined();
    expect(costlyOpeningLookBehind(String.raw`\b(?=package)(?<=for )package\b`)).toBeUndefined();
  });
});

describe('terms across rules', () => {
  it.each([...CATEGORIES])('no phrase is used by two rules in %s', (category) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of files.filter((x) => x.folder === category)) {
      const mine = new Set<string>();
      for (const p of (f.data.patterns ?? []) as Pattern[]) {
        if (!('terms' in p)) continue;
        for (const t of p.terms) mine.add(normalise(t));
      }
      for (const t of mine) {
        const other = owner.get(t);
        if (other) clashes.push(`"${t}" in ${other} and ${rel(f)}`);
        else owner.set(t, rel(f));
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('LEXICON coverage', () => {
  const rowsFile = join(rulesDir, '_lexicon-rows.yaml');
  const rows = ((parse(readFileSync(rowsFile, 'utf8')) as { rows: { id: string }[] }).rows ?? []).map((r) => String(r.id));
  const rowSet = new Set(rows);
  const covered = new Map<string, string[]>();
  for (const f of files) for (const id of f.data.lexicon ?? []) covered.set(id, [...(covered.get(id) ?? []), rel(f)]);
  const notCovered: { id: unknown; reason: unknown; file: string }[] = [];
  for (const folder of CATEGORIES) {
    const file = join(rulesDir, folder, '_not-covered.yaml');
    if (!existsSync(file)) continue;
    const data = parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(data)) {
      notCovered.push({ id: undefined, reason: undefined, file: `${folder}/_not-covered.yaml (not a list)` });
      continue;
    }
    for (const e of data as { id?: unknown; reason?: unknown }[]) notCovered.push({ id: e?.id, reason: e?.reason, file: `${folder}/_not-covered.yaml` });
  }

  it('has the LEXICON row list (rules/_lexicon-rows.yaml)', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("names only real LEXICON rows in rules' lexicon fields", () => {
    const unknown = [...covered.entries()].filter(([id]) => !rowSet.has(id)).map(([id, by]) => `${id} (${by.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('lists, in _not-covered.yaml, only real row ids, each once, with a non-empty reason', () => {
    const bad = notCovered
      .filter((e) => typeof e.id !== 'string' || !rowSet.has(e.id) || typeof e.reason !== 'string' || !e.reason.trim())
      .map((e) => `${e.file}: ${JSON.stringify(e)}`);
    const ids = notCovered.map((e) => e.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${String(id)} listed twice`);
    expect([...bad, ...twice]).toEqual([]);
  });

  it('never lists a row as not covered when a rule covers it', () => {
    const both = notCovered.filter((e) => typeof e.id === 'string' && covered.has(e.id)).map((e) => `${String(e.id)}: ${e.file} and ${covered.get(e.id as string)!.join(', ')}`);
    expect(both).toEqual([]);
  });

  it('covers every LEXICON row with a rule, or says why not', () => {
    const listed = new Set(notCovered.map((e) => e.id));
    const missing = rows.filter((id) => !covered.has(id) && !listed.has(id));
    expect(missing, `${missing.length} LEXICON rows have neither a rule nor a _not-covered.yaml entry`).toEqual([]);
  });
});
