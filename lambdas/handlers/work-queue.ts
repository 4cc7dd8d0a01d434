/**
 * Where fan-out work goes. The port keeps handlers testable without SQS; the SQS adapter batches
 * sends (10 per call, the SQS maximum) and, on the FIFO fetch queue, groups messages by host so a
 * host's work is handed to one consumer at a time (per-host politeness across Lambdas).
 */
import { SendMessageBatchCommand, type SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { sha256Hex } from '../contract/hashing.js';
import type { FetchWork, NormalizeWork } from './work-items.js';

/** SendMessageBatch takes at most 10 entries. */
export const SQS_BATCH_MAX = 10;

export interface WorkQueue {
  sendFetch(items: readonly FetchWork[]): Promise<void>;
  sendNormalize(items: readonly NormalizeWork[]): Promise<void>;
}

/** The FIFO group of a fetch work item: its host, so one host is never fetched by two consumers at once. */
export function fetchGroupId(item: FetchWork): string {
  return new URL(item.url).host.toLowerCase();
}

/**
 * FIFO deduplication id: the same work enqueued twice within SQS's 5-minute window (a retried
 * discover, overlapping backfills) is delivered once.
 */
export function fetchDeduplicationId(item: FetchWork): string {
  const walk = item.kind === 'list' && item.walk ? `${item.walk.from}..${item.walk.to}` : '';
  return sha256Hex(`${item.kind} ${item.url} ${walk}`);
}

export function fetchEntries(items: readonly FetchWork[]): SendMessageBatchRequestEntry[] {
  return items.map((item, i) => ({
    Id: String(i),
    MessageBody: JSON.stringify(item),
    MessageGroupId: fetchGroupId(item),
    MessageDeduplicationId: fetchDeduplicationId(item),
  }));
}

export function createSqsWorkQueue(sqs: SQSClient, urls: { fetch: string; normalize: string }): WorkQueue {
  return {
    sendFetch: (items) => sendAll(sqs, urls.fetch, fetchEntries(items)),
    sendNormalize: (items) => sendAll(sqs, urls.normalize, items.map((item, i) => ({ Id: String(i), MessageBody: JSON.stringify(item) }))),
  };
}

async function sendAll(sqs: SQSClient, queueUrl: string, entries: SendMessageBatchRequestEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += SQS_BATCH_MAX) {
    const chunk = entries.slice(i, i + SQS_BATCH_MAX).map((e, j) => ({ ...e, Id: String(j) }));
    let out;
    try {
      out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk }));
    } catch (err) {
      throw new JsnewsError(ErrorCode.StoreFailed, `SQS send to ${queueUrl}: ${(err as Error).message}`, true, { cause: err });
    }
    const failed = out.Failed ?? [];
    if (failed.length > 0) {
      const detail = failed.map((f) => `${f.Code}: ${f.Message ?? ''}`).join('; ');
      throw new JsnewsError(ErrorCode.StoreFailed, `SQS refused ${failed.length} of ${chunk.length} messages: ${detail}`, true);
    }
  }
}
