/** The production wiring of PipelineDeps: the real normalizer and discovery, the system clock, the configured log level. */
import { logLevelFromEnv } from '../contract/config.js';
import { normalize } from '../normalize/index.js';
import type { Fetcher } from '../fetch/types.js';
import { defaultDiscover } from './discover-default.js';
import { createStderrLogger, type PipelineDeps, type PipelineLogger, type PipelineStores } from './deps.js';

export function createDefaultDeps(stores: PipelineStores, fetcher: Fetcher, logger: PipelineLogger = createStderrLogger(logLevelFromEnv())): PipelineDeps {
  return { stores, fetcher, normalize, discover: defaultDiscover, clock: () => new Date(), logger };
}
