/**
 * Where fan-out work goes. The port keeps handlers testable without SQS. On the FIFO fetch queue
 * messages are grouped by host, so a host's work is handed to one consumer at a time (per-host
 * politeness across Lambdas), and deduplicated by what they ask for.
 */
import { sha256Hex } from '../contract/hashing.js';
import type { QueueTransport } from '../store/ports.js';
import type { FetchWork, NormalizeWork } from './work-items.js';

export interface WorkQueue {
  sendFetch(items: readonly FetchWork[]): Promise<void>;
  sendNormalize(items: readonly NormalizeWork[]): Promise<void>;
  /** Hands received fetch messages back, invisible for `seconds` (per-host politeness, pipeline/polite-batch.ts). */
  deferFetch(receiptHandles: readonly string[], seconds: number): Promise<void>;
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

export function workQueueOver(transport: QueueTransport): WorkQueue {
  return {
    sendFetch: (items) =>
      transport.send(
        'fetch',
        items.map((item) => ({ body: JSON.stringify(item), groupId: fetchGroupId(item), deduplicationId: fetchDeduplicationId(item) })),
      ),
    sendNormalize: (items) => transport.send('normalize', items.map((item) => ({ body: JSON.stringify(item) }))),
    deferFetch: (receiptHandles, seconds) => transport.defer('fetch', receiptHandles, seconds),
  };
}
