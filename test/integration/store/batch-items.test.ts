import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { batchGetItems, batchWriteItems, type WriteRequest } from '../../../lambdas/store/batch-items.js';
import type { FetchPointer, TrackItem, UrlState } from '../../../lambdas/store/ports.js';

// DynamoDB (and DynamoDB Local) refuses a BatchWriteItem or BatchGetItem that names one key twice with a
// ValidationException for the whole call: store/batch-items.ts sends each key once (a write: its last request).
let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const put = (PK: string, v: number): WriteRequest => ({ PutRequest: { Item: { PK, SK: 'S', v } } });

describe('batch items on DynamoDB Local', () => {
  it('a write naming a key twice applies its last request, as the requests in order would', async () => {
    const { tableName } = await env.freshStores();
    const doc = env.clients.doc;
    await batchWriteItems(doc, tableName, [put('K#b', 0)], 'seed');
    // K#a put twice (2 wins), K#b deleted after a put (gone), K#c put after a delete (there), K#d once.
    await batchWriteItems(
      doc,
      tableName,
      [put('K#a', 1), put('K#b', 1), { DeleteRequest: { Key: { PK: 'K#c', SK: 'S' } } }, put('K#a', 2), { DeleteRequest: { Key: { PK: 'K#b', SK: 'S' } } }, put('K#c', 3), put('K#d', 4)],
      'test',
    );
    const v = async (PK: string) => (await doc.send(new GetCommand({ TableName: tableName, Key: { PK, SK: 'S' } }))).Item?.v;
    expect([await v('K#a'), await v('K#b'), await v('K#c'), await v('K#d')]).toEqual([2, undefined, 3, 4]);
  });

  it('a write of one key many times across the 25-request chunks leaves the last', async () => {
    const { tableName } = await env.freshStores();
    const doc = env.clients.doc;
    // 30 requests, every third the same key: without the rule the first chunk alone holds it 9 times.
    const requests = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? put('K#same', i) : put(`K#${i}`, i)));
    await batchWriteItems(doc, tableName, requests, 'test');
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: { PK: 'K#same', SK: 'S' } }))).Item?.v).toBe(27);
  });

  it('a get naming a key twice reads it once', async () => {
    const { tableName } = await env.freshStores();
    const doc = env.clients.doc;
    await batchWriteItems(doc, tableName, [put('K#a', 1), put('K#b', 2)], 'seed');
    const found = await batchGetItems(doc, tableName, [{ PK: 'K#a', SK: 'S' }, { PK: 'K#missing', SK: 'S' }, { PK: 'K#a', SK: 'S' }, { PK: 'K#b', SK: 'S' }], 'test');
    expect(found.map((i) => [i.PK, i.v]).sort()).toEqual([
      ['K#a', 1],
      ['K#b', 2],
    ]);
  });

  it("the stores' batch writes take a batch holding an item twice: the last wins", async () => {
    const stores = await env.freshStores();
    const url = 'http://www.twice.example/a.html';
    const state = (sha256: string): UrlState => ({ url, sourceId: 'twice', etag: null, lastModified: null, sha256, fetchedAt: '2026-12-02T10:00:00.000Z', recordId: 'r1' });
    await stores.urlState.putMany([state('1'.repeat(64)), state('2'.repeat(64))]);
    expect((await stores.urlState.get(url))?.sha256).toBe('2'.repeat(64));

    const at = '2026-12-02T10:00:00.000Z';
    const track = (hash: string): TrackItem => ({
      id: 'f'.repeat(64),
      url,
      sourceId: 'twice',
      host: 'www.twice.example',
      status: 'live',
      hash,
      versionCount: 1,
      firstSeenAt: at,
      versionSeenAt: at,
      lastSeenAt: at,
      lastVisitAt: at,
      nextRevisitAt: null,
      goneSince: null,
      goneDetail: null,
    });
    await stores.changes!.putTracks([track('h1'), track('h2')]);
    expect((await stores.changes!.getTrack('f'.repeat(64)))?.hash).toBe('h2');

    const pointer = (bytes: number): FetchPointer => ({
      sourceId: 'twice',
      url,
      finalUrl: url,
      fetchedAt: '2026-12-02T10:00:00.000Z',
      status: 200,
      headers: {},
      sha256: 'a'.repeat(64),
      rawKey: 'raw/x',
      bytes,
      contentType: 'text/html',
      charset: null,
    });
    await stores.archive.putFetchPointers([pointer(1), pointer(2)]);
    const listed: FetchPointer[] = [];
    for await (const p of stores.archive.listFetchPointers({ sourceId: 'twice' })) listed.push(p);
    expect(listed.map((p) => p.bytes)).toEqual([2]);
  });
});
