import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../lambdas/fetch/failures.js';
import { BodyEncodingError, readCappedBody } from '../../../lambdas/fetch/read-body.js';

const html = Buffer.from('<html><body><p>江苏新闻</p></body></html>');
const read = (bytes: Buffer, encoding: string | undefined) => readCappedBody(Readable.from([bytes]), encoding, 1 << 20);

describe('readCappedBody and Content-Encoding (issue 10 item 13)', () => {
  it('undoes a list of codings in reverse order: "gzip, gzip" and "gzip, br"', async () => {
    expect(Buffer.from(await read(gzipSync(gzipSync(html)), 'gzip, gzip')).equals(html)).toBe(true);
    expect(Buffer.from(await read(brotliCompressSync(gzipSync(html)), 'gzip, br')).equals(html)).toBe(true);
    expect(Buffer.from(await read(html, 'identity')).equals(html)).toBe(true);
  });

  it('refuses an unknown coding instead of passing the raw bytes on, as a permanent failure', async () => {
    const err = await read(html, 'compress').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyEncodingError);
    expect(classifyError(err)).toMatchObject({ code: 'FETCH_FAILED', retryable: false });
    expect((err as Error).message).toContain('compress');
  });

  it('a gzip header on a body that is not gzip is a permanent failure, not a retry', async () => {
    const err = await read(html, 'gzip').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyEncodingError);
    expect(classifyError(err).retryable).toBe(false);
  });
});
