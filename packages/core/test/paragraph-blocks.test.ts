/** paragraphBlocks(): plain text's paragraphs, split at lines that are empty or white space only. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paragraphBlocks } from '../src/readers/text.js';

/** The definition, as a RegExp: a line feed, then blank characters up to the next line feed or the end. */
function reference(source: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  const blank = /\n[ \t\f\v\r\u00a0]*(?=\n|$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(source))) {
    if (m.index > start) blocks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < source.length) blocks.push({ start, end: source.length });
  if (blocks.length === 0) blocks.push({ start: 0, end: source.length });
  return blocks;
}

describe('paragraphBlocks', () => {
  it('splits at blank lines, including ones holding only white space', () => {
    // (A paragraph after a blank line starts at that line's own line feed, as it always has.)
    const src = 'One.\nStill one.\n\nTwo.\n \t\nThree.\r\n\r\nFour.';
    expect(paragraphBlocks(src).map((b) => src.slice(b.start, b.end))).toEqual(['One.\nStill one.', '\nTwo.', '\nThree.\r', '\nFour.']);
    expect(paragraphBlocks('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('agrees with the RegExp definition on generated text', () => {
    const piece = fc.constantFrom('\n', '\n\n', ' ', '\t', '\r', '\r\n', '\u00a0', 'a', 'bc', '\f', '\v', 'x\n \n', '\n \t\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(paragraphBlocks(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});
