/**
 * Messages on the work queues, one zod schema each: producers build them with these types and
 * consumers validate every message body before acting on it.
 *
 * Fetch queue (FIFO, MessageGroupId = host):
 *   - article: ingest one URL (fetch → archive → normalize → store).
 *   - list: read one list page and enqueue the articles on it; a `walk` continues to the next
 *     list page until the page holds only articles older than `walk.from` (date-range backfill).
 * Normalize queue (standard):
 *   - reprocess-day: re-normalize the archived pages one source fetched on one China day.
 */
import { z } from 'zod';

const httpUrl = z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const sourceId = z.string().min(1).max(128);
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');

export const ArticleWork = z.object({
  kind: z.literal('article'),
  url: httpUrl,
  sourceId,
  /** A failure item may exist for the URL (discover knows); false skips the clearing delete. */
  mayHaveFailure: z.boolean().default(true),
});
export type ArticleWork = z.infer<typeof ArticleWork>;

export const ListWork = z.object({
  kind: z.literal('list'),
  url: httpUrl,
  sourceId,
  pageKind: z.enum(['list', 'rss', 'sitemap']).default('list'),
  /** Date-range walk: this is page `n` of the list that starts at `startUrl`. */
  walk: z.object({ startUrl: httpUrl, n: z.number().int().min(0), from: IsoDay, to: IsoDay }).optional(),
});
export type ListWork = z.infer<typeof ListWork>;

export const FetchWork = z.discriminatedUnion('kind', [ArticleWork, ListWork]);
export type FetchWork = z.infer<typeof FetchWork>;

export const ReprocessDayWork = z.object({ kind: z.literal('reprocess-day'), sourceId, day: IsoDay });
export type ReprocessDayWork = z.infer<typeof ReprocessDayWork>;

export const NormalizeWork = ReprocessDayWork;
export type NormalizeWork = ReprocessDayWork;
