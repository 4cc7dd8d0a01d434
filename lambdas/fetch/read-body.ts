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

/**
 * The server sent a Content-Encoding we cannot undo, or a body that does not decode as it says (a gzip header on a
 * plain body). The same bytes come back on every retry, so it is a permanent failure, not a network fault.
 */
export class BodyEncodingError extends Error {
  override readonly name = 'BodyEncodingError';
}

/** Codings applied in order (RFC 9110 §8.4: "gzip, br" was gzipped first); each is undone in reverse. */
const MAX_CODINGS = 3;

function decoderFor(coding: string): NodeJS.ReadWriteStream | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new BodyEncodingError(`unsupported content-encoding ${JSON.stringify(coding.slice(0, 40))}`);
  }
}

/** The decoders for a Content-Encoding list, outermost first; throws BodyEncodingError for an unknown coding. */
export function decodersFor(contentEncoding: string | undefined): NodeJS.ReadWriteStream[] {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  if (codings.length > MAX_CODINGS) throw new BodyEncodingError(`content-encoding lists ${codings.length} codings (at most ${MAX_CODINGS})`);
  return codings.reverse().map((c) => decoderFor(c)!).filter(Boolean);
}

/**
 * The body bytes (decoded when Content-Encoding is gzip/deflate/br). When `truncate` is set the
 * first `limitBytes` are returned instead of failing (robots.txt: parse the first 500 KiB).
 */
export async function readCappedBody(body: Readable, contentEncoding: string | undefined, limitBytes: number, truncate = false): Promise<Uint8Array> {
  let decoders: NodeJS.ReadWriteStream[];
  try {
    decoders = decodersFor(contentEncoding);
  } catch (err) {
    body.on('error', () => undefined);
    body.destroy();
    throw err;
  }
  let stream: Readable = body;
  for (const decoder of decoders) {
    const upstream = stream;
    stream = upstream.pipe(decoder) as unknown as Readable;
    upstream.on('error', (err) => stream.destroy(err));
  }
  const decoder = decoders.length > 0;
  // Destroying a body mid-read emits an abort error; it is our own decision, not a failure.
  body.on('error', () => undefined);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of readDecoded(stream, decoder)) {
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

/** zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR, …) mean the body is not what its Content-Encoding says. */
async function* readDecoded(stream: Readable, decoding: boolean): AsyncGenerator<unknown> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (decoding && code.startsWith('Z_')) throw new BodyEncodingError(`body does not decode as its content-encoding says (${code})`);
    throw err;
  }
}
