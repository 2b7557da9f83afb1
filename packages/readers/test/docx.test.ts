/** The DOCX reader: paragraphs one per line, headings as sections, paragraph numbers, clear errors. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourdoughError } from '@sourdough/core';
import { docx } from '../src/index.js';
import { LIMITS } from '../src/limits.js';
import { analyseChecked, repoRoot } from './helpers.js';
import { NS, makeDocx, p, r } from './make-docx.js';

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'fixtures/documents', name, 'input.docx'));

describe('docx reader', () => {
  it('extracts paragraphs, headings and list items in order, one per line', async () => {
    const doc = await docx(fixture('docx-plan'), 'plan.docx');
    const lines = doc.source.split('\n');
    expect(lines[0]).toBe('Support plan for Jack');
    expect(lines).toContain('Cooking my own tea.');
    expect(lines.indexOf('Going to the football on Saturdays with my brother.')).toBe(lines.indexOf('What matters to me') + 1);
    expect(doc.paragraphs).toHaveLength(lines.length);
    expect(doc.blocks).toHaveLength(lines.length);
    expect(doc.sections.map((s) => [s.depth, s.title])).toEqual([
      [1, 'Support plan for Jack'],
      [2, 'About me'],
      [2, 'What matters to me'],
      [2, 'How I want to be supported'],
    ]);
  });

  it('gives findings a section and a paragraph number', async () => {
    const doc = await docx(fixture('docx-plan'), 'plan.docx');
    const result = analyseChecked({ path: 'plan.docx', doc });
    const refused = result.findings.find((f) => f.ruleId === 'blaming/refuses')!;
    expect(refused.text).toBe('refused');
    expect(refused.section).toBe('How I want to be supported');
    expect(refused.paragraph).toBe(10);
    expect(refused.start!.line).toBe(10);
  });

  it('fails with SD_ERR_READ_DOCX on a file that is not a Word document', async () => {
    const err = await docx(fixture('corrupt-docx'), 'broken.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourdoughError);
    expect((err as SourdoughError).code).toBe('SD_ERR_READ_DOCX');
    expect((err as SourdoughError).message).toContain('broken.docx is not a valid Word (.docx) file');
  });

  it('reads simple fields and bidirectional text, which mammoth leaves out', async () => {
    const body = [
      p(r('Name: ') + '<w:fldSimple w:instr=" MERGEFIELD PreferredName "><w:r><w:t>Sam Example</w:t></w:r></w:fldSimple>' + r(' refused lunch.')),
      p('<w:fldSimple w:instr=" DOCPROPERTY Summary "><w:r><w:t>The service user went out.</w:t></w:r></w:fldSimple>'),
      p('<w:dir w:val="ltr"><w:r><w:t>Staff say Sam is non-compliant.</w:t></w:r></w:dir>'),
      p('<w:bdo w:val="ltr"><w:r><w:t>Sam kicked off at lunch.</w:t></w:r></w:bdo>'),
      p('<w:fldSimple w:instr=" PAGE "/>'),
    ].join('');
    const doc = await docx(await makeDocx({ body }), 'fields.docx');
    expect(doc.source.split('\n')).toEqual(['Name: Sam Example refused lunch.', 'The service user went out.', 'Staff say Sam is non-compliant.', 'Sam kicked off at lunch.']);
    const rules = analyseChecked({ path: 'fields.docx', doc }).findings.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['blaming/refuses', 'dehumanising/service-user', 'blaming/kicked-off']));
  });

  it('reads a strengths section under a Word heading, and under a plain paragraph standing as one', async () => {
    const deficits = [p('Ola cannot cook.'), p('She lacks confidence with new people.'), p('She struggles with buses.')];
    const headed = await docx(await makeDocx({ body: [p('Strengths', 'Heading1'), ...deficits, p('Risks', 'Heading1'), p('Ola cannot use the stairs.')].join('') }), 'headed.docx');
    const found = analyseChecked({ path: 'headed.docx', doc: headed }).findings.filter((f) => f.ruleId === 'deficit/strengths-section');
    expect(found.map((f) => [f.text, f.section])).toEqual([['Strengths', 'Strengths']]);
    const unstyled = await docx(await makeDocx({ body: [p('Support plan for Ola.'), p('What people like and admire about Ola'), ...deficits].join('') }), 'unstyled.docx');
    expect(analyseChecked({ path: 'unstyled.docx', doc: unstyled }).findings.filter((f) => f.ruleId === 'deficit/strengths-section').map((f) => f.text)).toEqual(['What people like and admire about Ola']);
    const balanced = await docx(await makeDocx({ body: [p('Strengths', 'Heading1'), p('Ola is funny and kind.'), p('She knows every bus route.'), p('She cannot cook.')].join('') }), 'balanced.docx');
    expect(analyseChecked({ path: 'balanced.docx', doc: balanced }).findings.filter((f) => f.ruleId === 'deficit/strengths-section')).toEqual([]);
  });

  it('reads check boxes and symbols as Word shows them: a content control as ☒ or ☐, a Wingdings tick or box, a Unicode symbol', async () => {
    const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const box = (checked: boolean): string =>
      `<w:sdt ${W14}><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:sym w:font="MS Gothic" w:char="${checked ? '2612' : '2610'}"/></w:r></w:sdtContent></w:sdt>`;
    const body = [
      p(r('Lives alone: ') + box(true) + r(' Yes ') + box(false) + r(' No')),
      p('<w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> Key safe fitted</w:t></w:r>'),
      p('<w:r><w:sym w:font="Wingdings 2" w:char="A3"/><w:t xml:space="preserve"> Pendant alarm</w:t></w:r>'),
      p('<w:r><w:sym w:font="Segoe UI Symbol" w:char="2713"/><w:t xml:space="preserve"> Carer\'s assessment offered</w:t></w:r>'),
      p('<w:r><w:sym w:font="Webdings" w:char="F061"/><w:t xml:space="preserve"> Unknown symbol left out</w:t></w:r>'),
    ].join('');
    const doc = await docx(await makeDocx({ body }), 'boxes.docx');
    expect(doc.source.split('\n')).toEqual(['Lives alone: ☒ Yes ☐ No', '☑ Key safe fitted', '☐ Pendant alarm', "✓ Carer's assessment offered", ' Unknown symbol left out']);
  });

  it('keeps words apart across a carriage return, an absolute tab, a page break and a column break', async () => {
    const body = [
      p('<w:r><w:t>The service</w:t><w:cr/><w:t>user went out.</w:t></w:r>'),
      p('<w:r><w:t>Name:</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>Sam</w:t></w:r>'),
      p('<w:r><w:t>The service</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>user was seen.</w:t></w:r>'),
      p('<w:r><w:t>Seen by</w:t><w:br w:type="column"/><w:t>staff.</w:t></w:r>'),
    ].join('');
    const doc = await docx(await makeDocx({ body }), 'breaks.docx');
    expect(doc.source.split('\n')).toEqual(['The service user went out.', 'Name: Sam', 'The service user was seen.', 'Seen by staff.']);
    const found = analyseChecked({ path: 'breaks.docx', doc }).findings.filter((f) => f.ruleId === 'dehumanising/service-user');
    expect(found.map((f) => f.start!.line)).toEqual([1, 3]);
  });

  it('reads an embedded HTML or text chunk (altChunk) in its place', async () => {
    const body = p('Intro.') + '<w:altChunk r:id="rIdA"/>' + p('Middle.') + '<w:altChunk r:id="rIdB"/>' + p('End.');
    const bytes = await makeDocx({
      body,
      parts: {
        'word/chunk.html': '<html><head><title>x</title></head><body><h1>Notes</h1><p>The service user <b>refused</b> lunch &amp; tea.</p></body></html>',
        'word/chunk.txt': 'Sam is wheelchair-bound.\r\n\r\nSam went out.',
      },
      rels: { rIdA: ['aFChunk', 'chunk.html'], rIdB: ['aFChunk', 'chunk.txt'] },
      defaults: { html: 'text/html', txt: 'text/plain' },
    });
    const doc = await docx(bytes, 'chunk.docx');
    expect(doc.source.split('\n')).toEqual(['Intro.', 'Notes', 'The service user refused lunch & tea.', 'Middle.', 'Sam is wheelchair-bound.', 'Sam went out.', 'End.']);
    const rules = analyseChecked({ path: 'chunk.docx', doc }).findings.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['dehumanising/service-user', 'blaming/refuses', 'deficit/wheelchair-bound']));
  });

  it('fails with SD_ERR_READ_DOCX, without quoting the text, when an embedded chunk cannot be read', async () => {
    const bytes = await makeDocx({
      body: p('Intro.') + '<w:altChunk r:id="rIdA"/>',
      parts: { 'word/chunk.rtf': '{\\rtf1 The service user refused.}' },
      rels: { rIdA: ['aFChunk', 'chunk.rtf'] },
      defaults: { rtf: 'application/rtf' },
    });
    const err = await docx(bytes, 'rtf.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourdoughError);
    expect((err as SourdoughError).code).toBe('SD_ERR_READ_DOCX');
    expect((err as SourdoughError).message).toContain('rtf.docx has a part embedded in a form sourdough cannot read');
    expect((err as SourdoughError).message).not.toMatch(/service user|refused|Intro/);
  });

  it('leaves out hidden text (w:vanish), set on the run or through a style, as Word does not show it', async () => {
    const styles =
      '<w:style w:type="character" w:styleId="Guidance"><w:name w:val="Guidance"/><w:rPr><w:vanish/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="MoreGuidance"><w:name w:val="More guidance"/><w:basedOn w:val="Guidance"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden para"/><w:rPr><w:vanish/></w:rPr></w:style>';
    const body = [
      p('About me', 'Heading1'),
      p(r('Template guidance: avoid phrases like service user or refused.', '<w:vanish/>')),
      p(r('Sam enjoys swimming.') + r(' [note: the service user kicked off]', '<w:vanish/>')),
      p(r('Sam chose tea.') + r(' Guidance: wheelchair-bound.', '<w:rStyle w:val="MoreGuidance"/>')),
      p('Staff said Sam refused.', 'HiddenPara'),
      p(r('Shown again: Sam went out.', '<w:vanish w:val="0"/>')),
    ].join('');
    const doc = await docx(await makeDocx({ body, styles }), 'hidden.docx');
    expect(doc.source.split('\n')).toEqual(['About me', 'Sam enjoys swimming.', 'Sam chose tea.', 'Shown again: Sam went out.']);
    expect(analyseChecked({ path: 'hidden.docx', doc }).findings.filter((f) => f.start)).toEqual([]);
  });

  it('leaves out struck-through text and tracked deletions: wording the draft has taken out', async () => {
    const body = [
      p('My support', 'Heading1'),
      p(r('Ola ') + r('refuses', '<w:strike/>') + r(' has told us she does not want a male carer.')),
      p(r('She ') + r('is non-compliant with', '<w:strike/>') + r(' takes her tablets with tea.')),
      p(r('Sam ') + `<w:del w:id="1" w:author="A" w:date="2026-11-01T00:00:00Z"><w:r><w:delText xml:space="preserve">refused </w:delText></w:r></w:del>` + r('chose not to go.')),
      p(r('The service user', '<w:strike/>')),
    ].join('');
    const doc = await docx(await makeDocx({ body }), 'struck.docx');
    expect(doc.source.split('\n')).toEqual(['My support', 'Ola  has told us she does not want a male carer.', 'She  takes her tablets with tea.', 'Sam chose not to go.']);
    expect(analyseChecked({ path: 'struck.docx', doc }).findings.filter((f) => f.start)).toEqual([]);
  });

  it('reads page headers and footers after the body, under sections of their own, each paragraph once', async () => {
    const body = [p('About me', 'Heading1'), p('Sam went to the shop.')].join('');
    const bytes = await makeDocx({
      body,
      headers: [p('Support plan: service user Sam Example, NHS number 999 000 0018'), p('Support plan: service user Sam Example, NHS number 999 000 0018')],
      footers: [p('Contact sam.example@example.com. Sam is wheelchair-bound.')],
    });
    const doc = await docx(bytes, 'header.docx');
    expect(doc.source.split('\n')).toEqual([
      'About me',
      'Sam went to the shop.',
      'Support plan: service user Sam Example, NHS number 999 000 0018',
      'Contact sam.example@example.com. Sam is wheelchair-bound.',
    ]);
    expect(doc.sections.map((s) => [s.title, doc.source.slice(s.offset).split('\n')[0]])).toEqual([
      ['About me', 'About me'],
      ['Header', 'Support plan: service user Sam Example, NHS number 999 000 0018'],
      ['Footer', 'Contact sam.example@example.com. Sam is wheelchair-bound.'],
    ]);
    const found = analyseChecked({ path: 'header.docx', doc }).findings.filter((f) => f.start);
    expect(found.map((f) => [f.ruleId, f.section, f.paragraph])).toEqual(
      expect.arrayContaining([
        ['dehumanising/service-user', 'Header', 3],
        ['privacy/person-name', 'Header', 3],
        ['privacy/email', 'Footer', 4],
        ['deficit/wheelchair-bound', 'Footer', 4],
      ]),
    );
  });

  it('leaves soft hyphens out of the text, so the words they sit in are found', async () => {
    const body = [p('<w:r><w:t>The ser</w:t><w:softHyphen/><w:t>vice user went out.</w:t></w:r>'), p('Sam re\u00adfused lunch.')].join('');
    const doc = await docx(await makeDocx({ body }), 'soft.docx');
    expect(doc.source.split('\n')).toEqual(['The service user went out.', 'Sam refused lunch.']);
    expect(analyseChecked({ path: 'soft.docx', doc }).findings.filter((f) => f.start).map((f) => f.ruleId)).toEqual(['dehumanising/service-user', 'blaming/refuses']);
  });

  it('reads a text box given only in its modern drawing form, and one with a fallback once', async () => {
    const box = (text: string): string => `<wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx>`;
    const drawing = (text: string): string => `<w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>${box(text)}</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
    const body = [
      // Modern form only (no VML fallback), inside and outside mc:AlternateContent.
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing('Choice box: the service user refused.')}</mc:Choice></mc:AlternateContent></w:r>${r('Body one.')}</w:p>`,
      `<w:p><w:r>${drawing('Drawing box: Sam is wheelchair-bound.')}</w:r>${r('Body two.')}</w:p>`,
      // Both forms: read once, from the fallback.
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing('Twice: Sam kicked off.')}</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p('Twice: Sam kicked off.')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${r('Body three.')}</w:p>`,
    ].join('');
    const doc = await docx(await makeDocx({ body }), 'boxes.docx');
    expect(doc.source.split('\n')).toEqual(['Body one.', 'Choice box: the service user refused.', 'Body two.', 'Drawing box: Sam is wheelchair-bound.', 'Body three.', 'Twice: Sam kicked off.']);
  });

  it('reads footnotes and endnotes under sections of their own, without the note marks', async () => {
    const ref = (kind: string): string => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="1"/></w:r>`;
    const bytes = await makeDocx({
      body: [p('Background', 'Heading1'), p(r('Sam Example refused') + ref('footnote') + r(' personal care.')), p('Later', 'Heading1'), p(r('Sam went out.') + ref('endnote'))].join(''),
      footnotes: '<w:footnote w:id="1"><w:p><w:r><w:t>The service user was wheelchair-bound at the time.</w:t></w:r></w:p></w:footnote>',
      parts: { 'word/endnotes.xml': `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${NS}><w:endnote w:id="1"><w:p><w:r><w:t>Staff said Sam is attention-seeking.</w:t></w:r></w:p></w:endnote></w:endnotes>` },
      rels: { rIdEn: ['endnotes', 'endnotes.xml'] },
    });
    const doc = await docx(bytes, 'notes.docx');
    expect(doc.source.split('\n')).toEqual(['Background', 'Sam Example refused personal care.', 'Later', 'Sam went out.', 'The service user was wheelchair-bound at the time.', 'Staff said Sam is attention-seeking.']);
    const found = analyseChecked({ path: 'notes.docx', doc }).findings.filter((f) => f.start);
    expect(found.map((f) => [f.ruleId, f.section])).toEqual(
      expect.arrayContaining([
        ['blaming/refuses', 'Background'],
        ['dehumanising/service-user', 'Footnotes'],
        ['deficit/wheelchair-bound', 'Footnotes'],
        ['blaming/attention-seeking', 'Endnotes'],
      ]),
    );
  });

  it("reads a form table's field label cell as the cue for the value beside it", async () => {
    // Word forms put "NHS number" and its value in two cells of a row; the reader gives each cell a
    // line, and a bare ten digits is an NHS number only with its cue (999 test range, Ofcom drama number).
    const cell = (t: string): string => `<w:tc><w:p>${r(t)}</w:p></w:tc>`;
    const row = (a: string, b: string): string => `<w:tr>${cell(a)}${cell(b)}</w:tr>`;
    const body = p('Referral form') + `<w:tbl>${row('NHS number', '9994567896')}${row('Date of birth', '12/03/1951')}${row('Mobile', '07700 900461')}</w:tbl>` + p('She would like help with shopping.');
    const doc = await docx(await makeDocx({ body }), 'form.docx');
    const found = analyseChecked({ path: 'form.docx', doc }).findings.filter((f) => f.ruleId.startsWith('privacy/'));
    expect(found.map((f) => [f.ruleId, f.severity, f.text])).toEqual([
      ['privacy/nhs-number', 'info', '9994567896'],
      ['privacy/date-of-birth', 'warning', '12/03/1951'],
      ['privacy/phone-number', 'info', '07700 900461'],
    ]);
  });

  it("makes a paragraph in Word's Title style a section, as a heading is", async () => {
    const doc = await docx(await makeDocx({ body: [p('Plan for Sam', 'Title'), p('The service user went out.'), p('Overview', 'Heading1'), p('Sam refused lunch.')].join('') }), 'title.docx');
    expect(doc.sections.map((s) => [s.title, s.depth])).toEqual([['Plan for Sam', 1], ['Overview', 1]]);
    const found = analyseChecked({ path: 'title.docx', doc }).findings.filter((f) => f.start);
    expect(found.map((f) => [f.ruleId, f.section])).toEqual([['dehumanising/service-user', 'Plan for Sam'], ['blaming/refuses', 'Overview']]);
  });

  it('refuses a file with more page headers and footers than it reads (SD_ERR_TOO_LARGE), rather than convert each of thousands', async () => {
    const headers = Array.from({ length: LIMITS.docxHeaderParts + 1 }, (_, i) => p(`Header ${i}`));
    const err = await docx(await makeDocx({ body: p('Body.'), headers }), 'headers.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourdoughError);
    expect((err as SourdoughError).code).toBe('SD_ERR_TOO_LARGE');
    expect((err as SourdoughError).message).toContain('headers.docx is too large: its number of page headers and footers');
  });
});

