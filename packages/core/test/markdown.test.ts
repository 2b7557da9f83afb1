/**
 * Markdown positions: findings inside lists, emphasis, links, tables, headings and block quotes
 * point at the right characters of the original file (offset, line, column), and non-prose
 * (code, inline code, URLs, HTML) is never analysed.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { markdown, readMarkdown } from '../src/readers/markdown.js';
import type { Finding } from '../src/types.js';
import { RULES, testSet } from './context/test-rules.js';

const set = testSet([RULES.refused, RULES.serviceUser, RULES.respite]);

function check(md: string): Finding[] {
  const findings = analyse(markdown(md), set).findings;
  const lines = md.split('\n');
  for (const f of findings) {
    expect(md.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    // line/column agree with the offset
    const line = lines[f.start!.line - 1]!;
    expect(line.slice(f.start!.column - 1, f.start!.column - 1 + f.text!.length)).toBe(f.text);
  }
  return findings;
}

describe('markdown positions', () => {
  it('list items (bullets, numbers, nested)', () => {
    const md = '# Notes\n\n- Jack refused tea\n  - then the service user left\n1. respite booked\n';
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.line, x.start!.column])).toEqual([
      ['refused', 3, 8],
      ['service user', 4, 14],
      ['respite', 5, 4],
    ]);
  });

  it('emphasis and strong (matches inside and across markers)', () => {
    const md = 'He **refused** tea and the *service user* left. Also ***respite***.';
    const f = check(md);
    expect(f.map((x) => x.text)).toEqual(['refused', 'service user', 'respite']);
    expect(f[0]!.start!.offset).toBe(md.indexOf('refused'));
  });

  it('a phrase split by an emphasis marker is not matched as if the marker were not there', () => {
    // "service **user**": the masked text keeps the space run, so the phrase still matches with exact offsets
    const md = 'The service **user** left.';
    const f = check(md);
    expect(f.map((x) => x.text)).toEqual(['service **user']);
  });

  it('links: the link text is prose, the URL is not', () => {
    const md = 'See [respite options](https://example.org/respite-refused) and <https://example.org/refused>.';
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.column])).toEqual([['respite', 6]]);
  });

  it('tables: each cell is its own block, positions exact', () => {
    const md = '| Day | Note |\n|-----|------|\n| Mon | refused lunch |\n| Tue | respite day |\n';
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.line, x.start!.column])).toEqual([
      ['refused', 3, 9],
      ['respite', 4, 9],
    ]);
    expect(f[0]!.sentence).toBe('refused lunch');
  });

  it('headings become sections and are analysed', () => {
    const md = '# About respite\n\nJack refused tea.\n\n## Evening\n\nThe service user slept.\n';
    const f = check(md);
    expect(f.map((x) => [x.text, x.section ?? null])).toEqual([
      ['respite', 'About respite'],
      ['refused', 'About respite'],
      ['service user', 'Evening'],
    ]);
  });

  it('block quotes and setext headings', () => {
    const md = '> Jack refused tea.\n\nRespite plan\n============\n';
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.line, x.start!.column])).toEqual([
      ['refused', 1, 8],
      ['Respite', 3, 1],
    ]);
  });

  it('code blocks, inline code and HTML are never analysed', () => {
    const md = '```\nJack refused\n```\n\nRun `respite` now.\n\n<div>service user</div>\n\n    refused (indented code)\n';
    expect(check(md)).toEqual([]);
  });

  it('CRLF files: lines and columns are still right', () => {
    const md = '# Title\r\n\r\n- Jack refused tea\r\n- respite\r\n';
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.line, x.start!.column])).toEqual([
      ['refused', 3, 8],
      ['respite', 4, 3],
    ]);
  });

  it('non-ASCII before a match (emoji, accents) keeps UTF-16 offsets', () => {
    const md = '😀 Zoë — café 🎉 refused.';
    const f = check(md);
    expect(f[0]!.start!.offset).toBe(md.indexOf('refused'));
  });
});

describe('markdown with and without GFM syntax', () => {
  it('autolinks, task lists and strikethrough keep exact positions either way', () => {
    for (const md of ['- [ ] Jack refused tea www.example.org/respite', '- [x] ~~respite~~ Jack refused tea | ok']) {
      const f = check(md);
      expect(f.map((x) => x.text)).toContain('refused');
      expect(f.some((x) => x.text === 'respite' && md.indexOf('www.') >= 0)).toBe(false);
    }
  });

  it('does not read struck-through text: a draft with its changes shown has deleted that wording', () => {
    const md = '## My support\n\nOla ~~refused~~ **has said no to** a male carer. She ~~is non-compliant with~~ takes her tablets with tea.\n';
    const f = check(md);
    expect(f.map((x) => x.text)).toEqual([]);
    expect(markdown(md).text).not.toMatch(/refused|non-compliant/);
    // A word edited in its middle reads as it now stands, and the words around stay in place.
    const edited = 'Ola refuse~~d~~s her tea. Sam ~~declined~~ refused.\n';
    expect(check(edited).map((x) => [x.text, x.start!.offset])).toEqual([['refuse~~d~~s', 4], ['refused', edited.indexOf('refused.')]]);
  });

  it('skips YAML and TOML front matter: it is metadata, not prose, and not a heading', () => {
    const md = '---\ntitle: Support plan for the service user\ntags: [service user, refused]\n---\n\n# About me\n\nJack refused tea.\n';
    const doc = markdown(md);
    expect(doc.sections.map((s) => s.title)).toEqual(['About me']);
    const f = check(md);
    expect(f.map((x) => [x.text, x.start!.line, x.section])).toEqual([['refused', 8, 'About me']]);
    const toml = '+++\ntitle = "service user"\n+++\nJack refused tea.\n';
    expect(check(toml).map((x) => [x.text, x.start!.line])).toEqual([['refused', 4]]);
    // Only at the very top, and only when closed: elsewhere --- is a break or a heading underline.
    expect(check('Jack refused tea.\n\n---\nThe service user left.\n---\n').map((x) => x.text)).toEqual(['refused', 'service user']);
    // The fast path for plain Markdown steps aside for front matter, so both read it alike.
    for (const src of [md, toml]) expect(readMarkdown(src, 'x.md', true)).toEqual(readMarkdown(src, 'x.md', false));
  });

  it('gives a heading with inline code in it its whole title', () => {
    const md = '## Using `respite` care\n\nThe service user went out.\n';
    expect(markdown(md).sections.map((s) => s.title)).toEqual(['Using respite care']);
    expect(check(md).map((x) => [x.text, x.section])).toEqual([['service user', 'Using respite care']]);
  });
});

