/**
 * Normalize Lambda, consuming the normalize queue: each message names one archived (source, day);
 * its pages are re-normalized from the raw archive and stored (pipeline/reprocess.ts). No network.
 */
import { normalize } from '../normalize/index.js';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { reprocess } from '../pipeline/reprocess.js';
import { parseSqsEvent } from './events.js';
import { createObservability, pipelineLogger, recordSummaryMetrics, type Observability } from './observability.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { processSqsBatch } from './sqs-batch.js';
import { NormalizeWork } from '../pipeline/work-items.js';

export function makeNormalizeHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
    obs.logger.addContext(context);
    try {
      const batch = parseSqsEvent(event);
      const rt = runtime();
      return await processSqsBatch(batch, context, {
        schema: NormalizeWork,
        obs,
        handle: async (item) => {
          const summaries = await reprocess({ sourceId: item.sourceId, from: item.day, to: item.day }, rt.deps, { sources: rt.sources });
          for (const s of summaries) recordSummaryMetrics(obs.metrics, s);
          obs.logger.info('reprocessed day', { sourceId: item.sourceId, day: item.day, summaries });
          return summaries;
        },
      });
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

const obs = createObservability('normalize');
export const handler = makeNormalizeHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { normalize })), obs);
