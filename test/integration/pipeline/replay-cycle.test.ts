/**
 * The full cycle over the replay tree (seeds/replay/jiangsu) with the real fetcher, discovery and
 * normalizer, against DynamoDB Local + s3rver: the seed articles become records, a second run
 * fetches nothing new and writes nothing, a changed page updates its record, failures are data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { startReplayServer, replayFetcherOptions, type ReplayServer } from '../../../lambdas/dev/replay/index.js';
import { createHttpFetcher } from '../../../lambdas/fetch/index.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { defaultDiscover } from '../../../lambdas/pipeline/discover-default.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { hostDelays } from '../../../lambdas/pipeline/host-delays.js';
import type { Fetcher } from '../../../lambdas/fetch/types.js';

const TREE = 'seeds/replay/jiangsu';
/** The seed articles as the replay tree serves them (after redirects). */
const SEED_ARTICLES = [
  'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
  'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml',
  'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html',
  'http://www.zjchanye.example/?id=1187',
  'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html',
];
const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

let env: TestStores;
let server: ReplayServer;
let fetcher: Fetcher;
beforeAll(async () => {
  [env, server] = await Promise.all([startTestStores(), startReplayServer(TREE)]);
  const sources = loadSources(`${TREE}/sources.json`);
  fetcher = createHttpFetcher({ ...replayFetcherOptions(server), hostDelayMs: hostDelays(sources), backoffBaseMs: 10, backoffMaxMs: 50 });
});
afterAll(async () => {
  await fetcher?.close();
  await server?.close();
  await env?.stop();
});

describe('full cycle over the replay tree', () => {
  it('stores the seed articles, re-runs quietly, picks up a changed page, records failures', async () => {
    const stores = await env.freshStores();
    const sources = loadSources(`${TREE}/sources.json`);
    let now = new Date();
    const deps: PipelineDeps = { stores, fetcher, normalize, discover: defaultDiscover, clock: () => now, logger: silentLogger };

    const first = await runCycle(sources, deps);
    expect(first.map((s) => s.sourceId).sort()).toEqual(sources.filter((s) => s.enabled).map((s) => s.id).sort());
    for (const url of SEED_ARTICLES) {
      const records = await stores.records.byUrl(url);
      expect(records, url).toHaveLength(1);
      expect(records[0]!.title.length).toBeGreaterThan(0);
      expect(records[0]!.raw?.key).toMatch(/^raw\/sha256\/[0-9a-f]{2}\/[0-9a-f]{64}\.html\.gz$/);
    }
    const failed = first.flatMap((s) => Object.keys(s.failed));
    expect(failed).toContain('HTTP_STATUS'); // dead links
    expect(failed).toContain('ROBOTS_DISALLOWED');
    const allFailures = (await Promise.all(sources.map((s) => stores.failures.listBySource(s.id)))).flat();
    expect(allFailures.length).toBe(first.reduce((n, s) => n + Object.values(s.failed).reduce((a, b) => a + b, 0), 0));
    // The 503 that recovers is not a failure: its article is stored.
    expect(allFailures.map((f) => f.url)).not.toContain(SEED_ARTICLES[4]);

    // Second run: nothing new, nothing written.
    env.commands.length = 0;
    const second = await runCycle(sources, deps);
    expect(second.reduce((n, s) => n + s.new + s.updated, 0)).toBe(0);
    expect(second.reduce((n, s) => n + s.deferred, 0)).toBe(allFailures.length);
    expect(env.commands.filter((c) => WRITES.test(c))).toEqual([]);

    // The site changes one page: its record is updated, nothing else.
    server.setGeneration(1);
    now = new Date(now.getTime() + 1000);
    const third = await runCycle(sources, deps);
    expect(third.reduce((n, s) => n + s.updated, 0)).toBe(1);
    expect(third.reduce((n, s) => n + s.new, 0)).toBe(0);
    expect(third.find((s) => s.sourceId === 'zjchanye')?.updated).toBe(1);
  });
});
