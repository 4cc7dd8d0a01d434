/**
 * The raw archive on S3. Page bytes are stored exactly as served, gzip-compressed, under a
 * content-addressed key `raw/sha256/<2 hex>/<sha256>.html.gz` (sha256 of the raw bytes), so the
 * same bytes fetched twice are one object. Idempotent by key: a PUT of the same key carries the same
 * bytes, so it is written without a HEAD first (one round trip per new page instead of two; a repeat
 * PUT only happens when the same bytes come from another URL, since the pipeline skips bytes whose
 * sha256 the URL state already holds). Never relies on If-None-Match, which s3rver ignores. gzip runs
 * on libuv's thread pool, not the event loop. Each fetch also leaves a small JSON pointer
 * `fetches/<sourceId>/<China day>/<sha256(url)>.json` so reprocess can find pages by source and date.
 */
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { RawRef } from '../contract/record.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { Archive, FetchPointer, PointerFilter, RawMeta } from './ports.js';
import { sha256Hex } from '../contract/hashing.js';
import { rawKeyFor, fetchPointerKey, bodyKeyFor, FETCH_POINTER_PREFIX } from '../contract/archive-keys.js';

const GZIP_LEVEL = 6;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
export function toAsciiMetadata(value: string): string {
  return value.replace(/[^\x20-\x7e]+/gu, (run) => encodeURIComponent(run));
}

export interface ArchiveOptions {
  /** Keys per ListObjectsV2 page (S3's maximum is 1000; tests use a small one to exercise paging). */
  listPageSize?: number;
}

/** S3 returns at most 1000 keys per listing page. */
const DEFAULT_LIST_PAGE_SIZE = 1000;

export function createS3Archive(s3: S3Client, bucket: string, options: ArchiveOptions = {}): Archive {
  const pageSize = options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE;
  return {
    bucket,
    putRaw: (bytes, meta) => putRaw(s3, bucket, bytes, meta),
    getRaw: (key) => getRaw(s3, bucket, key),
    putFetchPointer: (pointer) => putFetchPointer(s3, bucket, pointer),
    listFetchPointers: (filter) => listFetchPointers(s3, bucket, filter, pageSize),
    putBody: (key, body) => storeCall(`put ${key}`, () => putJson(s3, bucket, key, body)),
    getBody: async (key) => JSON.parse(Buffer.from(await getObjectBytes(s3, bucket, key)).toString('utf8')),
  };
}

async function putRaw(s3: S3Client, bucket: string, bytes: Uint8Array, meta: RawMeta): Promise<{ ref: RawRef }> {
  const sha256 = sha256Hex(bytes);
  const key = rawKeyFor(sha256);
  const ref: RawRef = {
    bucket,
    key,
    sha256,
    bytes: bytes.byteLength,
    contentType: meta.contentType,
    charset: meta.charset,
    status: meta.status,
    fetchedAt: meta.fetchedAt,
  };
  const body = await gzipAsync(bytes, { level: GZIP_LEVEL });
  await storeCall(`put ${key}`, () =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/gzip',
        Metadata: {
          url: toAsciiMetadata(meta.url),
          status: String(meta.status),
          'content-type': toAsciiMetadata(meta.contentType ?? ''),
          charset: toAsciiMetadata(meta.charset ?? ''),
          'fetched-at': meta.fetchedAt,
          sha256,
        },
      }),
    ),
  );
  return { ref };
}

async function getRaw(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const gz = await getObjectBytes(s3, bucket, key);
  return new Uint8Array(await storeCall(`gunzip ${key}`, () => gunzipAsync(gz)));
}

async function getObjectBytes(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  return storeCall(`get ${key}`, async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!out.Body) throw new Error('empty body');
    return out.Body.transformToByteArray();
  });
}

async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json; charset=utf-8',
    }),
  );
}

async function putFetchPointer(s3: S3Client, bucket: string, pointer: FetchPointer): Promise<string> {
  const key = fetchPointerKey(pointer.sourceId, pointer.url, pointer.fetchedAt);
  await storeCall(`put ${key}`, () => putJson(s3, bucket, key, pointer));
  return key;
}

/**
 * Pointers under `fetches/`, filtered by source and China-day range (inclusive), in key order.
 * With a source, keys sort by day, so a range is one listing starting just before `from`. Without
 * one, everything under `fetches/` is listed and filtered by day (no Delimiter listing: s3rver
 * does not report CommonPrefixes for keys nested deeper than one level).
 */
async function* listFetchPointers(s3: S3Client, bucket: string, filter: PointerFilter, pageSize: number): AsyncIterable<FetchPointer> {
  const prefix = filter.sourceId ? `${FETCH_POINTER_PREFIX}${filter.sourceId}/` : FETCH_POINTER_PREFIX;
  const startAfter = filter.sourceId && filter.from ? `${prefix}${dayBefore(filter.from)}/~` : undefined;
  for await (const key of listKeys(s3, bucket, prefix, pageSize, startAfter)) {
    const day = key.split('/')[2] ?? '';
    if (filter.from && day < filter.from) continue;
    if (filter.to && day > filter.to) {
      if (filter.sourceId) break;
      continue;
    }
    const bytes = await getObjectBytes(s3, bucket, key);
    yield JSON.parse(Buffer.from(bytes).toString('utf8')) as FetchPointer;
  }
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function* listKeys(s3: S3Client, bucket: string, prefix: string, pageSize: number, startAfter?: string): AsyncIterable<string> {
  let token: string | undefined;
  do {
    const out = await storeCall(`list ${prefix}`, () =>
      s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: pageSize,
          ...(token ? { ContinuationToken: token } : startAfter ? { StartAfter: startAfter } : {}),
        }),
      ),
    );
    for (const o of out.Contents ?? []) if (o.Key) yield o.Key;
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** SDK errors never leak raw: they become STORE_FAILED (retryable unless the request was refused as invalid). */
export function wrap(what: string, err: unknown): JsnewsError {
  if (err instanceof JsnewsError) return err;
  const status = httpStatus(err);
  const message = err instanceof Error ? err.message : String(err);
  const retryable = status === undefined || status >= 500 || status === 429;
  return new JsnewsError(ErrorCode.StoreFailed, `S3 ${what}: ${message}`, retryable, { cause: err });
}

async function storeCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw wrap(what, err);
  }
}
