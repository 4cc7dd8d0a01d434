import { describe, expect, it } from 'vitest';
import { articleBatch } from '../../../lambdas/pipeline/fetch-work.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import type { ArticleWork, FetchWork } from '../../../lambdas/pipeline/work-items.js';
import { ErrorCode } from '../../../lambdas/contract/errors.js';

/** Deps whose fetcher answers every URL with a 404 (so ingest ends at the fetch step) and logs what it was asked, and when. */
function fakeDeps() {
  const fetched: string[] = [];
  const deps = {
    stores: {
      urlState: { get: async () => null, getMany: async () => ({ states: new Map(), tracks: new Map() }) },
      failures: { record: async () => ({}), clear: async () => {} },
    },
    fetcher: {
      async fetch(url: string) {
        fetched.push(url);
        return { kind: 'failure', requestedUrl: url, finalUrl: url, code: ErrorCode.HttpStatus, reason: 'HTTP 404', status: 404, retryable: false, attempts: 1, fetchedAt: '2024-02-22T02:00:00.000Z' };
      },
    },
    clock: () => new Date('2024-02-22T02:00:00.000Z'),
    logger: silentLogger,
  } as unknown as PipelineDeps;
  return { deps, fetched };
}

const art = (n: number): ArticleWork => ({ kind: 'article', url: `http://h${n}.example/a.html`, sourceId: 's', mayHaveFailure: false });
const list: FetchWork = { kind: 'list', url: 'http://h9.example/list.html', sourceId: 's', pageKind: 'list' };

describe('articleBatch (the article items of one fetch invocation, ingested together)', () => {
  it('waits until every article item has joined or left, then fetches the joined ones only, once', async () => {
    const { deps, fetched } = fakeDeps();
    const batch = articleBatch([art(1), list, art(2), art(3)], { deps, sources: [] });
    const first = batch.resultOf(art(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetched).toEqual([]); // art 2 and 3 have not arrived yet
    batch.leave(list); // not an article: ignored
    batch.leave(art(2)); // e.g. its host lease was refused
    const third = batch.resultOf(art(3));
    const [r1, r3] = await Promise.all([first, third]);
    expect(fetched.sort()).toEqual([art(1).url, art(3).url]);
    expect([r1?.url, r1?.status, r3?.url, r3?.status]).toEqual([art(1).url, 'failed', art(3).url, 'failed']);
    // leaving after joining changes nothing; an item outside the batch, or one that left, is handled alone
    batch.leave(art(1));
    expect(await batch.resultOf(art(2))).toBeNull();
    expect(await batch.resultOf(art(7))).toBeNull();
    expect(fetched).toHaveLength(2);
  });

  it('two messages of one URL are one member: one fetch, the same result', async () => {
    const { deps, fetched } = fakeDeps();
    const batch = articleBatch([art(1), art(1)], { deps, sources: [] });
    const [a, b] = await Promise.all([batch.resultOf(art(1)), batch.resultOf(art(1))]);
    expect(fetched).toEqual([art(1).url]);
    expect(b).toBe(a);
  });

  it('an item that never joins nor leaves holds the others up for a bounded time only', async () => {
    const { deps, fetched } = fakeDeps();
    const batch = articleBatch([art(1), art(2)], { deps, sources: [] });
    const r1 = await batch.resultOf(art(1)); // art 2 never arrives
    expect(r1?.status).toBe('failed');
    expect(fetched).toEqual([art(1).url]);
    expect(await batch.resultOf(art(2))).toBeNull(); // too late: handled alone
  }, 10_000);
});
