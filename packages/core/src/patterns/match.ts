/**
 * The `match` pattern kind: compromise match syntax ("#Person {refuse} #Noun") for the few rules
 * that need part-of-speech context. Literal words in the pattern (and every inflection of a
 * `{lemma}`) are its anchors: compromise only ever runs on sentences that contain an anchor, so a
 * pattern with no literal word is refused at load. Pure.
 */
import nlp from 'compromise';
import { SourdoughError } from '../errors.js';
import { inflect } from '../nlp/lemmas.js';

/** A compiled compromise pattern with the literal words that must appear for it to match. */
export interface CompiledMatch {
  source: string;
  /** compromise's pre-compiled form of the pattern. */
  net: ReturnType<typeof nlp.parseMatch>;
  /** Any one of these words must be in the sentence. */
  anchors: string[];
}

/** Extract the literal anchor words of a compromise match pattern. */
export function matchAnchors(pattern: string): string[] {
  const anchors = new Set<string>();
  // {lemma} root matches: every inflection.
  for (const m of pattern.matchAll(/\{([a-zA-Z\-]+)\}/g)) for (const f of inflect(m[1]!)) anchors.add(f);
  const stripped = pattern.replace(/\{[^}]*\}/g, ' ').replace(/\[[^\]]*\]/g, (s) => s.replace(/[\[\]]/g, ' '));
  // Alternations (a|b) contribute each literal; optional words (word?) are not anchors.
  const groups = [...stripped.matchAll(/\(([^)]*)\)(\??)/g)];
  let rest = stripped;
  for (const g of groups) {
    rest = rest.replace(g[0], ' ');
    if (g[2] === '?') continue;
    const alts = g[1]!.split('|').map((a) => a.trim());
    if (alts.every((a) => /^[a-zA-Z][a-zA-Z'\-]*$/.test(a))) for (const a of alts) anchors.add(a.toLowerCase());
  }
  for (const tok of rest.split(/\s+/)) {
    if (/^[a-zA-Z][a-zA-Z'\-]*$/.test(tok)) anchors.add(tok.toLowerCase());
  }
  return [...anchors];
}

/** Compile a match pattern or throw SD_ERR_RULE_MATCH when it has no literal anchor. */
export function compileMatch(pattern: string, ruleId: string, file?: string): CompiledMatch {
  const anchors = matchAnchors(pattern);
  if (anchors.length === 0) {
    throw new SourdoughError(
      'SD_ERR_RULE_MATCH',
      `${file ?? ruleId}: match pattern "${pattern}" needs at least one literal word or {lemma}, so it can be found cheaply`,
      file ? { file, field: 'patterns.match' } : { field: 'patterns.match' },
    );
  }
  return { source: pattern, net: nlp.parseMatch(pattern), anchors };
}

/** Run a compiled match on one sentence; returns [start, end) spans relative to the sentence. */
export function runMatch(doc: ReturnType<typeof nlp>, m: CompiledMatch): [number, number][] {
  const found = doc.match(m.net).json({ offset: true }) as { offset: { start: number; length: number } }[];
  return found.map((f) => [f.offset.start, f.offset.start + f.offset.length]);
}

/** Parse one sentence with compromise (only ever called for candidate sentences). */
export function parseSentence(text: string): ReturnType<typeof nlp> {
  return nlp(text);
}
