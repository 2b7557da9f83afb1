/**
 * What the context readers and the voice detector work out once per document, kept for the
 * analysis in progress. Pure apart from that one open memo, which analyse() opens for its document
 * and closes before it returns.
 *
 * Why not only WeakMaps keyed by the document (or its sentence list), as before: each analysis
 * added one entry to each of four such maps, and a young key stored in an old table goes through
 * V8's slow ephemeron write barrier; together they cost about 2% of the notes benchmark. A reader
 * asked about the document being analysed (or its sentence list) now uses the memo; asked about
 * any other (a test, a caller of its own), it keeps its WeakMap as before. Nothing is kept once
 * analyse() has returned.
 */
import type { SourceDocument } from './types.js';
import type { SentenceView } from './detectors/types.js';

/** One document's memo. The slots are typed by the modules that fill them (see each). */
export interface DocumentMemo {
  readonly doc: SourceDocument;
  readonly sentences: readonly SentenceView[];
  /** context/document-kind.ts: the kind detected, and whether the title names the person's own words. */
  kind: 'plan' | 'note' | undefined;
  ownWords: boolean | undefined;
  /** context/sections.ts: the outline and the part heads of `sentences`. */
  outline: unknown;
  heads: unknown;
  /** detectors/person-voice.ts: its tallies, by the kind counted. */
  voice: unknown;
}

let open: DocumentMemo | undefined;

/** Open a memo for `doc` and its sentences; returns the one it replaces, for closeMemo(). */
export function openMemo(doc: SourceDocument, sentences: readonly SentenceView[]): DocumentMemo | undefined {
  const previous = open;
  open = { doc, sentences, kind: undefined, ownWords: undefined, outline: undefined, heads: undefined, voice: undefined };
  return previous;
}

/** Close the open memo, putting back the one openMemo() replaced. */
export function closeMemo(previous: DocumentMemo | undefined): void {
  open = previous;
}

/** The open memo when it is `doc`'s, else undefined. */
export function memoOf(doc: SourceDocument): DocumentMemo | undefined {
  return open !== undefined && open.doc === doc ? open : undefined;
}

/** The open memo when `sentences` is its sentence list, else undefined. */
export function memoOfSentences(sentences: readonly SentenceView[]): DocumentMemo | undefined {
  return open !== undefined && open.sentences === sentences ? open : undefined;
}

/** A slot of the memo that a reader fills. */
type Slot = Exclude<keyof DocumentMemo, 'doc' | 'sentences'>;

/** The open memo when `key` is its document or its sentence list, else undefined. */
function memoFor(key: object): DocumentMemo | undefined {
  return open !== undefined && (open.doc === key || open.sentences === key) ? open : undefined;
}

/**
 * What a reader kept for `key` (a document or its sentence list) in `slot`: in the open memo when
 * `key` is its own, else in the reader's own WeakMap `elsewhere`.
 */
export function recall<K extends object, V>(key: K, slot: Slot, elsewhere: WeakMap<K, V>): V | undefined {
  const memo = memoFor(key);
  return memo ? (memo[slot] as V | undefined) : elsewhere.get(key);
}

/** Keep `value` for `key` in `slot`, where recall() will find it; returns it. */
export function remember<K extends object, V>(key: K, slot: Slot, elsewhere: WeakMap<K, V>, value: V): V {
  const memo = memoFor(key);
  if (memo) (memo as Record<Slot, unknown>)[slot] = value;
  else elsewhere.set(key, value);
  return value;
}
