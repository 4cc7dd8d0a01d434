/**
 * Backfill Lambda (manual invoke; `jsnews backfill --remote` or `aws lambda invoke`): validates the
 * payload (pipeline/backfill-payload.ts), plans it as queue work (pipeline/backfill.ts) and enqueues it. It
 * never fetches or normalizes itself, so a backfill of any size finishes in seconds.
 * An invalid payload is answered with `{ok:false, error}` (a user mistake, not an ops alarm).
 */
import { redactText } from '../contract/redact.js';
import type { Context } from 'aws-lambda';
import { ErrorCode, toJsnewsError } from '../contract/errors.js';
import { planBackfill } from '../pipeline/backfill.js';
import { parseBackfillPayload, type BackfillResponse } from '../pipeline/backfill-payload.js';
import { createObservability, pipelineLogger, recordEnqueued, type Observability } from './observability.js';
import { createSqsTransport } from '../store/work-queue-sqs.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';

export function makeBackfillHandler(runtime: () => HandlerRuntime, obs: Observability) {
  return async (event: unknown, context?: Context): Promise<BackfillResponse> => {
    if (context) obs.logger.addContext(context);
    try {
      const payload = parseBackfillPayload(event);
      const rt = runtime();
      const plan = await planBackfill(payload, rt.sources, rt.deps.stores.archive);
      await rt.queue.sendFetch(plan.fetch);
      await rt.queue.sendNormalize(plan.normalize);
      recordEnqueued(obs.metrics, plan.fetch.length + plan.normalize.length);
      const enqueued = { fetch: plan.fetch.length, normalize: plan.normalize.length };
      obs.logger.info('backfill enqueued', { kind: payload.kind, enqueued });
      return { ok: true, kind: payload.kind, enqueued };
    } catch (err) {
      const e = toJsnewsError(err);
      if (e.code !== ErrorCode.InvalidArgument) throw e;
      obs.logger.warn('backfill rejected', { code: e.code, error: redactText(e.message) });
      return { ok: false, error: { code: e.code, message: e.message } };
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

const obs = createObservability('backfill');
export const handler = makeBackfillHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { transport: createSqsTransport,})), obs);
