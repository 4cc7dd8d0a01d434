import { describe, expect, it } from 'vitest';
import { JsnewsError } from '../../../lambdas/contract/errors.js';
import { adHocSourceId, planBackfill } from '../../../lambdas/pipeline/backfill.js';
import { parseBackfillPayload } from '../../../lambdas/pipeline/backfill-payload.js';
import { FetchWork } from '../../../lambdas/pipeline/work-items.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import type { ArchiveDay, PointerFilter } from '../../../lambdas/store/ports.js';

const source = Source.parse({
  id: 'plan-test',
  name: '测试',
  hosts: ['news.example.cn'],
  startPages: [
    { url: 'https://news.example.cn/a/index.shtml', kind: 'list' },
    { url: 'https://news.example.cn/rss.xml', kind: 'rss' },
    { url: 'https://news.example.cn/b/', kind: 'list' },
  ],
  schedule: 'rate(1 hour)',
  enabled: true,
  listPageRange: { template: 'index_{n}.shtml', first: 1, last: 5 },
});
const days: ArchiveDay[] = [
  { sourceId: 'plan-test', day: '2024-02-19' },
  { sourceId: 'plan-test', day: '2024-02-20' },
];
const archive = {
  asked: [] as PointerFilter[],
  async listDays(filter: PointerFilter) {
    this.asked.push(filter);
    return days;
  },
};
const plan = (payload: unknown) => planBackfill(parseBackfillPayload(payload), [source], archive);

describe('backfill plan (the same for inline and queued runs)', () => {
  it('urls: one article each, filed under the source whose host matches, else an ad-hoc id; duplicates once', async () => {
    const p = await plan({ urls: ['https://news.example.cn/a/1.html', 'https://other.example.com/x', 'https://news.example.cn/a/1.html'] });
    expect(p).toEqual({
      fetch: [
        { kind: 'article', url: 'https://news.example.cn/a/1.html', sourceId: 'plan-test', mayHaveFailure: true },
        { kind: 'article', url: 'https://other.example.com/x', sourceId: 'adhoc-other-example-com', mayHaveFailure: true },
      ],
      normalize: [],
    });
    expect(adHocSourceId('https://WWW.Ex_ample.com:8080/a')).toBe('adhoc-www-ex-ample-com');
  });

  it('listPages: every list start page (not RSS) × every page number', async () => {
    const p = await plan({ sourceId: 'plan-test', listPages: { from: 0, to: 1 } });
    expect(p.fetch.map((w) => w.url)).toEqual([
      'https://news.example.cn/a/index.shtml',
      'https://news.example.cn/a/index_1.shtml',
      'https://news.example.cn/b/',
      'https://news.example.cn/b/index_1.shtml',
    ]);
    expect(p.fetch.every((w) => w.kind === 'list' && w.walk === undefined)).toBe(true);
  });

  it('date range: one walk from page 0 per list start page', async () => {
    const p = await plan({ sourceId: 'plan-test', from: '2024-02-01', to: '2024-02-20' });
    expect(p.fetch).toEqual(
      ['https://news.example.cn/a/index.shtml', 'https://news.example.cn/b/'].map((url) => ({
        kind: 'list',
        url,
        sourceId: 'plan-test',
        pageKind: 'list',
        walk: { startUrl: url, n: 0, from: '2024-02-01', to: '2024-02-20' },
      })),
    );
    // Every planned item is a valid queue message.
    for (const w of p.fetch) expect(FetchWork.parse(w)).toEqual(w);
  });

  it('reprocess: one reprocess-day item per archived (source, day)', async () => {
    const p = await plan({ reprocess: { sourceId: 'plan-test', from: '2024-02-19' } });
    expect(archive.asked.at(-1)).toEqual({ sourceId: 'plan-test', from: '2024-02-19' });
    expect(p).toEqual({ fetch: [], normalize: days.map((d) => ({ kind: 'reprocess-day', ...d })) });
  });

  it('an unknown source is an InvalidArgument naming the known ones', async () => {
    await expect(plan({ sourceId: 'nope', listPages: { from: 0, to: 0 } })).rejects.toThrow(/unknown source "nope" \(known: plan-test\)/);
  });
});

describe('backfill limits (contract/limits.ts), shared by the CLI and the Lambda payload', () => {
  const rejects = (payload: unknown): JsnewsError => {
    try {
      parseBackfillPayload(payload);
    } catch (err) {
      return err as JsnewsError;
    }
    throw new Error('accepted');
  };

  it('at most 200 list pages per request: 0-199 passes, 0-200 and 0-100000000 do not', () => {
    expect(parseBackfillPayload({ sourceId: 'plan-test', listPages: { from: 0, to: 199 } })).toMatchObject({ from: 0, to: 199 });
    expect(rejects({ sourceId: 'plan-test', listPages: { from: 0, to: 200 } }).message).toMatch(/at most 200 list pages/);
    expect(rejects({ sourceId: 'plan-test', listPages: { from: 0, to: 100_000_000 } }).code).toBe('INVALID_ARGUMENT');
  });

  it('at most 10,000 URLs, each at most 2,048 characters', () => {
    const urls = Array.from({ length: 10_001 }, (_, i) => `https://news.example.cn/a/${i}.html`);
    expect(parseBackfillPayload({ urls: urls.slice(0, 10_000) }).kind).toBe('urls');
    expect(rejects({ urls }).message).toMatch(/urls: Array must contain at most 10000/);
    const long = `https://news.example.cn/${'a'.repeat(2_048)}`;
    expect(rejects({ urls: [long] }).message).toMatch(/at most 2048 character/);
  });

  it('a source id of 129 characters is refused by the payload, as the queue message schema refuses it', () => {
    const id128 = 'a'.repeat(128);
    expect(parseBackfillPayload({ sourceId: id128, from: '2024-02-01', to: '2024-02-02' })).toMatchObject({ sourceId: id128 });
    expect(FetchWork.safeParse({ kind: 'article', url: 'https://news.example.cn/a', sourceId: id128 }).success).toBe(true);
    const id129 = 'a'.repeat(129);
    expect(rejects({ sourceId: id129, from: '2024-02-01', to: '2024-02-02' }).message).toMatch(/sourceId: String must contain at most 128/);
    expect(FetchWork.safeParse({ kind: 'article', url: 'https://news.example.cn/a', sourceId: id129 }).success).toBe(false);
  });

  it('a 1 MB source id is not echoed in the error', () => {
    const huge = 'x'.repeat(1_000_000);
    for (const payload of [{ sourceId: huge, from: '2024-02-01', to: '2024-02-02' }, { sourceId: huge, listPages: { from: 0, to: 1 } }, { reprocess: { sourceId: huge } }]) {
      const err = rejects(payload);
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.message.length).toBeLessThan(300);
    }
  });

  it('an unknown source id is quoted at most 80 characters long', async () => {
    const id = 'b'.repeat(128);
    const err = (await plan({ sourceId: id, from: '2024-02-01', to: '2024-02-02' }).catch((e: unknown) => e)) as JsnewsError;
    expect(err.message).toContain(`unknown source "${'b'.repeat(80)}"… (128 characters)`);
  });
});
