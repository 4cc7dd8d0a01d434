/**
 * The work queues on SQS (both standard): messages are sent 10 per SendMessageBatch call (the SQS maximum),
 * with the DelaySeconds slot the pipeline chose (pipeline/work-queue.ts); received fetch messages are
 * deferred 10 per ChangeMessageVisibilityBatch call (per-host politeness, pipeline/polite-batch.ts).
 */
import { ChangeMessageVisibilityBatchCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { QueueUrls } from '../contract/config.js';
import type { QueueMessage, QueueTransport } from './ports.js';
import { storeCall } from './sdk-errors.js';

/** SendMessageBatch takes at most 10 entries. */
const SQS_BATCH_MAX = 10;

export function createSqsTransport(region: string, urls: QueueUrls): QueueTransport {
  return sqsTransport(new SQSClient({ region }), urls);
}

/** The transport over a given client (the cost bench meters one). */
export function sqsTransport(sqs: SQSClient, urls: QueueUrls): QueueTransport {
  return {
    send: (queue, messages) => sendAll(sqs, urls[queue], messages),
    defer: (queue, receiptHandles, seconds) => deferAll(sqs, urls[queue], receiptHandles, seconds),
  };
}

async function deferAll(sqs: SQSClient, queueUrl: string, receiptHandles: readonly string[], seconds: number): Promise<void> {
  for (let i = 0; i < receiptHandles.length; i += SQS_BATCH_MAX) {
    const entries = receiptHandles.slice(i, i + SQS_BATCH_MAX).map((h, j) => ({ Id: String(j), ReceiptHandle: h, VisibilityTimeout: seconds }));
    const out = await storeCall('SQS', `defer on ${queueUrl}`, () => sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries: entries })));
    const failed = out.Failed ?? [];
    if (failed.length > 0) {
      const detail = failed.map((f) => `${f.Code}: ${f.Message ?? ''}`).join('; ');
      throw new JsnewsError(ErrorCode.StoreFailed, `SQS refused to defer ${failed.length} of ${entries.length} messages: ${detail}`, failed.some((f) => !f.SenderFault));
    }
  }
}

async function sendAll(sqs: SQSClient, queueUrl: string, messages: readonly QueueMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += SQS_BATCH_MAX) {
    // An unset DelaySeconds is left out of the request by the SDK's serializer (the queue's default, 0, applies).
    const chunk = messages.slice(i, i + SQS_BATCH_MAX).map((m, j) => ({ Id: String(j), MessageBody: m.body, DelaySeconds: m.delaySeconds }));
    const out = await storeCall('SQS', `send to ${queueUrl}`, () => sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk })));
    const failed = out.Failed ?? [];
    if (failed.length > 0) {
      const detail = failed.map((f) => `${f.Code}: ${f.Message ?? ''}`).join('; ');
      // SenderFault: SQS says the message itself is wrong (too big, bad attribute); a resend cannot help.
      const retryable = failed.some((f) => !f.SenderFault);
      throw new JsnewsError(ErrorCode.StoreFailed, `SQS refused ${failed.length} of ${chunk.length} messages: ${detail}`, retryable);
    }
  }
}
