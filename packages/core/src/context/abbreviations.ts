/**
 * Abbreviations a document explains: "the Mental Capacity Act 2005 (MCA)", "Deprivation of Liberty
 * Safeguards (“DoLS”)", "the Care Quality Commission (the CQC)", "(Independent Mental Capacity
 * Advocate, IMCA)", "the Care Quality Commission,
 * known as the CQC", "Making Safeguarding Personal, or MSP,", and the other way round, "the MCA
 * (Mental Capacity Act 2005)". A jargon rule's abbreviation used after one of these is explained
 * where the reader meets it (analyse.ts), whichever rule flags it and however the writer spelt the
 * definition out; a rule's own `scope: defined` patterns still apply as well. A glossary line
 * ("Abbreviations used in this handover: PRN (medicine given when needed) …") explains each of its
 * entries in the writer's own words (addGlossaries).
 *
 * Whether the words really spell out the abbreviation is decided much as Schwartz and Hearst's
 * algorithm does ("A simple algorithm for identifying abbreviation definitions in biomedical
 * text", Pacific Symposium on Biocomputing, 2003): each letter of the short form, from the last,
 * is found in order, reading back through the words before it, and the first letter must begin a
 * word. Here a letter is looked for first as the first letter of a word, so that the long form
 * is read word by word where it can be. Digits and "&" in the short form are passed over ("D2A" is "discharge to assess", "A&E"
 * "accident and emergency"). The long form is read within its own sentence, at most
 * min(letters + 5, 2 × letters) words back. So "her sister (PA)" defines nothing, and "her personal
 * assistant (PA)" does. Pure; runs only on documents where a jargon rule found an abbreviation.
 */

import { isWordCode } from '../scan.js';

/**
 * The abbreviations a document defines: each short form, upper-cased ("DOLS" for "DoLS", compared
 * without regard to case), with the offset where its first definition begins (the long form's
 * first word, or the short form when it comes first). Only the first matters: a use is explained
 * when any definition begins at or before it.
 */
export type AbbreviationDefinitions = ReadonlyMap<string, number>;

/** A short form: a letter, then letters, digits or "&", with at least two capitals (or a capital and a digit). */
const SHORT = String.raw`[A-Za-z][A-Za-z0-9&]{1,9}`;
/** The same, opening with a capital: where nothing but its letters says it is one ("MCA (…)", a glossary's "PRN – …"). */
const SHORT_CAPITAL = String.raw`[A-Z][A-Za-z0-9&]{1,9}`;
const QUOTE_OPEN = String.raw`["'“‘]?`;
const QUOTE_CLOSE = String.raw`["'”’]?`;
const ARTICLE = String.raw`(?:(?:the|an?)\s+)?`;
const INTRO = String.raw`(?:(?:often|usually|commonly|also|sometimes|hereafter|from now on)\s+)?(?:known\s+as|called|shortened\s+to|abbreviated\s+to|referred\s+to\s+as|or)\s+`;

/**
 * The markers of a definition:
 * 1. a short form in brackets after its long form: "(MCA)", "(the CQC)", "(“DoLS”)", "(known as DoLS)",
 *    or closing the bracket that holds its long form: "(Independent Mental Capacity Advocate, IMCA)";
 * 2. a short form introduced in words after its long form: ", known as the CQC", ", or MSP";
 * 3. a short form followed by its long form in brackets: "MCA (Mental Capacity Act 2005)".
 */
const MARKERS = new RegExp(
  // (Or after a comma inside the bracket that holds the long form: "(Independent Mental Capacity
  // Advocate, IMCA)".)
  String.raw`(?:\(\s*(?:${INTRO})?|,\s*)${ARTICLE}${QUOTE_OPEN}(${SHORT})${QUOTE_CLOSE}\s*\)` +
    String.raw`|,?\s+${INTRO}${ARTICLE}${QUOTE_OPEN}(${SHORT})${QUOTE_CLOSE}(?![A-Za-z0-9&])` +
    // (A lookahead, so that the bracket is still read as marker 1 when the word before it is not a
    // short form: "the Mental Capacity Act (MCA)".)
    String.raw`|(?<![A-Za-z0-9&])(${SHORT_CAPITAL})(?=\s+\(([^()\n]{3,120})\))`,
  'g',
);

/** A run of letters and digits in the long form. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Does `s` read as an abbreviation: two or more capitals, or a capital and a digit ("D2A")? */
export function isAbbreviation(s: string): boolean {
  return mayHoldAbbreviation(s, 0, s.length);
}

/**
 * Where in `long` the definition of `short` begins (the offset of its first word), or -1 when the
 * words do not spell it out (Schwartz and Hearst: see the module comment). `long` is the text
 * before the short form, already cut to the window of words to read.
 */
export function longFormStart(short: string, long: string): number {
  const letters = short.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return -1;
  const text = long.toLowerCase();
  const initial = (i: number): boolean => i === 0 || !isWordCode(text.charCodeAt(i - 1));
  let l = text.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s]!;
    // The letter as the first of a word, reading back ("relevant person's representative" for
    // RPR, not the two r's and the p of "representative"); failing that, anywhere in a word
    // ("personal assistants" for PAs), except the first letter, which must begin one.
    let at = l;
    while (at >= 0 && (text[at] !== c || !initial(at))) at--;
    if (at < 0 && s > 0) {
      at = l;
      while (at >= 0 && text[at] !== c) at--;
    }
    if (at < 0) return -1;
    l = at - 1;
  }
  return l + 1;
}

/**
 * The start of the window of words before `end` that may hold the long form of a short form of
 * `letters` letters: at most min(letters + 5, 2 × letters) words back, within the sentence or line,
 * and never more than WINDOW_CHARS characters (so a long run-on text costs a bounded look per
 * bracket, not a walk back to its start).
 */
function windowStart(text: string, end: number, letters: number): number {
  const max = Math.min(letters + 5, 2 * letters);
  const floor = Math.max(0, end - WINDOW_CHARS);
  let words = 0;
  let p = end;
  while (p > floor) {
    const c = text.charCodeAt(p - 1);
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) break; // . ! ? ; newline
    // A word begins at p - 1 when it is a word character with none before it.
    if (isWordCode(c) && (p - 1 === 0 || !isWordCode(text.charCodeAt(p - 2)))) {
      if (++words === max) return p - 1;
    }
    p--;
  }
  return p;
}

/** How far back, at most, a long form is looked for. */
const WINDOW_CHARS = 200;

/**
 * A glossary: a line that opens with "Abbreviations", "Acronyms" or "Glossary" (a label, "Abbreviations
 * used in this handover:", or a heading line), whose entries explain each short form in the
 * writer's own words, which need not spell it out letter by letter: "PRN (medicine given when
 * needed, not at set times)", "NEWS - the early warning score", "BIA: best interests assessor".
 * The glossary runs to the first blank line after an entry, and at most GLOSSARY_CHARS characters.
 */
const GLOSSARY = /(?:^|\n)[ \t>#*_-]*(?:abbreviations|acronyms|glossary)\b[^\n:]{0,60}(?::|\n)/gi;
const GLOSSARY_CHARS = 1500;
/** An entry: a short form, then its explanation in brackets or after a dash, colon or equals sign. */
const GLOSSARY_ENTRY = new RegExp(String.raw`(?<![A-Za-z0-9&])(${SHORT_CAPITAL})[*_]*\s*(?:\(\s*\p{L}[^()\n]{2,120}\)|[-–—:=]\s*[*_]*\p{L})`, 'gu');
/** A blank line, which ends a glossary once it has an entry. */
const BLANK_LINE = /\n[ \t]*\n/g;

function addGlossaries(text: string, add: (short: string, start: number) => void): void {
  GLOSSARY.lastIndex = 0;
  for (let g = GLOSSARY.exec(text); g; g = GLOSSARY.exec(text)) {
    const from = g.index + g[0].length;
    const limit = Math.min(text.length, from + GLOSSARY_CHARS);
    // The first blank line after some text ends it (a heading's blank line before its list does not).
    let end = limit;
    BLANK_LINE.lastIndex = from;
    for (let b = BLANK_LINE.exec(text); b && b.index < limit; b = BLANK_LINE.exec(text)) {
      if (/\S/.test(text.slice(from, b.index))) {
        end = b.index;
        break;
      }
    }
    const body = text.slice(from, end);
    GLOSSARY_ENTRY.lastIndex = 0;
    for (let e = GLOSSARY_ENTRY.exec(body); e; e = GLOSSARY_ENTRY.exec(body)) {
      if (isAbbreviation(e[1]!)) add(e[1]!, from + e.index);
    }
    GLOSSARY.lastIndex = Math.max(GLOSSARY.lastIndex, end);
  }
}

/** Every abbreviation `text` defines (see AbbreviationDefinitions). */
export function abbreviationDefinitions(text: string): AbbreviationDefinitions {
  const out = new Map<string, number>();
  const add = (short: string, start: number): void => {
    const key = short.toUpperCase();
    const was = out.get(key);
    if (was === undefined || start < was) out.set(key, start);
  };
  addGlossaries(text, add);
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(text); m; m = MARKERS.exec(text)) {
    const after = m[1] ?? m[2];
    if (after !== undefined) {
      // The long form comes before the marker.
      if (!isAbbreviation(after)) continue;
      const letters = after.replace(/[^A-Za-z]/g, '').length;
      const from = windowStart(text, m.index, letters);
      const at = longFormStart(after, text.slice(from, m.index));
      if (at >= 0 && hasTwoWords(text.slice(from + at, m.index))) add(after, from + at);
      continue;
    }
    const short = m[3]!;
    const inside = m[4]!;
    if (!isAbbreviation(short)) continue;
    // "MCA (Mental Capacity Act 2005)": the long form is the bracket's words, from its first
    // (after an article).
    const at = longFormStart(short, inside);
    if (at >= 0 && hasTwoWords(inside.slice(at)) && !/[\p{L}\p{N}]/u.test(inside.slice(0, at).replace(/^\s*(?:the|an?)\s+/i, ''))) add(short, m.index);
  }
  return out;
}

/** At least two words: a single word is not spelt out by its initials. */
function hasTwoWords(s: string): boolean {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(s)) if (++n >= 2) return true;
  return false;
}

/**
 * Is the abbreviation `word` (as matched: "MCA", "PAs", "DOLS") defined by a definition that begins
 * at or before `at`, or, when `reach` ≥ 0 (a heading's word), by one that begins before `reach`?
 * The plural and the singular explain each other ("personal assistants (PAs)" a later "PA").
 */
export function abbreviationDefined(defs: AbbreviationDefinitions, word: string, at: number, reach = -1): boolean {
  const w = word.toUpperCase();
  for (const key of [w, w.endsWith('S') ? w.slice(0, -1) : `${w}S`]) {
    const start = defs.get(key);
    if (start !== undefined && (start <= at || (reach >= 0 && start < reach))) return true;
  }
  return false;
}

/**
 * Whether `text` from `start` to `end` has two capitals, or a capital and a digit: the least an
 * abbreviation needs. Most jargon matches are ordinary words ("signposted", "facilitate"), and
 * this settles them without a search.
 */
export function mayHoldAbbreviation(text: string, start: number, end: number): boolean {
  let capitals = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (c >= 48 && c <= 57) digits++;
    if (capitals >= 2 || (capitals >= 1 && digits >= 1)) return true;
  }
  return false;
}

/** The words of a match that read as abbreviations ("MCA", "DoLS", "PAs"); empty when none do. */
export function abbreviationsIn(matched: string): string[] {
  const out: string[] = [];
  for (const m of matched.matchAll(/[A-Za-z][A-Za-z0-9&]*/g)) if (isAbbreviation(m[0])) out.push(m[0]);
  return out;
}
