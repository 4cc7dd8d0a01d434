/**
 * A revisit that dies after it has stored a change but before its tracking item is written, then
 * redone by the next run: the change must be reported once, with its per-field summary, and the
 * superseded version must keep its own content. The death is the request that writes the tracking
 * item failing on the wire (as if the process was killed just before it), on DynamoDB Local, s3rver
 * and the replay server of seeds/replay/jiangsu on a simulated clock. Expected values by hand from
 * the scenario (seeds/replay/README.md): the jssuxun article's figure 2.5 corrected to 2.6 on 01-03.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReader } from '../../../lambdas/read/index.js';
import { createHttpFetcher } from '../../../lambdas/fetch/http-client.js';
import { replayFetcherOptions } from '../../../lambdas/dev/replay/index.js';
import { createDefaultDeps } from '../../../lambdas/pipeline/default-deps.js';
import { silentLogger } from '../../../lambdas/pipeline/deps.js';
import { ingestUrl } from '../../../lambdas/pipeline/ingest.js';
import { revisitDue } from '../../../lambdas/pipeline/revisit.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { useReplayStores } from '../../helpers/replay-stores.js';

const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));
const JSSUXUN = 'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html';

/** While set, any DynamoDB request that writes a tracking item (SK "TRACK") fails before it reaches the table. */
let killTrackWrite = false;
let killed = 0;

const fx = useReplayStores(TREE, new Date('2026-01-01T09:00:00+08:00'), (stores) => {
  stores.clients.dynamo.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'] ?? '';
      const writes = /\.(PutItem|UpdateItem|BatchWriteItem|TransactWriteItems)$/.test(target);
      if (killTrackWrite && writes && String(request.body ?? '').includes('"SK":{"S":"TRACK"}')) {
        killed++;
        throw new Error('killed before the tracking item was written');
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'killTrackWrite' },
  );
});

describe('a revisit killed between its change and its tracking item', () => {
  it('reports the edit once on redo, with its fields, and keeps the old version intact', async () => {
    const fresh = await fx.stores.freshStores();
    const sources = loadSources(join(TREE, 'sources.json')).filter((s) => s.id === 'jssuxun').map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: 0 } }));
    const source = sources[0]!;
    const fetcher = createHttpFetcher({ ...replayFetcherOptions(fx.server), politeness: false });
    try {
      const deps = { ...createDefaultDeps(fresh, fetcher, silentLogger), clock: () => fx.now };
      const ingested = await ingestUrl(JSSUXUN, deps, { sourceId: source.id, revisit: source.revisit, site: source.hints });
      expect(ingested.status).toBe('new');

      fx.now = new Date('2026-01-04T09:00:00+08:00');
      killTrackWrite = true;
      await expect(revisitDue(sources, deps)).rejects.toThrow();
      killTrackWrite = false;
      expect(killed).toBe(1);

      // The next run an hour later: the revisit is still due (its schedule was never written) and is redone.
      fx.now = new Date('2026-01-04T10:00:00+08:00');
      const redo = await revisitDue(sources, deps);
      expect(redo.map((r) => r.change)).toEqual(['edited']);

      const reader = createReader(fresh);
      const changes = await reader.changes({ since: '2026-01-01T00:00:00.000Z', until: '2026-01-31T00:00:00.000Z' });
      expect(changes.map((c) => [c.kind, c.url, c.detectedAt])).toEqual([['edited', JSSUXUN, '2026-01-04T02:00:00.000Z']]);
      expect(changes[0]!.fields).toEqual([{ field: 'paragraphs', summary: '1 of 11 paragraphs changed' }]);
      expect(changes[0]).toMatchObject({ fromVersion: 1, toVersion: 2 });

      const id = changes[0]!.id;
      const history = await reader.history(id);
      expect(history?.versions.map((v) => [v.n, v.firstSeenAt])).toEqual([
        [1, '2026-01-01T01:00:00.000Z'],
        [2, '2026-01-04T01:00:00.000Z'],
      ]);
      const diff = await reader.diff(id);
      expect(diff.text).toContain('新增市场主体[-2.5-]{+2.6+}万家');
      // The export's stream reads the same changes, by Query (by day, and by site through GSI2), never a Scan.
      for (const site of [undefined, 'www.jssuxun.example']) {
        const streamed = [];
        for await (const c of reader.streamChanges({ since: '2026-01-01T00:00:00.000Z', until: '2026-01-31T00:00:00.000Z', ...(site ? { site } : {}) })) streamed.push(c);
        expect(streamed).toEqual(changes);
      }
      expect(fx.stores.commands).not.toContain('ScanCommand');
    } finally {
      await fetcher.close();
    }
  }, 120_000);
});
