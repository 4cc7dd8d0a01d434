/**
 * The sources we crawl. Data only: the shape and its checks are in sources-schema.ts.
 *
 * The fixture hosts (*.example) exist only in the replay tree (seeds/replay/jiangsu); they are
 * `enabled: false` here so a live run never tries them. replay-sources.ts enables them for replay.
 * Their start pages are the list-page URLs of seeds/html (build.ts), as http:// because the
 * replay server speaks plain HTTP (the seeds name some of them https://).
 */
import type { SourceInput } from './sources-schema.js';

// 中国江苏网 (jschina) runs TRS WCM: articles live at /<channel>/YYYYMM/tYYYYMMDD_<id>.shtml, where
// <id> is a number (t20240220_3363783) or, since 2025, `s` + 24 hex digits (t20250218_s67b41f81...).
// Channels are one or two path segments (/jsyw/, /nj/a/).
const JSCHINA_ARTICLE = String.raw`^https?://jsnews\.jschina\.com\.cn/(?:[a-z0-9]+/){1,2}\d{6}/t\d{8}_s?[0-9a-z]+\.shtml$`;

export const SOURCES: SourceInput[] = [
  {
    id: 'jschina-jsnews',
    name: '中国江苏网 江苏新闻',
    hosts: ['jsnews.jschina.com.cn'],
    startPages: [
      // 江苏要闻: the seed 002 article (…/jsyw/202402/t20240220_3363783.shtml) was reposted from it.
      { url: 'https://jsnews.jschina.com.cn/jsyw/', kind: 'list', label: '江苏要闻' },
      // 检察在线: articles seen at /jczx/202502/t20250218_s67b41f81e4b04dff9907e0f5.shtml (new hex id form).
      { url: 'https://jsnews.jschina.com.cn/jczx/', kind: 'list', label: '检察在线' },
      // 南京 city channel, two segments deep: articles seen at /nj/a/201807/t20180716_1761701.shtml.
      { url: 'https://jsnews.jschina.com.cn/nj/a/', kind: 'list', label: '南京' },
    ],
    articleUrlPatterns: [JSCHINA_ARTICLE],
    // Provincial headlines change through the day; hourly keeps up without hammering the site.
    schedule: 'rate(1 hour)',
    politeness: { delayMs: 2000, maxConcurrency: 1 },
    enabled: true,
    // TRS list pages: index.shtml is page 0, then index_1.shtml, index_2.shtml, ...
    listPageRange: { template: 'index_{n}.shtml', first: 1, last: 5 },
    // TRS WCM templates put the article in .TRS_Editor / #content; the site calls itself 中国江苏网.
    hints: { siteName: '中国江苏网', bodySelector: '.TRS_Editor, #content .text, .article-content' },
  },
  {
    id: 'woaijiangsu',
    name: '我爱江苏网',
    hosts: ['www.woaijiangsu.example'],
    startPages: [{ url: 'http://www.woaijiangsu.example/jsxw/', kind: 'list', label: '江苏新闻' }],
    // DedeCMS-style dated paths: /<channel>/YYYY/MMDD/<id>.html.
    articleUrlPatterns: [String.raw`^https?://www\.woaijiangsu\.example/[a-z]+/\d{4}/\d{4}/\d+\.html$`],
    listPageRange: { template: 'list_3_{n}.html', first: 2, last: 5 },
    schedule: 'cron(0 */2 * * ? *)',
    politeness: { delayMs: 1000, maxConcurrency: 1 },
    enabled: false,
    charsetHint: 'gbk',
    notes: 'Fixture host (replay only). A GBK aggregator that reposts city news (seed 000).',
  },
  {
    id: 'jinshanwang',
    name: '金山网',
    hosts: ['www.jinshanwang.example'],
    startPages: [{ url: 'http://www.jinshanwang.example/news/zj/', kind: 'list', label: '镇江新闻' }],
    // TRS paths like jschina's; no pattern on purpose, so generic discovery is exercised on a TRS list.
    articleUrlPatterns: [],
    listPageRange: { template: 'index_{n}.shtml', first: 1, last: 3 },
    schedule: 'cron(0 */2 * * ? *)',
    politeness: { delayMs: 1000, maxConcurrency: 1 },
    enabled: false,
    notes: 'Fixture host (replay only). Zhenjiang city paper, served in Traditional with pinyin annotations (seed 001).',
  },
  {
    id: 'jssuxun',
    name: '江苏苏讯网',
    hosts: ['www.jssuxun.example'],
    startPages: [
      { url: 'http://www.jssuxun.example/html/jiangsu/', kind: 'list', label: '江苏' },
      { url: 'http://www.jssuxun.example/sitemap.xml', kind: 'sitemap' },
    ],
    articleUrlPatterns: [],
    listPageRange: { template: '{n}.html', first: 2, last: 4 },
    schedule: 'cron(0 */2 * * ? *)',
    politeness: { delayMs: 1000, maxConcurrency: 1 },
    enabled: false,
    notes: 'Fixture host (replay only). Reposts jschina articles with 原文地址 (seed 002).',
  },
  {
    id: 'zjchanye',
    name: '镇江产业信息',
    hosts: ['www.zjchanye.example'],
    startPages: [{ url: 'http://www.zjchanye.example/?cate=3', kind: 'list', label: '镇江产业信息' }],
    // A query-routed blog CMS: posts are /?id=<n>.
    articleUrlPatterns: [String.raw`^https?://www\.zjchanye\.example/\?id=\d+$`],
    listPageRange: { template: '?cate=3&page={n}', first: 2, last: 3 },
    schedule: 'cron(0 6 * * ? *)',
    politeness: { delayMs: 1000, maxConcurrency: 1 },
    enabled: false,
    notes: 'Fixture host (replay only). A blog-CMS industry site (seed 003).',
  },
  {
    id: 'tinghu',
    name: '亭湖区 新闻中心',
    hosts: ['www.tinghu.example'],
    startPages: [{ url: 'http://www.tinghu.example/xwzx/tpxw/', kind: 'list', label: '图片新闻' }],
    articleUrlPatterns: [],
    listPageRange: { template: 'index_{n}.html', first: 1, last: 2 },
    schedule: 'cron(0 6 * * ? *)',
    politeness: { delayMs: 1000, maxConcurrency: 1 },
    enabled: false,
    notes: 'Fixture host (replay only). A district government news centre (seed 004).',
  },
];
