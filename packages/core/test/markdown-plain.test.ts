/**
 * The fast path for plain Markdown (readers/markdown-plain.ts) must give exactly the document the
 * micromark parse gives, and must step aside for anything it does not handle. Checked on fixed
 * cases and on many generated documents built from plan-like lines and the constructs that must
 * send it back to the parser.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readMarkdown } from '../src/readers/markdown.js';
import { readPlainMarkdown } from '../src/readers/markdown-plain.js';

function same(source: string): void {
  const fast = readMarkdown(source, 'x.md', true);
  const slow = readMarkdown(source, 'x.md', false);
  expect(fast, JSON.stringify(source)).toEqual(slow);
}

describe('readPlainMarkdown', () => {
  it('reads headings, paragraphs and list items', () => {
    const src = '# Plan\n\n## About me\n\nJack likes tea.\nHe walks daily.\n\n- Swimming on Mondays\n1. Church on Sundays\n';
    const p = readPlainMarkdown(src)!;
    expect(p).not.toBeNull();
    expect(p.headings.map((h) => [h.depth, h.title])).toEqual([[1, 'Plan'], [2, 'About me']]);
    expect(p.blocks.map((b) => src.slice(b.start, b.end))).toEqual(['# Plan', '## About me', 'Jack likes tea.\nHe walks daily.', 'Swimming on Mondays', 'Church on Sundays']);
    expect(p.keep.map(([a, b]) => src.slice(a, b))).toEqual(['Plan', 'About me', 'Jack likes tea.\nHe walks daily.', 'Swimming on Mondays', 'Church on Sundays']);
  });

  it.each([
    ['emphasis', 'He is *very* kind.'],
    ['code', 'Use `x` here.'],
    ['links', 'See [this](https://example.org/).'],
    ['HTML and comments', '<!-- sourdough-disable -->\nText.'],
    ['block quotes', '> quoted'],
    ['tables', '| a | b |'],
    ['indentation', '    code'],
    ['tabs', 'a\tb'],
    ['CRLF', 'a\r\nb'],
    ['trailing spaces', 'line  \nbreak'],
    ['lazy continuation', '- item\ncontinued'],
    ['an item after text', 'Text\n- item'],
    ['setext headings', 'Title\n====='],
    ['thematic breaks', 'Text\n\n---'],
    ['closing hashes', '## Title ##'],
    ['hashtags', '#tag'],
    ['entities', 'Fish &amp; chips'],
    ['escapes', 'a \\* b'],
    ['nested items', '- - x'],
    ['an empty item', '1.'],
  ])('steps aside for %s', (_name, src) => {
    expect(readPlainMarkdown(src)).toBeNull();
  });
});

describe('markdown(): the fast path gives what the parser gives', () => {
  it.each([
    '',
    '\n\n',
    'One line',
    '# Heading',
    '# Heading\nText right after.',
    'Text\n# Heading straight after',
    '- a\n- b\n\n- c',
    '1. one\n2) two',
    '###### Six\n####### Seven',
    'Para one.\n\nPara two.\nSame para.\n',
    '- item\n\nText after a list.',
    '1. First\n\n10. Tenth',
    'Ends without newline',
    '# Title\n\n\n\n- x',
    '-    four spaces after the marker',
    '-     five spaces after the marker',
    '10.30am visit, then 2.15pm call.\n11) noted',
    'Mrs Patel’s café — “quoted” words… £30 a week.',
  ])('%j', (src) => same(src));

  it('on generated plan-like documents', () => {
    const word = fc.constantFrom('Jack', 'likes', 'tea', 'refused', 'care', 'service', 'user', '£30', 'a', 'week', 'café', '10.30am', 'e.g.', 'Mr', 'Byrne’s', '(note)', 'it’s', 'well-being', '2', 'x.', '#', '-', '+', '1.', '1)', '=', '!', '"', 'http://example.org', 'www.example.org');
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    const line = fc.oneof(
      { weight: 5, arbitrary: text },
      { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([d, t]) => `${'#'.repeat(d)} ${t}`) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '+ ', '1. ', '2) ', '-  ', '3.    ', '-     '), text).map(([m, t]) => m + t) },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('---', '===', '   indented', 'trailing ', '*em*', '`c`', '> q', '<b>', '- # h', '-', '1.', '#') },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), (lines, endNl) => {
        same(lines.join('\n') + (endNl ? '\n' : ''));
      }),
      { numRuns: 3000 },
    );
  });
});
