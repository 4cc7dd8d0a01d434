import { createHash } from 'node:crypto';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { makeRecord } from '../../helpers/records.js';
import { keys } from '../../../lambdas/contract/table-design.js';
import { RECORD_DICTIONARY_V1 } from '../../../lambdas/store/record-packing.js';

/** The record map as the item holds it: raw DEFLATE with the v1 dictionary in `recordZ1`, without id/contentHash/simhash. */
function storedRecord(item: Record<string, unknown> | undefined): { text: string; paragraphs: string[]; id?: string } {
  expect(item?.recordGz).toBeUndefined();
  return JSON.parse(inflateRawSync(item?.recordZ1 as Uint8Array, { dictionary: RECORD_DICTIONARY_V1 }).toString('utf8'));
}

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

describe('records table: idempotent writes', () => {
  it('replaying the same write leaves one item and reports unchanged', async () => {
    const { records } = await env.freshStores();
    const r = makeRecord();
    expect(await records.put(r)).toBe('new');
    expect(await records.put(r)).toBe('unchanged');
    expect(await records.put(r)).toBe('unchanged');
    expect(await records.get(r.id)).toEqual(r);
  });

  it('replaces only on a newer normalizerVersion or different content from a newer fetch', async () => {
    const { records } = await env.freshStores();
    const v1 = makeRecord({ normalizerVersion: '1.2.0' });
    await records.put(v1);
    // Older normalizer: never replaces (also checks numeric, not text, comparison: 1.10 > 1.9 > 1.2).
    expect(await records.put(makeRecord({ normalizerVersion: '1.1.9', title: 'older' }))).toBe('unchanged');
    expect(await records.put(makeRecord({ normalizerVersion: '1.10.0', title: 'newer normalizer' }))).toBe('updated');
    expect((await records.get(v1.id))?.title).toBe('newer normalizer');
    expect(await records.put(makeRecord({ normalizerVersion: '1.9.0', title: 'not newer' }))).toBe('unchanged');

    // Same version, different content, older or same fetch: no. Newer fetch: yes.
    const changed = ['镇江市今天召开会议，研究部署全年工作。', '会议内容有更新。'];
    expect(await records.put(makeRecord({ normalizerVersion: '1.10.0', paragraphs: changed, fetchedAt: '2024-02-19T00:00:00.000Z' }))).toBe('unchanged');
    expect(await records.put(makeRecord({ normalizerVersion: '1.10.0', paragraphs: changed }))).toBe('unchanged');
    expect(await records.put(makeRecord({ normalizerVersion: '1.10.0', paragraphs: changed, fetchedAt: '2024-02-21T00:00:00.000Z' }))).toBe('updated');
    expect((await records.get(v1.id))?.paragraphs).toEqual(changed);
    // Same content from a newer fetch: unchanged.
    expect(await records.put(makeRecord({ normalizerVersion: '1.10.0', paragraphs: changed, fetchedAt: '2024-02-22T00:00:00.000Z' }))).toBe('unchanged');
  });

  it('stores the body once (text is rebuilt from paragraphs on read), unless text is not their join', async () => {
    const { records, tableName } = await env.freshStores();
    const r = makeRecord({ url: 'http://www.jssuxun.example/once.html', paragraphs: ['第一段。', '第二段。'] });
    expect(await records.put(r)).toBe('new');
    const raw = await env.clients.doc.send(new GetCommand({ TableName: tableName, Key: keys.record(r.id) }));
    expect(raw.Item?.record).toBeUndefined();
    expect(storedRecord(raw.Item).text).toBe('');
    expect(storedRecord(raw.Item).id).toBeUndefined();
    expect(raw.Item?.textFromParagraphs).toBe(true);
    expect((await records.get(r.id))?.text).toBe('第一段。\n第二段。');
    expect(await records.get(r.id)).toEqual(r);
    // A text that is not the join (not what normalize makes, but the store must not lose it).
    const odd = { ...makeRecord({ url: 'http://www.jssuxun.example/odd.html' }), text: '另一种文本' };
    expect(await records.put(odd)).toBe('new');
    const oddRaw = await env.clients.doc.send(new GetCommand({ TableName: tableName, Key: keys.record(odd.id) }));
    expect(oddRaw.Item?.textFromParagraphs).toBeUndefined();
    expect((await records.get(odd.id))?.text).toBe('另一种文本');
  });

  it('keeps the body of a record over the item limit in S3 and rehydrates it', async () => {
    const { records, bucketName, tableName } = await env.freshStores();
    // 200k Han chars ≈ 600 KB of UTF-8 text, twice (paragraphs + text): far over 400 KB.
    const para = '江苏省镇江市扬中市新坝镇召开全镇工作会议。'.repeat(2_000);
    const big = makeRecord({ url: 'http://www.jssuxun.example/big.html', paragraphs: Array.from({ length: 10 }, () => para) });
    expect(await records.put(big)).toBe('new');
    const raw = await env.clients.doc.send(new GetCommand({ TableName: tableName, Key: keys.record(big.id) }));
    expect(raw.Item?.bodyInS3).toBe(true);
    expect(raw.Item?.bodyKey).toBe(`bodies/${big.id}/${big.contentHash}.json`);
    expect(storedRecord(raw.Item).paragraphs).toEqual([]);
    const bodies = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: bucketName, Prefix: 'bodies/' }));
    expect(bodies.KeyCount).toBe(1);
    expect(await records.get(big.id)).toEqual(big);
    expect(await records.byUrl(big.url!)).toEqual([big]);
  });
});

describe('records table: access patterns are Queries', () => {
  it('answers every access pattern with GetItem/Query/BatchGet only', async () => {
    const { records } = await env.freshStores();
    const site = 'www.jssuxun.example';
    const a = makeRecord({ url: `http://${site}/a.html`, publishedAt: '2024-02-20T09:00:00+08:00', city: '镇江', simhash: 'ffff000000000000' });
    const b = makeRecord({ url: `http://${site}/b.html`, publishedAt: '2024-02-21T00:30:00+08:00', city: '镇江市', simhash: 'ffff000000000007' });
    const c = makeRecord({ url: `http://${site}/c.html`, publishedAt: '2024-02-25T12:00:00+08:00', city: '南京', simhash: '1234567890abcdef' });
    // A repost on another site: same original, unrelated simhash.
    const d = makeRecord({ url: 'http://www.tinghu.example/d.html', publishedAt: '2024-02-20T23:59:00+08:00', city: null, originalUrl: a.url, simhash: '0f0f0f0f0f0f0f0f' });
    // Near-duplicate text on another site: 4 bits off a in the last band (not a repost at threshold 3).
    const e = makeRecord({ url: 'http://www.tinghu.example/e.html', publishedAt: '2024-02-22T08:00:00+08:00', city: null, simhash: 'ffff00000000000f' });
    for (const r of [a, b, c, d, e]) expect(await records.put(r)).toBe('new');

    env.commands.length = 0;
    const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
    expect((await records.byId(a.id))?.url).toBe(a.url);
    expect(await records.byId('0'.repeat(64))).toBeNull();
    expect(ids(await records.byUrl(b.url!))).toEqual([b.id]);
    // Newest first, China-day range inclusive.
    expect(ids(await records.bySite(site, { from: '2024-02-20', to: '2024-02-21' }))).toEqual([b.id, a.id]);
    expect(ids(await records.bySite(site, {}))).toEqual([c.id, b.id, a.id]);
    expect(ids(await records.bySite(site, {}, 2))).toEqual([c.id, b.id]);
    // 2024-02-20 China day: a (09:00) and d (23:59), not b (00:30 next day).
    expect(ids(await records.byDay('2024-02-20')).sort()).toEqual([a.id, d.id].sort());
    expect(ids(await records.byCity('镇江', { from: '2024-02-01', to: '2024-02-29' }))).toEqual([b.id, a.id]);
    expect(ids(await records.byCity('南京市', {}))).toEqual([c.id]);
    const reposts = await records.repostsOf(a.id);
    expect(reposts.map((m) => [m.record.id, m.reason]).sort()).toEqual(
      [
        [b.id, 'simhash'],
        [d.id, 'originalUrl'],
      ].sort(),
    );
    expect(reposts.find((m) => m.record.id === b.id)?.hamming).toBe(3);
    expect(ids((await records.repostsOf(a.id, 4)).map((m) => m.record)).sort()).toEqual([b.id, d.id, e.id].sort());
    // d points at a: a is among d's story.
    expect((await records.repostsOf(d.id)).map((m) => m.record.id)).toContain(a.id);

    expect(env.commands.length).toBeGreaterThan(0);
    expect(env.commands.filter((c) => /scan/i.test(c))).toEqual([]);
    expect(new Set(env.commands)).toEqual(new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand']));
  });
});

describe('records table: lean items (issue 13, cost)', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const rawItem = async (tableName: string, id: string) =>
    (await env.clients.doc.send(new GetCommand({ TableName: tableName, Key: keys.record(id) }))).Item as Record<string, unknown>;

  it('writes no URL or story index entry for a record whose id already names its url and story, and still finds it by both', async () => {
    const { records, tableName } = await env.freshStores();
    const a = makeRecord({ url: 'http://www.jssuxun.example/lean-a.html', simhash: 'ffff000000000000' });
    // A repost of a: its story is a's url, which its own id does not name.
    const d = makeRecord({ url: 'http://www.tinghu.example/lean-d.html', originalUrl: a.url, simhash: '0f0f0f0f0f0f0f0f' });
    for (const r of [a, d]) expect(await records.put(r)).toBe('new');
    const itemA = await rawItem(tableName, a.id);
    expect(itemA.GSI1PK).toBeUndefined();
    expect(itemA.GSI5PK).toBeUndefined();
    // The id is in PK; no copy of it in other attributes or index sort keys.
    expect(itemA.id).toBeUndefined();
    expect(itemA.recordId).toBeUndefined();
    for (const n of [2, 3, 4, 6, 7, 8, 9]) expect(String(itemA[`GSI${n}SK`]), `GSI${n}SK`).not.toContain(a.id);
    const itemD = await rawItem(tableName, d.id);
    expect(itemD.GSI1PK).toBeUndefined();
    expect(itemD.GSI5PK).toBe(keys.storyPartition(a.url!));
    expect((await records.byUrl(a.url!)).map((r) => r.id)).toEqual([a.id]);
    expect((await records.byUrl(d.url!)).map((r) => r.id)).toEqual([d.id]);
    expect((await records.repostsOf(a.id)).map((m) => [m.record.id, m.reason])).toEqual([[d.id, 'originalUrl']]);
    expect((await records.repostsOf(d.id)).map((m) => [m.record.id, m.reason])).toEqual([[a.id, 'originalUrl']]);
  });

  it('keeps the URL index entry of a record whose canonical URL is another: found by its url, not by the canonical one', async () => {
    const { records, tableName } = await env.freshStores();
    const base = makeRecord({ url: 'http://www.jssuxun.example/lean-b.html?from=list' });
    const canonical = 'http://www.jssuxun.example/lean-b.html';
    const b = { ...base, canonicalUrl: canonical, id: sha(canonical) };
    expect(await records.put(b)).toBe('new');
    const item = await rawItem(tableName, b.id);
    expect(item.GSI1PK).toBe(keys.urlIndex(b.url!));
    expect(item.GSI5PK).toBeUndefined();
    expect((await records.byUrl(b.url!)).map((r) => r.id)).toEqual([b.id]);
    expect(await records.byUrl(canonical)).toEqual([]);
  });

  it('writes no simhash band entries for a record filed under a day: near-duplicates come from the day partitions around it', async () => {
    const { records, tableName } = await env.freshStores();
    // Days in China time; the window is REPOST_WINDOW_DAYS (3) either side of the record's day.
    const x = makeRecord({ url: 'http://www.jssuxun.example/win-x.html', simhash: 'ffff000000000000', publishedAt: '2024-03-10T09:00:00+08:00' });
    const before = makeRecord({ url: 'http://www.tinghu.example/win-b.html', simhash: 'ffff000000000003', publishedAt: '2024-03-07T00:10:00+08:00' });
    const after = makeRecord({ url: 'http://www.tinghu.example/win-a.html', simhash: '7fff000000000000', publishedAt: '2024-03-13T23:50:00+08:00' });
    // 1 bit off, but four days later: outside the window, not looked for (the price of no band entries).
    const late = makeRecord({ url: 'http://www.tinghu.example/win-l.html', simhash: 'ffff000000000001', publishedAt: '2024-03-14T08:00:00+08:00' });
    // Same day, 4 bits off: not a repost at the default threshold.
    const far = makeRecord({ url: 'http://www.tinghu.example/win-f.html', simhash: 'ffff00000000000f', publishedAt: '2024-03-10T12:00:00+08:00' });
    // No day at all (no publishedAt, no raw): the only kind still given band entries, found from a dated record by them.
    const undated = { ...makeRecord({ url: 'http://www.tinghu.example/win-u.html', simhash: 'fffe000000000000', publishedAt: null }), raw: null };
    for (const r of [x, before, after, late, far, undated]) expect(await records.put(r)).toBe('new');
    for (const r of [x, before, after, late, far]) {
      const item = await rawItem(tableName, r.id);
      for (const n of [6, 7, 8, 9]) expect(item[`GSI${n}PK`], `GSI${n}PK`).toBeUndefined();
    }
    expect((await rawItem(tableName, undated.id)).GSI6PK).toBe(keys.bandPartition(0, 'fffe'));
    const found = await records.repostsOf(x.id);
    expect(found.map((m) => [m.record.id, m.reason, m.hamming]).sort()).toEqual(
      [
        [before.id, 'simhash', 2],
        [after.id, 'simhash', 1],
        [undated.id, 'simhash', 1],
      ].sort(),
    );
    expect((await records.repostsOf(x.id, 4)).map((m) => m.record.id).sort()).toEqual([before.id, after.id, undated.id, far.id].sort());
    expect((await records.repostsOf(late.id)).map((m) => m.record.id).sort()).toEqual([after.id, undated.id].sort());
  });

  it('keeps a record body archived in its batch object out of the item: every read returns the whole record, a wrong range is an error', async () => {
    const { records, archive, tableName } = await env.freshStores();
    const page = (n: number) => new TextEncoder().encode(`<html><p>第${n}页</p></html>`);
    const specs = [1, 2].map((n) => makeRecord({ url: `http://www.jssuxun.example/body-${n}.html`, paragraphs: [`第${n}段。`, '第二段。'], publishedAt: '2024-02-20T09:00:00+08:00' }));
    const withPeople = specs.map((r) => ({ ...r, people: [{ name: '韩立明', titles: ['市委书记'] }] }));
    const archived = await archive.putBatch(
      withPeople.map((r, i) => ({ bytes: page(i), meta: { sha256: createHash('sha256').update(page(i)).digest('hex'), url: r.url!, status: 200, contentType: 'text/html', charset: 'utf-8', fetchedAt: r.raw!.fetchedAt }, record: r })),
    );
    const stored = withPeople.map((r, i) => ({ ...r, raw: archived[i]!.ref }));
    for (const [i, r] of stored.entries()) expect(await records.put(r, { body: archived[i]!.body })).toBe('new');
    const item = await rawItem(tableName, stored[0]!.id);
    expect(item.bodyAt).toEqual([archived[0]!.body!.offset, archived[0]!.body!.length]);
    expect(storedRecord(item).paragraphs).toEqual([]);
    expect(item.textFromParagraphs).toBeUndefined();
    expect(await records.get(stored[0]!.id)).toEqual(stored[0]);
    expect(await records.byUrl(stored[1]!.url!)).toEqual([stored[1]]);
    expect((await records.byDay('2024-02-20')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...stored].sort((a, b) => a.id.localeCompare(b.id)));
    const all: unknown[] = [];
    for await (const r of records.scanRecords()) all.push(r);
    expect(all).toHaveLength(2);
    // The other record's range: its text does not hash to this item's contentHash.
    await env.clients.doc.send(new PutCommand({ TableName: tableName, Item: { ...item, bodyAt: [archived[1]!.body!.offset, archived[1]!.body!.length] } }));
    await expect(records.get(stored[0]!.id)).rejects.toThrow(/contentHash/);
  });

  it('still reads items of the previous layout (id copies, an entry in every index, sort keys with the id)', async () => {
    const { records, tableName } = await env.freshStores();
    const old = makeRecord({ url: 'http://www.jssuxun.example/old.html', simhash: 'ffff000000000000', publishedAt: '2024-02-20T09:00:00+08:00' });
    const sk = `2024-02-20T01:00:00.000Z#${old.id}`;
    const bands = ['ffff', '0000', '0000', '0000'];
    await env.clients.doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.record(old.id),
          kind: 'record',
          id: old.id,
          recordGz: gzipSync(JSON.stringify({ ...old, text: '' })),
          textFromParagraphs: true,
          versionKey: '000001.000000.000000~',
          contentHash: old.contentHash,
          fetchedAt: old.raw!.fetchedAt,
          sortDate: '2024-02-20T01:00:00.000Z',
          simhash: old.simhash,
          recordId: old.id,
          GSI1PK: keys.urlIndex(old.url!),
          GSI1SK: `REC#${old.id}`,
          GSI2PK: keys.sitePartition('www.jssuxun.example'),
          GSI2SK: sk,
          GSI3PK: keys.dayPartition('2024-02-20'),
          GSI3SK: sk,
          GSI5PK: keys.storyPartition(old.url!),
          GSI5SK: `REC#${old.id}`,
          ...Object.fromEntries(bands.flatMap((b, i) => [[`GSI${6 + i}PK`, keys.bandPartition(i, b)], [`GSI${6 + i}SK`, `REC#${old.id}`]])),
        },
      }),
    );
    // A new-layout record 1 bit off the old one, and a repost of it.
    const near = makeRecord({ url: 'http://www.tinghu.example/near.html', simhash: 'ffff000000000001', publishedAt: '2024-02-20T10:00:00+08:00' });
    const repost = makeRecord({ url: 'http://www.tinghu.example/repost.html', originalUrl: old.url, simhash: '0f0f0f0f0f0f0f0f', publishedAt: '2024-02-20T11:00:00+08:00' });
    for (const r of [near, repost]) expect(await records.put(r)).toBe('new');
    expect(await records.get(old.id)).toEqual(old);
    expect(await records.byUrl(old.url!)).toEqual([old]);
    expect((await records.bySite('www.jssuxun.example', {})).map((r) => r.id)).toEqual([old.id]);
    expect((await records.byDay('2024-02-20')).map((r) => r.id).sort()).toEqual([old.id, near.id, repost.id].sort());
    expect((await records.repostsOf(old.id)).map((m) => [m.record.id, m.reason]).sort()).toEqual([[near.id, 'simhash'], [repost.id, 'originalUrl']].sort());
    expect((await records.repostsOf(near.id)).map((m) => m.record.id)).toEqual([old.id]);
    expect((await records.repostsOf(repost.id)).map((m) => m.record.id)).toEqual([old.id]);
    // The same write again replays as unchanged over the old item; a newer normalizer replaces it with a lean one.
    expect(await records.put(old)).toBe('unchanged');
    expect(await records.put({ ...old, normalizerVersion: '1.1.0' })).toBe('updated');
    const lean = await rawItem(tableName, old.id);
    expect(lean.GSI1PK).toBeUndefined();
    expect(lean.recordId).toBeUndefined();
    expect(await records.byUrl(old.url!)).toEqual([{ ...old, normalizerVersion: '1.1.0' }]);
  });
});
