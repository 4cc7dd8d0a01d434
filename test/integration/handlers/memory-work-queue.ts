/** A WorkQueue that keeps what handlers enqueue, and turns it into SQS events the consumers accept. */
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { WorkQueue } from '../../../lambdas/pipeline/work-queue.js';
import type { FetchWork, NormalizeWork } from '../../../lambdas/pipeline/work-items.js';

export interface MemoryWorkQueue extends WorkQueue {
  fetch: FetchWork[];
  normalize: NormalizeWork[];
  /** Receipt handles handed back with their invisibility in seconds, in call order. */
  deferred: { receiptHandle: string; seconds: number }[];
}

export function createMemoryWorkQueue(): MemoryWorkQueue {
  const fetch: FetchWork[] = [];
  const normalize: NormalizeWork[] = [];
  const deferred: { receiptHandle: string; seconds: number }[] = [];
  return {
    fetch,
    normalize,
    deferred,
    async deferFetch(receiptHandles, seconds) {
      deferred.push(...receiptHandles.map((receiptHandle) => ({ receiptHandle, seconds })));
    },
    async sendFetch(items) {
      fetch.push(...items);
    },
    async sendNormalize(items) {
      normalize.push(...items);
    },
  };
}

let seq = 0;

/** An SQS record of a standard queue as Lambda delivers it. */
function sqsRecord(body: string, queue: 'fetch' | 'normalize'): SQSRecord {
  const id = `msg-${++seq}`;
  return {
    messageId: id,
    receiptHandle: `rh-${id}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:jsnews-${queue}`,
    awsRegion: 'us-east-1',
  };
}

export function fetchEvent(items: (FetchWork | string)[]): SQSEvent {
  return {
    Records: items.map((item) => sqsRecord(typeof item === 'string' ? item : JSON.stringify(item), 'fetch')),
  };
}

export function normalizeEvent(items: NormalizeWork[]): SQSEvent {
  return { Records: items.map((item) => sqsRecord(JSON.stringify(item), 'normalize')) };
}

export function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `jsnews-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:jsnews-${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: `req-${++seq}`,
    logGroupName: `/aws/lambda/jsnews-${name}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
