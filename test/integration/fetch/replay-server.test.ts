/**
 * The replay tree (seeds/replay/jiangsu) served by the replay server and crawled with the real
 * fetcher: start pages → discovery → articles, with every quirk of the tree checked from both
 * sides (our outcomes and the server's request log).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverLinks } from '../../../lambdas/discover/index.js';
import { createHttpFetcher } from '../../../lambdas/fetch/index.js';
import type { Fetcher, FetchedPage, FetchOutcome } from '../../../lambdas/fetch/types.js';
import { replayFetcherOptions, startReplayServer, type ReplayLogEntry, type ReplayServer } from '../../../lambdas/dev/replay/index.js';
import { loadSources, replaySources } from '../../../lambdas/sites/index.js';
import { buildTree } from '../../../seeds/replay/build.js';

const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));
const SEED_HTML = fileURLToPath(new URL('../../../seeds/html/', import.meta.url));
const DELAY_MS = 50;
const CLOCK_GRANULARITY_MS = 1;

let server: ReplayServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startReplayServer(TREE);
  fetcher = createHttpFetcher({ ...replayFetcherOptions(server), delayMs: DELAY_MS, backoffBaseMs: 10, backoffMaxMs: 40 });
});
afterAll(async () => {
  await fetcher?.close();
  await server?.close();
});

function asPage(o: FetchOutcome): FetchedPage {
  if (o.kind !== 'page') throw new Error(`expected a page for ${o.requestedUrl}, got ${o.code}: ${o.reason}`);
  return o;
}
const decode = (page: FetchedPage): string => new TextDecoder(page.headerCharset ?? 'utf-8').decode(page.body);
const requests = (host: string, path?: string): ReplayLogEntry[] => server.log.filter((e) => e.host === host && (path === undefined || e.path === path));

describe('replay tree crawled with the fetcher', () => {
  it('serves every start page of the replay sources and discovery finds each seed article', async () => {
    const expected: Record<string, string> = {
      woaijiangsu: 'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
      jinshanwang: 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml',
      jssuxun: 'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html',
      zjchanye: 'http://www.zjchanye.example/?id=1187',
      tinghu: 'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html',
    };
    for (const source of replaySources()) {
      const list = source.startPages.find((p) => p.kind === 'list')!;
      const page = asPage(await fetcher.fetch(list.url));
      const links = discoverLinks('list', decode(page), page.finalUrl, source);
      expect(links.map((l) => l.url), source.id).toContain(expected[source.id]);
      expect(links.length, source.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('serves the GBK article byte for byte with its charset header', async () => {
    const page = asPage(await fetcher.fetch('http://www.woaijiangsu.example/jsxw/2021/1216/45871.html'));
    expect(page.headerCharset).toBe('gb2312');
    expect(Buffer.from(page.body).equals(readFileSync(join(SEED_HTML, '000_0bd5e5fca5af9d22.html')))).toBe(true);
    expect(decode(page)).toContain('韩立明');
  });

  it('follows the old URL 301 to the article', async () => {
    const page = asPage(await fetcher.fetch('http://www.woaijiangsu.example/a/20211216/45871.html'));
    expect(page.finalUrl).toBe('http://www.woaijiangsu.example/jsxw/2021/1216/45871.html');
    expect(requests('www.woaijiangsu.example', '/a/20211216/45871.html').map((e) => e.status)).toEqual([301]);
  });

  it('answers the dead list link with 404, not retried', async () => {
    const out = await fetcher.fetch('http://www.woaijiangsu.example/jsxw/2021/1216/45872.html');
    expect(out).toMatchObject({ kind: 'failure', code: 'HTTP_STATUS', status: 404, retryable: false, attempts: 1 });
  });

  it('recovers from the 503 on the tinghu article (Big5)', async () => {
    const page = asPage(await fetcher.fetch('http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html'));
    expect(page.attempts).toBe(2);
    expect(page.headerCharset).toBe('big5');
    expect(requests('www.tinghu.example', '/xwzx/tpxw/201908/t20190826_2245.html').map((e) => e.status)).toEqual([503, 200]);
  });

  it('never requests the robots-disallowed /pic/ links found on the jinshanwang list page', async () => {
    const source = replaySources().find((s) => s.id === 'jinshanwang')!;
    const list = asPage(await fetcher.fetch(source.startPages[0]!.url));
    const pics = discoverLinks('list', decode(list), list.finalUrl, source).filter((l) => l.url.includes('/pic/'));
    expect(pics.length).toBeGreaterThan(0);
    for (const link of pics) expect(await fetcher.fetch(link.url)).toMatchObject({ kind: 'failure', code: 'ROBOTS_DISALLOWED', retryable: false });
    expect(requests('www.jinshanwang.example').filter((e) => e.path.startsWith('/pic/'))).toHaveLength(0);
  });

  it('serves 304 on a matching ETag, and the changed version after setGeneration(1)', async () => {
    const url = 'http://www.zjchanye.example/?id=1187';
    const v1 = asPage(await fetcher.fetch(url));
    expect(v1.headers['etag']).toBe('"1187-v1"');
    expect(v1.contentType).toBe('text/html');
    expect(v1.headerCharset).toBeNull();
    const same = asPage(await fetcher.fetch(url, { etag: v1.headers['etag'], lastModified: v1.headers['last-modified'] }));
    expect(same.notModified).toBe(true);
    server.setGeneration(1);
    const v2 = asPage(await fetcher.fetch(url, { etag: v1.headers['etag'], lastModified: v1.headers['last-modified'] }));
    expect(v2.notModified).toBe(false);
    expect(v2.headers['etag']).toBe('"1187-v2"');
    expect(decode(v2)).toContain('本文于2024年9月25日更新');
    expect(decode(v1)).not.toContain('本文于2024年9月25日更新');
    expect(requests('www.zjchanye.example', '/?id=1187').map((e) => [e.status, e.ifNoneMatch])).toEqual([
      [200, null],
      [304, '"1187-v1"'],
      [200, '"1187-v1"'],
    ]);
  });

  it('serves the sitemap, whose old URL redirects to the article', async () => {
    const source = replaySources().find((s) => s.id === 'jssuxun')!;
    const sitemap = asPage(await fetcher.fetch('http://www.jssuxun.example/sitemap.xml'));
    const links = discoverLinks('sitemap', decode(sitemap), sitemap.finalUrl, source);
    expect(links.map((l) => l.url)).toContain('http://www.jssuxun.example/html/2024/0220/52317.html');
    const page = asPage(await fetcher.fetch('http://www.jssuxun.example/html/2024/0220/52317.html'));
    expect(page.finalUrl).toBe('http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html');
  });

  it('the server saw: robots.txt once per host first, real Host headers, no overlap and the delay per host', () => {
    for (const host of server.hosts) {
      const log = requests(host);
      expect(log.length, host).toBeGreaterThan(1);
      expect(log[0]!.path, host).toBe('/robots.txt');
      expect(log.filter((e) => e.path === '/robots.txt'), host).toHaveLength(1);
      const sorted = [...log].sort((a, b) => a.startedAt - b.startedAt);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]!.startedAt - sorted[i - 1]!.finishedAt, `${host} #${i}`).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_GRANULARITY_MS);
      }
      expect(log.every((e) => e.userAgent?.startsWith('jsnews/'))).toBe(true);
    }
  });
});

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length))
    .sort();
}

describe('replay server', () => {
  it('the checked-in tree is what seeds/replay/build.ts makes from seeds/html today', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'jsnews-tree-')), 'jiangsu');
    buildTree(fresh);
    const files = listFiles(fresh);
    expect(listFiles(TREE.replace(/\/$/, ''))).toEqual(files);
    for (const f of files) expect(readFileSync(join(fresh, f)).equals(readFileSync(join(TREE, f))), f).toBe(true);
  });

  it('the tree ships a sources file that loadSources accepts, all enabled', () => {
    const sources = loadSources(join(TREE, 'sources.json'));
    expect(sources.map((s) => s.id).sort()).toEqual(['jinshanwang', 'jssuxun', 'tinghu', 'woaijiangsu', 'zjchanye']);
    expect(sources.every((s) => s.enabled)).toBe(true);
  });

  it('rejects an invalid manifest with a readable error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsnews-replay-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: 1, sites: [{ host: 'a.example', paths: { 'no-slash': {} } }] }));
    await expect(startReplayServer(dir)).rejects.toThrow(/invalid replay manifest .*sites\[0\]\.paths\.no-slash/);
  });

  it('answers unknown hosts with 404 and logs them', async () => {
    const s = await startReplayServer(TREE);
    try {
      const res = await fetch(`${s.origin}/x`, { headers: { host: 'unknown.example' } });
      expect(res.status).toBe(404);
      expect(s.log[0]).toMatchObject({ host: '127.0.0.1', path: '/x', status: 404 });
    } finally {
      await s.close();
    }
  });
});
