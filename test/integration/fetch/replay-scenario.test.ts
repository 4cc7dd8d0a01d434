/**
 * The change-tracking scenario of seeds/replay/jiangsu: time-based versions served by the replay
 * server on a simulated clock, fetched with the real fetcher, and what the change-tracking core
 * makes of each page once normalized.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../../lambdas/fetch/index.js';
import type { Fetcher, FetchOutcome } from '../../../lambdas/fetch/types.js';
import { replayFetcherOptions, startReplayServer, type ReplayServer } from '../../../lambdas/dev/replay/index.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { compareVersions, observeFetch, versionHash, visibleText, type FetchFacts } from '../../../lambdas/pipeline/changes.js';
import { diffParagraphs, renderDiff } from '../../../lambdas/read/text-diff.js';

const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));
const URLS = {
  jssuxun: 'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html',
  woaijiangsu: 'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
  tinghu: 'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html',
  jinshanwang: 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml',
};

let server: ReplayServer;
let fetcher: Fetcher;
beforeAll(async () => {
  server = await startReplayServer(TREE, { clock: () => new Date('2025-12-31T00:00:00+08:00') });
  fetcher = createHttpFetcher({ ...replayFetcherOptions(server), delayMs: 0, backoffBaseMs: 5, backoffMaxMs: 10 });
});
afterAll(async () => {
  await fetcher?.close();
  await server?.close();
});

function facts(url: string, o: FetchOutcome): FetchFacts {
  if (o.kind === 'failure') return { kind: 'failure', status: o.status, code: o.code, reason: o.reason };
  if (o.notModified) return { kind: 'not-modified' };
  let record = null;
  try {
    record = normalize(o.body, { url: o.finalUrl, contentType: o.contentType, charset: o.headerCharset });
  } catch {
    record = null;
  }
  const text = new TextDecoder(o.headerCharset === 'big5' ? 'big5' : o.headerCharset === 'gb2312' ? 'gbk' : 'utf-8').decode(o.body);
  return { kind: 'page', requestedUrl: url, finalUrl: o.finalUrl, status: o.status, record, pageText: visibleText(text) };
}

async function observeAt(time: string, url: string) {
  server.setNow(time);
  const outcome = await fetcher.fetch(url);
  return { outcome, obs: observeFetch(facts(url, outcome)) };
}

describe('the jiangsu change scenario on a simulated clock', () => {
  it('no article exists before 2026-01-01T00:00+08:00; all are served from then on', async () => {
    const before = await observeAt('2025-12-31T23:59:00+08:00', URLS.jssuxun);
    expect(before.outcome).toMatchObject({ kind: 'failure', status: 404 });
    for (const url of Object.values(URLS)) {
      const { obs } = await observeAt('2026-01-01T09:00:00+08:00', url);
      expect(obs.kind, url).toBe('article');
    }
  });

  it('jssuxun from 01-03: one figure in one paragraph corrected, headline unchanged', async () => {
    const a = await observeAt('2026-01-02T23:59:59+08:00', URLS.jssuxun);
    const b = await observeAt('2026-01-03T00:00:00+08:00', URLS.jssuxun);
    if (a.obs.kind !== 'article' || b.obs.kind !== 'article') throw new Error('expected articles');
    expect(a.obs.hash).not.toBe(b.obs.hash);
    expect(compareVersions(a.obs.content, b.obs.content)).toEqual([{ field: 'paragraphs', summary: '1 of 11 paragraphs changed' }]);
    const changed = diffParagraphs(a.obs.content.paragraphs, b.obs.content.paragraphs).filter((p) => p.op !== 'same');
    expect(changed).toHaveLength(1);
    expect(renderDiff(changed)).toContain('新增市场主体[-2.5-]{+2.6+}万家');
  });

  it('woaijiangsu from 01-05: new bytes (ad block, related links), the same normalized version', async () => {
    const a = await observeAt('2026-01-04T09:00:00+08:00', URLS.woaijiangsu);
    const b = await observeAt('2026-01-05T09:00:00+08:00', URLS.woaijiangsu);
    if (a.outcome.kind !== 'page' || b.outcome.kind !== 'page' || a.obs.kind !== 'article' || b.obs.kind !== 'article') throw new Error('expected articles');
    expect(Buffer.from(a.outcome.body).equals(Buffer.from(b.outcome.body))).toBe(false);
    expect(new TextDecoder('gbk').decode(b.outcome.body)).toContain('相关阅读');
    expect(b.obs.hash).toBe(a.obs.hash);
  });

  it('tinghu answers 404 from 01-10', async () => {
    expect((await observeAt('2026-01-09T23:00:00+08:00', URLS.tinghu)).obs.kind).toBe('article');
    expect((await observeAt('2026-01-11T09:00:00+08:00', URLS.tinghu)).obs).toEqual({ kind: 'gone', reason: 'status', detail: 'HTTP 404' });
  });

  it('jinshanwang answers 200 with the site notice page from 01-12, without its ETag', async () => {
    const a = await observeAt('2026-01-11T09:00:00+08:00', URLS.jinshanwang);
    expect(a.outcome).toMatchObject({ kind: 'page', status: 200, headers: { etag: '"5581234-1"' } });
    server.setNow('2026-01-13T09:00:00+08:00');
    const b = await fetcher.fetch(URLS.jinshanwang, { etag: '"5581234-1"' });
    expect(b).toMatchObject({ kind: 'page', status: 200, notModified: false });
    expect(b.kind === 'page' && b.headers['etag']).toBeFalsy();
    expect(observeFetch(facts(URLS.jinshanwang, b))).toMatchObject({ kind: 'gone', reason: 'soft-404' });
  });

  it('a server without a simulated clock serves the tree as recorded', async () => {
    const plain = await startReplayServer(TREE);
    const f = createHttpFetcher({ ...replayFetcherOptions(plain), delayMs: 0 });
    try {
      const o = await f.fetch(URLS.tinghu);
      expect(o).toMatchObject({ kind: 'page', status: 200 });
    } finally {
      await f.close();
      await plain.close();
    }
  });
});
