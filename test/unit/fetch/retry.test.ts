import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from '../../../lambdas/fetch/retry.js';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2024-02-20T01:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfterMs('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfterMs('Tue, 20 Feb 2024 01:00:30 GMT', now)).toBe(30_000));
  it('clamps a past date to 0', () => expect(parseRetryAfterMs('Tue, 20 Feb 2024 00:00:00 GMT', now)).toBe(0));
  it('ignores junk and absence', () => {
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('-5', now)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles per retry between half and all of the exponential step', () => {
    expect(backoffDelayMs(1, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffDelayMs(1, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, 1000, 30_000, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, 1000, 30_000, () => 1)).toBe(4000);
  });
  it('is capped', () => expect(backoffDelayMs(20, 1000, 30_000, () => 1)).toBe(30_000));
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 304, 400, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });
});
