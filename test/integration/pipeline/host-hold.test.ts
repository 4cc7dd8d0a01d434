/**
 * The fetch Lambda's host hold (pipeline/polite-batch.ts holdHost) over the DynamoDB lease on DynamoDB Local, with
 * real timers and the real SDK client: two workers never hold one host at once nor closer than its delay, a
 * crashed holder's lease runs out and another takes over, and a stalled extension stops its own fetch before the
 * host can be another's. Times here are orderings checked on the clock, not speed: a grant is dated by the time
 * holdHost itself read (its injected clock's first reading, what the lease's condition compared), never by a second
 * reading taken around the call, which could be a millisecond off (the flake of a 1 ms margin under load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createHostLeaseStore } from '../../../lambdas/store/host-lease-dynamodb.js';
import type { HostLeaseStore } from '../../../lambdas/store/ports.js';
import { holdHost, LEASE_HOLD_MS, type HostHold } from '../../../lambdas/pipeline/polite-batch.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const HOST = 'www.jssuxun.example';
/** The host's delay in these tests: short, so a hold runs out within a test. */
const DELAY_MS = 200;
/** How often the second worker asks for the host. */
const POLL_MS = 50;
const opts = { delayMs: () => DELAY_MS, nowMs: () => Date.now() };
/**
 * How late a real timer may fire on the loaded test machine and still count as "when the hold ends": half the
 * host's delay, so a stop armed for the lease's nextAt (a delay after the hold: the bug) is still caught.
 */
const TIMER_LATENESS_MS = DELAY_MS / 2;

/** holdHost with the clock reading it started from (its first nowMs: the `now` of its acquire's condition). */
async function holdDated(lease: HostLeaseStore): Promise<{ startMs: number; held: Awaited<ReturnType<typeof holdHost>> }> {
  let startMs: number | undefined;
  const held = await holdHost(lease, HOST, {
    ...opts,
    nowMs: () => {
      const now = Date.now();
      startMs ??= now;
      return now;
    },
  });
  return { startMs: startMs!, held };
}
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function freshLease(): Promise<HostLeaseStore> {
  const { tableName } = await env.freshStores();
  return createHostLeaseStore(env.clients.doc, tableName);
}

/** Asks for the host every POLL_MS until granted; the time it was granted (the clock reading its acquire was sent with). */
async function takeWhenFree(lease: HostLeaseStore): Promise<{ at: number; hold: HostHold }> {
  for (;;) {
    const { startMs, held } = await holdDated(lease);
    if (held.granted) return { at: startMs, hold: held.hold };
    await sleep(POLL_MS);
  }
}

describe('host hold over the DynamoDB lease (DynamoDB Local, real timers)', () => {
  it('a slow fetch keeps the host by extensions; the other worker gets it only a delay after the fetch ended', async () => {
    const lease = await freshLease();
    const first = await holdHost(lease, HOST, opts);
    if (!first.granted) throw new Error('refused');
    const second = takeWhenFree(lease);
    await sleep(2 * LEASE_HOLD_MS); // a fetch longer than two holds
    const endedAt = Date.now();
    first.hold.done();
    const { at, hold } = await second;
    hold.done();
    expect(first.hold.signal.aborted).toBe(false);
    expect(at).toBeGreaterThanOrEqual(endedAt + DELAY_MS);
  });

  it('of two workers asking at once one gets the host, the other is told until when', async () => {
    const lease = await freshLease();
    const [a, b] = await Promise.all([holdHost(lease, HOST, opts), holdHost(lease, HOST, opts)]);
    const granted = [a, b].filter((h) => h.granted);
    expect(granted).toHaveLength(1);
    expect([a, b].find((h) => !h.granted)).toEqual({ granted: false, deferSeconds: 2 }); // 1.5 s hold + 0.2 s delay, rounded up
    for (const h of granted) if (h.granted) h.hold.done();
  });

  it('a crashed holder (no extension, no done) frees the host at its hold + delay, and another takes over', async () => {
    const lease = await freshLease();
    const crashedAt = Date.now();
    expect((await lease.acquire(HOST, crashedAt, crashedAt + LEASE_HOLD_MS + DELAY_MS)).granted).toBe(true);
    const { at, hold } = await takeWhenFree(lease);
    hold.done();
    expect(at).toBeGreaterThanOrEqual(crashedAt + LEASE_HOLD_MS + DELAY_MS);
  });

  it('a stalled extension stops its fetch when the hold ends, a delay before anyone else can take the host', async () => {
    const lease = await freshLease();
    // The first worker's extensions never answer (a throttled or partitioned DynamoDB call).
    const stalled: HostLeaseStore = { acquire: (...a) => lease.acquire(...a), extend: () => new Promise<boolean>(() => {}) };
    const { startMs, held: first } = await holdDated(stalled);
    if (!first.granted) throw new Error('refused');
    let stoppedAt = 0;
    first.hold.signal.addEventListener('abort', () => (stoppedAt = Date.now()));
    const { at, hold } = await takeWhenFree(lease);
    const stoppedBeforeGrant = first.hold.signal.aborted;
    hold.done();
    const holdEnd = startMs + LEASE_HOLD_MS;
    expect(stoppedBeforeGrant).toBe(true);
    expect(stoppedAt).toBeGreaterThan(0);
    // The stop fires when the hold ends (a real timer: late by at most TIMER_LATENESS_MS), well before the lease's nextAt.
    expect(stoppedAt).toBeLessThanOrEqual(holdEnd + TIMER_LATENESS_MS);
    // Nobody else has the host until a delay after that end (the lease's nextAt, compared with holdHost's own clock).
    expect(at).toBeGreaterThanOrEqual(holdEnd + DELAY_MS);
  });
});
