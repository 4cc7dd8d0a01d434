/** Retry timing: exponential backoff with jitter, and Retry-After parsing. */

/** Statuses worth retrying: request timeout, rate limited, and server-side errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Delay before retry number `retry` (1 = first retry): base * 2^(retry-1), capped, with "equal
 * jitter" (half fixed, half random) so clients that failed together do not retry together.
 */
export function backoffDelayMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Null when absent or unparsable. */
export function parseRetryAfterMs(value: string | undefined | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date always names a day or month ("Tue, 20 Feb 2024 ..."); bare numbers like "-5" are junk.
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
