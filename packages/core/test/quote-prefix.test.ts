/**
 * Replied-to email pasted into a note keeps its `> ` quote prefixes on every line
 * (readers/mask.ts maskQuotePrefixes): a phrase that wraps from one quoted line to the next must
 * still be found, with its offsets on the source as written, and the marks must not read as words.
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, maskQuotePrefixes, readers } from '../src/index.js';

const set = builtinRuleSet();
const found = (source: string) => analyse(readers.text(source), set).findings;

describe('email quote prefixes in plain text', () => {
  it('blanks "> " and ">> " at line starts, keeping the length', () => {
    const src = 'Thanks.\n> Hi Ana,\n>> > older text\n  > indented\na score > 3 stays';
    const masked = maskQuotePrefixes(src);
    expect(masked.length).toBe(src.length);
    expect(masked).toBe('Thanks.\n  Hi Ana,\n     older text\n    indented\na score > 3 stays');
  });

  it('finds a phrase wrapped across quoted lines, LF or CRLF, with exact offsets', () => {
    for (const eol of ['\n', '\r\n']) {
      const src = `On Monday, Dev wrote:${eol}> From next week the carers will visit the service${eol}> user twice a day, and Nell was non-${eol}>> compliant with her inhaler.${eol}`;
      const fs = found(src);
      const byRule = new Map(fs.map((f) => [f.ruleId, f]));
      const su = byRule.get('dehumanising/service-user');
      expect(su?.text).toBe(`service${eol}> user`);
      for (const f of fs) if (f.start && f.end) expect(src.slice(f.start.offset, f.end.offset)).toBe(f.text);
      expect(fs.some((f) => f.category === 'blaming' && f.text.startsWith(`non-${eol}>> compliant`))).toBe(true);
    }
  });

  it('reads a quoted line that is only ">" as a blank line between paragraphs', () => {
    const src = '> The visit went well and Omar made tea for everyone.\n>\n> Service\n> user reviews are on Friday.';
    const fs = found(src);
    // "Service user reviews" is its own paragraph; nothing runs across the quoted blank line.
    for (const f of fs) if (f.start && f.end) expect(src.slice(f.start.offset, f.end.offset)).toBe(f.text);
    expect(fs.filter((f) => f.ruleId === 'dehumanising/service-user').map((f) => f.start!.line)).toEqual([3]);
  });

  it('invents nothing from the marks in a clean quoted reply', () => {
    const src = 'Hi Jo,\n\nOn 4 May, Ruth wrote:\n> Ruth said she would like to keep her Friday swim\n> and asked for the minibus at ten.\n> Thanks\n';
    expect(found(src).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
