/**
 * One crawl cycle over sources:
 *   1. each start page is fetched and its article links discovered;
 *   2. failures of the source that are due for a retry join the queue;
 *   3. discovered URLs whose last failure is not due yet are deferred (backoff is honoured);
 *   4. the queued URLs go through ingestInBatches (one archive object per batch of a source's URLs); results are
 *      counted per source.
 * State lives only in the stores, so a killed cycle run again loses nothing and duplicates nothing.
 */
import { toJsnewsError } from '../contract/errors.js';
import type { Source } from '../sites/sources-schema.js';
import type { FailureItem } from '../store/ports.js';
import type { PipelineDeps } from './deps.js';
import { ingestInBatches, type IngestResult } from './ingest.js';
import { readListPage } from './list-pages.js';
import { mapPool } from './pool.js';
import { addResult, countFailure, emptySummary, type SourceSummary } from './summary.js';

/** Sources crawled at once: each is a different host, so they do not compete for one host's politeness slot. */
export const DEFAULT_SOURCE_CONCURRENCY = 4;
/**
 * URLs of one source in flight at once. The fetcher allows one request per host, so 2 lets one page
 * be normalized and stored while the next is fetched; more only queues behind the host gate.
 */
export const DEFAULT_URL_CONCURRENCY = 2;
export interface ProgressEvent {
  sourceId: string;
  /** URLs finished / queued for this source so far. */
  done: number;
  total: number;
  result?: IngestResult;
  phase: 'discovered' | 'ingested' | 'finished';
}

export interface CycleOptions {
  onProgress?: (event: ProgressEvent) => void;
  sourceConcurrency?: number;
  urlConcurrency?: number;
  /** Stop ingesting after this many URLs per source (tests simulate a killed run with it). */
  maxUrlsPerSource?: number;
}

export async function runCycle(sources: readonly Source[], deps: PipelineDeps, options: CycleOptions = {}): Promise<SourceSummary[]> {
  const enabled = sources.filter((s) => s.enabled);
  return mapPool(enabled, options.sourceConcurrency ?? DEFAULT_SOURCE_CONCURRENCY, (source) => runSource(source, deps, options));
}

/** What a source's start pages yield: the URLs to ingest now (backoff honoured, due failures added) and its failures. */
export interface SourcePlan {
  summary: SourceSummary;
  failures: Map<string, FailureItem>;
  queue: string[];
}

/**
 * The first half of a source's cycle, shared with the scheduled discover Lambda (which enqueues the plan instead of
 * ingesting it): read the start pages, then plan the article URLs.
 */
export async function planSource(source: Source, deps: PipelineDeps): Promise<SourcePlan> {
  const summary = emptySummary(source.id);
  const now = deps.clock();
  const failures = new Map((await deps.stores.failures.listBySource(source.id)).map((f) => [f.url, f] as const));

  const discovered = new Set<string>();
  for (const start of source.startPages) {
    const page = await readListPage(start.url, start.kind, source, deps, failures.has(start.url));
    if (!page.ok) countFailure(summary, page.code);
    else for (const link of page.links) discovered.add(link);
  }
  summary.discovered = discovered.size;
  return { summary, failures, queue: planQueue(discovered, failures, now, summary) };
}

async function runSource(source: Source, deps: PipelineDeps, options: CycleOptions): Promise<SourceSummary> {
  let plan: SourcePlan;
  try {
    plan = await planSource(source, deps);
  } catch (err) {
    // The stores failed while the source was planned (DynamoDB died mid-run): the run goes on and its
    // summary counts the source as one failure by code, instead of the whole run ending without one.
    const e = toJsnewsError(err);
    const summary = emptySummary(source.id);
    countFailure(summary, e.code);
    deps.logger.error('source could not be planned', { sourceId: source.id, code: e.code, error: e.message });
    return summary;
  }
  const { summary, failures, queue } = plan;
  const limited = options.maxUrlsPerSource !== undefined ? queue.slice(0, options.maxUrlsPerSource) : queue;
  options.onProgress?.({ sourceId: source.id, done: 0, total: limited.length, phase: 'discovered' });

  let done = 0;
  const onResult = (result: IngestResult) => {
    addResult(summary, result);
    options.onProgress?.({ sourceId: source.id, done: ++done, total: limited.length, result, phase: 'ingested' });
  };
  const items = limited.map((url) => ({ url, options: { sourceId: source.id, revisit: source.revisit, site: source.hints, mayHaveFailure: failures.has(url) } }));
  await ingestInBatches(items, deps, { lanes: options.urlConcurrency ?? DEFAULT_URL_CONCURRENCY, onResult });
  options.onProgress?.({ sourceId: source.id, done, total: limited.length, phase: 'finished' });
  deps.logger.info('source done', { ...summary });
  return summary;
}

/** Discovered URLs not held back by backoff, then due failures (article stages only) not already queued. */
function planQueue(discovered: Set<string>, failures: Map<string, FailureItem>, now: Date, summary: SourceSummary): string[] {
  const nowIso = now.toISOString();
  const queue: string[] = [];
  for (const url of discovered) {
    const f = failures.get(url);
    if (f && f.nextRetryAt > nowIso) summary.deferred++;
    else queue.push(url);
  }
  for (const f of failures.values()) {
    if (f.stage === 'list' || discovered.has(f.url) || f.nextRetryAt > nowIso) continue;
    queue.push(f.url);
    summary.retried++;
  }
  return queue;
}
