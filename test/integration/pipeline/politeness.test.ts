/**
 * Robots and politeness of a whole cycle, measured on the replay server's own log (arrival and end of
 * every request, per host): the pipeline runs several sources and several URLs per source at once, and
 * the fetcher must still keep one request per host in flight, leave each host's delay between two
 * requests, and never ask for a path its robots.txt disallows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import robotsParserModule from 'robots-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { startReplayServer, replayFetcherOptions, type ReplayLogEntry, type ReplayServer } from '../../../lambdas/dev/replay/index.js';
import { createHttpFetcher, ROBOTS_TOKEN } from '../../../lambdas/fetch/index.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { defaultDiscover } from '../../../lambdas/pipeline/discover-default.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { hostDelays } from '../../../lambdas/pipeline/host-delays.js';

// robots-parser is CommonJS; under NodeNext its default import is typed as the namespace (see lambdas/fetch/robots.ts).
type RobotsParser = typeof robotsParserModule.default;
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

const TREE = 'seeds/replay/jiangsu';
/** Politeness delay for every host in this test: long enough that a missing gap cannot hide in timer noise. */
const DELAY_MS = 120;
/** Server clock (performance) vs the fetcher's gate (Date.now, 1 ms resolution): allow that much rounding. */
const CLOCK_GRANULARITY_MS = 1;
/** Pipeline concurrency well above one per host, so the host gate (not the pipeline) is what keeps the order. */
const URL_CONCURRENCY = 4;

let env: TestStores;
let server: ReplayServer;
beforeAll(async () => {
  [env, server] = await Promise.all([startTestStores(), startReplayServer(TREE)]);
});
afterAll(async () => {
  await server?.close();
  await env?.stop();
});

function byHost(log: readonly ReplayLogEntry[]): Map<string, ReplayLogEntry[]> {
  const out = new Map<string, ReplayLogEntry[]>();
  for (const e of log) out.set(e.host, [...(out.get(e.host) ?? []), e]);
  for (const list of out.values()) list.sort((a, b) => a.startedAt - b.startedAt);
  return out;
}

describe('a cycle with politeness on, seen from the server', () => {
  it('never requests a disallowed path, never overlaps requests to one host, keeps the delay', async () => {
    const sources = loadSources(`${TREE}/sources.json`).map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: DELAY_MS } }));
    const fetcher = createHttpFetcher({ ...replayFetcherOptions(server), hostDelayMs: hostDelays(sources), backoffBaseMs: 10, backoffMaxMs: 50 });
    const stores = await env.freshStores();
    const deps: PipelineDeps = { stores, fetcher, normalize, discover: defaultDiscover, clock: () => new Date(), logger: silentLogger };
    server.reset();
    let summaries;
    try {
      summaries = await runCycle(sources, deps, { urlConcurrency: URL_CONCURRENCY, sourceConcurrency: sources.length });
    } finally {
      await fetcher.close();
    }
    // The run did real work on every host, including refusing disallowed links it discovered.
    expect(summaries.reduce((n, s) => n + s.new, 0)).toBeGreaterThanOrEqual(5);
    expect(summaries.flatMap((s) => Object.keys(s.failed))).toContain('ROBOTS_DISALLOWED');

    const hosts = byHost(server.log);
    expect([...hosts.keys()].sort()).toEqual([...server.hosts].sort());
    for (const [host, log] of hosts) {
      const robotsTxt = readFileSync(join(TREE, host, 'robots.txt'), 'utf8');
      const robots = robotsParser(`http://${host}/robots.txt`, robotsTxt);
      expect(log[0]!.path, `${host}: robots.txt comes first`).toBe('/robots.txt');
      for (const e of log.slice(1)) {
        expect(robots.isAllowed(`http://${host}${e.path}`, ROBOTS_TOKEN), `${host}${e.path} is disallowed`).toBe(true);
      }
      for (let i = 1; i < log.length; i++) {
        const gap = log[i]!.startedAt - log[i - 1]!.finishedAt;
        expect(gap, `${host}: ${log[i - 1]!.path} → ${log[i]!.path}`).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_GRANULARITY_MS);
      }
    }
    // Some host was asked more than once, or the gap checks above would be vacuous.
    expect(Math.max(...[...hosts.values()].map((l) => l.length))).toBeGreaterThanOrEqual(4);
  });
});
