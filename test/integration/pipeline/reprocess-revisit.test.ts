/**
 * A record re-normalized by `jsnews reprocess` (a newer normalizer that reads the article differently), then revisited:
 * the revisit runs the same newer normalizer, so an article whose text did not change must report no change, whether
 * its bytes are the same or only its page chrome changed; a real edit afterwards is reported once, against the
 * reprocessed record. On DynamoDB Local, s3rver and the replay server of seeds/replay/jiangsu on a simulated clock:
 * woaijiangsu's article gets a new page template on 01-05 (same article), jssuxun's a corrected figure on 01-03
 * (seeds/replay/README.md). Expected values by hand from that scenario.
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
import { reprocess } from '../../../lambdas/pipeline/reprocess.js';
import { revisitDue } from '../../../lambdas/pipeline/revisit.js';
import { normalize, NORMALIZER_VERSION } from '../../../lambdas/normalize/index.js';
import { loadSources } from '../../../lambdas/sites/load-sources.js';
import type { NewsRecord, PageContext } from '../../../lambdas/contract/record.js';
import { useReplayStores } from '../../helpers/replay-stores.js';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';

const TREE = fileURLToPath(new URL('../../../seeds/replay/jiangsu/', import.meta.url));
const JSSUXUN = 'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html';
const WOAIJIANGSU = 'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html';

/**
 * The next normalizer: a newer version whose one rule change drops the article's last paragraph (as a new trailer rule
 * would). Its records replace the old ones on reprocess (a newer normalizerVersion), and their tracked content differs.
 */
const NEXT_VERSION = '99.0.0';
function nextNormalize(bytes: Uint8Array, ctx?: PageContext): NewsRecord {
  const r = normalize(bytes, ctx);
  const paragraphs = r.paragraphs.slice(0, -1);
  const text = paragraphs.join('\n');
  // contentHash is the text's sha256 (CONTRACT.md): a record whose body is archived apart is checked against it on read.
  return { ...r, paragraphs, text, contentHash: sha256Hex(text), normalizerVersion: NEXT_VERSION };
}


const fx = useReplayStores(TREE, new Date('2026-01-01T09:00:00+08:00'));

describe('revisits after a reprocess with a newer normalizer', () => {
  it('report no change for an unchanged article (same bytes or new chrome), and a real edit once', async () => {
    expect(NEXT_VERSION > NORMALIZER_VERSION).toBe(true);
    const fresh = await fx.stores.freshStores();
    const sources = loadSources(join(TREE, 'sources.json'))
      .filter((s) => s.id === 'jssuxun' || s.id === 'woaijiangsu')
      .map((s) => ({ ...s, politeness: { ...s.politeness, delayMs: 0 } }));
    const fetcher = createHttpFetcher({ ...replayFetcherOptions(fx.server), politeness: false });
    try {
      const deps = { ...createDefaultDeps(fresh, fetcher, silentLogger), clock: () => fx.now };
      for (const [url, id] of [[JSSUXUN, 'jssuxun'], [WOAIJIANGSU, 'woaijiangsu']] as const) {
        const source = sources.find((s) => s.id === id)!;
        expect((await ingestUrl(url, deps, { sourceId: id, revisit: source.revisit, site: source.hints })).status).toBe('new');
      }

      // The normalizer is upgraded: archived pages are re-normalized, and from now on the pipeline runs the new one.
      const upgraded = { ...deps, normalize: nextNormalize };
      const summaries = await reprocess({ all: true }, upgraded, { sources });
      expect(summaries.reduce((n, s) => n + s.updated, 0)).toBe(2);

      const revisit = async (at: string) => {
        fx.now = new Date(at);
        const results = await revisitDue(sources, upgraded, { all: true });
        return Object.fromEntries(results.map((r) => [r.url, [r.observed, r.change]]));
      };
      // 01-02: both pages serve the bytes ingested.
      expect(await revisit('2026-01-02T09:00:00+08:00')).toEqual({ [JSSUXUN]: ['same', null], [WOAIJIANGSU]: ['same', null] });
      // 01-06: woaijiangsu's new template around the same article; jssuxun's correction (2.5 → 2.6).
      expect(await revisit('2026-01-06T09:00:00+08:00')).toEqual({ [JSSUXUN]: ['article', 'edited'], [WOAIJIANGSU]: ['article', null] });
      // 01-07: nothing new on either.
      expect(await revisit('2026-01-07T09:00:00+08:00')).toEqual({ [JSSUXUN]: ['same', null], [WOAIJIANGSU]: ['same', null] });

      const reader = createReader(fresh);
      const changes = await reader.changes({ since: '2026-01-01T00:00:00.000Z', until: '2026-01-31T00:00:00.000Z' });
      expect(changes.map((c) => [c.kind, c.url, c.detectedAt])).toEqual([['edited', JSSUXUN, '2026-01-06T01:00:00.000Z']]);
      // The reprocessed record has 10 of the page's 11 paragraphs; the correction is in the second.
      expect(changes[0]!.fields).toEqual([{ field: 'paragraphs', summary: '1 of 10 paragraphs changed' }]);
      expect(changes[0]).toMatchObject({ fromVersion: 1, toVersion: 2 });
      // Version 1 is the reprocessed record (10 paragraphs, by the newer normalizer), not the first normalizer's 11.
      const history = await reader.history(changes[0]!.id);
      expect(history?.versions.map((v) => [v.n, v.paragraphs])).toEqual([
        [1, 10],
        [2, 10],
      ]);
      const items = await fresh.changes!.history(changes[0]!.id);
      expect(items.versions.map((v) => [v.n, v.normalizerVersion])).toEqual([
        [1, NEXT_VERSION],
        [2, NEXT_VERSION],
      ]);
    } finally {
      await fetcher.close();
    }
  }, 120_000);
});
