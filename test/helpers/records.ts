/** Hand-built records that pass the NewsRecord schema, for store tests that must not depend on normalize. */
import { createHash } from 'node:crypto';
import { NewsRecord } from '../../lambdas/contract/record.js';
import { ErrorCode, JsnewsError } from '../../lambdas/contract/errors.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface RecordSpec {
  url?: string;
  paragraphs?: string[];
  publishedAt?: string | null;
  city?: string | null;
  originalUrl?: string | null;
  simhash?: string;
  normalizerVersion?: string;
  fetchedAt?: string;
  title?: string;
}

export function makeRecord(spec: RecordSpec = {}): NewsRecord {
  const url = spec.url ?? 'http://www.jssuxun.example/news/202402/t20240220_1.shtml';
  const paragraphs = spec.paragraphs ?? ['镇江市今天召开会议，研究部署全年工作。', '会议指出，要坚持稳中求进。'];
  const text = paragraphs.join('\n');
  const fetchedAt = spec.fetchedAt ?? '2024-02-20T04:00:00.000Z';
  return NewsRecord.parse({
    schemaVersion: 1,
    id: sha(url),
    url,
    canonicalUrl: url,
    site: { host: new URL(url).hostname, name: '测试网' },
    title: spec.title ?? '镇江召开全市工作会议',
    subtitle: null,
    publishedAt: spec.publishedAt === undefined ? '2024-02-20T10:30:00+08:00' : spec.publishedAt,
    published: null,
    source: null,
    originalUrl: spec.originalUrl ?? null,
    authors: [],
    editors: [],
    photographers: [],
    region: { province: '江苏', city: spec.city === undefined ? '镇江' : spec.city, district: null },
    people: [],
    figures: [{ text: '1866亿元', value: 186600000000, unit: 'CNY', context: '总额1866亿元' }],
    paragraphs,
    text,
    language: 'zh-Hans',
    sourceScript: 'Hans',
    quality: { pinyinAnnotationsRemoved: 0, suspectedGarbled: 0, warnings: [] },
    contentHash: sha(text),
    simhash: spec.simhash ?? '0123456789abcdef',
    raw: {
      bucket: 'b',
      key: `raw/sha256/00/${sha(url + fetchedAt)}.html.gz`,
      sha256: sha(url + fetchedAt),
      bytes: 1000,
      contentType: 'text/html',
      charset: 'utf-8',
      status: 200,
      fetchedAt,
    },
    normalizerVersion: spec.normalizerVersion ?? '1.0.0',
  });
}

/**
 * A tiny stand-in normalizer for pipeline tests: <h1> is the title, <p>s are the body, a page
 * without <article> has no article. The real normalizer is exercised by the replay cycle test.
 */
export function makeTestNormalize(normalizerVersion = '1.0.0') {
  return (bytes: Uint8Array, ctx: { url?: string | null; fetchedAt?: string | null }): NewsRecord => {
    const html = new TextDecoder().decode(bytes);
    if (!html.includes('<article>')) throw new JsnewsError(ErrorCode.NoArticle, 'no <article> on the page');
    const title = /<h1>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/gs)].map((m) => m[1] ?? '');
    const rec = makeRecord({ url: ctx.url ?? undefined, title, paragraphs, normalizerVersion, fetchedAt: ctx.fetchedAt ?? undefined });
    return { ...rec, simhash: sha(rec.text).slice(0, 16), raw: null };
  };
}
