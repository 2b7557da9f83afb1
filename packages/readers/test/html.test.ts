/** The HTML reader: visible text only, offsets into the original HTML, sections and directives. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, builtinRuleSet } from '@sourdough/core';
import { html } from '../src/index.js';
import { repoRoot } from './helpers.js';

describe('html reader', () => {
  it('keeps the text length and masks tags, scripts, styles and the head', () => {
    const source = '<html><head><title>service user</title><style>p{}</style></head><body><p>Hello</p><script>refused()</script></body></html>';
    const doc = html(source);
    expect(doc.text.length).toBe(source.length);
    expect(doc.text.trim()).toBe('Hello');
    expect(doc.format).toBe('html');
  });

  it('decodes entities in place, keeping offsets', () => {
    const source = '<p>Music &amp; dancing &ndash; every week</p>';
    const doc = html(source);
    expect(doc.text.length).toBe(source.length);
    expect(doc.text).toContain('Music &     dancing –');
  });

  it('reads a word that inline markup or an entity splits as one word, as a browser shows it', () => {
    const source = [
      '<p>Sam didn&rsquo;t refuse lunch.</p>',
      '<p>Sam <span class="a">ref</span><span class="b">used</span> tea. Caf&eacute;s suit Sam.</p>',
      '<p>The <b>service</b> user. A&amp;E. re<!-- note -->fused.</p>',
      '<p>one</p><p>two</p><p>refused<br>lunch</p><p>Sam refused<sup>1</sup> tea.</p>',
    ].join('\n');
    const doc = html(source, 'a.html');
    expect(doc.text).toHaveLength(source.length);
    const reads = doc.text.replace(/\s+/g, ' ');
    expect(reads).toContain('Sam didn’t refuse lunch.');
    expect(reads).toContain('Sam refused tea.');
    expect(reads).toContain('Cafés suit Sam.');
    expect(reads).toContain('A&E. refused.');
    // Blocks and line breaks still part words.
    expect(reads).toContain(' one two refused lunch ');
    const r = analyse(doc, builtinRuleSet());
    // "didn’t" is read as a negation again, so "refuse" there is not reported as a warning.
    const refused = r.findings.filter((f) => f.ruleId === 'blaming/refuses');
    expect(refused.map((f) => [f.text, f.severity, f.start!.line])).toEqual([
      ['ref</span><span class="b">used', 'warning', 2],
      ['re<!-- note -->fused', 'warning', 3],
      ['refused', 'warning', 4],
      // A footnote mark is not part of the word.
      ['refused', 'warning', 4],
    ]);
    // A place a long word may wrap (<wbr>) is not a break: the word is shown whole.
    const wrap = html('<p>Staff call Jo attention<wbr>-seeking.</p>', 'b.html');
    expect(analyse(wrap, builtinRuleSet()).findings.filter((f) => f.ruleId === 'blaming/attention-seeking').map((f) => f.text)).toEqual(['attention<wbr>-seeking']);
    for (const f of r.findings) if (f.start) expect(source.slice(f.start.offset, f.end!.offset)).toBe(f.text);
    expect(refused[0]!.message).toContain('“refused”');
    expect(refused[0]!.sentence).toBe('Sam refused tea.');
  });

  it("reads a table's label cell as the cue for the value in the next cell, on one line or two", () => {
    const set = builtinRuleSet();
    for (const source of [
      '<table><tr><td>NHS number</td><td>9994567896</td></tr><tr><td>Date of birth</td><td>12/03/1951</td></tr></table>',
      '<table>\n  <tr>\n    <th>NHS number</th>\n    <td>9994567896</td>\n  </tr>\n  <tr>\n    <th>Date of birth</th>\n    <td>12/03/1951</td>\n  </tr>\n</table>',
    ]) {
      const doc = html(source, 'form.html');
      const found = analyse(doc, set).findings.filter((f) => f.ruleId.startsWith('privacy/'));
      for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
      expect(found.map((f) => [f.ruleId, f.severity, f.text])).toEqual([
        ['privacy/nhs-number', 'info', '9994567896'],
        ['privacy/date-of-birth', 'warning', '12/03/1951'],
      ]);
    }
  });

  it('skips hidden elements and keeps line numbers', () => {
    const source = '<p hidden>The service user refused.</p>\n<div style="display:none">refused</div>\n<p aria-hidden="true">refused</p>\n<p>Shown.</p>';
    const doc = html(source);
    expect(doc.text).not.toMatch(/refused/);
    expect(doc.text.split('\n')).toHaveLength(4);
    expect(doc.text).toContain('Shown.');
  });

  it('does not read deleted, struck-through text (<del>, <s>, <strike>): the draft has taken it out', () => {
    const source = '<p>Ola <del>refused</del> <ins>said no to</ins> a male carer.</p>\n<p>She <s>is non-compliant with</s> takes her tablets.</p>\n<p><strike>The service user</strike> Ola chose tea.</p>';
    const doc = html(source);
    expect(doc.text).not.toMatch(/refused|non-compliant|service user/);
    expect(doc.text.length).toBe(source.length);
    expect(doc.text).toContain('said no to');
    // A word edited in its middle reads as it now stands.
    expect(html('<p>Ola refuse<del>d</del>s tea.</p>').text).toMatch(/refuses\b/);
  });

  it('makes each block element its own block, so sentences never run across them', () => {
    const doc = html('<ul><li>First item</li><li>Second item</li></ul><p>A paragraph</p>');
    expect(doc.blocks.map((b) => doc.source.slice(b.start, b.end))).toEqual(['First item', 'Second item', 'A paragraph']);
  });

  it('turns headings into sections and comments into directives', () => {
    const doc = html('<h1>Plan</h1>\n<h2>About <em>me</em></h2>\n<!-- sourdough-disable blaming -->\n<p>x</p>');
    expect(doc.sections.map((s) => [s.depth, s.title])).toEqual([[1, 'Plan'], [2, 'About me']]);
    expect(doc.directives).toEqual([{ kind: 'disable', targets: ['blaming'], offset: doc.source.indexOf('<!--'), line: 3 }]);
  });

  it('masks web addresses in visible text', () => {
    const doc = html('<p>See https://example.org/service-user/refused for details.</p>');
    expect(doc.text).not.toContain('refused');
  });

  it('gives findings with sections and true offsets for the fixture page', () => {
    const source = readFileSync(join(repoRoot, 'fixtures/documents/html-page/input.html'), 'utf8');
    const result = analyse(html(source, 'page.html'), builtinRuleSet());
    for (const f of result.findings) if (f.start && f.end) expect(source.slice(f.start.offset, f.end.offset)).toBe(f.text);
    const refused = result.findings.filter((f) => f.ruleId === 'blaming/refuses');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.section).toBe('About me');
    expect(refused[0]!.start!.line).toBe(11);
    expect(result.findings.find((f) => f.ruleId === 'voice/passive-decision')?.section).toBe('Decisions');
  });

  it('reads a page whose head is never closed and that has no <body> tag, as a browser shows it', () => {
    const source = '<!doctype html>\n<head><meta charset="utf-8"><title>Plan for the service user</title>\n<h1>About</h1>\n<p>The service user refused personal care.</p>\n';
    const doc = html(source);
    expect(doc.text.replace(/\s+/g, ' ').trim()).toBe('About The service user refused personal care.');
    expect(doc.sections.map((s) => s.title)).toEqual(['About']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => [f.ruleId, f.start!.line])).toEqual(expect.arrayContaining([['dehumanising/service-user', 4], ['blaming/refuses', 4]]));
    for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
    // Text straight after an open head ends it too; what the head holds stays hidden.
    expect(html('<head><title>service user</title><style>p{}</style>Sam refused tea.').text.trim()).toBe('Sam refused tea.');
    expect(html('<html><head><title>service user</title>\n<body><p>Sam</p></body></html>').text.trim()).toBe('Sam');
  });

  it('reads <br> as a line break within its block, not the end of it', () => {
    const source = '<h1>Support plan<br>for Sam</h1>\n<p>Sam was described by staff as a service<br>user who needs help.</p>\n<h2>What matters<br/>to me</h2>';
    const doc = html(source);
    expect(doc.sections.map((s) => s.title)).toEqual(['Support plan for Sam', 'What matters to me']);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\s+/g, ' '))).toEqual(['Support plan for Sam', 'Sam was described by staff as a service user who needs help.', 'What matters to me']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.ruleId === 'dehumanising/service-user');
    expect(found).toHaveLength(1);
    expect(source.slice(found[0]!.start!.offset, found[0]!.end!.offset)).toBe(found[0]!.text);
    expect(found[0]!.text).toBe('service<br>user');
  });

  it('reads a word with a soft hyphen in it (&shy; or U+00AD) whole, as a browser shows it', () => {
    const source = '<h1>Sup&shy;port</h1><p>The ser&shy;vice user went out. Sam re\u00ad<b>fused</b> lunch.</p>';
    const doc = html(source);
    expect(doc.sections[0]!.title).toBe('Support');
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => f.ruleId)).toEqual(['dehumanising/service-user', 'blaming/refuses']);
    for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('reads the text shown in a <textarea> (a saved form), as a block of its own', () => {
    const source = '<form><label>Notes</label><textarea name="notes">The service user refused &amp; left.</textarea>after</form>';
    const doc = html(source);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/ +/g, ' '))).toEqual(['Notes', 'The service user refused & left.', 'after']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => f.ruleId)).toEqual(['dehumanising/service-user', 'blaming/refuses']);
    for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('reads the value a saved form shows in a one-line field (<input value>), as a block of its own', () => {
    const source = '<form><label>Reason</label> <input type="text" name="r" value="Risk of carer breakdown"><label>Notes</label><input value=\'Tomas&nbsp;kicked off &amp; didn&rsquo;t eat\'>'
      + '<input type="hidden" value="service user refused"><input type="submit" value="Service user refused"><input hidden value="refused"><input type="email" value="kai.b@example.com"></form>';
    const doc = html(source);
    expect(doc.text.length).toBe(source.length);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\s+/g, ' '))).toEqual(['Reason', 'Risk of carer breakdown', 'Notes', 'Tomas kicked off & didn’t eat', 'kai.b@example.com']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => f.ruleId)).toEqual(['blaming/breakdown', 'blaming/kicked-off', 'privacy/email']);
    for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('reads the option a saved drop-down list shows (<option selected>) as a block of its own, and no other option', () => {
    const source = '<form><p>Mood today: <select name="m"><option>Calm</option><option selected>Kicked off at tea</option>'
      + '<optgroup label="Other"><option>Refused</option></optgroup></select></p><select><option>Service user</option></select>'
      + '<datalist id="d"><option>Refused</option></datalist><p>Sam likes tea.</p></form>';
    const doc = html(source);
    expect(doc.text.length).toBe(source.length);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\s+/g, ' ').trim())).toEqual(['Mood today:', 'Kicked off at tea', 'Sam likes tea.']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => f.ruleId)).toEqual(['blaming/kicked-off']);
  });

  it('reads a check box as a browser shows it (☒ ticked, ☐ not), apart from the words around it, every offset unchanged', () => {
    const source = '<form><p><input type="checkbox" checked> Lives alone <input type="checkbox" name="k"> Has a key safe</p>'
      + '<p><label><input type="CHECKBOX" checked="checked">The service user refused lunch.</label></p><p>Re<input type="checkbox">fused</p>'
      + '<p hidden><input type="checkbox" checked> Hidden box</p></form>';
    const doc = html(source);
    expect(doc.text.length).toBe(source.length);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\s+/g, ' ').trim())).toEqual(['☒ Lives alone ☐ Has a key safe', '☒ The service user refused lunch.', 'Re☐ fused']);
    const found = analyse(doc, builtinRuleSet()).findings.filter((f) => f.start);
    expect(found.map((f) => [f.ruleId, f.sentence])).toEqual([
      ['dehumanising/service-user', '☒ The service user refused lunch.'],
      ['blaming/refuses', '☒ The service user refused lunch.'],
    ]);
    for (const f of found) expect(source.slice(f.start!.offset, f.end!.offset)).toBe(f.text);
  });

  it('reads a bold paragraph as a section heading in a page written on one line (deficit/strengths-section)', () => {
    const set = builtinRuleSet();
    const strengths = (source: string): string[] =>
      analyse(html(source), set)
        .findings.filter((f) => f.ruleId === 'deficit/strengths-section')
        .map((f) => source.slice(f.start!.offset, f.end!.offset));
    const list = '<h1>Plan</h1><p><b>Strengths</b></p><ul><li>Cannot cook</li><li>Lacks confidence</li><li>Poor hygiene</li></ul><h2>Risks</h2><p>Falls.</p>';
    expect(strengths(list)).toEqual(['Strengths']);
    // Short paragraphs that are not bold stay in the section; a bold one ends it.
    expect(strengths('<h1>Plan</h1><p><strong>Strengths</strong></p><p>Cannot cook</p><p>Lacks confidence</p><p>Loves dogs</p><h2>Risks</h2><p>Falls.</p>')).toEqual(['Strengths']);
    expect(strengths('<h1>Plan</h1><p><b>Strengths</b></p><ul><li>Kind and funny</li><li>Loves dogs</li></ul><p><b>Support needs</b></p><p>Cannot cook. Lacks confidence. Needs help with money.</p>')).toEqual([]);
  });

  it('reads a table row written on one line, label cell then value, as a heading and its section (as a DOCX cell line)', () => {
    const set = builtinRuleSet();
    const found = (source: string, id: string): string[] =>
      analyse(html(source), set)
        .findings.filter((f) => f.ruleId === id)
        .map((f) => source.slice(f.start!.offset, f.end!.offset));
    const admire = 'What people like and admire about me';
    // A header cell, with or without bold, and a first-column <td> (a form's label column).
    expect(found(`<h1>Plan for Jo</h1><table><tr><th>${admire}</th><td>Jo cannot cook. Jo is unable to wash without help. Jo lacks confidence.</td></tr><tr><th>What’s important to me</th><td>My dog.</td></tr></table>`, 'deficit/strengths-section')).toEqual([admire]);
    expect(found(`<h1>Plan</h1><table><tr><th><b>Strengths</b></th><td><p>Cannot cook.</p><p>Lacks confidence.</p></td></tr></table>`, 'deficit/strengths-section')).toEqual(['Strengths']);
    expect(found('<h1>Plan</h1><table><tr><td>Strengths</td><td>Cannot cook. Lacks confidence. Poor hygiene.</td></tr><tr><td>Risks</td><td>Falls.</td></tr></table>', 'deficit/strengths-section')).toEqual(['Strengths']);
    // Short values in the next rows stay in the section; the next header cell ends it.
    expect(found('<h1>Plan</h1><table><tr><th>Strengths</th><td>Cannot cook</td></tr><tr><td>Lacks confidence</td><td>Poor hygiene</td></tr></table>', 'deficit/strengths-section')).toEqual(['Strengths']);
    expect(found('<h1>Plan</h1><table><tr><th>Strengths</th><td>Kind and funny. Loves dogs.</td></tr><tr><th>Support needs</th><td>Cannot cook. Lacks confidence. Needs help with money.</td></tr></table>', 'deficit/strengths-section')).toEqual([]);
    expect(found('<h1>Plan</h1><table><tr><th>About me</th><td>Sam has many problems. Issues with drink and debt.</td></tr></table>', 'deficit/about-me-problems').length).toBeGreaterThan(0);
  });
});
