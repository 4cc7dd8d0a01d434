import { describe, expect, it } from 'vitest';
import { fetchPointer } from '../../../lambdas/pipeline/ingest.js';
import type { FetchedPage } from '../../../lambdas/fetch/types.js';

/** Headers a real news site sends (cookies, CSP, CDN lines): well over 1 KB together. */
const HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=GB2312',
  etag: '"5e1f-61a2b3c4"',
  'last-modified': 'Thu, 22 Feb 2024 02:00:00 GMT',
  'set-cookie': `JSESSIONID=${'A'.repeat(400)}; Path=/; HttpOnly`,
  'content-security-policy': `default-src 'self' ${'https://cdn.example.com '.repeat(20)}`,
  'x-cache': 'HIT from cdn-node-07',
  via: '1.1 varnish',
  server: 'nginx',
  date: 'Thu, 22 Feb 2024 02:00:00 GMT',
};

const page: FetchedPage = {
  kind: 'page',
  requestedUrl: 'http://www.example.com/a.html',
  finalUrl: 'http://www.example.com/a.html',
  status: 200,
  headers: HEADERS,
  body: new Uint8Array([1]),
  headerCharset: 'gb2312',
  contentType: 'text/html; charset=GB2312',
  fetchedAt: '2024-02-22T02:00:00.000Z',
  notModified: false,
  attempts: 1,
  elapsedMs: 10,
};
const ref = { bucket: 'b', key: 'raw/sha256/ab/x.batch.gz', sha256: 'ab'.repeat(32), bytes: 1, contentType: page.contentType, charset: 'gb2312', status: 200, fetchedAt: page.fetchedAt };

describe('fetch pointer', () => {
  it('keeps only the headers reprocess and revisits read (content type, validators), so the item stays one write unit', () => {
    expect(JSON.stringify(HEADERS).length).toBeGreaterThan(1024);
    const p = fetchPointer(page.requestedUrl, page, ref, 'src', { offset: 10, length: 20 });
    expect(p.headers).toEqual({ 'content-type': 'text/html; charset=GB2312', etag: '"5e1f-61a2b3c4"', 'last-modified': 'Thu, 22 Feb 2024 02:00:00 GMT' });
    expect(p).toMatchObject({ status: 200, charset: 'gb2312', contentType: 'text/html; charset=GB2312', rawKey: ref.key, member: { offset: 10, length: 20 } });
    expect(JSON.stringify(p).length).toBeLessThan(1024);
  });

  it('has no member for a single-page object', () => {
    expect(fetchPointer(page.requestedUrl, page, ref, 'src')).not.toHaveProperty('member');
  });
});
