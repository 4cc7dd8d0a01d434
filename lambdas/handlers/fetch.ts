/**
 * Fetch Lambda, consuming the FIFO fetch queue (one host per message group): ingests article URLs
 * and reads list pages (pipeline/fetch-work.ts), reporting per-record failures
 * (ReportBatchItemFailures) only for transient failures of our stores or queue. It never sleeps for
 * politeness: of each host only the batch's first message is handled, the host's later messages go back
 * to SQS invisible for the host's delay (pipeline/polite-batch.ts) and are reported as not done.
 */
import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { createHttpFetcher } from '../fetch/http-client.js';
import { normalize } from '../normalize/index.js';
import { defaultDiscover } from '../pipeline/discover-default.js';
import { processFetchWork, type FetchWorkOutcome } from '../pipeline/fetch-work.js';
import { FetchWork } from '../pipeline/work-items.js';
import { parseSqsEvent } from './events.js';
import { createObservability, pipelineLogger, recordEnqueued, recordFailure, recordIngestMetrics, type Observability } from './observability.js';
import { createSqsTransport } from '../store/work-queue-sqs.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { processSqsBatch } from './sqs-batch.js';
import { splitForPoliteness } from '../pipeline/polite-batch.js';
import { redactText } from '../contract/redact.js';

export function makeFetchHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
    obs.logger.addContext(context);
    try {
      const batch = parseSqsEvent(event);
      const rt = runtime();
      const { now, later } = splitForPoliteness(batch.Records, groupOf, (r) => delayOf(r, rt));
      const response = await processSqsBatch({ Records: now }, context, {
        schema: FetchWork,
        fifo: true,
        obs,
        handle: async (item) => observe(await processFetchWork(item, rt), obs),
      });
      if (later.length === 0) return response;
      await defer(later, rt, obs);
      return { batchItemFailures: [...response.batchItemFailures, ...later.map(({ item }) => ({ itemIdentifier: item.messageId }))] };
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

/** The FIFO group SQS delivered the record under (the host); a record without one is its own group. */
function groupOf(record: SQSRecord): string {
  return String(record.attributes.MessageGroupId ?? record.messageId);
}

/** The politeness delay of the record's host, from its URL; an unreadable body (acknowledged as poison later) has none. */
function delayOf(record: SQSRecord, rt: HandlerRuntime): number {
  try {
    const url = (JSON.parse(record.body) as { url?: unknown }).url;
    return typeof url === 'string' ? (rt.deps.fetcher.politeDelayMs?.(url) ?? 0) : 0;
  } catch {
    return 0;
  }
}

/**
 * Hands the deferred records back, invisible for their host's delay. If SQS refuses, they still are not
 * acknowledged: they come back after the queue's visibility timeout, later but never impolitely.
 */
async function defer(later: { item: SQSRecord; seconds: number }[], rt: HandlerRuntime, obs: Observability): Promise<void> {
  const bySeconds = new Map<number, string[]>();
  for (const { item, seconds } of later) bySeconds.set(seconds, [...(bySeconds.get(seconds) ?? []), item.receiptHandle]);
  for (const [seconds, handles] of bySeconds) {
    try {
      await rt.queue.deferFetch(handles, seconds);
    } catch (err) {
      obs.logger.warn('could not defer messages; they return after the visibility timeout', { count: handles.length, error: redactText(err instanceof Error ? err.message : String(err)) });
    }
  }
}

/** Metrics and logs of one item; a transient store failure is thrown so SQS delivers the item again. */
function observe(outcome: FetchWorkOutcome, obs: Observability): FetchWorkOutcome {
  if (outcome.kind === 'article') {
    recordIngestMetrics(obs.metrics, outcome.result, outcome.elapsedMs);
    if (outcome.retry) throw outcome.retry;
  } else if (outcome.kind === 'revisit') {
    if (outcome.result?.change) obs.logger.info('change detected', { id: outcome.result.id, url: outcome.result.url, kind: outcome.result.change });
  } else if (!outcome.ok) {
    if (outcome.counts) recordFailure(obs.metrics, outcome.code);
  } else {
    recordEnqueued(obs.metrics, outcome.enqueued);
    obs.logger.info('list page read', { sourceId: outcome.sourceId, url: outcome.url, links: outcome.links, enqueued: outcome.enqueued });
  }
  return outcome;
}

const obs = createObservability('fetch');
export const handler = makeFetchHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { transport: createSqsTransport, fetcher: (hostDelayMs, hostDeadlineMs) => createHttpFetcher({ hostDelayMs, hostDeadlineMs }), normalize, discover: defaultDiscover })), obs);
