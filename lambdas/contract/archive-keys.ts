/**
 * Key shapes of the archive bucket: content-addressed raw pages, per-fetch pointers by source and China
 * day, and offloaded record bodies. Shared by the store (writes), the readers and the CDK stack (lifecycle
 * rules by prefix), so none of them can disagree about a key.
 */
import { chinaDay } from './china-time.js';
import { ErrorCode, JsnewsError } from './errors.js';
import { sha256Hex } from './hashing.js';

export const RAW_PREFIX = 'raw/sha256/';
export const FETCH_POINTER_PREFIX = 'fetches/';
export const BODY_PREFIX = 'bodies/';
/** gzip level for raw pages: 6 is zlib's default balance; HTML compresses ~5-8x either way. */
/** Source ids become key segments: keep them to a safe alphabet. */
const SOURCE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function rawKeyFor(sha256: string): string {
  return `${RAW_PREFIX}${sha256.slice(0, 2)}/${sha256}.html.gz`;
}

/**
 * A batch object (store/batch-archive.ts: one gzip member per page and an index), content-addressed by the sha256
 * of the object's bytes. Under RAW_PREFIX, so the raw lifecycle rules and the 256-way key spread cover it too.
 */
export function batchKeyFor(objectSha256: string): string {
  return `${RAW_PREFIX}${objectSha256.slice(0, 2)}/${objectSha256}${BATCH_SUFFIX}`;
}

/** Whether a raw key names a batch object (else it is a single page's gzip object, `rawKeyFor`). */
export function isBatchKey(key: string): boolean {
  return key.startsWith(RAW_PREFIX) && key.endsWith(BATCH_SUFFIX);
}
const BATCH_SUFFIX = '.batch.gz';

export function fetchPointerKey(sourceId: string, url: string, fetchedAt: string): string {
  if (!SOURCE_ID_RE.test(sourceId)) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `source id not usable in a key: ${JSON.stringify(sourceId)}`);
  }
  return `${FETCH_POINTER_PREFIX}${sourceId}/${chinaDay(fetchedAt)}/${sha256Hex(url)}.json`;
}

/**
 * An object of record bodies only (store/batch-archive.ts with no pages: one gzip member per body, then an index),
 * written by a reprocess chunk (pipeline/reprocess.ts): its records' items name it and their body's range. Under
 * BODY_PREFIX, which the normalize Lambda may write; content-addressed like a batch object. `batch/` is no record id.
 */
export function bodyBatchKeyFor(objectSha256: string): string {
  return `${BODY_PREFIX}batch/${objectSha256.slice(0, 2)}/${objectSha256}${BATCH_SUFFIX}`;
}

export function bodyKeyFor(id: string, contentHash: string): string {
  return `${BODY_PREFIX}${id}/${contentHash}.json`;
}

/** S3 user metadata must be ASCII: percent-encode everything outside printable ASCII. */
