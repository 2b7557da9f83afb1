/**
 * Test helper: builds hostile zip files (DOCX zip bombs) in memory, cheaply. A DEFLATE stream of
 * one repeated segment is made by compressing the segment once with a full flush (which makes it
 * byte-aligned and independent of what came before) and repeating those bytes, so a 2 GB part
 * costs about 2 MB and no inflating. Test-only: never used by the product.
 */
import { constants, deflateRawSync } from 'node:zlib';

/** One part of a zip: its name, DEFLATE bytes, and the sizes and CRC its headers declare. */
export interface ZipPart {
  name: string;
  deflated: Buffer;
  declaredSize: number;
  crc?: number;
}

/** A raw DEFLATE stream that inflates to `head`, then `segment` repeated `times` times, then `tail`. */
export function repeatedDeflate(segment: Buffer, times: number, head = Buffer.alloc(0), tail = Buffer.alloc(0)): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const first = deflateRawSync(head, flush);
  const block = deflateRawSync(segment, flush);
  const end = deflateRawSync(tail); // the final block
  const out = Buffer.alloc(first.length + block.length * times + end.length);
  first.copy(out, 0);
  for (let i = 0; i < times; i++) block.copy(out, first.length + i * block.length);
  end.copy(out, first.length + block.length * times);
  return out;
}

/** A small, honest part (deflated normally). */
export function part(name: string, content: string | Buffer): ZipPart {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, deflated: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Assemble a zip file (DEFLATE entries, no zip64) from parts. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const crc = p.crc ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The small parts every .docx needs besides word/document.xml. */
export const DOCX_SKELETON: ZipPart[] = [
  part(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  part(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
];

/** A document.xml body of one paragraph. */
export const PARAGRAPH_XML = '<w:p><w:r><w:t>Sam enjoys gardening and chose the new placement. </w:t></w:r></w:p>';
export const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
export const DOCUMENT_TAIL = '</w:body></w:document>';
