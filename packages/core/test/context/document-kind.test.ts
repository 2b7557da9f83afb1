/** Document kind: plan headings (Markdown sections or plain-text lines), first-person plans, notes. */
import { describe, expect, it } from 'vitest';
import { detectDocumentKind, isPlanHeading, resolveDocumentKind } from '../../src/context/document-kind.js';
import { text } from '../../src/readers/text.js';
import { markdown } from '../../src/readers/markdown.js';

describe('document kind', () => {
  it.each(['About me', "What's important to me", 'What is important to me', 'How best to support me', 'What people like and admire about me', 'One-page profile'])(
    'a plain-text heading "%s" makes a plan',
    (h) => {
      expect(detectDocumentKind(text(`${h}\nJack likes tea. He goes out on Mondays.`))).toBe('plan');
    },
  );
  it('reads Markdown sections', () => {
    expect(detectDocumentKind(markdown('# How best to support me\n\nJack likes tea.\n'))).toBe('plan');
    expect(detectDocumentKind(markdown('# Home visit\n\nJack was in bed.\n'))).toBe('note');
  });
  it('counts a heading-less first-person plan, not a worker-first-person note', () => {
    const plan = ['I like tea.', 'My cat is called Tibbs.', 'I go out on Mondays.'];
    expect(detectDocumentKind(text(plan.join(' ')), plan)).toBe('plan');
    const note = ['I visited Jack at home.', 'I made him tea.', 'My manager agreed the plan.'];
    expect(detectDocumentKind(text(note.join(' ')), note)).toBe('note');
    const told = ['Visited Tom at home.', 'Tom showed me his photographs.', 'Tom told me he would like to go out.'];
    expect(detectDocumentKind(text(told.join(' ')), told)).toBe('note');
  });
  it('defaults to a note, and the option wins over detection', () => {
    const doc = text('Jack was in bed. The kitchen was untidy.');
    expect(resolveDocumentKind('auto', doc)).toBe('note');
    expect(resolveDocumentKind('plan', doc)).toBe('plan');
  });
  it('does not take a heading phrase inside a sentence for a heading', () => {
    expect(isPlanHeading('About me')).toBe(true);
    expect(isPlanHeading('Jack told me about me and my family.')).toBe(false);
    expect(detectDocumentKind(text('Jack talked about his support plan at length today. He was cheerful.'))).toBe('note');
  });
});
