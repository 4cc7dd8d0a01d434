/**
 * The DynamoDB requests of an archive batch (issue 13: bench:pipeline sent ~6 a page, GetItem and PutItem one item
 * at a time, and they cost more CPU than anything but normalize): URL states read and written, fetch pointers and
 * first tracking items written with one batch request each per batch; only the conditional record put stays one
 * request a page. The order a page's items are written in is kept (record → tracking item → URL state), so a
 * failed batch request fails the pages it carried, retryably, and the next run stores them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createMemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import { ARCHIVE_BATCH_PAGES, ingestBatch, ingestInBatches, type IngestResult } from '../../../lambdas/pipeline/ingest.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { ErrorCode, JsnewsError } from '../../../lambdas/contract/errors.js';
import type { Stores } from '../../../lambdas/store/stores.js';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const HOST = 'www.batched.example';
const SOURCE = 'batched';
const art = (n: number) => `http://${HOST}/news/202402/t20240222_${n}.shtml`;
const page = (n: number, text = `正文第${n}篇。`): MemoryPage => ({ body: `<html><article><h1>标题${n}</h1><p>${text}</p></article></html>` });

/** A clock one second further at every call: each fetch is later than the one before. */
function ticking(start: string): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

function deps(stores: Stores, pages: Record<string, MemoryPage>, normalize = makeTestNormalize('1.0.0')): PipelineDeps {
  const clock = ticking('2024-02-22T02:00:00.000Z');
  return { stores, fetcher: createMemoryFetcher(pages, () => clock().toISOString()), normalize, discover: () => [], clock, logger: silentLogger };
}

/** DynamoDB commands sent while `fn` runs, counted by name. */
async function dynamoRequests<T>(fn: () => Promise<T>): Promise<{ result: T; counts: Record<string, number> }> {
  const from = env.commands.length;
  const result = await fn();
  const counts: Record<string, number> = {};
  for (const c of env.commands.slice(from)) counts[c] = (counts[c] ?? 0) + 1;
  return { result, counts };
}

/** As a cycle queues fresh URLs: none has a failure item (mayHaveFailure false: no clearing delete). */
const items = (ns: number[]) => ns.map((n) => ({ url: art(n), options: { sourceId: SOURCE, mayHaveFailure: false } }));
const statuses = (results: IngestResult[]) => results.map((r) => r.status);

describe('store requests of an archive batch', () => {
  it('a full batch of fresh pages: one record put a page, one batch request each for the rest', async () => {
    const stores = await env.freshStores();
    const ns = Array.from({ length: ARCHIVE_BATCH_PAGES }, (_, i) => i + 1);
    const d = deps(stores, Object.fromEntries(ns.map((n) => [art(n), page(n)])));
    const results: IngestResult[] = [];
    const { counts } = await dynamoRequests(() => ingestInBatches(items(ns), d, { lanes: 2, onResult: (r) => results.push(r) }));
    expect(results.map((r) => r.status)).toEqual(ns.map(() => 'new'));
    // Per page: the record's conditional put. Per batch: URL states read (the tracking items that may hold them, then
    // the URLs' own items; the tracking items read there serve the records too), pointers, tracking items written; each
    // URL is its record's id, so its URL state rides in the tracking item (no URL-state write). Once per store set: the
    // pointer source's marker (a PutItem). Before: per page GetItem ×2 (URL state, tracking item) and PutItem ×4
    // (pointer, record, tracking item, URL state); then the tracking items were read a second time (3 BatchGetItem).
    expect(counts).toEqual({ PutItemCommand: ARCHIVE_BATCH_PAGES + 1, BatchGetItemCommand: 2, BatchWriteItemCommand: 2 });

    for (const n of ns) {
      const state = await stores.urlState.get(art(n));
      expect(state, art(n)).toMatchObject({ url: art(n), sourceId: SOURCE, recordId: expect.any(String) });
      expect(await stores.changes.getTrack(state!.recordId!)).toMatchObject({ url: art(n), versionCount: 1, status: 'live' });
      expect((await stores.records.get(state!.recordId!))?.title).toBe(`标题${n}`);
    }
    const pointers = [];
    for await (const p of stores.archive.listFetchPointers({ sourceId: SOURCE })) pointers.push(p.url);
    expect(pointers.sort()).toEqual(ns.map(art).sort());

    // The same pages again: the URL states of the batch in one read (of their tracking items, which hold them), nothing written.
    const again = await dynamoRequests(() => ingestBatch(items(ns), d, { fetchConcurrency: 4 }));
    expect(statuses(again.result)).toEqual(ns.map(() => 'unchanged'));
    expect(again.counts).toEqual({ BatchGetItemCommand: 1 });
  });

  it('two URLs of one article (one canonical URL) in a batch: the second sees the first one’s tracking item', async () => {
    const stores = await env.freshStores();
    // The second URL carries a tracking parameter and a later edit of the text; both normalize to the same record id.
    const pages = { [art(1)]: page(1), [`${art(1)}?from=weibo`]: page(1, '正文第1篇，已更新。') };
    const canonical = makeTestNormalize('1.0.0');
    const d = deps(stores, pages, (bytes, ctx) => canonical(bytes, { ...ctx, url: ctx.url?.replace(/\?.*$/, '') }));
    const results = await ingestBatch([{ url: art(1), options: { sourceId: SOURCE } }, { url: `${art(1)}?from=weibo`, options: { sourceId: SOURCE } }], d);
    // Stored one after the other: the first is new, the second an edit of it (a second version), not a second first sighting.
    expect(statuses(results)).toEqual(['new', 'updated']);
    const id = results[0]!.status === 'new' ? results[0]!.recordId! : '';
    const history = await stores.changes.history(id);
    expect(history.track).toMatchObject({ versionCount: 2, status: 'live' });
    expect((await stores.records.get(id))?.paragraphs).toEqual(['正文第1篇，已更新。']);
  });

  it('two URLs of one article in different batches of a run: the later batch reads the item the earlier one wrote', async () => {
    const stores = await env.freshStores();
    // One chunk of URL states read ahead covers both batches; the tracking item it read (none) is the first batch's to use.
    const ns = Array.from({ length: ARCHIVE_BATCH_PAGES }, (_, i) => i + 1);
    const again = `${art(1)}?from=weibo`;
    const pages = { ...Object.fromEntries(ns.map((n) => [art(n), page(n)])), [again]: page(1, '正文第1篇，已更新。') };
    const canonical = makeTestNormalize('1.0.0');
    const d = deps(stores, pages, (bytes, ctx) => canonical(bytes, { ...ctx, url: ctx.url?.replace(/\?.*$/, '') }));
    const results: IngestResult[] = [];
    await ingestInBatches([...items(ns), { url: again, options: { sourceId: SOURCE, mayHaveFailure: false } }], d, { lanes: 1, onResult: (r) => results.push(r) });
    expect(results.find((r) => r.url === again)?.status).toBe('updated');
    const id = sha256Hex(art(1));
    expect((await stores.changes.history(id)).track).toMatchObject({ versionCount: 2, status: 'live' });
  });

  it('a failed tracking-item batch fails its pages retryably, without URL states; the next run completes them', async () => {
    const stores = await env.freshStores();
    const ns = [1, 2, 3];
    const pages = Object.fromEntries(ns.map((n) => [art(n), page(n)]));
    const broken: Stores = { ...stores, changes: { ...stores.changes, putTracks: async () => Promise.reject(new JsnewsError(ErrorCode.StoreFailed, 'DynamoDB down (test)', true)) } };
    const failed = await ingestBatch(items(ns), deps(broken, pages));
    expect(failed.map((r) => [r.status, r.status === 'failed' && r.stage, r.status === 'failed' && r.retryable])).toEqual(ns.map(() => ['failed', 'store', true]));
    expect((await stores.failures.listBySource(SOURCE)).map((f) => f.reason)).toEqual(ns.map(() => 'DynamoDB down (test)'));
    for (const n of ns) expect(await stores.urlState.get(art(n))).toBeNull();

    // The records were put before the batch failed: the rerun finds them as they are and writes what was missing.
    const again = await ingestBatch(items(ns).map((i) => ({ ...i, options: { ...i.options, mayHaveFailure: true } })), deps(stores, pages));
    expect(statuses(again)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    for (const n of ns) {
      const state = await stores.urlState.get(art(n));
      expect(await stores.changes.getTrack(state!.recordId!)).toMatchObject({ url: art(n), versionCount: 1 });
    }
    expect(await stores.failures.listBySource(SOURCE)).toEqual([]);
  });

  it('a failed URL-state batch fails its pages retryably; the next run stores their URL states', async () => {
    const stores = await env.freshStores();
    const ns = [1, 2];
    // URLs that are not their records' ids (a tracking parameter): their URL states are items of their own.
    const url = (n: number) => `${art(n)}?from=weibo`;
    const pages = Object.fromEntries(ns.map((n) => [url(n), page(n)]));
    const canonical = makeTestNormalize('1.0.0');
    const normalize: PipelineDeps['normalize'] = (bytes, ctx) => canonical(bytes, { ...ctx, url: ctx.url?.replace(/\?.*$/, '') });
    const own = ns.map((n) => ({ url: url(n), options: { sourceId: SOURCE, mayHaveFailure: false } }));
    const broken: Stores = { ...stores, urlState: { ...stores.urlState, putMany: async () => Promise.reject(new JsnewsError(ErrorCode.StoreFailed, 'DynamoDB down (test)', true)) } };
    const failed = await ingestBatch(own, deps(broken, pages, normalize));
    expect(failed.map((r) => r.status === 'failed' && [r.stage, r.retryable])).toEqual([['store', true], ['store', true]]);
    const again = await ingestBatch(own.map((i) => ({ ...i, options: { ...i.options, mayHaveFailure: true } })), deps(stores, pages, normalize));
    expect(statuses(again)).toEqual(['unchanged', 'unchanged']);
    for (const n of ns) expect(await stores.urlState.get(url(n))).toMatchObject({ recordId: sha256Hex(art(n)) });
    expect(await stores.failures.listBySource(SOURCE)).toEqual([]);
  });
});
