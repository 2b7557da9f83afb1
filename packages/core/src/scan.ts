/**
 * The engine's one pass over the word starts of a document. A single character trie holds every
 * rule phrase (and `match` anchor), every protected phrase of the allow-list, and the required
 * words of every rule regex; one walk at each word start finds all three:
 *
 * - phrases are confirmed with their sticky RegExp and become hits;
 * - protected phrases become allow spans;
 * - a regex's required words say which sentences it needs to run on (or, when they are also its
 *   prefixes, exactly where to try it).
 *
 * Keys are folded as keyOf folds text: letters lower-cased, spaces and hyphens skipped, curly
 * apostrophes straight; a phrase's RegExp confirms the exact spacing. A phrase that is one plain
 * word (ASCII letters and digits) needs no RegExp: reaching the end of its key without skipping
 * anything, before a non-word character, is a match.
 * Pure; the scanner is built once per rule set.
 */
import { isKeySpace, isSpace } from './chars.js';
import type { RuleSet } from './rules/compile.js';
import type { SentenceView } from './detectors/types.js';
import { phraseRegex, withoutNtApostrophe } from './patterns/terms.js';
import { prefixLiterals, requiredLiterals, sameLiterals } from './patterns/regex-anchors.js';
import { buildTrie, childLink, linkEnds, linkNode, step, type Trie } from './patterns/trie.js';
import { WORD_CLASS, countWords } from './nlp/sentences.js';
import { lastStartingAtOrBefore, stickyCopy } from './search.js';

/** Rule number of allow-list entries. */
const ALLOW = -1;

/**
 * What a trie key stands for. Every entry has every field (so take() reads objects of one shape);
 * `kind` says which are meaningful:
 * - 0, a phrase (or match anchor, or protected phrase) to confirm where its key begins: `rule`,
 *   `phrase`, `re`, `match`, `simple`;
 * - 1, a required word of a rule regex: `id`, `rule`, `prefix`;
 * - 2, a literal prefix of a regex a detector searches the text with (its trigger or
 *   `meta.searches`): `id`.
 */
interface Entry {
  kind: 0 | 1 | 2;
  /** Rule index, or ALLOW (kinds 0 and 1). */
  rule: number;
  /** Regex id: index into Scanner.regexes (kind 1) or Scanner.searches (kind 2). */
  id: number;
  /** The phrase, trimmed (kind 0; empty for the others). */
  phrase: string;
  /**
   * Sticky, case-insensitive, whole words (kind 0): made from `phrase` the first time its key is
   * reached (see take), null until then. Most phrases are never reached in a process's first
   * documents, and making some 1,300 RegExps cost a few milliseconds of its first analysis.
   */
  re: RegExp | null;
  /** Index into rule.matches when the phrase is an anchor of a match pattern, else -1 (kind 0). */
  match: number;
  /** One plain word ([a-z0-9]+): matched without the RegExp (see take) (kind 0). */
  simple: boolean;
  /** The word begins every match of the regex (see Scanner.regexes) (kind 1). */
  prefix: boolean;
}

function phraseEntry(rule: number, phrase: string, match: number, simple: boolean): Entry {
  return { kind: 0, rule, id: 0, phrase, re: null, match, simple, prefix: false };
}

function anchorEntry(id: number, rule: number, prefix: boolean): Entry {
  return { kind: 1, rule, id, phrase: '', re: null, match: -1, simple: false, prefix };
}

function searchEntry(id: number): Entry {
  return { kind: 2, rule: 0, id, phrase: '', re: null, match: -1, simple: false, prefix: false };
}

/** A rule regex; `sticky` (a sticky copy) when every match begins with one of its anchors. */
export interface ScanRegex {
  re: RegExp;
  rule: number;
  sticky?: RegExp;
}

/** What the scanner keeps per rule set. */
interface Scanner {
  trie: Trie<Entry>;
  /** ASCII first characters of phrase keys that are not letters or digits (1 = yes), e.g. "£". */
  otherAscii: Uint8Array;
  /** Other such first characters. */
  otherWide: Set<number>;
  /** Every rule regex, in rule order. */
  regexes: ScanRegex[];
  /** Ids of regexes without usable anchors: they always run, on every sentence. */
  always: number[];
  /** Detectors' search regexes whose every match begins with a literal at a word start. */
  searches: RegExp[];
  /**
   * The `scope: section` unless patterns with required literals (see sectionSearches), each with
   * the search id whose list records where one of those literals begins at a word start.
   */
  sectionSearches: [RegExp, number][];
  /** How many search ids there are: the detectors' searches, then the section patterns'. */
  searchIds: number;
  /** ASCII character → trie column of its folded form; SKIP for spaces and hyphens; -1 when no key uses it. */
  asciiColumn: Int16Array;
  /**
   * Two ASCII letters or digits a → b, at `PAIR[a] * 36 + PAIR[b]` (letters folded): the trie link
   * their folded forms lead to from the root (0: none), or -1 to walk from the root as usual (a key
   * of one character). Most word starts end their walk here, in one read of a small table.
   */
  firstTwo: Int32Array;
  /**
   * How far past its start a phrase (or protected phrase) may end: four times its longest key. The
   * walk itself goes on through any run of white space (a regex anchor of two words, "his\s+wife",
   * must be found however far apart the words are, as the regex reads the sentence flat), but
   * phrases keep the reach they always had.
   */
  phraseReach: number;
  /** Scratch: the call in which each regex was first triggered (see triggeredIds). */
  seenCall: Int32Array;
  calls: number;
}

/** What one scan of a document found. */
export interface ScanResult {
  /** Phrase matches: rule, start, end, flattened. */
  phrases: number[];
  /** Protected spans by start: start, end, flattened. */
  allow: number[];
  /** Sentences holding an anchor of a `match` pattern: rule, match, sentence, flattened. */
  matchCandidates: number[];
  /** The rule regexes, and for each id where to run it (see triggered). */
  regexes: ScanRegex[];
  /**
   * For each detector search regex the scanner knows (see detectorSearches): every offset, in
   * order, where one of its prefixes begins at a word start — a superset of where it can match.
   */
  searches: Map<RegExp, number[]>;
  /**
   * For each `scope: section` unless pattern the scanner knows (see sectionSearches): every offset,
   * in order, where one of its required literals begins at a word start. Empty: it cannot match
   * anywhere in the text.
   */
  sectionSearches: Map<RegExp, number[]>;
  /**
   * Per regex id: `'all'` (no anchors: run on every sentence); ascending sentence indices
   * holding an anchor; for regexes with a sticky copy, (sentence, offset) pairs, flattened, where
   * a prefix begins; undefined when it cannot match.
   */
  triggered: (number[] | 'all' | undefined)[];
  /** The ids with an entry in `triggered`, ascending. */
  triggeredIds: number[];
  /** The text's words, counted as countWords counts them (the scan reads every character anyway). */
  words: number;
  /**
   * The runs of white space that are more than a single plain space, as (start, end) pairs,
   * flattened, by start (as flat.ts's irregularSpaces finds them; read during the scan, which
   * reads every character but those inside words). Absent when the scan did not read the text (a
   * rule set without phrases or anchors).
   */
  irregular?: number[];
  /**
   * Every ASCII digit's offset, ascending, as search.ts's digitOffsets finds them (the scan reads
   * every character, so they cost it a comparison each instead of a search of their own). Absent
   * when the scan did not read the text; analyse() then searches for them when a detector asks.
   */
  digits?: number[];
}

/** Letters and digits as the phrase matcher sees them (A–Z, a–z, 0–9, U+00C0–U+024F). */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

/** Text of ASCII characters only. */
const ASCII_ONLY = /^[\0-\x7f]*$/;
/** What a key skips, in ASCII text (isKeySpace): white space and hyphens. */
const ASCII_KEY_SPACE = /[\t-\r -]+/g;

/**
 * The key of `phrase`: up to `max` characters, letters lower-cased, white space and hyphens
 * skipped (a space in a phrase matches any run of spaces or hyphens; a hyphen matches a hyphen,
 * a space or nothing), curly apostrophes as straight ones, other characters kept (e.g. "e.g.").
 */
export function keyOf(phrase: string, max = Infinity): string {
  if (ASCII_ONLY.test(phrase)) {
    // (The same, for ASCII text, in three native calls rather than a step per character: the
    // keys of a rule set are built in a process's first analysis, before V8 optimises anything.)
    const key = phrase.replace(ASCII_KEY_SPACE, '').toLowerCase();
    return key.length > max ? key.slice(0, max) : key;
  }
  let key = '';
  for (let i = 0; i < phrase.length && key.length < max; i++) {
    const ch = phrase.charCodeAt(i);
    if (isKeySpace(ch)) continue;
    if (ch === 0x2019) key += "'";
    else if (ch < 128 || isWordCode(ch)) key += phrase[i]!.toLowerCase();
    else key += phrase[i]!;
  }
  return key;
}

/**
 * Longest key an anchor keeps: ANCHOR_KEY characters as keyOf counts them (spaces and hyphens
 * skipped), about two or three words.
 */
export const ANCHOR_KEY = 12;

/**
 * The trie keys of a regex's anchors (its required or prefix literals): each literal's key cut to
 * its first ANCHOR_KEY characters, without repeats and without keys another of them begins. A cut
 * key begins wherever the whole one does, so the scan still finds every place the regex needs to
 * run (and where it is tried sticky, every place a match can begin); it may find a few more, where
 * the regex then fails. What it saves is the trie's size, built in a process's first analysis: a
 * regex's literals are often a group's cross product ("chooses to live in squalor", "… in filth",
 * "… in such conditions"), and past a dozen characters their tails filter nothing the first dozen
 * did not (on the bench's notes and plans, the regexes run on exactly the same sentences). Literals
 * that differ only in spaces, hyphens or apostrophes share a key ("hard-to-reach", "hard to reach").
 */
export function anchorKeys(literals: readonly string[]): string[] {
  const keys: string[] = [];
  for (const l of literals) {
    const key = keyOf(l, ANCHOR_KEY);
    if (key) keys.push(key.length > ANCHOR_KEY ? key.slice(0, ANCHOR_KEY) : key);
  }
  // Sorted, a key that another begins comes straight after it (or after another that it begins).
  keys.sort();
  const out: string[] = [];
  for (const k of keys) if (out.length === 0 || !k.startsWith(out[out.length - 1]!)) out.push(k);
  return out;
}

const scanners = new WeakMap<RuleSet, Scanner>();

/** asciiColumn value of characters a key skips. */
const SKIP = -2;

/** Classes of ASCII characters for the scan (bit flags). */
const LETTER = 1; // letter or digit: a phrase word character and a \b word character
const UNDERSCORE = 2; // a \b word character only
const HYPHEN = 4; // continues a phrase word
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) CLASS[c] = LETTER;
  else if (c === 95) CLASS[c] = UNDERSCORE;
  else if (c === 45) CLASS[c] = HYPHEN;
}
/** ASCII letters and digits, folded, as 0–35 (a–z, then 0–9), for the firstTwo table; -1 for the rest. */
const PAIR = new Int8Array(128).fill(-1);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) PAIR[c] = c - 97;
  else if (c >= 65 && c <= 90) PAIR[c] = c - 65;
  else if (c >= 48 && c <= 57) PAIR[c] = 26 + c - 48;
}

function scannerOf(set: RuleSet): Scanner {
  let scanner = scanners.get(set);
  if (scanner) return scanner;
  const pairs: [string, Entry][] = [];
  const phrase = (text: string, rule: number, match = -1): void => {
    const key = keyOf(text);
    if (!key) return;
    const trimmed = text.trim();
    pairs.push([key, phraseEntry(rule, trimmed, match, /^[a-z0-9]+$/i.test(trimmed))]);
    // "doesn't engage" written "doesnt engage": the same phrase, found where that spelling begins.
    const bare = withoutNtApostrophe(trimmed);
    if (bare) pairs.push([keyOf(bare), phraseEntry(rule, trimmed, match, false)]);
  };
  for (const rule of set.rules) {
    for (const p of rule.phrases) phrase(p, rule.index);
    rule.matches.forEach((m, i) => {
      for (const a of m.anchors) phrase(a, rule.index, i);
    });
  }
  for (const p of set.allowPhrases) phrase(p, ALLOW);
  const regexes: ScanRegex[] = [];
  const always: number[] = [];
  for (const rule of set.rules) {
    for (const re of rule.regexes) {
      const required = requiredLiterals(re.source, re.flags);
      const prefixes = prefixLiterals(re.source, re.flags);
      // When the best anchors are also the regex's prefixes, try it only where they begin. A regex
      // without required literals long enough to filter sentences ("my", "SU") is still tried only
      // where its prefixes begin, if it has them, rather than run over the whole text.
      const anchors = required ?? prefixes;
      const prefix = sameLiterals(anchors, prefixes);
      const entry: ScanRegex = { re, rule: rule.index };
      if (prefix) entry.sticky = stickyCopy(re);
      const id = regexes.push(entry) - 1;
      if (!anchors) always.push(id);
      else for (const key of anchorKeys(anchors)) pairs.push([key, anchorEntry(id, rule.index, prefix)]);
    }
  }
  const searches: RegExp[] = [];
  for (const re of detectorSearches(set)) {
    const prefixes = prefixLiterals(re.source, re.flags);
    if (!prefixes) continue;
    const id = searches.push(re) - 1;
    for (const p of prefixes) pairs.push([keyOf(p), searchEntry(id)]);
  }
  // Search ids after the detectors' are the section patterns' (one per source: five control rules
  // cite the same legal-basis pattern, each with a RegExp of its own).
  let searchIds = searches.length;
  const sectionSearchIds: [RegExp, number][] = [];
  const sectionIds = new Map<string, number>();
  for (const re of sectionSearches(set)) {
    const same = `${re.flags}/${re.source}`;
    let id = sectionIds.get(same);
    if (id === undefined) {
      const required = requiredLiterals(re.source, re.flags);
      const keys = required ? anchorKeys(required) : [];
      if (!keys.length) continue;
      id = searchIds++;
      sectionIds.set(same, id);
      for (const key of keys) pairs.push([key, searchEntry(id)]);
    }
    sectionSearchIds.push([re, id]);
  }
  const otherAscii = new Uint8Array(128);
  const otherWide = new Set<number>();
  let phraseDepth = 0;
  for (const [key, e] of pairs) {
    if (e.kind === 0) phraseDepth = Math.max(phraseDepth, key.length);
    const c = key.charCodeAt(0);
    if (e.kind === 0 && !isWordCode(c)) {
      if (c < 128) otherAscii[c] = 1;
      else otherWide.add(c);
    }
  }
  const trie = buildTrie(pairs);
  const asciiColumn = new Int16Array(128);
  for (let c = 0; c < 128; c++) {
    const folded = c >= 65 && c <= 90 ? c + 32 : c;
    asciiColumn[c] = c === 45 || c === 32 || (c >= 9 && c <= 13) ? SKIP : trie.ascii[folded]!;
  }
  scanner = { trie, otherAscii, otherWide, asciiColumn, firstTwo: firstTwoTable(trie, asciiColumn), phraseReach: 4 * phraseDepth, regexes, always, searches, sectionSearches: sectionSearchIds, searchIds, seenCall: new Int32Array(regexes.length), calls: 0 };
  scanners.set(set, scanner);
  return scanner;
}

/** The scanner's `firstTwo` table (see Scanner). */
function firstTwoTable(trie: Trie<Entry>, asciiColumn: Int16Array): Int32Array {
  const table = new Int32Array(36 * 36).fill(-1);
  for (let a = 0; a < 128; a++) {
    if (CLASS[a] !== LETTER) continue;
    const ca = asciiColumn[a]!;
    const first = ca < 0 ? 0 : childLink(trie, 0, ca);
    if (linkEnds(first)) continue; // a key of one character: walk as usual
    for (let b = 0; b < 128; b++) {
      if (CLASS[b] !== LETTER) continue;
      const cb = asciiColumn[b]!;
      table[PAIR[a]! * 36 + PAIR[b]!] = first === 0 || cb < 0 ? 0 : childLink(trie, linkNode(first), cb);
    }
  }
  return table;
}

/** The regexes the set's detectors search whole texts with: their triggers and `meta.searches`. */
function detectorSearches(set: RuleSet): RegExp[] {
  const out = new Set<RegExp>();
  for (const rule of set.rules) {
    const meta = rule.detector?.meta;
    if (!meta) continue;
    if (meta.trigger) out.add(meta.trigger);
    for (const re of meta.searches ?? []) out.add(re);
  }
  return [...out];
}

/**
 * The `scope: section` unless patterns of the set's rules. A match holds one of the pattern's
 * required literals at a word start, so a section (or a document) where the scan found none of
 * them need not be searched (analyse.ts's cancelledInSection): most notes never mention a legal
 * basis, yet a control rule's finding searched the note for the 870-character legal-basis pattern.
 */
function sectionSearches(set: RuleSet): RegExp[] {
  const out = new Set<RegExp>();
  for (const rule of set.rules) {
    if (!rule.unlessInSection) continue;
    for (const u of rule.unless) {
      const re = u.scope === 'section' ? (u.phrases ?? u.regex) : undefined;
      // (Not with the u or v flag, under which \b and case folding see more than ASCII letters.)
      if (re && !/[uv]/.test(re.flags)) out.add(re);
    }
  }
  return [...out];
}

/**
 * A `skipTo` for a search regex (see forEachTriggered): the first offset at or after `from` where
 * it can begin, or -1 when there is none. Without positions for it, everyPlace (`from` itself).
 */
export function skipperFor(result: ScanResult, re: RegExp): (text: string, from: number) => number {
  const at = result.searches.get(re);
  if (!at) return everyPlace;
  let k = 0;
  return (_text, from) => {
    if (k > 0 && at[k - 1]! >= from) k = 0; // searches only move forward; restart if not
    while (k < at.length && at[k]! < from) k++;
    return k < at.length ? at[k]! : -1;
  };
}

/** What skipperFor gives for a regex the scan does not know: every place may begin a match. */
export const everyPlace = (_text: string, from: number): number => from;

/**
 * Index of the last sentence starting at or before `offset` (-1 when none does). The scan itself
 * steps forward from the sentence it found last (take()); this is for the look-ups that jump.
 */
export const sentenceIndexAt: (sentences: readonly SentenceView[], offset: number) => number = lastStartingAtOrBefore;

/**
 * Scan `text` once. A phrase may begin at a word start (a letter or digit after anything but a
 * letter, digit or hyphen) or at one of its listed non-letter first characters; a regex anchor at
 * a word start as RegExp's \b sees it (an ASCII letter or digit not preceded by [A-Za-z0-9_]).
 */
export function scanDocument(set: RuleSet, text: string, sentences: SentenceView[], active: boolean[]): ScanResult {
  const sc = scannerOf(set);
  const phrases: number[] = [];
  const allow: number[] = [];
  const matchCandidates: number[] = [];
  const triggered: (number[] | 'all' | undefined)[] = new Array(sc.regexes.length);
  const triggeredIds: number[] = [];
  // Typed arrays are costly to allocate per call: reuse the scanner's, stamped with the call.
  const call = (sc.calls = (sc.calls % 0x7fffffff) + 1);
  for (const id of sc.always) {
    triggered[id] = 'all';
    sc.seenCall[id] = call;
  }
  const searches = new Map<RegExp, number[]>();
  const searchLists: number[][] = [];
  for (const re of sc.searches) {
    const list: number[] = [];
    searches.set(re, list);
    searchLists.push(list);
  }
  for (let id = sc.searches.length; id < sc.searchIds; id++) searchLists.push([]);
  const sectionFound = new Map<RegExp, number[]>();
  for (const [re, id] of sc.sectionSearches) sectionFound.set(re, searchLists[id]!);
  const irregular: number[] = [];
  const digits: number[] = [];
  const result: ScanResult = { phrases, allow, matchCandidates, searches, sectionSearches: sectionFound, regexes: sc.regexes, triggered, triggeredIds, words: 0, irregular, digits };
  const trie = sc.trie;
  const { nodes, rows, values, depth: max } = trie;
  if (max === 0) {
    triggeredIds.push(...sc.always);
    result.words = countWords(text);
    delete result.irregular; // not read: analyse() searches the text itself
    delete result.digits;
    return result;
  }
  const st: WalkState = { sc, text, sentences, active, result, searchLists, call, p: 0, phraseStart: false, regexStart: false, end: 0, skipped: false, si: -1, siEnd: -1 };
  const { otherAscii, otherWide, asciiColumn, firstTwo } = sc;
  const n = text.length;
  let prevPhrase = false; // previous character continues a phrase word (letter, digit, hyphen)
  let prevRegex = false; // previous character is a \b word character
  let words = 0;
  let inWord = false; // countWords' state
  let run = -1; // where the current run of white space began, or -1
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    if (prevRegex && prevPhrase && c < 128 && CLASS[c] === LETTER) {
      // Inside an ASCII word (most characters): nothing begins here or in the rest of the run,
      // and the word is already counted. Skip to the run's last letter, noting its digits
      // (letters and digits share a class; digits are the codes below the letters').
      if (c <= 57) digits.push(p);
      let q = p + 1;
      while (q < n) {
        const d = text.charCodeAt(q);
        if (d >= 128 || CLASS[d] !== LETTER) break;
        if (d <= 57) digits.push(q);
        q++;
      }
      p = q - 1;
      continue;
    }
    if (c === 32) {
      // A plain space (most of what is left), decided at once: it opens or continues a run of
      // white space, ends a word, and nothing begins at it (no key begins with a space).
      if (run < 0) run = p;
      inWord = false;
      prevPhrase = prevRegex = false;
      continue;
    }
    // Runs of white space, for flat.ts: one that is more than a single plain space is noted.
    if ((c >= 9 && c <= 13) || (c >= 128 && isSpace(c))) {
      if (run < 0) run = p;
    } else if (run >= 0) {
      if (p - run >= 2 || text.charCodeAt(run) !== 32) irregular.push(run, p);
      run = -1;
    }
    const w = WORD_CLASS[c]!;
    if (w === 1) {
      if (!inWord) {
        words++;
        inWord = true;
      }
    } else if (w === 0 || p + 1 >= n) inWord = false;
    let phraseStart: boolean;
    let regexStart: boolean;
    if (c < 128) {
      const k = CLASS[c]!;
      if (k === LETTER) {
        if (c <= 57) digits.push(p);
        phraseStart = !prevPhrase;
        regexStart = !prevRegex;
        prevPhrase = prevRegex = true;
      } else {
        phraseStart = otherAscii[c] === 1;
        regexStart = false;
        prevPhrase = k === HYPHEN;
        prevRegex = k === UNDERSCORE;
      }
    } else {
      const word = isWordCode(c);
      phraseStart = word ? !prevPhrase : otherWide.has(c);
      regexStart = false;
      prevPhrase = word;
      prevRegex = false;
    }
    if (!phraseStart && !regexStart) continue;
    let node = 0;
    let from = p;
    let two = -1;
    if (p + 1 < n && c < 128) {
      // Two letters or digits: the table gives the link after both, and most walks end there.
      const d = text.charCodeAt(p + 1);
      const a = PAIR[c]!;
      const b = d < 128 ? PAIR[d]! : -1;
      if (a >= 0 && b >= 0) {
        two = firstTwo[a * 36 + b]!;
        if (two === 0) continue;
        if (two > 0) {
          node = linkNode(two);
          from = p + 2;
        }
      }
    }
    st.p = p;
    st.phraseStart = phraseStart;
    st.regexStart = regexStart;
    st.skipped = false;
    if (two > 0 && linkEnds(two)) {
      st.end = from;
      take(values[node]!, st);
    }
    // (No limit: a walk ends where no key goes on, and only white space and hyphens are read
    // without a step down the trie.)
    walk: for (let i = from; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 128) {
        const col = asciiColumn[ch]!;
        if (col < 0) {
          if (col !== SKIP) break;
          st.skipped = true;
          continue;
        }
        if (CLASS[ch] !== LETTER) st.skipped = true;
        // (childLink(), inlined: a row for a node with several children, else its one child's link.)
        const a = nodes[2 * node]!;
        const link = a >= 0 ? rows[a + col]! : a === -1 - col ? nodes[2 * node + 1]! : 0;
        if (link === 0) break;
        node = link >> 1;
        if (link & 1) {
          st.end = i + 1;
          take(values[node]!, st);
        }
        continue;
      }
      st.skipped = true;
      if (isKeySpace(ch)) continue;
      // Rare: fold as keyOf does (a lower-cased letter may be two code units).
      const folded = ch === 0x2019 ? "'" : isWordCode(ch) ? text[i]!.toLowerCase() : text[i]!;
      for (let k = 0; k < folded.length; k++) {
        node = step(trie, node, folded.charCodeAt(k));
        if (node === 0) break walk;
        const v = values[node];
        if (v) {
          st.end = i + 1;
          take(v, st);
        }
      }
    }
  }
  if (run >= 0 && (n - run >= 2 || text.charCodeAt(run) !== 32)) irregular.push(run, n);
  result.words = words;
  // The ids stamped with this call, in order (cheaper than sorting with a comparator).
  const { seenCall } = sc;
  for (let id = 0; id < seenCall.length; id++) if (seenCall[id] === call) triggeredIds.push(id);
  return result;
}

/**
 * Text pasted from a PDF or a justified Word document breaks words at line ends with a hyphen:
 * "chal-↵lenging", "res-↵pite" (the next line may be indented, or carry blanked `> ` quote
 * marks). When the key the walk reached in [p, end) holds such a break — a hyphen after a
 * letter, then a line break, then a lower-case letter — this is the text from p up to one
 * character after `end` with each break taken out, and `at`, the source offset of each of its
 * characters; null when there is none. A hyphen in a compound at a line end ("non-↵compliant")
 * already matches a phrase written with a hyphen, space or nothing; this lets a phrase written
 * as one word match too. Only tried when the usual confirmation failed: rare, and short.
 */
function unbroken(text: string, p: number, end: number): { s: string; at: number[] } | null {
  // (Searched only within [p, end): a key is short, and indexOf would read on to the text's end.)
  let h = nextHyphen(text, p, end);
  if (h < 0) return null;
  const limit = Math.min(text.length, end + 1);
  let s = '';
  const at: number[] = [];
  let i = p;
  let broke = false;
  while (h >= 0) {
    const j = breakEnd(text, h);
    if (j > 0) {
      for (let k = i; k < h; k++) {
        s += text[k];
        at.push(k);
      }
      i = j;
      broke = true;
    }
    h = nextHyphen(text, Math.max(h + 1, i), end);
  }
  if (!broke) return null;
  for (let k = i; k < limit; k++) {
    s += text[k];
    at.push(k);
  }
  return { s, at };
}

/** The first hyphen in [from, end) of `text`, or -1. */
function nextHyphen(text: string, from: number, end: number): number {
  for (let k = from; k < end; k++) if (text.charCodeAt(k) === 45) return k;
  return -1;
}

/** If a line-end hyphenation break starts with the hyphen at `h`, where the word goes on; else 0. */
function breakEnd(text: string, h: number): number {
  const before = text.charCodeAt(h - 1);
  if (!((before >= 97 && before <= 122) || (before >= 65 && before <= 90))) return 0;
  let j = h + 1;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  const c = text.charCodeAt(j);
  if (c === 13) j += text.charCodeAt(j + 1) === 10 ? 2 : 1;
  else if (c === 10) j++;
  else return 0;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  const next = text.charCodeAt(j);
  return next >= 97 && next <= 122 ? j : 0;
}

/** Are the first `n` characters of `s` letters and digits only (nothing a key would skip)? */
function plainWord(s: string, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isWordCode(s.charCodeAt(k))) return false;
  return true;
}

/** The state of one scan, shared with take(). */
interface WalkState {
  sc: Scanner;
  text: string;
  sentences: SentenceView[];
  active: boolean[];
  result: ScanResult;
  /** The lists of result.searches, by search id. */
  searchLists: number[][];
  call: number;
  /** The word start being walked, and what may begin there. */
  p: number;
  phraseStart: boolean;
  regexStart: boolean;
  /** Where the key just reached ends in the text, and whether the walk skipped or folded anything but ASCII letters and digits. */
  end: number;
  skipped: boolean;
  /** The sentence of the last anchor found, and its end. */
  si: number;
  siEnd: number;
}

/** Act on the entries whose key the text at `st.p` begins with. */
function take(entries: Entry[], st: WalkState): void {
  const p = st.p;
  for (const e of entries) {
    if (e.kind === 0) {
      if (!st.phraseStart || (e.rule !== ALLOW && !st.active[e.rule]) || st.end - p > st.sc.phraseReach) continue;
      let end: number;
      if (e.simple) {
        // The text from p is exactly the word (case aside): a match when a word boundary follows.
        const after = st.text.charCodeAt(st.end);
        if (isWordCode(after) || after === 45) continue;
        if (st.skipped) {
          // Unless only end-of-line hyphenation broke it ("res-↵pite").
          const u = unbroken(st.text, p, st.end);
          if (!u || !plainWord(u.s, u.s.length - (st.end < st.text.length ? 1 : 0))) continue;
        }
        end = st.end;
      } else {
        // (test, not exec: a sticky match ends at lastIndex, and no match array is made.)
        const re = e.re ?? (e.re = phraseRegex(e.phrase));
        re.lastIndex = p;
        if (re.test(st.text)) end = re.lastIndex;
        else {
          // The phrase as written, or with its end-of-line hyphenation taken out ("chal-↵lenging behaviour").
          const u = st.skipped ? unbroken(st.text, p, st.end) : null;
          if (!u) continue;
          re.lastIndex = 0;
          if (!re.test(u.s)) continue;
          end = u.at[re.lastIndex - 1]! + 1;
        }
      }
      if (e.rule === ALLOW) st.result.allow.push(p, end);
      else if (e.match < 0) st.result.phrases.push(e.rule, p, end);
      else {
        const at = sentenceIndexAt(st.sentences, p);
        if (at >= 0) st.result.matchCandidates.push(e.rule, e.match, at);
      }
      continue;
    }
    if (!st.regexStart) continue;
    if (e.kind === 2) {
      const list = st.searchLists[e.id]!;
      const n = list.length;
      if (n === 0 || list[n - 1] !== p) list.push(p);
      continue;
    }
    if (!st.active[e.rule]) continue;
    if (p >= st.siEnd || st.si < 0) {
      // The scan only moves forward: step on from the sentence last found (about one step per
      // sentence in all) rather than search the whole list again.
      const ss = st.sentences;
      let si = st.si;
      while (si + 1 < ss.length && ss[si + 1]!.start <= p) si++;
      st.si = si;
      st.siEnd = si >= 0 ? ss[si]!.end : -1;
    }
    const si = st.si;
    if (si < 0 || p >= st.siEnd) continue; // not in a sentence (masked or between sentences)
    const triggered = st.result.triggered;
    let list = triggered[e.id] as number[] | undefined;
    if (!list) {
      triggered[e.id] = list = [];
      st.sc.seenCall[e.id] = st.call;
    }
    // Offsets and sentences only grow, so a repeat is always the last entry. (A new list is checked
    // by its length: reading index -1 of an empty array is a slow property look-up in V8.)
    const n = list.length;
    if (e.prefix) {
      if (n === 0 || list[n - 1] !== p) list.push(si, p);
    } else if (n === 0 || list[n - 1] !== si) list.push(si);
  }
}
