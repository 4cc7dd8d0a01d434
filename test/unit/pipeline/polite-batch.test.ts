import { describe, expect, it } from 'vitest';
import { leasedFetcher, splitForPoliteness, underHostLease } from '../../../lambdas/pipeline/polite-batch.js';
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
  it('handles the first message of each host now and defers the rest of that host by its delay, rounded up to seconds', () => {
    const out = split([m('1', 'a.example'), m('2', 'a.example'), m('3', 'b.example'), m('4', 'a.example'), m('5', 'b.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '3']);
    // a: 2,000 ms = 2 s; b: 500 ms rounds up to 1 s (never less polite than configured).
    expect(out.later.map((l) => [l.item.id, l.seconds])).toEqual([
      ['2', 2],
      ['4', 2],
      ['5', 1],
    ]);
  });

  it('handles a whole host group at once when the host has no delay', () => {
    const out = split([m('1', 'c.example'), m('2', 'c.example'), m('3', 'c.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(out.later).toEqual([]);
  });

  it('keeps a long Crawl-delay whole (61 s) and a single message is never deferred', () => {
    expect(split([m('1', 'd.example'), m('2', 'd.example')]).later.map((l) => l.seconds)).toEqual([61]);
    expect(split([m('1', 'a.example')]).later).toEqual([]);
  });
});

describe('underHostLease', () => {
  type Call = [string, ...unknown[]];
  function fakeLease(answer: LeaseGrant, opts: { releaseFails?: boolean } = {}) {
    const calls: Call[] = [];
    const lease: HostLeaseStore = {
      acquire: async (...args) => (calls.push(['acquire', ...args]), answer),
      release: async (...args) => {
        calls.push(['release', ...args]);
        if (opts.releaseFails) throw new Error('throttled');
      },
    };
    return { lease, calls };
  }
  const clock = (...times: number[]) => {
    let i = 0;
    return () => times[Math.min(i++, times.length - 1)]!;
  };

  it('holds the host for the budget plus the delay, and gives it back at the end of the work plus the delay', async () => {
    const { lease, calls } = fakeLease({ granted: true, token: 't1' });
    const out = await underHostLease(lease, 'a.example', { delayMs: () => 2000, budgetMs: 60_000, nowMs: clock(1_000, 1_700) }, async () => 'done');
    expect(out).toEqual({ ran: true, value: 'done' });
    expect(calls).toEqual([
      ['acquire', 'a.example', 1_000, 63_000],
      ['release', 'a.example', 't1', 3_700],
    ]);
  });

  it('gives the host back when the work throws, and a failed release only is reported (the hold ends by itself)', async () => {
    const { lease, calls } = fakeLease({ granted: true, token: 't1' });
    await expect(underHostLease(lease, 'a.example', { delayMs: () => 500, budgetMs: 10_000, nowMs: clock(0, 300) }, async () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(calls.at(-1)).toEqual(['release', 'a.example', 't1', 800]);
    const failing = fakeLease({ granted: true, token: 't2' }, { releaseFails: true });
    const errors: unknown[] = [];
    const out = await underHostLease(failing.lease, 'a.example', { delayMs: () => 500, budgetMs: 10_000, nowMs: clock(0), onReleaseError: (e) => errors.push(e) }, async () => 1);
    expect(out).toEqual({ ran: true, value: 1 });
    expect(errors).toHaveLength(1);
  });

  it('a refused message waits until nextAt (whole seconds, at least 1); while another fetch holds the host, one delay', async () => {
    const work = async () => 'never';
    const refusedUntil = async (grant: LeaseGrant, delayMs: number) => underHostLease(fakeLease(grant).lease, 'a.example', { delayMs: () => delayMs, budgetMs: 60_000, nowMs: () => 10_000 }, work);
    expect(await refusedUntil({ granted: false, nextAtMs: 12_100, held: false }, 2000)).toEqual({ ran: false, deferSeconds: 3 });
    expect(await refusedUntil({ granted: false, nextAtMs: 10_000, held: false }, 2000)).toEqual({ ran: false, deferSeconds: 1 });
    expect(await refusedUntil({ granted: false, nextAtMs: 72_000, held: true }, 2000)).toEqual({ ran: false, deferSeconds: 2 });
  });
});

describe('leasedFetcher', () => {
  it('gives the lease back as soon as the host has answered, before the rest of the work; a second fetch is refused', async () => {
    const events: string[] = [];
    const inner: Fetcher = { fetch: async (url) => (events.push(`fetch ${url}`), { kind: 'failure', requestedUrl: url, finalUrl: null, code: 'HTTP_STATUS', reason: '404', status: 404, retryable: false, attempts: 1, fetchedAt: '' }), close: async () => {} };
    const lease: HostLeaseStore = { acquire: async () => ({ granted: true, token: 't' }), release: async (_h, _t, next) => void events.push(`release ${next}`) };
    let now = 0;
    const out = await underHostLease(lease, 'a.example', { delayMs: () => 1000, budgetMs: 60_000, nowMs: () => now }, async (release) => {
      const fetcher = leasedFetcher(inner, release);
      await fetcher.fetch('http://a.example/1');
      now = 5_000; // normalizing and storing take long: the host is free from the fetch's end + the delay
      events.push('store');
      await expect(fetcher.fetch('http://a.example/2')).rejects.toThrow(/outside the host's lease/);
      return 'ok';
    });
    expect(out).toEqual({ ran: true, value: 'ok' });
    expect(events).toEqual(['fetch http://a.example/1', 'release 1000', 'store']);
  });
});
