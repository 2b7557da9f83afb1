/**
 * The web page: check a pasted or opened text with this server's API (POST /v1/analyse), show
 * each finding highlighted in place and in a list, explain it (GET /v1/rules/…), and let the
 * person copy a suggestion, put one into their text (only when they choose it), or dismiss a
 * finding for this session.
 *
 * Privacy: the text goes to this server only, and only when checked; it is never written to
 * cookies, localStorage or sessionStorage, never logged to the console, and forgotten when the
 * page closes. Works with the strict Content-Security-Policy (no inline script or style: the
 * highlights are styled by classes only).
 */
import { CATEGORIES, SEVERITIES, categoryOf, countBy, findingKey, fitCase, hasSpan, replaceAt, replacementsFor, ruleHref, segments, sortFindings } from './highlight.js';
import { docxText, DocxError } from './docx.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const el = {
  text: /** @type {HTMLTextAreaElement} */ ($('text')),
  check: $('check'),
  file: /** @type {HTMLInputElement} */ ($('file')),
  auto: /** @type {HTMLInputElement} */ ($('auto')),
  format: /** @type {HTMLSelectElement} */ ($('format')),
  kind: /** @type {HTMLSelectElement} */ ($('kind')),
  quotes: /** @type {HTMLInputElement} */ ($('quotes')),
  long: /** @type {HTMLInputElement} */ ($('long')),
  status: $('status'),
  apiKeyBox: $('api-key-box'),
  apiKey: /** @type {HTMLInputElement} */ ($('api-key')),
  summary: $('summary'),
  filters: $('filters'),
  categoryFilters: $('category-filters'),
  severityFilters: $('severity-filters'),
  dismissedNote: $('dismissed-note'),
  dismissedCount: $('dismissed-count'),
  restore: $('restore'),
  viewHeading: $('view-heading'),
  view: $('view'),
  findingsHeading: $('findings-heading'),
  findings: $('findings'),
  legend: $('legend'),
  dialog: /** @type {HTMLDialogElement} */ ($('details')),
  dialogTitle: $('details-title'),
  dialogBody: $('details-body'),
  dialogClose: $('details-close'),
};

/** Everything the page knows, in memory only. */
const state = {
  /** The text as it was when last checked (the findings' offsets index this). */
  checkedText: '',
  findings: /** @type {any[]} */ ([]),
  stats: /** @type {any} */ (null),
  dismissed: new Set(),
  hiddenCategories: new Set(),
  hiddenSeverities: new Set(),
  /** Rule metadata by id (rationale), fetched when a finding is first opened. */
  rules: new Map(),
  seq: 0,
  controller: /** @type {AbortController | null} */ (null),
  timer: 0,
  /** The element that opened the details, to return focus to. */
  opener: /** @type {HTMLElement | null} */ (null),
};

const AUTO_DELAY_MS = 900;
const nf = new Intl.NumberFormat('en-GB');
const nf1 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Create an element with attributes and children (strings become text nodes: never HTML). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

const plural = (n, one, many = `${one}s`) => `${nf.format(n)} ${n === 1 ? one : many}`;
const quoteOf = (s) => `“${s}”`;

function say(message) {
  el.status.textContent = message;
  // While the details dialog is open the page behind it is inert (and covered), so the message is
  // also said inside the dialog, where it can be seen and heard.
  const inDialog = $('details-status');
  if (inDialog) inDialog.textContent = el.dialog.open ? message : '';
}

function headers() {
  const out = { 'content-type': 'application/json', accept: 'application/json' };
  if (el.apiKey.value.trim()) out.authorization = `Bearer ${el.apiKey.value.trim()}`;
  return out;
}

/**
 * The server's "larger than it accepts (at most N bytes)" in a writer's terms: the size in MB or
 * KB, counted in bytes (so curly quotes and accents count more than once), and what to do.
 */
function tooLarge(message) {
  const bytes = Number(/at most (\d+) bytes/.exec(message ?? '')?.[1]);
  const size = !bytes ? '' : bytes >= 1024 * 1024 ? ` (about ${nf.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB of text)` : ` (about ${nf.format(Math.round(bytes / 1024))} KB of text)`;
  return `This text is longer than this server checks at once${size}. Split it into parts and check each one.`;
}

/** Fetch JSON from this server; errors become an Error with the server's plain message. */
async function api(path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { ...headers(), ...(init.headers ?? {}) }, credentials: 'same-origin', cache: 'no-store' });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new Error('Could not reach the sourdough server. Check it is still running, then try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = new Error(res.status === 413 && body?.code === 'SD_ERR_TOO_LARGE' ? tooLarge(body.message) : body && typeof body.message === 'string' ? body.message : `The server answered ${res.status}.`);
    e.status = res.status;
    throw e;
  }
  return body;
}

// ---------------------------------------------------------------------------
// Checking

/**
 * Check the text in the box now (cancels a check in progress). `quiet` (check-as-you-type) skips
 * the "Checking…" announcement, so screen readers hear only the result while someone types.
 */
async function check(quiet = false, prefix = '') {
  clearTimeout(state.timer);
  const text = el.text.value;
  if (!text.trim()) {
    state.controller?.abort();
    state.checkedText = '';
    state.findings = [];
    state.stats = null;
    render();
    say('Nothing to check yet: paste or open a plan first.');
    return;
  }
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const seq = ++state.seq;
  el.check.setAttribute('aria-busy', 'true');
  if (!quiet) say('Checking…');
  try {
    const result = await api('/v1/analyse', { method: 'POST', body: JSON.stringify(requestBody(text)), signal: controller.signal });
    if (seq !== state.seq) return;
    state.checkedText = text;
    state.findings = sortFindings(result.findings);
    state.stats = result.stats;
    render();
    if (el.text.value !== text) {
      // The text changed while it was being checked: these findings are for the text as it was.
      el.view.classList.add('stale');
      say(`${prefix}${checkedMessage()} Your text has changed since: ${el.auto.checked ? 'checking it again shortly.' : 'press Check to see the findings for it.'}`);
      if (el.auto.checked) scheduleCheck();
      return;
    }
    say(prefix + checkedMessage());
  } catch (err) {
    if (err && err.name === 'AbortError') return;
    if (seq !== state.seq) return;
    if (err.status === 401) {
      el.apiKeyBox.hidden = false;
      say(el.apiKey.value ? 'That API key was not accepted. Check it and press Check again.' : 'This server needs an API key: enter it below, then press Check.');
      return;
    }
    say(err.message);
  } finally {
    if (seq === state.seq) el.check.removeAttribute('aria-busy');
  }
}

/** The POST /v1/analyse body for the text and the options chosen on the page. */
function requestBody(text) {
  const body = { text, format: el.format.value };
  if (el.kind.value !== 'auto') body.kind = el.kind.value;
  if (el.quotes.checked) body.includeQuotes = true;
  // Sentence length is an opt-in rule: it runs only when named by its id.
  if (el.long.checked) body.rules = { enable: ['voice/long-sentence'] };
  return body;
}

function checkedMessage() {
  const shown = visibleFindings().length;
  const all = state.findings.length;
  if (!all) return `Checked ${plural(state.stats?.words ?? 0, 'word')}: nothing to flag.`;
  const hidden = all - shown;
  return `Checked ${plural(state.stats?.words ?? 0, 'word')}: ${plural(all, 'finding')}${hidden ? ` (${nf.format(hidden)} hidden by filters or dismissed)` : ''}.`;
}

/** Check after a short pause in typing, when that is switched on. */
function scheduleCheck() {
  clearTimeout(state.timer);
  const changed = el.text.value !== state.checkedText;
  el.view.classList.toggle('stale', changed && state.checkedText !== '');
  if (!el.auto.checked) {
    if (changed && state.checkedText) say('Your text has changed since it was checked: press Check to see the findings for it.');
    return;
  }
  state.timer = window.setTimeout(() => check(true), AUTO_DELAY_MS);
}

// ---------------------------------------------------------------------------
// Rendering

function visibleFindings() {
  return state.findings.filter((f) => !state.dismissed.has(findingKey(f)) && !state.hiddenCategories.has(f.category) && !state.hiddenSeverities.has(f.severity));
}

function render() {
  el.view.classList.remove('stale');
  renderSummary();
  renderFilters();
  $('jump').hidden = !state.stats;
  renderView();
  renderList();
}

function badge(category) {
  const c = categoryOf(category);
  return h('span', { class: `badge cat-${c.id}`, 'aria-hidden': 'true' }, c.letter);
}

function renderSummary() {
  const s = state.stats;
  el.summary.replaceChildren();
  if (!s) {
    el.summary.append(
      h('p', { class: 'empty' }, 'Paste or open a plan, then press ', h('strong', {}, 'Check'), '. Each phrase worth a second look is highlighted, with why it matters and what you might write instead.'),
    );
    return;
  }
  const figures = [
    ['Words', nf.format(s.words)],
    ['Findings', nf.format(s.findings)],
    ['Per 1,000 words', nf1.format(s.per1000Words ?? 0)],
  ];
  if (typeof s.strengths === 'number') figures.push(['Strengths and hopes noted', nf.format(s.strengths)]);
  if (typeof s.personVoiceShare === 'number') figures.push(['Sentences in the person’s own voice', `${Math.round(s.personVoiceShare * 100)}%`]);
  el.summary.append(
    h('dl', { class: 'figures' }, figures.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
  );
  const notes = [];
  if (s.kind === 'plan') notes.push('Read as a support plan: it should be written with the person, in their voice.');
  else if (s.kind === 'note') notes.push('Read as a case note.');
  if (typeof s.strengths === 'number' && s.strengths === 0) notes.push('No strengths or hopes are recorded yet: what is the person good at, and what do they want?');
  if (!state.findings.length) notes.push('Nothing here to change. Read it once more as the person would.');
  for (const n of notes) el.summary.append(h('p', { class: 'summary-note' }, n));
}

function filterChip(kind, id, label, count, hidden, badgeNode) {
  const input = h('input', { type: 'checkbox', 'data-kind': kind, value: id, checked: !hidden });
  input.addEventListener('change', () => {
    const set = kind === 'category' ? state.hiddenCategories : state.hiddenSeverities;
    if (input.checked) set.delete(id);
    else set.add(id);
    renderView();
    renderList();
    updateDismissedNote();
    say(`${label} ${input.checked ? 'shown' : 'hidden'}. ${plural(visibleFindings().length, 'finding')} shown.`);
  });
  return h('label', { class: `chip ${kind === 'category' ? `cat-${id}` : `sev-${id}`}` }, input, badgeNode, ` ${label} `, h('span', { class: 'count' }, `(${nf.format(count)})`));
}

function renderFilters() {
  const byCat = countBy(state.findings, 'category');
  const bySev = countBy(state.findings, 'severity');
  el.categoryFilters.replaceChildren(
    ...CATEGORIES.filter((c) => byCat[c.id]).map((c) => filterChip('category', c.id, c.label, byCat[c.id], state.hiddenCategories.has(c.id), badge(c.id))),
    // Categories from extra rule packs that the page does not know by name.
    ...Object.keys(byCat).filter((id) => !CATEGORIES.some((c) => c.id === id)).map((id) => filterChip('category', id, id, byCat[id], state.hiddenCategories.has(id), badge(id))),
  );
  el.severityFilters.replaceChildren(
    ...SEVERITIES.filter((s) => bySev[s.id]).map((s) =>
      filterChip('severity', s.id, s.short, bySev[s.id], state.hiddenSeverities.has(s.id), h('span', { class: `sev-icon sev-${s.id}`, 'aria-hidden': 'true' })),
    ),
  );
  el.filters.hidden = state.findings.length === 0;
  updateDismissedNote();
}

function updateDismissedNote() {
  const n = state.findings.filter((f) => state.dismissed.has(findingKey(f))).length;
  el.dismissedNote.hidden = n === 0;
  el.dismissedCount.textContent = `${plural(n, 'dismissed finding')} ${n === 1 ? 'is' : 'are'} hidden.`;
}

function markLabel(group) {
  const parts = group.findings.map((f) => `${categoryOf(f.category).label}, ${f.severity}`);
  return `${quoteOf(group.text)}: ${parts.join('; ')}. Open details.`;
}

function renderView() {
  const text = state.checkedText;
  el.view.replaceChildren();
  el.view.hidden = el.viewHeading.hidden = !text;
  if (!text) return;
  const visible = visibleFindings();
  const index = new Map(state.findings.map((f, i) => [f, i]));
  for (const seg of segments(text, visible)) {
    if (!seg.findings.length) {
      el.view.append(seg.text);
      continue;
    }
    const first = seg.findings[0];
    const c = categoryOf(first.category);
    const mark = h(
      'mark',
      {
        class: `hl cat-${c.id} sev-${first.severity}${seg.findings.length > 1 ? ' multi' : ''}`,
        role: 'button',
        tabindex: '0',
        'data-letter': seg.findings.length > 1 ? `${c.letter}+` : c.letter,
        'data-category': c.id,
        'data-categories': [...new Set(seg.findings.map((f) => f.category))].join(' '),
        'data-findings': seg.findings.map((f) => index.get(f)).join(' '),
        'aria-label': markLabel(seg),
      },
      seg.text,
    );
    el.view.append(mark);
  }
}

function renderList() {
  el.findings.replaceChildren();
  const visible = visibleFindings();
  if (!state.stats) return;
  if (!visible.length) {
    el.findings.append(h('li', { class: 'none' }, state.findings.length ? 'No findings match the filters.' : 'No findings.'));
    return;
  }
  for (const f of visible) {
    const i = state.findings.indexOf(f);
    const c = categoryOf(f.category);
    const where = hasSpan(f) ? quoteOf(f.text ?? '') : 'Whole document';
    const button = h(
      'button',
      { type: 'button', class: `finding-item cat-${c.id} sev-${f.severity}`, 'data-findings': String(i), 'data-category': c.id },
      h('span', { class: 'finding-top' }, badge(f.category), h('span', { class: 'finding-text' }, where), h('span', { class: 'finding-meta' }, `${c.label} · ${severityShort(f.severity)}${f.quoted ? ' · the person’s own words' : ''}`)),
      h('span', { class: 'finding-message' }, f.message),
    );
    el.findings.append(h('li', {}, button));
  }
}

function severityShort(id) {
  return SEVERITIES.find((s) => s.id === id)?.short ?? id;
}

function renderLegend() {
  el.legend.replaceChildren(
    ...CATEGORIES.map((c) =>
      h('li', {}, h('mark', { class: `hl sample cat-${c.id}`, 'data-letter': c.letter }, c.label), ` — ${c.hint}. Underline: ${c.line.replace('-', ', ')}.`),
    ),
  );
}

// ---------------------------------------------------------------------------
// Details

/** Findings named by an element's data-findings attribute. */
function findingsOf(node) {
  return (node.getAttribute('data-findings') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((i) => state.findings[Number(i)])
    .filter(Boolean);
}

async function ruleInfo(ruleId) {
  if (state.rules.has(ruleId)) return state.rules.get(ruleId);
  const promise = api(`/v1${ruleHref(ruleId)}`).catch(() => null);
  state.rules.set(ruleId, promise);
  const info = await promise;
  if (!info) state.rules.delete(ruleId); // try again next time
  return info;
}

function detailFor(f) {
  const c = categoryOf(f.category);
  const rationale = h('p', { class: 'rationale' }, 'Loading…');
  ruleInfo(f.ruleId).then((info) => {
    rationale.textContent = info?.rationale ? info.rationale.trim() : 'The explanation could not be loaded. The rule page below has it.';
  });
  // The person's own quoted words are theirs: never offered for replacement.
  const replaceable = hasSpan(f) && !f.quoted ? new Set(replacementsFor(f.text, f.suggestions, f.sentence)) : new Set();
  const suggestions = f.suggestions.length
    ? h(
        'ul',
        { class: 'suggestions' },
        f.suggestions.map((s) =>
          h(
            'li',
            {},
            h('span', { class: 'suggestion' }, s),
            h('span', { class: 'suggestion-actions' },
              h('button', { type: 'button', class: 'small', onclick: () => copy(s) }, 'Copy', h('span', { class: 'vh' }, ` ${quoteOf(s)}`)),
              replaceable.has(s)
                ? h('button', { type: 'button', class: 'small accept', onclick: () => accept(f, s) }, 'Use this', h('span', { class: 'vh' }, `: replace ${quoteOf(f.text)} with ${quoteOf(fitCase(f.text, s, f.sentence))}`))
                : null,
            ),
          ),
        ),
      )
    : h('p', {}, 'No ready-made wording: describe what happened and what the person said, in plain words.');
  return h(
    'article',
    { class: `finding-detail cat-${c.id}` },
    h('p', { class: 'detail-meta' }, badge(f.category), ` ${c.label} · ${SEVERITIES.find((s) => s.id === f.severity)?.label ?? f.severity}`),
    h('p', { class: 'detail-message' }, f.message),
    f.quoted ? h('p', { class: 'detail-quoted' }, 'These are the person’s own words, quoted: keep them as they said them. This is shown only because you asked to check quoted words.') : null,
    f.sentence && hasSpan(f) ? h('p', { class: 'detail-sentence' }, 'In: ', h('q', {}, f.sentence)) : null,
    h('h3', {}, 'Why it matters'),
    rationale,
    h('h3', {}, 'What you might write instead'),
    suggestions,
    h('p', { class: 'detail-links' },
      h('a', { href: ruleHref(f.ruleId), target: '_blank', rel: 'noopener' }, `About the rule ${f.ruleId}`, h('span', { class: 'vh' }, ' (opens in a new tab)')),
    ),
    h('p', {}, h('button', { type: 'button', class: 'dismiss', onclick: () => dismiss(f) }, 'Dismiss for this session', h('span', { class: 'vh' }, `: ${quoteOf(f.text ?? c.label)}`))),
  );
}

function openDetails(findings, opener) {
  if (!findings.length) return;
  state.opener = opener;
  const first = findings[0];
  el.dialogTitle.textContent = hasSpan(first) ? quoteOf(first.text) : `${categoryOf(first.category).label}: the whole document`;
  el.dialogBody.replaceChildren(...findings.map(detailFor));
  if (!el.dialog.open) el.dialog.showModal();
  el.dialogTitle.focus();
}

function closeDetails() {
  if (el.dialog.open) el.dialog.close();
}

function restoreFocus() {
  const o = state.opener;
  state.opener = null;
  if (o && o.isConnected && !o.closest('[hidden]')) o.focus();
  else el.findingsHeading.focus();
}

async function copy(s) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(s);
    copied = true;
  } catch {
    // Fallback where the clipboard API is missing or refused (a page served over plain http to
    // another machine): copy from a temporary selection. It goes inside the dialog when that is
    // open, since the page behind a modal dialog is inert and nothing there can be selected.
    const t = h('textarea', { class: 'vh', 'aria-hidden': 'true' }, s);
    const before = document.activeElement;
    (el.dialog.open ? el.dialog : document.body).append(t);
    t.focus();
    t.select();
    try {
      // Only a selection that really holds the wording can be copied (an inert page refuses focus).
      copied = document.activeElement === t && document.execCommand('copy');
    } catch {
      copied = false;
    }
    t.remove();
    if (before instanceof HTMLElement) before.focus();
  }
  say(copied ? `Copied ${quoteOf(s)}.` : `This browser would not copy ${quoteOf(s)}: select the wording and copy it yourself.`);
}

/** Put a suggestion into the text at the finding's offsets, only on the person's click, then check again. */
function accept(f, suggestion) {
  if (el.text.value !== state.checkedText) {
    closeDetails();
    say('Your text has changed since it was checked, so nothing was replaced. Checking again: then choose the suggestion once more.');
    check();
    return;
  }
  const replacement = fitCase(f.text, suggestion, f.sentence);
  const next = replaceAt(el.text.value, f.start.offset, f.end.offset, f.text, replacement);
  if (next === null) {
    say('That phrase is no longer where it was, so nothing was replaced.');
    return;
  }
  state.opener = el.text;
  closeDetails();
  el.text.focus();
  el.text.setSelectionRange(f.start.offset, f.end.offset);
  // insertText keeps the browser's own undo (Ctrl+Z) working; set the value directly if it is refused.
  const inserted = document.execCommand && document.execCommand('insertText', false, replacement);
  if (!inserted || el.text.value !== next) el.text.value = next;
  el.text.setSelectionRange(f.start.offset, f.start.offset + replacement.length);
  const done = `Replaced ${quoteOf(f.text)} with ${quoteOf(replacement)}.`;
  say(`${done} Checking again…`);
  check(true, `${done} `);
}

function dismiss(f) {
  // Focus moves to the next finding in the list, or the list heading.
  const i = visibleFindings().indexOf(f);
  state.dismissed.add(findingKey(f));
  renderView();
  renderList();
  updateDismissedNote();
  const items = el.findings.querySelectorAll('button.finding-item');
  state.opener = /** @type {HTMLElement | null} */ (items[Math.max(0, Math.min(i, items.length - 1))] ?? null);
  // Closing the dialog returns focus to state.opener (see restoreFocus).
  if (el.dialog.open) closeDetails();
  else restoreFocus();
  say(`Dismissed ${hasSpan(f) ? quoteOf(f.text) : 'the finding'} for this session. ${plural(visibleFindings().length, 'finding')} shown.`);
}

// ---------------------------------------------------------------------------
// Files

/** A text file that is not UTF-8: opening it anyway would quietly turn some letters into �. */
class EncodingError extends Error {}

/** A file's bytes as UTF-8 text; an EncodingError naming the file when they are not UTF-8. */
function utf8(name, bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EncodingError(`${name} is not saved as UTF-8 text, so some letters would come out wrong. Save it as UTF-8 (most editors offer this under Save as), or paste the text in.`);
  }
}

/** Open a dropped or chosen file into the box, then check it. */
async function openFile(file) {
  const name = file.name ?? '';
  const ext = (/\.[a-z]+$/i.exec(name)?.[0] ?? '').toLowerCase();
  // A check still running is for the old text: drop it, so its result cannot replace this file's messages.
  clearTimeout(state.timer);
  state.controller?.abort();
  state.seq++;
  // The dropped check will not clear its own busy mark (it is no longer the latest).
  el.check.removeAttribute('aria-busy');
  try {
    let text;
    if (ext === '.docx') {
      text = await docxText(await file.arrayBuffer());
      el.format.value = 'text';
    } else if (ext === '.md' || ext === '.markdown') {
      text = utf8(name, await file.arrayBuffer());
      el.format.value = 'markdown';
    } else if (ext === '.txt' || ext === '.text' || (!ext && file.type === 'text/plain')) {
      text = utf8(name, await file.arrayBuffer());
      el.format.value = 'text';
    } else {
      say('This page opens Word (.docx), Markdown (.md) and text (.txt) files.');
      return;
    }
    el.text.value = text.replace(/^\uFEFF/, '');
    say(`Opened ${name}.`);
    await check(true, `Opened ${name}. `);
  } catch (err) {
    say(err instanceof DocxError || err instanceof EncodingError ? err.message : `${name} could not be opened.`);
  }
}

// ---------------------------------------------------------------------------
// Wiring

el.check.addEventListener('click', () => check());
el.text.addEventListener('input', scheduleCheck);
el.auto.addEventListener('change', () => {
  if (el.auto.checked && el.text.value !== state.checkedText) scheduleCheck();
});
for (const option of [el.format, el.kind, el.quotes, el.long]) {
  option.addEventListener('change', () => {
    if (el.text.value.trim()) check();
  });
}
el.apiKey.addEventListener('change', () => check());
el.file.addEventListener('change', () => {
  const f = el.file.files?.[0];
  if (f) openFile(f).finally(() => (el.file.value = ''));
});
el.text.addEventListener('dragover', (e) => {
  if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
    e.preventDefault();
    el.text.classList.add('dropping');
  }
});
el.text.addEventListener('dragleave', () => el.text.classList.remove('dropping'));
el.text.addEventListener('drop', (e) => {
  el.text.classList.remove('dropping');
  const f = e.dataTransfer?.files?.[0];
  if (f) {
    e.preventDefault();
    openFile(f);
  }
});

function activate(e) {
  const target = /** @type {HTMLElement} */ (e.target).closest('[data-findings]');
  if (target) openDetails(findingsOf(target), /** @type {HTMLElement} */ (target));
}
el.view.addEventListener('click', activate);
el.view.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && /** @type {HTMLElement} */ (e.target).matches('mark[data-findings]')) {
    e.preventDefault();
    activate(e);
  }
});
el.findings.addEventListener('click', activate);
el.dialogClose.addEventListener('click', closeDetails);
el.dialog.addEventListener('close', restoreFocus);
// A click on the backdrop (outside the panel) closes it too.
el.dialog.addEventListener('click', (e) => {
  if (e.target === el.dialog) {
    const r = el.dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) closeDetails();
  }
});
el.restore.addEventListener('click', () => {
  state.dismissed.clear();
  renderView();
  renderList();
  updateDismissedNote();
  el.findingsHeading.focus();
  say(`${plural(visibleFindings().length, 'finding')} shown.`);
});

renderLegend();
document.documentElement.classList.add('ready');
