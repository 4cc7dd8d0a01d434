import { describe, expect, it } from 'vitest';
import { FETCH_SLOT_WORK_MS, MAX_DELAY_SECONDS, slotFetchWork, workQueueOver } from '../../../lambdas/pipeline/work-queue.js';
import type { FetchWork } from '../../../lambdas/pipeline/work-items.js';
import { LEASE_HOLD_MS } from '../../../lambdas/pipeline/polite-batch.js';
import { FETCH_BATCHING_WINDOW } from '../../../lib/constructs/functions.js';
import type { QueueMessage } from '../../../lambdas/store/ports.js';

const delays: Record<string, number> = { 'a.example': 2000, 'b.example': 500 };
const delayMsOf = (url: string) => delays[new URL(url).host] ?? 0;
const art = (url: string): FetchWork => ({ kind: 'article', url, sourceId: 's', mayHaveFailure: true });
const T0 = 1_700_000_000_000;

describe('fetch senders spread a host over DelaySeconds slots', () => {
  it('leaves a slot room for the lease hold and the batching window (a later message would meet its host still held)', () => {
    expect(FETCH_BATCHING_WINDOW.toMilliseconds() + LEASE_HOLD_MS).toBeLessThanOrEqual(FETCH_SLOT_WORK_MS);
  });

  it('gives the k-th message of a host k slots of (delay + the work a fetch holds its host for), other hosts their own', () => {
    expect(FETCH_SLOT_WORK_MS).toBe(3000);
    const out = slotFetchWork([art('http://a.example/1'), art('http://b.example/1'), art('http://a.example/2'), art('http://c.example/1'), art('http://a.example/3'), art('http://b.example/2')], { delayMsOf, nowMs: () => T0 }, new Map());
    // a: ceil((2,000 + 3,000) / 1,000) = 5 s a slot; b: ceil(3,500 / 1,000) = 4 s; c: no delay, no slot.
    expect(out.map((m) => m.delaySeconds)).toEqual([0, 0, 5, undefined, 10, 4]);
    expect(JSON.parse(out[0]!.body)).toEqual(art('http://a.example/1'));
  });

  it('continues a host\'s slots across sends of one container, from now once they have passed', async () => {
    const sent: QueueMessage[] = [];
    let now = T0;
    const queue = workQueueOver({ send: async (_q, m) => void sent.push(...m), defer: async () => {} }, { delayMsOf, nowMs: () => now });
    await queue.sendFetch([art('http://a.example/1'), art('http://a.example/2')]);
    await queue.sendFetch([art('http://a.example/3')]);
    now += 60_000;
    await queue.sendFetch([art('http://a.example/4')]);
    expect(sent.map((m) => m.delaySeconds)).toEqual([0, 5, 10, 0]);
  });

  it('a host this container holds gets its first slot when the hold runs out (a list page\'s own articles)', async () => {
    const sent: QueueMessage[] = [];
    const queue = workQueueOver({ send: async (_q, m) => void sent.push(...m), defer: async () => {} }, { delayMsOf, nowMs: () => T0 });
    queue.noteHeld?.('a.example', T0 + 3_500);
    queue.noteHeld?.('a.example', T0 + 1_000); // never earlier than a hold already noted
    await queue.sendFetch([art('http://a.example/1'), art('http://a.example/2'), art('http://b.example/1')]);
    // a: 3.5 s rounds up to 4 s, then one slot (5 s) on: 8.5 s, rounded up; b is not held: now.
    expect(sent.map((m) => m.delaySeconds)).toEqual([4, 9, 0]);
  });

  it('a slot past 900 s is sent with 900 s and its time as notBefore (a later wave)', () => {
    const many = Array.from({ length: 182 }, (_, i) => art(`http://a.example/${i}`));
    const out = slotFetchWork(many, { delayMsOf, nowMs: () => T0 }, new Map());
    expect(out[180]!.delaySeconds).toBe(MAX_DELAY_SECONDS); // 180 x 5 s = 900 s
    expect(JSON.parse(out[180]!.body).notBefore).toBeUndefined();
    expect(out[181]!.delaySeconds).toBe(MAX_DELAY_SECONDS);
    expect(JSON.parse(out[181]!.body).notBefore).toBe(T0 + 181 * 5000);
  });
});
