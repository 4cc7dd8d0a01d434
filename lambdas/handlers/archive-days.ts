/**
 * The (source, China day) partitions of the fetch pointers (`fetches/<sourceId>/<day>/<hash>.json`),
 * found without reading any pointer: one ListObjectsV2 of a single key per partition, each starting
 * after the previous partition (StartAfter `…/<day>/~`, and `~` sorts after every key character).
 * A year of one source is ~365 small calls: a reprocess of any size fans out in seconds.
 * (Not a Delimiter listing: s3rver does not report CommonPrefixes two levels down, real S3 does.)
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { FETCH_POINTER_PREFIX } from '../contract/archive-keys.js';

/** Sorts after every character of source ids ([A-Za-z0-9._-]), days and pointer names. */
const AFTER_ALL = '~';
const POINTER_KEY = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\//;

export interface DaySelection {
  sourceId?: string;
  from?: string;
  to?: string;
}

export interface ArchiveDay {
  sourceId: string;
  day: string;
}

export async function listArchiveDays(s3: S3Client, bucket: string, selection: DaySelection): Promise<ArchiveDay[]> {
  const prefix = selection.sourceId ? `${FETCH_POINTER_PREFIX}${selection.sourceId}/` : FETCH_POINTER_PREFIX;
  const days: ArchiveDay[] = [];
  let startAfter = selection.sourceId && selection.from ? `${prefix}${dayBefore(selection.from)}/${AFTER_ALL}` : undefined;
  for (;;) {
    const key = await firstKey(s3, bucket, prefix, startAfter);
    if (!key) return days;
    const m = POINTER_KEY.exec(key.slice(FETCH_POINTER_PREFIX.length));
    if (!m) {
      startAfter = key; // not a pointer key: step over it
      continue;
    }
    const [, sourceId, day] = m as unknown as [string, string, string];
    if (selection.from && day < selection.from) {
      startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${dayBefore(selection.from)}/${AFTER_ALL}`;
      continue;
    }
    if (selection.to && day > selection.to) {
      if (selection.sourceId) return days;
      startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${AFTER_ALL}`; // next source
      continue;
    }
    days.push({ sourceId, day });
    startAfter = `${FETCH_POINTER_PREFIX}${sourceId}/${day}/${AFTER_ALL}`;
  }
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

async function firstKey(s3: S3Client, bucket: string, prefix: string, startAfter: string | undefined): Promise<string | undefined> {
  try {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1, ...(startAfter ? { StartAfter: startAfter } : {}) }));
    return out.Contents?.[0]?.Key;
  } catch (err) {
    throw new JsnewsError(ErrorCode.StoreFailed, `S3 list ${prefix}: ${(err as Error).message}`, true, { cause: err });
  }
}
