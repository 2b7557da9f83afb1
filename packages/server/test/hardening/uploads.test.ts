/**
 * Hostile uploads (docs/security.md, "Hostile files"): a DOCX zip bomb and deeply nested HTML sent
 * to POST /v1/analyse/file, under the body limit, are refused with 413 SD_ERR_TOO_LARGE by the
 * worker's readers, quickly, and the server answers the next request normally.
 */
import { describe, expect, it } from 'vitest';
import { constants, deflateRawSync } from 'node:zlib';
import { build, expectError, multipart, waitReady } from '../helper.js';

/** A zip whose word/document.xml inflates to `mb` MB of zeros (see readers' hardening/zip.ts). */
function bomb(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const deflated = Buffer.concat([...Array<Buffer>(mb).fill(block), deflateRawSync(Buffer.alloc(0))]);
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(mb * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(mb * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length + deflated.length, 16);
  return Buffer.concat([local, name, deflated, central, name, eocd]);
}

describe('hostile uploads', () => {
  it('a 900 KB DOCX that unzips to 900 MB, and HTML nested 2,000 deep, get 413 SD_ERR_TOO_LARGE, fast, and the server carries on', async () => {
    const app = await build({ workers: 1 });
    await waitReady(app);
    const file = bomb(900);
    expect(file.length).toBeLessThan(1024 * 1024);
    const t0 = Date.now();
    const res = await app.inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'bomb.docx', content: file }]) });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(expectError(res, 413, 'SD_ERR_TOO_LARGE').message).toMatch(/limit/i);
    const next = await app.inject({ method: 'POST', url: '/v1/analyse', payload: { text: 'Sam refused his tablets.' } });
    expect(next.statusCode).toBe(200);
    // HTML nested 2,000 deep (over the 1,000 limit) is refused the same way.
    const deep = await app.inject({ method: 'POST', url: '/v1/analyse/file', ...multipart([{ name: 'file', filename: 'deep.html', content: `<html><body>${'<div>'.repeat(2_000)}<p>hi</p></body></html>` }]) });
    expectError(deep, 413, 'SD_ERR_TOO_LARGE');
  });
});
