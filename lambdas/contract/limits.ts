/**
 * Input limits shared by every entry point (CLI options, the backfill Lambda payload, the work-queue
 * messages, the sources registry): one number each, so what one door accepts the next one does too.
 */

/**
 * URLs one backfill request may name. One Lambda invocation enqueues them all; its 6 MB payload cap
 * holds ~50k typical news URLs (~120 bytes each), so 10k keeps a 5x margin.
 */
export const MAX_BACKFILL_URLS = 10_000;

/**
 * List pages one backfill reads per list start page (a `--pages` range, or a date walk): a runaway
 * guard. The deepest TRS archive in the sources (jschina, 2024) has ~160 pages of 20 links.
 */
export const MAX_BACKFILL_LIST_PAGES = 200;

/** Characters in a source id (ids are short slugs such as `jschina-jsnews`; 128 leaves ample room). */
export const MAX_SOURCE_ID_CHARS = 128;

/** Characters in a URL we accept to fetch or enqueue: the sitemap protocol's cap on a <loc>. */
export const MAX_URL_CHARS = 2_048;

/** Characters of an offending value quoted back in an error message; the rest is elided. */
export const MAX_ECHO_CHARS = 80;

/** A value for an error message: at most MAX_ECHO_CHARS characters, JSON-quoted, with the original length when cut. */
export function echo(value: string): string {
  if (value.length <= MAX_ECHO_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, MAX_ECHO_CHARS))}… (${value.length} characters)`;
}
