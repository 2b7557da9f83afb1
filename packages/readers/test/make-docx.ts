/**
 * Test helper: small .docx files written by hand as Word XML (jszip), for what the `docx` package
 * cannot write (simple fields, hidden text, text boxes, embedded chunks…). Synthetic text only.
 */
import JSZip from 'jszip';

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A run of text, with optional run properties XML. */
export const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A paragraph: runs XML (starting with "<") or plain text, with an optional style id. */
export const p = (inner: string, style?: string): string => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner.startsWith('<') ? inner : r(inner)}</w:p>`;

const STYLES = `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>`;

export interface DocxParts {
  body: string;
  /** Extra w:style elements. */
  styles?: string;
  footnotes?: string;
  headers?: string[];
  footers?: string[];
  /** Other parts: path in the zip → content, with a relationship from the document (id → [type, target]). */
  parts?: Record<string, string | Uint8Array>;
  rels?: Record<string, [string, string]>;
  /** Content types by extension. */
  defaults?: Record<string, string>;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Build a .docx from Word XML. */
export async function makeDocx(parts: DocxParts): Promise<Buffer> {
  const z = new JSZip();
  const overrides: [string, string][] = [['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']];
  const rels = [`<Relationship Id="rIdStyles" Type="${REL}styles" Target="styles.xml"/>`];
  let sect = '';
  if (parts.footnotes !== undefined) {
    z.file('word/footnotes.xml', `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${parts.footnotes}</w:footnotes>`);
    rels.push(`<Relationship Id="rIdFn" Type="${REL}footnotes" Target="footnotes.xml"/>`);
  }
  (parts.headers ?? []).forEach((h, i) => {
    z.file(`word/header${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${NS}>${h}</w:hdr>`);
    rels.push(`<Relationship Id="rIdH${i}" Type="${REL}header" Target="header${i + 1}.xml"/>`);
    sect += `<w:headerReference w:type="${i ? 'first' : 'default'}" r:id="rIdH${i}"/>`;
  });
  (parts.footers ?? []).forEach((f, i) => {
    z.file(`word/footer${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${NS}>${f}</w:ftr>`);
    rels.push(`<Relationship Id="rIdF${i}" Type="${REL}footer" Target="footer${i + 1}.xml"/>`);
    sect += `<w:footerReference w:type="${i ? 'first' : 'default'}" r:id="rIdF${i}"/>`;
  });
  for (const [name, content] of Object.entries(parts.parts ?? {})) z.file(name, content);
  for (const [id, [type, target]] of Object.entries(parts.rels ?? {})) rels.push(`<Relationship Id="${id}" Type="${REL}${type}" Target="${target}"/>`);
  const defaults = Object.entries(parts.defaults ?? {}).map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('');
  z.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${defaults}${overrides.map(([n, t]) => `<Override PartName="${n}" ContentType="${t}"/>`).join('')}</Types>`,
  );
  z.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}officeDocument" Target="word/document.xml"/></Relationships>`);
  z.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  z.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${NS}>${STYLES}${parts.styles ?? ''}</w:styles>`);
  z.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${parts.body}<w:sectPr>${sect}</w:sectPr></w:body></w:document>`);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
