/**
 * The web page's pure helpers (public/highlight.js), in Node: highlight spans from finding
 * offsets (overlaps, document-level findings, offsets outside the text), which suggestions may
 * replace a phrase, case fitting, guarded replacement, keys for dismissing. Synthetic text only.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

interface F {
  ruleId: string;
  category: string;
  severity: string;
  text?: string;
  sentence?: string;
  start?: { offset: number };
  end?: { offset: number };
}
interface Segment {
  start: number;
  end: number;
  text: string;
  findings: F[];
}
interface HighlightModule {
  CATEGORIES: { id: string; letter: string; line: string }[];
  segments(text: string, findings: F[]): Segment[];
  isReplacement(s: string): boolean;
  replacementsFor(phrase: string, suggestions: readonly string[], sentence?: string): string[];
  fitCase(original: string, s: string, sentence?: string): string;
  replaceAt(text: string, start: number, end: number, expected: string, replacement: string): string | null;
  findingKey(f: F): string;
  sortFindings(fs: F[]): F[];
  countBy(fs: F[], field: 'category' | 'severity'): Record<string, number>;
}

// A plain browser module (no types), loaded by URL so the type checker does not need a declaration.
const hl = (await import(new URL('../../public/highlight.js', import.meta.url).href)) as HighlightModule;

function at(text: string, phrase: string, category = 'blaming', severity = 'warning', from = 0): F {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`${phrase} is not in the text`);
  return { ruleId: `${category}/x`, category, severity, text: phrase, start: { offset: start }, end: { offset: start + phrase.length } };
}

describe('segments', () => {
  const text = 'Amira refused lunch. The service user in flat 2 asked about the bus pass.';

  it('splits the text into plain and highlighted pieces that join back to the text', () => {
    const fs = [at(text, 'refused'), at(text, 'service user', 'dehumanising')];
    const segs = hl.segments(text, fs);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.findings.length).map((s) => [s.text, s.findings[0]!.category])).toEqual([
      ['refused', 'blaming'],
      ['service user', 'dehumanising'],
    ]);
  });

  it('gives overlapping findings one highlight, most serious first', () => {
    const a = at(text, 'service user', 'dehumanising', 'warning');
    const b = at(text, 'user in flat', 'privacy', 'error');
    const c = at(text, 'service user', 'jargon', 'info');
    const segs = hl.segments(text, [c, a, b]).filter((s) => s.findings.length);
    expect(segs).toHaveLength(1);
    expect(segs[0]!.text).toBe('service user in flat');
    expect(segs[0]!.findings.map((f) => f.category)).toEqual(['privacy', 'dehumanising', 'jargon']);
  });

  it('leaves out document-level findings and offsets outside the text', () => {
    const doc: F = { ruleId: 'voice/x', category: 'voice', severity: 'info' };
    const outside: F = { ...at(text, 'refused'), start: { offset: text.length }, end: { offset: text.length + 3 } };
    expect(hl.segments(text, [doc, outside])).toEqual([{ start: 0, end: text.length, text, findings: [] }]);
  });

  it('keeps UTF-16 offsets: text with emoji and curly quotes before the finding', () => {
    const t = 'Said “no” 👍 then refused it.';
    const segs = hl.segments(t, [at(t, 'refused')]);
    expect(segs.find((s) => s.findings.length)!.text).toBe('refused');
  });

  it('always covers the whole text exactly once, for any spans', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.nat(70), fc.nat(20)), { maxLength: 8 }), (t, spans) => {
        const fs = spans.map(([s, len]) => ({ ruleId: 'a/b', category: 'jargon', severity: 'info', start: { offset: s }, end: { offset: s + len } }));
        const segs = hl.segments(t, fs);
        expect(segs.map((s) => s.text).join('')).toBe(t);
        for (const s of segs) expect(t.slice(s.start, s.end)).toBe(s.text);
        const inside = fs.filter((f) => f.end.offset <= t.length && f.end.offset > f.start.offset);
        expect(segs.flatMap((s) => s.findings)).toHaveLength(inside.length);
      }),
    );
  });
});

describe('suggestions', () => {
  it('offers drop-in wording as a replacement, and advice or gaps only to copy', () => {
    expect(hl.isReplacement('declined')).toBe(true);
    expect(hl.isReplacement('uses a wheelchair')).toBe(true);
    expect(hl.isReplacement('did not want to because …')).toBe(false);
    expect(hl.isReplacement('experiences (for symptoms)')).toBe(false);
    expect(hl.isReplacement('if restricted: the legal basis, reason and review date')).toBe(false);
    expect(hl.isReplacement('describe what the person did and said, and the need behind it')).toBe(false);
    expect(hl.isReplacement('gave details of, e.g. the hub')).toBe(false);
  });

  it('keeps advice, stand-ins and examples out of the replacements', () => {
    // Advice to the writer, even when short.
    for (const s of ['describe what happened', 'name the condition', 'remove the number', 'say what you will do', 'or drop the word', 'record the person\'s explanation']) expect(hl.isReplacement(s), s).toBe(false);
    // Stand-ins for what only the writer knows.
    for (const s of ["the person's name", 'the young person’s name', "the person's own term", "the person's age, if relevant", 'their names', 'what the child calls them']) expect(hl.isReplacement(s), s).toBe(false);
    // Wording about an example person or case.
    for (const s of ['supports Jack to choose', 'Amira decides', "X's foster family", 'time with her brothers', 'aged 83', 'born in 1950']) expect(hl.isReplacement(s), s).toBe(false);
    // Drop-in wording, single words that happen to be verbs, and redaction tokens stay.
    for (const s of ['declined', 'person with dementia', 'use', 'say', 'the person', 'Mum', 'short break', '[postcode]', '[NHS number]']) expect(hl.isReplacement(s), s).toBe(true);
  });

  it('offers a replacement only where it keeps the sentence whole and about the same person', () => {
    // The same form of verb, word for word, needs no more than the phrase.
    expect(hl.replacementsFor('refused', ['declined', 'chose not to', 'describe what happened'])).toEqual(['declined']);
    expect(hl.replacementsFor('refuses', ['declined', 'chose not to'])).toEqual([]); // "declined" would change the tense
    expect(hl.replacementsFor('suffers from', ['has', 'lives with', 'is living with'])).toEqual(['lives with']);
    // A phrase that holds a name or a pronoun: its person would drop out.
    expect(hl.replacementsFor('Jack must', ['could', 'may want to'])).toEqual([]);
    expect(hl.replacementsFor('claimed she', ['said', 'told me'])).toEqual([]);
    // A noun phrase for a person needs the sentence: an article that suits it, and a word after
    // that can follow a noun.
    const epileptic = ['person with epilepsy', 'has epilepsy', 'person with depression', 'has depression'];
    expect(hl.replacementsFor('epileptic', epileptic)).toEqual([]);
    expect(hl.replacementsFor('depressive', epileptic, 'Her husband was a depressive and rarely left the house.')).toEqual(['person with depression']);
    expect(hl.replacementsFor('epileptic', epileptic, 'Jack is an epileptic.')).toEqual([]); // "an person"
    expect(hl.replacementsFor('diabetic', ['person with diabetes'], 'Jack is a diabetic and needs his insulin.')).toEqual(['person with diabetes']);
    expect(hl.replacementsFor('diabetic', ['person with diabetes'], 'Mrs Patel is diabetic.')).toEqual([]);
    expect(hl.replacementsFor('diabetics', ['person with diabetes'], 'The home has four diabetics.')).toEqual([]);
    expect(hl.replacementsFor('mentally ill', ['person with a mental health condition'], 'The hostel houses mentally ill men.')).toEqual([]);
    expect(hl.replacementsFor('a paraplegic', ['person with paraplegia'], 'Jack is a paraplegic.')).toEqual([]);
    expect(hl.replacementsFor('birth parents', ['Mum', 'Dad', 'parents'], 'The birth parents were invited.')).toEqual(['parents']);
    expect(hl.replacementsFor('service user', ["the person's name", 'person who draws on care and support'], 'He is a service user.')).toEqual(['person who draws on care and support']);
    // "a" before the phrase must suit the suggestion's first sound.
    expect(hl.replacementsFor('failed attempt', ['suicide attempt', 'attempted suicide'], 'Jack made a failed attempt last night.')).toEqual([]);
    // Ideas that do not fit the phrase stay copyable only.
    expect(hl.replacementsFor('demented', ['person living with dementia', 'person with dementia'], 'He is demented.')).toEqual([]);
    expect(hl.replacementsFor('impacted on', ['affect', 'move on', 'plan'], 'The move impacted on his sleep.')).toEqual([]);
  });

  it('capitalises the suggestion only where the phrase started with a capital', () => {
    expect(hl.fitCase('Refused', 'declined')).toBe('Declined');
    expect(hl.fitCase('refused', 'declined')).toBe('declined');
    expect(hl.fitCase('Service user', "the person's name")).toBe("The person's name");
    // Given the sentence, only a phrase that opens it is capitalised: "Down's" is a name's capital.
    expect(hl.fitCase("Down's child", "child who has Down's syndrome", "Lily is a Down's child.")).toBe("child who has Down's syndrome");
    expect(hl.fitCase('Refused', 'declined', 'Refused his tablets again.')).toBe('Declined');
    // A bullet, number or time before it still leaves the phrase opening the sentence.
    for (const sentence of ['- Refused his tablets.', '• Refused his tablets.', '09:00 Refused his tablets.', '(Refused his tablets.)']) expect(hl.fitCase('Refused', 'declined', sentence), sentence).toBe('Declined');
  });

  it('replaces only when the text at the offsets is still the phrase', () => {
    const t = 'Jo refused lunch.';
    expect(hl.replaceAt(t, 3, 10, 'refused', 'declined')).toBe('Jo declined lunch.');
    expect(hl.replaceAt('Jo has refused lunch.', 3, 10, 'refused', 'declined')).toBeNull();
    expect(hl.replaceAt(t, 15, 25, 'refused', 'declined')).toBeNull();
  });
});

describe('keys, order and counts', () => {
  it('keeps a dismissed finding dismissed when its offsets move', () => {
    const a = at('Jo refused lunch.', 'refused');
    const b = { ...a, start: { offset: 10 }, end: { offset: 17 } };
    expect(hl.findingKey(a)).toBe(hl.findingKey(b));
    expect(hl.findingKey(a)).not.toBe(hl.findingKey({ ...a, ruleId: 'blaming/y' }));
  });

  it('sorts document-level findings first, then by position and severity', () => {
    const t = 'Jo refused lunch and is non-compliant.';
    const doc: F = { ruleId: 'voice/a', category: 'voice', severity: 'info' };
    const sorted = hl.sortFindings([at(t, 'non-compliant'), at(t, 'refused', 'jargon', 'info'), at(t, 'refused', 'blaming', 'error'), doc]);
    expect(sorted.map((f) => `${f.category}:${f.text ?? ''}`)).toEqual(['voice:', 'blaming:refused', 'jargon:refused', 'blaming:non-compliant']);
  });

  it('counts by category', () => {
    const t = 'Jo refused lunch and refused tea.';
    expect(hl.countBy([at(t, 'refused'), at(t, 'refused', 'blaming', 'warning', 12), at(t, 'lunch', 'jargon')], 'category')).toEqual({ blaming: 2, jargon: 1 });
  });

  it('gives every category a distinct letter and underline style', () => {
    expect(hl.CATEGORIES.map((c) => c.id)).toEqual(['deficit', 'gatekeeping', 'dehumanising', 'blaming', 'control', 'jargon', 'voice', 'privacy']);
    expect(new Set(hl.CATEGORIES.map((c) => c.letter)).size).toBe(8);
    expect(new Set(hl.CATEGORIES.map((c) => c.line)).size).toBe(8);
  });
});
