/**
 * Revisits of an article taken down behind a notice page ("信息不存在或已被删除"): the notice is no article (no
 * record, version or fetch pointer is written for it), so its bytes are archived once, at the first sighting of the
 * article gone (the evidence the deletion rests on), and not again. Before, every revisit of an already-deleted article
 * PUT the notice to S3 again. On DynamoDB Local, s3rver and the replay server of
 * seeds/replay/jiangsu: jinshanwang's article serves its notice from 01-12 (seeds/replay/README.md).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../../lambdas/fetch/http-client.js';
import { replayFetcherOptions } from '../../../lambdas/dev/replay/index.js';
import { createDefaultDeps } from '../../../lambdas/pipeline/default-deps.js';
import { silentLogger } from '../../../lambdas/pipeline/deps.js';
import { ingestUrl } from '../../../lambdas/pipeline/ingest.js';
import { revisitDue } from '../../../lambdas/pipeline/revisit.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import { useReplayStores } from '../../helpers/replay-stores.js';

const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));
const JINSHANWANG = 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml';

/** Keys of the raw pages PUT to S3 (the archive's raw/ prefix). */
const rawPuts: string[] = [];

const fx = useReplayStores(TREE, new Date('2026-01-01T09:00:00+08:00'), (stores) => {
  stores.clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      const key = String((args.input as { Key?: string }).Key ?? '');
      if (context.commandName === 'PutObjectCommand' && key.startsWith('raw/')) rawPuts.push(key);
      return next(args);
    },
    { step: 'initialize', name: 'recordRawPuts' },
  );
});

describe('revisits of a deleted article behind a notice page', () => {
  it('confirm the deletion and archive the notice once', async () => {
    const fresh = await fx.stores.freshStores();
    const sources = loadSources(join(TREE, 'sources.json')).filter((s) => s.id === 'jinshanwang').map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: 0 } }));
    const source = sources[0]!;
    const fetcher = createHttpFetcher({ ...replayFetcherOptions(fx.server), politeness: false });
    try {
      const deps = { ...createDefaultDeps(fresh, fetcher, silentLogger), clock: () => fx.now };
      expect((await ingestUrl(JINSHANWANG, deps, { sourceId: source.id, revisit: source.revisit, site: source.hints })).status).toBe('new');
      expect(rawPuts).toHaveLength(1);
      rawPuts.length = 0;

      const seen: [string, string | null][] = [];
      for (const at of ['2026-01-13T09:00:00+08:00', '2026-01-13T10:00:00+08:00', '2026-01-14T10:00:00+08:00', '2026-01-20T10:00:00+08:00']) {
        fx.now = new Date(at);
        for (const r of await revisitDue(sources, deps, { all: true })) seen.push([r.observed, r.change]);
      }
      // Gone once, confirmed an hour later (the source's confirmDeletionAfterHours), then still gone.
      expect(seen).toEqual([['gone', null], ['gone', 'deleted'], ['gone', null], ['gone', null]]);
      // One PUT: the notice at the first 'gone' (2026-01-13 09:00); none at the confirmation or after.
      expect(rawPuts).toHaveLength(1);
    } finally {
      await fetcher.close();
    }
  }, 120_000);
});
