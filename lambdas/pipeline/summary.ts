/** Per-source counters of a cycle, backfill or reprocess run. */
import type { IngestResult } from './ingest.js';

export interface SourceSummary {
  sourceId: string;
  /** Article URLs found on start/list pages (after de-duplication). */
  discovered: number;
  /** Failures due for a retry that were added to this run. */
  retried: number;
  /** Discovered URLs skipped because their last failure is not due yet (backoff). */
  deferred: number;
  /** Responses with a body (not 304). */
  fetched: number;
  unchanged: number;
  new: number;
  updated: number;
  /** Failed URLs by error code. */
  failed: Record<string, number>;
  /**
   * Failures counted in `failed` that the failures store has no item for (a backfill that could not
   * refetch an article already stored keeps its record and records no failure): by code and reason,
   * so the run's top failure reasons can count them. Absent when there were none.
   */
  keptFailures?: KeptFailure[];
}

export interface KeptFailure {
  code: string;
  reason: string;
  count: number;
  exampleUrl: string;
}

export function emptySummary(sourceId: string): SourceSummary {
  return { sourceId, discovered: 0, retried: 0, deferred: 0, fetched: 0, unchanged: 0, new: 0, updated: 0, failed: {} };
}

export function countFailure(summary: SourceSummary, code: string): void {
  summary.failed[code] = (summary.failed[code] ?? 0) + 1;
}

export function addResult(summary: SourceSummary, result: IngestResult): void {
  if (result.fetched) summary.fetched++;
  if (result.status === 'failed') {
    countFailure(summary, result.code);
    if (result.keptStored) addKeptFailure(summary, result.code, result.reason, result.url);
  } else summary[result.status]++;
}

function addKeptFailure(summary: SourceSummary, code: string, reason: string, url: string): void {
  const kept = (summary.keptFailures ??= []);
  const same = kept.find((k) => k.code === code && k.reason === reason);
  if (same) same.count++;
  else kept.push({ code, reason, count: 1, exampleUrl: url });
}
