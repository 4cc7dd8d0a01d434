/**
 * An in-process Fetcher over a map of URL → page, for pipeline tests that must not depend on the
 * network stack: ETag-based 304s, statuses, and a request log. (The real fetcher is tested against
 * a real HTTP server in test/integration/fetch/; the full cycle test uses it with the replay server.)
 */
import { createHash } from 'node:crypto';
import type { ConditionalHeaders, Fetcher, FetchOutcome } from '../../lambdas/fetch/types.js';
import { ErrorCode } from '../../lambdas/contract/errors.js';

export interface MemoryPage {
  body: string;
  status?: number;
  contentType?: string;
}

export interface MemoryFetcher extends Fetcher {
  pages: Map<string, MemoryPage>;
  log: { url: string; status: number }[];
  now: () => string;
}

export function createMemoryFetcher(pages: Record<string, MemoryPage>, now: () => string): MemoryFetcher {
  const map = new Map(Object.entries(pages));
  const log: { url: string; status: number }[] = [];
  return {
    pages: map,
    log,
    now,
    async fetch(url: string, conditional?: ConditionalHeaders): Promise<FetchOutcome> {
      const page = map.get(url);
      const status = page ? (page.status ?? 200) : 404;
      if (!page || status >= 400) {
        log.push({ url, status });
        return { kind: 'failure', requestedUrl: url, finalUrl: url, code: ErrorCode.HttpStatus, reason: `HTTP ${status}`, status, retryable: status >= 500, attempts: 1, fetchedAt: now() };
      }
      const body = new TextEncoder().encode(page.body);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      const notModified = conditional?.etag === etag;
      log.push({ url, status: notModified ? 304 : status });
      const contentType = page.contentType ?? 'text/html; charset=utf-8';
      return {
        kind: 'page',
        requestedUrl: url,
        finalUrl: url,
        status: notModified ? 304 : status,
        headers: { etag, 'content-type': contentType },
        body: notModified ? new Uint8Array() : body,
        headerCharset: 'utf-8',
        contentType,
        fetchedAt: now(),
        notModified,
        attempts: 1,
        elapsedMs: 0,
      };
    },
    async close() {},
  };
}
