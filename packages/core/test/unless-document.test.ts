/** `unless` with `scope: document`: a pattern anywhere in the document cancels every match in it. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { validateRule } from '../src/schema/rule.js';
import { testRule, testSet } from './context/test-rules.js';

const rule = testRule('control/t-best-interests', ['best interests'], {
  patterns: [{ regex: '\\bin (?:his|her) best interests\\b' }],
  unless: [{ regex: '\\bIN THE COURT OF PROTECTION\\b', caseSensitive: true, scope: 'document' }],
});
const set = testSet([rule]);
const texts = (src: string, md = false) => analyse(md ? markdown(src, 'x.md') : src, set).findings.map((f) => f.text);

describe('unless scope: document', () => {
  it('cancels matches in every section, before and after the pattern', () => {
    expect(texts('Summary\nA move is in her best interests.\n\nIN THE COURT OF PROTECTION\n\nRecommendation\nStaying is in his best interests.')).toEqual([]);
    expect(texts('# IN THE COURT OF PROTECTION\n\n## Options\n\nA trial at home is in her best interests.', true)).toEqual([]);
  });

  it('leaves a document without the pattern alone, and reads it case-sensitively here', () => {
    expect(texts('Summary\nA move is in her best interests.\n\nRecommendation\nStaying is in his best interests.')).toEqual(['in her best interests', 'in his best interests']);
    expect(texts('We may apply to the Court of Protection. Staying is in his best interests.')).toEqual(['in his best interests']);
  });

  it('is a scope the rule schema accepts for regex and terms, not for a compromise match', () => {
    const base = { id: 'control/t', category: 'control', severity: 'warning', message: 'm', rationale: 'r', suggest: [], patterns: [{ terms: ['x'] }], examples: { flag: ['x'], pass: ['y'] }, sources: [{ title: 't', url: 'https://example.org' }] };
    expect(() => validateRule({ ...base, unless: [{ regex: 'y', scope: 'document' }] }, 'x.yaml')).not.toThrow();
    expect(() => validateRule({ ...base, unless: [{ match: 'y', scope: 'document' }] }, 'x.yaml')).toThrow();
  });
});
