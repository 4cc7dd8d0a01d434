/** Options of the HTTP fetcher, validated with zod; defaults live here and only here. */
import { z } from 'zod';
import { parseInput } from '../contract/zod-issues.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { ResolveHost } from './url-guard.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

/** One request a second per host is the usual polite floor. */
export const DEFAULT_DELAY_MS = 1000;
/** First try + 2 retries: enough to ride out a restart, not enough to hammer a sick server. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff; doubles per retry. */
export const DEFAULT_BACKOFF_BASE_MS = 1000;
/** No single backoff longer than this. */
export const DEFAULT_BACKOFF_MAX_MS = 30_000;
/** A Retry-After longer than this is not waited for: we give up (retryable) and come back on the next run. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** TCP (+TLS) connect. Chinese provincial sites can be slow from abroad; 10 s covers a slow handshake. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Until the response headers arrive. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
/** Max idle time between body chunks. */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
/**
 * Total budget of one fetch: every attempt, backoff, Retry-After wait, redirect and the body
 * (lambdas/fetch/deadline.ts). 60 s is three normal attempts with their backoff against a slow
 * provincial site; past it, the URL is retried on the next run instead of holding a worker.
 */
export const DEFAULT_FETCH_DEADLINE_MS = 60_000;
/** News pages are < 1 MiB; 10 MiB means something else (a video, a dump) is being served. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Redirect hops followed per fetch (browsers allow 20; sites that need more are misconfigured). */
export const DEFAULT_MAX_REDIRECTS = 5;
/** RFC 9309 §2.4: follow at least five consecutive robots.txt redirects. */
export const ROBOTS_MAX_REDIRECTS = 5;
/** RFC 9309 §2.5: parse at least the first 500 KiB of robots.txt. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours. */
export const DEFAULT_ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/** After a 5xx / unreachable robots.txt (disallow all), try it again after this long. */
export const DEFAULT_ROBOTS_ERROR_TTL_MS = 10 * 60 * 1000;
/** A Crawl-delay above this is capped (a 1 h Crawl-delay would stall a Lambda run; we log the cap). */
export const DEFAULT_MAX_CRAWL_DELAY_MS = 60_000;

const positiveMs = z.number().int().min(0);

export const FetcherOptionsSchema = z
  .object({
    userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
    /** Product token for robots.txt matching; default: the User-Agent's product token. */
    robotsToken: z.string().min(1).optional(),
    /** false = no per-host queue and no delays (benchmarks). robots.txt is still honoured. */
    politeness: z.boolean().default(true),
    delayMs: positiveMs.default(DEFAULT_DELAY_MS),
    /** Per-host delays (from sources' politeness), overriding delayMs. Keys are URL hosts (host[:port]). */
    hostDelayMs: z.record(z.string(), positiveMs).default({}),
    maxCrawlDelayMs: positiveMs.default(DEFAULT_MAX_CRAWL_DELAY_MS),
    respectRobots: z.boolean().default(true),
    robotsTtlMs: positiveMs.default(DEFAULT_ROBOTS_TTL_MS),
    robotsErrorTtlMs: positiveMs.default(DEFAULT_ROBOTS_ERROR_TTL_MS),
    maxAttempts: z.number().int().min(1).max(10).default(DEFAULT_MAX_ATTEMPTS),
    backoffBaseMs: positiveMs.default(DEFAULT_BACKOFF_BASE_MS),
    backoffMaxMs: positiveMs.default(DEFAULT_BACKOFF_MAX_MS),
    maxRetryAfterMs: positiveMs.default(DEFAULT_MAX_RETRY_AFTER_MS),
    connectTimeoutMs: z.number().int().min(1).default(DEFAULT_CONNECT_TIMEOUT_MS),
    headersTimeoutMs: z.number().int().min(1).default(DEFAULT_HEADERS_TIMEOUT_MS),
    bodyTimeoutMs: z.number().int().min(1).default(DEFAULT_BODY_TIMEOUT_MS),
    maxBodyBytes: z.number().int().min(1).default(DEFAULT_MAX_BODY_BYTES),
    deadlineMs: z.number().int().min(1).default(DEFAULT_FETCH_DEADLINE_MS),
    /** Per-host deadlines (from sources' fetchDeadlineMs), overriding deadlineMs. Keys are URL hosts (host[:port]). */
    hostDeadlineMs: z.record(z.string(), z.number().int().min(1)).default({}),
    maxRedirects: z.number().int().min(0).max(20).default(DEFAULT_MAX_REDIRECTS),
    /** Host names (no port) exempt from the SSRF guard, e.g. the replay hosts or 127.0.0.1 in tests. */
    allowHosts: z.array(z.string().min(1)).default([]),
    /** Connect to another address for these host names (like curl --connect-to); Host header unchanged. */
    connectTo: z.record(z.string(), z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) })).default({}),
    /** Resolver for the URL guard (tests inject one); default dns.lookup with all addresses. */
    resolve: z.custom<ResolveHost>((v) => typeof v === 'function', 'must be a function').optional(),
  })
  .strict();

export type FetcherOptionsInput = z.input<typeof FetcherOptionsSchema>;
export type FetcherOptions = z.output<typeof FetcherOptionsSchema>;

/** Validates fetcher options; throws JsnewsError(InvalidArgument) naming the bad fields. */
export function parseFetcherOptions(input: unknown): FetcherOptions {
  return parseInput(FetcherOptionsSchema, input ?? {}, `fetcher options`);
}
