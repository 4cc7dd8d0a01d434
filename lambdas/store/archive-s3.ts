/**
 * The raw archive on S3. Page bytes are stored exactly as served, gzip-compressed, under a
 * content-addressed key `raw/sha256/<2 hex>/<sha256>.html.gz` (sha256 of the raw bytes), so the
 * same bytes fetched twice are one object. Idempotent by key: a PUT of the same key carries the same
 * bytes, so it is written without a HEAD first (one round trip per new page instead of two; a repeat
 * PUT only happens when the same bytes come from another URL, since the pipeline skips bytes whose
 * sha256 the URL state already holds). Never relies on If-None-Match, which s3rver ignores. gzip runs
 * on libuv's thread pool, not the event loop. Each fetch also leaves a small JSON pointer
 * `fetches/<sourceId>/<China day>/<sha256(url)>.json` so reprocess can find pages by source and date,
 * and `listDays` finds the (source, day) partitions of those pointers without reading any of them.
 */
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { NewsRecord, RawRef } from '../contract/record.js';
import { recordBodyBytes } from './record-packing.js';
import type { Archive, ArchiveDay, ArchivedPage, FetchPointer, PointerFilter, RawLocation, RawMeta } from './ports.js';
import { storeCall as sdkCall } from './sdk-errors.js';
import { rawKeyFor, fetchPointerKey, batchKeyFor, bodyBatchKeyFor, isBatchKey, FETCH_POINTER_PREFIX } from '../contract/archive-keys.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { memberFor, packBatch, rangeOf, readIndex, unpackMember, type MemberRange } from './batch-archive.js';

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
    putBatch: (pages) => putBatch(s3, bucket, pages),
    getRaw: (key, at) => getRaw(s3, bucket, key, at),
    putBodies: (records) => putBodies(s3, bucket, records),
    getMember: async (key, range) => unpackMember(await getObjectBytes(s3, bucket, key, range)),
    putFetchPointer: (pointer) => putFetchPointer(s3, bucket, pointer),
    putFetchPointers: async (pointers) => void (await Promise.all(pointers.map((p) => putFetchPointer(s3, bucket, p)))),
    listFetchPointers: (filter) => listFetchPointers(s3, bucket, filter, pageSize),
    listDays: (filter) => listDays(s3, bucket, filter),
    putBody: (key, body) => storeCall(`put ${key}`, () => putJson(s3, bucket, key, body)),
    getBody: async (key) => JSON.parse(Buffer.from(await getObjectBytes(s3, bucket, key)).toString('utf8')),
  };
}

async function putRaw(s3: S3Client, bucket: string, bytes: Uint8Array, meta: RawMeta): Promise<{ ref: RawRef }> {
  const { sha256 } = meta;
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

/**
 * A fetch batch's pages as one object (store/batch-archive.ts), one PUT. A batch of one distinct page given without
 * a record is the single-page object it always was (same key, same bytes: nothing changes where there is nothing to
 * batch). Record bodies given with the pages are members of the object, a single page's too (a revisit's edit: its
 * page and its new record's body in the one PUT the page cost anyway, so the record item stays one write unit).
 * Each page's RawRef names the object; its member range goes to the fetch pointer.
 */
async function putBatch(s3: S3Client, bucket: string, pages: readonly { bytes: Uint8Array; meta: RawMeta; record?: NewsRecord | undefined }[]): Promise<ArchivedPage[]> {
  if (pages.length === 0) return [];
  if (new Set(pages.map((p) => p.meta.sha256)).size === 1 && pages.every((p) => !p.record)) {
    const { ref } = await putRaw(s3, bucket, pages[0]!.bytes, pages[0]!.meta);
    return pages.map((p) => ({ ref: { ...ref, contentType: p.meta.contentType, charset: p.meta.charset, status: p.meta.status, fetchedAt: p.meta.fetchedAt }, member: null }));
  }
  const packed = await packBatch(
    pages.map((p) => ({ sha256: p.meta.sha256, bytes: p.bytes })),
    pages.map((p) => (p.record ? recordBodyBytes(p.record) : undefined)),
  );
  const key = batchKeyFor(packed.sha256);
  await putPacked(s3, bucket, key, packed, { pages: String(packed.members.length) });
  const bySha = new Map(packed.members.map((m) => [m.sha256, m] as const));
  return pages.map(({ bytes, meta }, i) => {
    const m = bySha.get(meta.sha256)!;
    const ref: RawRef = { bucket, key, sha256: meta.sha256, bytes: bytes.byteLength, contentType: meta.contentType, charset: meta.charset, status: meta.status, fetchedAt: meta.fetchedAt };
    const body = packed.extras[i];
    return { ref, member: { offset: m.offset, length: m.length }, ...(body ? { body } : {}) };
  });
}
/** One packed object (packBatch's gzip members and index) under `key`, its index's place in the metadata with `counts`. */
async function putPacked(s3: S3Client, bucket: string, key: string, packed: Awaited<ReturnType<typeof packBatch>>, counts: Record<string, string>): Promise<void> {
  await storeCall(`put ${key}`, () =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: packed.body,
        ContentType: 'application/gzip',
        Metadata: { [META_INDEX_OFFSET]: String(packed.index.offset), [META_INDEX_LENGTH]: String(packed.index.length), ...counts },
      }),
    ),
  );
}

/**
 * Record bodies as one object (a batch object without pages: the bodies' members, then an empty index), one PUT under
 * BODY_PREFIX (bodyBatchKeyFor). Each record item names the key and its member (records-dynamodb.ts bodyAt, bodyIn).
 */
async function putBodies(s3: S3Client, bucket: string, records: readonly NewsRecord[]): Promise<{ key: string; ranges: MemberRange[] }> {
  const packed = await packBatch([], records.map(recordBodyBytes));
  const key = bodyBatchKeyFor(packed.sha256);
  await putPacked(s3, bucket, key, packed, { bodies: String(records.length) });
  return { key, ranges: packed.extras.map((r) => r!) };
}

/** Object metadata of a batch object: where its index member is, so a reader with only a sha256 finds its page. */
const META_INDEX_OFFSET = 'index-offset';
const META_INDEX_LENGTH = 'index-length';

/**
 * One page's bytes. With a member range (the fetch pointer's), one Range GET of that member; a batch key without
 * one reads the object's index first (HEAD for its place, a Range GET of it, then the member); a single-page key
 * (every object written before batches) is one GET of the whole object.
 */
async function getRaw(s3: S3Client, bucket: string, key: string, at?: RawLocation): Promise<Uint8Array> {
  if (at?.member) return unpackMember(await getObjectBytes(s3, bucket, key, at.member), at.sha256);
  if (isBatchKey(key)) {
    if (!at) throw new JsnewsError(ErrorCode.InvalidArgument, `${key} is a batch of pages: name the page by its sha256`);
    const member = memberFor(await readIndex(await getObjectBytes(s3, bucket, key, await indexRange(s3, bucket, key))), at.sha256);
    if (!member) throw new JsnewsError(ErrorCode.StoreFailed, `batch ${key} holds no page ${at.sha256}`);
    return unpackMember(await getObjectBytes(s3, bucket, key, member), at.sha256);
  }
  const gz = await getObjectBytes(s3, bucket, key);
  return new Uint8Array(await storeCall(`gunzip ${key}`, () => gunzipAsync(gz)));
}

async function indexRange(s3: S3Client, bucket: string, key: string): Promise<MemberRange> {
  const head = await storeCall(`head ${key}`, () => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
  const offset = Number(head.Metadata?.[META_INDEX_OFFSET]);
  const length = Number(head.Metadata?.[META_INDEX_LENGTH]);
  if (!Number.isInteger(offset) || !Number.isInteger(length) || length <= 0) throw new JsnewsError(ErrorCode.StoreFailed, `batch ${key} has no index metadata`);
  return { offset, length };
}

async function getObjectBytes(s3: S3Client, bucket: string, key: string, range?: MemberRange): Promise<Uint8Array> {
  return storeCall(`get ${key}`, async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: rangeOf(range) } : {}) }));
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

async function putFetchPointer(s3: S3Client, bucket: string, pointer: FetchPointer): Promise<void> {
  const key = fetchPointerKey(pointer.sourceId, pointer.url, pointer.fetchedAt);
  await storeCall(`put ${key}`, () => putJson(s3, bucket, key, pointer));
}

/**
 * Pointers under `fetches/`, filtered by source and China-day range (inclusive), in key order.
 * With a source, keys sort by day, so a range is one listing starting just before `from`. Without
 * one, everything under `fetches/` is listed and filtered by day (no Delimiter listing: s3rver
 * does not report CommonPrefixes for keys nested deeper than one level).
 */
async function* listFetchPointers(s3: S3Client, bucket: string, filter: PointerFilter, pageSize: number): AsyncIterable<FetchPointer> {
  const prefix = filter.sourceId ? `${FETCH_POINTER_PREFIX}${filter.sourceId}/` : FETCH_POINTER_PREFIX;
  const startAfter = filter.sourceId && filter.from ? `${prefix}${dayBefore(filter.from)}/${AFTER_ALL}` : undefined;
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

/** The calendar day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}
const DAY_MS = 24 * 60 * 60 * 1000;

/** Sorts after every character of source ids ([a-z0-9-]), days and pointer names. */
const AFTER_ALL = '~';
const POINTER_KEY = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\//;

/**
 * The (source, China day) partitions of the fetch pointers, found without reading any pointer: one
 * ListObjectsV2 of a single key per partition, each starting after the previous partition (StartAfter
 * `…/<day>/~`). A year of one source is ~365 small calls: a reprocess of any size fans out in seconds.
 * (Not a Delimiter listing: s3rver does not report CommonPrefixes two levels down, real S3 does.)
 */
async function listDays(s3: S3Client, bucket: string, filter: PointerFilter): Promise<ArchiveDay[]> {
  const prefix = filter.sourceId ? `${FETCH_POINTER_PREFIX}${filter.sourceId}/` : FETCH_POINTER_PREFIX;
  const days: ArchiveDay[] = [];
  let startAfter = filter.sourceId && filter.from ? `${prefix}${dayBefore(filter.from)}/${AFTER_ALL}` : undefined;
  for (;;) {
    const out = await storeCall(`list ${prefix}`, () =>
      s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1, ...(startAfter ? { StartAfter: startAfter } : {}) })),
    );
    const key = out.Contents?.[0]?.Key;
    if (!key) return days;
    const m = POINTER_KEY.exec(key.slice(FETCH_POINTER_PREFIX.length));
    if (!m) {
      startAfter = key; // not a pointer key: step over it
      continue;
    }
    const [, sourceId, day] = m as unknown as [string, string, string];
    if (filter.from && day < filter.from) {
      startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${dayBefore(filter.from)}/${AFTER_ALL}`;
      continue;
    }
    if (filter.to && day > filter.to) {
      if (filter.sourceId) return days;
      startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${AFTER_ALL}`; // next source
      continue;
    }
    days.push({ sourceId, day });
    startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${day}/${AFTER_ALL}`;
  }
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

function storeCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  return sdkCall('S3', what, fn);
}
