/**
 * Fuzzing the readers (docs/security.md, "Fuzzing"): Markdown, HTML, text, CSV and JSONL on
 * arbitrary bytes, and the DOCX reader on mutated real Word files. Every input gives a document
 * (whose text has the same length as its source) or a clean SourdoughError with a code: never
 * another exception, a hang or an unhandled rejection. Runs per property come from
 * SOURDOUGH_FUZZ_RUNS (small in `npm test`, large under `npm run fuzz`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourdoughError } from '@sourdough/core';
import { documentFromBytes } from '../../src/read.js';
import { csv, jsonl } from '../../src/records.js';
import { docx } from '../../src/docx.js';
import { isReadError, type ReadItem } from '../../src/types.js';

const RUNS = Number(process.env.SOURDOUGH_FUZZ_RUNS) || 60;
const SEED = process.env.SOURDOUGH_FUZZ_SEED ? Number(process.env.SOURDOUGH_FUZZ_SEED) : undefined;
const params = (runs: number): fc.Parameters<unknown> => ({ numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) });

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** A thrown value is acceptable only when it is a SourdoughError with an SD_ERR_ code. */
function expectClean(err: unknown): void {
  if (!(err instanceof SourdoughError)) throw new Error(`not a SourdoughError: ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
  expect(err.code).toMatch(/^SD_ERR_[A-Z_]+$/);
}

/** Bytes with a bias towards the characters each format cares about. */
const syntaxBytes = (alphabet: string): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.array(fc.oneof(fc.constantFrom(...alphabet.split('')), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 400 }).map((parts) => new Uint8Array(Buffer.from(parts.join(''), 'utf8'))),
  );

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

/** Split bytes into random chunks, as a stream would deliver them. */
async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const c of [...cuts.map((x) => x % (bytes.length + 1))].sort((a, b) => a - b)) {
    yield Buffer.from(bytes.subarray(from, Math.max(from, c)));
    from = Math.max(from, c);
  }
  yield Buffer.from(bytes.subarray(from));
}

describe('readers on arbitrary bytes', () => {
  for (const [kind, alphabet] of [
    ['markdown', '#>*_-+`[]()!|~\\\n\t <!-->1.'],
    ['html', '<>/="\'!-&;#\n pdivscriptstyle'],
    ['text', '\n\r\t "\'.,;:!?'],
  ] as const) {
    it(`${kind}: a document whose text lines up with its source, or a clean SourdoughError`, async () => {
      await fc.assert(
        fc.asyncProperty(syntaxBytes(alphabet), async (bytes) => {
          try {
            const doc = await documentFromBytes(bytes, `fuzz.${kind}`, kind);
            expect(doc.text.length).toBe(doc.source.length);
            for (const b of doc.blocks ?? []) expect(b.start <= b.end && b.end <= doc.source.length).toBe(true);
          } catch (err) {
            expectClean(err);
          }
        }),
        params(RUNS),
      );
    });
  }

  for (const [kind, reader, alphabet] of [
    ['csv', csv, '",\n\r id text'],
    ['jsonl', jsonl, '{}[]":,\n\\ idtext0'],
  ] as const) {
    it(`${kind}: every item is a document or an error entry with a code; reading never throws`, async () => {
      await fc.assert(
        fc.asyncProperty(syntaxBytes(alphabet), fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
          const head = kind === 'csv' ? Buffer.from('id,text\n') : Buffer.alloc(0);
          const items = await collect(reader(chunked(Buffer.concat([head, bytes]), cuts), `fuzz.${kind}`));
          for (const item of items) {
            if (isReadError(item)) expect(item.error.code).toMatch(/^SD_ERR_[A-Z_]+$/);
            else expect(item.doc.text.length).toBe(item.doc.source.length);
          }
        }),
        params(RUNS),
      );
    });
  }
});

describe('DOCX reader on mutated real Word files', () => {
  const fixture = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`../../../../fixtures/documents/${name}/input.docx`, import.meta.url)));
  const originals = [fixture('docx-plan'), fixture('docx-clean')];

  type Mutation = { kind: 'flip'; at: number[]; value: number } | { kind: 'truncate'; at: number } | { kind: 'splice'; from: number; to: number; at: number };
  /** Mutations: overwrite bytes, truncate, duplicate a slice elsewhere. */
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), to: fc.nat(), at: fc.nat() }),
  );

  function mutate(src: Uint8Array, m: Mutation): Uint8Array {
    const b = Buffer.from(src);
    if (m.kind === 'flip') {
      for (const a of m.at) b[a % b.length] = m.value;
      return b;
    }
    if (m.kind === 'truncate') return b.subarray(0, m.at % b.length);
    const from = m.from % b.length;
    const slice = b.subarray(from, from + (m.to % 4096));
    const at = m.at % b.length;
    return Buffer.concat([b.subarray(0, at), slice, b.subarray(at)]);
  }

  it('gives a document or a clean SD_ERR_READ_DOCX / SD_ERR_TOO_LARGE, never a crash', async () => {
    let read = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, ms) => {
        let bytes = originals[which]!;
        for (const m of ms) bytes = mutate(bytes, m);
        try {
          const doc = await docx(bytes, 'fuzz.docx');
          expect(typeof doc.source).toBe('string');
          read++;
        } catch (err) {
          expectClean(err);
          expect(['SD_ERR_READ_DOCX', 'SD_ERR_TOO_LARGE']).toContain((err as SourdoughError).code);
          refused++;
        }
      }),
      params(Math.max(10, Math.round(RUNS / 2))),
    );
    expect(read + refused).toBeGreaterThan(0);
  });

  it('saw no unhandled rejections during any of the above', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });
});
