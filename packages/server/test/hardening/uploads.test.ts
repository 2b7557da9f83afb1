/**
 * Hostile uploads (docs/security.md, "Hostile files"): a DOCX zip bomb and deeply nested HTML sent
 * to POST /v1/analyse/file, under the body limit, are refused with 413 SD_ERR_TOO_LARGE by the
 * worker's readers, quickly, and the server answers the next request normally.
 */
import { describe, expect, it } from 'vitest';
import { build, expectError, multipart, waitReady } from '../helper.js';
// The zip builder the readers' hardening tests use (test-only code, shared rather than copied).
import { repeatedDeflate, zip } from '../../../readers/test/hardening/zip.js';

const MB = 1024 * 1024;

/** A zip whose word/document.xml inflates to `mb` MB of zeros. */
function bomb(mb: number): Buffer {
  return zip([{ name: 'word/document.xml', deflated: repeatedDeflate(Buffer.alloc(MB), mb), declaredSize: mb * MB }]);
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
