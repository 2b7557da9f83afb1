/**
 * Sections with a recognised heading, and the sentences under each, for section-level checks
 * (deficit/strengths-section, deficit/about-me-problems). Markdown, HTML and DOCX documents have
 * their headings from the reader (a section runs to the next heading of its depth or higher); plain
 * text has none, so here a heading is a sentence that is a whole short line ("Strengths", "What
 * people like and admire about Sam:"), not a list item, not a form's value and not ending like a
 * sentence. A label opening a line with its content after a colon ("Strengths: kind, funny") opens
 * a section too. Only headings that `wanted` accepts start a section; other headings end the one
 * before them, and so do labels that name another part of a record ("Risks: …"). Documented in
 * docs/writing-rules.md §4.1. Pure; constant work per sentence outside the sections found.
 */
import type { SourceDocument } from '../types.js';
import type { SentenceView } from '../detectors/types.js';
import { isSpace } from '../chars.js';
import { lastStartingAtOrBefore } from '../search.js';
import { recall, remember } from '../memo.js';

/** A section whose heading `wanted` accepted. */
export interface HeadedSection {
  /** The heading's text and its span in the source (what a section-level finding points at). */
  title: string;
  titleStart: number;
  titleEnd: number;
  /** The sentences under the heading (an inline label's content sentence included). */
  sentences: SentenceView[];
}

/** A heading line is at most this long (as document-kind.ts's plan headings). */
const MAX_HEADING = 60;
/** A line label ("Strengths:") is at most this long before its colon. */
const MAX_LABEL = 40;
/** A line label naming another part of a record, which ends the section it appears in. */
const OTHER_PART =
  /\b(?:risks?|needs?|health|medical|medication|eligib\w*|concerns?|worr\w*|difficult\w*|support|outcomes?|goals?|actions?|plan|background|history|summary|assessment|review|contacts?|incidents?|safeguarding|finances?|money|housing|weakness(?:es)?|challenges?|behaviou?rs?|triggers?|diagnos[ie]s|conditions?|mobility|communication|personal\s+care|capacity|decisions?)\b/i;
/** A line that is a form's value, not a heading: "N/A", "None identified", "Yes". */
const VALUE_LINE = /^\W*(?:none|nil|n\/?a|tbc|unknown|not\s+known|not\s+applicable|yes|no|none\s+\w+|nothing(?:\s+\w+){0,2})\W*$/i;
/** A list item's marker: a bullet, or a number or letter with a full stop or bracket. */
const LIST_ITEM = /^\s*(?:[-*+•·–—▪◦]|\(?(?:\d{1,2}|[a-z])[.)])\s/;
/** A label opening a line: a few words, then a colon (or a dash) and the content. */
const LINE_LABEL = /^\s*([A-Z][\w'’ ,&/()-]{0,39}?)\s*:\s+(?=\S)/;

/** What a sentence is, when it may begin a section: a marked heading, a heading line or a line label. */
interface Mark {
  kind: 'marked' | 'line' | 'label';
  title: string;
  /** A marked heading's depth (a heading line counts as 99 under marked headings, 1 in plain text). */
  depth: number;
  /** A heading line: a blank line or a finished sentence comes before it. */
  afterBreak: boolean;
  /** A line label: its words' span and where its content begins. */
  start: number;
  end: number;
  content: number;
}

/** A document's marks, found once per sentence list and shared by the detectors that ask. */
interface Outline {
  /** The document has headings from its reader (Markdown, HTML, DOCX). */
  marked: boolean;
  marks: (Mark | undefined)[];
  titles: string[];
}
/** Outlines of sentence lists other than the one analyse() has open (memo.ts). */
const outlines = new WeakMap<readonly SentenceView[], Outline>();

function outlineOf(doc: SourceDocument, sentences: readonly SentenceView[]): Outline {
  const known = recall(sentences, 'outline', outlines);
  if (known) return known;
  const marked = doc.format !== 'text' && doc.sections.length > 0;
  const sections = doc.sections;
  let marks: (Mark | undefined)[] | undefined; // made on the first mark: most notes have none
  const titles: string[] = [];
  let next = 0; // the next marked heading not yet reached
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    let mark: Mark | undefined;
    // The first sentence at or after a marked heading's offset is that heading.
    if (marked && next < sections.length && sections[next]!.offset <= s.start) {
      while (next + 1 < sections.length && sections[next + 1]!.offset <= s.start) next++;
      const h = sections[next++]!;
      mark = { kind: 'marked', title: cleanTitle(h.title), depth: h.depth, afterBreak: true, start: s.start, end: s.end, content: s.end };
    } else {
      let title = headingLine(doc.text, s);
      let bold = false;
      let cell = false;
      if (title === undefined && doc.format === 'html') {
        title = boldBlock(doc, s);
        bold = title !== undefined;
        if (title === undefined) {
          const c = cellBlock(doc, s);
          if (c) ({ title } = c);
          cell = c?.header === true;
        }
      }
      if (title !== undefined && markedListItem(doc, s)) title = undefined;
      if (title !== undefined) {
        const afterBreak = bold || cell || afterBlankLine(doc.text, s) || (i > 0 && endsLikeSentence(sentences[i - 1]!.text));
        mark = { kind: 'line', title, depth: marked ? 99 : 1, afterBreak, start: s.start, end: s.end, content: s.end };
      } else {
        const label = lineLabel(doc.text, s);
        if (label) mark = { kind: 'label', title: label.title, depth: 99, afterBreak: true, start: label.start, end: label.end, content: label.content };
      }
    }
    if (mark) {
      (marks ??= new Array(sentences.length))[i] = mark;
      titles.push(mark.title);
    }
  }
  return remember(sentences, 'outline', outlines, { marked, marks: marks ?? [], titles });
}

/**
 * The sections of `doc` whose heading `wanted` accepts (given the heading with any trailing colon
 * and white space removed), each with its sentences. `sentences` are the document's, in order.
 */
export function headedSections(doc: SourceDocument, sentences: readonly SentenceView[], wanted: (title: string) => boolean): HeadedSection[] {
  const { marked, marks, titles } = outlineOf(doc, sentences);
  // Most documents have no such heading, and the walk below is not needed.
  if (!titles.some(wanted)) return [];
  const out: HeadedSection[] = [];
  let open: HeadedSection | undefined;
  let openDepth = 0; // a marked section's depth; a deeper heading inside it is a subsection
  let openedBy: Mark['kind'] = 'marked'; // what began the open section
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const mark = marks[i];
    if (!mark) {
      open?.sentences.push(s);
      continue;
    }
    const want = wanted(mark.title);
    if (mark.kind === 'label') {
      if (want) {
        open = { title: mark.title, titleStart: mark.start, titleEnd: mark.end, sentences: [contentOf(doc, s, mark.content)] };
        openedBy = 'label';
        out.push(open);
      } else if (openedBy === 'label' || OTHER_PART.test(mark.title)) {
        // A field of the section ("Age: 34", "Problems: debt") stays in it; a label naming another
        // part of a record ("Risks: falls"), or any label after a labelled section, ends it.
        open = undefined;
      } else open?.sentences.push(s);
      continue;
    }
    if (mark.kind === 'line' && !want) {
      // A heading line: in plain text any, under Markdown, HTML or DOCX headings only a wanted one
      // ("**Strengths**" on a line of its own) or one that ends a section a heading line began.
      // Under an open section, a short line is an item of an unmarked list ("Strengths / Cannot
      // cook / Lacks confidence") unless a blank line or a finished sentence comes before it.
      const ends = !open || mark.afterBreak;
      if (!(ends && (!marked || (open && openedBy === 'line')))) {
        open?.sentences.push(s);
        continue;
      }
    }
    if (want) {
      const lead = s.text.length - s.text.trimStart().length;
      // The finding points at the heading's words (without a trailing colon, when they start the sentence).
      const shown = s.text.trim();
      const length = shown.startsWith(mark.title) ? mark.title.length : shown.length;
      open = { title: mark.title, titleStart: s.start + lead, titleEnd: s.start + lead + length, sentences: [] };
      openDepth = mark.depth;
      openedBy = mark.kind;
      out.push(open);
    } else if (!(open && mark.kind === 'marked' && openedBy === 'marked' && mark.depth > openDepth)) open = undefined;
  }
  return out;
}

/** A heading that begins a part of the document (partHeads). */
export interface PartHead {
  /** Where the heading's sentence begins in the text. */
  start: number;
  title: string;
  /** A reader's heading depth (1–6); a heading line is 1 in plain text and 99 under a reader's headings. */
  depth: number;
  /** A reader's heading (Markdown, HTML, Word), not a heading line found in the text. */
  marked: boolean;
}

/**
 * The headings that divide a document into parts, for `unless` patterns with `scope: section` and
 * `scope: heading`: every reader's heading (Markdown, HTML, Word), and every heading line (a short
 * whole line, not a list item, after a blank line or a finished sentence). Line labels ("Risks: …")
 * do not divide a part. In order; empty for a document without headings (one part).
 */
export function partHeads(doc: SourceDocument, sentences: readonly SentenceView[]): readonly PartHead[] {
  const known = recall(sentences, 'heads', heads);
  if (known) return known;
  const { marks } = outlineOf(doc, sentences);
  const out: PartHead[] = [];
  for (const m of marks) if (m && (m.kind === 'marked' || (m.kind === 'line' && m.afterBreak))) out.push({ start: m.start, title: m.title, depth: m.depth, marked: m.kind === 'marked' });
  return remember(sentences, 'heads', heads, out);
}
/** Part heads of sentence lists other than the one analyse() has open (memo.ts). */
const heads = new WeakMap<readonly SentenceView[], PartHead[]>();

/** The heading's words, without a trailing colon or dash (by character: most titles have none). */
function cleanTitle(t: string): string {
  let b = t.length;
  while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
  const c = t.charCodeAt(b - 1);
  if (c === 58 || c === 45 || c === 0x2013 || c === 0x2014) b--;
  return t.slice(0, b).trim();
}

/** /[.!?]["”’')]*\s*$/ by character from the end (the RegExp would be tried at every position). */
function endsLikeSentence(t: string): boolean {
  let b = t.length;
  while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
  for (;;) {
    const c = t.charCodeAt(b - 1);
    if (c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41) b--;
    else return c === 46 || c === 33 || c === 63;
  }
}

/** Does this sentence fill its whole line in the text (white space aside)? */
function isWholeLine(text: string, s: SentenceView): boolean {
  if (!opensLine(text, s)) return false;
  let b = s.end;
  while (b < text.length && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9 || text.charCodeAt(b) === 13)) b++;
  // A heading has something after it: a line feed, not the end of the document.
  return b < text.length && text.charCodeAt(b) === 10;
}

/** Is there a blank line (or the document's start) right before this sentence? */
function afterBlankLine(text: string, s: SentenceView): boolean {
  let a = blankBefore(text, s.start);
  if (a < 0) return true;
  if (text.charCodeAt(a) !== 10) return false;
  a--;
  while (a >= 0 && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9 || text.charCodeAt(a) === 13)) a--;
  return a < 0 || text.charCodeAt(a) === 10;
}

/** Does this sentence open a line (white space aside)? */
function opensLine(text: string, s: SentenceView): boolean {
  const a = blankBefore(text, s.start);
  return a < 0 || text.charCodeAt(a) === 10;
}

/** The offset of the last character before `at` that is not a space or a tab (-1 at the start). */
function blankBefore(text: string, at: number): number {
  let a = at - 1;
  while (a >= 0 && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a--;
  return a;
}

/**
 * Is this sentence a list item in the Markdown or HTML source ("- Can't cook", "<li>Can't cook")?
 * The readers blank the marker in the text, so an unpunctuated item would otherwise read as a
 * heading line and end the section it belongs to ("**Strengths**", then a list).
 */
function markedListItem(doc: SourceDocument, s: SentenceView): boolean {
  if (doc.format === 'markdown') {
    let a = s.start;
    while (a > 0 && doc.source.charCodeAt(a - 1) !== 10 && s.start - a < 40) a--;
    return /^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+$/.test(doc.source.slice(a, s.start));
  }
  if (doc.format === 'html') return /<li\b[^>]{0,80}>\s*$/i.test(doc.source.slice(Math.max(0, s.start - 120), s.start));
  return false;
}

/**
 * A bold paragraph standing as a heading in HTML written without line breaks
 * (`<p><b>Strengths</b></p><ul>…`): the sentence fills its block, and the block's words are all
 * inside one `<b>` or `<strong>`. (With line breaks, headingLine finds it as a whole line.)
 */
function boldBlock(doc: SourceDocument, s: SentenceView): string | undefined {
  if (s.end - s.start > MAX_HEADING + 8) return undefined;
  const bi = lastStartingAtOrBefore(doc.blocks, s.start);
  const b = doc.blocks[bi];
  if (!b || bi === doc.blocks.length - 1 || doc.text.slice(b.start, s.start).trim() || doc.text.slice(s.end, b.end).trim()) return undefined;
  if (!/<(?:b|strong)(?:\s[^<>]{0,80})?>\s*$/i.test(doc.source.slice(Math.max(0, s.start - 100), s.start))) return undefined;
  if (!/^\s*<\/(?:b|strong)\s*>/i.test(doc.source.slice(s.end, s.end + 40))) return undefined;
  return headingText(s);
}

/** An inline element that may wrap a cell's words (`<th><b>Strengths</b></th>`, `<td><p>…</p></td>`). */
const CELL_INLINE = String.raw`(?:b|strong|p|span|em|i|u|font|label|div)`;
const CELL_OPEN = new RegExp(String.raw`(?:<th(?:\s[^<>]{0,80})?>|<tr(?:\s[^<>]{0,80})?>\s*<td(?:\s[^<>]{0,80})?>)(?:\s*<${CELL_INLINE}(?:\s[^<>]{0,80})?>){0,3}\s*$`, 'i');
const CELL_CLOSE = new RegExp(String.raw`^(?:\s*</${CELL_INLINE}\s*>){0,3}\s*(?:</t[dh]\s*>|<t[dh][\s>]|</?tr[\s>]|</?t(?:body|head|foot|able)[\s>])`, 'i');

/**
 * A table cell standing as a heading in HTML written with a row on one line, as case-management
 * exports do (`<tr><th>What people like and admire about me</th><td>…</td></tr>`): the sentence
 * fills a `<th>`, or the first `<td>` of its row (a form's label column), as each cell of a Word
 * table is a line of its own. A header cell always begins a new part; a first-column `<td>` only
 * after a finished sentence, as a DOCX cell line, so a list of short values stays in its section.
 * (With line breaks between cells, headingLine finds it as a whole line.)
 */
function cellBlock(doc: SourceDocument, s: SentenceView): { title: string; header: boolean } | undefined {
  if (s.end - s.start > MAX_HEADING + 8) return undefined;
  const bi = lastStartingAtOrBefore(doc.blocks, s.start);
  const b = doc.blocks[bi];
  if (!b || bi === doc.blocks.length - 1 || doc.text.slice(b.start, s.start).trim() || doc.text.slice(s.end, b.end).trim()) return undefined;
  const before = CELL_OPEN.exec(doc.source.slice(Math.max(0, s.start - 400), s.start));
  if (!before || !CELL_CLOSE.test(doc.source.slice(s.end, s.end + 120))) return undefined;
  const title = headingText(s);
  return title === undefined ? undefined : { title, header: /^<th/i.test(before[0]) };
}

/** A plain-text heading line: whole line, short, not a list item, not ending like a sentence. */
function headingLine(text: string, s: SentenceView): string | undefined {
  if (s.end - s.start > MAX_HEADING + 8 || !isWholeLine(text, s)) return undefined;
  return headingText(s);
}

/** The tests a heading's own words must pass, wherever it stands. */
function headingText(s: SentenceView): string | undefined {
  const t = s.text.trim();
  // A label with its content after a colon ("Strengths: N/A") is a line label, not a heading.
  if (!t || t.length > MAX_HEADING || /[.!?]$/.test(t) || LIST_ITEM.test(s.text) || !/^\W*[A-Z0-9]/.test(t) || /:\s+\S/.test(t) || VALUE_LINE.test(t)) return undefined;
  return cleanTitle(t);
}

/** Where a line label's words are, when the sentence opens a line with one ("Strengths: …"). */
function lineLabel(text: string, s: SentenceView): { title: string; start: number; end: number; content: number } | undefined {
  const colon = s.text.indexOf(':');
  if (colon < 0 || colon > MAX_LABEL + 4) return undefined;
  const m = LINE_LABEL.exec(s.text);
  if (!m || !opensLine(text, s)) return undefined;
  const at = m[0].indexOf(m[1]!);
  return { title: m[1]!.trim(), start: s.start + at, end: s.start + at + m[1]!.trimEnd().length, content: s.start + m[0].length };
}

/** The part of a labelled sentence after its label, as a sentence view of its own. */
function contentOf(doc: SourceDocument, s: SentenceView, from: number): SentenceView {
  return { index: s.index, start: from, end: s.end, text: doc.text.slice(from, s.end) };
}
