/**
 * Revisit planner Lambda, invoked by EventBridge Scheduler (hourly): finds the tracked articles whose
 * revisit is due (one Query per source on the REVISIT#<source> partition) and enqueues one revisit
 * item each on the fetch queue, a host's items spread over DelaySeconds slots (pipeline/work-queue.ts), so the
 * fetch Lambda revisits them under the same per-host lease as discovery. `now` in the event simulates the clock (tests).
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { parseInput } from '../contract/zod-issues.js';
import { ALL_DUE_BEFORE, planRevisits } from '../pipeline/revisit.js';
import { createObservability, pipelineLogger, recordEnqueued, type Observability } from './observability.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { createSqsTransport } from '../store/work-queue-sqs.js';
import type { RevisitWork } from '../pipeline/work-items.js';

export const ScheduledRevisitEvent = z
  .object({
    /** <aws.scheduler.scheduled-time>, for logs. */
    scheduledTime: z.string().optional(),
    /** Plan as of this time instead of the clock's now (ISO 8601). */
    now: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time').optional(),
    /** Every tracked article, due or not (as `jsnews revisit --all`). */
    all: z.boolean().optional(),
    /** Only these sources (default: every enabled source). */
    sourceIds: z.array(z.string().min(1)).optional(),
  })
  .strict();

export interface RevisitPlanResult {
  due: number;
  enqueued: number;
  bySource: Record<string, number>;
}

export function makeRevisitPlannerHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context?: Context): Promise<RevisitPlanResult> => {
    if (context) obs.logger.addContext(context);
    try {
      const e = parseInput(ScheduledRevisitEvent, event, 'scheduler event');
      const rt = runtime();
      const changes = rt.deps.stores.changes;
      if (!changes) throw new JsnewsError(ErrorCode.Internal, 'the change store is not configured');
      const sources = rt.sources.filter((s) => s.enabled && (!e.sourceIds || e.sourceIds.includes(s.id)));
      const now = e.now ? new Date(e.now) : rt.deps.clock();
      const due = await planRevisits(sources, changes, e.all ? ALL_DUE_BEFORE : now.toISOString());
      // The due index holds keys only; the tracking item gives the URL (its host gives the slot and the lease).
      const work: RevisitWork[] = [];
      for (const d of due) {
        const track = await changes.getTrack(d.id);
        if (track) work.push({ kind: 'revisit', id: d.id, url: track.url, sourceId: d.sourceId });
      }
      await rt.queue.sendFetch(work);
      recordEnqueued(obs.metrics, work.length);
      const bySource: Record<string, number> = {};
      for (const d of due) bySource[d.sourceId] = (bySource[d.sourceId] ?? 0) + 1;
      obs.logger.info('revisits planned', { scheduledTime: e.scheduledTime, due: due.length, bySource });
      return { due: due.length, enqueued: work.length, bySource };
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

const obs = createObservability('revisit-planner');
// The queue's transport: without it the deployed planner had no queue to send its revisits to (NO_QUEUE threw).
export const handler = makeRevisitPlannerHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { transport: createSqsTransport })), obs);
