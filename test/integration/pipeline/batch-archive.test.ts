/**
 * One archive object per fetch batch (issue 13), through the pipeline on DynamoDB Local and s3rver: a cycle's
 * batch of pages is one S3 PUT; each page's fetch pointer holds its member range, so reprocess reads each page
 * with one Range GET; pages archived before batches (single-page keys) still reprocess; a failed batch PUT is a
 * retryable failure of each of its pages (recorded with URL and reason, retried, never lost), and a crash between
 * the PUT and the pointers leaves an object nothing refers to, which the retry writes again under the same key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as tableKeys } from '../../../lambdas/contract/table-design.js';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { s3Calls } from '../../helpers/s3-calls.js';
import { createMemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { ARCHIVE_BATCH_PAGES, ingestBatch, ingestInBatches, ingestUrl } from '../../../lambdas/pipeline/ingest.js';
import { reprocess } from '../../../lambdas/pipeline/reprocess.js';
import { revisitOne } from '../../../lambdas/pipeline/revisit.js';
import { backfill } from '../../../lambdas/pipeline/backfill.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { isBatchKey, rawKeyFor } from '../../../lambdas/contract/archive-keys.js';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';
import { ErrorCode, JsnewsError } from '../../../lambdas/contract/errors.js';
import type { Stores } from '../../../lambdas/store/stores.js';
import type { FetchPointer } from '../../../lambdas/store/ports.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const ARTICLES = 6;
const HOST = 'www.batch.example';
const list = `http://${HOST}/news/index.shtml`;
const art = (n: number) => `http://${HOST}/news/202402/t20240222_${n}.shtml`;
const source = Source.parse({ id: 'batch', name: '批量网', hosts: [HOST], startPages: [{ url: list, kind: 'list' }], schedule: 'rate(1 hour)', enabled: true });
function site(): Record<string, MemoryPage> {
  const pages: Record<string, MemoryPage> = { [list]: { body: `<ul>${Array.from({ length: ARTICLES }, (_, i) => `<li><a href="${art(i + 1)}">新闻${i + 1}</a></li>`).join('')}</ul>` } };
  for (let n = 1; n <= ARTICLES; n++) pages[art(n)] = { body: `<html><article><h1>标题${n}</h1><p>${'正文'.repeat(200 * n)}第${n}篇。</p></article></html>` };
  return pages;
}

function deps(stores: Stores, now: Date, normalizerVersion = '1.0.0'): PipelineDeps {
  return {
    stores,
    fetcher: createMemoryFetcher(site(), () => now.toISOString()),
    normalize: makeTestNormalize(normalizerVersion),
    discover: (page) => [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!),
    clock: () => now,
    logger: silentLogger,
  };
}


async function pointers(stores: Stores): Promise<FetchPointer[]> {
  const out: FetchPointer[] = [];
  for await (const p of stores.archive.listFetchPointers({ sourceId: source.id })) out.push(p);
  return out;
}

const rawObjects = async (bucket: string) => (await env.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'raw/' }))).Contents?.map((o) => o.Key!) ?? [];

describe('batch archive through the pipeline', () => {
  it('a cycle archives its pages in batches (one PUT each), and reprocess reads each page with one Range GET', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    const { result: summaries, calls } = await s3Calls(env.clients.s3, () => runCycle([source], deps(stores, now), { urlConcurrency: 2 }));
    expect(summaries[0]).toMatchObject({ new: ARTICLES });
    // 6 pages fetched well within ARCHIVE_BATCH_MAX_WAIT_MS: one batch, one PUT (one per page before batching).
    expect(calls.filter((c) => c.name === 'PutObjectCommand')).toHaveLength(1);
    const keys = await rawObjects(stores.bucketName);
    expect(keys).toHaveLength(1);
    expect(keys.every(isBatchKey)).toBe(true);

    const ptrs = await pointers(stores);
    expect(ptrs).toHaveLength(ARTICLES);
    for (const p of ptrs) {
      expect(keys).toContain(p.rawKey);
      expect(p.member).toMatchObject({ offset: expect.any(Number), length: expect.any(Number) });
      const record = await stores.records.get((await stores.urlState.get(p.url))!.recordId!);
      // The record's raw ref names the batch object and the page's own sha256 and size (contract unchanged).
      expect(record!.raw).toMatchObject({ key: p.rawKey, sha256: p.sha256, bytes: p.bytes, status: 200 });
      expect(Object.keys(record!.raw!).sort()).toEqual(['bucket', 'bytes', 'charset', 'contentType', 'fetchedAt', 'key', 'sha256', 'status']);
      // The record's body is a member of the same object: the item holds its range, and stays one write unit.
      expect(record!.paragraphs.join('')).toMatch(/^(正文)+第\d篇。$/);
      const item = (await env.clients.doc.send(new GetCommand({ TableName: stores.tableName, Key: tableKeys.record(record!.id) }))).Item!;
      expect(item.bodyAt).toEqual([expect.any(Number), expect.any(Number)]);
      expect(item.bodyAt[0]).toBeGreaterThanOrEqual(p.member!.offset + p.member!.length);
      // DynamoDB's item size: attribute names plus values (strings as UTF-8, binary as bytes, numbers ~their digits).
      const size = Object.entries(item).reduce((n, [k, v]) => n + k.length + (v instanceof Uint8Array ? v.byteLength : Buffer.byteLength(JSON.stringify(v))), 0);
      expect(size).toBeLessThan(1024);
    }

    const re = await s3Calls(env.clients.s3, () => reprocess({ all: true }, deps(stores, now, '1.1.0')));
    expect(re.result[0]).toMatchObject({ updated: ARTICLES, failed: {} });
    const gets = re.calls.filter((c) => c.name === 'GetObjectCommand');
    expect(gets).toHaveLength(ARTICLES);
    expect(gets.every((g) => /^bytes=\d+-\d+$/.test(g.range ?? ''))).toBe(true);
    // no HEAD, no index read: the pointer's member range is enough (the one listing is of pre-table S3 pointers);
    // the reprocessed records' bodies are one object of their own (one PUT for the chunk), under bodies/
    const puts = re.calls.filter((c) => c.name === 'PutObjectCommand');
    expect(re.calls.filter((c) => c.name !== 'GetObjectCommand').map((c) => c.name).sort()).toEqual(['ListObjectsV2Command', 'PutObjectCommand']);
    expect(puts[0]!.key).toMatch(/^bodies\/batch\/[0-9a-f]{2}\/[0-9a-f]{64}\.batch\.gz$/);
    for (const p of ptrs) {
      const id = (await stores.urlState.get(p.url))!.recordId!;
      const record = await stores.records.get(id);
      expect(record).toMatchObject({ normalizerVersion: '1.1.0', raw: { key: p.rawKey, sha256: p.sha256 } });
      expect(record!.paragraphs.join('')).toMatch(/^(正文)+第\d篇。$/);
      const item = (await env.clients.doc.send(new GetCommand({ TableName: stores.tableName, Key: tableKeys.record(id) }))).Item!;
      expect(item.bodyIn).toBe(puts[0]!.key);
      const size = Object.entries(item).reduce((n, [k, v]) => n + k.length + (v instanceof Uint8Array ? v.byteLength : Buffer.byteLength(JSON.stringify(v))), 0);
      expect(size).toBeLessThan(1024);
    }
    // A rerun of the same version changes nothing (the same bodies object, the records unchanged).
    const again = await s3Calls(env.clients.s3, () => reprocess({ all: true }, deps(stores, now, '1.1.0')));
    expect(again.result[0]).toMatchObject({ unchanged: ARTICLES, failed: {} });
    expect(again.calls.filter((c) => c.name === 'PutObjectCommand').map((c) => c.key)).toEqual([puts[0]!.key]);
  });

  it('a reprocess whose bodies object cannot be written stores its records with their bodies inline', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    await runCycle([source], deps(stores, now), { urlConcurrency: 2 });
    const broken: Stores = { ...stores, archive: { ...stores.archive, putBodies: async () => Promise.reject(new JsnewsError(ErrorCode.StoreFailed, 'S3 down (test)', true)) } };
    const re = await reprocess({ all: true }, deps(broken, now, '1.1.0'));
    expect(re[0]).toMatchObject({ updated: ARTICLES, failed: {} });
    for (const p of await pointers(stores)) {
      const id = (await stores.urlState.get(p.url))!.recordId!;
      const item = (await env.clients.doc.send(new GetCommand({ TableName: stores.tableName, Key: tableKeys.record(id) }))).Item!;
      expect(item.bodyAt).toBeUndefined();
      expect(item.bodyIn).toBeUndefined();
      const record = await stores.records.get(id);
      expect(record).toMatchObject({ normalizerVersion: '1.1.0' });
      expect(record!.paragraphs.join('')).toMatch(/^(正文)+第\d篇。$/);
    }
  });

  it('a batch is archived once ARCHIVE_BATCH_PAGES pages wait, or when the oldest has waited long enough', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    const d = deps(stores, now);
    const many = Array.from({ length: ARCHIVE_BATCH_PAGES + 2 }, (_, i) => `http://${HOST}/news/202402/t20240222_${100 + i}.shtml`);
    const memory = d.fetcher as ReturnType<typeof createMemoryFetcher>;
    for (const [i, url] of many.entries()) memory.pages.set(url, { body: `<html><article><h1>标题${i}</h1><p>正文第${i}篇。</p></article></html>` });
    const full = await s3Calls(env.clients.s3, () => ingestInBatches(many.map((url) => ({ url, options: { sourceId: source.id } })), d, { lanes: 1 }));
    // ARCHIVE_BATCH_PAGES pages, then the last 2 when every URL is fetched
    expect(full.calls.filter((c) => c.name === 'PutObjectCommand')).toHaveLength(2);

    // A slow (polite) crawl: the next page is not served until the first page's batch has been archived by the
    // wait bound, so its record is stored long before the batch could fill.
    const slow = await env.freshStores();
    const sd = deps(slow, now);
    let archivedFirst: () => void = () => {};
    const firstArchived = new Promise<void>((r) => (archivedFirst = r));
    const gated: Stores = { ...slow, archive: { ...slow.archive, putBatch: async (pages) => slow.archive.putBatch(pages).finally(() => archivedFirst()) } };
    const inner = sd.fetcher;
    const fetcher = { ...inner, fetch: async (url: string, c?: Parameters<typeof inner.fetch>[1]) => (url === art(2) ? firstArchived.then(() => inner.fetch(url, c)) : inner.fetch(url, c)) };
    const order: string[] = [];
    await ingestInBatches([art(1), art(2)].map((url) => ({ url, options: { sourceId: source.id } })), { ...sd, stores: gated, fetcher }, { lanes: 1, maxWaitMs: 50, onResult: (r) => order.push(r.url) });
    expect(order).toEqual([art(1), art(2)]);
    expect((await rawObjects(slow.bucketName)).length).toBe(2);
  });

  it('a backfill of a URL list archives in batches too', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    const urls = Array.from({ length: ARTICLES }, (_, i) => art(i + 1));
    const { result, calls } = await s3Calls(env.clients.s3, () => backfill({ urls }, [source], deps(stores, now), { urlConcurrency: 1 }));
    expect(result[0]).toMatchObject({ new: ARTICLES, failed: {} });
    expect(calls.filter((c) => c.name === 'PutObjectCommand')).toHaveLength(1);
    expect((await rawObjects(stores.bucketName)).every(isBatchKey)).toBe(true);
  });

  it('pages archived before batches (single-page keys, pointers without a member) still reprocess', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    // ingestUrl alone is a batch of one: the single-page object, as every page was archived before batches.
    for (const n of [1, 2]) expect((await ingestUrl(art(n), deps(stores, now), { sourceId: source.id })).status).toBe('new');
    const ptrs = await pointers(stores);
    expect(ptrs.map((p) => p.rawKey).sort()).toEqual(ptrs.map((p) => rawKeyFor(p.sha256)).sort());
    expect(ptrs.every((p) => p.member === undefined)).toBe(true);
    const re = await s3Calls(env.clients.s3, () => reprocess({ all: true }, deps(stores, now, '1.1.0')));
    expect(re.result[0]).toMatchObject({ updated: 2, failed: {} });
    const gets = re.calls.filter((c) => c.name === 'GetObjectCommand');
    expect(gets).toEqual([{ name: 'GetObjectCommand' }, { name: 'GetObjectCommand' }]);
  });

  it('a failed batch PUT fails each of its pages retryably, with URL and reason; the next run stores them', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    const items = [1, 2, 3].map((n) => ({ url: art(n), options: { sourceId: source.id } }));
    const broken: Stores = { ...stores, archive: { ...stores.archive, putBatch: async () => Promise.reject(new JsnewsError(ErrorCode.StoreFailed, 'S3 down (test)', true)) } };
    const failed = await ingestBatch(items, deps(broken, now));
    expect(failed.map((r) => [r.url, r.status, r.status === 'failed' && r.stage, r.status === 'failed' && r.retryable])).toEqual(items.map((i) => [i.url, 'failed', 'store', true]));
    const recorded = await stores.failures.listBySource(source.id);
    expect(recorded.map((f) => [f.url, f.stage, f.reason]).sort()).toEqual(items.map((i) => [i.url, 'store', 'S3 down (test)']));
    for (const i of items) expect(await stores.urlState.get(i.url)).toBeNull();
    expect(await rawObjects(stores.bucketName)).toEqual([]);

    const again = await ingestBatch(items, deps(stores, now));
    expect(again.map((r) => r.status)).toEqual(['new', 'new', 'new']);
    expect(await stores.failures.listBySource(source.id)).toEqual([]);
  });

  it('a crash between the PUT and the pointers leaves an object nothing refers to; the retry writes the same key', async () => {
    const stores = await env.freshStores();
    const now = new Date('2024-02-22T02:00:00.000Z');
    const items = [1, 2, 3].map((n) => ({ url: art(n), options: { sourceId: source.id } }));
    const noPointers: Stores = { ...stores, archive: { ...stores.archive, putFetchPointers: async () => Promise.reject(new JsnewsError(ErrorCode.StoreFailed, 'killed (test)', true)) } };
    const first = await ingestBatch(items, deps(noPointers, now));
    expect(first.every((r) => r.status === 'failed' && r.stage === 'store' && r.retryable)).toBe(true);
    const afterCrash = await rawObjects(stores.bucketName);
    expect(afterCrash).toHaveLength(1);
    expect(await pointers(stores)).toEqual([]);
    for (const i of items) expect(await stores.urlState.get(i.url)).toBeNull();

    const { result: again, calls } = await s3Calls(env.clients.s3, () => ingestBatch(items, deps(stores, now)));
    expect(again.map((r) => r.status)).toEqual(['new', 'new', 'new']);
    expect(calls.filter((c) => c.name === 'PutObjectCommand')).toHaveLength(1);
    expect(await rawObjects(stores.bucketName)).toEqual(afterCrash);
    const ptrs = await pointers(stores);
    expect(new Set(ptrs.map((p) => p.rawKey))).toEqual(new Set(afterCrash));
    // every pointer's member reads back its own page
    for (const p of ptrs) expect(sha256Hex(await stores.archive.getRaw(p.rawKey, { sha256: p.sha256, member: p.member }))).toBe(p.sha256);
  });

  it('a revisit that finds an edit archives the page with its new body (one PUT): record and version items name their bodies', async () => {
    const stores = await env.freshStores();
    let now = new Date('2024-02-22T02:00:00.000Z');
    const d = deps(stores, now);
    await runCycle([source], { ...d, clock: () => now }, { urlConcurrency: 2 });
    const id = sha256Hex(art(2));
    const edited = site();
    edited[art(2)] = { body: `<html><article><h1>标题2</h1><p>${'改正'.repeat(300)}第2篇。</p></article></html>` };
    now = new Date('2024-02-23T02:00:00.000Z');
    const revisitDeps: PipelineDeps = { ...d, fetcher: createMemoryFetcher(edited, () => now.toISOString()), clock: () => now };
    const { result, calls } = await s3Calls(env.clients.s3, () => revisitOne({ id, sourceId: source.id }, revisitDeps, source));
    expect(result).toMatchObject({ observed: 'article', change: 'edited' });
    // The page and its record's body in the one object the page cost anyway.
    const puts = calls.filter((c) => c.name === 'PutObjectCommand');
    expect(puts).toHaveLength(1);
    expect(isBatchKey(puts[0]!.key!)).toBe(true);
    const item = async (key: Record<string, string>) => (await env.clients.doc.send(new GetCommand({ TableName: stores.tableName, Key: key }))).Item!;
    const rec = await item(tableKeys.record(id));
    expect(rec.bodyAt).toEqual([expect.any(Number), expect.any(Number)]);
    // Version 1 (the ingested record's content) names that record's body in the fetch batch object; version 2 the new one.
    const v1 = await item(tableKeys.version(id, 1));
    const v2 = await item(tableKeys.version(id, 2));
    expect(v1.content.paragraphs).toEqual([]);
    expect(v2.content.paragraphs).toEqual([]);
    expect(v2.bodyIn).toBe(puts[0]!.key);
    expect(v2.bodyAt).toEqual(rec.bodyAt);
    expect(v1.bodyIn).not.toBe(puts[0]!.key);
    expect((await stores.records.get(id))!.paragraphs.join('')).toBe(`${'改正'.repeat(300)}第2篇。`);
    const { versions } = await stores.changes!.history(id);
    expect(versions.map((v) => [v.n, v.content.paragraphs.join('')])).toEqual([
      [1, `${'正文'.repeat(400)}第2篇。`],
      [2, `${'改正'.repeat(300)}第2篇。`],
    ]);
    expect((await stores.changes!.getVersion(id, 2))!.content.paragraphs.join('')).toBe(`${'改正'.repeat(300)}第2篇。`);
  });
});
