/**
 * One fetch-queue item. Throws only when a retry through SQS can help (our stores or the queue
 * failed); everything else (a 404, a page with no article, robots.txt, a flaky site) is already
 * recorded in the failures store by the pipeline, whose backoff brings it back on a later discover
 * run, so the message is acknowledged and the host's FIFO group is not blocked.
 */
import { performance } from 'node:perf_hooks';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { dateFromUrl, listPageUrl, MAX_BACKFILL_LIST_PAGES } from '../pipeline/backfill.js';
import { ingestUrl } from '../pipeline/ingest.js';
import { readListPage } from '../pipeline/list-pages.js';
import type { Observability } from './observability.js';
import { recordEnqueued, recordFailure, recordIngestMetrics } from './observability.js';
import type { HandlerRuntime } from './runtime.js';
import type { ArticleWork, FetchWork, ListWork } from './work-items.js';

export type FetchWorkOutcome = { status: 'done' | 'failed'; enqueued: number; code?: string };

export async function processFetchWork(item: FetchWork, rt: HandlerRuntime, obs: Observability): Promise<FetchWorkOutcome> {
  return item.kind === 'article' ? processArticle(item, rt, obs) : processList(item, rt, obs);
}

async function processArticle(item: ArticleWork, rt: HandlerRuntime, obs: Observability): Promise<FetchWorkOutcome> {
  const started = performance.now();
  const result = await ingestUrl(item.url, rt.deps, { sourceId: item.sourceId, mayHaveFailure: item.mayHaveFailure });
  recordIngestMetrics(obs.metrics, result, performance.now() - started);
  if (result.status !== 'failed') return { status: 'done', enqueued: 0 };
  if (result.stage === 'store') {
    throw new JsnewsError(ErrorCode.StoreFailed, `store failed for ${item.url}: ${result.reason}`, true);
  }
  return { status: 'failed', enqueued: 0, code: result.code };
}

async function processList(item: ListWork, rt: HandlerRuntime, obs: Observability): Promise<FetchWorkOutcome> {
  const source = rt.sources.find((s) => s.id === item.sourceId);
  if (!source) {
    recordFailure(obs.metrics, ErrorCode.InvalidArgument);
    obs.logger.error('list work for an unknown source', { sourceId: item.sourceId, url: item.url });
    return { status: 'failed', enqueued: 0, code: ErrorCode.InvalidArgument };
  }
  const page = await readListPage(item.url, item.pageKind, source, rt.deps, true);
  if (!page.ok) {
    recordFailure(obs.metrics, page.code);
    return { status: 'failed', enqueued: 0, code: page.code };
  }
  let links = page.links;
  const work: FetchWork[] = [];
  if (item.walk) {
    const { from, to, n, startUrl } = item.walk;
    const dated = links.map((url) => ({ url, day: dateFromUrl(url) }));
    links = dated.filter((l) => l.day !== null && l.day >= from && l.day <= to).map((l) => l.url);
    const days = dated.flatMap((l) => (l.day ? [l.day] : []));
    const olderOnly = days.length > 0 && days.every((d) => d < from);
    if (!olderOnly && source.listPageRange && n + 1 < MAX_BACKFILL_LIST_PAGES) {
      work.push({ ...item, url: listPageUrl(source, startUrl, n + 1), walk: { ...item.walk, n: n + 1 } });
    }
  }
  for (const url of links) work.push({ kind: 'article', url, sourceId: source.id, mayHaveFailure: true });
  await rt.queue.sendFetch(work);
  recordEnqueued(obs.metrics, work.length);
  obs.logger.info('list page read', { sourceId: source.id, url: item.url, links: page.links.length, enqueued: work.length });
  return { status: 'done', enqueued: work.length };
}
