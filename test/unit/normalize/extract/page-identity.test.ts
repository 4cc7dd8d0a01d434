import { describe, expect, it } from 'vitest';
import { findCanonicalUrl } from '../../../../lambdas/normalize/extract/canonical-url.js';
import { normalizeUrl } from '../../../../lambdas/contract/url.js';
import { findSiteName, isTitleBar } from '../../../../lambdas/normalize/extract/site-name.js';
import { chooseHtmlTitle, stripTitleSuffixes } from '../../../../lambdas/normalize/extract/title.js';
import { countDatedListItems } from '../../../../lambdas/normalize/extract/gates.js';

describe('canonical URL', () => {
  it('normalizes host case, default port, fragment and tracking parameters', () => {
    expect(normalizeUrl('HTTPS://JSNews.JSChina.com.cn:443/jsyw/202402/t20240220_3363783.shtml?utm_source=x&id=2#top')).toBe(
      'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml?id=2',
    );
  });
  it('trusts rel=canonical only on the same site, and never a bare home page', () => {
    const url = 'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml';
    expect(findCanonicalUrl(url, ['https://www.jschina.com.cn/a/1.shtml'])).toBe('https://www.jschina.com.cn/a/1.shtml');
    expect(findCanonicalUrl(url, ['https://partner.example/copy.html'])).toBe(url);
    expect(findCanonicalUrl(url, ['https://jsnews.jschina.com.cn/'])).toBe(url);
    expect(findCanonicalUrl(null, [null])).toBeNull();
  });
});

describe('site name and title', () => {
  it('reads the site name from chrome phrases and title bars', () => {
    expect(findSiteName({ chromeLines: ['关注民生 服务社会 感谢您浏览江苏苏讯网。 欢迎投稿'], titleBars: [] })).toBe('江苏苏讯网');
    expect(findSiteName({ chromeLines: [], titleBars: ['我爱江苏网_江苏网_大苏网_江苏资讯-江苏头条'] })).toBe('我爱江苏网');
    expect(findSiteName({ metaSiteName: '金山网', chromeLines: [], titleBars: [] })).toBe('金山网');
    expect(findSiteName({ chromeLines: ['新闻中心'], titleBars: [] })).toBeNull();
    expect(isTitleBar('我爱江苏网_江苏网_大苏网_江苏资讯-江苏头条')).toBe(true);
    expect(isTitleBar('不负春光乘势上 项目建设争朝夕')).toBe(false);
  });
  it('strips site-name and section suffixes from <title>', () => {
    expect(stripTitleSuffixes('把新发展理念体现在项目建设上落实到实际行动中_我爱江苏网_江苏网', '我爱江苏网')).toBe('把新发展理念体现在项目建设上落实到实际行动中');
    expect(stripTitleSuffixes('南京江北新区召开四大行动动员大会-江苏要闻-中国江苏网')).toBe('南京江北新区召开四大行动动员大会');
  });
  it('picks the <h1> the <title> agrees with, not a logo or section heading', () => {
    expect(chooseHtmlTitle({ h1s: ['中国江苏网', '南京江北新区召开动员大会'], ogTitle: null, titleTag: '南京江北新区召开动员大会_中国江苏网', siteName: '中国江苏网' })).toBe('南京江北新区召开动员大会');
  });
});

describe('list pages', () => {
  it('calls a page of dated headline lines a listing, and an article with a related box an article', () => {
    const items = Array.from({ length: 8 }, (_, i) => `江北新区新闻第${i}条 日期:2021-12-1${i} 点击:`);
    expect(countDatedListItems(items).listing).toBe(true);
    const article = [...Array.from({ length: 20 }, () => '全市上下积极应对疫情冲击,有力有序推进项目建设,取得良好成效。'), ...items.slice(0, 3)];
    expect(countDatedListItems(article).listing).toBe(false);
  });
});
