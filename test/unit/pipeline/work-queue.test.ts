import { describe, expect, it } from 'vitest';
import { FETCH_SLOT_WORK_MS, MAX_DELAY_SECONDS, slotFetchWork, workQueueOver } from '../../../lambdas/pipeline/work-queue.js';
import type { FetchWork } from '../../../lambdas/pipeline/work-items.js';
import type { QueueMessage } from '../../../lambdas/store/ports.js';

const delays: Record<string, number> = { 'a.example': 2000, 'b.example': 500 };
const delayMsOf = (url: string) => delays[new URL(url).host] ?? 0;
const art = (url: string): FetchWork => ({ kind: 'article', url, sourceId: 's', mayHaveFailure: true });
const T0 = 1_700_000_000_000;

describe('fetch senders spread a host over DelaySeconds slots', () => {
  it('gives the k-th message of a host k slots of (delay + the work a fetch holds its host for), other hosts their own', () => {
    expect(FETCH_SLOT_WORK_MS).toBe(2000);
    const out = slotFetchWork([art('http://a.example/1'), art('http://b.example/1'), art('http://a.example/2'), art('http://c.example/1'), art('http://a.example/3'), art('http://b.example/2')], { delayMsOf, nowMs: () => T0 }, new Map());
    // a: ceil((2,000 + 2,000) / 1,000) = 4 s a slot; b: ceil(2,500 / 1,000) = 3 s; c: no delay, no slot.
    expect(out.map((m) => m.delaySeconds)).toEqual([0, 0, 4, undefined, 8, 3]);
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
    expect(sent.map((m) => m.delaySeconds)).toEqual([0, 4, 8, 0]);
  });

  it('a slot past 900 s is sent with 900 s and its time as notBefore (a later wave)', () => {
    const many = Array.from({ length: 227 }, (_, i) => art(`http://a.example/${i}`));
    const out = slotFetchWork(many, { delayMsOf, nowMs: () => T0 }, new Map());
    expect(out[225]!.delaySeconds).toBe(MAX_DELAY_SECONDS); // 225 x 4 s = 900 s
    expect(JSON.parse(out[225]!.body).notBefore).toBeUndefined();
    expect(out[226]!.delaySeconds).toBe(MAX_DELAY_SECONDS);
    expect(JSON.parse(out[226]!.body).notBefore).toBe(T0 + 226 * 4000);
  });
});
