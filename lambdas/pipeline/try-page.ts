/**
 * One URL fetched and normalized the way ingest does it (the same fetcher, the same page context:
 * final URL, fetch time, header charset and type, the source's hints), with nothing archived or
 * stored: `jsnews normalize URL` and `jsnews sources check` print what a crawl would store.
 */
import { toJsnewsError, type ErrorCodeValue } from '../contract/errors.js';
import type { NewsRecord, SiteHints } from '../contract/record.js';
import type { PipelineDeps } from './deps.js';

export type TriedPage =
  | { ok: true; url: string; record: NewsRecord; status: number }
  | { ok: false; url: string; stage: 'fetch' | 'normalize'; code: ErrorCodeValue; message: string; status: number | null };

export interface TryPageOptions {
  /** The normalizer's hints for the URL's site (the source's `hints`). */
  site?: SiteHints | null;
  /** Overrides the charset the response's Content-Type gives (as `jsnews normalize --charset`). */
  charset?: string | null;
}

export async function tryPage(url: string, deps: Pick<PipelineDeps, 'fetcher' | 'normalize'>, options: TryPageOptions = {}): Promise<TriedPage> {
  const outcome = await deps.fetcher.fetch(url);
  if (outcome.kind === 'failure') return { ok: false, url, stage: 'fetch', code: outcome.code, message: outcome.reason, status: outcome.status };
  try {
    const record = deps.normalize(outcome.body, {
      url: outcome.finalUrl,
      fetchedAt: outcome.fetchedAt,
      charset: options.charset ?? outcome.headerCharset,
      contentType: outcome.contentType,
      site: options.site ?? null,
    });
    return { ok: true, url, record, status: outcome.status };
  } catch (err) {
    const e = toJsnewsError(err);
    return { ok: false, url, stage: 'normalize', code: e.code, message: e.message, status: outcome.status };
  }
}
