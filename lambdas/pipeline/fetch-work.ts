/**
 * One fetch-queue item, as the fetch Lambda runs it. Everything that goes wrong is already recorded
 * in the failures store by the pipeline, whose backoff brings it back on a later discover run, so
 * the outcome only asks for an SQS retry (`retry`) when a retry can help: a transient failure of our
 * own stores or queue. A permanent store failure (a record over DynamoDB's item limit) is recorded
 * and acknowledged like a 404, so it never comes back to hold up its host or its batch-mates.
 */
import { performance } from 'node:perf_hooks';
import { ErrorCode, JsnewsError, type ErrorCodeValue } from '../contract/errors.js';
import type { Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { ingestBatch, ingestUrl, type IngestItem, type IngestResult } from './ingest.js';
import { readListWork } from './list-work.js';
import type { WorkQueue } from './work-queue.js';
import type { ArticleWork, FetchWork, ListWork, RevisitWork } from './work-items.js';
import { revisitOne, type RevisitResult } from './revisit.js';

export interface FetchWorkContext {
  deps: PipelineDeps;
  sources: readonly Source[];
  queue: WorkQueue;
  /** The invocation's article items, ingested together (one archive object): see articleBatch. */
  batch?: ArticleBatch;
}

/**
 * The article items of one invocation, ingested as one batch (one archive object): each item joins when it is
 * handled (after its host lease is taken), or leaves (its lease was refused, its handling failed before); once every
 * item has joined or left, the joined ones go through ingestBatch together and each gets its result.
 */
export interface ArticleBatch {
  /** The item's result within the batch, or null when it is not part of it (handle it alone). */
  resultOf(item: ArticleWork): Promise<IngestResult | null>;
  /** The item will not join (a no-op once it has): the batch stops waiting for it. Must be called for every item. */
  leave(item: FetchWork): void;
}

/**
 * How long the first joined item waits for the others to join or leave. Taking a host lease is one conditional
 * DynamoDB write (~10-30 ms on AWS, up to a few hundred ms on the loaded test machine), so every item normally arrives
 * far sooner; this only bounds the wait if one never does.
 */
const MAX_JOIN_WAIT_MS = 2_000;

/**
 * The batch of the article items among an invocation's fetch work (fetch all, archive once, then normalize and
 * store each: pipeline/ingest.ts ingestBatch). Two messages of one URL are one member (the second gets the first's
 * result). Items of any other kind are handled one by one as before.
 */
export function articleBatch(items: readonly FetchWork[], ctx: Pick<FetchWorkContext, 'deps' | 'sources'>): ArticleBatch {
  const keyOf = (a: ArticleWork) => `${a.sourceId} ${a.url}`;
  const expected = new Map<string, ArticleWork>();
  for (const i of items) if (i.kind === 'article' && !expected.has(keyOf(i))) expected.set(keyOf(i), i);
  const arrived = new Set<string>();
  const joined: string[] = [];
  let release: (run: Promise<Map<string, IngestResult>>) => void = () => {};
  const ready = new Promise<Map<string, IngestResult>>((resolve) => (release = (run) => void run.then(resolve, () => resolve(new Map()))));
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    const members = joined.map((k) => expected.get(k)!);
    release(
      ingestBatch(members.map((a) => articleItem(a, ctx.sources)), ctx.deps, { fetchConcurrency: members.length }).then(
        (results) => new Map(results.map((r, i) => [joined[i]!, r] as const)),
      ),
    );
  };
  const startWhenAllArrived = () => {
    if (arrived.size >= expected.size) start();
    // An item that never joins nor leaves (a caller's bug) holds the others up at most this long; a late joiner runs alone.
    else timer ??= setTimeout(start, MAX_JOIN_WAIT_MS);
  };
  return {
    async resultOf(item) {
      const key = keyOf(item);
      if (!expected.has(key)) return null;
      if (!arrived.has(key)) {
        if (started) return null;
        arrived.add(key);
        joined.push(key);
        startWhenAllArrived();
      }
      // A batch that threw (a bug: ingestBatch records failures, it does not throw) leaves each item to run alone.
      return (await ready).get(key) ?? null;
    },
    leave(item) {
      if (item.kind !== 'article') return;
      const key = keyOf(item);
      if (!expected.has(key) || arrived.has(key)) return;
      arrived.add(key);
      startWhenAllArrived();
    },
  };
}

function articleItem(item: ArticleWork, sources: readonly Source[]): IngestItem {
  const source = sources.find((s) => s.id === item.sourceId);
  const revisit = source?.revisit;
  return { url: item.url, options: { sourceId: item.sourceId, site: source?.hints, mayHaveFailure: item.mayHaveFailure, ...(revisit ? { revisit } : {}) } };
}

export type FetchWorkOutcome =
  | { kind: 'article'; result: IngestResult; elapsedMs: number; retry?: JsnewsError }
  | { kind: 'list'; ok: true; sourceId: string; url: string; links: number; enqueued: number }
  | { kind: 'list'; ok: false; code: ErrorCodeValue; counts: boolean }
  | { kind: 'revisit'; result: RevisitResult | null };

export async function processFetchWork(item: FetchWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  if (item.kind === 'revisit') return processRevisit(item, ctx);
  return item.kind === 'article' ? processArticle(item, ctx) : processList(item, ctx);
}

/** A revisit never asks for a retry for the site's sake (a failed fetch is no observation); a store error throws and SQS retries. */
async function processRevisit(item: RevisitWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  const source = ctx.sources.find((s) => s.id === item.sourceId);
  return { kind: 'revisit', result: await revisitOne(item, ctx.deps, source) };
}

async function processArticle(item: ArticleWork, ctx: FetchWorkContext): Promise<FetchWorkOutcome> {
  const started = performance.now();
  const batched = await ctx.batch?.resultOf(item);
  const { url, options } = articleItem(item, ctx.sources);
  const result = batched ?? (await ingestUrl(url, ctx.deps, options));
  // In a batch the first item waits for all of them: its own stages are its time.
  const elapsedMs = batched ? stagesMs(result) : performance.now() - started;
  if (result.status === 'failed' && result.stage === 'store' && result.retryable) {
    return { kind: 'article', result, elapsedMs, retry: new JsnewsError(ErrorCode.StoreFailed, `store failed for ${item.url}: ${result.reason}`, true) };
  }
  return { kind: 'article', result, elapsedMs };
}

function stagesMs(result: IngestResult): number {
  const t = result.timings;
  return t.fetchMs + t.archiveMs + t.normalizeMs + t.storeMs;
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
