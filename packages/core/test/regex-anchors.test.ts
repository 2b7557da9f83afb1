/** Required-literal extraction for rule regexes (the prefilter that keeps regex rules cheap). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prefixLiterals, requiredLiterals } from '../src/patterns/regex-anchors.js';
import { keyOf } from '../src/scan.js';

/**
 * Where the scan finds `literal` in `t`: the offsets of `t`, at a word start (not after
 * [A-Za-z0-9_]), from which the text read as a key (letters lower-cased, white space and hyphens
 * skipped, curly apostrophes straight) begins with the literal's key. A literal of two words
 * ("his wife") is found across any run of white space between them, as the scan's walk reads it.
 */
function keyStarts(t: string, literal: string): number[] {
  const key = keyOf(literal);
  const folded: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const k = keyOf(t[i]!);
    for (const c of k) {
      folded.push(c);
      at.push(i);
    }
  }
  const f = folded.join('');
  const out: number[] = [];
  for (let j = f.indexOf(key); j >= 0 && key; j = f.indexOf(key, j + 1)) {
    const i = at[j]!;
    if (i === 0 || !/[A-Za-z0-9_]/.test(t[i - 1]!)) out.push(i);
  }
  return out;
}

describe('requiredLiterals', () => {
  it('finds the longest mandatory literal in a sequence', () => {
    expect(requiredLiterals('\\b(?:he|she|they) (?:is|was) (?:very )?challenging\\b')).toEqual(['challenging']);
  });
  it('unions the branches of an alternation', () => {
    expect(requiredLiterals('\\b(?:agitated|agitating) [a-z]+\\b')?.sort()).toEqual(['agitated', 'agitating']);
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
    expect(requiredLiterals('\\b(?:he|it) [a-z]+\\b')).toBeNull();
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

describe('requiredLiterals: words joined into one literal', () => {
  it('reads a run of white space inside a literal as one space, and a group of literals as its strings', () => {
    expect(requiredLiterals('\\bthis\\s+(?:writer|worker)\\b')).toEqual(['this writer', 'this worker']);
    expect(prefixLiterals('\\bthis\\s+(?:writer|worker)\\b')).toEqual(['this writer', 'this worker']);
    expect(requiredLiterals('\\bfor (?:his|her) own[\\s-]+good\\b')).toEqual(['for his own good', 'for her own good']);
  });
  it('ends a literal at an optional part, and leaves out one that holds another at a word start', () => {
    expect(prefixLiterals('\\bclaims? that')).toEqual(['claim']);
    expect(requiredLiterals('\\b(?:very |)rude')).toEqual(['rude']);
  });
  it('starts again from the last word read when a group would make too many strings', () => {
    // 9 × 8 strings is more than a literal set may hold; "be agreed" … is rarer than "agreed".
    const src = "\\b(?:cannot|could not|will not|would not|won't|can't|is not able to|are not able to|can not)\\s+be\\s+(?:agreed|approved|authorised|authorized|sanctioned|signed off|supported|justified)\\b";
    expect(requiredLiterals(src)).toEqual(['be agreed', 'be approved', 'be authorised', 'be authorized', 'be sanctioned', 'be signed off', 'be supported', 'be justified']);
  });
  it('joins a literal to the beginnings of a group that is not all literal, when every branch has one', () => {
    const src = '\\b(?:staff|we) (?:have )?(?:told|warned) (?:him|her|(?:Mr|Ms) [A-Z][a-z]+) to\\b';
    expect(requiredLiterals(src)).toEqual(['told him', 'told her', 'told mr', 'told ms', 'warned him', 'warned her', 'warned mr', 'warned ms']);
    // Into a group that begins its branch, as far as that group's own beginnings go.
    expect(requiredLiterals('\\bheld (?:by (?:two|[0-9]) staff|down)')).toEqual(['held by', 'held down']);
    // Not when a branch begins with a class, or the group may be skipped.
    expect(requiredLiterals('\\bcalmly told (?:him|[A-Z][a-z]+) to\\b')).toEqual(['calmly told']);
    expect(requiredLiterals('\\bcalmly told (?:him|her [a-z]+)? to\\b')).toEqual(['calmly told']);
  });
  it('joins a literal to what a positive lookahead after it reads', () => {
    expect(requiredLiterals('\\b(?:he|she) (?:is|was) (?:very )?difficult(?= ?[.,]| with)')).toEqual(['difficult.', 'difficult,', 'difficult .', 'difficult ,', 'difficult with']);
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
    expect(requiredLiterals('\\b(?:is|are)\\s+\\w+\\s+not\\s+an?(?=\\s+eligible\\s+needs?\\b)')).toEqual(['eligible need']);
    expect(requiredLiterals('\\b(?:he|she)\\s+\\w+\\s+not(?=[^.]{0,40}\\b(?:appointment|clinic)\\b)')).toEqual(['appointment', 'clinic']);
  });
  it('prefers the words the regex consumes when they are its prefixes (tried sticky only where they begin)', () => {
    // (Before words were joined across white space, these had no usable prefix: "is", "are".)
    expect(requiredLiterals('\\b(?:is|are)\\s+not\\s+an?(?=\\s+eligible\\s+needs?\\b)')).toEqual(['is not a', 'are not a']);
    expect(prefixLiterals('\\b(?:is|are)\\s+not\\s+an?(?=\\s+eligible\\s+needs?\\b)')).toEqual(['is not a', 'are not a']);
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

describe('requiredLiterals: a literal after an optional ending', () => {
  it('does not take a word start after a group whose optional separator may leave a letter last', () => {
    // (found by the property test below: "aaab'" matches, with "ab'" inside a word)
    const src = "\\b(?:[a']{0,2}['’]?|['’])ab['’]";
    expect(new RegExp(src).exec("aaab'")?.[0]).toBe("aaab'");
    expect(requiredLiterals(src)).toBeNull();
    expect(requiredLiterals("\\b(?:ab['’]?|['’])cd['’]")).toBeNull();
    expect(requiredLiterals("\\b(?:very |)rude")).toEqual(['rude']);
  });
});

describe('requiredLiterals: a regex that opens with a look-behind', () => {
  const src = '\\b(?=stop|ban)(?<=\\b(?:staff|we) )(?:stop|stopped|ban|banned) (?:him|her) (?:from )?(?:going|leaving)\\b';
  it('is anchored by its prefixes, so it is tried only where they begin, not over each sentence holding a rarer word', () => {
    const joined = ['stop him', 'stop her', 'stopped him', 'stopped her', 'ban him', 'ban her', 'banned him', 'banned her'];
    expect(requiredLiterals(src)).toEqual(joined);
    expect(prefixLiterals(src)).toEqual(joined);
  });
  it('keeps the rarer word when its prefixes are too short to be required words, or it opens without a boundary', () => {
    expect(requiredLiterals('\\b(?<=\\bstaff )(?:be|go) [a-z]+ (?:going|leaving)\\b')).toEqual(['going', 'leaving']);
    expect(requiredLiterals('(?=stop)(?<=\\bstaff )stop [a-z]+ (?:going|leaving)\\b')).toEqual(['going', 'leaving']);
  });
  it('leaves regexes without a leading look-behind alone', () => {
    expect(requiredLiterals('\\b(?:stop|ban) [a-z]+ (?:from )?(?:going|leaving)\\b')).toEqual(['going', 'leaving']);
  });
  it('finds every match at one of the prefixes, at a word start', () => {
    const re = new RegExp(src, 'gi');
    for (const s of ['Staff stopped him going out.', 'We ban her from leaving.', 'Staff banned her leaving; we stop him going.']) {
      const found = [...s.matchAll(re)];
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(['stop', 'ban'].some((p) => s.slice(m.index).toLowerCase().startsWith(p)) && !/\w/.test(s[m.index - 1] ?? '')).toBe(true);
    }
  });
});

describe('requiredLiterals on the built-in rules', () => {
  /** Does the scan find one of `literals` in `text` (at a word start, read as a key)? */
  function anchored(text: string, literals: string[]): boolean {
    return literals.some((a) => keyStarts(text, a).length > 0);
  }

  it('anchors the costliest control regexes on rare words, or tries them only where their verbs begin', async () => {
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const set = builtinRuleSet();
    const anchors = (id: string, needle: string): [string[] | null, string[] | null] => {
      const re = set.rules.find((r) => r.id === id)!.regexes.find((x) => x.source.includes(needle))!;
      return [requiredLiterals(re.source, re.flags), prefixLiterals(re.source, re.flags)];
    };
    // Not every sentence holding "has", "to be" or "told" (the short word is spelt with the next).
    expect(anchors('control/must', 'to) (?:engage|comply|')[0]).toEqual(['needs to', 'has to', 'will need to', 'will have to']);
    // Words joined across spaces and small groups: "has to be home", not every "has to be".
    expect(anchors('control/must', ' (?:in|back|home|up|in bed|')[0]).toContain('has to be home');
    expect(anchors('control/must', ' (?:in|back|home|up|in bed|')[0]).not.toContain('has to be');
    expect(anchors('control/instructed', '(?:expect|anticipate')[0]).toContain('was told not to');
    // "staff told him to …": "told him", "told her" …, not every "told" ("Lena told me …").
    expect(anchors('control/instructed', '(?:told|tell|tells|warned|warn|warns) (?:him|')[0]).toEqual(expect.arrayContaining(['told him', 'told them', 'told mr', 'warned her']));
    expect(anchors('control/instructed', '(?:told|tell|tells|warned|warn|warns) (?:him|')[0]).not.toContain('told');
    // Its prefixes too, so it is tried only where "was told by" and the like begin.
    expect(anchors('control/instructed', 'by) (?:staff|')).toEqual([expect.arrayContaining(['was told by', 'has been ordered by']), expect.arrayContaining(['was told by', 'has been ordered by'])]);
    expect(anchors('control/instructed', 'by) (?:staff|')[0]).toEqual(anchors('control/instructed', 'by) (?:staff|')[1]);
    // voice/writer-third-person: "this worker", not every sentence holding "worker" ("a support worker").
    expect(anchors('voice/writer-third-person', 'undersigned')[0]).toContain('this worker');
    expect(anchors('voice/writer-third-person', 'undersigned')[0]).not.toContain('worker');
    expect(anchors('control/own-good', 'own')[0]).toContain('for her own good');
    // "staff stopped him from …": its verbs are both its required words and its prefixes (tried
    // sticky where they begin), not "going", "having", "using" … further in.
    const [req, pre] = anchors('control/restrictions', '(?<=');
    expect(req).toEqual(pre);
    expect(req).toContain('kept');
    expect(req).not.toContain('going');
  });

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
    expect(prefixLiterals('\\b(?:agitated|agitating) [a-z]+\\b')?.sort()).toEqual(['agitated', 'agitating']);
    expect(prefixLiterals('\\b(?:agitated|agitating) (?:for|against)\\b')?.sort()).toEqual(['agitated against', 'agitated for', 'agitating against', 'agitating for']);
    expect(prefixLiterals('\\b[Cc]laims?\\b that')).toEqual(['claim']);
    expect(prefixLiterals('\\bdid not attend\\b|\\bDNA\\b')?.sort()).toEqual(['did not attend', 'dna']);
  });
  it('refuses a regex whose match may begin mid-word or without a literal', () => {
    expect(prefixLiterals('cheap|\\bexpensive\\b')).toBeNull(); // "cheap" may follow a letter
    expect(prefixLiterals('\\b(?:very )?rude')).toBeNull(); // optional first word
    expect(prefixLiterals('\\b[A-Z][a-z]+ said')).toBeNull();
    expect(prefixLiterals('\\b(?:he|it) [a-z]+', 'i', 3)).toBeNull(); // shorter than the minimum
    expect(prefixLiterals('\\b(?:he|it) is', 'i', 3)).toEqual(['he is', 'it is']); // one literal across the space
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

describe('small classes and separator classes', () => {
  it('reads a class of separators as a separator, and a small class as alternatives', () => {
    // blaming/scare-quotes' name branch: no word is required, but "s" after the apostrophe starts one.
    expect(requiredLiterals(`(?<![\\w])[A-Z][a-z]+['’]s [“‘"'][a-z]+[”’"']`, 'g')?.sort()).toEqual(['s "', "s '", 's ‘', 's “']);
    expect(requiredLiterals("[a-z]+['’]ll never")).toEqual(['ll never']);
    expect(requiredLiterals('\\bgr[ae]y area')?.sort()).toEqual(['gray area', 'grey area']);
  });
  it('leaves mixed, negated, large and range classes alone', () => {
    expect(requiredLiterals("[a-z]+[a']ll never")).toEqual(['never']);
    expect(requiredLiterals("[a-z]+[^']ll never")).toEqual(['never']);
    expect(requiredLiterals("[a-z]+['’\"“‘]ll never")).toEqual(['never']);
    expect(requiredLiterals('\\bgr[a-e]y area')).toEqual(['area']);
  });
  it('finds prefixes through a small class, and through an optional character while still too short', () => {
    expect(prefixLiterals('\\bS\\/?Us?\\b', 'g')?.sort()).toEqual(['s/u', 'su']);
    expect(prefixLiterals("\\bcan['’]t\\b")?.sort()).toEqual(["can't", 'can’t']);
    expect(prefixLiterals('\\bclaims? that')).toEqual(['claim']); // long enough already: not "claim that", "claims that"
    // A group one of whose paths consumes a space before the word: the match may begin at the
    // space, where no word starts, so there is no prefix (found by the property test below).
    expect(prefixLiterals('\\b(?:\\b| \\b)(?:ab)+  ', 'g')).toBeNull();
    expect(prefixLiterals('\\b(?:|x)(?:ab)+', 'g')).toBeNull();
    expect(prefixLiterals('\\b(?:he|she) said', 'g')?.sort()).toEqual(['he said', 'she said']);
  });
});

describe('required and prefix literals are sound on generated regexes (property)', () => {
  // Regexes built from words, separators, small and large classes, optional parts, groups and
  // assertions. Each piece knows strings it matches, so every regex comes with texts that mostly
  // match it (a sample between random pieces of text).
  type Piece = { source: string; samples: string[] };
  const words = ['ab', 'cab', 'he', 's', 'x', 'Ae', 'S', 'bad'];
  const seps = [' ', "'", '’', '"', '“', '‘', '-', '.', '/'];
  const classes: Piece[] = [
    { source: "['’]", samples: ["'", '’'] },
    { source: '[“‘"\']', samples: ['“', '‘', '"', "'"] },
    { source: '[ae]', samples: ['a', 'e'] },
    { source: '[Ss]', samples: ['S', 's'] },
    { source: "[a']", samples: ['a', "'"] },
    { source: "['s]", samples: ["'", 's'] },
    { source: '[-/]', samples: ['-', '/'] },
    { source: '[a-z]', samples: ['a', 's', 'x'] },
    { source: '[A-Z]', samples: ['A', 'S'] },
    { source: '\\w', samples: ['a', 'S', '_', '1'] },
    { source: '\\s', samples: [' ', '\t', '\n', '\u00a0'] },
    { source: '[\\s-]', samples: [' ', '-', '\n'] },
    { source: '(?:he|she)', samples: ['he', 'she'] },
    { source: '(?:ab |cab|x)', samples: ['ab ', 'cab', 'x'] },
    { source: "(?:'s|s|)", samples: ["'s", 's', ''] },
  ];
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    fc.constantFrom(...words).map((w) => ({ source: w, samples: [w] })),
    fc.constantFrom(...seps).map((c) => ({ source: /[.\/]/.test(c) ? `\\${c}` : c, samples: [c] })),
    { arbitrary: fc.constantFrom(...classes), weight: 3 },
    fc.constant<Piece>({ source: '\\b', samples: [''] }),
  );
  const quantified = fc.tuple(piece, fc.constantFrom('', '', '', '?', '+', '{0,2}', '*')).map(([p, q]): Piece => {
    if (!q || p.source === '\\b') return p;
    const source = /^[a-zA-Z]{2,}$/.test(p.source) ? `(?:${p.source})${q}` : `${p.source}${q}`;
    const one = p.samples;
    const samples = q === '+' ? [...one, ...one.map((x) => x + x)] : [...(q === '?' || q === '*' || q === '{0,2}' ? [''] : []), ...one, ...(q === '?' ? [] : one.map((x) => x + x))];
    return { source, samples };
  });
  /** A sequence of pieces: its samples are one sample of each, chosen by `pick`. */
  const sequence = fc.array(quantified, { minLength: 1, maxLength: 6 });
  const alternation = fc.array(sequence, { minLength: 1, maxLength: 3 });
  const regex = fc.record({
    open: fc.constantFrom('', '\\b', '(?<![\\w])', '^'),
    body: fc.array(alternation, { minLength: 1, maxLength: 4 }),
    close: fc.constantFrom('', '\\b', '(?=[a-z]+ bad)', '(?= ?bad|[.,])'),
    flags: fc.constantFrom('g', 'gi'),
  });
  const noise = fc.array(fc.constantFrom(...words, ...seps, 'e', 'u', 'U'), { maxLength: 4 }).map((t) => t.join(''));

  /** Does the scan find `literal` at a word start inside [from, to) of `t` (see keyStarts)? */
  const atWordStart = (t: string, from: number, to: number, literal: string): boolean => keyStarts(t.slice(0, to), literal).some((i) => i >= from);

  it('every match holds a required literal at a word start, and begins with a prefix at a word start', () => {
    let matched = 0;
    fc.assert(
      fc.property(regex, fc.array(fc.tuple(noise, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), noise), { minLength: 1, maxLength: 6 }), (r, texts) => {
        const alt = (seqs: Piece[][]): string => (seqs.length === 1 ? seqs[0]!.map((p) => p.source).join('') : `(?:${seqs.map((q) => q.map((p) => p.source).join('')).join('|')})`);
        const source = `${r.open}${r.body.map(alt).join('')}${r.close}`;
        let re: RegExp;
        try {
          re = new RegExp(source, r.flags);
        } catch {
          return;
        }
        const required = requiredLiterals(source, r.flags);
        const prefixes = prefixLiterals(source, r.flags);
        for (const [before, picks, after] of texts) {
          let k = 0;
          const pick = <T,>(list: T[]): T => list[picks[k++ % picks.length]! % list.length]!;
          const sample = r.body.map((seqs) => pick(seqs).map((p) => pick(p.samples)).join('')).join('');
          const t = `${before}${sample}${r.close === '(?=[a-z]+ bad)' ? 'ab bad' : r.close.startsWith('(?=') ? ' bad' : ''}${after}`;
          for (const m of t.matchAll(re)) {
            if (m[0].length === 0) continue;
            matched++;
            const end = m.index + m[0].length;
            // A positive lookahead's literals lie in the text after the match (the same sentence).
            if (required) expect(required.some((l) => atWordStart(t, m.index, r.close.startsWith('(?=') ? t.length : end, l)), `${source} /${r.flags} on ${JSON.stringify(t)}: ${JSON.stringify(required)}`).toBe(true);
            if (prefixes) expect(prefixes.some((p) => keyStarts(t.slice(0, end), p).includes(m.index)), `${source} /${r.flags} on ${JSON.stringify(t)}: ${JSON.stringify(prefixes)}`).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(3000);
  });
});

describe('one parse serves both questions', () => {
  it('gives each regex its own answers whatever order they are asked in', () => {
    // The same source with and without `u` parses differently ("\p{L}" is a class, or "p{L}").
    const cases: [string, string][] = [
      ['\\bp{L}ease\\b', 'g'],
      ['\\bp{L}ease\\b', 'gu'],
      ['\\b(?:service user|client)s?\\b', 'gi'],
      ['\\bhard[ -]to[ -]reach\\b', 'gi'],
      ['(', 'g'],
    ];
    const fresh = cases.map(([source, flags]) => [requiredLiterals(source, flags), prefixLiterals(source, flags)]);
    expect(fresh[0]![1]).toEqual(['p{l}ease']);
    expect(fresh[1]![1]).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(cases.length - 1), fc.boolean()), { maxLength: 30 }), (asks) => {
        for (const [i, prefix] of asks) {
          const [source, flags] = cases[i]!;
          expect(prefix ? prefixLiterals(source, flags) : requiredLiterals(source, flags)).toEqual(fresh[i]![prefix ? 1 : 0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
