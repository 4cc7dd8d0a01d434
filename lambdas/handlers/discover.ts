/**
 * Discover Lambda, invoked by EventBridge Scheduler with `{sourceId}`: reads the source's start
 * pages and enqueues its article URLs on the fetch queue (a host's URLs spread over DelaySeconds slots). Emits
 * SourceListed per source, which the staleness alarm watches.
 */
import { createHttpFetcher } from '../fetch/http-client.js';
import { defaultDiscover } from '../pipeline/discover-default.js';
import type { Context } from 'aws-lambda';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { SourceSummary } from '../pipeline/summary.js';
import { ScheduledDiscoverEvent } from './events.js';
import { createObservability, pipelineLogger, recordEnqueued, recordSourceListed, recordSummaryMetrics, type Observability } from './observability.js';
import { planDiscover } from '../pipeline/plan-discover.js';
import { createSqsTransport } from '../store/work-queue-sqs.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { parseInput } from '../contract/zod-issues.js';
import { echo } from '../contract/limits.js';

export interface DiscoverResult {
  sourceId: string;
  listed: number;
  enqueued: number;
  summary: SourceSummary;
}

export function makeDiscoverHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context?: Context): Promise<DiscoverResult> => {
    if (context) obs.logger.addContext(context);
    try {
      const { sourceId, scheduledTime } = parseInput(ScheduledDiscoverEvent, event, 'scheduler event');
      const rt = runtime();
      const source = rt.sources.find((s) => s.id === sourceId);
      if (!source) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source ${echo(sourceId)}`);
      const plan = await planDiscover(source, rt.deps);
      await rt.queue.sendFetch(plan.work);
      recordSourceListed(obs.metrics, sourceId, plan.listed);
      recordEnqueued(obs.metrics, plan.work.length);
      recordSummaryMetrics(obs.metrics, plan.summary);
      obs.logger.info('discover done', { sourceId, scheduledTime, listed: plan.listed, enqueued: plan.work.length, summary: plan.summary });
      return { sourceId, listed: plan.listed, enqueued: plan.work.length, summary: plan.summary };
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

const obs = createObservability('discover');
export const handler = makeDiscoverHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { transport: createSqsTransport, fetcher: (hostDelayMs, hostDeadlineMs) => createHttpFetcher({ hostDelayMs, hostDeadlineMs }), discover: defaultDiscover })), obs);
