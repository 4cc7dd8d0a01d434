/**
 * Backfill: ingest pages a cycle would not reach.
 *   - `{ urls }`: exactly these URLs (each filed under the source whose hosts match, else an ad-hoc id);
 *   - `{ sourceId, listPages: { from, to } }`: the source's list pages n = from..to (0 = the start page
 *     itself, n ≥ 1 = its `listPageRange.template`), every article found on them;
 *   - `{ sourceId, dateRange: { from, to } }`: walk list pages from 0 until they only hold articles
 *     older than `from`, ingesting articles whose URL dates fall in the range.
 * Backfill does not honour failure backoff: asking for a URL means trying it now.
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { findSourceForUrl } from '../sites/load-sources.js';
import { dateFromUrl as urlDate } from '../normalize/extract/dates.js';
import type { Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { ingestUrl } from './ingest.js';
import { readListPage } from './list-pages.js';
import { mapPool } from './pool.js';
import { addResult, countFailure, emptySummary, type SourceSummary } from './summary.js';
import { DEFAULT_URL_CONCURRENCY, type ProgressEvent } from './run-cycle.js';

/** A date-range backfill never walks further than this many list pages per start page (a runaway guard). */
export const MAX_BACKFILL_LIST_PAGES = 200;
/** Placeholder for the page number in a source's listPageRange template. */
const PAGE_PLACEHOLDER = '{n}';


export type BackfillTarget =
  | { urls: string[] }
  | { sourceId: string; listPages: { from: number; to: number } }
  | { sourceId: string; dateRange: { from: string; to: string } };

export interface BackfillOptions {
  onProgress?: (event: ProgressEvent) => void;
  urlConcurrency?: number;
}

/** The day a URL's path names (TRS `t20240220_…`, `/2024/0220/`, `/2024-02-20/`) as YYYY-MM-DD, or null: the normalizer's reading. */
export function dateFromUrl(url: string): string | null {
  const d = urlDate(url);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;
}

/** A source id for URLs no source claims: the host, in the id alphabet. */
export function adHocSourceId(url: string): string {
  return `adhoc-${new URL(url).hostname.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function listPageUrl(source: Source, startUrl: string, n: number): string {
  if (n === 0) return startUrl;
  if (!source.listPageRange) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `source ${source.id} has no listPageRange template: only page 0 exists`);
  }
  return new URL(source.listPageRange.template.replace(PAGE_PLACEHOLDER, String(n)), startUrl).toString();
}

export async function backfill(
  target: BackfillTarget,
  sources: readonly Source[],
  deps: PipelineDeps,
  options: BackfillOptions = {},
): Promise<SourceSummary[]> {
  if ('urls' in target) return backfillUrls(target.urls, sources, deps, options);
  const source = sources.find((s) => s.id === target.sourceId);
  if (!source) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source: ${target.sourceId}`);
  const summary = emptySummary(source.id);
  const urls =
    'listPages' in target
      ? await urlsFromListPages(source, target.listPages, deps, summary)
      : await urlsInDateRange(source, target.dateRange, deps, summary);
  summary.discovered = urls.length;
  await ingestAll(source.id, urls, deps, options, summary);
  return [summary];
}

async function backfillUrls(urls: string[], sources: readonly Source[], deps: PipelineDeps, options: BackfillOptions): Promise<SourceSummary[]> {
  const bySource = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const id = findSourceForUrl(sources, url)?.id ?? adHocSourceId(url);
    bySource.set(id, [...(bySource.get(id) ?? []), url]);
  }
  const summaries: SourceSummary[] = [];
  for (const [sourceId, list] of bySource) {
    const summary = emptySummary(sourceId);
    summary.discovered = list.length;
    await ingestAll(sourceId, list, deps, options, summary);
    summaries.push(summary);
  }
  return summaries;
}

async function ingestAll(sourceId: string, urls: string[], deps: PipelineDeps, options: BackfillOptions, summary: SourceSummary) {
  let done = 0;
  options.onProgress?.({ sourceId, done, total: urls.length, phase: 'discovered' });
  await mapPool(urls, options.urlConcurrency ?? DEFAULT_URL_CONCURRENCY, async (url) => {
    const result = await ingestUrl(url, deps, { sourceId });
    addResult(summary, result);
    options.onProgress?.({ sourceId, done: ++done, total: urls.length, result, phase: 'ingested' });
  });
  options.onProgress?.({ sourceId, done, total: urls.length, phase: 'finished' });
}

async function urlsFromListPages(source: Source, range: { from: number; to: number }, deps: PipelineDeps, summary: SourceSummary) {
  const found = new Set<string>();
  for (const start of source.startPages.filter((p) => p.kind === 'list')) {
    for (let n = range.from; n <= range.to; n++) {
      const page = await readListPage(listPageUrl(source, start.url, n), 'list', source, deps, true);
      if (!page.ok) countFailure(summary, page.code);
      else page.links.forEach((l) => found.add(l));
    }
  }
  return [...found];
}

async function urlsInDateRange(source: Source, range: { from: string; to: string }, deps: PipelineDeps, summary: SourceSummary) {
  const found = new Set<string>();
  for (const start of source.startPages.filter((p) => p.kind === 'list')) {
    for (let n = 0; n < MAX_BACKFILL_LIST_PAGES; n++) {
      if (n > 0 && !source.listPageRange) break;
      const page = await readListPage(listPageUrl(source, start.url, n), 'list', source, deps, true);
      if (!page.ok) {
        // The page after the last one is a 404 on TRS sites: that ends the walk, it is not a failure of the backfill.
        if (n === 0) countFailure(summary, page.code);
        break;
      }
      const dated = page.links.map((url) => ({ url, day: dateFromUrl(url) }));
      for (const l of dated) if (l.day && l.day >= range.from && l.day <= range.to) found.add(l.url);
      const days = dated.flatMap((l) => (l.day ? [l.day] : []));
      if (days.length > 0 && days.every((d) => d < range.from)) break;
    }
  }
  return [...found];
}
