/**
 * Recovery after a store outage (issue 10 item 9), against DynamoDB Local and s3rver behind the
 * fault proxy: URLs that failed because S3 was down are retried by the very next run (not after the
 * 15-minute transient backoff), and a run during which DynamoDB dies still ends with the summary of
 * what it did (the CLI then exits 1: cli/pipeline-output.ts runOutcome).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStores } from '../../helpers/local-stores.js';
import { startProxiedStores, type ProxiedStores } from '../../helpers/proxied-stores.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { createMemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import type { StoreClients, StoreTimeouts } from '../../../lambdas/store/clients.js';
import { createStores, type Stores } from '../../../lambdas/store/stores.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import type { Fetcher } from '../../../lambdas/fetch/types.js';

/** Short client bounds so a dead store fails fast; the production values are in lambdas/store/clients.ts. */
const TIMEOUTS: StoreTimeouts = { connectionTimeoutMs: 500, requestTimeoutMs: 1_000, maxAttempts: 2 };
const ARTICLES = 3;

let harness: ProxiedStores;
let env: TestStores;
let dynamoProxy: FaultProxy;
let s3Proxy: FaultProxy;
let proxied: StoreClients;
beforeAll(async () => {
  harness = await startProxiedStores(TIMEOUTS);
  ({ env, dynamoProxy, s3Proxy, clients: proxied } = harness);
}, 60_000);
afterAll(async () => {
  await harness?.stop();
});

async function proxiedStores(): Promise<Stores> {
  const direct = await env.freshStores();
  return createStores(proxied, direct);
}

function set(proxy: FaultProxy, fault: 'pass' | 'reset') {
  proxy.set(fault);
  proxy.cutAll(); // kept-alive sockets would bypass the fault
}

const host = (id: string) => `www.${id}.example`;
const list = (id: string) => `http://${host(id)}/news/index.shtml`;
const art = (id: string, n: number) => `http://${host(id)}/news/202402/t20240222_${n}.shtml`;
const source = (id: string) =>
  Source.parse({ id, name: `${id}网`, hosts: [host(id)], startPages: [{ url: list(id), kind: 'list' }], schedule: 'rate(1 hour)', enabled: true });

function site(...ids: string[]): Record<string, MemoryPage> {
  const pages: Record<string, MemoryPage> = {};
  for (const id of ids) {
    pages[list(id)] = { body: `<ul>${Array.from({ length: ARTICLES }, (_, i) => `<li><a href="${art(id, i + 1)}">新闻${i + 1}</a></li>`).join('')}</ul>` };
    for (let n = 1; n <= ARTICLES; n++) pages[art(id, n)] = { body: `<html><article><h1>${id}标题${n}</h1><p>正文第${n}篇。</p></article></html>` };
  }
  return pages;
}

function deps(stores: Stores, fetcher: Fetcher, clock: () => Date): PipelineDeps {
  return {
    stores,
    fetcher,
    normalize: makeTestNormalize('1.0.0'),
    discover: (page) => [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!),
    clock,
    logger: silentLogger,
  };
}

describe('store outages', () => {
  it('pages that failed while S3 was down are stored by an immediate rerun', async () => {
    const stores = await proxiedStores();
    let now = new Date('2024-02-22T02:00:00.000Z');
    const d = deps(stores, createMemoryFetcher(site('s3down'), () => now.toISOString()), () => now);
    set(s3Proxy, 'reset');
    let first;
    try {
      [first] = await runCycle([source('s3down')], d);
    } finally {
      set(s3Proxy, 'pass');
    }
    expect(first).toMatchObject({ discovered: ARTICLES, new: 0, failed: { STORE_FAILED: ARTICLES } });
    const failures = await stores.failures.listBySource('s3down');
    expect(failures.map((f) => [f.stage, f.retryable])).toEqual(Array(ARTICLES).fill(['store', true]));

    now = new Date(now.getTime() + 60_000); // one minute later: well inside the 15-minute transient backoff
    const [second] = await runCycle([source('s3down')], d);
    expect(second).toMatchObject({ deferred: 0, new: ARTICLES, failed: {} });
    expect(await stores.failures.listBySource('s3down')).toEqual([]);
  }, 60_000);

  it('DynamoDB dying mid-run: the run ends with every source summarized, and the next run loses nothing', async () => {
    const stores = await proxiedStores();
    let now = new Date('2024-02-22T02:00:00.000Z');
    const memory = createMemoryFetcher(site('first', 'second'), () => now.toISOString());
    let recordsPut = 0;
    // DynamoDB goes away right after the first source's first record was put. The source's three pages are one fetch
    // batch: all three are fetched and archived, then their records put one by one; the batch's URL states (written
    // last, in one request) never get through, so none of the three counts as stored this run.
    const dying: Stores = {
      ...stores,
      records: {
        ...stores.records,
        async put(record) {
          const outcome = await stores.records.put(record);
          if (++recordsPut === 1) set(dynamoProxy, 'reset');
          return outcome;
        },
      },
    };
    let summaries;
    try {
      summaries = await runCycle([source('first'), source('second')], deps(dying, memory, () => now), { sourceConcurrency: 1, urlConcurrency: 1 });
    } finally {
      set(dynamoProxy, 'pass');
    }
    expect(summaries).toEqual([
      expect.objectContaining({ sourceId: 'first', discovered: ARTICLES, new: 0, failed: { STORE_FAILED: ARTICLES } }),
      // Its failures could not even be listed: the source is reported as one store failure, not thrown away with the run.
      expect.objectContaining({ sourceId: 'second', discovered: 0, new: 0, failed: { STORE_FAILED: 1 } }),
    ]);

    now = new Date(now.getTime() + 60_000);
    const again = await runCycle([source('first'), source('second')], deps(stores, memory, () => now), { sourceConcurrency: 1 });
    expect(again.map((s) => [s.sourceId, s.new, s.unchanged, s.failed])).toEqual([
      // The record put before DynamoDB died is found as it is (unchanged); the page gets its URL state now.
      ['first', ARTICLES - 1, 1, {}],
      ['second', ARTICLES, 0, {}],
    ]);
  }, 60_000);
});
