// Image uploads from the console: typed by their bytes, at most 5 MB, stored in the database by SHA-256.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UploadResponse } from '@guideshare/contracts';
import { sniffImageType } from '../src/uploads/image-type.js';
import { count } from './support/counter.js';
import { createBrand, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0rest-of-jpeg')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 rest')]);
const MB = 1024 * 1024;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  const password = 'finance-password-1';
  await stack.client.post('/api/admin/staff', { username: 'fin', password, role: 'finance' }, brand.admin);
  finance = (await stack.client.post('/api/auth/staff', { username: 'fin', password })).body.token;
});
afterAll(async () => stack?.close());

async function upload(
  bytes: Buffer,
  opts: { token?: string; field?: string; type?: string; filename?: string } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([bytes], { type: opts.type ?? 'image/png' }), opts.filename ?? 'a.png');
  const token = opts.token === undefined ? brand.admin : opts.token;
  const res = await fetch(`${stack.url}/api/admin/uploads`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: await res.json() };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('sniffImageType', () => {
  it('knows PNG, JPEG and WebP by their bytes and nothing else', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    for (const other of [
      'GIF89a......',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'RIFF....WAVE',
      '%PDF-1.7',
      '',
      '\x89PNG',
    ])
      expect(sniffImageType(Buffer.from(other, 'latin1'))).toBeNull();
  });
});

describe('POST /api/admin/uploads', () => {
  it('stores an image by its SHA-256 and serves it with its type and long caching', async () => {
    const first = await upload(PNG);
    expect(first.status).toBe(201);
    const body: UploadResponse = first.body;
    expect(body).toEqual({
      url: `/api/uploads/${sha(PNG)}`,
      id: sha(PNG),
      contentType: 'image/png',
      byteLength: PNG.length,
    });

    const served = await fetch(`${stack.url}${body.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const etag = served.headers.get('etag')!;
    expect((await fetch(`${stack.url}${body.url}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // The same bytes again: the same URL, one row.
    const again = await upload(PNG, { filename: 'copy.png' });
    expect([again.status, again.body.url]).toEqual([200, body.url]);
    expect(await count(stack, 'uploads', 'id = ?', [sha(PNG)])).toBe(1);

    // A product's gallery can use it.
    const patched = await stack.client.patch(
      `/api/admin/products/${brand.product.id}`,
      { imageUrls: [body.url] },
      brand.admin,
    );
    expect(patched.body).toMatchObject({ imageUrl: body.url, imageUrls: [body.url] });
  });

  it('types the file by its bytes, not by what the client claims', async () => {
    const jpeg = await upload(JPEG, { type: 'image/png', filename: 'x.png' });
    expect([jpeg.status, jpeg.body.contentType]).toEqual([201, 'image/jpeg']);
    const webp = await upload(WEBP, { type: 'application/octet-stream', filename: 'x.bin' });
    expect([webp.status, webp.body.contentType]).toEqual([201, 'image/webp']);
    const served = await fetch(`${stack.url}${webp.body.url}`);
    expect(served.headers.get('content-type')).toBe('image/webp');

    const before = await count(stack, 'uploads');
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), { type: 'image/png' });
    expect([html.status, html.body.error.code]).toEqual([415, 'UPLOAD_TYPE_UNSUPPORTED']);
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), { type: 'image/gif' });
    expect(gif.status).toBe(415);
    expect(await count(stack, 'uploads')).toBe(before);
  });

  it('accepts up to 5 MB and refuses more (413), writing nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * MB - PNG.length, 7)]);
    const atLimit = await upload(big);
    expect([atLimit.status, atLimit.body.byteLength]).toEqual([201, 5 * MB]);
    const before = await count(stack, 'uploads');
    const tooBig = await upload(Buffer.concat([big, Buffer.from([0])]));
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
    expect(await count(stack, 'uploads')).toBe(before);
  });

  it('refuses a wrong field, an empty file, a non-multipart body, and other roles', async () => {
    const before = await count(stack, 'uploads');
    const field = await upload(PNG, { field: 'image' });
    expect([field.status, field.body.error.code]).toEqual([400, 'UPLOAD_FILE_REQUIRED']);
    const empty = await upload(Buffer.alloc(0));
    expect([empty.status, empty.body.error.code]).toEqual([400, 'UPLOAD_EMPTY']);
    const json = await stack.client.post('/api/admin/uploads', { file: PNG.toString('base64') }, brand.admin);
    expect([json.status, json.body.error.code]).toEqual([415, 'UPLOAD_NOT_MULTIPART']);
    expect((await upload(Buffer.from('another image'), { token: finance })).status).toBe(403);
    expect((await upload(PNG, { token: '' })).status).toBe(401);
    expect(await count(stack, 'uploads')).toBe(before);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await stack.client.get(`/api/uploads/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await stack.client.get('/api/uploads/not-an-id')).status).toBe(404);
  });
});
