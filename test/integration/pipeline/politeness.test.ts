/**
 * Robots and politeness, measured on the replay server's own log (arrival and end of every request, per
 * host): one request per host in flight, each host's delay between two requests, never a path its
 * robots.txt disallows. Twice: a whole cycle in one process (the CLI: several sources and URLs at once,
 * the fetcher's host gate), and the fetch Lambda in two containers consuming one standard queue that mixes
 * hosts in a batch and delivers messages twice (the host lease on DynamoDB Local keeps the gap across them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import robotsParserModule from 'robots-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { startReplayServer, replayFetcherOptions, type ReplayLogEntry, type ReplayServer } from '../../../lambdas/dev/replay/index.js';
import { createHttpFetcher, ROBOTS_TOKEN } from '../../../lambdas/fetch/index.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { defaultDiscover } from '../../../lambdas/pipeline/discover-default.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { hostDelays } from '../../../lambdas/pipeline/host-delays.js';
import { makeFetchHandler } from '../../../lambdas/handlers/fetch.js';
import { createObservability } from '../../../lambdas/handlers/observability.js';
import { buildRuntime, type HandlerRuntime } from '../../../lambdas/handlers/runtime.js';
import { workQueueOver } from '../../../lambdas/pipeline/work-queue.js';
import type { FetchWork } from '../../../lambdas/pipeline/work-items.js';
import type { HostLeaseStore } from '../../../lambdas/store/ports.js';
import { createStandardQueue, drain } from '../../helpers/standard-queue.js';
import { lambdaContext } from '../handlers/memory-work-queue.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

// robots-parser is CommonJS; under NodeNext its default import is typed as the namespace (see lambdas/fetch/robots.ts).
type RobotsParser = typeof robotsParserModule.default;
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

const TREE = 'seeds/replay/jiangsu';
/** Politeness delay for every host in this test: long enough that a missing gap cannot hide in timer noise. */
const DELAY_MS = 120;
/** Server clock (performance) vs the fetcher's gate (Date.now, 1 ms resolution): allow that much rounding. */
const CLOCK_GRANULARITY_MS = 1;
/** Pipeline concurrency well above one per host, so the host gate (not the pipeline) is what keeps the order. */
const URL_CONCURRENCY = 4;
/** Fetch Lambda containers sharing the queue and the lease table: each has its own fetcher and host gate. */
const CONTAINERS = 2;
/** Messages an invocation gets (lib/constructs/functions.ts FETCH_BATCH_SIZE is 20). */
const BATCH_SIZE = 10;
/**
 * The host lease's hold in this test: the delay is short (so the test is), the deployed 1.5 s hold would space
 * each host's pages by 1.6 s. Long enough that its extension (sent half a hold early) answers on a loaded machine:
 * an extension slower than that stops its fetch (a request the server logs without an end).
 */
const LEASE_HOLD_MS = 1000;
/** The drain gives up after this long (it takes a few seconds: SQS visibility is whole seconds). */
const DRAIN_DEADLINE_MS = 240_000;

let env: TestStores;
let server: ReplayServer;
beforeAll(async () => {
  [env, server] = await Promise.all([startTestStores(), startReplayServer(TREE)]);
});
afterAll(async () => {
  await server?.close();
  await env?.stop();
});

/** Every gap between two requests to one host is at least the delay, and robots.txt allows every path asked for. */
function expectPolite(log: readonly ReplayLogEntry[]): Map<string, ReplayLogEntry[]> {
  const hosts = byHost(log);
  for (const [host, entries] of hosts) {
    const robots = robotsParser(`http://${host}/robots.txt`, readFileSync(join(TREE, host, 'robots.txt'), 'utf8'));
    for (const e of entries) {
      if (e.path !== '/robots.txt') expect(robots.isAllowed(`http://${host}${e.path}`, ROBOTS_TOKEN), `${host}${e.path} is disallowed`).toBe(true);
    }
    for (let i = 1; i < entries.length; i++) {
      const gap = entries[i]!.startedAt - entries[i - 1]!.finishedAt;
      expect(gap, `${host}: ${entries[i - 1]!.path} → ${entries[i]!.path}`).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_GRANULARITY_MS);
    }
  }
  return hosts;
}

function byHost(log: readonly ReplayLogEntry[]): Map<string, ReplayLogEntry[]> {
  const out = new Map<string, ReplayLogEntry[]>();
  for (const e of log) out.set(e.host, [...(out.get(e.host) ?? []), e]);
  for (const list of out.values()) list.sort((a, b) => a.startedAt - b.startedAt);
  return out;
}

describe('a cycle with politeness on, seen from the server', () => {
  it('never requests a disallowed path, never overlaps requests to one host, keeps the delay', async () => {
    const sources = loadSources(`${TREE}/sources.json`).map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: DELAY_MS } }));
    const fetcher = createHttpFetcher({ ...replayFetcherOptions(server), hostDelayMs: hostDelays(sources), backoffBaseMs: 10, backoffMaxMs: 50 });
    const stores = await env.freshStores();
    const deps: PipelineDeps = { stores, fetcher, normalize, discover: defaultDiscover, clock: () => new Date(), logger: silentLogger };
    server.reset();
    let summaries;
    try {
      summaries = await runCycle(sources, deps, { urlConcurrency: URL_CONCURRENCY, sourceConcurrency: sources.length });
    } finally {
      await fetcher.close();
    }
    // The run did real work on every host, including refusing disallowed links it discovered.
    expect(summaries.reduce((n, s) => n + s.new, 0)).toBeGreaterThanOrEqual(5);
    expect(summaries.flatMap((s) => Object.keys(s.failed))).toContain('ROBOTS_DISALLOWED');

    const hosts = byHost(server.log);
    expect([...hosts.keys()].sort()).toEqual([...server.hosts].sort());
    for (const [host, log] of hosts) {
      const robotsTxt = readFileSync(join(TREE, host, 'robots.txt'), 'utf8');
      const robots = robotsParser(`http://${host}/robots.txt`, robotsTxt);
      expect(log[0]!.path, `${host}: robots.txt comes first`).toBe('/robots.txt');
      for (const e of log.slice(1)) {
        expect(robots.isAllowed(`http://${host}${e.path}`, ROBOTS_TOKEN), `${host}${e.path} is disallowed`).toBe(true);
      }
      for (let i = 1; i < log.length; i++) {
        const gap = log[i]!.startedAt - log[i - 1]!.finishedAt;
        expect(gap, `${host}: ${log[i - 1]!.path} → ${log[i]!.path}`).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_GRANULARITY_MS);
      }
    }
    // Some host was asked more than once, or the gap checks above would be vacuous.
    expect(Math.max(...[...hosts.values()].map((l) => l.length))).toBeGreaterThanOrEqual(4);
  });
});

describe('fetch Lambdas in two containers over one standard queue, seen from the server', () => {
  it('keeps each host\'s delay across containers and duplicate deliveries; a duplicate stores no second record', async () => {
    const sources = loadSources(`${TREE}/sources.json`).map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: DELAY_MS } }));
    const fresh = await env.freshStores();
    // A standard queue delivers at least once: every article message is there twice.
    const queue = createStandardQueue({ duplicate: (body) => (JSON.parse(body) as FetchWork).kind === 'article', seed: 7 });
    let refusals = 0;
    const counted = (lease: HostLeaseStore): HostLeaseStore => ({
      acquire: async (...args) => {
        const grant = await lease.acquire(...args);
        if (!grant.granted) refusals++;
        return grant;
      },
      extend: (...args) => lease.extend(...args),
    });
    const handled = Array.from({ length: CONTAINERS }, () => 0);
    const runtimes: HandlerRuntime[] = Array.from({ length: CONTAINERS }, () => {
      const rt = buildRuntime({
        clients: env.clients,
        names: { tableName: fresh.tableName, bucketName: fresh.bucketName },
        sources,
        queue: workQueueOver(queue.transport),
        logger: silentLogger,
        capabilities: {
          fetcher: (hostDelayMs) => createHttpFetcher({ ...replayFetcherOptions(server), hostDelayMs, backoffBaseMs: 10, backoffMaxMs: 50 }),
          normalize,
          discover: defaultDiscover,
        },
      });
      return { ...rt, lease: counted(rt.lease) };
    });
    const handlers = runtimes.map((rt, i) => {
      const handler = makeFetchHandler(() => rt, createObservability('fetch'), { leaseHoldMs: LEASE_HOLD_MS });
      return async (...args: Parameters<typeof handler>) => {
        const out = await handler(...args);
        handled[i]! += (args[0] as { Records: unknown[] }).Records.length - out.batchItemFailures.length;
        return out;
      };
    });
    server.reset();
    const startedAt = new Date();
    try {
      await workQueueOver(queue.transport).sendFetch(sources.flatMap((s) => s.startPages.map((p): FetchWork => ({ kind: 'list', url: p.url, sourceId: s.id, pageKind: p.kind }))));
      await drain(queue, handlers, { batchSize: BATCH_SIZE, context: () => lambdaContext('fetch'), deadlineMs: DRAIN_DEADLINE_MS });
    } finally {
      await Promise.all(runtimes.map((rt) => rt.deps.fetcher.close()));
    }

    const hosts = expectPolite(server.log);
    expect([...hosts.keys()].sort()).toEqual([...server.hosts].sort());
    // Not vacuous: both containers worked, hosts were asked several times, and a container was refused a host
    // another one held or had just fetched (the lease, not the batch split, kept that gap).
    expect(handled.every((n) => n > 0), `messages handled per container: ${handled.join(', ')}`).toBe(true);
    expect(Math.max(...[...hosts.values()].map((l) => l.length))).toBeGreaterThanOrEqual(4);
    expect(refusals).toBeGreaterThan(0);

    // Duplicates: each stored article was asked for again (conditionally where the site sent validators; the
    // same bytes are recognised otherwise) and is still one record, with no change recorded.
    const records = [];
    for await (const r of fresh.records.scanRecords()) records.push(r);
    expect(records.length).toBeGreaterThanOrEqual(5);
    let conditional = 0;
    for (const r of records) {
      const u = new URL(r.url ?? r.canonicalUrl ?? '');
      const asked = server.log.filter((e) => e.host === u.host && e.path === u.pathname + u.search);
      expect(asked.length, `${u.href} asked once per delivery`).toBeGreaterThanOrEqual(2);
      conditional += asked.slice(1).filter((e) => e.ifNoneMatch !== null || e.ifModifiedSince !== null).length;
    }
    expect(conditional).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(await fresh.changes.changes({ since: startedAt.toISOString(), until: new Date().toISOString() })).toEqual([]);
  }, DRAIN_DEADLINE_MS + 30_000);
});
