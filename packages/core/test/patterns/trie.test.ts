/** The flat character trie behind the engine's word-start scans. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTrie, child, childLink, linkEnds, linkNode, step, type Trie } from '../../src/patterns/trie.js';

/** Values of every key that `text` begins with, shortest first (as the scans walk). */
function prefixesOf<T>(trie: Trie<T>, text: string): T[] {
  const out: T[] = [];
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    node = step(trie, node, text.charCodeAt(i));
    if (node === 0) break;
    out.push(...(trie.values[node] ?? []));
  }
  return out;
}

describe('buildTrie', () => {
  const trie = buildTrie<string>([
    ['ser', 'A'],
    ['servic', 'B'],
    ['servic', 'C'],
    ['£', 'D'],
    ['café', 'E'],
  ]);

  it('finds every key a text begins with, and keeps repeated keys in order', () => {
    expect(prefixesOf(trie, 'service user')).toEqual(['A', 'B', 'C']);
    expect(prefixesOf(trie, 'sermon')).toEqual(['A']);
    expect(prefixesOf(trie, 'se')).toEqual([]);
  });

  it('handles non-ASCII code units', () => {
    expect(prefixesOf(trie, '£30')).toEqual(['D']);
    expect(prefixesOf(trie, 'café')).toEqual(['E']);
    expect(prefixesOf(trie, 'cafe')).toEqual([]);
  });

  it('stops at a character no key uses', () => {
    expect(step(trie, 0, 'x'.charCodeAt(0))).toBe(0);
    expect(step(trie, 0, 'é'.charCodeAt(0))).toBe(0);
  });

  it('reports the longest key and ignores empty keys', () => {
    expect(trie.depth).toBe(6);
    const empty = buildTrie<number>([['', 1]]);
    expect(empty.depth).toBe(0);
    expect(empty.values.every((v) => v === undefined)).toBe(true);
  });

  it('finds exactly the keys a text begins with, whether a node has one child or several', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '£'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 20 }), (keys, texts) => {
        const built = buildTrie(keys.map((k, i) => [k, i] as const));
        expect(built.depth).toBe(Math.max(0, ...keys.map((k) => k.length)));
        for (const text of texts) {
          const expected = keys.map((k, i) => [k, i] as const).filter(([k]) => text.startsWith(k)).sort((a, b) => a[0].length - b[0].length || a[1] - b[1]).map(([, i]) => i);
          expect(prefixesOf(built, text)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers columns in the order the keys first use the code units, ASCII or not', () => {
    const t = buildTrie<number>([['b£a', 1], ['\0é', 2], ['ab', 3], ['é\u2019', 4]]);
    expect(t.width).toBe(6);
    expect([t.ascii['b'.charCodeAt(0)], t.wide.get(0xa3), t.ascii['a'.charCodeAt(0)], t.ascii[0], t.wide.get(0xe9), t.wide.get(0x2019)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(t.ascii['c'.charCodeAt(0)]).toBe(-1);
    expect(buildTrie<number>([]).width).toBe(1);
  });

  it('keeps full rows of child links only for nodes with several children', () => {
    // Root → s (one child: e) → e (one child: r) → r (children c and m): two branching nodes.
    const t = buildTrie<number>([['serc', 1], ['serm', 2], ['x', 3]]);
    expect([...t.nodes].filter((a, i) => i % 2 === 0 && a >= 0)).toHaveLength(2);
    expect(t.rows.length).toBe(2 * t.width);
  });

  it('says in each link whether a key ends at the node it leads to', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), (keys) => {
        const t = buildTrie(keys.map((k, i) => [k, i] as const));
        // Every node reached from the root by every column: the link's flag is whether values are there.
        const seen = [0];
        for (let k = 0; k < seen.length; k++) {
          for (let col = 0; col < t.width; col++) {
            const link = childLink(t, seen[k]!, col);
            if (link === 0) continue;
            expect(linkNode(link)).toBe(child(t, seen[k]!, col));
            expect(linkEnds(link)).toBe(t.values[linkNode(link)] !== undefined);
            seen.push(linkNode(link));
          }
        }
        expect(seen.length).toBe(t.values.length);
      }),
      { numRuns: 200 },
    );
  });
});

