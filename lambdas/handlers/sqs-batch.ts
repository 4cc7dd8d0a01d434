/**
 * SQS batch glue shared by the queue consumers: each record's body is validated, handled, and only
 * errors marked retryable (or unexpected) become batch item failures. A record that can never
 * succeed (bad JSON, wrong shape, a permanent error) is logged, counted and acknowledged.
 */
import { redactText } from '../contract/redact.js';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import type { Observability } from './observability.js';
import { recordFailure } from './observability.js';
import { parseInput } from '../contract/zod-issues.js';

export function parseRecordBody<T extends z.ZodTypeAny>(schema: T, record: SQSRecord): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `message ${record.messageId} is not JSON: ${(err as Error).message}`);
  }
  return parseInput(schema, json, `message ${record.messageId}`);
}

/** Whether SQS should deliver the record again: only for errors a retry can fix. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof JsnewsError) return err.retryable;
  return true; // an unexpected exception (a bug, a timeout in an SDK) - retry, then the DLQ keeps it
}

export async function processSqsBatch<T extends z.ZodTypeAny>(
  event: SQSEvent,
  context: Context,
  opts: { schema: T; obs: Observability; handle: (item: z.infer<T>, record: SQSRecord) => Promise<unknown> },
): Promise<SQSBatchResponse> {
  const { obs } = opts;
  const recordHandler = async (record: SQSRecord) => {
    try {
      const item = parseRecordBody(opts.schema, record);
      return await opts.handle(item, record);
    } catch (err) {
      const e = toJsnewsError(err);
      if (isRetryable(err)) {
        obs.logger.warn('record will be retried', { messageId: record.messageId, code: e.code, error: redactText(e.message) });
        throw err;
      }
      recordFailure(obs.metrics, e.code);
      obs.logger.error('record failed permanently; acknowledged', { messageId: record.messageId, code: e.code, error: redactText(e.message) });
      return { failed: e.code };
    }
  };
  // Both queues are standard (issue 13): no FIFO group to stop at a failed record.
  return processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false });
}
