/**
 * The total deadline of one fetch (issue 10 item 4) against a real node:http server: a body that
 * trickles, a server that never answers and a long Retry-After all end within the deadline, as
 * a retryable FETCH_TIMEOUT / HTTP_STATUS failure. Before the deadline, a trickling body held a
 * fetch for as long as the server liked (91 s seen) and Retry-After 60 stretched one URL to 121 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { createHttpFetcher, type FetcherOptionsInput } from '../../../lambdas/fetch/index.js';
import type { Fetcher, FetchFailure, FetchOutcome } from '../../../lambdas/fetch/types.js';
import { startTestServer, type Route, type TestServer } from './helpers/test-server.js';

const DEADLINE_MS = 1_500;
/** The deadline plus generous slack for a machine shared by many processes. */
const WITHIN_MS = DEADLINE_MS + 2_000;
const BASE: FetcherOptionsInput = { allowHosts: ['127.0.0.1'], delayMs: 0, backoffBaseMs: 5, backoffMaxMs: 20, respectRobots: false, deadlineMs: DEADLINE_MS };

let server: TestServer | undefined;
let fetcher: Fetcher | undefined;
const timers = new Set<NodeJS.Timeout>();
afterEach(async () => {
  for (const t of timers) clearInterval(t);
  timers.clear();
  await fetcher?.close();
  await server?.close();
  fetcher = undefined;
  server = undefined;
});

async function setup(routes: Record<string, Route>, options: FetcherOptionsInput = {}) {
  server = await startTestServer(routes);
  fetcher = createHttpFetcher({ ...BASE, ...options });
  return { s: server, f: fetcher };
}

function asFailure(o: FetchOutcome): FetchFailure {
  if (o.kind !== 'failure') throw new Error(`expected a failure, got HTTP ${o.status}`);
  return o;
}

/** Sends one byte every `everyMs` for as long as the client listens (far longer than the deadline). */
function trickle(res: ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('a')), everyMs);
  timers.add(t);
}

async function timed(work: () => Promise<FetchOutcome>): Promise<{ outcome: FetchOutcome; ms: number }> {
  const t = Date.now();
  const outcome = await work();
  return { outcome, ms: Date.now() - t };
}

describe('fetch deadline', () => {
  it('ends a body trickling one byte every 100 ms (the chunk gap timer never fires)', async () => {
    const { s, f } = await setup({ '/trickle': (_q, res) => trickle(res, 100) });
    const { outcome, ms } = await timed(() => f.fetch(`${s.origin}/trickle`));
    expect(asFailure(outcome)).toMatchObject({ code: 'FETCH_TIMEOUT', retryable: true });
    expect(asFailure(outcome).reason).toMatch(/deadline of 1.5 s/);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('the caller\'s signal (a host lease that could not be kept) ends a trickling body at once, with its reason', async () => {
    const { s, f } = await setup({ '/trickle': (_q, res) => trickle(res, 100) }, { deadlineMs: 60_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error('host lease lost')), 300);
    const { outcome, ms } = await timed(() => f.fetch(`${s.origin}/trickle`, undefined, stop.signal));
    expect(asFailure(outcome)).toMatchObject({ code: 'FETCH_TIMEOUT', retryable: true, reason: 'host lease lost' });
    expect(ms).toBeLessThan(WITHIN_MS);
    const before = await timed(() => f.fetch(`${s.origin}/trickle`, undefined, AbortSignal.abort(new Error('host lease lost'))));
    expect(asFailure(before.outcome).reason).toBe('host lease lost');
    expect(s.requestsTo('/trickle')).toHaveLength(1); // an already stopped fetch sends nothing
  });

  it('ends a server that never sends headers, across retries', async () => {
    const { s, f } = await setup({ '/silent': () => undefined }, { headersTimeoutMs: 60_000 });
    const { outcome, ms } = await timed(() => f.fetch(`${s.origin}/silent`));
    expect(asFailure(outcome)).toMatchObject({ code: 'FETCH_TIMEOUT', retryable: true, attempts: 1 });
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('does not wait for a Retry-After that ends past the deadline', async () => {
    const { s, f } = await setup({ '/busy': (_q, res) => res.writeHead(503, { 'retry-after': '60' }).end() });
    const { outcome, ms } = await timed(() => f.fetch(`${s.origin}/busy`));
    const fail = asFailure(outcome);
    expect(fail).toMatchObject({ code: 'HTTP_STATUS', retryable: true, attempts: 1 });
    expect(fail.reason).toMatch(/Retry-After 60 s ends past the 1.5 s fetch deadline/);
    expect(ms).toBeLessThan(DEADLINE_MS);
    expect(s.requestsTo('/busy')).toHaveLength(1);
  });

  it('takes a per-host deadline over the default', async () => {
    const { s, f } = await setup({ '/trickle': (_q, res) => trickle(res, 100) }, { deadlineMs: 60_000, hostDeadlineMs: {} });
    await f.close();
    fetcher = createHttpFetcher({ ...BASE, deadlineMs: 60_000, hostDeadlineMs: { [new URL(s.origin).host]: 800 } });
    const { outcome, ms } = await timed(() => fetcher!.fetch(`${s.origin}/trickle`));
    expect(asFailure(outcome).reason).toMatch(/deadline of 0.8 s/);
    expect(ms).toBeLessThan(800 + 2_000);
  });

  it('a page that arrives in time is unaffected', async () => {
    const { s, f } = await setup({ '/ok': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>好</p>') });
    const outcome = await f.fetch(`${s.origin}/ok`);
    expect(outcome.kind).toBe('page');
  });

  it('rejects a bad deadline option', () => {
    expect(() => createHttpFetcher({ deadlineMs: 0 })).toThrow(/deadlineMs/);
  });
});
