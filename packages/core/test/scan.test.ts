/**
 * scanDocument(): the one word-start pass that finds phrases, protected terms and where each
 * regex must run. Test-only rules.
 */
import { describe, expect, it } from 'vitest';
import { ANCHOR_KEY, anchorKeys, scanDocument, keyOf } from '../src/scan.js';
import { analyse, sentencesOf } from '../src/analyse.js';
import { text as readText } from '../src/readers/text.js';
import { testRule, testSet } from './context/test-rules.js';

const set = testSet(
  [
    testRule('dehumanising/t-service-user', ['service user']),
    testRule('gatekeeping/t-sum', ['£30 a week']),
    testRule('blaming/t-refused', ['refused']),
    testRule('blaming/t-claims', ['x'], { patterns: [{ regex: '\\bclaim(?:s|ed)? (?:that|to)\\b' }], examples: { flag: ['claims that'], pass: ['x'] } }),
    testRule('blaming/t-refused-food', ['x'], { patterns: [{ regex: '\\b(?:he|she) (?:has )?refused (?:food|meals)\\b' }], examples: { flag: ['he refused food'], pass: ['x'] } }),
    testRule('jargon/t-asd', ['x'], { patterns: [{ regex: '\\bASD\\b' }], examples: { flag: ['ASD'], pass: ['x'] } }),
    testRule('jargon/t-ld', ['x'], { patterns: [{ regex: '\\bLD\\b' }], examples: { flag: ['LD'], pass: ['x'] } }),
    testRule('jargon/t-code', ['x'], { patterns: [{ regex: '[0-9]{2}[A-Z]' }], examples: { flag: ['12B'], pass: ['x'] } }),
  ],
  ['Service User Forum'],
);
const all = set.rules.map(() => true);

function scan(source: string) {
  const doc = readText(source);
  const sentences = sentencesOf(doc);
  return { result: scanDocument(set, doc.text, sentences, all), sentences, source };
}

/** The phrase matches as [rule id, matched text]. */
function phrases(source: string): [string, string][] {
  const { result } = scan(source);
  const out: [string, string][] = [];
  for (let k = 0; k < result.phrases.length; k += 3) out.push([set.rules[result.phrases[k]!]!.id, source.slice(result.phrases[k + 1], result.phrases[k + 2])]);
  return out;
}

describe('keyOf', () => {
  it('folds case, skips spaces and hyphens, straightens apostrophes, keeps other marks', () => {
    expect(keyOf('Service-User')).toBe('serviceuser');
    expect(keyOf('service user', 6)).toBe('servic');
    expect(keyOf('won’t')).toBe("won't");
    expect(keyOf('e.g.')).toBe('e.g.');
    expect(keyOf('£30 a week', Infinity)).toBe('£30aweek');
  });

  it('folds ASCII text (its fast path) exactly as it folds any other, whatever the limit', async () => {
    const fc = (await import('fast-check')).default;
    // The fold character by character, as keyOf did for every text before its ASCII path.
    const slow = (phrase: string, max = Infinity): string => {
      let key = '';
      for (let i = 0; i < phrase.length && key.length < max; i++) {
        const ch = phrase.charCodeAt(i);
        if (ch === 45 || ch === 32 || (ch >= 9 && ch <= 13) || ch === 0x2010 || ch === 0x2011 || /\s/.test(phrase[i]!)) continue;
        if (ch === 0x2019) key += "'";
        else if (ch < 128 || (ch >= 0xc0 && ch <= 0x24f)) key += phrase[i]!.toLowerCase();
        else key += phrase[i]!;
      }
      return key;
    };
    const unit = fc.oneof(fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u00a0', '’', '‐', 'É', 'ß', 'İ', '£', 'Σ', '\u2003'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 20 })), (text, max) => {
        expect(keyOf(text, max)).toBe(slow(text, max));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('anchorKeys', () => {
  it('cuts each literal\'s key to its first ANCHOR_KEY characters and keeps each cut key once', () => {
    expect(ANCHOR_KEY).toBe(12);
    expect(anchorKeys(['chooses to live in squalor', 'chooses to live in filth', 'chooses-to-live in such conditions'])).toEqual(['choosestoliv']);
    expect(anchorKeys(['his wife', 'his-wife', 'His  Wife'])).toEqual(['hiswife']);
    expect(anchorKeys(['won’t engage with', "won't engage"])).toEqual(["won'tengage"]);
  });

  it('leaves out a key that another of them begins, whatever the order', () => {
    expect(anchorKeys(['rudely', 'very rude', 'rude'])).toEqual(['rude', 'veryrude']);
    expect(anchorKeys(['abcd', 'abc', 'abd', 'a-b'])).toEqual(['ab']);
    expect(anchorKeys(['abcd', 'abc', 'abd'])).toEqual(['abc', 'abd']);
  });

  it('keeps every place a literal begins: each literal\'s key begins with one of the cut keys', async () => {
    const fc = (await import('fast-check')).default;
    const word = fc.stringMatching(/^[a-z']{1,7}$/);
    const literal = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 20 }), (literals) => {
        const keys = anchorKeys(literals);
        for (const l of literals) expect(keys.some((k) => keyOf(l).startsWith(k))).toBe(true);
        for (const k of keys) expect(k.length).toBeLessThanOrEqual(ANCHOR_KEY);
        for (const k of keys) expect(keys.filter((o) => k.startsWith(o))).toEqual([k]);
      }),
      { numRuns: 300 },
    );
  });

  it('runs a regex with a long literal where its cut key begins, and finds only its own matches', () => {
    const live = testSet([
      testRule('blaming/t-squalor', ['x'], { patterns: [{ regex: '\\bchooses to live in (?:squalor|filth)\\b' }], examples: { flag: ['chooses to live in squalor'], pass: ['x'] } }),
    ]);
    const source = 'Ada chooses to live in filth. Bo chooses to live in a flat. Cy chooses to stay.';
    const doc = readText(source);
    const sentences = sentencesOf(doc);
    const result = scanDocument(live, doc.text, sentences, [true]);
    // "choosestoliv": the first two sentences (the second has no match, and the regex finds none).
    expect(result.triggered[0]).toEqual([0, source.indexOf('chooses'), 1, source.indexOf('chooses to live in a')]);
    expect(analyse(doc, live).findings.map((f) => f.text)).toEqual(['chooses to live in filth']);
  });
});

describe('scanDocument', () => {
  it('finds phrases with any spacing or hyphenation, whole words only', () => {
    expect(phrases('The service-user and the Service  User left.')).toEqual([
      ['dehumanising/t-service-user', 'service-user'],
      ['dehumanising/t-service-user', 'Service  User'],
    ]);
    expect(phrases('The nonservice user left.')).toEqual([]);
  });

  it('finds phrases hard-wrapped across a line break, with indentation or a hyphen at the line end', () => {
    const wrapped = testSet([testRule('deficit/t-wheelchair-bound', ['wheelchair-bound']), testRule('blaming/t-attention-seeking', ['attention-seeking'])]);
    const source = 'Sam is wheelchair\n  bound. Staff say Sam is attention-\nseeking at night. Also wheelchair-\r\n\tbound.';
    const { findings } = analyse(readText(source), wrapped);
    expect(findings.map((f) => [f.ruleId, f.text])).toEqual([
      ['deficit/t-wheelchair-bound', 'wheelchair\n  bound'],
      ['blaming/t-attention-seeking', 'attention-\nseeking'],
      ['deficit/t-wheelchair-bound', 'wheelchair-\r\n\tbound'],
    ]);
    for (const f of findings) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    // The message names the match as it reads, on one line.
    expect(findings.map((f) => f.message)).toEqual(['“wheelchair bound” test message.', '“attention-seeking” test message.', '“wheelchair-bound” test message.']);
    // The finding's sentence reads the hyphenated word whole too.
    expect(findings[1]!.sentence).toBe('Staff say Sam is attention-seeking at night.');
    expect(findings[2]!.sentence).toBe('Also wheelchair-bound.');
    // Never across a blank line (a paragraph break).
    expect(analyse(readText('Sam uses a wheelchair-\n\nbound volumes are on the shelf.'), wrapped).findings).toEqual([]);
  });

  it('matches a plain word only as a whole word, in any case', () => {
    expect(phrases('SERVICE USER, Service user; refused.')).toEqual([
      ['dehumanising/t-service-user', 'SERVICE USER'],
      ['dehumanising/t-service-user', 'Service user'],
      ['blaming/t-refused', 'refused'],
    ]);
    expect(phrases('Refused-ish, unrefused, refusedx, re-fused, ref used, Refused')).toEqual([['blaming/t-refused', 'Refused']]);
  });

  it('finds keys of one character, of two, and longer, whatever the first two characters are', () => {
    // "x" is a one-letter key (its first letter is walked from the root as usual); "ab" ends at the
    // second letter; "refused" and "ab test" go on from there; "co op" has a space or hyphen second
    // after "co"; "£5" starts with a symbol.
    const keys = testSet([
      testRule('jargon/t-x', ['x']),
      testRule('jargon/t-ab', ['ab']),
      testRule('jargon/t-ab-test', ['ab test']),
      testRule('blaming/t-refused-2', ['refused']),
      testRule('jargon/t-co-op', ['co op']),
      testRule('gatekeeping/t-five', ['£5']),
    ]);
    const source = 'x refused. Xx ab, AB-test. co-op, co op, coop; £5 and abx, xab.';
    const doc = readText(source);
    const r = scanDocument(keys, doc.text, sentencesOf(doc), keys.rules.map(() => true));
    const found: string[] = [];
    for (let k = 0; k < r.phrases.length; k += 3) found.push(`${keys.rules[r.phrases[k]!]!.id} ${source.slice(r.phrases[k + 1], r.phrases[k + 2])}`);
    expect(found).toEqual([
      'jargon/t-x x',
      'blaming/t-refused-2 refused',
      'jargon/t-ab ab',
      'jargon/t-ab-test AB-test', // not "AB" alone: a hyphen continues the word
      'jargon/t-co-op co-op',
      'jargon/t-co-op co op',
      'gatekeeping/t-five £5',
    ]);
  });

  it('finds phrases that begin with a symbol', () => {
    expect(phrases('An extra £30 a week.')).toEqual([['gatekeeping/t-sum', '£30 a week']]);
  });

  it('records protected spans as (start, end) pairs', () => {
    const source = 'She chairs the Service User Forum.';
    const { result } = scan(source);
    expect(result.allow).toEqual([15, 33]);
    expect(source.slice(15, 33)).toBe('Service User Forum');
  });

  it('marks the sentences holding a regex anchor, once each', () => {
    const source = 'He claims that he is fine and claims to cook. All well. She claimed to drive.';
    const { result, sentences } = scan(source);
    const id = result.regexes.findIndex((r) => set.rules[r.rule]!.id === 'blaming/t-claims');
    const where = result.triggered[id];
    // Prefix regex: (sentence, offset) pairs where "claim" begins.
    expect(result.regexes[id]!.sticky).toBeDefined();
    expect(where).toEqual([0, 3, 0, 30, 2, 60]);
    expect(sentences[2]!.text).toContain('claimed');
  });

  it('tries a regex whose literals are too short to filter sentences only where its prefix begins', () => {
    // "LD" is shorter than a required word may be, but it is the prefix of every match.
    const source = 'LD team. Oldham and the ldap server. No LDs. Fine.';
    const { result } = scan(source);
    const id = result.regexes.findIndex((r) => set.rules[r.rule]!.id === 'jargon/t-ld');
    expect(result.regexes[id]!.sticky).toBeDefined();
    // Word starts beginning "ld" in any case (the sticky regex checks case and the boundary).
    expect(result.triggered[id]).toEqual([0, 0, 1, 24, 2, 40]);
    const { findings } = analyse(readText(source), set);
    expect(findings.filter((f) => f.ruleId === 'jargon/t-ld').map((f) => f.start!.offset)).toEqual([0]);
  });

  it('finds a phrase with "n\'t" written without its apostrophe, as hurried notes spell it', () => {
    const engage = testSet([testRule('blaming/t-engage', ["doesn't engage", 'won’t eat'])], []);
    const source = 'Sam doesnt engage. Sam doesn’t engage. Ravi wont eat. Ravi won\'t eat. Sam doesn engage.';
    const { findings } = analyse(readText(source), engage);
    expect(findings.map((f) => f.text)).toEqual(['doesnt engage', 'doesn’t engage', 'wont eat', "won't eat"]);
    for (const f of findings) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('uses sentence indices when the anchor is not the prefix', () => {
    const source = 'All good. He refused meals today.';
    const { result } = scan(source);
    const id = result.regexes.findIndex((r) => set.rules[r.rule]!.id === 'blaming/t-refused-food');
    expect(result.regexes[id]!.sticky).toBeUndefined();
    expect(result.triggered[id]).toEqual([1]);
  });

  it('leaves regexes whose anchors are absent untriggered, and skips inactive rules', () => {
    const { result } = scan('Nothing to see here.');
    // Only the regex with no literal at all (not even a prefix) runs everywhere.
    expect(result.triggered.map((t, id) => (t ? set.rules[result.regexes[id]!.rule]!.id : t)).filter(Boolean)).toEqual(['jargon/t-code']);
    expect(result.triggered.filter(Boolean)).toEqual(['all']);
    const doc = readText('He claims that.');
    const none = scanDocument(set, doc.text, sentencesOf(doc), set.rules.map(() => false));
    expect(none.triggered.filter((t) => t !== undefined && t !== 'all')).toEqual([]);
    expect(none.phrases).toEqual([]);
  });

  it('finds an anchor of several words across any run of white space between them, however long', () => {
    // The regex reads its sentence flat (one space for each run), so the scan must find "for his own
    // good" however far apart its words stand; a phrase keeps its reach of four times its key.
    const own = testSet([
      testRule('control/t-own-good', ['x'], { patterns: [{ regex: '\\bfor (?:his|her) own (?:good|safety)\\b' }], examples: { flag: ['for his own good'], pass: ['x'] } }),
    ]);
    const source = `It was for his${' '.repeat(400)}own good. Then for\t her \u00a0 own safety. For his own goods.`;
    const doc = readText(source);
    const sentences = sentencesOf(doc);
    const result = scanDocument(own, doc.text, sentences, [true]);
    expect(result.regexes[0]!.sticky).toBeDefined();
    expect(result.triggered[0]).toEqual([0, 7, 1, source.indexOf('for\t'), sentences.length - 1, source.indexOf('For his')]);
    const found = analyse(doc, own).findings.map((f) => f.start!.offset);
    expect(found).toEqual([7, source.indexOf('for\t')]);
  });

  it('looks for regex anchors only at \\b word starts', () => {
    const { result } = scan('Reclaims that. ASD team. CASD team. x_ASD.');
    const claims = result.regexes.findIndex((r) => set.rules[r.rule]!.id === 'blaming/t-claims');
    const asd = result.regexes.findIndex((r) => set.rules[r.rule]!.id === 'jargon/t-asd');
    expect(result.triggered[claims]).toBeUndefined();
    expect(result.triggered[asd]).toEqual([1, 15]);
  });
});

describe('the scan’s digits', () => {
  it('notes every ASCII digit, as digitOffsets finds them, wherever it stands in a word', async () => {
    const fc = (await import('fast-check')).default;
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const { digitOffsets } = await import('../src/search.js');
    const builtin = builtinRuleSet();
    const active = builtin.rules.map(() => true);
    const piece = fc.constantFrom('0', '7', '42', 'a1', 'B12', '1st', '10.30am', '£30', '5p', 'SW1A 1AA', 'x_9', '-3', '٣', 'é4', ' ', '.', '\n', 'told', 'Jack', 'à', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const doc = readText(parts.join(''));
        const result = scanDocument(builtin, doc.text, sentencesOf(doc), active);
        expect(result.digits).toEqual(digitOffsets(doc.text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('detector searches', () => {
  it('notes every word start where a detector search regex can begin, and skips to them', async () => {
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const { skipperFor } = await import('../src/scan.js');
    const builtin = builtinRuleSet();
    const trigger = builtin.rules.find((r) => r.detector?.meta.name === 'need-vs-want')!.detector!.meta.trigger!;
    const source = 'She wants a lifestyle change; unwanted needs. NEEDS review.';
    const doc = readText(source);
    const result = scanDocument(builtin, doc.text, sentencesOf(doc), builtin.rules.map(() => true));
    expect(result.searches.get(trigger)).toEqual([4, 12, 39, 46]);
    const skip = skipperFor(result, trigger);
    expect([skip(source, 0), skip(source, 5), skip(source, 13), skip(source, 46), skip(source, 47)]).toEqual([4, 12, 39, 46, -1]);
    // A regex the scan was not told about: no skipping.
    expect(skipperFor(result, /x/g)(source, 7)).toBe(7);
  });

  it('knows where every built-in detector trigger and search can begin', async () => {
    // Without positions a trigger is run over the whole text, and one that fails where it was
    // pointed searches on to the end (cheapest-option's did until its alternatives all began at \b).
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const builtin = builtinRuleSet();
    const doc = readText('Jack said he wants the cheapest option.');
    const result = scanDocument(builtin, doc.text, sentencesOf(doc), builtin.rules.map(() => true));
    const missing = builtin.rules.flatMap((r) => {
      const meta = r.detector?.meta;
      return meta ? [meta.trigger, ...(meta.searches ?? [])].filter((re): re is RegExp => !!re && !result.searches.has(re)).map((re) => `${meta.name}: ${re.source.slice(0, 40)}`) : [];
    });
    expect(missing).toEqual([]);
    // Their prefixes were worked out when the bundle was built, so start-up need not parse them.
    const bundle = (await import('../generated/builtin-rules.js')).default;
    const unprimed = builtin.rules.flatMap((r) => {
      const meta = r.detector?.meta;
      return meta ? [meta.trigger, ...(meta.searches ?? [])].filter((re): re is RegExp => !!re && !bundle.literals?.[`${re.flags}/${re.source}`]).map((re) => `${meta.name}: ${re.source.slice(0, 40)}`) : [];
    });
    expect(unprimed).toEqual([]);
  });
});

describe('section patterns', () => {
  it('notes where a `scope: section` unless pattern’s required words begin, so a section without one is not searched', async () => {
    const { builtinRuleSet } = await import('../src/rules/builtin.js');
    const builtin = builtinRuleSet();
    const legal = builtin.rules.find((r) => r.id === 'control/restrictions')!.unless.find((u) => u.scope === 'section')!.regex!;
    const source = 'Staff keep the door locked. The DoLS authorisation covers it; a best interests meeting agreed.';
    const doc = readText(source);
    const result = scanDocument(builtin, doc.text, sentencesOf(doc), builtin.rules.map(() => true));
    expect(result.sectionSearches.get(legal)).toEqual([source.indexOf('DoLS'), source.indexOf('best')]);
    // The five control rules citing legal-basis share one list.
    const lists = new Set(builtin.rules.flatMap((r) => r.unless.filter((u) => u.scope === 'section' && u.regex?.source === legal.source).map((u) => result.sectionSearches.get(u.regex!))));
    expect(lists.size).toBe(1);
    const none = readText('Staff keep the door locked at night.');
    expect(scanDocument(builtin, none.text, sentencesOf(none), builtin.rules.map(() => true)).sectionSearches.get(legal)).toEqual([]);
    // The required words were worked out when the bundle was built.
    const bundle = (await import('../generated/builtin-rules.js')).default;
    const unprimed = builtin.rules.flatMap((r) => r.unless.filter((u) => u.scope === 'section').map((u) => (u.phrases ?? u.regex)!).filter((re) => !bundle.literals?.[`${re.flags}/${re.source}`]).map((re) => `${r.id}: ${re.source.slice(0, 40)}`));
    expect(unprimed).toEqual([]);
  });

  it('cancels in a section holding the pattern, and only there', () => {
    const rule = testRule('control/t-locked', ['door locked'], { unless: [{ regex: '\\b(?<!\\bno )(?:DoLS|best interests? decision)\\b', scope: 'section' }] });
    const local = testSet([rule]);
    const ids = (source: string) => analyse(readText(source), local).findings.map((f) => f.text);
    expect(ids('Staff keep the door locked. A DoLS covers it.')).toEqual([]);
    expect(ids('Staff keep the door locked. There is no DoLS.')).toEqual(['door locked']);
    expect(ids('Staff keep the door locked.')).toEqual(['door locked']);
    // Sections: the plain-text heading lines part the note.
    expect(ids('Night\n\nStaff keep the door locked.\n\nDay\n\nA best interests decision covers the garden gate.')).toEqual(['door locked']);
    expect(ids('Night\n\nStaff keep the door locked. A best interests decision covers it.\n\nDay\n\nShe walks to the shop.')).toEqual([]);
  });
});
