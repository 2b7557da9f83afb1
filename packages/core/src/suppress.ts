/**
 * Inline suppression comments in Markdown and HTML (SPEC §4):
 * `<!-- sourdough-disable RULE -->`, `<!-- sourdough-enable RULE -->`,
 * `<!-- sourdough-disable-next-line RULE -->`. RULE may be a rule id, a category, a list
 * separated by commas or spaces, or absent (every rule). Pure.
 */
import type { Directive } from './types.js';

// The name must be followed by a space or the comment's end: `sourdough-disable-line` (not a
// directive) is not read as `sourdough-disable`, which would switch rules off for the rest of the
// file, while `<!--sourdough-disable-->` still is one.
const DIRECTIVE_RE = /<!--\s*sourdough-(disable-next-line|disable|enable)(?=\s|-->)([^]*?)-->/g;

/** Find suppression directives in a piece of HTML (a comment node) at `baseOffset`. */
export function parseDirectives(html: string, baseOffset: number, lineOf: (offset: number) => number): Directive[] {
  const out: Directive[] = [];
  if (!html.includes('sourdough-')) return out;
  DIRECTIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE_RE.exec(html))) {
    const offset = baseOffset + m.index;
    const targets = (m[2] ?? '')
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], targets, offset, line: lineOf(offset) });
  }
  return out;
}

function hits(targets: string[], ruleId: string, category: string): boolean {
  return targets.length === 0 || targets.includes(ruleId) || targets.includes(category);
}

/**
 * Decide whether a finding of `ruleId` at `offset` (on `line`) is suppressed. Directives must be
 * sorted by offset.
 */
export function isSuppressed(directives: Directive[], ruleId: string, category: string, offset: number, line: number): boolean {
  let disabled = false;
  for (const d of directives) {
    if (d.offset > offset) break;
    if (!hits(d.targets, ruleId, category)) continue;
    if (d.kind === 'disable') disabled = true;
    else if (d.kind === 'enable') disabled = false;
    else if (d.kind === 'disable-next-line' && line === d.line + 1) return true;
  }
  return disabled;
}
