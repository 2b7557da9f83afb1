/** The long-sentence detector (VOI-11) and opt-in rules (`optIn: true`), which it is the first of. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';
import { applyConfig } from '../../src/config.js';
import { markdown } from '../../src/readers/markdown.js';
import type { AnalyseOptions } from '../../src/types.js';

const set = builtinRuleSet();
const ID = 'voice/long-sentence';
const long = (text: string, options: AnalyseOptions = { enable: [ID] }, md = false) =>
  analyse(md ? markdown(text) : text, set, options)
    .findings.filter((f) => f.ruleId === ID)
    .map((f) => {
      expect(text.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      return { text: f.text, message: f.message, severity: f.severity };
    });

/** A sentence of exactly n words. */
const words = (n: number, first = 'Amira'): string => `${[first, ...Array.from({ length: n - 1 }, (_, i) => (i % 2 ? 'and' : 'walked'))].join(' ')}.`;

describe('long-sentence', () => {
  it('reports a sentence over 35 words, with its count and never its words in the message', () => {
    const text = `${words(20)} ${words(36, 'Tomasz')} ${words(35, 'Riya')}`;
    const found = long(text);
    expect(found.map((f) => f.text)).toEqual([words(36, 'Tomasz')]);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toMatch(/^This sentence is 36 words long\./);
    expect(found[0]!.message).not.toContain('Tomasz');
  });

  it('counts "didn’t", "s.47" and "co-production" as one word each, and numbers as words', () => {
    const base = words(33).slice(0, -1);
    expect(long(`${base} didn’t s.47.`)).toEqual([]); // 35 words
    expect(long(`${base} didn’t s.47 co-production.`).map((f) => f.message.match(/\d+/)![0])).toEqual(['36']);
    expect(long(`${base} on 3 May.`).length).toBe(1);
  });

  it('does not count words in quotation marks: a quotation from the law or the person is not the writer’s to shorten', () => {
    const quoted = `Amira said: “${words(40, 'I').slice(0, -1)}.”`;
    expect(long(quoted)).toEqual([]);
    const statute = `Section 9 says: "${words(50, 'Where').slice(0, -1)}".`;
    expect(long(statute)).toEqual([]);
    // The writer's own words around a short quote still count.
    expect(long(`${words(38).slice(0, -1)} and she said “no”.`).length).toBe(1);
  });

  it('reads headings, list items and table cells as blocks of their own', () => {
    const md = `# Plan\n\n${Array.from({ length: 12 }, (_, i) => `- item ${i} walked home`).join('\n')}\n\n| a | b |\n|---|---|\n| ${words(20)} | ${words(20)} |\n`;
    expect(long(md, { enable: [ID] }, true)).toEqual([]);
  });

  it('takes its limit from the detector settings', () => {
    const text = words(26);
    expect(long(text)).toEqual([]);
    expect(long(text, { enable: [ID], detectorParams: { 'long-sentence': { maxWords: 25 } } }).length).toBe(1);
  });

  it('highlights the sentence without the white space around it', () => {
    const text = `  ${words(40)}  `;
    expect(long(text).map((f) => f.text)).toEqual([words(40)]);
  });
});

describe('opt-in rules', () => {
  const text = words(40);
  it('do not run by default, nor when their category or every rule is enabled', () => {
    expect(long(text, {})).toEqual([]);
    expect(long(text, { enable: ['voice'] })).toEqual([]);
    expect(long(text, { enable: ['*'] })).toEqual([]);
  });

  it('run when enabled by their id, also from a config, and a disable of their category does not stop them', () => {
    expect(long(text, { enable: [ID] }).length).toBe(1);
    expect(long(text, applyConfig({ enable: [ID] })).length).toBe(1);
    expect(long(text, { disable: ['voice'], enable: [ID] }).length).toBe(1);
    expect(long(text, { disable: ['*'], enable: [ID] }).length).toBe(1);
  });

  it('take a severity override like any other rule', () => {
    expect(long(text, { enable: [ID], severity: { [ID]: 'warning' } })[0]!.severity).toBe('warning');
  });
});
