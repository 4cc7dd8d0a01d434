/**
 * The shape of a source (one news site we crawl) and its validation. Entries live in sources.ts
 * (data only); a JSON override file can replace them at run time (load-sources.ts).
 */
import { z } from 'zod';
import { SiteHints } from '../contract/record.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { MAX_SOURCE_ID_CHARS } from '../contract/limits.js';

/** Default gap between two requests to one host: one request a second is the usual polite floor. */
/**
 * Links generic discovery reads from one start page, in page order. Real list pages of the seed sites and the bench's
 * list pages hold 40-400 links; 2,000 leaves a wide margin while bounding a hostile page (100k links were all queued).
 */
export const DEFAULT_MAX_LINKS_PER_PAGE = 2_000;
/** The most a source may raise it to (a sitemap-like list page). */
export const MAX_LINKS_PER_PAGE_LIMIT = 50_000;

export const DEFAULT_DELAY_MS = 1000;

// EventBridge Scheduler accepts `rate(<n> minute|minutes|hour|hours|day|days)` and a six-field
// `cron(min hour day-of-month month day-of-week year)`. We check the outer form, not every field.
const RATE_EXPRESSION = /^rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)$/;
const CRON_EXPRESSION = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;
// A backfill list-page template must say where the page number goes.
const PAGE_NUMBER_PLACEHOLDER = '{n}';

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' });

const regexString = z.string().min(1).superRefine((pattern, ctx) => {
  try {
    new RegExp(pattern);
  } catch (err) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a valid regular expression: ${(err as Error).message}` });
  }
});

export const StartPageKind = z.enum(['list', 'rss', 'sitemap']);
export type StartPageKind = z.infer<typeof StartPageKind>;

export const StartPage = z.object({
  url: httpUrl,
  kind: StartPageKind,
  /** Human label of the channel, e.g. 江苏要闻. */
  label: z.string().optional(),
});
export type StartPage = z.infer<typeof StartPage>;

export const Politeness = z.object({
  delayMs: z.number().int().min(0).default(DEFAULT_DELAY_MS),
  /** One request in flight per host; the literal keeps anyone from raising it by config. */
  maxConcurrency: z.literal(1).default(1),
});
export type Politeness = z.infer<typeof Politeness>;

/**
 * How a source's articles are revisited to catch edits and takedowns (lambdas/pipeline/revisit-schedule.ts):
 * hours after the first sighting, then one revisit every `everyHours`; `confirmDeletionAfterHours` is the
 * least gap between the two "gone" sightings that confirm a deletion.
 */
/**
 * Offsets from the first sighting, in hours (+1 h, +1 d, +3 d, +7 d, +30 d). Edits cluster in the first
 * hours (typo and figure corrections), takedowns in the first days; after a month an article rarely changes.
 */
export const DEFAULT_REVISIT_AFTER_HOURS: readonly number[] = [1, 24, 72, 168, 720];
/** After the last offset, one revisit per this many hours (30 days). */
export const DEFAULT_REVISIT_EVERY_HOURS = 720;
/** Two "gone" sightings at least this far apart confirm a deletion: one hour rides out a short outage or a CMS republish. */
export const DEFAULT_CONFIRM_DELETION_AFTER_HOURS = 1;

export const RevisitPolicy = z
  .object({
    enabled: z.boolean().default(true),
    afterHours: z.array(z.number().positive()).min(1).default([...DEFAULT_REVISIT_AFTER_HOURS]),
    everyHours: z.number().positive().default(DEFAULT_REVISIT_EVERY_HOURS),
    confirmDeletionAfterHours: z.number().min(0).default(DEFAULT_CONFIRM_DELETION_AFTER_HOURS),
  })
  .strict();
export type RevisitPolicy = z.infer<typeof RevisitPolicy>;

/**
 * Bounds of a source's own fetch deadline (fetch/deadline.ts; default 60 s there). At least 1 s, or
 * no real page arrives; at most 120 s, so a batch of URLs still fits the fetch Lambda's 5 minutes.
 */
export const MIN_FETCH_DEADLINE_MS = 1_000;
export const MAX_FETCH_DEADLINE_MS = 120_000;

export const ScheduleExpression = z
  .string()
  .refine((s) => RATE_EXPRESSION.test(s) || CRON_EXPRESSION.test(s), {
    message: 'must be an EventBridge Scheduler expression like "rate(1 hour)" or "cron(0 */2 * * ? *)"',
  });

export const Source = z
  .object({
    id: z.string().max(MAX_SOURCE_ID_CHARS).regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'a bare host name (no scheme, port or path)')).min(1),
    startPages: z.array(StartPage).min(1),
    /** Regexes (as strings) matched against absolute article URLs. When present they are authoritative. */
    articleUrlPatterns: z.array(regexString).default([]),
    schedule: ScheduleExpression,
    politeness: Politeness.default({}),
    /** Total time budget of one fetch from this source's hosts; the fetcher's default (60 s) when absent. */
    fetchDeadlineMs: z.number().int().min(MIN_FETCH_DEADLINE_MS).max(MAX_FETCH_DEADLINE_MS).optional(),
    /** Links read per start page by generic discovery (the first ones in page order); DEFAULT_MAX_LINKS_PER_PAGE when absent. */
    maxLinksPerPage: z.number().int().min(1).max(MAX_LINKS_PER_PAGE_LIMIT).optional(),
    enabled: z.boolean(),
    /** Backfill: list pages after the first, relative to each list start page, e.g. `index_{n}.shtml` (n = 1, 2, ...). */
    listPageRange: z
      .object({
        template: z.string().includes(PAGE_NUMBER_PLACEHOLDER, { message: `must contain ${PAGE_NUMBER_PLACEHOLDER}` }),
        first: z.number().int().min(0).default(1),
        last: z.number().int().min(0),
      })
      .refine((r) => r.last >= r.first, { message: 'last must be >= first' })
      .optional(),
    /** Charset the site is known to serve, when its headers do not say (a hint, never trusted over the bytes). */
    charsetHint: z.string().optional(),
    /** What the normalizer may use for this site's pages (its name, its template's article container): PageContext.site. */
    hints: SiteHints.optional(),
    /** Revisits for change tracking; defaults apply when absent. */
    revisit: RevisitPolicy.default({}),
    notes: z.string().optional(),
  })
  .superRefine((source, ctx) => {
    source.startPages.forEach((page, i) => {
      const host = new URL(page.url).hostname;
      if (!source.hosts.includes(host)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startPages', i, 'url'], message: `host ${host} is not in hosts` });
      }
    });
  });
/** A validated source; defaults (politeness, patterns) are filled in. */
export type Source = z.infer<typeof Source>;
/** What a sources file or sources.ts entry may omit (defaults apply). */
export type SourceInput = z.input<typeof Source>;

export const SourceList = z.array(Source).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, 'id'], message: `duplicate source id ${s.id}` });
    seen.add(s.id);
  });
});

/** Per-host fetch deadlines of the sources that set one, for the fetcher's hostDeadlineMs. */
export function hostDeadlines(sources: readonly Source[]): Record<string, number> {
  const deadlines: Record<string, number> = {};
  for (const s of sources) if (s.fetchDeadlineMs !== undefined) for (const host of s.hosts) deadlines[host] = s.fetchDeadlineMs;
  return deadlines;
}

/** List page `n` of the list starting at `startUrl` (0 = the start page itself), from the source's listPageRange template. */
export function listPageUrl(source: Source, startUrl: string, n: number): string {
  if (n === 0) return startUrl;
  if (!source.listPageRange) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `source ${source.id} has no listPageRange template: only page 0 exists`);
  }
  return new URL(source.listPageRange.template.replace(PAGE_NUMBER_PLACEHOLDER, String(n)), startUrl).toString();
}

/** Expands a source's backfill template into list-page URLs, relative to each list start page. */
export function listPageUrls(source: Source): string[] {
  const range = source.listPageRange;
  const lists = source.startPages.filter((p) => p.kind === 'list');
  if (!range) return lists.map((p) => p.url);
  const urls: string[] = [];
  for (const page of lists) {
    urls.push(page.url);
    for (let n = range.first; n <= range.last; n++) urls.push(listPageUrl(source, page.url, n));
  }
  return urls;
}
