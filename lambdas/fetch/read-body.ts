/**
 * Reads a response body as a stream with a size cap, undoing Content-Encoding (gzip, deflate, br).
 * Past the cap the stream is destroyed (the connection is dropped) instead of read to the end.
 */
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`body larger than ${limitBytes} bytes`);
  }
}

function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * The body bytes (decoded when Content-Encoding is gzip/deflate/br). When `truncate` is set the
 * first `limitBytes` are returned instead of failing (robots.txt: parse the first 500 KiB).
 */
export async function readCappedBody(body: Readable, contentEncoding: string | undefined, limitBytes: number, truncate = false): Promise<Uint8Array> {
  const decoder = decoderFor(contentEncoding);
  const stream: Readable = decoder ? (body.pipe(decoder) as unknown as Readable) : body;
  if (decoder) body.on('error', (err) => (decoder as unknown as Readable).destroy(err));
  // Destroying a body mid-read emits an abort error; it is our own decision, not a failure.
  body.on('error', () => undefined);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      if (total + buf.length > limitBytes) {
        if (truncate) {
          chunks.push(buf.subarray(0, limitBytes - total));
          total = limitBytes;
          break;
        }
        throw new BodyTooLargeError(limitBytes);
      }
      chunks.push(buf);
      total += buf.length;
    }
  } finally {
    if (!body.readableEnded) body.destroy();
    if (decoder && !stream.readableEnded) stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
