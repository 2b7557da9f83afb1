/** Words that markup splits: joinAcross() closes the gaps, textToSource() maps offsets back. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, builtinRuleSet, joinAcross, readers, spanToSource, textToSource } from '../src/index.js';

describe('joinAcross', () => {
  it('moves the rest of the word over the gap and puts the blanks after the word', () => {
    // Source "Sam re**fused** lunch." as a reader blanks it.
    const blanked = 'Sam re  fused   lunch.';
    const { text, moved } = joinAcross(blanked, [[6, 8]]);
    expect(text).toBe('Sam refused     lunch.');
    expect(spanToSource(moved, 4, 11)).toEqual([4, 13]);
    expect(textToSource(moved, 3)).toBe(3);
    expect(textToSource(moved, 16)).toBe(16);
  });

  it('joins a word split in several places, and keeps line breaks from the gaps', () => {
    const blanked = 'a b\n  c d';
    const { text, moved } = joinAcross(blanked, [[3, 6]]);
    expect(text).toBe('a bc\n   d');
    expect(spanToSource(moved, 2, 4)).toEqual([2, 7]);
    const twice = joinAcross('x re  fu  sed y', [
      [4, 6],
      [8, 10],
    ]);
    expect(twice.text).toBe('x refused     y');
    expect(spanToSource(twice.moved, 2, 9)).toEqual([2, 13]);
  });

  it('keeps every character and maps every joined character back to where it came from', () => {
    const piece = fc.stringMatching(/^[a-z]{1,5}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 4 }), fc.boolean()), { minLength: 1, maxLength: 12 }), (parts) => {
        // Pieces of words, each followed by a gap (joined or not) or by a real space.
        let blanked = '';
        const gaps: [number, number][] = [];
        for (const [word, gap, join] of parts) {
          blanked += word;
          if (join) gaps.push([blanked.length, blanked.length + gap]);
          blanked += ' '.repeat(gap);
        }
        const { text, moved } = joinAcross(blanked, gaps);
        expect(text).toHaveLength(blanked.length);
        expect([...text].sort().join('')).toBe([...blanked].sort().join(''));
        for (let i = 0; i < text.length; i++) if (text[i] !== ' ') expect(blanked[textToSource(moved, i)]).toBe(text[i]);
      }),
    );
  });
});

describe('findings in words that markup splits', () => {
  const rules = builtinRuleSet();
  it('Markdown emphasis inside a word: the word is found, and its offsets slice the source', () => {
    const source = 'Sam re**fused** lunch. The *service* user came. He was non-*compliant*.\n\nThe `x`refused case.\n';
    const r = analyse(readers.markdown(source, 'a.md'), rules);
    const found = r.findings.filter((f) => f.start).map((f) => [f.ruleId, f.text, f.message.split('”')[0]]);
    expect(found).toEqual([
      ['blaming/refuses', 're**fused', '“refused'],
      ['dehumanising/service-user', 'service* user', '“service user'],
      ['blaming/non-compliant', 'non-*compliant', '“non-compliant'],
      // Inline code shows its own text, so it is not part of the next word.
      ['blaming/refuses', 'refused', '“refused'],
    ]);
    for (const f of r.findings) if (f.start) expect(source.slice(f.start.offset, f.end!.offset)).toBe(f.text);
    expect(r.findings[0]!.sentence).toBe('Sam refused lunch.');
    expect(r.findings[0]!.start).toEqual({ line: 1, column: 5, offset: 4 });
  });

  it('Markdown character references and backslash escapes are read as the characters they show', () => {
    const source = 'Sam didn&rsquo;t engage with the plan.\n\nSam doesn\\\'t engage. He is wheelchair\\-bound. Sam ref&#117;sed tea &amp; cake.\n';
    const doc = readers.markdown(source, 'e.md');
    expect(doc.text.split('\n')[2]!.replace(/ +/g, ' ')).toBe("Sam doesn't engage. He is wheelchair-bound. Sam refused tea & cake.");
    const r = analyse(doc, rules);
    const found = r.findings.filter((f) => f.start).map((f) => [f.ruleId, f.text, f.start!.line, f.start!.column]);
    expect(found).toEqual([
      ['blaming/failed-to-engage', 'didn&rsquo;t engage', 1, 5],
      ['blaming/failed-to-engage', "doesn\\'t engage", 3, 5],
      ['deficit/wheelchair-bound', 'wheelchair\\-bound', 3, 28],
      ['blaming/refuses', 'ref&#117;sed', 3, 51],
    ]);
    for (const f of r.findings) if (f.start) expect(source.slice(f.start.offset, f.end!.offset)).toBe(f.text);
    expect(r.findings[0]!.sentence).toBe('Sam didn’t engage with the plan.');
    // At a word's start, or between words, there is nothing to join.
    expect(readers.markdown('\\*not emphasis\\* &copy; 2026\n').text).toBe(' *not emphasis*  ©      2026\n');
  });

  it('a soft hyphen (U+00AD, &shy;) shows nothing: the word it sits in is read whole, in text and Markdown', () => {
    for (const [reader, source] of [
      [readers.text, 'The ser\u00advice user went out. Sam re\u00adfused lunch.\n'],
      [readers.markdown, '# Sup\u00adport\n\nThe ser&shy;vice user went out. Sam re\u00ad**fused** lunch.\n'],
    ] as const) {
      const doc = reader(source, 'soft');
      expect(doc.text).toHaveLength(source.length);
      const r = analyse(doc, rules);
      const found = r.findings.filter((f) => f.start);
      expect(found.map((f) => f.ruleId)).toEqual(['dehumanising/service-user', 'blaming/refuses']);
      for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      expect(found[1]!.sentence).toBe('Sam refused lunch.');
      if (reader === readers.markdown) expect(doc.sections[0]!.title).toBe('Support');
    }
  });

  it('a hard line break or inline code between two pieces keeps them apart', () => {
    const doc = readers.markdown('ser\\\nvice, `code`user and *re*`x`fused, refused<sup>1</sup>[^1]\n\n[^1]: Note.\n', 'b.md');
    expect(doc.text.split('\n')[1]).toBe(`vice,       user and  re    fused, refused     1${' '.repeat(10)}`);
    expect(doc.moved).toBeUndefined();
    expect(doc.moved).toBeUndefined();
  });
});

describe('lines that end in a lone carriage return', () => {
  const rules = builtinRuleSet();
  it('count as lines, and part sentences and paragraphs, in plain text and Markdown', () => {
    for (const [reader, source] of [
      [readers.text, 'Sam was fine today\rThe service user refused lunch\r\rGood day overall\r'],
      [readers.markdown, '# Day\r\rSam was fine today\rThe service user refused lunch\r'],
    ] as const) {
      const r = analyse(reader(source, 'a'), rules);
      const f = r.findings.find((x) => x.ruleId === 'dehumanising/service-user')!;
      expect(source.slice(f.start!.offset, f.end!.offset)).toBe('service user');
      expect(f.start!.column).toBe(5);
      expect(f.start!.line).toBe(reader === readers.text ? 2 : 4);
      expect(f.sentence).toBe('The service user refused lunch');
    }
    // Windows line ends are one line end each, not two.
    const crlf = analyse(readers.text('Fine.\r\nThe service user ate.\r\n', 'b'), rules).findings[0]!;
    expect(crlf.start).toMatchObject({ line: 2, column: 5 });
  });
});
