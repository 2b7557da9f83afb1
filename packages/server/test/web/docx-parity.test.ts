/**
 * The web page and the server read a .docx the same way: the page's reader (public/docx.js, which
 * loads the readers' own readDocx bundled for the browser) runs in headless Chromium on the same
 * files as the server's reader (@sourdough/readers' docx()) runs in Node, and the text must be the
 * same, character for character: the shared fixtures, and files built for what a plain reading of
 * document.xml gets wrong (page headers and footers, footnotes and endnotes, hidden text, embedded
 * chunks, text boxes, fields, breaks). A file one cannot read, the other cannot either.
 */
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { docx } from '@sourdough/readers';
import { FIXTURES } from '../helper.js';
import { NS, makeDocx, p, r } from '../../../readers/test/make-docx.js';
import { launchBrowser, startServer } from './browser.js';

let app: FastifyInstance;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  let base: string;
  ({ app, url: base } = await startServer());
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  expect(problems).toEqual([]);
});

/**
 * Runs in the page: read the bytes (base64) with the page's own reader. Given as source text, not
 * a function, so the test runner does not rewrite its dynamic import.
 */
const READ_IN_PAGE = `async (b64) => {
  const bin = atob(b64);
  const data = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
  const { docxText } = await import('/docx.js');
  try {
    return { text: await docxText(data) };
  } catch (err) {
    return { error: err.message };
  }
}`;

/** The page's reading of a file: its text, or the message it would show. */
async function pageReads(bytes: Uint8Array): Promise<{ text: string } | { error: string }> {
  return page.evaluate(`(${READ_IN_PAGE})(${JSON.stringify(Buffer.from(bytes).toString('base64'))})`);
}

const styles =
  '<w:style w:type="character" w:styleId="Guidance"><w:name w:val="Guidance"/><w:rPr><w:vanish/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="MoreGuidance"><w:name w:val="More guidance"/><w:basedOn w:val="Guidance"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden para"/><w:rPr><w:vanish/></w:rPr></w:style>';
const note = (kind: string): string => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="1"/></w:r>`;
const box = (text: string): string =>
  `<w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;

/** Files built for this test: name → bytes. Synthetic text only. */
async function builtFiles(): Promise<[string, Uint8Array][]> {
  return [
    [
      'headers, footers, notes, hidden text',
      await makeDocx({
        styles,
        body: [
          p('About me', 'Heading1'),
          p(r('Template guidance: avoid phrases like service user.', '<w:vanish/>')),
          p(r('Sam enjoys swimming.') + r(' [note: the service user kicked off]', '<w:vanish/>') + note('footnote')),
          p(r('Sam chose tea.') + r(' Guidance: wheelchair-bound.', '<w:rStyle w:val="MoreGuidance"/>')),
          p('Staff said Sam refused.', 'HiddenPara'),
          p(r('Shown again: Sam went out.', '<w:vanish w:val="0"/>') + note('endnote')),
        ].join(''),
        footnotes: `<w:footnote w:id="1">${p('The service user was wheelchair-bound at the time.')}${p(r('Hidden note.', '<w:vanish/>'))}</w:footnote>`,
        headers: [p('Support plan: service user Sam Example'), p('Support plan: service user Sam Example')],
        footers: [p(r('Page ') + r('footer guidance', '<w:vanish/>') + r('one of two'))],
        parts: { 'word/endnotes.xml': `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${NS}><w:endnote w:id="1">${p('Staff said Sam is attention-seeking.')}</w:endnote></w:endnotes>` },
        rels: { rIdEn: ['endnotes', 'endnotes.xml'] },
      }),
    ],
    [
      'embedded HTML and text chunks',
      await makeDocx({
        body: p('Intro.') + '<w:altChunk r:id="rIdA"/>' + p('Middle.') + '<w:altChunk r:id="rIdB"/>' + p('End.'),
        parts: {
          'word/chunk.html': '<html><head><title>x</title></head><body><h1>Notes</h1><p>The service user <b>re</b>fused lunch &amp; tea.</p><p hidden>Not shown.</p><ul><li>One</li><li>Two</li></ul></body></html>',
          'word/chunk.txt': 'Sam is wheelchair-bound.\r\n\r\nSam went out.',
        },
        rels: { rIdA: ['aFChunk', 'chunk.html'], rIdB: ['aFChunk', 'chunk.txt'] },
        defaults: { html: 'text/html', txt: 'text/plain' },
      }),
    ],
    [
      'fields, breaks, soft hyphens, text boxes, tables, deleted and moved text',
      await makeDocx({
        body: [
          p(r('Name: ') + '<w:fldSimple w:instr=" MERGEFIELD PreferredName "><w:r><w:t>Sam Example</w:t></w:r></w:fldSimple>' + r(' refused lunch.')),
          p('<w:dir w:val="ltr"><w:r><w:t>Staff say Sam is non-compliant.</w:t></w:r></w:dir>'),
          p('<w:r><w:t>The service</w:t><w:cr/><w:t>user went out.</w:t></w:r>'),
          p('<w:r><w:t>Name:</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>Sam</w:t><w:tab/><w:t>again</w:t></w:r>'),
          p('<w:r><w:t>Seen by</w:t><w:br w:type="column"/><w:t>staff</w:t><w:br/><w:t>today.</w:t></w:r>'),
          p('<w:r><w:t>The ser</w:t><w:softHyphen/><w:t>vice user re\u00adfused.</w:t></w:r>'),
          p('<w:r><w:t>Non</w:t><w:noBreakHyphen/><w:t>compliant.</w:t></w:r>'),
          `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('Box: the service user refused.')}</mc:Choice></mc:AlternateContent></w:r>${r('Body one.')}</w:p>`,
          `<w:p><w:r>${box('Drawing box: Sam is wheelchair-bound.')}</w:r>${r('Body two.')}</w:p>`,
          '<w:tbl><w:tr><w:tc>' + p('Cell one: refused.') + '</w:tc><w:tc>' + p('Cell two.') + '</w:tc></w:tr></w:tbl>',
          p(r('Kept. ') + '<w:del w:id="1" w:author="A"><w:r><w:delText>Deleted text.</w:delText></w:r></w:del><w:moveFrom w:id="2" w:author="A">' + r('Moved away.') + '</w:moveFrom><w:ins w:id="3" w:author="A">' + r('Inserted.') + '</w:ins>'),
          p('   '),
          p('Last line with trailing spaces.   '),
        ].join(''),
      }),
    ],
  ];
}

describe('the page and the server read a .docx the same way', () => {
  it('the shared fixtures', async () => {
    for (const name of ['docx-plan', 'docx-clean']) {
      const bytes = readFileSync(join(FIXTURES, 'documents', name, 'input.docx'));
      expect(await pageReads(bytes), name).toEqual({ text: (await docx(bytes, 'input.docx')).source });
    }
  });

  it('headers, footers, notes, hidden text, embedded chunks, text boxes, fields and breaks', async () => {
    for (const [name, bytes] of await builtFiles()) {
      const server = (await docx(bytes, 'input.docx')).source;
      expect(await pageReads(bytes), name).toEqual({ text: server });
    }
    // Spot checks that the files hold what they are meant to test (so an empty reading on both sides cannot pass).
    const [first, chunks] = (await builtFiles()).map(([, bytes]) => bytes);
    const text = ((await pageReads(first!)) as { text: string }).text;
    expect(text.split('\n')).toEqual([
      'About me',
      'Sam enjoys swimming.',
      'Sam chose tea.',
      'Shown again: Sam went out.',
      'The service user was wheelchair-bound at the time.',
      'Staff said Sam is attention-seeking.',
      'Support plan: service user Sam Example',
      'Page one of two',
    ]);
    expect(((await pageReads(chunks!)) as { text: string }).text).toContain('The service user refused lunch & tea.');
  });

  it('a file that cannot be read: the page says so plainly, as the server refuses it', async () => {
    const rtf = await makeDocx({
      body: p('Intro.') + '<w:altChunk r:id="rIdA"/>',
      parts: { 'word/chunk.rtf': '{\\rtf1 The service user refused.}' },
      rels: { rIdA: ['aFChunk', 'chunk.rtf'] },
      defaults: { rtf: 'application/rtf' },
    });
    await expect(docx(rtf, 'input.docx')).rejects.toMatchObject({ code: 'SD_ERR_READ_DOCX' });
    const got = await pageReads(rtf);
    expect(got).toEqual({ error: expect.stringMatching(/embedded in a form this page cannot read/) });
    expect(JSON.stringify(got)).not.toMatch(/service user|Intro/);

    const corrupt = readFileSync(join(FIXTURES, 'documents', 'corrupt-docx', 'input.docx'));
    await expect(docx(corrupt, 'input.docx')).rejects.toMatchObject({ code: 'SD_ERR_READ_DOCX' });
    expect(await pageReads(corrupt)).toEqual({ error: 'This file is not a Word (.docx) document, or it is damaged.' });
  });
});
