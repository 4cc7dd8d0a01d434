import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSpecs } from '../../../seeds/html/build.js';
import { DEFAULT_DELAY_MS, listPageUrls, loadSources, parseSources, replaySources, REPLAY_HOSTS, findSourceForUrl, siteHintsForUrl } from '../../../lambdas/sites/index.js';

function tempJson(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jsnews-sources-')), 'sources.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const minimal = { id: 'x', name: 'X', hosts: ['www.x.example'], startPages: [{ url: 'http://www.x.example/list/', kind: 'list' }], schedule: 'rate(1 hour)', enabled: true };

describe('built-in sources', () => {
  const sources = loadSources();
  it('validate, with jschina enabled and the fixture hosts disabled for live runs', () => {
    const jschina = sources.find((s) => s.id === 'jschina-jsnews')!;
    expect(jschina.enabled).toBe(true);
    expect(jschina.startPages.map((p) => p.url)).toEqual([
      'https://jsnews.jschina.com.cn/jsyw/',
      'https://jsnews.jschina.com.cn/jczx/',
      'https://jsnews.jschina.com.cn/nj/a/',
    ]);
    for (const host of REPLAY_HOSTS) expect(sources.find((s) => s.hosts.includes(host))?.enabled, host).toBe(false);
  });

  it('jschina article pattern accepts numeric and s+hex ids, one- and two-segment channels, and nothing else', () => {
    const re = new RegExp(sources.find((s) => s.id === 'jschina-jsnews')!.articleUrlPatterns[0]!);
    expect(re.test('https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml')).toBe(true);
    expect(re.test('https://jsnews.jschina.com.cn/jczx/202502/t20250218_s67b41f81e4b04dff9907e0f5.shtml')).toBe(true);
    expect(re.test('https://jsnews.jschina.com.cn/nj/a/201807/t20180716_1761701.shtml')).toBe(true);
    expect(re.test('https://jsnews.jschina.com.cn/jsyw/index_1.shtml')).toBe(false);
    expect(re.test('https://jsnews.jschina.com.cn/zt2022/ztgk/202204/W020220423553682082939.jpg')).toBe(false);
  });

  it('expands the TRS backfill template', () => {
    const urls = listPageUrls(sources.find((s) => s.id === 'jschina-jsnews')!);
    expect(urls.slice(0, 3)).toEqual(['https://jsnews.jschina.com.cn/jsyw/', 'https://jsnews.jschina.com.cn/jsyw/index_1.shtml', 'https://jsnews.jschina.com.cn/jsyw/index_2.shtml']);
    expect(urls).toHaveLength(3 * 6);
  });

  it('finds the source of a URL by host', () => {
    expect(findSourceForUrl(sources, 'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml')?.id).toBe('jschina-jsnews');
    expect(findSourceForUrl(sources, 'https://nowhere.example/')).toBeUndefined();
  });
});

describe('replay sources', () => {
  it('are enabled and start at the list-page URLs of seeds/html (as http://)', () => {
    const lists = pageSpecs().filter((p) => p.file.startsWith('index-')).map((p) => p.url.replace(/^https:/, 'http:'));
    const starts = replaySources().flatMap((s) => s.startPages.filter((p) => p.kind === 'list').map((p) => p.url));
    expect(starts.sort()).toEqual(lists.sort());
    expect(replaySources().every((s) => s.enabled)).toBe(true);
  });
});

describe('loadSources(overridePath)', () => {
  it('applies defaults', () => {
    const [s] = loadSources(tempJson([minimal]));
    expect(s!.politeness).toEqual({ delayMs: DEFAULT_DELAY_MS, maxConcurrency: 1 });
    expect(s!.articleUrlPatterns).toEqual([]);
  });
  it('accepts { sources: [...] }', () => {
    expect(loadSources(tempJson({ sources: [minimal] }))).toHaveLength(1);
  });
  it('names the file and every bad field', () => {
    const bad = { ...minimal, schedule: 'every hour', articleUrlPatterns: ['(unclosed'], startPages: [{ url: 'http://elsewhere.example/', kind: 'feed' }], politeness: { maxConcurrency: 4 } };
    const file = tempJson([bad]);
    let message = '';
    try {
      loadSources(file);
    } catch (err) {
      message = (err as Error).message;
      expect(err).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(message).toContain(file);
    expect(message).toContain('[0].schedule: must be an EventBridge Scheduler expression');
    expect(message).toContain('[0].articleUrlPatterns[0]: not a valid regular expression');
    expect(message).toContain('[0].startPages[0].kind');
    expect(message).toContain('[0].politeness.maxConcurrency');
  });
  it('reports bad JSON, missing files, duplicate ids and foreign start-page hosts', () => {
    expect(() => loadSources(tempJson('{nope'))).toThrow(/is not valid JSON/);
    expect(() => loadSources('/nonexistent/sources.json')).toThrow(/cannot read sources file/);
    expect(() => parseSources([minimal, minimal], 'test')).toThrow(/\[1\]\.id: duplicate source id x/);
    expect(() => parseSources([{ ...minimal, hosts: ['other.example'] }], 'test')).toThrow(/host www\.x\.example is not in hosts/);
    // Ids are bounded (they become key parts and CLI arguments): 128 characters pass, 129 do not.
    expect(() => parseSources([{ ...minimal, id: 'a'.repeat(128) }], 'test')).not.toThrow();
    expect(() => parseSources([{ ...minimal, id: 'a'.repeat(129) }], 'test')).toThrow(/\[0\]\.id/);
  });
  it('accepts cron and rate expressions, rejects malformed ones', () => {
    for (const schedule of ['rate(1 hour)', 'rate(15 minutes)', 'cron(0 */2 * * ? *)']) expect(() => parseSources([{ ...minimal, schedule }], 't')).not.toThrow();
    for (const schedule of ['rate(1 hours)', 'rate(0 minutes)', 'cron(0 * * *)']) expect(() => parseSources([{ ...minimal, schedule }], 't')).toThrow(/schedule/);
  });
});

describe('fetchDeadlineMs (issue 10 item 4)', () => {
  it('is optional, bounded, and becomes a per-host deadline for the fetcher', async () => {
    const { hostDeadlines } = await import('../../../lambdas/sites/sources-schema.js');
    const [plain, slow] = parseSources([minimal, { ...minimal, id: 'y', hosts: ['www.y.example', 'img.y.example'], startPages: [{ url: 'http://www.y.example/', kind: 'list' }], fetchDeadlineMs: 90_000 }], 'test');
    expect(plain!.fetchDeadlineMs).toBeUndefined();
    expect(hostDeadlines([plain!, slow!])).toEqual({ 'www.y.example': 90_000, 'img.y.example': 90_000 });
    expect(() => parseSources([{ ...minimal, fetchDeadlineMs: 999 }], 'test')).toThrow(/fetchDeadlineMs/);
    expect(() => parseSources([{ ...minimal, fetchDeadlineMs: 120_001 }], 'test')).toThrow(/fetchDeadlineMs/);
  });
});

describe('site hints (the normalizer\'s PageContext.site)', () => {
  const sources = loadSources();
  it('come from the source whose hosts include the URL\'s host, else there are none', () => {
    expect(siteHintsForUrl(sources, 'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml')).toEqual({
      siteName: '中国江苏网',
      bodySelector: '.TRS_Editor, #content .text, .article-content',
    });
    expect(siteHintsForUrl(sources, 'https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html')).toBeNull();
    expect(siteHintsForUrl(sources, 'https://elsewhere.example/a.html')).toBeNull();
    expect(siteHintsForUrl(sources, null)).toBeNull();
  });

  it('are validated: unknown keys and empty values are refused', () => {
    expect(parseSources([{ ...minimal, hints: { siteName: 'X网', bodySelector: '.article' } }], 'test')[0]!.hints).toEqual({ siteName: 'X网', bodySelector: '.article' });
    expect(() => parseSources([{ ...minimal, hints: { bodyselector: '.article' } }], 'test')).toThrow(/hints/);
    expect(() => parseSources([{ ...minimal, hints: { siteName: '' } }], 'test')).toThrow(/hints\.siteName/);
  });
});
