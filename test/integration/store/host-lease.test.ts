/** The per-host politeness lease on DynamoDB Local: one holder at a time, nothing before nextAt, a stale release moves nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createHostLeaseStore } from '../../../lambdas/store/host-lease-dynamodb.js';
import type { HostLeaseStore } from '../../../lambdas/store/ports.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const T0 = Date.parse('2024-02-20T00:00:00.000Z');
const HOST = 'www.jssuxun.example';

async function freshLease(): Promise<HostLeaseStore> {
  const { tableName } = await env.freshStores();
  return createHostLeaseStore(env.clients.doc, tableName);
}

function tokenOf(grant: Awaited<ReturnType<HostLeaseStore['acquire']>>): string {
  if (!grant.granted) throw new Error(`lease refused until ${grant.nextAtMs}`);
  return grant.token;
}

describe('host lease (DynamoDB Local)', () => {
  it('grants a free host once, refuses it while held and before nextAt, grants it again from nextAt', async () => {
    const lease = await freshLease();
    const token = tokenOf(await lease.acquire(HOST, T0, T0 + 60_000));
    expect(await lease.acquire(HOST, T0 + 10, T0 + 60_010)).toEqual({ granted: false, nextAtMs: T0 + 60_000, held: true });
    // Another host is not held up by this one.
    expect((await lease.acquire('news.other.example', T0 + 10, T0 + 60_010)).granted).toBe(true);

    await lease.release(HOST, token, T0 + 500 + 2_000); // the fetch ended at +500 ms, the host's delay is 2 s
    expect(await lease.acquire(HOST, T0 + 2_499, T0 + 62_499)).toEqual({ granted: false, nextAtMs: T0 + 2_500, held: false });
    expect((await lease.acquire(HOST, T0 + 2_500, T0 + 62_500)).granted).toBe(true);
  });

  it('of many containers asking at once, exactly one gets the host', async () => {
    const lease = await freshLease();
    const grants = await Promise.all(Array.from({ length: 12 }, () => lease.acquire(HOST, T0, T0 + 60_000)));
    expect(grants.filter((g) => g.granted)).toHaveLength(1);
    expect(grants.filter((g) => !g.granted)).toHaveLength(11);
  });

  it('a holder that died frees the host when its hold ends; its late release does not move the new holder', async () => {
    const lease = await freshLease();
    const dead = tokenOf(await lease.acquire(HOST, T0, T0 + 60_000));
    expect((await lease.acquire(HOST, T0 + 59_999, T0 + 119_999)).granted).toBe(false);
    const next = tokenOf(await lease.acquire(HOST, T0 + 60_000, T0 + 120_000));
    await lease.release(HOST, dead, T0 + 61_000);
    expect(await lease.acquire(HOST, T0 + 61_000, T0 + 121_000)).toEqual({ granted: false, nextAtMs: T0 + 120_000, held: true });
    await lease.release(HOST, next, T0 + 62_000);
    expect((await lease.acquire(HOST, T0 + 62_000, T0 + 122_000)).granted).toBe(true);
  });

  it('hosts are one lease whatever their case', async () => {
    const lease = await freshLease();
    tokenOf(await lease.acquire('WWW.JSSUXUN.EXAMPLE', T0, T0 + 60_000));
    expect((await lease.acquire(HOST, T0, T0 + 60_000)).granted).toBe(false);
  });
});
