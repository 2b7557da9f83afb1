/** Marking a finding's words in its sentence (stylish and html): the right occurrence, and words with markup inside. */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, readers, summarise, type DocumentResult, type Finding } from '@sourdough/core';
import { html, stylish } from '../src/index.js';
import { marksFor, occurrences } from '../src/mark.js';

const rules = builtinRuleSet();
const result = (doc: ReturnType<typeof readers.text>): DocumentResult => analyse(doc, rules);
const marked = (f: Finding, mark: readonly [number, number] | undefined): string =>
  mark ? `${f.sentence!.slice(0, mark[0])}[${f.sentence!.slice(...mark)}]${f.sentence!.slice(mark[1])}` : f.sentence!;

describe('marking the finding in its sentence', () => {
  it('marks each finding at its own occurrence when the words come twice in a sentence', () => {
    const r = result(readers.text('Sam refused breakfast and then refused lunch.\nSam refused tea.\nSam refused breakfast and then refused lunch.\n', 'a.txt'));
    const refused = r.findings.filter((f) => f.ruleId === 'blaming/refuses');
    expect(refused).toHaveLength(5);
    const marks = marksFor(r.findings).filter((_, i) => r.findings[i]!.ruleId === 'blaming/refuses');
    expect(refused.map((f, i) => marked(f, marks[i]))).toEqual([
      'Sam [refused] breakfast and then refused lunch.',
      'Sam refused breakfast and then [refused] lunch.',
      'Sam [refused] tea.',
      'Sam [refused] breakfast and then refused lunch.',
      'Sam refused breakfast and then [refused] lunch.',
    ]);
    const out = stylish([{ ...r, path: 'a.txt' }], summarise([r]));
    expect(out).toContain('│ Sam refused breakfast and then [refused] lunch.');
    expect(html([{ ...r, path: 'a.txt' }], summarise([r]))).toContain('<blockquote>Sam refused breakfast and then <mark>refused</mark> lunch.</blockquote>');
  });

  it('marks words that have markup inside them', () => {
    const source = 'Sam is a *service* user here.\n';
    const r = result(readers.markdown(source, 'b.md'));
    const f = r.findings.find((x) => x.ruleId === 'dehumanising/service-user');
    expect(f?.text).toBe('service* user');
    expect(source.slice(f!.start!.offset, f!.end!.offset)).toBe(f!.text);
    expect(marked(f!, marksFor([f!])[0])).toBe('Sam is a [service user] here.');
    expect(occurrences('Sam is a service user here.', 'service <b>user</b>')).toEqual([[9, 21]]);
    expect(occurrences('Sam is a service user here.', 'service&nbsp;user')).toEqual([[9, 21]]);
    // Only whole words: "user" inside "users" is not the same words.
    expect(occurrences('The service users met.', 'service <b>user</b>')).toEqual([]);
  });

  it('leaves the sentence unmarked when the words cannot be found in it', () => {
    const f: Finding = { ruleId: 'x/y', category: 'jargon', severity: 'info', message: 'm', text: 'elsewhere', suggestions: [], sentence: 'Nothing here.', url: '' };
    expect(marksFor([f])).toEqual([undefined]);
  });
});
