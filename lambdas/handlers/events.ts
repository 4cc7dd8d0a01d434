/** Shapes of the events the Lambdas receive, validated before anything else runs. */
import type { SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { parseInput } from '../contract/zod-issues.js';
import { MAX_SOURCE_ID_CHARS } from '../contract/limits.js';

/** What each EventBridge Scheduler schedule sends discover (lib/constructs/schedules.ts builds it). */
export const ScheduledDiscoverEvent = z
  .object({
    sourceId: z.string().min(1).max(MAX_SOURCE_ID_CHARS),
    /** <aws.scheduler.scheduled-time>, for logs. */
    scheduledTime: z.string().optional(),
  })
  .strict();
export type ScheduledDiscoverEvent = z.infer<typeof ScheduledDiscoverEvent>;

/** The parts of an SQS event source batch we rely on. */
export const SqsEventShape = z.object({
  Records: z
    .array(
      z
        .object({
          messageId: z.string().min(1),
          receiptHandle: z.string(),
          body: z.string(),
          eventSource: z.literal('aws:sqs'),
          attributes: z.record(z.string(), z.unknown()),
        })
        .passthrough(),
    )
    .min(1),
});

/** Validates an SQS batch event; the original object is returned, typed, once its shape is known good. */
export function parseSqsEvent(event: unknown): SQSEvent {
  parseInput(SqsEventShape, event, 'SQS event');
  return event as SQSEvent;
}
