/**
 * A character trie in flat typed arrays, for the engine's word-start scans: the phrase table, the
 * allow-list and the regex prefilter's required words. Walking it costs one array read per
 * character and stops at the first character no key continues with, so most word starts cost a
 * read or two — no strings are built. Keys are sequences of UTF-16 code units, already folded the
 * way the caller folds the text it walks. Pure; built once per rule set.
 */

/** A built trie. Node 0 is the root; `next[node * width + column]` is a child, or 0 for none. */
export interface Trie<T> {
  /** Columns: one per distinct code unit used by any key. */
  width: number;
  /** Column of each ASCII code unit, or -1 when no key uses it. */
  ascii: Int16Array;
  /** Column of other code units used by keys. */
  wide: Map<number, number>;
  /** Child links, `width` per node. */
  next: Int32Array;
  /** Values of the keys ending at each node (undefined where none ends). */
  values: (T[] | undefined)[];
  /** Length of the longest key. */
  depth: number;
}

/** Build a trie from (key, value) pairs; a key given twice keeps both values, in order. */
export function buildTrie<T>(pairs: Iterable<readonly [string, T]>): Trie<T> {
  const list = [...pairs].filter(([k]) => k.length > 0);
  const ascii = new Int16Array(128).fill(-1);
  const wide = new Map<number, number>();
  let width = 0;
  for (const [k] of list) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c < 128) {
        if (ascii[c] === -1) ascii[c] = width++;
      } else if (!wide.has(c)) wide.set(c, width++);
    }
  }
  width = Math.max(width, 1);
  // Children as maps while building, then flattened.
  const kids: Map<number, number>[] = [new Map()];
  const values: (T[] | undefined)[] = [undefined];
  let depth = 0;
  for (const [k, v] of list) {
    let node = 0;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      const col = c < 128 ? ascii[c]! : wide.get(c)!;
      let child = kids[node]!.get(col);
      if (child === undefined) {
        child = kids.push(new Map()) - 1;
        values.push(undefined);
        kids[node]!.set(col, child);
      }
      node = child;
    }
    (values[node] ??= []).push(v);
    depth = Math.max(depth, k.length);
  }
  // Number the nodes breadth first, so the shallow nodes most walks touch sit together in memory.
  const order: number[] = [0];
  for (let k = 0; k < order.length; k++) for (const child of kids[order[k]!]!.values()) order.push(child);
  const renumber = new Int32Array(kids.length);
  order.forEach((old, i) => (renumber[old] = i));
  const next = new Int32Array(kids.length * width);
  const ordered: (T[] | undefined)[] = new Array(kids.length);
  order.forEach((old, i) => {
    ordered[i] = values[old];
    for (const [col, child] of kids[old]!) next[i * width + col] = renumber[child]!;
  });
  return { width, ascii, wide, next, values: ordered, depth };
}

/** The child of `node` for code unit `c`, or 0 when no key continues so. */
export function step<T>(trie: Trie<T>, node: number, c: number): number {
  const col = c < 128 ? trie.ascii[c]! : (trie.wide.get(c) ?? -1);
  return col < 0 ? 0 : trie.next[node * trie.width + col]!;
}
