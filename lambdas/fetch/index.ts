export type { ConditionalHeaders, FetchedPage, FetchFailure, FetchOutcome, Fetcher } from './types.js';
export { createHttpFetcher, parseContentType } from './http-client.js';
export * from './options.js';
export { checkUrl, isBlockedAddress, type GuardVerdict, type ResolveHost, type UrlGuardOptions } from './url-guard.js';
export { DEFAULT_USER_AGENT, ROBOTS_TOKEN, productToken } from './user-agent.js';
export { parseRetryAfterMs, backoffDelayMs, isRetryableStatus } from './retry.js';
