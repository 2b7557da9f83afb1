/**
 * Suppression comments in HTML (`<!-- sourdough-disable RULE -->` and friends, SPEC §4). Same
 * syntax as core's Markdown reader (core/src/suppress.ts); core does not export its parser, so
 * this mirrors it for comments found by the HTML reader. Pure.
 */
import type { Directive } from '@sourdough/core';

const DIRECTIVE_RE = /^\s*sourdough-(disable-next-line|disable|enable)\b([^]*)$/;

/** Parse the inside of one HTML comment (`data` without `<!--`/`-->`) at `offset`, or undefined. */
export function parseCommentDirective(data: string, offset: number, line: number): Directive | undefined {
  const m = DIRECTIVE_RE.exec(data);
  if (!m) return undefined;
  const targets = (m[2] ?? '')
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return { kind: m[1] as Directive['kind'], targets, offset, line };
}
