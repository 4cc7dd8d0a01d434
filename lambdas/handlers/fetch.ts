/**
 * Fetch Lambda, consuming the FIFO fetch queue (one host per message group): ingests article URLs
 * and reads list pages, reporting per-record failures (ReportBatchItemFailures) only for retryable
 * errors; see process-fetch-work.ts for which.
 */
import { createHttpFetcher } from '../fetch/http-client.js';
import { normalize } from '../normalize/index.js';
import { defaultDiscover } from '../pipeline/discover-default.js';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { parseSqsEvent } from './events.js';
import { createObservability, pipelineLogger, type Observability } from './observability.js';
import { processFetchWork } from './process-fetch-work.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { processSqsBatch } from './sqs-batch.js';
import { FetchWork } from './work-items.js';

export function makeFetchHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
    obs.logger.addContext(context);
    try {
      const batch = parseSqsEvent(event);
      const rt = runtime();
      return await processSqsBatch(batch, context, { schema: FetchWork, fifo: true, obs, handle: (item) => processFetchWork(item, rt, obs) });
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

const obs = createObservability('fetch');
export const handler = makeFetchHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { fetcher: (hostDelayMs, hostDeadlineMs) => createHttpFetcher({ hostDelayMs, hostDeadlineMs }), normalize, discover: defaultDiscover })), obs);
