export { ingestUrl, type IngestResult, type IngestOptions, type StageTimings } from './ingest.js';
export { runCycle, type CycleOptions, type ProgressEvent, DEFAULT_SOURCE_CONCURRENCY, DEFAULT_URL_CONCURRENCY } from './run-cycle.js';
export { backfill, dateFromUrl, listPageUrl, adHocSourceId, type BackfillTarget, MAX_BACKFILL_LIST_PAGES } from './backfill.js';
export { reprocess, type ReprocessSelection, DEFAULT_REPROCESS_CONCURRENCY } from './reprocess.js';
export { defaultDiscover } from './discover-default.js';
export { createStderrLogger, silentLogger, type PipelineDeps, type PipelineLogger, type NormalizeFn, type DiscoverFn, type PipelineStores } from './deps.js';
export { type SourceSummary, totalFailed } from './summary.js';
