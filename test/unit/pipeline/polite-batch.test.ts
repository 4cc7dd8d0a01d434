import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { heldFetcher, holdHost, LEASE_EXTEND_LEAD_MS, LEASE_HOLD_MS, splitForPoliteness, type HostHold } from '../../../lambdas/pipeline/polite-batch.js';
import type { Fetcher } from '../../../lambdas/fetch/types.js';
import type { HostLeaseStore, LeaseGrant } from '../../../lambdas/store/ports.js';

interface Msg {
  id: string;
  host: string;
}
const m = (id: string, host: string): Msg => ({ id, host });
const delays: Record<string, number> = { 'a.example': 2000, 'b.example': 500, 'c.example': 0, 'd.example': 61_000 };
const split = (items: Msg[]) => splitForPoliteness(items, (x) => x.host, (x) => delays[x.host] ?? 0);

describe('splitForPoliteness', () => {
  it('handles the first message of each host now and defers the rest of that host until its lease runs out (a hold + the delay), rounded up to seconds', () => {
    expect(LEASE_HOLD_MS).toBe(1500);
    const out = split([m('1', 'a.example'), m('2', 'a.example'), m('3', 'b.example'), m('4', 'a.example'), m('5', 'b.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '3']);
    // a: 1,500 + 2,000 ms = 3.5 s rounds up to 4 s; b: 1,500 + 500 ms = 2 s.
    expect(out.later.map((l) => [l.item.id, l.seconds])).toEqual([
      ['2', 4],
      ['4', 4],
      ['5', 2],
    ]);
  });

  it('handles a whole host group at once when the host has no delay', () => {
    const out = split([m('1', 'c.example'), m('2', 'c.example'), m('3', 'c.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(out.later).toEqual([]);
  });

  it('keeps a long Crawl-delay whole (61 s + the hold) and a single message is never deferred', () => {
    expect(split([m('1', 'd.example'), m('2', 'd.example')]).later.map((l) => l.seconds)).toEqual([63]);
    expect(split([m('1', 'a.example')]).later).toEqual([]);
  });
});

describe('holdHost', () => {
  type Call = [string, ...unknown[]];
  /** A lease that answers acquire with `grant` and each extension with the next of `extensions` (a promise: it may hang). */
  function fakeLease(grant: LeaseGrant, extensions: (() => Promise<boolean>)[] = []) {
    const calls: Call[] = [];
    const lease: HostLeaseStore = {
      acquire: async (...args) => (calls.push(['acquire', ...args]), grant),
      extend: (...args) => (calls.push(['extend', ...args]), (extensions.shift() ?? (async () => true))()),
    };
    return { lease, calls };
  }
  const opts = (delayMs: number) => ({ delayMs: () => delayMs, nowMs: () => Date.now() });
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it('takes the host for one hold plus the delay with one write, and a fetch done within the hold writes nothing more', async () => {
    const { lease, calls } = fakeLease({ granted: true, token: 't1' });
    const held = await holdHost(lease, 'a.example', opts(2000));
    if (!held.granted) throw new Error('refused');
    await vi.advanceTimersByTimeAsync(LEASE_HOLD_MS - LEASE_EXTEND_LEAD_MS - 1);
    held.hold.done();
    await vi.advanceTimersByTimeAsync(60_000);
    // 10,000 + 1,500 hold + 2,000 delay: the next fetch of the host starts a delay after our hold at the earliest.
    expect(calls).toEqual([['acquire', 'a.example', 10_000, 13_500]]);
    expect(held.nextAtMs).toBe(13_500);
    expect(held.hold.signal.aborted).toBe(false);
  });

  it('a slow fetch extends the hold before it ends, each time from the time the extension is sent', async () => {
    const { lease, calls } = fakeLease({ granted: true, token: 't1' });
    const held = await holdHost(lease, 'a.example', opts(2000));
    if (!held.granted) throw new Error('refused');
    await vi.advanceTimersByTimeAsync(2_500); // extensions at +1,000 and +2,000
    held.hold.done();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([
      ['acquire', 'a.example', 10_000, 13_500],
      ['extend', 'a.example', 't1', 14_500],
      ['extend', 'a.example', 't1', 15_500],
    ]);
    expect(held.hold.signal.aborted).toBe(false);
  });

  it('a refused or failed extension stops the fetch at once (retryable)', async () => {
    for (const answer of [async () => false, async () => Promise.reject(new Error('throttled'))]) {
      const lost: unknown[] = [];
      const held = await holdHost(fakeLease({ granted: true, token: 't1' }, [answer]).lease, 'a.example', { ...opts(2000), onLost: (e) => lost.push(e) });
      if (!held.granted) throw new Error('refused');
      await vi.advanceTimersByTimeAsync(LEASE_HOLD_MS - LEASE_EXTEND_LEAD_MS);
      expect(held.hold.signal.aborted).toBe(true);
      expect(held.hold.signal.reason).toMatchObject({ retryable: true, message: expect.stringMatching(/host lease of a\.example could not be kept/) });
      expect(lost).toHaveLength(1);
    }
  });

  it('a stalled extension stops the fetch when the hold ends, not later; its late answer changes nothing', async () => {
    let answer: (kept: boolean) => void = () => {};
    const { lease, calls } = fakeLease({ granted: true, token: 't1' }, [() => new Promise<boolean>((ok) => (answer = ok))]);
    const held = await holdHost(lease, 'a.example', opts(2000));
    if (!held.granted) throw new Error('refused');
    await vi.advanceTimersByTimeAsync(LEASE_HOLD_MS - 1);
    expect(held.hold.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.hold.signal.aborted).toBe(true);
    answer(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.filter(([c]) => c === 'extend')).toHaveLength(1);
  });

  it('a host this container knows not due is refused without asking the lease; one it learnt is due is asked', async () => {
    const known = new Map<string, number>();
    const { lease, calls } = fakeLease({ granted: true, token: 't1' });
    const first = await holdHost(lease, 'a.example', { ...opts(2000), known });
    if (first.granted) first.hold.done();
    expect(known.get('a.example')).toBe(13_500);
    expect(await holdHost(lease, 'a.example', { ...opts(2000), known })).toEqual({ granted: false, deferSeconds: 4 });
    expect(calls).toHaveLength(1);
    // A refusal's answer is learnt too.
    const other = fakeLease({ granted: false, nextAtMs: 15_000 });
    await holdHost(other.lease, 'b.example', { ...opts(2000), known });
    expect(await holdHost(other.lease, 'b.example', { ...opts(2000), known })).toEqual({ granted: false, deferSeconds: 5 });
    expect(other.calls).toHaveLength(1);
    vi.setSystemTime(13_500);
    expect((await holdHost(lease, 'a.example', { ...opts(2000), known })).granted).toBe(true);
    expect(calls.filter(([c]) => c === 'acquire')).toHaveLength(2);
  });

  it('a refused message waits until nextAt, whole seconds, at least 1', async () => {
    const refusedUntil = async (nextAtMs: number) => holdHost(fakeLease({ granted: false, nextAtMs }).lease, 'a.example', opts(2000));
    expect(await refusedUntil(12_100)).toEqual({ granted: false, deferSeconds: 3 });
    expect(await refusedUntil(10_000)).toEqual({ granted: false, deferSeconds: 1 });
  });
});

describe('heldFetcher', () => {
  it('runs the URL\'s one fetch under its hold and ends the hold when the host has answered; a second fetch is refused', async () => {
    const events: string[] = [];
    const signals: (AbortSignal | undefined)[] = [];
    const inner: Fetcher = {
      fetch: async (url, _c, signal) => (events.push(`fetch ${url}`), signals.push(signal), { kind: 'failure', requestedUrl: url, finalUrl: null, code: 'HTTP_STATUS', reason: '404', status: 404, retryable: false, attempts: 1, fetchedAt: '' }),
      close: async () => {},
    };
    const controller = new AbortController();
    const hold: HostHold = { signal: controller.signal, done: () => void events.push('done') };
    const holds = new Map<string, HostHold | 'none'>([['http://a.example/1', hold], ['http://c.example/1', 'none']]);
    const fetcher = heldFetcher(inner, (url) => {
      const h = holds.get(url);
      if (h !== 'none') holds.delete(url);
      return h;
    });
    await fetcher.fetch('http://a.example/1');
    events.push('store');
    await expect(fetcher.fetch('http://a.example/1')).rejects.toThrow(/without its host's lease/);
    await fetcher.fetch('http://c.example/1');
    await fetcher.fetch('http://c.example/1');
    expect(events).toEqual(['fetch http://a.example/1', 'done', 'store', 'fetch http://c.example/1', 'fetch http://c.example/1']);
    expect(signals).toEqual([controller.signal, undefined, undefined]);
  });
});
