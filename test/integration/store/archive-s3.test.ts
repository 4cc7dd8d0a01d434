import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { s3Calls } from '../../helpers/s3-calls.js';
import { createS3Archive, toAsciiMetadata } from '../../../lambdas/store/archive-s3.js';
import { isBatchKey, rawKeyFor } from '../../../lambdas/contract/archive-keys.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const gbkBytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e]); // <p>中文</p> in GBK
/** sha256 of gbkBytes, written out by hand (`printf '<p>\xd6\xd0\xce\xc4</p>' | sha256sum`). */
const GBK_SHA256 = '3e25f2b888e0df3d9da6c0e332c4d06600a0411fa54eeac69367fcec6bc7c1aa';
const meta = {
  sha256: GBK_SHA256,
  url: 'http://www.woaijiangsu.example/新闻/a.html?q=镇江',
  status: 200,
  contentType: 'text/html; charset=gbk',
  charset: 'gbk',
  fetchedAt: '2024-02-20T04:00:00.000Z',
};

describe('S3 archive', () => {
  it('stores raw bytes unchanged under a content-addressed key, once', async () => {
    const stores = await env.freshStores();
    const first = await stores.archive.putRaw(gbkBytes, meta);
    const second = await stores.archive.putRaw(gbkBytes, { ...meta, fetchedAt: '2024-02-21T04:00:00.000Z' });
    const sha = createHash('sha256').update(gbkBytes).digest('hex');
    expect(second.ref.key).toBe(first.ref.key);
    expect(second.ref.sha256).toBe(first.ref.sha256);
    expect(first.ref.key).toBe(`raw/sha256/${sha.slice(0, 2)}/${sha}.html.gz`);
    expect(first.ref.key).toBe(rawKeyFor(sha));
    expect(Buffer.from(await stores.archive.getRaw(first.ref.key)).equals(Buffer.from(gbkBytes))).toBe(true);

    const listed = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'raw/' }));
    expect(listed.KeyCount).toBe(1);
    const head = await env.clients.s3.send(new HeadObjectCommand({ Bucket: stores.bucketName, Key: first.ref.key }));
    expect(head.Metadata?.sha256).toBe(sha);
    expect(head.Metadata?.url).toBe(toAsciiMetadata(meta.url));
    expect(decodeURI(head.Metadata?.url ?? '')).toBe(meta.url);
    // Metadata describes the last fetch that wrote these bytes; the fetch pointers keep every fetch.
    expect(head.Metadata?.['fetched-at']).toBe('2024-02-21T04:00:00.000Z');
    expect(head.Metadata?.charset).toBe('gbk');
  });


  const utf8 = (t: string) => new Uint8Array(Buffer.from(t, 'utf8'));
  const batchPages = [gbkBytes, utf8('<html><p>镇江新闻</p></html>'), utf8(`<html>${'字'.repeat(3000)}</html>`)].map((bytes, i) => ({
    bytes,
    meta: { ...meta, sha256: createHash('sha256').update(bytes).digest('hex'), url: `http://x.example/${i}.html` },
  }));

  it('archives a fetch batch as ONE object; each page reads back alone with one Range GET', async () => {
    const stores = await env.freshStores();
    const { result: archived, calls: putCalls } = await s3Calls(env.clients.s3, () => stores.archive.putBatch(batchPages));
    expect(putCalls.map((c) => c.name)).toEqual(['PutObjectCommand']);
    const keys = new Set(archived.map((a) => a.ref.key));
    expect(keys.size).toBe(1);
    const key = archived[0]!.ref.key;
    expect(isBatchKey(key)).toBe(true);
    const listed = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'raw/' }));
    expect(listed.KeyCount).toBe(1);
    for (const [i, a] of archived.entries()) {
      expect(a.ref).toMatchObject({ bucket: stores.bucketName, sha256: batchPages[i]!.meta.sha256, bytes: batchPages[i]!.bytes.byteLength, charset: 'gbk', status: 200 });
      expect(a.member).not.toBeNull();
      const { result: bytes, calls } = await s3Calls(env.clients.s3, () => stores.archive.getRaw(key, { sha256: a.ref.sha256, member: a.member! }));
      expect(calls).toEqual([{ name: 'GetObjectCommand', range: `bytes=${a.member!.offset}-${a.member!.offset + a.member!.length - 1}` }]);
      expect(Buffer.from(bytes).equals(Buffer.from(batchPages[i]!.bytes))).toBe(true);
    }
    // Without a member range (a record's raw ref alone), the page is found by its sha256 through the object's index.
    const second = batchPages[1]!;
    expect(Buffer.from(await stores.archive.getRaw(key, { sha256: second.meta.sha256 })).equals(Buffer.from(second.bytes))).toBe(true);
    await expect(stores.archive.getRaw(key, { sha256: '0'.repeat(64) })).rejects.toThrow(/holds no page/);
    await expect(stores.archive.getRaw(key)).rejects.toThrow(/sha256/);
    // The whole object is a plain gzip file: every page, then the index line.
    const whole = await env.clients.s3.send(new GetObjectCommand({ Bucket: stores.bucketName, Key: key }));
    const text = gunzipSync(await whole.Body!.transformToByteArray());
    expect(text.subarray(0, gbkBytes.byteLength).equals(Buffer.from(gbkBytes))).toBe(true);
    expect(text.toString('utf8')).toContain('{"jsnewsBatch":1');
  });

  it('a retried batch writes the same key with the same bytes; a batch of one page is the single-page object', async () => {
    const stores = await env.freshStores();
    const first = await stores.archive.putBatch(batchPages);
    const again = await stores.archive.putBatch(batchPages);
    expect(again.map((a) => a.ref.key)).toEqual(first.map((a) => a.ref.key));
    expect(again.map((a) => a.member)).toEqual(first.map((a) => a.member));
    const listed = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'raw/' }));
    expect(listed.KeyCount).toBe(1);
    // One page (or the same bytes twice): nothing to batch, the content-addressed single-page object as before.
    const single = await stores.archive.putBatch([batchPages[0]!, { ...batchPages[0]!, meta: { ...batchPages[0]!.meta, url: 'http://x.example/other.html', status: 203 } }]);
    expect(single.map((a) => [a.ref.key, a.member, a.ref.status])).toEqual([
      [rawKeyFor(GBK_SHA256), null, 200],
      [rawKeyFor(GBK_SHA256), null, 203],
    ]);
    expect(await stores.archive.putBatch([])).toEqual([]);
  });

  it('still reads single-page objects (every raw key written before batches) by key alone or with a sha256', async () => {
    const stores = await env.freshStores();
    const { ref } = await stores.archive.putRaw(gbkBytes, meta);
    expect(ref.key).toBe(rawKeyFor(GBK_SHA256));
    const { result, calls } = await s3Calls(env.clients.s3, () => stores.archive.getRaw(ref.key, { sha256: GBK_SHA256 }));
    expect(calls).toEqual([{ name: 'GetObjectCommand' }]);
    expect(Buffer.from(result).equals(Buffer.from(gbkBytes))).toBe(true);
    expect(Buffer.from(await stores.archive.getRaw(ref.key)).equals(Buffer.from(gbkBytes))).toBe(true);
  });

  const pointerAt = (sourceId: string, url: string, fetchedAt: string, ref: { sha256: string; key: string; bytes: number }) => ({
    sourceId,
    url,
    finalUrl: url,
    fetchedAt,
    status: 200,
    headers: {},
    sha256: ref.sha256,
    rawKey: ref.key,
    bytes: ref.bytes,
    contentType: null,
    charset: null,
  });

  it('lists fetch pointers (table items) by source and China day, and their (source, day) partitions', async () => {
    const stores = await env.freshStores();
    const { ref } = await stores.archive.putRaw(gbkBytes, meta);
    const days = ['2024-02-18', '2024-02-19', '2024-02-20', '2024-02-21'];
    for (const [i, day] of days.entries()) {
      for (let k = 0; k < 3; k++) {
        // 20:00 UTC is the next China day: pointers are filed under China days.
        await stores.archive.putFetchPointer(pointerAt(i % 2 === 0 ? 'src-a' : 'src-b', `http://x.example/${day}/${k}.html`, `${day}T20:00:00.000Z`, ref));
      }
    }
    // No pointer object in S3 any more: a pointer is one table item (one write unit instead of a PUT).
    const objects = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'fetches/' }));
    expect(objects.KeyCount ?? 0).toBe(0);
    const collect = async (f: Parameters<typeof stores.archive.listFetchPointers>[0]) => {
      const out: string[] = [];
      for await (const p of stores.archive.listFetchPointers(f)) out.push(p.url);
      return out;
    };
    expect(await collect({})).toHaveLength(12);
    expect(await collect({ sourceId: 'src-a' })).toHaveLength(6);
    expect((await collect({ sourceId: 'src-a', from: '2024-02-20', to: '2024-02-21' })).sort()).toEqual(
      [0, 1, 2].map((k) => `http://x.example/2024-02-20/${k}.html`),
    );
    // China days 2024-02-20..2024-02-21 hold the fetches made on UTC days 02-19 and 02-20.
    const ranged = await collect({ from: '2024-02-20', to: '2024-02-21' });
    expect(ranged.sort()).toEqual([0, 1, 2].flatMap((k) => [`http://x.example/2024-02-19/${k}.html`, `http://x.example/2024-02-20/${k}.html`]).sort());
    // src-a fetched on UTC 02-18 and 02-20 = China days 02-19 and 02-21; src-b on China days 02-20 and 02-22.
    expect(await stores.archive.listDays({})).toEqual([
      { sourceId: 'src-a', day: '2024-02-19' },
      { sourceId: 'src-a', day: '2024-02-21' },
      { sourceId: 'src-b', day: '2024-02-20' },
      { sourceId: 'src-b', day: '2024-02-22' },
    ]);
    expect(await stores.archive.listDays({ sourceId: 'src-b', from: '2024-02-21', to: '2024-02-22' })).toEqual([{ sourceId: 'src-b', day: '2024-02-22' }]);
  });

  it('still lists the S3 pointer objects of archives written before pointers moved to the table', async () => {
    const stores = await env.freshStores();
    const { ref } = await stores.archive.putRaw(gbkBytes, meta);
    // An old archive: the pointer as an S3 object (the S3 archive still writes that shape; the stores no longer do).
    const legacy = createS3Archive(env.clients.s3, stores.bucketName, { listPageSize: 2 });
    for (let k = 0; k < 3; k++) await legacy.putFetchPointer(pointerAt('src-old', `http://x.example/old/${k}.html`, '2024-02-18T04:00:00.000Z', ref));
    await stores.archive.putFetchPointer(pointerAt('src-old', 'http://x.example/new.html', '2024-02-19T04:00:00.000Z', ref));
    await stores.archive.putFetchPointer(pointerAt('src-old', 'http://x.example/new2.html', '2024-02-18T05:00:00.000Z', ref));
    const urls: string[] = [];
    for await (const p of stores.archive.listFetchPointers({ sourceId: 'src-old' })) urls.push(p.url);
    expect(urls.sort()).toEqual(['http://x.example/new.html', 'http://x.example/new2.html', 'http://x.example/old/0.html', 'http://x.example/old/1.html', 'http://x.example/old/2.html']);
    // 2024-02-18 holds both an old object and a new item: listed once.
    expect(await stores.archive.listDays({ sourceId: 'src-old' })).toEqual([
      { sourceId: 'src-old', day: '2024-02-18' },
      { sourceId: 'src-old', day: '2024-02-19' },
    ]);
    // The S3 listing itself still pages (two keys per listing page).
    const old: string[] = [];
    for await (const p of legacy.listFetchPointers({ sourceId: 'src-old' })) old.push(p.url);
    expect(old).toHaveLength(3);
  });
});
