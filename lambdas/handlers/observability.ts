/**
 * Structured logs and metrics for the handlers (Powertools Logger and Metrics, EMF): one Logger and
 * one Metrics per Lambda, created at module load, and the adapters the pipeline needs.
 */
import { redactFields } from '../contract/redact.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { PipelineLogger } from '../pipeline/deps.js';
import type { IngestResult } from '../pipeline/ingest.js';
import type { SourceSummary } from '../pipeline/summary.js';
import { DIMENSION, METRIC, METRICS_NAMESPACE, SERVICE } from '../contract/metric-names.js';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createObservability(name: keyof typeof SERVICE): Observability {
  const serviceName = SERVICE[name];
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
  };
}

/** The pipeline's logger interface over a Powertools Logger. */
export function pipelineLogger(logger: Logger): PipelineLogger {
  return {
    debug: (message, fields) => logger.debug(message, redactFields(fields)),
    info: (message, fields) => logger.info(message, redactFields(fields)),
    warn: (message, fields) => logger.warn(message, redactFields(fields)),
    error: (message, fields) => logger.error(message, redactFields(fields)),
  };
}

/** One ingest result as metrics: fetched / new / updated / unchanged / failed by reason, and latency. */
export function recordIngestMetrics(metrics: Metrics, result: IngestResult, elapsedMs: number): void {
  if (result.fetched) metrics.addMetric(METRIC.fetched, MetricUnit.Count, 1);
  if (result.status === 'failed') recordFailure(metrics, result.code);
  else metrics.addMetric(METRIC[result.status], MetricUnit.Count, 1);
  metrics.addMetric(METRIC.latency, MetricUnit.Milliseconds, Math.round(elapsedMs));
}

/** Counters of a pipeline summary (reprocess, list pages) as metrics. */
export function recordSummaryMetrics(metrics: Metrics, summary: SourceSummary): void {
  const counts = { [METRIC.fetched]: summary.fetched, [METRIC.new]: summary.new, [METRIC.updated]: summary.updated, [METRIC.unchanged]: summary.unchanged };
  for (const [name, value] of Object.entries(counts)) if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
  for (const [code, n] of Object.entries(summary.failed)) recordFailure(metrics, code, n);
}

/** `Failed` with a `reason` dimension (the ErrorCode), flushed on its own so the reason stays attached. */
export function recordFailure(metrics: Metrics, code: string, count = 1): void {
  metrics.singleMetric().addDimension(DIMENSION.reason, code).addMetric(METRIC.failed, MetricUnit.Count, count);
}

/** Per source: how many article links its list pages showed (the staleness alarm watches this). */
export function recordSourceListed(metrics: Metrics, sourceId: string, links: number): void {
  metrics.singleMetric().addDimension(DIMENSION.sourceId, sourceId).addMetric(METRIC.sourceListed, MetricUnit.Count, links);
}

export function recordEnqueued(metrics: Metrics, count: number): void {
  metrics.addMetric(METRIC.enqueued, MetricUnit.Count, count);
}
