/** The html reporter: a self-contained page, everything escaped, failures and totals shown. */
import { describe, expect, it } from 'vitest';
import { html, htmlStream } from '../src/index.js';
import type { DocumentOutcome } from '@sourdough/core';
import { results, summary } from './sample.js';

describe('html', () => {
  const page = html(results, summary, { rules: { 'blaming/refuses': { id: 'blaming/refuses', category: 'blaming', severity: 'warning', message: 'm', rationale: 'Refusing <frames> a choice.' } } });

  it('is one self-contained page: no scripts, no external files', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('marks the phrase in its sentence and escapes all text', () => {
    expect(page).toContain('Jack <mark>refused</mark> his tablets.');
    expect(page).toContain('The <mark>service user</mark> said, &quot;no &lt;thanks&gt;&quot;, &amp; left.');
    expect(page).toContain('Refusing &lt;frames&gt; a choice.');
    expect(page).toContain('notes.csv — row 1 (id N-001)');
    expect(page).toContain('under “About me”');
  });

  it('shows bidirectional controls (U+202A–202E, U+2066–2069) from the documents as �, as the audit report and stylish do', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const f = results[0]!.findings![0]!;
    const hostile: DocumentOutcome[] = [
      {
        ...results[1]!,
        path: `notes\u202e.csv`,
        id: `N-\u2067001\u2069`,
        findings: [{ ...f, message: `“re\u202dfused” can make a choice sound like defiance.`, sentence: `Jack ${controls.join('')} refused his tablets.`, section: `About\u202e me`, suggestions: ['declined\u202b'] }],
      },
      { path: `x\u2066.csv`, row: 3, error: { code: 'SD_ERR_CSV_ROW', message: `x.csv row 3 \u2066hidden\u2069` } },
    ];
    const out = html(hostile, summary);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain(`Jack ${'\ufffd'.repeat(9)} <mark>refused</mark> his tablets.`);
    expect(out).toContain('notes\ufffd.csv — row 1 (id N-\ufffd001\ufffd)');
    expect(out).toContain('x.csv row 3 \ufffdhidden\ufffd');
    expect(out).toContain('under “About\ufffd me”');
  });

  it('lists documents that could not be checked and the totals', () => {
    expect(page).toContain('<strong>Could not check:</strong> notes.csv row 2 (line 3) has broken quoting');
    expect(page).toContain('<tr><th>documents read</th><td>4</td></tr><tr><th>analysed</th><td>2</td></tr><tr><th>could not be checked</th><td>2</td></tr>');
  });

  it('streams the same text', () => {
    const s = htmlStream();
    expect(s.start() + results.map((r) => s.result(r)).join('') + s.end(summary)).toBe(html(results, summary));
  });

  it('matches the snapshot', async () => {
    await expect(page).toMatchFileSnapshot('./snapshots/html.html');
  });
});
