/**
 * A character trie in flat typed arrays, for the engine's word-start scans: the phrase table, the
 * allow-list and the regex prefilter's required words. Walking it costs an array read or two per
 * character and stops at the first character no key continues with, so most word starts cost a
 * read or two — no strings are built. Keys are sequences of UTF-16 code units, already folded the
 * way the caller folds the text it walks. Pure; built once per rule set.
 *
 * Most nodes (the tails of long phrases) have one child, so only nodes with two or more children
 * get a full row of child links; a one-child node keeps its child's column and number. The built-in
 * rules' trie is then about 0.3 MB instead of 1.9 MB of rows.
 */

/** A built trie. Node 0 is the root; child(trie, node, column) is a child, or 0 for none. */
export interface Trie<T> {
  /** Columns: one per distinct code unit used by any key. */
  width: number;
  /** Column of each ASCII code unit, or -1 when no key uses it. */
  ascii: Int16Array;
  /** Column of other code units used by keys. */
  wide: Map<number, number>;
  /** Per node: where its row of `width` child links starts in `rows`, or -1 when it has at most one child. */
  row: Int32Array;
  /** Child links of the nodes with two or more children, `width` per node (0 for none). */
  rows: Int32Array;
  /** Per node with at most one child: that child's column, or -1 when it has none. */
  onlyColumn: Int32Array;
  /** Per node with at most one child: that child. */
  onlyChild: Int32Array;
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
  const n = kids.length;
  const row = new Int32Array(n).fill(-1);
  const onlyColumn = new Int32Array(n).fill(-1);
  const onlyChild = new Int32Array(n);
  const branching = order.filter((old) => kids[old]!.size > 1).length;
  const rows = new Int32Array(Math.max(1, branching) * width);
  const ordered: (T[] | undefined)[] = new Array(n);
  let used = 0;
  order.forEach((old, i) => {
    ordered[i] = values[old];
    const children = kids[old]!;
    if (children.size > 1) {
      row[i] = used;
      for (const [col, child] of children) rows[used + col] = renumber[child]!;
      used += width;
    } else {
      for (const [col, child] of children) {
        onlyColumn[i] = col;
        onlyChild[i] = renumber[child]!;
      }
    }
  });
  return { width, ascii, wide, row, rows, onlyColumn, onlyChild, values: ordered, depth };
}

/** The child of `node` in column `col` (a valid column), or 0 when no key continues so. */
export function child<T>(trie: Trie<T>, node: number, col: number): number {
  const r = trie.row[node]!;
  if (r >= 0) return trie.rows[r + col]!;
  return trie.onlyColumn[node] === col ? trie.onlyChild[node]! : 0;
}

/** The child of `node` for code unit `c`, or 0 when no key continues so. */
export function step<T>(trie: Trie<T>, node: number, c: number): number {
  const col = c < 128 ? trie.ascii[c]! : (trie.wide.get(c) ?? -1);
  return col < 0 ? 0 : child(trie, node, col);
}
