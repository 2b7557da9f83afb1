/**
 * A character trie in flat typed arrays, for the engine's word-start scans: the phrase table, the
 * allow-list and the regex prefilter's required words. Walking it costs an array read or two per
 * character and stops at the first character no key continues with, so most word starts cost a
 * read or two — no strings are built. Keys are sequences of UTF-16 code units, already folded the
 * way the caller folds the text it walks. Pure; built once per rule set.
 *
 * Most nodes (the tails of long phrases) have one child, so only nodes with two or more children
 * get a full row of child links; a one-child node keeps its child's column and link beside it. A
 * link says whether its node ends a key, so a walk reads `values` only where one does. What one
 * step reads sits together: a node's two entries, then (for a branching node) one row entry. The
 * built-in rules' trie is about 0.25 MB.
 */

/** A built trie. Node 0 is the root; child(trie, node, column) is a child, or 0 for none. */
export interface Trie<T> {
  /** Columns: one per distinct code unit used by any key. */
  width: number;
  /** Column of each ASCII code unit, or -1 when no key uses it. */
  ascii: Int16Array;
  /** Column of other code units used by keys. */
  wide: Map<number, number>;
  /**
   * Two entries per node n. `nodes[2n] >= 0`: the node has several children, and its row of
   * `width` links starts there in `rows`. Otherwise `nodes[2n]` is `-1 - column` of its one child
   * (-1: no child) and `nodes[2n + 1]` is the link to that child.
   */
  nodes: Int32Array;
  /** Links of the nodes with several children, `width` per node (0 for none). */
  rows: Int32Array;
  /** Values of the keys ending at each node (undefined where none ends). */
  values: (T[] | undefined)[];
  /** Length of the longest key. */
  depth: number;
}

/*
 * A link to node c is `2c + 1` when a key ends at c, else `2c`; 0 is no link (the root is never a
 * child). linkNode and linkEnds read one.
 */

/** The node a link leads to (0 for none). */
export function linkNode(link: number): number {
  return link >> 1;
}

/** Does a key end at the node this link leads to? */
export function linkEnds(link: number): boolean {
  return (link & 1) === 1;
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
  // Children as lists while building (first child, next sibling, in the order they were added),
  // then flattened. (Lists, not a Map per node: most nodes are the one-child tails of long keys,
  // and a rule set's keys make tens of thousands of them.)
  const first: number[] = [-1];
  const last: number[] = [-1];
  const next: number[] = [-1];
  const colOf: number[] = [-1];
  const count: number[] = [0];
  const values: (T[] | undefined)[] = [undefined];
  let depth = 0;
  for (const [k, v] of list) {
    let node = 0;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      const col = c < 128 ? ascii[c]! : wide.get(c)!;
      let child = first[node]!;
      while (child >= 0 && colOf[child] !== col) child = next[child]!;
      if (child < 0) {
        child = first.length;
        first.push(-1);
        last.push(-1);
        next.push(-1);
        colOf.push(col);
        count.push(0);
        values.push(undefined);
        if (last[node]! < 0) first[node] = child;
        else next[last[node]!] = child;
        last[node] = child;
        count[node]!++;
      }
      node = child;
    }
    (values[node] ??= []).push(v);
    depth = Math.max(depth, k.length);
  }
  // Number the nodes breadth first, so the shallow nodes most walks touch sit together in memory.
  const n = first.length;
  const order: number[] = [0];
  for (let k = 0; k < order.length; k++) for (let child = first[order[k]!]!; child >= 0; child = next[child]!) order.push(child);
  const renumber = new Int32Array(n);
  order.forEach((old, i) => (renumber[old] = i));
  const link = (old: number): number => renumber[old]! * 2 + (values[old] ? 1 : 0);
  const nodes = new Int32Array(2 * n);
  const branching = order.filter((old) => count[old]! > 1).length;
  const rows = new Int32Array(Math.max(1, branching) * width);
  const ordered: (T[] | undefined)[] = new Array(n);
  let used = 0;
  order.forEach((old, i) => {
    ordered[i] = values[old];
    if (count[old]! > 1) {
      nodes[2 * i] = used;
      for (let child = first[old]!; child >= 0; child = next[child]!) rows[used + colOf[child]!] = link(child);
      used += width;
    } else {
      nodes[2 * i] = -1;
      const child = first[old]!;
      if (child >= 0) {
        nodes[2 * i] = -1 - colOf[child]!;
        nodes[2 * i + 1] = link(child);
      }
    }
  });
  return { width, ascii, wide, nodes, rows, values: ordered, depth };
}

/** The link from `node` in column `col` (a valid column), or 0 when no key continues so. */
export function childLink<T>(trie: Trie<T>, node: number, col: number): number {
  const a = trie.nodes[2 * node]!;
  if (a >= 0) return trie.rows[a + col]!;
  return a === -1 - col ? trie.nodes[2 * node + 1]! : 0;
}

/** The child of `node` in column `col` (a valid column), or 0 when no key continues so. */
export function child<T>(trie: Trie<T>, node: number, col: number): number {
  return linkNode(childLink(trie, node, col));
}

/** The child of `node` for code unit `c`, or 0 when no key continues so. */
export function step<T>(trie: Trie<T>, node: number, c: number): number {
  const col = c < 128 ? trie.ascii[c]! : (trie.wide.get(c) ?? -1);
  return col < 0 ? 0 : child(trie, node, col);
}
