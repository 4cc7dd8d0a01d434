/**
 * The contract between fetching (lambdas/fetch/) and the pipeline (lambdas/pipeline/).
 * Both sides code against these types; change them only together.
 */
import type { ErrorCodeValue } from '../contract/errors.js';

/** What the store remembers about a URL so the next fetch can be conditional. */
export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

/** A successful HTTP exchange (2xx, or 304 when `notModified`). Bytes are exactly as served. */
export interface FetchedPage {
  kind: 'page';
  /** URL as requested. */
  requestedUrl: string;
  /** URL after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Empty when notModified. */
  body: Uint8Array;
  /** Charset from the Content-Type header, if any (not sniffed). */
  headerCharset: string | null;
  contentType: string | null;
  fetchedAt: string;
  notModified: boolean;
  attempts: number;
  elapsedMs: number;
}

/** A fetch that failed after all retries, or was refused before any request. */
export interface FetchFailure {
  kind: 'failure';
  requestedUrl: string;
  finalUrl: string | null;
  code: ErrorCodeValue;
  /** Human-readable reason, e.g. "HTTP 503 after 3 attempts" or "robots.txt disallows /private/". */
  reason: string;
  status: number | null;
  retryable: boolean;
  attempts: number;
  fetchedAt: string;
}

export type FetchOutcome = FetchedPage | FetchFailure;

export interface Fetcher {
  /**
   * `signal`: the caller's stop (the fetch Lambda's host lease could not be kept, pipeline/polite-batch.ts): the
   * request or body read in progress is aborted and the fetch fails as a retryable timeout with the signal's reason.
   */
  fetch(url: string, conditional?: ConditionalHeaders, signal?: AbortSignal): Promise<FetchOutcome>;
  /**
   * The gap this fetcher keeps between two requests to the URL's host (configured, raised by robots.txt
   * Crawl-delay); 0 with politeness off. The fetch Lambda defers a host's next message by it instead of
   * sleeping (pipeline/polite-batch.ts). Absent: no delay is known.
   */
  politeDelayMs?(url: string): number;
  /** Stops timers and closes connection pools. */
  close(): Promise<void>;
}
