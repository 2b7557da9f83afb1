/**
 * Suppression comments (SPEC §4): <!-- sourdough-disable RULE -->, <!-- sourdough-enable RULE -->,
 * <!-- sourdough-disable-next-line RULE -->; RULE may be a rule id, a category, a list, or absent.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { isSuppressed, parseDirectives } from '../src/suppress.js';
import { RULES, testSet } from './context/test-rules.js';

const set = testSet([RULES.refused, RULES.serviceUser, RULES.respite]);
const ids = (md: string): string[] => analyse(markdown(md), set).findings.map((f) => `${f.ruleId}@${f.start!.line}`);

describe('suppression comments in Markdown', () => {
  it('disable RULE … enable RULE turns one rule off for a stretch', () => {
    const md = [
      'Jack refused lunch.',
      '',
      '<!-- sourdough-disable blaming/t-refused -->',
      '',
      'Jack refused tea. The service user left.',
      '',
      '<!-- sourdough-enable blaming/t-refused -->',
      '',
      'Jack refused supper.',
    ].join('\n');
    expect(ids(md)).toEqual(['blaming/t-refused@1', 'dehumanising/t-service-user@5', 'blaming/t-refused@9']);
  });

  it('a category switches off every rule in it', () => {
    const md = '<!-- sourdough-disable blaming -->\n\nJack refused tea. The service user left.\n';
    expect(ids(md)).toEqual(['dehumanising/t-service-user@3']);
  });

  it('no target disables every rule until enabled again', () => {
    const md = '<!-- sourdough-disable -->\n\nJack refused respite. The service user left.\n\n<!-- sourdough-enable -->\n\nJack refused respite.\n';
    expect(ids(md)).toEqual(['blaming/t-refused@7', 'jargon/t-respite@7']);
  });

  it('a list of targets, separated by commas or spaces', () => {
    const md = '<!-- sourdough-disable blaming/t-refused, jargon -->\n\nJack refused respite. The service user left.\n';
    expect(ids(md)).toEqual(['dehumanising/t-service-user@3']);
  });

  it('disable-next-line affects only the next line', () => {
    const md = 'Intro.\n<!-- sourdough-disable-next-line blaming/t-refused -->\nJack refused tea.\nJack refused supper.\n';
    expect(ids(md)).toEqual(['blaming/t-refused@4']);
  });

  it('disable-next-line with a category leaves other categories on that line', () => {
    const md = '<!-- sourdough-disable-next-line jargon -->\nJack refused respite.\n';
    expect(ids(md)).toEqual(['blaming/t-refused@2']);
  });

  it('enable for a different rule does not re-enable the disabled one', () => {
    const md = '<!-- sourdough-disable blaming/t-refused -->\n\n<!-- sourdough-enable jargon -->\n\nJack refused respite.\n';
    expect(ids(md)).toEqual(['jargon/t-respite@5']);
  });

  it('a comment that is not one of the three directives switches nothing off', () => {
    for (const name of ['sourdough-disable-line', 'sourdough-disabled', 'sourdough-enable-all'])
      expect(ids(`Jack refused tea. <!-- ${name} blaming/t-refused -->\n\nJack refused cake.\n`), name).toEqual(['blaming/t-refused@1', 'blaming/t-refused@3']);
  });

  it('reads a directive written without spaces', () => {
    expect(ids('<!--sourdough-disable-->\n\nJack refused tea.\n\n<!--sourdough-enable-->\n\nJack refused cake.\n')).toEqual(['blaming/t-refused@7']);
    expect(ids('<!-- sourdough-disable-next-line-->\nJack refused tea.\nJack refused cake.\n')).toEqual(['blaming/t-refused@3']);
  });

  it('comments inside code are not directives', () => {
    const md = '```\n<!-- sourdough-disable -->\n```\n\nJack refused tea.\n';
    expect(ids(md)).toEqual(['blaming/t-refused@5']);
  });

  it('an inline comment mid-paragraph disables from that point', () => {
    const md = 'Jack refused tea. <!-- sourdough-disable blaming --> Jack refused supper.\n';
    expect(ids(md)).toEqual(['blaming/t-refused@1']);
    const f = analyse(markdown(md), set).findings;
    expect(f).toHaveLength(1);
    expect(f[0]!.start!.offset).toBe(5);
  });
});

describe('parseDirectives / isSuppressed', () => {
  it('parses kind, targets, offset and line', () => {
    const d = parseDirectives('<!-- sourdough-disable-next-line blaming, jargon/respite -->', 10, () => 3);
    expect(d).toEqual([{ kind: 'disable-next-line', targets: ['blaming', 'jargon/respite'], offset: 10, line: 3 }]);
  });

  it('ignores other comments', () => {
    expect(parseDirectives('<!-- just a note -->', 0, () => 1)).toEqual([]);
  });

  it('a directive after the finding does not suppress it', () => {
    const d = parseDirectives('<!-- sourdough-disable -->', 100, () => 5);
    expect(isSuppressed(d, 'blaming/x', 'blaming', 50, 2)).toBe(false);
    expect(isSuppressed(d, 'blaming/x', 'blaming', 150, 6)).toBe(true);
  });
});
