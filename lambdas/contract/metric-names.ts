/**
 * Names shared by the handlers (which emit) and the CDK stack (which alarms and graphs): one table,
 * so an alarm can never watch a metric name nobody emits. Pure constants, safe to import from lib/.
 */

/** CloudWatch namespace of every custom metric. */
export const METRICS_NAMESPACE = 'Jsnews';

/** Powertools service name per Lambda; it becomes the `service` dimension of every metric. */
export const SERVICE = {
  discover: 'jsnews-discover',
  fetch: 'jsnews-fetch',
  normalize: 'jsnews-normalize',
  backfill: 'jsnews-backfill',
  'revisit-planner': 'jsnews-revisit-planner',
} as const;

export const METRIC = {
  /** Pages fetched with a 2xx/304. */
  fetched: 'Fetched',
  /** Records written for the first time. */
  new: 'New',
  /** Records rewritten with changed content. */
  updated: 'Updated',
  /** Records re-derived with no change (idempotent replays, unchanged pages). */
  unchanged: 'Unchanged',
  /** Work items that failed; dimension `reason` = ErrorCode. */
  failed: 'Failed',
  /** Wall time of one work item (fetch + archive + normalize + store), milliseconds. */
  latency: 'Latency',
  /** Work items put on a queue (discover, backfill, list pages). */
  enqueued: 'Enqueued',
  /**
   * Per source (dimension `sourceId`): article links a discover run found on the source's list
   * pages, new or not. A healthy site always lists something; 0 or no data means the schedule, the
   * site or our list parsing is broken. Alarmed on per source.
   */
  sourceListed: 'SourceListed',
} as const;

/** Dimension names. */
export const DIMENSION = { sourceId: 'sourceId', reason: 'reason', service: 'service' } as const;
