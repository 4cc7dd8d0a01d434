/**
 * The URL state of a URL that is its record's id rides in the record's first tracking item (issue 13: one write
 * unit less a fresh page), on DynamoDB Local: no `URL#`/`STATE` item is written for it, yet the next fetch is
 * conditional (a 304) and the same bytes are recognised; a URL whose record has another canonical URL keeps its
 * own item; a later fetch's state goes into the tracking item too, which is read first (an unchanged page reads one key,
 * a fresh batch each tracking item once); a `URL#` item written before the state moved there is read when the tracking
 * item holds none; a lookup by URL still finds the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../lambdas/contract/table-design.js';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createMemoryFetcher, type MemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import { ingestBatch, ingestUrl } from '../../../lambdas/pipeline/ingest.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { createReader } from '../../../lambdas/read/index.js';
import type { Stores } from '../../../lambdas/store/stores.js';
import type { NewsRecord } from '../../../lambdas/contract/record.js';

let env: TestStores;
let stores: Awaited<ReturnType<TestStores['freshStores']>>;
/** Every key a GetItem or BatchGetItem asked for, as "PK SK". */
const keysRead: string[] = [];
beforeAll(async () => {
  env = await startTestStores();
  stores = await env.freshStores();
  env.clients.dynamo.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Key?: Record<string, unknown>; RequestItems?: Record<string, { Keys?: Record<string, unknown>[] }> };
      const asked = input.Key ? [input.Key] : Object.values(input.RequestItems ?? {}).flatMap((r) => r.Keys ?? []);
      for (const k of asked) keysRead.push(`${String(k.PK)} ${String(k.SK)}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordKeysRead' },
  );
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

function deps(fetcher: MemoryFetcher, now = new Date('2024-02-22T08:00:00Z')): PipelineDeps {
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

    expect((await stores.urlState.getMany([own])).states.get(own)).toEqual(state);
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

  it('a changed page keeps its URL state in its tracking item, updated there; the next fetch is conditional on it', async () => {
    const url = `http://${HOST}/news/202402/t20240222_3.shtml`;
    const f = createMemoryFetcher({ [url]: { body: '<html><article><h1>标题三</h1><p>第三篇正文。</p></article></html>' } }, () => '2024-02-22T08:00:00.000Z');
    expect(await ingestUrl(url, deps(f), options)).toMatchObject({ status: 'new' });
    const edited = '<html><article><h1>标题三</h1><p>第三篇正文，已更正。</p></article></html>';
    f.pages.set(url, { body: edited });
    const later = deps(f, new Date('2024-02-22T09:00:00Z'));
    expect(await ingestUrl(url, later, options)).toMatchObject({ status: 'updated' });
    expect(await get(keys.urlState(url))).toBeUndefined();
    const track = await get(keys.track(sha256Hex(url)));
    expect(track).toMatchObject({ urlSha256: sha256Hex(new TextEncoder().encode(edited)), versionCount: 2 });
    expect(await ingestUrl(url, later, options)).toMatchObject({ status: 'unchanged', unchangedBy: 'not-modified' });
    expect(f.log.map((l) => l.status)).toEqual([200, 200, 304]);
  });

  it('an unchanged page reads its tracking item alone; a fresh batch reads each tracking item once', async () => {
    const urls = [4, 5, 6].map((n) => `http://${HOST}/news/202402/t20240222_${n}.shtml`);
    const f = createMemoryFetcher(Object.fromEntries(urls.map((u, k) => [u, { body: `<html><article><h1>题${k}</h1><p>正文${k}。</p></article></html>` }])), () => '2024-02-22T08:00:00.000Z');
    const batch = urls.map((url) => ({ url, options: { sourceId: 'state', mayHaveFailure: false } }));
    const trackKey = (u: string) => `REC#${sha256Hex(u)} TRACK`;
    const stateKey = (u: string) => `URL#${sha256Hex(u)} STATE`;
    keysRead.length = 0;
    expect((await ingestBatch(batch, deps(f))).map((r) => r.status)).toEqual(['new', 'new', 'new']);
    // Before: each tracking item twice (for the URL state, then for the record), each URL state item once.
    expect([...keysRead].sort()).toEqual([...urls.map(trackKey), ...urls.map(stateKey)].sort());
    keysRead.length = 0;
    expect((await ingestBatch(batch, deps(f))).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // Before: the URL state items first (none there), then the tracking items.
    expect([...keysRead].sort()).toEqual(urls.map(trackKey).sort());
  });

  it('the tracking item comes first; an older URL# item is read when the tracking item holds no state', async () => {
    const inTrack = await stores.urlState.get(own);
    // A URL# item of `own` from an older layout (stale: the tracking item has a later state).
    const stale = { url: own, sourceId: 'state', etag: null, lastModified: 'Thu, 22 Feb 2024 07:00:00 GMT', sha256: 'f'.repeat(64), fetchedAt: '2024-02-22T07:00:00.000Z', recordId: sha256Hex(own) };
    await env.clients.doc.send(new PutCommand({ TableName: stores.tableName, Item: { ...keys.urlState(own), kind: 'url-state', ...stale } }));
    expect(await stores.urlState.get(own)).toEqual(inTrack);
    // A canonical URL stored before the state moved: its tracking item has none, its own item has it.
    const old = `http://${HOST}/news/202401/t20240101_1.shtml`;
    const oldState = { ...stale, url: old, recordId: sha256Hex(old) };
    await env.clients.doc.send(new PutCommand({ TableName: stores.tableName, Item: { ...keys.urlState(old), kind: 'url-state', ...oldState } }));
    await env.clients.doc.send(new PutCommand({ TableName: stores.tableName, Item: { ...keys.track(sha256Hex(old)), kind: 'track', id: sha256Hex(old), url: old, sourceId: 'state' } }));
    expect(await stores.urlState.get(old)).toEqual(oldState);
    expect(await stores.urlState.get(`http://${HOST}/never.shtml`)).toBeNull();
    const many = await stores.urlState.getMany([own, mobile, `http://${HOST}/never.shtml`, canonicalOfMobile, old]);
    expect([...many.states.keys()].sort()).toEqual([own, mobile, old].sort());
    expect(many.states.get(own)).toEqual(inTrack);
    expect(many.states.get(old)).toEqual(oldState);
    expect(many.states.get(mobile)?.recordId).toBe(sha256Hex(canonicalOfMobile));
    expect(many.tracks.get(sha256Hex(own))).toMatchObject({ id: sha256Hex(own), urlSha256: inTrack?.sha256 });
    expect(many.tracks.get(sha256Hex(`http://${HOST}/never.shtml`))).toBeNull();
  });

});
