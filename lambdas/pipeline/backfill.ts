/**
 * Backfill: pages a cycle would not reach, planned once as work items (work-items.ts) and then run
 * either inline (`jsnews backfill`, runBackfill below) or queued (the backfill Lambda enqueues the
 * plan, the fetch and normalize Lambdas consume it). The plan of a request (backfill-payload.ts):
 *   - urls → one article item each (filed under the source whose hosts match, else an ad-hoc id);
 *   - listPages → one list item per list start page and page number n = from..to (0 = the start page
 *     itself, n ≥ 1 = its `listPageRange.template`), every article found on them;
 *   - date range → one walking list item per list start page (page 0; each page yields the next,
 *     list-work.ts has the walk rule), articles whose URL dates fall in the range;
 *   - reprocess → one reprocess-day item per archived (source, day).
 * Backfill does not honour failure backoff: asking for a URL means trying it now.
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { echo } from '../contract/limits.js';
import { findSourceForUrl } from '../sites/load-sources.js';
import { listPageUrl, type Source } from '../sites/sources-schema.js';
import type { Archive } from '../store/ports.js';
import { parseBackfillPayload, type BackfillRequest } from './backfill-payload.js';
import type { PipelineDeps } from './deps.js';
import { ingestInBatches } from './ingest.js';
import { readListWork } from './list-work.js';
import { DEFAULT_URL_CONCURRENCY, type ProgressEvent } from './run-cycle.js';
import { addResult, countFailure, emptySummary, type SourceSummary } from './summary.js';
import type { FetchWork, ListWork, NormalizeWork } from './work-items.js';

export interface BackfillPlan {
  fetch: FetchWork[];
  normalize: NormalizeWork[];
}

/** A source id for URLs no source claims: the host, in the id alphabet. */
export function adHocSourceId(url: string): string {
  return `adhoc-${new URL(url).hostname.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export async function planBackfill(request: BackfillRequest, sources: readonly Source[], archive: Pick<Archive, 'listDays'>): Promise<BackfillPlan> {
  switch (request.kind) {
    case 'urls':
      return {
        fetch: request.urls.map((url) => ({ kind: 'article', url, sourceId: findSourceForUrl(sources, url)?.id ?? adHocSourceId(url), mayHaveFailure: true })),
        normalize: [],
      };
    case 'listPages': {
      const source = findSource(sources, request.sourceId);
      const fetch: FetchWork[] = [];
      for (const start of listStarts(source)) {
        for (let n = request.from; n <= request.to; n++) {
          fetch.push({ kind: 'list', url: listPageUrl(source, start, n), sourceId: source.id, pageKind: 'list' });
        }
      }
      return { fetch, normalize: [] };
    }
    case 'dateRange': {
      const source = findSource(sources, request.sourceId);
      const walk = { n: 0, from: request.from, to: request.to };
      return {
        fetch: listStarts(source).map((start) => ({ kind: 'list', url: start, sourceId: source.id, pageKind: 'list', walk: { ...walk, startUrl: start } })),
        normalize: [],
      };
    }
    case 'reprocess': {
      const days = await archive.listDays(request.selection);
      return { fetch: [], normalize: days.map((d) => ({ kind: 'reprocess-day', sourceId: d.sourceId, day: d.day })) };
    }
  }
}

export function findSource(sources: readonly Source[], id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source ${echo(id)} (known: ${sources.map((s) => s.id).join(', ')})`);
  return source;
}

function listStarts(source: Source): string[] {
  const starts = source.startPages.filter((p) => p.kind === 'list').map((p) => p.url);
  if (starts.length === 0) throw new JsnewsError(ErrorCode.InvalidArgument, `source ${source.id} has no list start pages to backfill from`);
  return starts;
}

/** What `jsnews backfill` asks for (a date range is `dateRange: {from, to}` there). */
export type BackfillTarget =
  | { urls: string[] }
  | { sourceId: string; listPages: { from: number; to: number } }
  | { sourceId: string; dateRange: { from: string; to: string } };

export interface BackfillOptions {
  onProgress?: (event: ProgressEvent) => void;
  urlConcurrency?: number;
}

/** The backfill payload of a CLI target: the same request the Lambda validates, limits included. */
export function backfillPayloadOf(target: BackfillTarget): unknown {
  return 'dateRange' in target ? { sourceId: target.sourceId, ...target.dateRange } : target;
}

/** Inline backfill: validate, plan, then read the list work (each walk in order), then ingest the articles per source. */
export async function backfill(target: BackfillTarget, sources: readonly Source[], deps: PipelineDeps, options: BackfillOptions = {}): Promise<SourceSummary[]> {
  const plan = await planBackfill(parseBackfillPayload(backfillPayloadOf(target)), sources, deps.stores.archive);
  return runBackfill(plan, sources, deps, options);
}

export async function runBackfill(plan: BackfillPlan, sources: readonly Source[], deps: PipelineDeps, options: BackfillOptions = {}): Promise<SourceSummary[]> {
  const summaries = new Map<string, { summary: SourceSummary; urls: Set<string> }>();
  const of = (sourceId: string) => {
    let entry = summaries.get(sourceId);
    if (!entry) summaries.set(sourceId, (entry = { summary: emptySummary(sourceId), urls: new Set() }));
    return entry;
  };
  const lists: ListWork[] = [];
  for (const item of plan.fetch) {
    if (item.kind === 'article') of(item.sourceId).urls.add(item.url);
    else if (item.kind === 'list') lists.push(item);
  }
  for (let item = lists.shift(); item; item = lists.shift()) {
    const entry = of(item.sourceId);
    const result = await readListWork(item, findSource(sources, item.sourceId), deps);
    if (!result.ok) {
      if (result.counts) countFailure(entry.summary, result.code);
      continue;
    }
    for (const url of result.articles) entry.urls.add(url);
    if (result.next) lists.unshift(result.next); // depth first: a walk is read to its end before the next start page
  }
  for (const { summary, urls } of summaries.values()) {
    summary.discovered = urls.size;
    await ingestAll(summary, [...urls], deps, options, sources.find((s) => s.id === summary.sourceId)?.hints);
  }
  return [...summaries.values()].map((e) => e.summary);
}

async function ingestAll(summary: SourceSummary, urls: string[], deps: PipelineDeps, options: BackfillOptions, site: Source['hints']) {
  const { sourceId } = summary;
  let done = 0;
  options.onProgress?.({ sourceId, done, total: urls.length, phase: 'discovered' });
  const items = urls.map((url) => ({ url, options: { sourceId, site, keepStoredOnFetchFailure: true } }));
  await ingestInBatches(items, deps, {
    lanes: options.urlConcurrency ?? DEFAULT_URL_CONCURRENCY,
    onResult: (result) => {
      addResult(summary, result);
      options.onProgress?.({ sourceId, done: ++done, total: urls.length, result, phase: 'ingested' });
    },
  });
  options.onProgress?.({ sourceId, done, total: urls.length, phase: 'finished' });
}
