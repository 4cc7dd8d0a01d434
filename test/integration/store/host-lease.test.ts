/** The per-host politeness lease on DynamoDB Local: one holder at a time, nothing before nextAt, only the holder extends. */
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
  it('grants a free host once, refuses it before nextAt saying until when, grants it again from nextAt', async () => {
    const lease = await freshLease();
    tokenOf(await lease.acquire(HOST, T0, T0 + 3_500));
    expect(await lease.acquire(HOST, T0 + 10, T0 + 3_510)).toEqual({ granted: false, nextAtMs: T0 + 3_500 });
    // Another host is not held up by this one.
    expect((await lease.acquire('news.other.example', T0 + 10, T0 + 3_510)).granted).toBe(true);
    expect(await lease.acquire(HOST, T0 + 3_499, T0 + 6_999)).toEqual({ granted: false, nextAtMs: T0 + 3_500 });
    expect((await lease.acquire(HOST, T0 + 3_500, T0 + 7_000)).granted).toBe(true);
  });

  it('of many containers asking at once, exactly one gets the host', async () => {
    const lease = await freshLease();
    const grants = await Promise.all(Array.from({ length: 12 }, () => lease.acquire(HOST, T0, T0 + 3_500)));
    expect(grants.filter((g) => g.granted)).toHaveLength(1);
    expect(grants.filter((g) => !g.granted)).toEqual(Array.from({ length: 11 }, () => ({ granted: false, nextAtMs: T0 + 3_500 })));
  });

  it('the holder extends its lease; an extension moves nextAt on and refuses others until then', async () => {
    const lease = await freshLease();
    const token = tokenOf(await lease.acquire(HOST, T0, T0 + 3_500));
    expect(await lease.extend(HOST, token, T0 + 4_500)).toBe(true);
    expect(await lease.acquire(HOST, T0 + 3_500, T0 + 7_000)).toEqual({ granted: false, nextAtMs: T0 + 4_500 });
    expect((await lease.acquire(HOST, T0 + 4_500, T0 + 8_000)).granted).toBe(true);
  });

  it('a holder that died frees the host at nextAt; its late extension does not move the new holder', async () => {
    const lease = await freshLease();
    const dead = tokenOf(await lease.acquire(HOST, T0, T0 + 3_500));
    const next = tokenOf(await lease.acquire(HOST, T0 + 3_500, T0 + 7_000));
    expect(await lease.extend(HOST, dead, T0 + 9_000)).toBe(false);
    expect(await lease.acquire(HOST, T0 + 7_000 - 1, T0 + 10_000)).toEqual({ granted: false, nextAtMs: T0 + 7_000 });
    expect(await lease.extend(HOST, next, T0 + 8_000)).toBe(true);
  });

  it('hosts are one lease whatever their case', async () => {
    const lease = await freshLease();
    tokenOf(await lease.acquire('WWW.JSSUXUN.EXAMPLE', T0, T0 + 3_500));
    expect((await lease.acquire(HOST, T0, T0 + 3_500)).granted).toBe(false);
  });
});
