/**
 * The URL state of a URL that is its record's id rides in the record's first tracking item (issue 13: one write
 * unit less a fresh page), on DynamoDB Local: no `URL#`/`STATE` item is written for it, yet the next fetch is
 * conditional (a 304) and the same bytes are recognised; a URL whose record has another canonical URL keeps its
 * own item; an item written before (or after, by a later ingest) comes first; a lookup by URL still finds the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../lambdas/contract/table-design.js';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createMemoryFetcher, type MemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import { ingestUrl } from '../../../lambdas/pipeline/ingest.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { createReader } from '../../../lambdas/read/index.js';
import type { Stores } from '../../../lambdas/store/stores.js';
import type { NewsRecord } from '../../../lambdas/contract/record.js';

let env: TestStores;
let stores: Awaited<ReturnType<TestStores['freshStores']>>;
beforeAll(async () => {
  env = await startTestStores();
  stores = await env.freshStores();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const HOST = 'www.state.example';
const own = `http://${HOST}/news/202402/t20240222_1.shtml`;
const mobile = `http://${HOST}/m/202402/t20240222_2.shtml`;
const canonicalOfMobile = `http://${HOST}/news/202402/t20240222_2.shtml`;
const pages: Record<string, MemoryPage> = {
  [own]: { body: '<html><article><h1>标题一</h1><p>第一篇正文。</p></article></html>' },
  [mobile]: { body: `<html><link rel="canonical" href="${canonicalOfMobile}"><article><h1>标题二</h1><p>第二篇正文。</p></article></html>` },
};

/** The test normalizer, with a canonical link read as the canonical URL (the record id is its sha256). */
function normalizeWithCanonical(bytes: Uint8Array, ctx: { url?: string | null; fetchedAt?: string | null }): NewsRecord {
  const rec = makeTestNormalize()(bytes, ctx);
  const canonical = /<link rel="canonical" href="([^"]+)">/.exec(new TextDecoder().decode(bytes))?.[1];
  return canonical ? { ...rec, canonicalUrl: canonical, id: sha256Hex(canonical) } : rec;
}

function deps(fetcher: MemoryFetcher): PipelineDeps {
  const now = new Date('2024-02-22T08:00:00Z');
  return { stores: stores as Stores, fetcher, normalize: normalizeWithCanonical, discover: () => [], clock: () => now, logger: silentLogger };
}
const get = async (key: { PK: string; SK: string }) => (await env.clients.doc.send(new GetCommand({ TableName: stores.tableName, Key: key }))).Item;

describe('URL state in the tracking item', () => {
  const fetcher = createMemoryFetcher(pages, () => '2024-02-22T08:00:00.000Z');
  const options = { sourceId: 'state' };

  it('a URL that is its record id writes no URL state item; the next fetch is conditional', async () => {
    const first = await ingestUrl(own, deps(fetcher), options);
    expect(first).toMatchObject({ status: 'new', recordId: sha256Hex(own) });
    expect(await get(keys.urlState(own))).toBeUndefined();
    const track = await get(keys.track(sha256Hex(own)));
    expect(track?.urlSha256).toBe(sha256Hex(new TextEncoder().encode(pages[own]!.body)));
    expect(track?.urlEtag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(track?.urlFetchedAt).toBe('2024-02-22T08:00:00.000Z');
    const state = await stores.urlState.get(own);
    expect(state).toEqual({ url: own, sourceId: 'state', etag: track?.urlEtag, lastModified: null, sha256: track?.urlSha256, fetchedAt: '2024-02-22T08:00:00.000Z', recordId: sha256Hex(own) });

    expect((await stores.urlState.getMany([own])).get(own)).toEqual(state);
    const again = await ingestUrl(own, deps(fetcher), options);
    expect(again).toMatchObject({ status: 'unchanged', unchangedBy: 'not-modified' });
    expect(fetcher.log.filter((l) => l.url === own).map((l) => l.status)).toEqual([200, 304]);
  });

  it('the same bytes without a validator are recognised from the tracking item', async () => {
    const state = await stores.urlState.get(own);
    const noEtag: MemoryFetcher = { ...fetcher, fetch: async (url) => ({ ...(await fetcher.fetch(url)), headers: {} }) } as MemoryFetcher;
    expect(state).not.toBeNull();
    const again = await ingestUrl(own, deps(noEtag), options);
    expect(again).toMatchObject({ status: 'unchanged', unchangedBy: 'same-bytes' });
  });

  it('a URL whose record has another canonical URL keeps its own item', async () => {
    const first = await ingestUrl(mobile, deps(fetcher), options);
    expect(first).toMatchObject({ status: 'new', recordId: sha256Hex(canonicalOfMobile) });
    expect(await get(keys.urlState(mobile))).toMatchObject({ url: mobile, recordId: sha256Hex(canonicalOfMobile) });
    expect((await get(keys.track(sha256Hex(canonicalOfMobile))))?.urlSha256).toBeUndefined();
    expect(await ingestUrl(mobile, deps(fetcher), options)).toMatchObject({ status: 'unchanged', unchangedBy: 'not-modified' });
    // The mobile URL finds its record through its own item (its hash names no record).
    const reader = createReader(stores, async () => {});
    expect((await reader.byUrl(mobile)).map((r) => r.id)).toEqual([sha256Hex(canonicalOfMobile)]);
  });

  it('a URL state item comes before the tracking item, and a URL nothing knows has no state', async () => {
    const written = { url: own, sourceId: 'state', etag: null, lastModified: 'Thu, 22 Feb 2024 09:00:00 GMT', sha256: 'f'.repeat(64), fetchedAt: '2024-02-22T09:00:00.000Z', recordId: sha256Hex(own) };
    await stores.urlState.put(written);
    expect(await stores.urlState.get(own)).toEqual(written);
    expect(await stores.urlState.get(`http://${HOST}/never.shtml`)).toBeNull();
    const many = await stores.urlState.getMany([own, mobile, `http://${HOST}/never.shtml`, canonicalOfMobile]);
    expect([...many.keys()].sort()).toEqual([own, mobile].sort());
    expect(many.get(own)).toEqual(written);
    expect(many.get(mobile)?.recordId).toBe(sha256Hex(canonicalOfMobile));
  });
});
