/**
 * Work queues and their dead-letter queues.
 *
 * - fetch (FIFO): URLs and list pages to fetch. MessageGroupId = host, so SQS hands a host's
 *   messages to one consumer at a time: per-host politeness holds however many fetch Lambdas run,
 *   while different hosts proceed in parallel.
 * - normalize (standard): archived raw objects to re-normalize (reprocess). No network, no
 *   politeness, so plain parallelism.
 * - schedule DLQ: EventBridge Scheduler deliveries that failed after its retries.
 */
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledgeNag } from '../nag.js';
import { Construct } from 'constructs';
import { FETCH_BATCH_SIZE } from './functions.js';

/** A message that failed this many receives is parked in the DLQ instead of retried forever. */
export const MAX_RECEIVE_COUNT = 3;
/**
 * The fetch queue's redrive count. Per-host politeness hands a host's later messages of a batch back to SQS
 * for the host's delay (pipeline/polite-batch.ts); each such deferral is a receive, at most FETCH_BATCH_SIZE - 1
 * per message (it is handled once it is first in its group's batch). Raised by that much, so a message still
 * gets MAX_RECEIVE_COUNT real attempts before the DLQ.
 */
export const FETCH_MAX_RECEIVE_COUNT = MAX_RECEIVE_COUNT + FETCH_BATCH_SIZE - 1;
/** Dead letters are kept as long as SQS allows, so nobody loses evidence over a holiday. */
export const DLQ_RETENTION = Duration.days(14);
/** AWS advice for SQS-triggered Lambdas: visibility timeout >= 6x the function timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface WorkQueuesProps {
  fetchFunctionTimeout: Duration;
  normalizeFunctionTimeout: Duration;
}

export class WorkQueues extends Construct {
  readonly fetchQueue: sqs.Queue;
  readonly fetchDlq: sqs.Queue;
  readonly normalizeQueue: sqs.Queue;
  readonly normalizeDlq: sqs.Queue;
  readonly scheduleDlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: WorkQueuesProps) {
    super(scope, id);
    this.fetchDlq = deadLetterQueue(this, 'FetchDlq', true);
    this.fetchQueue = new sqs.Queue(this, 'Fetch', {
      ...secure,
      fifo: true,
      // Producers set an explicit deduplication id (hash of the URL); content-based is the fallback.
      contentBasedDeduplication: true,
      visibilityTimeout: visibility(props.fetchFunctionTimeout),
      deadLetterQueue: { queue: this.fetchDlq, maxReceiveCount: FETCH_MAX_RECEIVE_COUNT },
    });
    this.normalizeDlq = deadLetterQueue(this, 'NormalizeDlq', false);
    this.normalizeQueue = new sqs.Queue(this, 'Normalize', {
      ...secure,
      visibilityTimeout: visibility(props.normalizeFunctionTimeout),
      deadLetterQueue: { queue: this.normalizeDlq, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.scheduleDlq = deadLetterQueue(this, 'ScheduleDlq', false);
  }

  get deadLetterQueues(): { name: string; queue: sqs.Queue }[] {
    return [
      { name: 'fetch', queue: this.fetchDlq },
      { name: 'normalize', queue: this.normalizeDlq },
      { name: 'schedule', queue: this.scheduleDlq },
    ];
  }
}

const secure = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

function visibility(functionTimeout: Duration): Duration {
  return Duration.seconds(functionTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR);
}

function deadLetterQueue(scope: Construct, id: string, fifo: boolean): sqs.Queue {
  const queue = new sqs.Queue(scope, id, { ...secure, retentionPeriod: DLQ_RETENTION, ...(fifo ? { fifo: true } : {}) });
  acknowledgeNag(queue, 'AwsSolutions-SQS3', 'This queue is itself a dead-letter queue; its depth is alarmed on instead.');
  return queue;
}
