/**
 * The web page in a real browser (headless Chromium via playwright-core) against a real listening
 * server: paste and check a plan, highlights in place, keyboard details, accepting a suggestion,
 * filters, dismissing, opening a .docx, check-as-you-type, privacy (no requests elsewhere, nothing
 * stored in the browser), an axe-core accessibility check, and screenshots at desktop and phone
 * widths. All text is synthetic.
 */
/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { docx } from '@sourdough/readers';
import { FIXTURES } from '../helper.js';
import { DOCS_IMAGES, SCREENSHOT_DIR, launchBrowser, startServer } from './browser.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PLAN = readFileSync(fileURLToPath(new URL('./fixtures/plan.txt', import.meta.url)), 'utf8');
const DOCX_PLAN = join(FIXTURES, 'documents', 'docx-plan', 'input.docx');
const DOCX_CLEAN = join(FIXTURES, 'documents', 'docx-clean', 'input.docx');

/** The highlights the fixture plan must get: exact text and category, in order. */
const EXPECTED_MARKS = [
  { text: 'service user', categories: 'dehumanising' },
  { text: 'suffers from', categories: 'deficit' },
  { text: 'wheelchair-bound', categories: 'deficit' },
  { text: 'refused', categories: 'blaming' },
  { text: 'attention-seeking', categories: 'blaming' },
  { text: 'is allowed to', categories: 'control' },
];

interface Mark {
  text: string;
  categories: string;
  label: string;
}

let app: FastifyInstance;
let base: string;
let browser: Browser;
let context: BrowserContext;
/** Problems seen by the current test's page: console errors (CSP violations included), page errors, requests elsewhere. */
let problems: string[] = [];

beforeAll(async () => {
  ({ app, url: base } = await startServer());
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  // Fail a step quickly with Playwright's own message rather than hit the test's time limit.
  context.setDefaultTimeout(8000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

afterEach(() => {
  expect(problems).toEqual([]);
  problems = [];
});

/** Record the page's problems (see `problems`) from now on. */
function watch(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`) && !r.url().startsWith('data:')) problems.push(`request elsewhere: ${r.url()}`);
  });
}

async function openPage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  watch(page);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  return page;
}

/** Paste text (through the clipboard, as a person would) with check-as-you-type off, press Check, and wait for the result. */
async function pasteAndCheck(page: Page, text: string): Promise<void> {
  await page.uncheck('#auto');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#text');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  expect(await page.inputValue('#text')).toBe(text);
  await page.click('#check');
  await page.waitForFunction(() => /^Checked/.test(document.getElementById('status')?.textContent ?? ''));
}

async function marks(page: Page): Promise<Mark[]> {
  return page.$$eval('#view mark', (ms) =>
    ms.map((m) => ({ text: m.textContent ?? '', categories: m.getAttribute('data-categories') ?? '', label: m.getAttribute('aria-label') ?? '' })),
  );
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays in force.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

const serious = (vs: { impact: string }[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('the web page', () => {
  it('checks a pasted plan and highlights each finding in place', async () => {
    const page = await openPage();
    await pasteAndCheck(page, PLAN);

    const got = await marks(page);
    expect(got.map(({ text, categories }) => ({ text, categories }))).toEqual(EXPECTED_MARKS);
    expect(got[3]!.label).toBe('“refused”: Blaming, warning. Open details.');

    // The highlights are exactly the API's findings with a span, at their offsets.
    const api = (await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: PLAN } })).json() as {
      findings: { text?: string; category: string; start?: { offset: number }; end?: { offset: number } }[];
      stats: { words: number };
    };
    const spans = api.findings.filter((f) => f.start);
    expect(spans.map((f) => ({ text: f.text, categories: f.category }))).toEqual(EXPECTED_MARKS);
    for (const f of spans) expect(PLAN.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    // The view shows the whole text, unchanged.
    expect(await page.textContent('#view')).toBe(PLAN);

    // The list has every finding, document-level ones included, and the summary the figures.
    const items = await page.$$eval('#findings button.finding-item', (bs) => bs.map((b) => b.querySelector('.finding-text')?.textContent));
    expect(items).toHaveLength(api.findings.length);
    expect(items).toContain('Whole document');
    expect(await page.textContent('.figures')).toContain(`Words${api.stats.words}`);
    expect(await page.textContent('#status')).toBe(`Checked ${api.stats.words} words: ${api.findings.length} findings.`);
    const chips = await page.$$eval('#category-filters label', (ls) => ls.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()));
    expect(chips).toEqual(['D Deficit (2)', 'H Dehumanising (1)', 'B Blaming (2)', 'C Control (1)', 'V Voice (1)']);

    // Private: nothing stored in the browser.
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await page.textContent('#privacy')).toMatch(/checked on this server and then forgotten: it is never stored/);
    await page.close();
  });

  it('opens a finding with the keyboard, explains it, and closes on Escape', async () => {
    const page = await openPage();
    await pasteAndCheck(page, PLAN);
    // Tab from the Check button until a highlight has focus: the highlights are in the tab order.
    await page.focus('#check');
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'refused'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.matches('#view mark') ? document.activeElement.textContent ?? '' : ''));
    }
    expect(focused).toBe('refused');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    expect(await page.textContent('#details-title')).toBe('“refused”');
    const body = page.locator('#details-body');
    await expect.poll(() => body.locator('.rationale').textContent()).not.toBe('Loading…');
    const rule = (await app.inject({ method: 'GET', url: '/v1/rules/blaming/refuses' })).json() as { rationale: string };
    expect(await body.locator('.rationale').textContent()).toBe(rule.rationale.trim());
    expect(await body.locator('.detail-message').textContent()).toMatch(/“refused”/);
    expect(await body.locator('.suggestion').allTextContents()).toContain('declined');
    // "did not want to because …" is advice with a gap: it can be copied but not put in the text.
    const gap = body.locator('.suggestions li', { hasText: 'did not want to because' });
    expect(await gap.locator('button.accept').count()).toBe(0);
    expect(await body.locator('a[href="/rules/blaming/refuses"]').count()).toBe(1);

    await page.keyboard.press('Escape');
    await page.waitForSelector('#details:not([open])', { state: 'attached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('refused');

    // The findings list works the same way: Enter on an item opens it.
    await page.focus('#findings button.finding-item[data-category="control"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details[open]');
    expect(await page.textContent('#details-title')).toBe('“is allowed to”');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-category'))).toBe('control');

    // The rule page the link points to renders, from this server.
    await page.goto(`${base}/rules/blaming/refuses`);
    expect(await page.textContent('h1')).toBe('blaming/refuses');
    expect(await page.textContent('main')).toContain(rule.rationale.trim());
    await page.close();
  });

  it('copies a suggestion, and changes the text only when a suggestion is chosen', async () => {
    const page = await openPage();
    await pasteAndCheck(page, PLAN);
    await page.click('#view mark:text-is("refused")');
    await page.waitForSelector('#details[open]');
    const item = page.locator('#details-body .suggestions li', { hasText: 'declined' });

    await item.locator('button', { hasText: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('declined');
    expect(await page.textContent('#status')).toBe('Copied “declined”.');
    expect(await page.inputValue('#text')).toBe(PLAN); // opening and copying change nothing

    await item.locator('button.accept').click();
    await page.waitForSelector('#details:not([open])', { state: 'attached' });
    expect(await page.inputValue('#text')).toBe(PLAN.replace('Sam refused his tablets', 'Sam declined his tablets'));
    // What was replaced stays said when the new check's result comes in.
    await page.waitForFunction(() => /^Replaced “refused” with “declined”\. Checked/.test(document.getElementById('status')?.textContent ?? ''));
    const after = await marks(page);
    expect(after.map((m) => m.text)).toEqual(EXPECTED_MARKS.map((m) => m.text).filter((t) => t !== 'refused'));
    expect(await page.textContent('#view')).toContain('Sam declined his tablets');
    // The browser's own undo still works after a replacement.
    await page.focus('#text');
    await page.keyboard.press('Control+z');
    expect(await page.inputValue('#text')).toBe(PLAN);
    await page.close();
  });

  it('filters by category and severity, and dismisses a finding for the session', async () => {
    const page = await openPage();
    await pasteAndCheck(page, PLAN);
    await page.uncheck('#category-filters input[value="deficit"]');
    expect((await marks(page)).map((m) => m.text)).toEqual(['service user', 'refused', 'attention-seeking', 'is allowed to']);
    expect(await page.locator('#findings button[data-category="deficit"]').count()).toBe(0);
    expect(await page.textContent('#status')).toMatch(/^Deficit hidden\. 5 findings shown\.$/);
    await page.uncheck('#severity-filters input[value="warning"]');
    expect(await marks(page)).toEqual([]);
    expect(await page.$$eval('#findings .finding-text', (s) => s.map((x) => x.textContent))).toEqual(['Whole document']);
    await page.check('#severity-filters input[value="warning"]');
    await page.check('#category-filters input[value="deficit"]');
    expect(await marks(page)).toHaveLength(EXPECTED_MARKS.length);

    // Dismiss "service user": it disappears, stays gone after a re-check, and can be restored.
    await page.click('#view mark:text-is("service user")');
    await page.click('#details-body button.dismiss');
    await page.waitForSelector('#details:not([open])', { state: 'attached' });
    expect((await marks(page)).map((m) => m.text)).not.toContain('service user');
    // Focus moves on to the next finding in the list (once the dialog's close event has run).
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.finding-text')?.textContent)).toBe('“suffers from”');
    await page.click('#check');
    await page.waitForFunction(() => /^Checked/.test(document.getElementById('status')?.textContent ?? ''));
    expect((await marks(page)).map((m) => m.text)).not.toContain('service user');
    expect(await page.textContent('#dismissed-count')).toBe('1 dismissed finding is hidden.');
    await page.click('#restore');
    expect((await marks(page)).map((m) => m.text)).toContain('service user');
    await page.close();
  });

  it('opens a .docx file with the same text the server reads from it, and checks it', async () => {
    const page = await openPage();
    await page.setInputFiles('#file', DOCX_PLAN);
    await page.waitForFunction(() => /^Opened [^ ]+\. Checked/.test(document.getElementById('status')?.textContent ?? ''));
    const expected = await docx(readFileSync(DOCX_PLAN), 'input.docx');
    expect(await page.inputValue('#text')).toBe(expected.source);
    const got = (await marks(page)).map(({ text, categories }) => ({ text, categories }));
    expect(got).toContainEqual({ text: 'service user', categories: 'dehumanising' });
    expect(got).toContainEqual({ text: 'refused', categories: 'blaming' });
    expect(got).toContainEqual({ text: 'wheelchair-bound', categories: 'deficit' });

    const clean = await docx(readFileSync(DOCX_CLEAN), 'input.docx');
    await page.setInputFiles('#file', DOCX_CLEAN);
    await page.waitForFunction((t) => (document.getElementById('text') as HTMLTextAreaElement).value === t, clean.source);
    await page.waitForFunction(() => /^Opened [^ ]+\. Checked/.test(document.getElementById('status')?.textContent ?? ''));

    // Something that is not a Word document gets a plain message and leaves the text alone.
    await page.setInputFiles('#file', join(FIXTURES, 'documents', 'corrupt-docx', 'input.docx'));
    await page.waitForFunction(() => /not a Word/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.inputValue('#text')).toBe(clean.source);

    // A Markdown file dropped onto the box is opened, read as Markdown, and checked.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['# My plan\n\nKim refused the bath.\n'], 'plan.md', { type: 'text/markdown' }));
      document.getElementById('text')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => (document.getElementById('text') as HTMLTextAreaElement).value.startsWith('# My plan'));
    await page.waitForFunction(() => document.querySelector('#view')?.textContent?.startsWith('# My plan'));
    expect(await page.inputValue('#format')).toBe('markdown');
    expect((await marks(page)).map((m) => m.text)).toEqual(['refused']);
    await page.close();
  });

  it('passes the options: what the document is, and whether to check quoted words', async () => {
    const page = await openPage();
    await pasteAndCheck(page, 'Kim said: "I refused the bath because the water was too cold."');
    expect(await marks(page)).toEqual([]);
    await page.check('#quotes');
    await page.waitForSelector('#view mark');
    expect((await marks(page)).map((m) => m.text)).toEqual(['refused']);
    expect(await page.textContent('#findings')).toContain('the person’s own words');
    // The person's own words are theirs: the details offer to copy a suggestion, never to put it in.
    await page.click('#view mark:text-is("refused")');
    await page.waitForSelector('#details[open]');
    expect(await page.locator('#details-body .suggestions li', { hasText: 'declined' }).count()).toBe(1);
    expect(await page.locator('#details-body button.accept').count()).toBe(0);
    await page.keyboard.press('Escape');

    await pasteAndCheck(page, PLAN);
    await page.selectOption('#kind', 'plan');
    await page.waitForFunction(() => /support plan/.test(document.getElementById('summary')?.textContent ?? ''));
    await page.selectOption('#kind', 'note');
    await page.waitForFunction(() => /Read as a case note/.test(document.getElementById('summary')?.textContent ?? ''));
    await page.close();
  });

  it('points out long sentences when asked (an opt-in rule)', async () => {
    const page = await openPage();
    const long = 'Following the review on Tuesday, which Amira attended with her sister and her advocate, we agreed that the morning calls would move to half past nine because she finds the earlier time rushed and tiring, and that we would look again in six weeks.';
    await pasteAndCheck(page, long);
    expect(await marks(page)).toEqual([]);
    await page.check('#long');
    await page.waitForSelector('#view mark');
    expect((await marks(page)).map((m) => m.text)).toEqual([long]);
    expect(await page.textContent('#findings')).toContain('This sentence is 44 words long');
    await page.uncheck('#long');
    await page.waitForFunction(() => !document.querySelector('#view mark'));
    await page.close();
  });

  it('never shows findings for older text as current: a text changed while it was checked stays marked as changed', async () => {
    const page = await openPage();
    await page.uncheck('#auto');
    // Hold the answer back until the text has changed.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/v1/analyse', async (route) => {
      await held;
      await route.continue();
    });
    await page.fill('#text', 'Jo refused lunch today.');
    await page.click('#check');
    await page.focus('#text');
    await page.keyboard.press('End');
    await page.keyboard.type(' Amira is attention seeking.');
    release();
    await page.waitForFunction(() => /Your text has changed since/.test(document.getElementById('status')?.textContent ?? ''));
    // The result is said, with what to do about the change, and stays said.
    await page.waitForTimeout(300);
    expect(await page.textContent('#status')).toBe('Checked 4 words: 1 finding. Your text has changed since: press Check to see the findings for it.');
    expect(await page.getAttribute('#view', 'class')).toMatch(/\bstale\b/);
    expect(await page.getAttribute('#check', 'aria-busy')).toBeNull();
    await page.close();
  });

  it('refuses a text file that is not UTF-8 rather than garbling it, and a dropped check does not leave the button busy', async () => {
    const page = await openPage();
    await page.uncheck('#auto');
    await page.route('**/v1/analyse', () => {}); // never answered: the check stays in progress
    await page.fill('#text', 'Jo refused lunch today.');
    await page.click('#check');
    await page.waitForFunction(() => document.getElementById('check')?.getAttribute('aria-busy') === 'true');
    await page.setInputFiles('#file', { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0x65, 0x20, 0x72, 0x65, 0x66, 0x75, 0x73, 0x65, 0x64, 0x2e]) });
    await page.waitForFunction(() => /note\.txt is not saved as UTF-8/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.inputValue('#text')).toBe('Jo refused lunch today.');
    expect(await page.getAttribute('#check', 'aria-busy')).toBeNull();
    await page.close();
  });

  it('says how long a text may be, in plain terms, when it is too long for the server', async () => {
    const page = await openPage();
    await page.uncheck('#auto');
    await page.route('**/v1/analyse', (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify({ statusCode: 413, code: 'SD_ERR_TOO_LARGE', error: 'Payload Too Large', message: 'The request is larger than this server accepts (at most 1048576 bytes).' }) }),
    );
    await page.fill('#text', 'Jo refused lunch today.');
    await page.click('#check');
    await page.waitForFunction(() => /longer than this server/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.textContent('#status')).toBe('This text is longer than this server checks at once (about 1 MB of text). Split it into parts and check each one.');
    problems = problems.filter((p) => !p.startsWith('413:')); // the refusal itself is expected here
    await page.close();
  });

  it('checks as you type, after a short pause', async () => {
    const page = await openPage();
    await page.click('#text');
    await page.keyboard.type('Jo refused lunch today.');
    await page.waitForSelector('#view mark');
    expect((await marks(page)).map((m) => m.text)).toEqual(['refused']);
    await page.close();
  });

  it('asks for an API key when the server needs one, and keeps it out of storage', async () => {
    const keyed = await startServer({ apiKeys: ['sd-web-test-key'] });
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(`${keyed.url}/`);
      await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
      await page.uncheck('#auto');
      await page.fill('#text', PLAN);
      await page.click('#check');
      await page.waitForSelector('#api-key-box:not([hidden])');
      expect(await page.textContent('#status')).toBe('This server needs an API key: enter it below, then press Check.');
      expect(await marks(page)).toEqual([]);
      await page.fill('#api-key', 'sd-web-test-key');
      await page.click('#check');
      await page.waitForFunction(() => /^Checked/.test(document.getElementById('status')?.textContent ?? ''));
      expect(await marks(page)).toHaveLength(EXPECTED_MARKS.length);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      expect(await context.cookies()).toEqual([]);
      await page.close();
    } finally {
      await keyed.app.close();
    }
  });

  it('has no serious or critical accessibility problems (axe-core), and takes screenshots', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await openPage(viewport);
      expect(serious(await axeViolations(page)), `${name}, empty page`).toEqual([]);
      await pasteAndCheck(page, PLAN);
      await page.check('#auto');
      expect(serious(await axeViolations(page)), `${name}, with findings`).toEqual([]);
      // Nothing wider than the screen at either width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      if (name === 'phone') await page.locator('#view-heading').evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: join(SCREENSHOT_DIR, `web-${name}.png`), fullPage: name === 'desktop' });
      await page.click('#view mark:text-is("refused")');
      await page.waitForSelector('#details[open]');
      await expect.poll(() => page.locator('#details-body .rationale').textContent()).not.toBe('Loading…');
      expect(serious(await axeViolations(page)), `${name}, details open`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `web-${name}-details.png`) });
      await page.goto(`${base}/rules/blaming/refuses`);
      expect(serious(await axeViolations(page)), `${name}, rule page`).toEqual([]);
      await page.close();
    }
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(DOCS_IMAGES, { recursive: true });
      for (const f of ['web-desktop.png', 'web-phone.png', 'web-phone-details.png']) copyFileSync(join(SCREENSHOT_DIR, f), join(DOCS_IMAGES, f));
    }
  });
});

describe('the API reference at /docs', () => {
  it('lists the routes from the bundled Swagger UI, under the same strict CSP, with nothing blocked and no request elsewhere', async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/docs`);
    await page.waitForSelector('.opblock-summary-path');
    const paths = await page.$$eval('.opblock-summary-path', (es) => es.map((e) => e.getAttribute('data-path') ?? e.textContent ?? ''));
    for (const path of ['/v1/analyse', '/v1/rules', '/v2/check', '/healthz']) expect(paths).toContain(path);
    // The CSP is the strict one the web page has: Swagger UI's logo style is allowed by its hash alone.
    const csp = (await page.request.get(`${base}/docs/static/index.html`)).headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toMatch(/unsafe-inline/);
    // Give a late-inserted style a moment to be refused, so afterEach sees it.
    await page.waitForTimeout(300);
    await page.close();
  });
});
