/**
 * The regex prefilter (context/regex-anchors.ts): anchors are read conservatively, and a regex
 * that matches a text always has one of its anchors at a word start in that text — checked on
 * every example of every built-in rule.
 */
import { describe, expect, it } from 'vitest';
import { regexAnchors } from '../../src/context/regex-anchors.js';
import { builtinRuleSet } from '../../src/rules/builtin.js';

/** Is one of `anchors` at a word start (letter/digit not after [A-Za-z0-9_]) in `text`? */
function anchored(text: string, anchors: string[]): boolean {
  const lower = text.toLowerCase();
  for (const a of anchors) {
    let i = lower.indexOf(a);
    while (i >= 0) {
      if (i === 0 || !/[A-Za-z0-9_]/.test(text[i - 1]!)) return true;
      i = lower.indexOf(a, i + 1);
    }
  }
  return false;
}

describe('regexAnchors', () => {
  it.each([
    [/\bclaim(?:s|ed|ing)? (?:that|to be)\b/gi, ['claim']],
    [/\b(?:refused|declined|turned)\s+by\b/gi, ['refused', 'declined', 'turned']],
    [/\b(?:a|an) drop ?-?out\b/gi, ['drop']],
    [/\b(?:a|an) (?:early |late )?drop ?-?out\b/gi, ['drop']],
    [/\b(?:[Hh]e|[Ss]he) (?:[Mm]ust|should)\b/g, ['must', 'should']],
    [/\bDNA(?:ed)? the\b|\bmissed appointments?\b/g, ['dna', 'appointment']],
    [/\bpolicy\s+is\s+not/gi, ['policy']],
  ])('%s → %j', (re, expected) => {
    expect(regexAnchors(re)!.sort()).toEqual([...expected].sort());
  });

  it.each([
    /\bSUs?\b/g, // too short to be selective
    /[A-Z][a-z]+ must\b|\bx/g, // one branch without a usable anchor
    /(?<![a-z])word/gi, // no word-start marker
    /\p{L}+ing/gu,
    /(?:^|\n)[ \t]*Race(?=[ \t]*:)/g,
    /\b(?:a|an) (?:early|late)? ?drop ?-?out\b/gi, // an optional item that does not end in a space: unsure where the word starts
  ])('no anchors (always runs): %s', (re) => {
    expect(regexAnchors(re)).toBeUndefined();
  });

  it('never skips a regex on a text it matches (all built-in rules, all examples)', () => {
    const set = builtinRuleSet();
    const texts = set.rules.flatMap((r) => [...r.data.examples.flag, ...r.data.examples.pass]);
    let checked = 0;
    for (const rule of set.rules) {
      for (const re of rule.regexes) {
        const anchors = regexAnchors(re);
        if (!anchors) continue;
        for (const t of texts) {
          re.lastIndex = 0;
          if (re.test(t)) {
            checked++;
            expect(anchored(t, anchors), `${rule.id} ${re.source} on: ${t}`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
