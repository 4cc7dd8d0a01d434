/**
 * Fetch Lambda, consuming the FIFO fetch queue (one host per message group): ingests article URLs
 * and reads list pages (pipeline/fetch-work.ts), reporting per-record failures
 * (ReportBatchItemFailures) only for transient failures of our stores or queue.
 */
import type { Context, SQSBatchResponse } from 'aws-lambda';
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

export function makeFetchHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
    obs.logger.addContext(context);
    try {
      const batch = parseSqsEvent(event);
      const rt = runtime();
      return await processSqsBatch(batch, context, {
        schema: FetchWork,
        fifo: true,
        obs,
        handle: async (item) => observe(await processFetchWork(item, rt), obs),
      });
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
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
