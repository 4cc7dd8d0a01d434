/**
 * Messages on the work queues, one zod schema each: producers build them with these types and
 * consumers validate every message body before acting on it.
 *
 * Fetch queue (standard; each host's messages spread over DelaySeconds slots, pipeline/work-queue.ts):
 *   - article: ingest one URL (fetch → archive → normalize → store).
 *   - list: read one list page and enqueue the articles on it; a `walk` continues to the next
 *     list page until the page holds only articles older than `walk.from` (date-range backfill).
 *   - revisit: look again at one tracked article (change tracking), enqueued by the revisit planner.
 * Normalize queue (standard):
 *   - reprocess-day: re-normalize the archived pages one source fetched on one China day.
 */
import { z } from 'zod';
import { MAX_BACKFILL_LIST_PAGES, MAX_SOURCE_ID_CHARS, MAX_URL_CHARS } from '../contract/limits.js';

/** An http(s) URL of at most MAX_URL_CHARS characters. */
export const HttpUrl = z
  .string()
  .max(MAX_URL_CHARS)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
/** A source id, at most MAX_SOURCE_ID_CHARS (the value is never echoed in the error). */
export const SourceId = z.string().min(1).max(MAX_SOURCE_ID_CHARS);

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');

/**
 * A slot past SQS's 900 s DelaySeconds: the fetch Lambda hands the message back until this time (epoch ms)
 * before it asks the host's lease (pipeline/work-queue.ts).
 */
const NotBefore = z.number().int().min(0).optional();

export const ArticleWork = z.object({
  kind: z.literal('article'),
  notBefore: NotBefore,
  url: HttpUrl,
  sourceId: SourceId,
  /** A failure item may exist for the URL (discover knows); false skips the clearing delete. */
  mayHaveFailure: z.boolean().default(true),
});
export type ArticleWork = z.infer<typeof ArticleWork>;

export const ListWork = z.object({
  kind: z.literal('list'),
  notBefore: NotBefore,
  url: HttpUrl,
  sourceId: SourceId,
  pageKind: z.enum(['list', 'rss', 'sitemap']).default('list'),
  /** Date-range walk: this is page `n` of the list that starts at `startUrl`. */
  walk: z.object({ startUrl: HttpUrl, n: z.number().int().min(0).max(MAX_BACKFILL_LIST_PAGES), from: IsoDay, to: IsoDay }).optional(),
});
export type ListWork = z.infer<typeof ListWork>;

/** Revisit one tracked article (change tracking); `url` (the article's) gives the host. */
export const RevisitWork = z.object({
  kind: z.literal('revisit'),
  notBefore: NotBefore,
  id: z.string().regex(/^[0-9a-f]{64}$/, 'a record id'),
  url: HttpUrl,
  sourceId: SourceId,
});
export type RevisitWork = z.infer<typeof RevisitWork>;

export const FetchWork = z.discriminatedUnion('kind', [ArticleWork, ListWork, RevisitWork]);
export type FetchWork = z.infer<typeof FetchWork>;

export const ReprocessDayWork = z.object({ kind: z.literal('reprocess-day'), sourceId: SourceId, day: IsoDay });
export type ReprocessDayWork = z.infer<typeof ReprocessDayWork>;

export const NormalizeWork = ReprocessDayWork;
export type NormalizeWork = ReprocessDayWork;
