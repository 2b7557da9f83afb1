/**
 * Property tests: for arbitrary Unicode input (emoji, combining marks, CRLF, very long lines,
 * stray quote marks, Markdown syntax) analyse() with the built-in rules never throws, and every
 * finding's offsets slice exactly to its text, with line/column agreeing with the offset.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse } from '../src/analyse.js';
import { builtinRuleSet } from '../src/rules/builtin.js';
import { markdown } from '../src/readers/markdown.js';
import { text as readText } from '../src/readers/text.js';
import type { DocumentResult } from '../src/types.js';

const set = builtinRuleSet();

/** Words that trigger rules and context checks, mixed with hostile characters. */
const pieces = fc.constantFrom(
  'refused', 'refuses ', 'service user', 'Jack ', 'did not ', 'no evidence of ', '"', "'", '“', '”', '‘', '’', '«', '»',
  ' ', '  ', '\n', '\r\n', '\n\n', '\t', '.', '. ', '!', '?', '…', ',', ':', ';', '—', '-', 'e.g. ', 'Mr. ', '10.30am ',
  '£1.50 ', '😀', '👩🏽‍🦽', 'é', 'e\u0301', '\u0000', '\uFEFF', '\u200B', '\u2028', '# ', '- ', '* ', '**', '_', '`', '```',
  '> ', '| a | b |\n|---|---|\n', '[link](https://example.org) ', '<!-- sourdough-disable -->', '<!-- sourdough-enable blaming -->',
  'In her words: ', 'He said ', 'I ', 'my ', 'the council ', 'card ', 'Carer’s Allowance ', '999 456 7896 ', 'QQ 12 34 56 A ',
  '07700 900123 ', 'someone@example.org ', '\uD800', '\uDC00',
);
const docText = fc.oneof(
  fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
);

function checkInvariants(source: string, r: DocumentResult): void {
  const lines = source.split('\n');
  for (const f of r.findings) {
    if (!f.start || !f.end) continue;
    expect(source.slice(f.start.offset, f.end.offset)).toBe(f.text);
    expect(f.end.offset).toBeGreaterThan(f.start.offset);
    const line = lines[f.start.line - 1]!;
    expect(line.slice(f.start.column - 1, f.start.column - 1 + Math.min(f.text!.length, line.length - f.start.column + 1))).toBe(f.text!.slice(0, line.length - f.start.column + 1));
  }
  expect(r.stats.findings).toBe(r.findings.length);
}

describe('analyse() on arbitrary input', () => {
  it('plain text: never throws, offsets slice exactly', () => {
    fc.assert(
      fc.property(docText, fc.boolean(), (s, includeQuotes) => {
        checkInvariants(s, analyse(readText(s), set, { includeQuotes }));
      }),
      { numRuns: 400 },
    );
  });

  it('markdown: never throws, offsets slice exactly', () => {
    fc.assert(
      fc.property(docText, (s) => {
        checkInvariants(s, analyse(markdown(s), set));
      }),
      { numRuns: 300 },
    );
  });

  it('a very long single line (200k characters) with many matches', () => {
    const s = 'Jack refused his tea and the "service user" was agitated, e.g. at 10.30am 😀 '.repeat(2700);
    const r = analyse(s, set);
    checkInvariants(s, r);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('findings are sorted by offset then rule id', () => {
    fc.assert(
      fc.property(docText, (s) => {
        const f = analyse(s, set).findings.filter((x) => x.start);
        for (let i = 1; i < f.length; i++) {
          const a = f[i - 1]!;
          const b = f[i]!;
          expect(a.start!.offset < b.start!.offset || (a.start!.offset === b.start!.offset && a.ruleId <= b.ruleId)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
