/**
 * The `html` reporter for `sourdough check`: a simple, self-contained page (no scripts, no
 * external files, nothing fetched) listing each document's findings with the sentence, the phrase
 * marked, why it matters (when rule details are given) and what to write instead, then the
 * totals. Every piece of text is escaped, and bidirectional controls are shown as � (see bidi.ts).
 * The head names sourdough as its generator, so a later run that walks the folder it was saved in
 * leaves it out (see recognise.ts). Streams document by document. Pure.
 */
import type { DocumentOutcome, Finding, Summary } from '@sourdough/core';
import { marksFor, type Mark } from './mark.js';
import { fromStream, ruleInfo, type Reporter, type ReporterOptions, type ReporterStream } from './types.js';
import { neutraliseBidi } from './bidi.js';
import { GENERATOR } from './recognise.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Text for the page: escaped, with bidirectional controls (U+202A–202E, U+2066–2069) shown as �,
 * as the audit report and the stylish and csv reporters show them, so a path, sentence or message
 * from a document can never make what the page shows read in a different order from what it holds.
 */
const shown = (s: string): string => escapeHtml(neutraliseBidi(s));


const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.finding{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #888;background:#f7f7f7}
.error{border-color:#b00020}.warning{border-color:#b35c00}.info{border-color:#2a5db0}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8rem}.rule{color:#555;font-size:.85rem}
mark{background:#ffe08a}.failed{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;border:1px solid #ccc;text-align:left}`;

function where(r: DocumentOutcome): string {
  return `${r.path}${r.row !== undefined ? ` — row ${r.row}` : ''}${r.id !== undefined ? ` (id ${r.id})` : ''}`;
}

function sentenceHtml(f: Finding, mark: Mark | undefined): string {
  if (!f.sentence) return '';
  const s = f.sentence;
  const body = mark ? `${shown(s.slice(0, mark[0]))}<mark>${shown(s.slice(mark[0], mark[1]))}</mark>${shown(s.slice(mark[1]))}` : shown(s);
  return `<blockquote>${body}</blockquote>`;
}

function findingHtml(f: Finding, mark: Mark | undefined, options: ReporterOptions): string {
  const pos = f.start ? `line ${f.start.line}, column ${f.start.column}` : 'whole document';
  const place = [pos, f.section ? `under “${f.section}”` : '', f.paragraph !== undefined ? `paragraph ${f.paragraph}` : '', f.quoted ? 'in the person’s own words' : ''].filter(Boolean).join(', ');
  const info = ruleInfo(options, f.ruleId);
  const why = info?.rationale ? `<p>${shown(info.rationale.trim())}</p>` : '';
  const tryThis = f.suggestions.length ? `<p><strong>Try:</strong> ${f.suggestions.map(shown).join(' · ')}</p>` : '';
  return `<div class="finding ${f.severity}"><span class="sev">${f.severity}</span> ${shown(f.message)} <span class="rule">${shown(f.ruleId)} · ${shown(place)}</span>${sentenceHtml(f, mark)}${why}${tryThis}</div>\n`;
}

function findingsHtml(findings: readonly Finding[], options: ReporterOptions): string {
  const marks = marksFor(findings);
  return findings.map((f, n) => findingHtml(f, marks[n], options)).join('');
}

/** Streaming form of the html reporter. */
export function htmlStream(options: ReporterOptions = {}): ReporterStream {
  return {
    start: () =>
      `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="${GENERATOR}">\n<title>sourdough report</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>sourdough report</h1>\n<p>How we write about people: each finding says why the words matter and what to write instead. <a href="#summary">Totals are at the end.</a></p>\n`,
    result(r) {
      if ('error' in r) return `<section><h2>${shown(where(r))}</h2><div class="failed"><strong>Could not check:</strong> ${shown(r.error.message)} <span class="rule">${shown(r.error.code)}</span></div></section>\n`;
      if (!r.findings.length) return '';
      return `<section><h2>${shown(where(r))}</h2>\n${findingsHtml(r.findings, options)}</section>\n`;
    },
    end(summary: Summary) {
      const rows = (obj: Record<string, number | undefined>): string =>
        Object.entries(obj)
          .map(([k, v]) => `<tr><th>${shown(k)}</th><td>${v ?? 0}</td></tr>`)
          .join('');
      const analysed = summary.documents - summary.failed;
      return `<section id="summary"><h2>Totals</h2>\n<table><tr><th>documents read</th><td>${summary.documents}</td></tr><tr><th>analysed</th><td>${analysed}</td></tr><tr><th>could not be checked</th><td>${summary.failed}</td></tr><tr><th>findings</th><td>${summary.findings}</td></tr>${rows(summary.bySeverity)}${rows(summary.byCategory)}</table>\n</section>\n</body>\n</html>\n`;
    },
  };
}

/** Render results as a self-contained HTML page. */
export const html: Reporter = fromStream(htmlStream);
