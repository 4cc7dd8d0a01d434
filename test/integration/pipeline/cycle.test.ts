/**
 * The pipeline against real DynamoDB Local + s3rver, with an in-process fetcher and a stand-in
 * normalizer (so these facts do not depend on the normalizer's extraction quality).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { createMemoryFetcher, type MemoryPage } from '../../helpers/memory-fetcher.js';
import { makeTestNormalize } from '../../helpers/records.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { reprocess } from '../../../lambdas/pipeline/reprocess.js';
import { backfill } from '../../../lambdas/pipeline/backfill.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { RETRYABLE_BACKOFF_BASE_MS, PERMANENT_BACKOFF_BASE_MS } from '../../../lambdas/store/failures.js';
import type { Stores } from '../../../lambdas/store/stores.js';

let env: TestStores;
beforeAll(async () => {
  env = await startTestStores();
});
afterAll(async () => {
  await env?.stop();
});

const HOST = 'www.jssuxun.example';
const LIST = `http://${HOST}/news/index.shtml`;
const art = (n: number) => `http://${HOST}/news/202402/t2024022${n}_${n}.shtml`;
const article = (title: string, ...ps: string[]) => ({ body: `<html><article><h1>${title}</h1>${ps.map((p) => `<p>${p}</p>`).join('')}</article></html>` });

function site(): Record<string, MemoryPage> {
  return {
    [LIST]: { body: `<ul>${[1, 2, 3, 4, 5, 6].map((n) => `<li><a href="${art(n)}">江苏新闻标题第${n}条内容很长</a></li>`).join('')}</ul>` },
    [art(1)]: article('标题一', '正文一。'),
    [art(2)]: article('标题二', '正文二。'),
    [art(3)]: article('标题三', '正文三。'),
    [art(4)]: { body: '<html><div>这是一个列表页，没有正文</div></html>' }, // NO_ARTICLE
    [art(5)]: { body: 'down', status: 503 }, // retryable fetch failure
    // art(6) missing → 404
  };
}

const source = Source.parse({
  id: 'jssuxun',
  name: '江苏苏讯网',
  hosts: [HOST],
  startPages: [{ url: LIST, kind: 'list' }],
  schedule: 'rate(1 hour)',
  enabled: true,
});

/** Discovery stand-in: every absolute href (the real one is tested in test/unit/discover/). */
const discover: PipelineDeps['discover'] = (page) => [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

function setup(stores: Stores, pages: Record<string, MemoryPage>, version = '1.0.0') {
  let now = new Date('2024-02-22T02:00:00.000Z');
  const fetcher = createMemoryFetcher(pages, () => now.toISOString());
  const deps: PipelineDeps = { stores, fetcher, normalize: makeTestNormalize(version), discover, clock: () => now, logger: silentLogger };
  return { deps, fetcher, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

describe('runCycle', () => {
  it('ingests, records every failure, then a quiet re-run writes nothing; a change updates', async () => {
    const stores = await env.freshStores();
    const pages = site();
    const { deps, fetcher, advance } = setup(stores, pages);

    const [first] = await runCycle([source], deps);
    expect(first).toMatchObject({ sourceId: 'jssuxun', discovered: 6, new: 3, updated: 0, unchanged: 0, fetched: 4 });
    expect(first!.failed).toEqual({ NO_ARTICLE: 1, HTTP_STATUS: 2 });
    for (const n of [1, 2, 3]) expect((await stores.records.byUrl(art(n))).map((r) => r.title)).toEqual([`标题${['一', '二', '三'][n - 1]}`]);
    const failures = await stores.failures.listBySource('jssuxun');
    expect(failures.map((f) => [f.url, f.stage, f.code, f.attempts]).sort()).toEqual(
      [
        [art(4), 'normalize', 'NO_ARTICLE', 1],
        [art(5), 'fetch', 'HTTP_STATUS', 1],
        [art(6), 'fetch', 'HTTP_STATUS', 1],
      ].sort(),
    );
    const raws = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: stores.bucketName, Prefix: 'raw/' }));
    // NO_ARTICLE bytes are archived too, for reprocess: the 4 fetched pages are one batch object (5 and 6 failed to fetch).
    expect(raws.KeyCount).toBe(1);
    const ptrs: string[] = [];
    for await (const p of stores.archive.listFetchPointers({ sourceId: 'jssuxun' })) {
      ptrs.push(p.url);
      expect(raws.Contents?.map((o) => o.Key)).toContain(p.rawKey);
    }
    expect(ptrs.sort()).toEqual([art(1), art(2), art(3), art(4)].sort());

    // Second run: 304s, failures not due yet → deferred; no store writes at all.
    fetcher.log.length = 0;
    env.commands.length = 0;
    const [second] = await runCycle([source], deps);
    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: 3, fetched: 0, deferred: 3, failed: {} });
    expect(env.commands.filter((c) => WRITES.test(c))).toEqual([]);
    expect(fetcher.log.filter((l) => l.url !== LIST).map((l) => l.status)).toEqual([304, 304, 304]);

    // The page changes: its record is updated. The 503 recovers once its retry is due.
    fetcher.pages.set(art(2), article('标题二（更新）', '正文二。', '新增一段。'));
    fetcher.pages.set(art(5), article('标题五', '正文五。'));
    advance(RETRYABLE_BACKOFF_BASE_MS);
    const [third] = await runCycle([source], deps);
    expect(third).toMatchObject({ new: 1, updated: 1, unchanged: 2, deferred: 2 });
    expect((await stores.records.byUrl(art(2)))[0]?.title).toBe('标题二（更新）');
    expect((await stores.failures.listBySource('jssuxun')).map((f) => f.url).sort()).toEqual([art(4), art(6)].sort());

    // Permanent failures come back after their longer backoff, attempt count rising.
    advance(PERMANENT_BACKOFF_BASE_MS);
    await runCycle([source], deps);
    expect((await stores.failures.listBySource('jssuxun')).map((f) => f.attempts)).toEqual([2, 2]);
  });

  it('resumes a killed run without losing or duplicating anything', async () => {
    const stores = await env.freshStores();
    const { deps } = setup(stores, site());
    // "Killed" after two URLs: only their effects are in the stores.
    const [partial] = await runCycle([source], deps, { maxUrlsPerSource: 2, urlConcurrency: 1 });
    expect(partial!.new).toBe(2);
    const [rest] = await runCycle([source], deps);
    expect(rest).toMatchObject({ new: 1, unchanged: 2 });
    const all = await stores.records.bySite(HOST, {});
    expect(all).toHaveLength(3);
    expect(new Set(all.map((r) => r.id)).size).toBe(3);
  });
});

describe('reprocess and backfill', () => {
  it('re-normalizes archived pages with a newer normalizer, without fetching', async () => {
    const stores = await env.freshStores();
    const { deps } = setup(stores, site(), '1.0.0');
    await runCycle([source], deps);
    const fetchCount = (deps.fetcher as ReturnType<typeof createMemoryFetcher>).log.length;

    const same = await reprocess({ all: true }, deps);
    expect(same[0]).toMatchObject({ unchanged: 3, new: 0, updated: 0, failed: { NO_ARTICLE: 1 } });
    const newer = await reprocess({ sourceId: 'jssuxun', from: '2024-02-22', to: '2024-02-22' }, { ...deps, normalize: makeTestNormalize('1.1.0') });
    expect(newer[0]).toMatchObject({ updated: 3 });
    expect((await stores.records.byUrl(art(1)))[0]?.normalizerVersion).toBe('1.1.0');
    expect(await reprocess({ from: '2024-01-01', to: '2024-01-31' }, deps)).toEqual([]);
    expect((deps.fetcher as ReturnType<typeof createMemoryFetcher>).log.length).toBe(fetchCount);
  });

  it('reprocess clears the failure of a page it now stores, and sends no failure delete for pages that have none', async () => {
    const stores = await env.freshStores();
    const { deps } = setup(stores, site(), '1.0.0');
    await runCycle([source], deps);
    expect((await stores.failures.listBySource('jssuxun')).map((f) => f.url)).toContain(art(4));
    // A newer normalizer that reads art(4)'s div as the article.
    const base = makeTestNormalize('1.1.0');
    const reads4 = (bytes: Uint8Array, ctx: { url?: string | null; fetchedAt?: string | null }) =>
      base(Buffer.from(Buffer.from(bytes).toString('utf8').replace('<div>', '<article><h1>列表</h1><p>').replace('</div>', '</p></article>')), ctx);
    env.commands.length = 0;
    const out = await reprocess({ all: true }, { ...deps, normalize: reads4 });
    expect(out[0]).toMatchObject({ updated: 3, new: 1 });
    expect((await stores.failures.listBySource('jssuxun')).map((f) => f.url)).not.toContain(art(4));
    // One DeleteItem: art(4)'s failure; art(1)-(3) never had one (a delete of nothing bills a write unit too).
    expect(env.commands.filter((c) => c === 'DeleteItemCommand')).toHaveLength(1);
  });

  it('backfills explicit URLs, ignoring backoff', async () => {
    const stores = await env.freshStores();
    const { deps } = setup(stores, site());
    const summaries = await backfill({ urls: [art(1), art(6), 'http://other.example/x.html'] }, [source], deps);
    expect(summaries.map((s) => [s.sourceId, s.new, s.failed])).toEqual([
      ['jssuxun', 1, { HTTP_STATUS: 1 }],
      ['adhoc-other-example', 0, { HTTP_STATUS: 1 }],
    ]);
    expect((await backfill({ urls: [art(6)] }, [source], deps))[0]?.failed).toEqual({ HTTP_STATUS: 1 });
    expect((await stores.failures.listBySource('jssuxun'))[0]?.attempts).toBe(2);
  });
});

describe('site hints', () => {
  const hints = { siteName: '江苏苏讯网', bodySelector: 'article' };
  const hinted = Source.parse({ ...source, hints });
  function capturing(deps: PipelineDeps): { deps: PipelineDeps; seen: unknown[] } {
    const seen: unknown[] = [];
    return { seen, deps: { ...deps, normalize: (bytes, ctx) => (seen.push(ctx.site), deps.normalize(bytes, ctx)) } };
  }

  it("the crawl, backfill and reprocess hand the source's hints to the normalizer", async () => {
    const crawl = capturing(setup(await env.freshStores(), site()).deps);
    await runCycle([hinted], crawl.deps);
    // art 1-4 are fetched and normalized (4 is NO_ARTICLE); 5 and 6 fail at the fetch.
    expect(crawl.seen).toEqual([hints, hints, hints, hints]);

    const again = capturing(crawl.deps);
    await reprocess({ all: true }, again.deps, { sources: [hinted] });
    expect(again.seen).toEqual([hints, hints, hints, hints]);
    const without = capturing(crawl.deps);
    await reprocess({ all: true }, without.deps);
    expect(without.seen).toEqual([undefined, undefined, undefined, undefined]);

    const back = capturing(setup(await env.freshStores(), site()).deps);
    await backfill({ urls: [art(1), art(2)] }, [hinted], back.deps);
    expect(back.seen).toEqual([hints, hints]);
  });
});
