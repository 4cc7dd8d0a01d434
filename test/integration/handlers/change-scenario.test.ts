/**
 * The change-tracking scenario of seeds/replay/jiangsu through the Lambda handlers: discover and
 * fetch handlers ingest at 2026-01-01T09:00+08:00, the revisit planner enqueues revisits (all, at
 * 01-04, 01-06, 01-11, 01-13 09:00; then what is due at 01-13T10:00) and the fetch handler does
 * them, against DynamoDB Local, s3rver and the replay server on a simulated clock (only SQS is
 * replaced by a recording queue). Expected, by hand: jssuxun edited, tinghu and jinshanwang deleted.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDiscoverHandler } from '../../../lambdas/handlers/discover.js';
import { makeFetchHandler } from '../../../lambdas/handlers/fetch.js';
import { makeRevisitPlannerHandler } from '../../../lambdas/handlers/revisit-planner.js';
import { createObservability, pipelineLogger } from '../../../lambdas/handlers/observability.js';
import { buildRuntime, type HandlerRuntime } from '../../../lambdas/handlers/runtime.js';
import { createHttpFetcher } from '../../../lambdas/fetch/http-client.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { defaultDiscover } from '../../../lambdas/pipeline/discover-default.js';
import { replayFetcherOptions } from '../../../lambdas/dev/replay/index.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { useReplayStores } from '../../helpers/replay-stores.js';
import { createMemoryWorkQueue, fetchEvent, lambdaContext } from './memory-work-queue.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));


const fx = useReplayStores(TREE, new Date('2026-01-01T09:00:00+08:00'));

describe('change scenario through the Lambda handlers', () => {
  it('reports exactly jssuxun edited, tinghu deleted, jinshanwang deleted', async () => {
    const fresh = await fx.stores.freshStores();
    const queue = createMemoryWorkQueue();
    const sources = loadSources(join(TREE, 'sources.json')).map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: 0 } }));
    const rt: HandlerRuntime = buildRuntime({
      clients: fx.stores.clients,
      names: { tableName: fresh.tableName, bucketName: fresh.bucketName },
      sources,
      queue,
      logger: pipelineLogger(createObservability('fetch').logger),
      capabilities: { fetcher: (hostDelayMs) => createHttpFetcher({ ...replayFetcherOptions(fx.server), hostDelayMs, backoffBaseMs: 5, backoffMaxMs: 10 }), normalize, discover: defaultDiscover },
      clock: () => fx.now,
    });
    const discover = makeDiscoverHandler(() => rt, createObservability('discover'));
    const fetch = makeFetchHandler(() => rt, createObservability('fetch'));
    const planner = makeRevisitPlannerHandler(() => rt, createObservability('revisit-planner'));
    const drain = async () => {
      while (queue.fetch.length) {
        const batch = queue.fetch.splice(0, 10);
        const res = await fetch(fetchEvent(batch), lambdaContext('fetch'));
        expect(res.batchItemFailures).toEqual([]);
      }
    };

    for (const s of sources) await discover({ sourceId: s.id }, lambdaContext('discover'));
    await drain();

    const planned: number[] = [];
    for (const [at, all] of [
      ['2026-01-04T09:00:00+08:00', true],
      ['2026-01-06T09:00:00+08:00', true],
      ['2026-01-11T09:00:00+08:00', true],
      ['2026-01-13T09:00:00+08:00', true],
      ['2026-01-13T10:00:00+08:00', false],
    ] as const) {
      fx.now = new Date(at);
      const plan = await planner({ now: at, ...(all ? { all: true } : {}) }, lambdaContext('revisit-planner'));
      planned.push(plan.enqueued);
      await drain();
    }
    expect(planned).toEqual([5, 5, 5, 5, 1]);

    const changes = await fresh.changes.changes({ since: '2025-12-31T16:00:00.000Z', until: '2026-01-31T15:59:59.999Z' });
    expect(changes.map((c) => [c.kind, c.host, c.detectedAt])).toEqual([
      ['edited', 'www.jssuxun.example', '2026-01-04T01:00:00.000Z'],
      ['deleted', 'www.tinghu.example', '2026-01-13T01:00:00.000Z'],
      ['deleted', 'www.jinshanwang.example', '2026-01-13T02:00:00.000Z'],
    ]);
    expect(changes[0]!.fields).toEqual([{ field: 'paragraphs', summary: '1 of 11 paragraphs changed' }]);
    // No Scan anywhere on the way.
    expect(fx.stores.commands).not.toContain('ScanCommand');
  }, 180_000);
});
