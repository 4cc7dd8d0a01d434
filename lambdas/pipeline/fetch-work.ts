/**
 * One fetch-queue item, as the fetch Lambda runs it. Everything that goes wrong is already recorded
 * in the failures store by the pipeline, whose backoff brings it back on a later discover run, so
 * the outcome only asks for an SQS retry (`retry`) when a retry can help: a transient failure of our
 * own stores or queue. A permanent store failure (a record over DynamoDB's item limit) is recorded
 * and acknowledged like a 404, so it never holds up the host's FIFO group or its batch-mates.
 */
import { performance } from 'node:perf_hooks';
import { ErrorCode, JsnewsError, type ErrorCodeValue } from '../contract/errors.js';
import type { Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { ingestUrl, type IngestResult } from './ingest.js';
import { readListWork } from './list-work.js';
import type { WorkQueue } from './work-queue.js';
import type { ArticleWork, FetchWork, ListWork, RevisitWork } from './work-items.js';
import { revisitOne, type RevisitResult } from './revisit.js';

export interface FetchWorkContext {
  deps: PipelineDeps;
  sources: readonly Source[];
  queue: WorkQueue;
}

export type FetchWorkOutcome =
  | { kind: 'article'; result: IngestResult; elapsedMs: number; retry?: JsnewsError }
  | { kind: 'list'; ok: true; sourceId: string; url: string; links: number; enqueued: number }
  | { kind: 'list'; ok: false; code: ErrorCodeValue; counts: boolean }
  | { kind: 'revisit'; result: RevisitResult | null };

export async function processFetchWork(item: FetchWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  if (item.kind === 'revisit') return processRevisit(item, ctx);
  return item.kind === 'article' ? processArticle(item, ctx.deps, ctx.sources) : processList(item, ctx);
}

/** A revisit never asks for a retry for the site's sake (a failed fetch is no observation); a store error throws and SQS retries. */
async function processRevisit(item: RevisitWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  const source = ctx.sources.find((s) => s.id === item.sourceId);
  return { kind: 'revisit', result: await revisitOne(item, ctx.deps, source) };
}

async function processArticle(item: ArticleWork, deps: PipelineDeps, sources: readonly Source[]): Promise<FetchWorkOutcome> {
  const started = performance.now();
  const source = sources.find((s) => s.id === item.sourceId);
  const revisit = source?.revisit;
  const result = await ingestUrl(item.url, deps, { sourceId: item.sourceId, site: source?.hints, mayHaveFailure: item.mayHaveFailure, ...(revisit ? { revisit } : {}) });
  const elapsedMs = performance.now() - started;
  if (result.status === 'failed' && result.stage === 'store' && result.retryable) {
    return { kind: 'article', result, elapsedMs, retry: new JsnewsError(ErrorCode.StoreFailed, `store failed for ${item.url}: ${result.reason}`, true) };
  }
  return { kind: 'article', result, elapsedMs };
}

async function processList(item: ListWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  const source = ctx.sources.find((s) => s.id === item.sourceId);
  if (!source) {
    ctx.deps.logger.error('list work for an unknown source', { sourceId: item.sourceId, url: item.url });
    return { kind: 'list', ok: false, code: ErrorCode.InvalidArgument, counts: true };
  }
  const result = await readListWork(item, source, ctx.deps);
  if (!result.ok) return { kind: 'list', ok: false, code: result.code, counts: result.counts };
  const work: FetchWork[] = result.next ? [result.next] : [];
  for (const url of result.articles) work.push({ kind: 'article', url, sourceId: source.id, mayHaveFailure: true });
  await ctx.queue.sendFetch(work);
  return { kind: 'list', ok: true, sourceId: source.id, url: item.url, links: result.links, enqueued: work.length };
}
