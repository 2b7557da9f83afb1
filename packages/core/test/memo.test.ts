/**
 * The per-document memo (src/memo.ts): analyse() keeps what its readers work out for the document
 * only while it runs, and a reader asked about another document, or outside analyse(), answers as
 * it did from its own cache.
 */
import { describe, expect, it } from 'vitest';
import { analyse, sentencesOf } from '../src/analyse.js';
import { closeMemo, memoOf, memoOfSentences, openMemo } from '../src/memo.js';
import { detectDocumentKind, isOwnWordsDocument } from '../src/context/document-kind.js';
import { text as readText } from '../src/readers/text.js';
import { repoRuleSet } from './helpers.js';

const PLAN = 'About me\n\nI like walking my dog. I enjoy cooking. My family visit on Sundays.';
const NOTE = '12/03 – Visited Sam at home. Sam said he would like to go swimming. We agreed to look at times.';

describe('document memo', () => {
  it('is closed when analyse() returns, and the same analysis gives the same result again', () => {
    const set = repoRuleSet();
    const doc = readText(PLAN);
    const first = analyse(doc, set);
    expect(memoOf(doc)).toBeUndefined();
    expect(analyse(doc, set)).toEqual(first);
    expect(analyse(readText(PLAN), set)).toEqual(first);
  });

  it('serves only the open document and its own sentence list; the readers answer the same either way', () => {
    const plan = readText(PLAN);
    const note = readText(NOTE);
    const sentences = sentencesOf(plan);
    const outside = [detectDocumentKind(plan, sentences), isOwnWordsDocument(plan), detectDocumentKind(note, sentencesOf(note))];
    const previous = openMemo(plan, sentences);
    try {
      expect(memoOf(plan)).toBeDefined();
      expect(memoOf(note)).toBeUndefined();
      expect(memoOfSentences(sentences)).toBe(memoOf(plan));
      expect(memoOfSentences(sentencesOf(plan))).toBeUndefined();
      expect([detectDocumentKind(plan, sentences), isOwnWordsDocument(plan), detectDocumentKind(note, sentencesOf(note))]).toEqual(outside);
      expect(memoOf(plan)!.kind).toBe(outside[0]);
    } finally {
      closeMemo(previous);
    }
    expect(memoOf(plan)).toBeUndefined();
  });

  it('puts back the memo it replaced', () => {
    const a = readText(PLAN);
    const b = readText(NOTE);
    const outer = openMemo(a, sentencesOf(a));
    const inner = openMemo(b, sentencesOf(b));
    expect(memoOf(b)).toBeDefined();
    closeMemo(inner);
    expect(memoOf(a)).toBeDefined();
    expect(memoOf(b)).toBeUndefined();
    closeMemo(outer);
    expect(memoOf(a)).toBeUndefined();
  });
});
