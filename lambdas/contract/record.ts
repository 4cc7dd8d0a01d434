/**
 * The record contract (schemaVersion 1), as fixed in CONTRACT.md. Outside checks rely on every
 * field name, type and meaning here: a change is a new schemaVersion, documented in the README.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const PublishedBasis = z.enum(['meta', 'byline', 'body', 'url']);
export type PublishedBasis = z.infer<typeof PublishedBasis>;

export const Published = z.object({
  text: z.string(),
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  time: z.string().regex(/^\d\d:\d\d$/).nullable(),
  yearInferred: z.boolean(),
  basis: PublishedBasis,
});
export type Published = z.infer<typeof Published>;

export const Person = z.object({ name: z.string(), titles: z.array(z.string()) });
export type Person = z.infer<typeof Person>;

/** Money by ISO code (CNY in yuan; other currencies as written), percentages, percentage points and counts. */
const FIGURE_UNITS = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'KRW', 'RUB', 'AUD', 'TWD', 'percent', 'percentPoint', 'count'] as const;
export const Figure = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.enum(FIGURE_UNITS),
  context: z.string(),
  /** Added in schemaVersion 1 (optional): 超过/多/余 → over, 约/近/左右 → about, 不到/以下 → under, 6500~7000 → range. */
  qualifier: z.enum(['over', 'about', 'under', 'range']).optional(),
  /** The top of a range (qualifier "range"). */
  upper: z.number().optional(),
});
export type Figure = z.infer<typeof Figure>;

export const RawRef = z.object({
  bucket: z.string(),
  key: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  contentType: z.string().nullable(),
  charset: z.string().nullable(),
  status: z.number().int(),
  fetchedAt: z.string(),
});
export type RawRef = z.infer<typeof RawRef>;

export const Quality = z.object({
  pinyinAnnotationsRemoved: z.number().int().min(0),
  suspectedGarbled: z.number().int().min(0),
  warnings: z.array(z.string()),
  /**
   * 0..1: how likely title and body are the page's article and nothing else (calibrated on the labelled bench sets).
   * Added in schemaVersion 1, so optional: readers must accept records without it.
   */
  confidence: z.number().min(0).max(1).optional(),
});
export type Quality = z.infer<typeof Quality>;

export const NewsRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  site: z.object({ host: z.string().nullable(), name: z.string().nullable() }),
  title: z.string(),
  subtitle: z.string().nullable(),
  publishedAt: z.string().nullable(),
  published: Published.nullable(),
  source: z.string().nullable(),
  originalUrl: z.string().nullable(),
  authors: z.array(z.string()),
  editors: z.array(z.string()),
  photographers: z.array(z.string()),
  region: z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable() }),
  people: z.array(Person),
  figures: z.array(Figure),
  paragraphs: z.array(z.string()),
  text: z.string(),
  language: z.string(),
  sourceScript: z.enum(['Hans', 'Hant', 'mixed']),
  quality: Quality,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  simhash: z.string().regex(/^[0-9a-f]{16}$/),
  raw: RawRef.nullable(),
  normalizerVersion: z.string(),
});
export type NewsRecord = z.infer<typeof NewsRecord>;

/** The record's credit fields: who wrote, edited and photographed the article, which outlet and original it reposts. */
export type Credits = Pick<NewsRecord, 'authors' | 'editors' | 'photographers' | 'source' | 'originalUrl'>;

/**
 * What the sources registry (lambdas/sites/) knows about a site's pages: shortcuts for the normalizer, never
 * requirements (the generic path must work without them; the seed tests run with and without).
 */
export const SiteHints = z
  .object({
    /** The site's own name, for pages that name themselves nowhere (no og:site_name, chrome phrase or title bar). */
    siteName: z.string().min(1).optional(),
    /** CSS selector of the article container in the site's template: the body cascade's first layer. */
    bodySelector: z.string().min(1).optional(),
  })
  .strict();
export type SiteHints = z.infer<typeof SiteHints>;

/** What a crawl knows about a page besides its bytes. Everything is optional: a local file has none of it. */
export interface PageContext {
  /** URL the page was fetched from, after redirects. */
  url?: string | null;
  /** When it was fetched (ISO 8601). Without it no year is ever invented. */
  fetchedAt?: string | null;
  /** Charset the caller knows (--charset, or the HTTP Content-Type header). */
  charset?: string | null;
  /** Content-Type header as served, if any. */
  contentType?: string | null;
  /** The input's file name, used only as a hint (`.txt` captures); bytes are sniffed, not trusted by extension. */
  fileName?: string | null;
  /** The hints of the source the page belongs to (Source.hints in lambdas/sites/), if it has any. */
  site?: SiteHints | null;
}
