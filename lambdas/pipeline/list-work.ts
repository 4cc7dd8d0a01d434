/**
 * One list-page work item, read the same way by the inline backfill (`jsnews backfill`) and the
 * fetch Lambda (queued backfill): read the page, keep its article links, and for a date walk decide
 * whether the next list page is read. The one date-walk rule:
 *   - articles are kept when the day in their URL lies in [from, to];
 *   - the walk goes on to page n + 1 unless every dated link on the page is older than `from`, the
 *     source has no listPageRange template, or MAX_BACKFILL_LIST_PAGES pages were read;
 *   - a page that fails ends the walk; only page 0 failing counts as a failure of the backfill (the
 *     page after the last one is a 404 on TRS sites: that is the end of the list, not an error).
 */
import type { ErrorCodeValue } from '../contract/errors.js';
import { MAX_BACKFILL_LIST_PAGES } from '../contract/limits.js';
import { dateFromUrl as urlDate } from '../normalize/extract/dates.js';
import { listPageUrl, type Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { readListPage } from './list-pages.js';
import type { ListWork } from './work-items.js';

/** The day a URL's path names (TRS `t20240220_…`, `/2024/0220/`, `/2024-02-20/`) as YYYY-MM-DD, or null: the normalizer's reading. */
export function dateFromUrl(url: string): string | null {
  const d = urlDate(url);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;
}

export type ListWorkResult =
  | { ok: true; links: number; articles: string[]; next?: ListWork }
  | { ok: false; code: ErrorCodeValue; /** Whether it counts as a failure of the backfill (see the walk rule above). */ counts: boolean };

/** What a list page yields, given the links on it: the article URLs to keep and the next walk step. */
export function walkStep(item: ListWork, links: readonly string[], source: Source): { articles: string[]; next?: ListWork } {
  if (!item.walk) return { articles: [...links] };
  const { from, to, n, startUrl } = item.walk;
  const dated = links.map((url) => ({ url, day: dateFromUrl(url) }));
  const articles = dated.filter((l) => l.day !== null && l.day >= from && l.day <= to).map((l) => l.url);
  const days = dated.flatMap((l) => (l.day ? [l.day] : []));
  const olderOnly = days.length > 0 && days.every((d) => d < from);
  if (olderOnly || !source.listPageRange || n + 1 >= MAX_BACKFILL_LIST_PAGES) return { articles };
  return { articles, next: { ...item, url: listPageUrl(source, startUrl, n + 1), walk: { ...item.walk, n: n + 1 } } };
}

export async function readListWork(item: ListWork, source: Source, deps: PipelineDeps): Promise<ListWorkResult> {
  const page = await readListPage(item.url, item.pageKind, source, deps, true);
  if (!page.ok) return { ok: false, code: page.code, counts: !item.walk || item.walk.n === 0 };
  return { ok: true, links: page.links.length, ...walkStep(item, page.links, source) };
}
