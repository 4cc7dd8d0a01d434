import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { backoffMs, MAX_BACKOFF_MS, PERMANENT_BACKOFF_BASE_MS, RETRYABLE_BACKOFF_BASE_MS } from '../../../lambdas/store/failures.js';
import { ErrorCode } from '../../../lambdas/contract/errors.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const T0 = new Date('2024-02-20T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('failures store', () => {
  it('backs off exponentially up to a cap', () => {
    expect(backoffMs(1, true)).toBe(RETRYABLE_BACKOFF_BASE_MS);
    expect(backoffMs(2, true)).toBe(2 * RETRYABLE_BACKOFF_BASE_MS);
    expect(backoffMs(3, true)).toBe(4 * RETRYABLE_BACKOFF_BASE_MS);
    expect(backoffMs(1, false)).toBe(PERMANENT_BACKOFF_BASE_MS);
    expect(backoffMs(30, false)).toBe(MAX_BACKOFF_MS);
  });

  it('records attempts, keeps the first time, schedules retries, clears on success; queries only', async () => {
    const { failures } = await env.freshStores();
    const url = 'http://www.jssuxun.example/a.html';
    const base = { sourceId: 'jssuxun', url, stage: 'fetch' as const, code: ErrorCode.HttpStatus, reason: 'HTTP 503 after 3 attempts', retryable: true, status: 503 };
    const first = await failures.record(base, T0);
    expect(first).toMatchObject({ attempts: 1, firstFailedAt: T0.toISOString(), nextRetryAt: at(RETRYABLE_BACKOFF_BASE_MS).toISOString() });
    const second = await failures.record(base, at(RETRYABLE_BACKOFF_BASE_MS));
    expect(second.attempts).toBe(2);
    expect(second.firstFailedAt).toBe(T0.toISOString());
    expect(second.nextRetryAt).toBe(at(3 * RETRYABLE_BACKOFF_BASE_MS).toISOString());
    await failures.record({ ...base, url: 'http://www.jssuxun.example/b.html', stage: 'normalize', code: ErrorCode.NoArticle, reason: 'no article', retryable: false, status: 200 }, T0);
    await failures.record({ ...base, sourceId: 'other' }, T0);

    env.commands.length = 0;
    expect((await failures.listBySource('jssuxun')).map((f) => f.url).sort()).toEqual([url, 'http://www.jssuxun.example/b.html']);
    expect(await failures.dueFailures('jssuxun', at(RETRYABLE_BACKOFF_BASE_MS))).toEqual([]);
    expect((await failures.dueFailures('jssuxun', at(3 * RETRYABLE_BACKOFF_BASE_MS))).map((f) => f.url)).toEqual([url]);
    const later = await failures.dueFailures('jssuxun', at(PERMANENT_BACKOFF_BASE_MS));
    expect(later.map((f) => f.code).sort()).toEqual([ErrorCode.HttpStatus, ErrorCode.NoArticle].sort());
    expect(env.commands.every((c) => c === 'QueryCommand')).toBe(true);

    await failures.clear('jssuxun', url);
    expect((await failures.listBySource('jssuxun')).map((f) => f.url)).toEqual(['http://www.jssuxun.example/b.html']);
    expect(await failures.listBySource('other')).toHaveLength(1);
  });
});
