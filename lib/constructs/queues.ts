/**
 * Work queues and their dead-letter queues (all standard).
 *
 * - fetch: URLs and list pages to fetch. A batch mixes hosts: the senders spread each host's messages
 *   over DelaySeconds slots (pipeline/work-queue.ts) and the fetch Lambda takes a per-host lease in
 *   the table before it fetches (pipeline/polite-batch.ts), so per-host politeness holds however many
 *   fetch Lambdas run (issue 13: the FIFO group per host made every page its own invocation). No FIFO
 *   deduplication: a duplicate delivery is one more conditional GET of an unchanged page, no second
 *   record (ingest is idempotent: the record id is the hash of the canonical URL).
 * - normalize (standard): archived raw objects to re-normalize (reprocess). No network, no
 *   politeness, so plain parallelism.
 * - schedule DLQ: EventBridge Scheduler deliveries that failed after its retries.
 */
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledgeNag } from '../nag.js';
import { Construct } from 'constructs';

/** A message that failed this many receives is parked in the DLQ instead of retried forever. */
export const MAX_RECEIVE_COUNT = 3;
/**
 * Politeness hand-backs one fetch message may take before the DLQ. Every hand-back is a receive: the host's
 * later messages of a batch (one page per host per batch), a message whose host's lease is held or not due,
 * and each 12-hour wave of a slot past 900 s DelaySeconds. The senders' slots (delay + 1 s of work apart)
 * make the first two rare: a message meets its host busy when a fetch overran its slot, and is then handed
 * back until the lease's nextAt (cost bench: at most 2 receives of any message, 20 hosts). 20 hand-backs mean
 * the host stayed busy for ~20 delays past the slot (a site answering far slower than its delay, or a
 * backfill of > 20 x 12 h for one host): the DLQ, alarmed, keeps it, and the next discover run finds the URL
 * again (nothing was stored for it).
 */
export const MAX_POLITE_HANDBACKS = 20;
/** The fetch queue's redrive count: MAX_RECEIVE_COUNT real attempts after the politeness hand-backs. */
export const FETCH_MAX_RECEIVE_COUNT = MAX_RECEIVE_COUNT + MAX_POLITE_HANDBACKS;
/**
 * How long the fetch queue keeps a message: SQS's maximum, so a backfill's later waves (slots of a host
 * spread past the default 4 days) are not dropped before their slot.
 */
export const FETCH_RETENTION = Duration.days(14);
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
    this.fetchDlq = deadLetterQueue(this, 'FetchDlq');
    this.fetchQueue = new sqs.Queue(this, 'Fetch', {
      ...secure,
      retentionPeriod: FETCH_RETENTION,
      visibilityTimeout: visibility(props.fetchFunctionTimeout),
      deadLetterQueue: { queue: this.fetchDlq, maxReceiveCount: FETCH_MAX_RECEIVE_COUNT },
    });
    this.normalizeDlq = deadLetterQueue(this, 'NormalizeDlq');
    this.normalizeQueue = new sqs.Queue(this, 'Normalize', {
      ...secure,
      visibilityTimeout: visibility(props.normalizeFunctionTimeout),
      deadLetterQueue: { queue: this.normalizeDlq, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.scheduleDlq = deadLetterQueue(this, 'ScheduleDlq');
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

function deadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, { ...secure, retentionPeriod: DLQ_RETENTION });
  acknowledgeNag(queue, 'AwsSolutions-SQS3', 'This queue is itself a dead-letter queue; its depth is alarmed on instead.');
  return queue;
}
