import { describe, expect, it } from 'vitest';
import { parseFeed, parseSitemap } from '../../../lambdas/discover/index.js';
import { loadSources } from '../../../lambdas/sites/index.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>江苏要闻</title><link>https://jsnews.jschina.com.cn/jsyw/</link>
<item><title>南京江北新区召开新春第一会</title><link>https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml?utm_source=rss</link></item>
<item><title><![CDATA[省政府召开常务会议]]></title><link>/jsyw/202402/t20240219_3362950.shtml</link></item>
<item><title>外站</title><link>https://other.example/x.html</link></item>
<item><title>重复</title><link>https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml#c</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>甲</title><link rel="alternate" href="http://www.a.example/2024/02/20/a.html"/><link rel="edit" href="http://www.a.example/edit/1"/></entry>
<entry><title>乙</title><link href="http://www.a.example/2024/02/20/b.html"/></entry>
</feed>`;

const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://www.a.example/2024/02/20/a.html</loc><lastmod>2024-02-20</lastmod></url>
<url><loc> http://www.a.example/about/ </loc></url>
</urlset>`;

const INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://www.a.example/sitemap-1.xml</loc></sitemap><sitemap><loc>http://www.a.example/sitemap-2.xml</loc></sitemap>
</sitemapindex>`;

describe('parseFeed', () => {
  it('reads RSS items: resolved, normalized, same-site, de-duplicated, CDATA titles', () => {
    const links = parseFeed(RSS, 'https://jsnews.jschina.com.cn/rss.xml');
    expect(links.map((l) => [l.url, l.text])).toEqual([
      ['https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml', '南京江北新区召开新春第一会'],
      ['https://jsnews.jschina.com.cn/jsyw/202402/t20240219_3362950.shtml', '省政府召开常务会议'],
    ]);
    expect(links[0]!.reason).toBe('rss-item');
  });
  it('reads Atom entries, preferring rel=alternate', () => {
    expect(parseFeed(ATOM, 'http://www.a.example/atom.xml').map((l) => l.url)).toEqual([
      'http://www.a.example/2024/02/20/a.html',
      'http://www.a.example/2024/02/20/b.html',
    ]);
  });
  it('applies a source’s article patterns', () => {
    const jschina = loadSources().find((s) => s.id === 'jschina-jsnews')!;
    expect(parseFeed(RSS.replace('/jsyw/202402/t20240219_3362950.shtml', '/about/us.html'), 'https://jsnews.jschina.com.cn/', jschina)).toHaveLength(1);
  });
});

describe('parseSitemap', () => {
  it('reads a urlset', () => {
    const result = parseSitemap(SITEMAP, 'http://www.a.example/sitemap.xml');
    expect(result.links.map((l) => l.url)).toEqual(['http://www.a.example/2024/02/20/a.html', 'http://www.a.example/about/']);
    expect(result.sitemaps).toEqual([]);
  });
  it('reads a sitemap index as child sitemaps', () => {
    const result = parseSitemap(INDEX, 'http://www.a.example/sitemap.xml');
    expect(result.links).toEqual([]);
    expect(result.sitemaps).toEqual(['http://www.a.example/sitemap-1.xml', 'http://www.a.example/sitemap-2.xml']);
  });
});
