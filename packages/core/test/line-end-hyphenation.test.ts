/**
 * Text pasted from a PDF or a justified Word document keeps the hyphens that broke words at line
 * ends ("chal-↵lenging", "res-↵pite"). A phrase written as one word is still found across such a
 * break (scan.ts, unbroken()), with the finding's text and offsets on the source as written; a
 * compound hyphenated at a line end ("attention-↵seeking") matched already and still does.
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, readers } from '../src/index.js';

const set = builtinRuleSet();
const found = (source: string, md = false) => analyse(md ? readers.markdown(source) : readers.text(source), set).findings.filter((f) => f.start);

function exact(source: string, fs: ReturnType<typeof found>): void {
  for (const f of fs) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
}

describe('words broken by end-of-line hyphenation', () => {
  it.each([
    ['Tariq spent a weekend in re-\nspite at Oak Lodge last month.', 'jargon/respite', 're-\nspite'],
    ['Tariq spent a weekend in resp-\r\n    ite at Oak Lodge.', 'jargon/respite', 'resp-\r\n    ite'],
    ['Staff wrote about her challen-\nging behaviour at the day centre.', 'blaming/challenging-behaviour', 'challen-\nging behaviour'],
    ['Night staff say Ben is very manipu-\nlative about his bedtime.', 'blaming/manipulative', 'manipu-\nlative'],
  ])('finds %j', (src, ruleId, text) => {
    const fs = found(src);
    exact(src, fs);
    expect(fs.filter((f) => f.ruleId === ruleId).map((f) => f.text)).toEqual([text]);
  });

  it('finds one across a break inside blanked email quote marks and in Markdown', () => {
    const mail = 'On Friday, Sam wrote:\n> Next week Tariq goes to re-\n> spite again.';
    expect(found(mail).filter((f) => f.ruleId === 'jargon/respite').map((f) => f.text)).toEqual(['re-\n> spite']);
    const md = '# Notes\n\nTariq goes to re-\nspite on Fridays.\n';
    const fs = found(md, true);
    exact(md, fs);
    expect(fs.map((f) => f.ruleId)).toContain('jargon/respite');
  });

  it('joins only a lower-case word going on after a letter and a hyphen at the line end', () => {
    // A capital after the break, a dash after a space, and a blank line do not join.
    for (const src of ['Tariq chose Re-\nSpite Close as the street name for his model town.', 'Weekend plans -\nrespite is not wanted.', 'Tariq went to re-\n\nspite nothing.']) {
      const fs = found(src).filter((f) => f.ruleId === 'jargon/respite');
      exact(src, fs);
      if (src.startsWith('Weekend')) expect(fs.map((f) => f.text)).toEqual(['respite']);
      else expect(fs).toEqual([]);
    }
  });

  it('still matches a compound hyphenated at a line end, as before', () => {
    const src = 'Jo was described as attention-\nseeking and non-\ncompliant with her tablets.';
    const fs = found(src);
    exact(src, fs);
    expect(fs.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['blaming/attention-seeking', 'blaming/non-compliant']));
  });
});
