/** Required-literal extraction for rule regexes (the prefilter that keeps regex rules cheap). */
import { describe, expect, it } from 'vitest';
import { prefixLiterals, requiredLiterals } from '../src/patterns/regex-anchors.js';

describe('requiredLiterals', () => {
  it('finds the longest mandatory literal in a sequence', () => {
    expect(requiredLiterals('\\b(?:he|she|they) (?:is|was) (?:very )?challenging\\b')).toEqual(['challenging']);
  });
  it('unions the branches of an alternation', () => {
    expect(requiredLiterals('\\b(?:agitated|agitating) (?:for|against)\\b')?.sort()).toEqual(['agitated', 'agitating']);
  });
  it('continues a literal across zero-width assertions and case pairs', () => {
    expect(requiredLiterals('\\b[Cc]laims\\b that')).toEqual(['claims that']);
  });
  it('uses quantified groups only when they must occur', () => {
    expect(requiredLiterals('\\b(?:very )?rude')).toEqual(['rude']);
    expect(requiredLiterals('(?:very )?rude')).toBeNull(); // could be inside "prude"
    expect(requiredLiterals('\\b(?:abscond)+ed')).toEqual(['abscond']);
  });
  it('returns null when nothing long enough is required', () => {
    expect(requiredLiterals('\\b[A-Z][a-z]+ \\d+\\b')).toBeNull();
    expect(requiredLiterals('\\b(?:he|it) (?:is|was)\\b')).toBeNull();
    expect(requiredLiterals('(?:foo|\\d+)bar?')).toBeNull();
  });
  it('returns null for an unparsable source instead of throwing', () => {
    expect(requiredLiterals('(')).toBeNull();
  });
  it('never claims a literal a real match lacks (property over samples)', () => {
    const cases: [string, string[]][] = [
      ['\\b(?:is|was) not (?:allowed|permitted) to\\b', ['She is not allowed to go out.', 'He was not permitted to smoke.']],
      ['\\bkick(?:s|ed|ing)? off\\b', ['He kicked off at tea.', 'She kicks off most nights.']],
      ['\\b(?:a|an) (?:early )?drop ?-?out\\b', ['She is a dropout.', 'an early drop-out']],
    ];
    for (const [src, samples] of cases) {
      const req = requiredLiterals(src);
      const re = new RegExp(src, 'i');
      for (const s of samples) {
        const m = re.exec(s);
        expect(m, `${src} should match ${s}`).not.toBeNull();
        if (req) expect(req.some((lit) => m![0].toLowerCase().includes(lit)), `${src}: ${req} in ${m![0]}`).toBe(true);
      }
    }
  });
});

describe('requiredLiterals: only literals that start a word', () => {
  it('drops a literal that may start inside a word', () => {
    expect(requiredLiterals('[a-z]+ing to school')).toEqual(['to school']);
    expect(requiredLiterals('claims that')).toEqual(['that']);
  });
  it('keeps a word after an optional group that ends in a space', () => {
    expect(requiredLiterals('\\b(?:a|an) (?:early )?dropout\\b')).toEqual(['dropout']);
  });
  it('treats a literal after \\b or a space as a word start', () => {
    expect(requiredLiterals('\\bkick(?:s|ed)? off')).toEqual(['kick']);
    expect(requiredLiterals('x\\s+refused')).toEqual(['refused']);
  });
});

describe('requiredLiterals: positive lookaheads', () => {
  it('uses a word a positive lookahead requires (the engine runs a regex on one sentence at a time)', () => {
    expect(requiredLiterals('\\b(?:is|are)\\s+not\\s+an?(?=\\s+eligible\\s+needs?\\b)')).toEqual(['eligible']);
    expect(requiredLiterals('\\b(?:he|she)\\s+did\\s+not(?=[^.]{0,40}\\b(?:appointment|clinic)\\b)')).toEqual(['appointment', 'clinic']);
  });
  it('ignores negative lookaheads, and a lookahead word that starts mid-word', () => {
    expect(requiredLiterals('\\bfoo(?!\\s+barbaz)')).toEqual(['foo']);
    expect(requiredLiterals('\\bcare(?=giver)')).toEqual(['care']);
  });
  it('keeps the prefixes when they are the required words the regex consumes (tried only there)', () => {
    expect(requiredLiterals('\\b(?:overspend|overspent)\\b(?=.{0,20}\\bbudgetary\\b)')).toEqual(['overspend', 'overspent']);
  });
  it('finds a match in every sentence it marks (lookahead words on samples)', () => {
    const src = '\\b(?:is|are)\\s+not\\s+an?(?=\\s+eligible\\s+needs?\\b)';
    const re = new RegExp(src, 'i');
    for (const s of ['Her care is not an eligible need.', 'These are not a eligible needs.']) {
      expect(re.test(s)).toBe(true);
      expect(requiredLiterals(src)!.some((l) => s.toLowerCase().includes(l))).toBe(true);
    }
  });
});

describe('requiredLiterals on the built-in rules', () => {
  /** Is one of `literals` at a word start (not after [A-Za-z0-9_]) in `text`? */
  function anchored(text: string, literals: string[]): boolean {
    const lower = text.toLowerCase();
    for (const a of literals) {
      let i = lower.indexOf(a);
      while (i >= 0) {
        if (i === 0 || !/[A-Za-z0-9_]/.test(text[i - 1]!)) return true;
        i = lower.indexOf(a, i + 1);
      }
    }
    return false;
  }

  it('never skips a regex on a text it matches (every regex of every rule, every example)', async () => {
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const set = builtinRuleSet();
    const texts = set.rules.flatMap((r) => [...r.data.examples.flag, ...r.data.examples.pass]);
    let checked = 0;
    for (const rule of set.rules) {
      for (const re of rule.regexes) {
        const literals = requiredLiterals(re.source, re.flags);
        if (!literals) continue;
        for (const t of texts) {
          re.lastIndex = 0;
          if (re.test(t)) {
            checked++;
            expect(anchored(t, literals), `${rule.id} ${re.source} on: ${t}`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('prefixLiterals', () => {
  it('finds the literals every match begins with, after a word boundary', () => {
    expect(prefixLiterals('\\b(?:agitated|agitating) (?:for|against)\\b')?.sort()).toEqual(['agitated', 'agitating']);
    expect(prefixLiterals('\\b[Cc]laims?\\b that')).toEqual(['claim']);
    expect(prefixLiterals('\\bdid not attend\\b|\\bDNA\\b')?.sort()).toEqual(['did not attend', 'dna']);
  });
  it('refuses a regex whose match may begin mid-word or without a literal', () => {
    expect(prefixLiterals('cheap|\\bexpensive\\b')).toBeNull(); // "cheap" may follow a letter
    expect(prefixLiterals('\\b(?:very )?rude')).toBeNull(); // optional first word
    expect(prefixLiterals('\\b[A-Z][a-z]+ said')).toBeNull();
    expect(prefixLiterals('\\b(?:he|it) is', 'i', 3)).toBeNull(); // shorter than the minimum
    expect(prefixLiterals('(')).toBeNull();
  });
  it('every match found by a global search starts where a prefix begins (samples)', () => {
    const cases: [string, string][] = [
      ['\\b(?:refused|refuses) (?:to )?(?:eat|wash)\\b', 'He refused to eat. She refuses wash. Refused eat.'],
      ['\\b[Ss]ervice [Uu]sers?\\b', 'Service users and the service user were seen.'],
    ];
    for (const [source, text] of cases) {
      const prefixes = prefixLiterals(source)!;
      expect(prefixes).not.toBeNull();
      for (const m of text.matchAll(new RegExp(source, 'gi'))) {
        expect(prefixes.some((p) => text.slice(m.index).toLowerCase().startsWith(p))).toBe(true);
      }
    }
  });
});

describe('literals computed at build time', () => {
  it('equal what the parser computes for every built-in rule regex', async () => {
    // This test file imports regex-anchors.ts alone, so nothing is primed here: fresh results.
    const { default: bundle } = await import('../generated/builtin-rules.js');
    const entries = Object.entries(bundle.literals ?? {});
    expect(entries.length).toBeGreaterThan(200);
    for (const [key, [required, prefix]] of entries) {
      const slash = key.indexOf('/');
      const flags = key.slice(0, slash);
      const source = key.slice(slash + 1);
      expect(requiredLiterals(source, flags), key).toEqual(required);
      expect(prefixLiterals(source, flags), key).toEqual(prefix);
    }
  });
});
