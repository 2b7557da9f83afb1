/**
 * Misspellings of the rules' long words (src/rules/typos.ts): made one slip away, kept only when no
 * real word, found word by word, and the sentence read again spelt right — so terms, phrases and
 * regexes find them, and the protected terms and unless patterns read them as meant.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import nspell from 'nspell';
import british from 'dictionary-en-gb';
import american from 'dictionary-en';
import { analyse, builtinAllowList, builtinRules, builtinRuleSet, builtinTypos, compileRules } from '../src/index.js';
import { TYPO_MIN_LENGTH, TYPO_SHORT_LENGTH, furtherVariants, typoVariants, typosRecord } from '../src/rules/typos.js';

const set = builtinRuleSet();
const rules = builtinRules();

/** Findings other than person-name, as [ruleId, text] with the offsets checked. */
function found(text: string): [string, string][] {
  const r = analyse(text, set);
  return r.findings
    .filter((f) => f.ruleId !== 'privacy/person-name')
    .map((f) => {
      expect(text.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      return [f.ruleId, f.text];
    });
}

describe('typoVariants', () => {
  it('makes the common slips: a letter left out, neighbours swapped, a consonant doubled, one vowel for another', () => {
    const v = typoVariants('manipulative');
    expect(v).toContain('manipulatve'); // left out
    expect(v).toContain('manipluative'); // swapped
    expect(v).toContain('mannipulative'); // doubled
    expect(v).toContain('manipulitive'); // vowel
    expect(v).not.toContain('manipulative');
    expect(v.every((x) => x.startsWith('m'))).toBe(true); // the first letter is never changed
  });

  it('makes nothing for short words, phrases or words with other characters', () => {
    expect(typoVariants('refuses')).toEqual([]); // 7 letters
    expect(typoVariants('non-compliant')).toEqual([]);
    expect(typoVariants('service user')).toEqual([]);
    expect(TYPO_MIN_LENGTH).toBe(8);
  });
});

describe('furtherVariants', () => {
  it('makes, in long words, a key for its neighbour on the same row and a consonant for one that sounds like it', () => {
    const v = furtherVariants('agitated');
    expect(v).toContain('agitsted'); // a → s, the next key
    expect(v).not.toContain('agitqted'); // q is above a, on another row: not made
    expect(furtherVariants('defensive')).toContain('defencive'); // s → c
    expect(furtherVariants('schizophrenic')).toContain('schizophrenik'); // c → k
    expect(furtherVariants('restrained')).toContain('resteained'); // r → e, the next key
    // None of typoVariants' own, never the first letter.
    for (const w of ['agitated', 'defensive', 'restrained']) {
      const own = new Set(typoVariants(w));
      for (const x of furtherVariants(w)) {
        expect(own.has(x), x).toBe(false);
        expect(x[0]).toBe(w[0]);
      }
    }
  });

  it('makes, in words of six or seven letters, a letter left out (seven only) or neighbours swapped, never in the first two letters', () => {
    expect(furtherVariants('refused')).toEqual(expect.arrayContaining(['refsed', 'refusd', 'reufsed']));
    expect(furtherVariants('attempt')).toContain('atempt');
    expect(furtherVariants('client')).toEqual(expect.arrayContaining(['cleint', 'clinet', 'clietn']));
    expect(furtherVariants('client')).not.toContain('clent'); // six letters: nothing left out
    expect(furtherVariants('client')).not.toContain('lcient'); // the first two letters stay
    expect(furtherVariants('claims')).not.toContain('calims');
    expect(furtherVariants('needs')).toEqual([]); // under TYPO_SHORT_LENGTH
    expect(TYPO_SHORT_LENGTH).toBe(6);
    expect(furtherVariants('placing')).toContain('plasing'); // "c" for "s" in a short word too
  });

  it('spells by ear: "ci"/"ti" before a vowel as "sh", "ti" as "ci", the silent "e" kept before "-ing"', () => {
    expect(furtherVariants('confidential')).toEqual(expect.arrayContaining(['confidenshal', 'confidencial']));
    expect(furtherVariants('social')).toContain('soshal');
    expect(furtherVariants('managing')).toContain('manageing');
    expect(furtherVariants('running')).not.toContain('runneing'); // a doubled consonant: no "e" was dropped
  });
});

describe('the built-in rules\u2019 misspellings', () => {
  const typos = typosRecord(builtinTypos());
  const gb = nspell(british);
  const us = nspell(american);
  const listed = new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  const own = new Set<string>();
  for (const r of rules) {
    for (const p of [...(r.patterns ?? []), ...(r.unless ?? [])]) if ('terms' in p) for (const t of p.terms) for (const w of t.toLowerCase().split(/[^a-z]+/)) own.add(w);
    for (const forms of Object.values(r.expanded ?? {})) for (const f of forms) own.add(f.toLowerCase());
  }

  it('are no real word (British or American, or in a long word list), no rule\u2019s own word, and each stands for one word', () => {
    const seen = new Map<string, string>();
    let count = 0;
    for (const [word, slips] of Object.entries(typos)) {
      expect([...typoVariants(word), ...furtherVariants(word)]).toEqual(expect.arrayContaining([...slips]));
      for (const v of slips) {
        count++;
        expect(gb.correct(v) || us.correct(v) || listed.has(v), v).toBe(false);
        expect(own.has(v), v).toBe(false);
        expect(seen.get(v), v).toBeUndefined();
        seen.set(v, word);
      }
    }
    expect(count).toBeGreaterThan(20_000);
    // Real words one slip from a rule's word are never made: a bus stop "resited", "hemiplegic
    // migraine", a "bedrail", "unfindable".
    for (const w of ['resited', 'hemiplegic', 'tetraplegic', 'bedrail', 'unfindable', 'wonderer', 'maligner']) expect(seen.has(w), w).toBe(false);
    // The further slips are held to a stricter test: no word spelt with a capital either (a name or
    // a place), so "clent" (Clent) is no slip of "client".
    for (const [word, slips] of Object.entries(typos)) {
      const own = new Set(typoVariants(word));
      for (const v of slips) if (!own.has(v)) expect(gb.correct(v[0]!.toUpperCase() + v.slice(1)) || us.correct(v[0]!.toUpperCase() + v.slice(1)), v).toBe(false);
    }
    expect(typos['client']).toContain('cleint');
    expect(seen.has('clent')).toBe(false);
    // "-eing" only where the word with its "e" is a word: "manageing" (manage).
    expect(typos['managing']).toContain('manageing');
    for (const [word, slips] of Object.entries(typos)) for (const v of slips) if (v.endsWith('eing') && !word.endsWith('eing') && v.length === word.length + 1 && !typoVariants(word).includes(v)) expect(gb.correct(v.slice(0, -3)) || us.correct(v.slice(0, -3)) || listed.has(v.slice(0, -3)), v).toBe(true);
  });

  it('cover the long words of terms, phrases, inflections and regexes, and no protected word', () => {
    expect(typos['manipulative']).toContain('manipluative'); // a term
    expect(typos['wheelchair']).toContain('wheelchiar'); // a word of a phrase
    expect(typos['placement']).toContain('placment'); // a regex's `placements?`
    const protectedWords = new Set(builtinAllowList().flatMap((a) => a.toLowerCase().split(/[^a-z]+/)));
    for (const slips of Object.values(typos)) for (const v of slips) expect(protectedWords.has(v), v).toBe(false);
  });
});

describe('analysis of misspelt words', () => {
  it('reports a misspelling as its rule, with the words as written', () => {
    expect(found('Staff said Kai was manipluative at tea time.')).toEqual([['blaming/manipulative', 'manipluative']]);
    expect(found('He is vulnerble and gets very agressive when tired.')).toEqual([
      ['deficit/vulnerable', 'vulnerble'],
      ['blaming/aggressive', 'agressive'],
    ]);
    expect(found('AGRESSIVE OUTBURST REPORTED BY NIGHT STAFF')).toContainEqual(['blaming/aggressive', 'AGRESSIVE']);
  });

  it('finds a misspelt word inside a phrase or a regex match, with the words as written', () => {
    expect(found('He is wheelchiar bound since the fall.')).toContainEqual(['deficit/wheelchair-bound', 'wheelchiar bound']);
    expect(found('Her placment with the foster carers is going well.')).toContainEqual(['dehumanising/placement', 'Her placment with the']);
    // Two slips in one sentence, the second after the first has moved the offsets.
    expect(found('Kai is manipluative and his placment ended.')).toEqual([
      ['blaming/manipulative', 'manipluative'],
      ['dehumanising/placement', 'his placment ended'],
    ]);
  });

  it('reads the further slips: a neighbouring key, a consonant that sounds alike, a short word’s slip', () => {
    expect(found('Night staff said Ola was agitared and pacing.')).toContainEqual(['blaming/agitated', 'agitared']);
    expect(found('Ola became defemsive when asked about the bills.')).toContainEqual(['blaming/defensive', 'defemsive']);
    expect(found('Ola refusde her lunch and went to bed.')).toContainEqual(['blaming/refuses', 'refusde']);
    expect(found('My clietn has settled in well.')).toContainEqual(['dehumanising/client', 'clietn']);
    // Not a slip when it is a name or a place (a word with a capital in the dictionary), and the
    // context checks still apply: negation, a machine as the one refusing.
    expect(found('We walked up Clent Hill with Ola.')).toEqual([]);
    expect(found('Ola did not refusde anything today.')).toEqual([]);
    expect(found('Her bank card was refusde at the till.')).toEqual([]);
  });

  it('finds a match that looks ahead or behind at a misspelt word, which the first reading could not', () => {
    // not-eligible's "does not meet the" stops before "eligibility" (a lookahead), so the span never
    // holds the misspelt word.
    expect(found('Sam does not meet the eligibillity criteria for a sitter.')).toContainEqual(['gatekeeping/not-eligible', 'does not meet the']);
    // Found once, not again by the second reading.
    expect(found('Sam does not meet the eligibility criteria, the vulnerble man.').filter(([id]) => id === 'gatekeeping/not-eligible')).toHaveLength(1);
  });

  it('reads a lower-case "i" standing alone as "I"', () => {
    expect(found('i ordered her to go back to bed.')).toContainEqual(['control/instructed', 'i ordered her']);
    expect(found('i think she is doing well, i.e. eating and sleeping.')).toEqual([]);
  });

  it('reads only whole words: not inside a longer word, beside digits or letters beyond ASCII', () => {
    expect(found('Code manipluative2 and x_manipluative are not words.')).toEqual([]);
    expect(found('Ámanipluative is not a word either.')).toEqual([]);
  });

  it('reads a misspelling as the word it stands for: protected terms and unless patterns still apply', () => {
    // "diabetic retinopathy" is protected (rules/allow-list.yaml), misspelt or not.
    expect(found('She has diabettic retinopathy and sees the eye clinic.')).toEqual([]);
    expect(found('Tom has been a diabettic for years.')).toContainEqual(['dehumanising/diabetic', 'diabettic']);
    // dehumanising/schizophrenic's unless: "schizophrenic episode" describes an episode.
    expect(found('He had a schizophrenci episode in 2019.')).toEqual([]);
  });

  it('reads a protected phrase or an unless pattern as spelt right when the misspelt word is the other word of it', () => {
    // "customer services" cancels dehumanising/customer; the first reading found "customer", and the
    // sentence spelt right ("servcies" → "services") says it is the department.
    expect(found('She asked me to email customer servcies about the refund.')).toEqual([]);
    expect(found('She asked me to email the customer about the refund.')).toContainEqual(['dehumanising/customer', 'customer']);
  });

  it('suggests what the rule suggests for the word it stands for', () => {
    const f = analyse('Her brother is a schizophrenci and lives in a flat.', set).findings.find((x) => x.ruleId === 'dehumanising/schizophrenic');
    expect(f?.text).toBe('schizophrenci');
    expect(f?.suggestions).toEqual(['person with schizophrenia', 'has schizophrenia']);
    // A match the first reading found, in a sentence that also holds a misspelt word, keeps its
    // own words' suggestions.
    const g = analyse('Kai is a school refuser and very vulnerble.', set).findings.find((x) => x.ruleId === 'blaming/refuses');
    expect(g?.text).toBe('school refuser');
    expect(g?.suggestions?.[0]).toBe('is finding it very hard to come to school');
  });

  it('keeps the context checks: negation, quotes and who a sentence is about', () => {
    expect(found('There was no evidence that she was manipluative.')).toEqual([]);
    expect(found('Kai said: "I am not manipluative, I was scared."')).toEqual([]);
    expect(found('Her ex-partner was manipluative and took her bank card.')).toEqual([]);
  });

  it('honours switching a rule off; a rule set compiled without them reads none, one with them (as the CLI and server compile packs) does', () => {
    expect(analyse('Kai was manipluative.', set, { disable: ['blaming/manipulative'] }).findings.filter((f) => f.ruleId === 'blaming/manipulative')).toEqual([]);
    const plain = compileRules(rules, { validate: false });
    expect(analyse('Kai was manipluative.', plain).findings.filter((f) => f.ruleId === 'blaming/manipulative')).toEqual([]);
    const withTypos = compileRules(rules, { validate: false, typos: builtinTypos() });
    expect(analyse('Kai was manipluative.', withTypos).findings.map((f) => f.ruleId)).toContain('blaming/manipulative');
  });
});
