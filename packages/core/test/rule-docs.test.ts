/**
 * The generated rule documentation (docs/rules/**, rules/README.md, rules/rule.schema.json,
 * rules/_lexicon-rows.yaml) is current: runs scripts/gen-rule-docs.mjs in check mode, in process,
 * with the rule schema from source. Writes nothing; `npm run docs` fixes a failure.
 */
import { describe, it, expect } from 'vitest';
// @ts-expect-error plain JS module without type declarations, shared with `npm run docs`
import * as gen from '../../../scripts/gen-rule-docs.mjs';
import * as schema from '../src/schema/rule.js';

const lib = gen as {
  generate(options: { schema: typeof schema }): Map<string, string>;
  staleFiles(files: Map<string, string>): { stale: string[]; orphans: string[] };
  esc(s: string): string;
};

describe('generated rule docs', () => {
  const files = lib.generate({ schema });

  it('are up to date (run `npm run docs`)', () => {
    const { stale, orphans } = lib.staleFiles(files);
    expect({ stale, orphans }).toEqual({ stale: [], orphans: [] });
  });

  it('include a page per rule, the index, the rules README and the schema', () => {
    expect(files.has('docs/rules/README.md')).toBe(true);
    expect(files.has('rules/README.md')).toBe(true);
    expect(files.has('rules/rule.schema.json')).toBe(true);
    expect([...files.keys()].some((p) => /^docs\/rules\/[a-z]+\/[a-z0-9-]+\.md$/.test(p))).toBe(true);
  });

  it('are deterministic', () => {
    expect([...lib.generate({ schema }).entries()]).toEqual([...files.entries()]);
  });

  it('escape Markdown in example text', () => {
    expect(lib.esc('a *b* [c] <d>')).toBe('a \\*b\\* \\[c\\] \\<d\\>');
  });
});
