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
 * built-in rules' trie is about 0.6 MB (26,000 nodes, 2,100 of them branching, 45 columns).
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

/**
 * A column for each code unit of `text`, numbered in the order they first occur in it; `width` is
 * their number (at least 1). (Found with the engine's own searches rather than a loop over every
 * character: the keys' characters are few and their text long.)
 */
function columnsOf(text: string): { ascii: Int16Array; wide: Map<number, number>; width: number } {
  const firstAt: [number, number][] = [];
  for (let c = 0; c < 128; c++) {
    const at = text.indexOf(String.fromCharCode(c));
    if (at >= 0) firstAt.push([at, c]);
  }
  const others = /[^\0-\x7f]/g;
  const seen = new Set<number>();
  for (let m = others.exec(text); m; m = others.exec(text)) {
    const c = m[0].charCodeAt(0);
    if (!seen.has(c)) {
      seen.add(c);
      firstAt.push([m.index, c]);
    }
  }
  firstAt.sort((a, b) => a[0] - b[0]);
  const ascii = new Int16Array(128).fill(-1);
  const wide = new Map<number, number>();
  firstAt.forEach(([, c], col) => {
    if (c < 128) ascii[c] = col;
    else wide.set(c, col);
  });
  return { ascii, wide, width: Math.max(1, firstAt.length) };
}

/** Build a trie from (key, value) pairs; a key given twice keeps both values, in order. */
export function buildTrie<T>(pairs: Iterable<readonly [string, T]>): Trie<T> {
  // (Built in a process's first analysis, mostly before V8 has optimised anything: so typed arrays
  // sized once, no object or array per node, and no per-character work that can be hoisted.)
  const keys: string[] = [];
  const given: T[] = [];
  let chars = 0;
  const list = Array.isArray(pairs) ? (pairs as readonly (readonly [string, T])[]) : [...pairs];
  for (let j = 0; j < list.length; j++) {
    const pair = list[j]!;
    const k = pair[0];
    if (k.length === 0) continue;
    keys.push(k);
    given.push(pair[1]);
    chars += k.length;
  }
  let depth = 0;
  for (const k of keys) if (k.length > depth) depth = k.length;
  const { ascii, wide, width } = columnsOf(keys.join(''));
  // Children as lists while building (first child, next sibling, in the order they were added),
  // then flattened; the root's children in a row of their own (every key starts there). At most
  // one node per character of the keys, and the root.
  const cap = chars + 1;
  const first = new Int32Array(cap).fill(-1);
  const last = new Int32Array(cap);
  const next = new Int32Array(cap).fill(-1);
  const colOf = new Int32Array(cap);
  const count = new Int32Array(cap);
  const rootRow = new Int32Array(width);
  /** The node each key ends at. */
  const endOf = new Int32Array(keys.length);
  let n = 1;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j]!;
    let node = 0;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      const col = c < 128 ? ascii[c]! : wide.get(c)!;
      let child = node === 0 ? rootRow[col]! - 1 : first[node]!;
      if (node !== 0) while (child >= 0 && colOf[child] !== col) child = next[child]!;
      if (child < 0) {
        child = n++;
        colOf[child] = col;
        if (count[node] === 0) first[node] = child;
        else next[last[node]!] = child;
        last[node] = child;
        count[node]!++;
        if (node === 0) rootRow[col] = child + 1;
      }
      node = child;
    }
    endOf[j] = node;
  }
  /** 1 where a key ends (a link's low bit). */
  const ends = new Uint8Array(n);
  for (let j = 0; j < keys.length; j++) ends[endOf[j]!] = 1;
  // Number the nodes breadth first, so the shallow nodes most walks touch sit together in memory.
  const order = new Int32Array(n);
  let size = 1;
  let branching = 0;
  for (let k = 0; k < size; k++) {
    const old = order[k]!;
    if (count[old]! > 1) branching++;
    for (let child = first[old]!; child >= 0; child = next[child]!) order[size++] = child;
  }
  const renumber = new Int32Array(n);
  for (let i = 0; i < n; i++) renumber[order[i]!] = i;
  const nodes = new Int32Array(2 * n);
  const rows = new Int32Array(Math.max(1, branching) * width);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const old = order[i]!;
    if (count[old]! > 1) {
      nodes[2 * i] = used;
      for (let child = first[old]!; child >= 0; child = next[child]!) rows[used + colOf[child]!] = renumber[child]! * 2 + ends[child]!;
      used += width;
    } else {
      const child = first[old]!;
      if (child >= 0) {
        nodes[2 * i] = -1 - colOf[child]!;
        nodes[2 * i + 1] = renumber[child]! * 2 + ends[child]!;
      } else nodes[2 * i] = -1;
    }
  }
  // The values, by node, in the order given.
  const values: (T[] | undefined)[] = new Array(n).fill(undefined);
  for (let j = 0; j < keys.length; j++) {
    const at = renumber[endOf[j]!]!;
    const list = values[at];
    if (list) list.push(given[j]!);
    else values[at] = [given[j]!];
  }
  return { width, ascii, wide, nodes, rows, values, depth };
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
