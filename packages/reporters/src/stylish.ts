/**
 * The `stylish` reporter: readable terminal output for a busy social worker — file, line:column,
 * severity, message, rule id, the sentence with the phrase highlighted, suggestions, and a summary
 * line. Colour only when asked (the CLI decides: a TTY and no NO_COLOR). Pure.
 */
import type { DocumentOutcome, Finding, Summary } from '@sourdough/core';
import { fromStream, type ReporterStream } from './types.js';
import { marksFor, type Mark } from './mark.js';

export interface StylishOptions {
  color?: boolean;
}

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39] } as const;
type Style = keyof typeof codes;

function painter(color: boolean) {
  return (style: Style, s: string): string => (color ? `\u001b[${codes[style][0]}m${s}\u001b[${codes[style][1]}m` : s);
}

/**
 * Text from the input (paths, ids, sentences, matched words, messages that quote them) as one
 * line a terminal shows as it is: line breaks become spaces, and other control characters their
 * visible symbols (ESC → ␛), so a record can never move the cursor, clear the screen, retitle
 * the window or reorder what the line shows.
 */
export function printable(s: string): string {
  // Bidirectional overrides and isolates (U+202A–202E, U+2066–2069) could make a line read in a
  // different order from the text; they are shown as � too.
  return s.replace(/\r\n|[\n\r\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

function where(r: DocumentOutcome): string {
  let label = r.path;
  if (r.row !== undefined) label += ` row ${r.row}`;
  if (r.id !== undefined) label += ` (id ${r.id})`;
  return printable(label);
}

function highlight(f: Finding, mark: Mark | undefined, paint: ReturnType<typeof painter>, color: boolean): string | undefined {
  if (!f.sentence) return undefined;
  if (!mark) return printable(f.sentence);
  const [a, b] = mark;
  const text = printable(f.sentence.slice(a, b));
  const marked = color ? paint('bold', paint('underline', text)) : `[${text}]`;
  return printable(f.sentence.slice(0, a)) + marked + printable(f.sentence.slice(b));
}

function resultLines(r: DocumentOutcome, paint: ReturnType<typeof painter>, color: boolean): string[] {
  const lines: string[] = [];
  if ('error' in r) {
    lines.push(paint('bold', where(r)));
    lines.push(`  ${paint('red', 'could not check')}  ${printable(r.error.message)}  ${paint('dim', r.error.code)}`);
    lines.push('');
    return lines;
  }
  if (r.findings.length === 0) return lines;
  lines.push(paint('bold', where(r)));
  const marks = marksFor(r.findings);
  for (const [n, f] of r.findings.entries()) {
    const pos = f.start ? `${f.start.line}:${f.start.column}` : 'document';
    const sev = f.severity === 'error' ? paint('red', 'error  ') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
    lines.push(`  ${paint('dim', pos.padEnd(8))} ${sev}  ${printable(f.message)}  ${paint('dim', f.ruleId)}`);
    const sentence = highlight(f, marks[n], paint, color);
    if (sentence) lines.push(`           ${paint('dim', '│')} ${sentence}`);
    const place = [f.section ? `under “${printable(f.section)}”` : '', f.paragraph !== undefined ? `paragraph ${f.paragraph}` : '', f.quoted ? 'in the person’s own words' : ''].filter(Boolean);
    if (place.length) lines.push(`           ${paint('dim', '│')} ${paint('dim', place.join(', '))}`);
    if (f.suggestions.length) lines.push(`           ${paint('dim', '│')} ${paint('green', 'try:')} ${f.suggestions.join(' · ')}`);
  }
  lines.push('');
  return lines;
}

function summaryLine(summary: Summary, paint: ReturnType<typeof painter>): string {
  const sev = summary.bySeverity;
  const docs = `${summary.documents} document${summary.documents === 1 ? '' : 's'}`;
  if (summary.findings === 0 && !summary.failed) return paint('green', `✓ No findings in ${docs}.`);
  const parts = [`${summary.findings} finding${summary.findings === 1 ? '' : 's'}`];
  if (summary.findings) parts.push(`${sev.error ?? 0} error${sev.error === 1 ? '' : 's'}, ${sev.warning ?? 0} warning${sev.warning === 1 ? '' : 's'}, ${sev.info ?? 0} info`);
  parts.push(`in ${docs}`);
  if (summary.failed) parts.push(`${summary.documents - summary.failed} analysed, ${paint('red', `${summary.failed} could not be checked`)}`);
  return parts.join(' — ');
}

/** Streaming form of the stylish reporter. */
export function stylishStream(options: StylishOptions = {}): ReporterStream {
  const color = options.color ?? false;
  const paint = painter(color);
  return {
    start: () => '',
    result(r) {
      const lines = resultLines(r, paint, color);
      return lines.length ? `${lines.join('\n')}\n` : '';
    },
    end: (summary) => `${summaryLine(summary, paint)}\n`,
  };
}

const fromParts = fromStream(stylishStream);

/** Render results for a terminal. */
export function stylish(results: DocumentOutcome[], summary: Summary, options: StylishOptions = {}): string {
  return fromParts(results, summary, { ...options });
}
