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
  it('finds heading lines whatever their line endings and padding', () => {
    expect(detectDocumentKind(text('Visit on Monday.\r\nAbout me\r\nJack likes tea. He goes out on Mondays.'))).toBe('plan');
    expect(detectDocumentKind(text(`Visit on Monday.\n${' '.repeat(70)}About me${'\t'.repeat(5)}\nJack likes tea.`))).toBe('plan');
    // Padding that only trim() knows (an em space) still leaves a short heading.
    expect(detectDocumentKind(text(`Visit on Monday.\n${'\u2003'.repeat(70)}About me\nJack likes tea.`))).toBe('plan');
    // A heading phrase that opens a long line is not a heading.
    expect(detectDocumentKind(text(`About me and the people who know me best, written with my sister over two long afternoons\nJack likes tea.`))).toBe('note');
    expect(detectDocumentKind(text('About me.\nJack likes tea.'))).toBe('note');
  });
  it('takes a plain-text first line naming the document a plan as its title, even a long one', () => {
    expect(detectDocumentKind(text('Support plan for Sam Green, reviewed on 12 March 2026 with Sam and her daughter Priya\n\nSam likes tea.'))).toBe('plan');
    expect(detectDocumentKind(text('  Care and support plan – Sam (a made-up example: the name and details are invented)\nSam likes tea.'))).toBe('plan');
    expect(detectDocumentKind(text('Care plan: Jack\nJack likes tea.'))).toBe('plan');
    // Only the first line, only as a title: not a sentence, not further down, not past 120 characters.
    expect(detectDocumentKind(text('Support plan reviewed with Sam today.\nSam likes tea.'))).toBe('note');
    expect(detectDocumentKind(text('Visit on Monday\nSupport plan for Sam Green, reviewed on 12 March 2026 with Sam and her daughter Priya\nSam likes tea.'))).toBe('note');
    expect(detectDocumentKind(text(`Support plan for Sam ${'and more '.repeat(12)}\nSam likes tea.`))).toBe('note');
  });
  it.each([
    'CPA care plan — Dev (made-up example)',
    'Care Programme Approach care plan',
    'Section 117 aftercare plan for Dev',
    'S117 aftercare plan',
    'Positive behaviour support plan: Kai',
    'Behaviour support plan',
    'End of life care plan',
    'Advance care plan – Rhona',
    'Pathway plan for Tyler, reviewed in May',
    'EHC plan',
    'Education, health and care plan – Maya',
    'Safety plan',
    'Transition plan for Kai',
    'Person-centred plan',
  ])('takes a title naming a kind of plan, "%s", as a plan', (title) => {
    expect(detectDocumentKind(text(`${title}\nDev likes tea.`))).toBe('plan');
    expect(detectDocumentKind(markdown(`# ${title}\n\nDev likes tea.\n`))).toBe('plan');
  });
  it('does not take a bare plan, a ward note\'s discharge plan or a heading further down for a plan title', () => {
    for (const title of ['Plan for Tuesday', 'Discharge plan', 'Plan', 'CPA review meeting notes', 'Safety planning call with Dev']) {
      expect(detectDocumentKind(text(`${title}\nDev likes tea.`)), title).toBe('note');
    }
    expect(detectDocumentKind(markdown('# Home visit\n\nDev was in.\n\n## CPA care plan\n\nTo be reviewed.\n'))).toBe('note');
    expect(detectDocumentKind(markdown('Visit on Monday.\n\n# EHC plan\n\nTo be reviewed.\n'))).toBe('note');
  });
  it('counts exactly half the sentences as I-statements as a plan, and one fewer as a note', () => {
    const half = ['I like tea.', 'Tea is hot.', 'My home is warm.', 'The bus is late.'];
    expect(detectDocumentKind(text(half.join(' ')), half)).toBe('plan');
    const under = ['I like tea.', 'Tea is hot.', 'The home is warm.', 'The bus is late.', 'My family visit.'];
    expect(detectDocumentKind(text(under.join(' ')), under)).toBe('note');
    const odd = ['I like tea.', 'Tea is hot.', 'My home is warm.', 'The bus is late.', 'I am happy.'];
    expect(detectDocumentKind(text(odd.join(' ')), odd)).toBe('plan');
  });
  it('accepts sentence views as well as texts', () => {
    const plan = ['I like tea.', 'My cat is called Tibbs.', 'I go out on Mondays.'];
    expect(detectDocumentKind(text(plan.join(' ')), plan.map((t) => ({ text: t })))).toBe('plan');
  });
  it('skips the trim for long sentences without losing a padded heading', () => {
    expect(isPlanHeading(`${' '.repeat(70)}About me`)).toBe(true);
    expect(isPlanHeading(`About me${'\u2003'.repeat(70)}`)).toBe(true);
    expect(isPlanHeading(`About me and everything else that matters to me in my life at home`)).toBe(false);
  });
});
