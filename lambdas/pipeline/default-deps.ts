/** The production wiring of PipelineDeps: the real normalizer and discovery, the system clock. */
import { normalize } from '../normalize/index.js';
import type { Fetcher } from '../fetch/types.js';
import { defaultDiscover } from './discover-default.js';
import { createStderrLogger, type PipelineDeps, type PipelineLogger, type PipelineStores } from './deps.js';

export function createDefaultDeps(stores: PipelineStores, fetcher: Fetcher, logger: PipelineLogger = createStderrLogger(logLevelFromEnv())): PipelineDeps {
  return { stores, fetcher, normalize, discover: defaultDiscover, clock: () => new Date(), logger };
}

/** JSNEWS_LOG_LEVEL (debug|info|warn|error); default error: failures are already in the stores and the summary. */
function logLevelFromEnv(): 'debug' | 'info' | 'warn' | 'error' {
  const v = process.env.JSNEWS_LOG_LEVEL;
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : 'error';
}
