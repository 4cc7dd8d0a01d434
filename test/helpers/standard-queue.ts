/**
 * An in-memory SQS standard queue for the fetch handler's tests: DelaySeconds on send, a visibility timeout on
 * receive, ChangeMessageVisibility (defer), delete, and what a standard queue allows itself: batches in no
 * order, of any hosts, and a message delivered more than once (`duplicate` copies a sent message). Consumers
 * (`drain`) run fetch handlers as the event source mapping would: up to `batchSize` visible messages an
 * invocation, the batch item failures left in the queue, everything else deleted.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord, Context } from 'aws-lambda';
import type { QueueMessage, QueueTransport } from '../../lambdas/store/ports.js';

interface Stored {
  id: string;
  body: string;
  visibleAt: number;
  receives: number;
  receiptHandle: string | null;
}

export interface StandardQueueOptions {
  /** Seconds a received message stays invisible unless the consumer says otherwise. */
  visibilityTimeoutSeconds?: number;
  /** Sent messages for which the queue keeps a second copy (at-least-once delivery). */
  duplicate?: (body: string) => boolean;
  /** Seed of the receive order (a linear congruential generator, Numerical Recipes constants). */
  seed?: number;
}

export interface StandardQueue {
  transport: QueueTransport;
  /** Every send, with its DelaySeconds (the senders' slots). */
  sent: { body: string; delaySeconds: number }[];
  /** Every defer, with its seconds. */
  deferred: number[];
  /** Messages not yet deleted. */
  size(): number;
  /** Receives up to `max` visible messages as an SQS event, in no particular order. */
  receive(max: number): SQSEvent;
  /** Deletes what a handler response did not report as failed. */
  settle(event: SQSEvent, response: SQSBatchResponse): void;
  /** Milliseconds until the next message becomes visible (0: one is), null when empty. */
  nextVisibleInMs(): number | null;
  /** Highest receive count of any message, deleted or not. */
  maxReceives(): number;
}

export function createStandardQueue(opts: StandardQueueOptions = {}): StandardQueue {
  const messages = new Map<string, Stored>();
  const sent: { body: string; delaySeconds: number }[] = [];
  const deferred: number[] = [];
  let n = 0;
  let maxReceives = 0;
  let x = opts.seed ?? 1;
  const random = () => (x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const visibilityMs = (opts.visibilityTimeoutSeconds ?? 30) * 1000;

  const put = (m: QueueMessage) => {
    const id = `m-${++n}`;
    messages.set(id, { id, body: m.body, visibleAt: Date.now() + (m.delaySeconds ?? 0) * 1000, receives: 0, receiptHandle: null });
  };
  const byHandle = (h: string) => [...messages.values()].find((m) => m.receiptHandle === h);

  return {
    sent,
    deferred,
    transport: {
      async send(queue, batch) {
        if (queue !== 'fetch') throw new Error(`only the fetch queue here, not ${queue}`);
        for (const m of batch) {
          sent.push({ body: m.body, delaySeconds: m.delaySeconds ?? 0 });
          put(m);
          if (opts.duplicate?.(m.body)) put(m);
        }
      },
      async defer(_queue, receiptHandles, seconds) {
        for (const h of receiptHandles) {
          const m = byHandle(h);
          if (m) m.visibleAt = Date.now() + seconds * 1000;
          deferred.push(seconds);
        }
      },
    },
    size: () => messages.size,
    receive(max) {
      const now = Date.now();
      const visible = [...messages.values()].filter((m) => m.visibleAt <= now);
      const picked: Stored[] = [];
      while (picked.length < max && visible.length > 0) picked.push(visible.splice(Math.floor(random() * visible.length), 1)[0]!);
      return {
        Records: picked.map((m) => {
          m.receives++;
          maxReceives = Math.max(maxReceives, m.receives);
          m.visibleAt = now + visibilityMs;
          m.receiptHandle = `${m.id}-r${m.receives}`;
          return record(m);
        }),
      };
    },
    settle(event, response) {
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      for (const r of event.Records) if (!failed.has(r.messageId)) messages.delete(r.messageId);
    },
    nextVisibleInMs() {
      if (messages.size === 0) return null;
      return Math.max(0, Math.min(...[...messages.values()].map((m) => m.visibleAt)) - Date.now());
    },
    maxReceives: () => maxReceives,
  };
}

function record(m: Stored): SQSRecord {
  return {
    messageId: m.id,
    receiptHandle: m.receiptHandle!,
    body: m.body,
    attributes: { ApproximateReceiveCount: String(m.receives), SentTimestamp: '0', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:jsnews-fetch',
    awsRegion: 'us-east-1',
  };
}

/** Runs `handlers` (one per container) against the queue until it is empty: each container takes a batch, in turn and at once. */
export async function drain(
  queue: StandardQueue,
  handlers: readonly ((event: SQSEvent, context: Context) => Promise<SQSBatchResponse>)[],
  opts: { batchSize: number; context: () => Context; deadlineMs: number },
): Promise<void> {
  const end = Date.now() + opts.deadlineMs;
  let busy = 0;
  const consumer = async (handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>) => {
    for (;;) {
      if (Date.now() > end) throw new Error(`queue not drained in ${opts.deadlineMs} ms: ${queue.size()} left`);
      const wait = queue.nextVisibleInMs();
      if (wait === null && busy === 0) return;
      const event = queue.receive(opts.batchSize);
      if (event.Records.length === 0) {
        await new Promise((r) => setTimeout(r, Math.min(Math.max(wait ?? 0, 5), 200)));
        continue;
      }
      busy++;
      try {
        queue.settle(event, await handler(event, opts.context()));
      } finally {
        busy--;
      }
    }
  };
  await Promise.all(handlers.map(consumer));
}
