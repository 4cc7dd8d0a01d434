import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../lambdas/store/failures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('failure backoff', () => {
  it('a transient store failure (our outage) is due again at once, on every attempt', () => {
    for (const attempts of [1, 2, 5]) expect(retryDelayMs({ stage: 'store', retryable: true }, attempts)).toBe(0);
  });

  it('a permanent store failure backs off like any permanent failure: 24 h, then doubling', () => {
    expect(retryDelayMs({ stage: 'store', retryable: false }, 1)).toBe(24 * HOUR);
    expect(retryDelayMs({ stage: 'store', retryable: false }, 2)).toBe(48 * HOUR);
  });

  it('a transient fetch failure waits 15 minutes, then doubling, capped at a week', () => {
    expect(retryDelayMs({ stage: 'fetch', retryable: true }, 1)).toBe(15 * MIN);
    expect(retryDelayMs({ stage: 'fetch', retryable: true }, 3)).toBe(60 * MIN);
    expect(retryDelayMs({ stage: 'fetch', retryable: true }, 30)).toBe(7 * 24 * HOUR);
  });
});
