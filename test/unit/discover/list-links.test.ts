import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverArticleLinks, MIN_ARTICLE_SCORE, normalizeLinkUrl } from '../../../lambdas/discover/index.js';
import { siteKey } from '../../../lambdas/contract/url.js';
import { loadSources } from '../../../lambdas/sites/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/lists/', import.meta.url));
const SEED_HTML = fileURLToPath(new URL('../../../seeds/html/', import.meta.url));

interface Expected {
  baseUrl: string;
  urls: string[];
  texts: Record<string, string>;
}

describe('discoverArticleLinks on hand-checked list fixtures (no profile)', () => {
  for (const name of readdirSync(FIXTURES)) {
    it(name, () => {
      const html = readFileSync(join(FIXTURES, name, 'page.html'), 'utf8');
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
      const links = discoverArticleLinks(html, expected.baseUrl);
      expect(links.map((l) => l.url)).toEqual(expected.urls);
      for (const [url, text] of Object.entries(expected.texts)) expect(links.find((l) => l.url === url)?.text).toBe(text);
      for (const l of links) expect(l.score).toBeGreaterThanOrEqual(MIN_ARTICLE_SCORE);
    });
  }

  it('explains each score', () => {
    const html = readFileSync(join(FIXTURES, 'jschina-trs-list', 'page.html'), 'utf8');
    const [first] = discoverArticleLinks(html, 'https://jsnews.jschina.com.cn/jsyw/');
    expect(first!.reason).toBe('trs-url+headline-text+list-block');
  });
});

describe('source patterns are authoritative', () => {
  const jschina = loadSources().find((s) => s.id === 'jschina-jsnews')!;
  it('keeps exactly the pattern matches, including a nav link the heuristics would drop', () => {
    const html = readFileSync(join(FIXTURES, 'jschina-trs-list', 'page.html'), 'utf8');
    const links = discoverArticleLinks(html, 'https://jsnews.jschina.com.cn/jsyw/', jschina);
    expect(links.map((l) => l.url)).toEqual([
      'https://jsnews.jschina.com.cn/jsyw/202402/t20240219_3363001.shtml',
      'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml',
      'https://jsnews.jschina.com.cn/jsyw/202502/t20250218_s67b41f81e4b04dff9907e0f5.shtml',
      'http://jsnews.jschina.com.cn/jsyw/202402/t20240219_3362950.shtml',
      'https://jsnews.jschina.com.cn/jsyw/202401/t20240101_3300000.shtml',
    ]);
    expect(links.every((l) => l.reason === 'source-pattern')).toBe(true);
  });
});

describe('generic discovery on the seed list pages (seeds/html)', () => {
  // Seed article → list page it is linked from; each list must yield it without a profile.
  const cases = [
    ['index-woaijiangsu.html', 'gbk', 'https://www.woaijiangsu.example/jsxw/', 'https://www.woaijiangsu.example/jsxw/2021/1216/45871.html'],
    ['index-jinshanwang.html', 'utf-8', 'http://www.jinshanwang.example/news/zj/', 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml'],
    ['index-jssuxun.html', 'utf-8', 'https://www.jssuxun.example/html/jiangsu/', 'https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html'],
    ['index-zjchanye.html', 'utf-8', 'https://www.zjchanye.example/?cate=3', 'https://www.zjchanye.example/?id=1187'],
    ['index-tinghu.html', 'big5', 'http://www.tinghu.example/xwzx/tpxw/', 'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html'],
  ] as const;
  for (const [file, charset, base, article] of cases) {
    it(`${file}: finds the seed article, no nav/pager/tag links`, () => {
      const html = new TextDecoder(charset).decode(readFileSync(join(SEED_HTML, file)));
      const urls = discoverArticleLinks(html, base).map((l) => l.url);
      expect(urls).toContain(article);
      expect(urls.length).toBeGreaterThanOrEqual(10);
      for (const url of urls) {
        expect(url).not.toMatch(/\/(index|list)[_\d]*\.s?html$|[?&](tag|cate)=|\/$/);
        expect(new URL(url).hostname).toBe(new URL(base).hostname);
      }
    });
  }
});

describe('URL helpers', () => {
  it('normalizes: resolves, strips fragment and tracking params, keeps real params', () => {
    expect(normalizeLinkUrl('../a/b.html?utm_source=x&id=3&spm=1#top', 'http://Example.COM:80/x/y/')).toBe('http://example.com/x/a/b.html?id=3');
    expect(normalizeLinkUrl('javascript:void(0)', 'http://a.example/')).toBeNull();
    expect(normalizeLinkUrl('mailto:a@b', 'http://a.example/')).toBeNull();
  });
  it('siteKey knows .com.cn style suffixes', () => {
    expect(siteKey('jsnews.jschina.com.cn')).toBe('jschina.com.cn');
    expect(siteKey('www.jschina.com.cn')).toBe('jschina.com.cn');
    expect(siteKey('www.tinghu.gov.cn')).toBe('tinghu.gov.cn');
    expect(siteKey('www.woaijiangsu.example')).toBe('woaijiangsu.example');
  });
});

describe('discoverArticleLinks on pages with thousands of links (issue 10 item 3)', () => {
  const page = (n: number) =>
    `<html><body><div class="news">${Array.from({ length: n }, (_, i) => `<a href="/news/2024/01/${i}.html">第${i}条江苏新闻标题测试内容</a>`).join('\n')}</div></body></html>`;

  it('scores every link of one big block as a list-block link (block shape counts shared, not recounted per link)', () => {
    const links = discoverArticleLinks(page(1500), 'https://example.com/list.html');
    expect(links).toHaveLength(1500);
    expect(links.every((l) => l.reason.includes('list-block'))).toBe(true);
  });

  it('reads at most DEFAULT_MAX_LINKS_PER_PAGE links of a page, in page order, unless the source says otherwise', () => {
    const links = discoverArticleLinks(page(2500), 'https://example.com/list.html');
    expect(links).toHaveLength(2000);
    expect(links[1999]!.url).toBe('https://example.com/news/2024/01/1999.html');
    const source = { ...loadSources()[0]!, hosts: ['example.com'], articleUrlPatterns: [], maxLinksPerPage: 10 };
    expect(discoverArticleLinks(page(2500), 'https://example.com/list.html', source)).toHaveLength(10);
  });
});

describe('discoverArticleLinks parses with the normalizer’s parse stage (issue 10 item 3)', () => {
  const links = (n: number) => `<ul class="news">${Array.from({ length: n }, (_, i) => `<li><a href="/news/2024/01/${i}.html">第${i}条江苏新闻标题测试内容</a></li>`).join('')}</ul>`;

  it('reads a page with 100,000 nested <div>s under the nesting guard (parse5 took 104 s); links deeper than 1,000 levels are dropped with their tags', () => {
    const deep = links(10).replaceAll('/news/', '/deep/');
    const html = `<html><body>${links(10)}${'<div>'.repeat(100_000)}${deep}${'</div>'.repeat(100_000)}</body></html>`;
    const found = discoverArticleLinks(html, 'https://example.com/list.html');
    expect(found.map((l) => l.url)).toEqual(Array.from({ length: 10 }, (_, i) => `https://example.com/news/2024/01/${i}.html`));
  });

  it('reads a list page past the normalizer’s element budget when the source allows many links', () => {
    // 5,000 list items are 10,000+ elements: the budget is 10 elements per allowed link, at least MAX_PAGE_ELEMENTS.
    const html = `<html><body>${'<span>x</span>'.repeat(25_000)}${links(5_000)}</body></html>`;
    const source = { ...loadSources()[0]!, hosts: ['example.com'], articleUrlPatterns: [], maxLinksPerPage: 5_000 };
    expect(discoverArticleLinks(html, 'https://example.com/list.html', source)).toHaveLength(5_000);
  });
});
