/**
 * The batch archive format (issue 13: one S3 PUT per page was USD 5.0 of the fresh ingest's 16.8 per million
 * pages; one PUT per fetch batch divides it by the batch size). Pure: bytes in, bytes out, no S3.
 *
 * An object is a run of gzip members (RFC 1952 allows any number, one after the other):
 *   member 1 .. n   one per distinct page (by sha256), the page's bytes exactly as served, gzip level 6;
 *   then            one member per record body given (records-dynamodb.ts: a record item names its body's range),
 *   last            the index: `\n` + JSON `{"jsnewsBatch":1,"members":[{sha256, offset, length, bytes}, ...]}` + `\n`,
 *                   where offset/length are the member's place in the object (compressed bytes).
 * So one page (or one record body) is readable alone by a Range GET of its member (one request, gunzip, sha256 checked), and the
 * whole object is one ordinary .gz file: `gunzip -c` gives every page, one after the other, then the index line
 * (WARC's idea of per-record gzip members, without WARC's headers: how each page was served lives in the fetch
 * pointer and the record's `raw`). The index's own place is in the object's metadata (see archive-s3.ts), and it
 * is the last member, so it can also be found from the end.
 *
 * The object's key is the sha256 of its bytes (contract/archive-keys.ts batchKeyFor): gzip is deterministic
 * (no file name, mtime 0), so a retried batch of the same pages writes the same key with the same bytes; a
 * different set of pages gets a new key that nothing refers to until its pointers and records are written.
 */
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { z } from 'zod';
import { sha256Hex } from '../contract/hashing.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';

/** zlib's default balance; HTML compresses ~5-8x either way (the level single-page objects used too). */
export const BATCH_GZIP_LEVEL = 6;
/** Marks the index member's JSON, and its version. */
const INDEX_VERSION = 1;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Where one page's gzip member sits in a batch object. */
export interface MemberRange {
  /** Offset of the member's first byte in the object. */
  offset: number;
  /** Length of the member (compressed bytes). */
  length: number;
}

export interface BatchMember extends MemberRange {
  /** sha256 of the page's raw bytes (hex). */
  sha256: string;
  /** Raw (uncompressed) length of the page. */
  bytes: number;
}

const BatchIndexSchema = z.object({
  jsnewsBatch: z.literal(INDEX_VERSION),
  members: z.array(
    z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      offset: z.number().int().nonnegative(),
      length: z.number().int().positive(),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});
export type BatchIndex = z.infer<typeof BatchIndexSchema>;

export interface PackedBatch {
  /** The object's bytes. */
  body: Uint8Array;
  /** sha256 of `body` (hex): the object's content address. */
  sha256: string;
  /** One member per distinct page, in first-seen order. */
  members: BatchMember[];
  /** Where each extra member (a record body, see packBatch) sits, in the order given; null where none was given. */
  extras: (MemberRange | null)[];
  /** Where the index member sits. */
  index: MemberRange;
}

/**
 * Packs pages (with their sha256, computed once by the caller) into one batch object. Pages with the same
 * sha256 share one member. `extras` (the batch's record bodies, records-dynamodb.ts) become members of their
 * own after the pages and before the index, not listed in it: the record item that names one holds its range.
 * gzip runs on libuv's thread pool, all members at once.
 */
export async function packBatch(pages: readonly { sha256: string; bytes: Uint8Array }[], extras: readonly (Uint8Array | undefined)[] = []): Promise<PackedBatch> {
  const distinct = new Map<string, Uint8Array>();
  for (const p of pages) if (!distinct.has(p.sha256)) distinct.set(p.sha256, p.bytes);
  const entries = [...distinct];
  const [gzipped, extrasGz] = await Promise.all([
    Promise.all(entries.map(([, bytes]) => gzipAsync(bytes, { level: BATCH_GZIP_LEVEL }))),
    Promise.all(extras.map((bytes) => (bytes ? gzipAsync(bytes, { level: BATCH_GZIP_LEVEL }) : undefined))),
  ]);
  const members: BatchMember[] = [];
  let offset = 0;
  for (const [i, [sha256, bytes]] of entries.entries()) {
    const length = gzipped[i]!.byteLength;
    members.push({ sha256, offset, length, bytes: bytes.byteLength });
    offset += length;
  }
  const extraRanges = extrasGz.map((gz) => {
    if (!gz) return null;
    const range = { offset, length: gz.byteLength };
    offset += gz.byteLength;
    return range;
  });
  const indexJson: BatchIndex = { jsnewsBatch: INDEX_VERSION, members };
  const indexGz = await gzipAsync(Buffer.from(`\n${JSON.stringify(indexJson)}\n`, 'utf8'), { level: BATCH_GZIP_LEVEL });
  const parts: Uint8Array[] = [...gzipped];
  for (const gz of extrasGz) if (gz) parts.push(gz);
  const body = new Uint8Array(Buffer.concat([...parts, indexGz]));
  return { body, sha256: sha256Hex(body), members, extras: extraRanges, index: { offset, length: indexGz.byteLength } };
}

/** The HTTP Range header value for one member (inclusive end, as RFC 9110 has it). */
export function rangeOf(m: MemberRange): string {
  return `bytes=${m.offset}-${m.offset + m.length - 1}`;
}

/**
 * One page back from its gzip member (as a Range GET returns it). With `sha256`, the bytes are checked
 * against it: a wrong offset or a damaged object is an error, never another page's bytes.
 */
export async function unpackMember(member: Uint8Array, sha256?: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await gunzipAsync(member));
  } catch (err) {
    throw new JsnewsError(ErrorCode.StoreFailed, `archived page is not a gzip member: ${(err as Error).message}`, false, { cause: err });
  }
  if (sha256 !== undefined && sha256Hex(bytes) !== sha256) {
    throw new JsnewsError(ErrorCode.StoreFailed, `archived page does not match its sha256 ${sha256}`, false);
  }
  return bytes;
}

/** The index member of a batch object, read and validated. */
export async function readIndex(member: Uint8Array): Promise<BatchIndex> {
  const text = Buffer.from(await unpackMember(member)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new JsnewsError(ErrorCode.StoreFailed, `batch index is not JSON: ${(err as Error).message}`, false, { cause: err });
  }
  const parsed = BatchIndexSchema.safeParse(json);
  if (!parsed.success) throw new JsnewsError(ErrorCode.StoreFailed, `not a batch index: ${parsed.error.issues[0]?.message ?? 'invalid'}`, false);
  return parsed.data;
}

/** The member holding the page with this sha256, or null. */
export function memberFor(index: BatchIndex, sha256: string): BatchMember | null {
  return index.members.find((m) => m.sha256 === sha256) ?? null;
}
