/**
 * The (source, China day) partitions of the fetch pointers in the archive, found with delimiter
 * listings (`fetches/<sourceId>/<day>/`): a reprocess fans out one message per partition without
 * reading a single pointer, so enumerating a year of archive takes seconds, not the 15-minute cap.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, JsnewsError } from '../normalize/errors.js';
import { FETCH_POINTER_PREFIX } from '../store/archive-s3.js';

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
  const sourceIds = selection.sourceId ? [selection.sourceId] : await listChildren(s3, bucket, FETCH_POINTER_PREFIX);
  const days: ArchiveDay[] = [];
  for (const sourceId of sourceIds) {
    for (const day of await listChildren(s3, bucket, `${FETCH_POINTER_PREFIX}${sourceId}/`)) {
      if (selection.from && day < selection.from) continue;
      if (selection.to && day > selection.to) continue;
      days.push({ sourceId, day });
    }
  }
  return days;
}

/** Names of the "folders" directly under `prefix`. */
async function listChildren(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    let out;
    try {
      out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token }));
    } catch (err) {
      throw new JsnewsError(ErrorCode.StoreFailed, `S3 list ${prefix}: ${(err as Error).message}`, true, { cause: err });
    }
    for (const p of out.CommonPrefixes ?? []) if (p.Prefix) names.push(p.Prefix.slice(prefix.length, -1));
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return names;
}
