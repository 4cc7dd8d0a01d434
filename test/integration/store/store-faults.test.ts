/**
 * Store faults injected by a TCP proxy (test/helpers/fault-proxy.ts) between the SDK clients and
 * real DynamoDB Local / s3rver: a black-holed connection fails within the client timeouts, and a
 * run under dropped, reset, delayed and cut connections loses and duplicates nothing once the
 * stores are healthy again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { TestStores } from '../../helpers/local-stores.js';
import { startProxiedStores, type ProxiedStores } from '../../helpers/proxied-stores.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { createMemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import type { StoreClients, StoreTimeouts } from '../../../lambdas/store/clients.js';
import { createStores, type Stores } from '../../../lambdas/store/stores.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { RETRYABLE_BACKOFF_BASE_MS, PERMANENT_BACKOFF_BASE_MS } from '../../../lambdas/store/failures.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';

/** Short bounds so the test is quick; the production values are in lambdas/store/clients.ts. */
const TIMEOUTS: StoreTimeouts = { connectionTimeoutMs: 500, requestTimeoutMs: 1_000, maxAttempts: 2 };
/** 2 attempts x 1 s plus the SDK's retry backoff (< 1 s at attempt 2) plus slack for a busy machine. */
const BOUND_MS = 2 * TIMEOUTS.requestTimeoutMs + 3_000;

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

async function proxiedStores(): Promise<Stores & { tableName: string; bucketName: string }> {
  const direct = await env.freshStores(); // creates the table and bucket through the direct clients
  return { ...createStores(proxied, direct), tableName: direct.tableName, bucketName: direct.bucketName };
}

async function elapsed(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const t = Date.now();
  let error: unknown = null;
  try {
    await work();
  } catch (err) {
    error = err;
  }
  return { ms: Date.now() - t, error };
}

describe('black-holed store connections fail within the client bounds', () => {
  it('DynamoDB read and S3 put reject in bounded time, then work again', async () => {
    const stores = await proxiedStores();
    for (const proxy of [dynamoProxy, s3Proxy]) {
      proxy.set('blackhole');
      proxy.cutAll(); // kept-alive sockets would bypass the fault
    }
    const read = await elapsed(() => stores.records.byUrl('http://www.example.com/a.html'));
    const put = await elapsed(() => stores.archive.putRaw(Buffer.from('<html>x</html>'), { sha256: sha256Hex(Buffer.from('<html>x</html>')), url: 'http://www.example.com/a.html', status: 200, contentType: 'text/html', charset: null, fetchedAt: '2024-02-22T02:00:00.000Z' }));
    for (const proxy of [dynamoProxy, s3Proxy]) {
      proxy.set('pass');
      proxy.cutAll();
    }
    expect(read.error).not.toBeNull();
    expect(put.error).not.toBeNull();
    expect(read.ms).toBeLessThan(BOUND_MS);
    expect(put.ms).toBeLessThan(BOUND_MS);
    expect(dynamoProxy.stats().faulted).toBeGreaterThanOrEqual(1);
    expect(await stores.records.byUrl('http://www.example.com/a.html')).toEqual([]);
  }, 30_000);
});

const HOST = 'www.jsfault.example';
const LIST = `http://${HOST}/news/index.shtml`;
const PAGES = 16;
const art = (n: number) => `http://${HOST}/news/202402/t20240222_${n}.shtml`;
const source = Source.parse({
  id: 'jsfault',
  name: '故障测试网',
  hosts: [HOST],
  startPages: [{ url: LIST, kind: 'list' }],
  schedule: 'rate(1 hour)',
  enabled: true,
});

function site(): Record<string, MemoryPage> {
  const pages: Record<string, MemoryPage> = {
    [LIST]: { body: `<ul>${Array.from({ length: PAGES }, (_, i) => `<li><a href="${art(i + 1)}">新闻${i + 1}</a></li>`).join('')}</ul>` },
  };
  for (let n = 1; n <= PAGES; n++) pages[art(n)] = { body: `<html><article><h1>标题${n}</h1><p>正文第${n}篇。</p></article></html>` };
  return pages;
}

describe('a run under store faults loses and duplicates nothing', () => {
  it.each([
    ['drop', { faultEvery: 2 }],
    ['reset', { faultEvery: 2 }],
    ['delay', { delayMs: 300 }],
    ['blackhole', { faultEvery: 3 }],
  ] as const)('%s', async (fault, options) => {
    const stores = await proxiedStores();
    let now = new Date('2024-02-22T02:00:00.000Z');
    const deps: PipelineDeps = {
      stores,
      fetcher: createMemoryFetcher(site(), () => now.toISOString()),
      normalize: makeTestNormalize('1.0.0'),
      discover: (page) => [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!),
      clock: () => now,
      logger: silentLogger,
    };
    const before = { d: dynamoProxy.stats().faulted, s: s3Proxy.stats().faulted };
    dynamoProxy.set(fault, options);
    s3Proxy.set(fault, options);
    // The run's first requests open new (faulty) connections: since ingest batches its store requests, an idle
    // machine can finish the run on kept-alive sockets before the first cut below, and see no fault at all.
    dynamoProxy.cutAll();
    s3Proxy.cutAll();
    // Cut the kept-alive sockets every 20 ms (an idle run of the batched pipeline takes ~150 ms), so requests keep opening new (faulty) connections
    // and some are cut mid-request.
    const cutter = setInterval(() => {
      dynamoProxy.cutAll();
      s3Proxy.cutAll();
    }, 20);
    let faultySummary: unknown;
    const faulty = await elapsed(async () => (faultySummary = await runCycle([source], deps, { urlConcurrency: 4 })));
    if (process.env.FAULT_DEBUG) console.log(fault, faulty.ms, JSON.stringify(faultySummary), String(faulty.error));
    clearInterval(cutter);
    dynamoProxy.set('pass');
    s3Proxy.set('pass');
    expect(dynamoProxy.stats().faulted + s3Proxy.stats().faulted).toBeGreaterThan(before.d + before.s);
    // No hang: 16 pages x a few store calls, each bounded by the client timeouts.
    expect(faulty.ms).toBeLessThan(60_000);

    // Healthy again: later runs pick up whatever failed (after any backoff), until nothing is left.
    for (let run = 0; run < 3; run++) {
      now = new Date(now.getTime() + PERMANENT_BACKOFF_BASE_MS + RETRYABLE_BACKOFF_BASE_MS);
      await runCycle([source], deps, { urlConcurrency: 4 });
    }
    const records = await createStores(env.clients, stores).records.bySite(HOST, {});
    expect(records.map((r) => r.url).sort()).toEqual(Array.from({ length: PAGES }, (_, i) => art(i + 1)).sort());
    expect(new Set(records.map((r) => r.id)).size).toBe(PAGES);
    expect(await stores.failures.listBySource('jsfault')).toEqual([]);
    // Every record's raw page reads back by its raw ref alone (key + sha256, through the batch object's index). A batch
    // whose PUT landed but whose pages then failed leaves an object nothing refers to; its pages were archived again.
    const healthy = createStores(env.clients, stores);
    for (const r of records) expect(sha256Hex(await healthy.archive.getRaw(r.raw!.key, { sha256: r.raw!.sha256 })), r.url!).toBe(r.raw!.sha256);
    const raws = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'raw/' }));
    expect(raws.KeyCount).toBeGreaterThan(0); // list pages are not archived
  }, 120_000);
});
