/**
 * The one way a pipeline step records a failure: into the failures store (with its stage, code and
 * whether a retry can help), and in the log. When the failures store itself is down the failure
 * still reaches the caller's summary and the log; recording it never throws.
 */
import { toJsnewsError } from '../contract/errors.js';
import type { FailureInput } from '../store/ports.js';
import type { PipelineDeps } from './deps.js';

export async function recordFailure(deps: Pick<PipelineDeps, 'stores' | 'clock' | 'logger'>, input: FailureInput, logMessage: string): Promise<void> {
  const fields = { url: input.url, stage: input.stage, code: input.code };
  try {
    await deps.stores.failures.record(input, deps.clock());
  } catch (storeErr) {
    deps.logger.error('could not record failure', { ...fields, error: toJsnewsError(storeErr).message });
  }
  deps.logger.warn(logMessage, { ...fields, reason: input.reason });
}
