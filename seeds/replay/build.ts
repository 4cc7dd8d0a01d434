/**
 * Assembles the replay tree seeds/replay/jiangsu/ from the seed pages in seeds/html/.
 * Run: npx tsx seeds/replay/build.ts   → rewrites the tree and prints what it wrote.
 *
 * Article pages are copied byte for byte. List pages get one change: absolute links to their own
 * host are rewritten from https:// to http:// (the replay server speaks plain HTTP); that is an
 * ASCII-only byte substitution, safe in GBK and Big5 too. Everything else (robots.txt, the
 * behaviours in manifest.json, a changed second version of one page) is declared below.
 *
 * The change-tracking scenario (SCENARIO below, seeds/replay/README.md) adds time-based versions: each
 * new page is the seed page with one hand-written edit, spliced in by a function here so the edit is
 * visible in one place (jssuxun: one figure corrected; woaijiangsu: an ad block and a related-links list
 * added after the body; jinshanwang: the article column replaced by the site's notice page; tinghu: 404).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageSpecs } from '../html/build.js';
import { ReplayManifest, type PageVersion, type PathBehaviour } from '../../lambdas/dev/replay/manifest.js';
import { encodeHtml } from '../html/encode.js';
import { replaySources } from '../../lambdas/sites/replay-sources.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const HTML_DIR = resolve(HERE, '../html');
export const DEFAULT_TREE_DIR = join(HERE, 'jiangsu');

/** Per-site facts of the tree: how it is served and what quirks it has. Keys are hosts. */
const SITES: Record<string, { contentType: string; robots: string; paths: Record<string, PathBehaviour> }> = {
  'www.woaijiangsu.example': {
    // GBK bytes; the page and the header say gb2312, as such sites do.
    contentType: 'text/html; charset=gb2312',
    robots: 'User-agent: *\nDisallow: /member/\nDisallow: /plus/\n',
    paths: {
      '/jsxw/2021/1216/45872.html': { status: 404, note: 'a dead link on the list page' },
      '/a/20211216/45871.html': { redirect: { to: '/jsxw/2021/1216/45871.html', status: 301 }, note: 'old URL scheme, moved to the article' },
    },
  },
  'www.jinshanwang.example': {
    // UTF-8 bytes although the page's <meta> says gbk: the header tells the truth.
    contentType: 'text/html; charset=utf-8',
    robots: 'User-agent: *\nDisallow: /pic/\nDisallow: /epaper/\n',
    paths: {
      '/news/zj/202301/t20230129_5581234.shtml': { etag: '"5581234-1"', lastModified: 'Sun, 29 Jan 2023 02:10:00 GMT', note: 'conditional GET: 304 on match' },
    },
  },
  'www.jssuxun.example': {
    contentType: 'text/html; charset=utf-8',
    robots: 'User-agent: *\nDisallow: /html/tousu/\n\nSitemap: http://www.jssuxun.example/sitemap.xml\n',
    paths: {
      '/html/2024/0220/52317.html': { redirect: { to: '/html/2024/jiangsu_0220/52317.html', status: 301 }, note: 'old URL in the sitemap, moved to the article' },
    },
  },
  'www.zjchanye.example': {
    // WordPress-style site serving no charset at all (the page declares none either).
    contentType: 'text/html',
    robots: 'User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n',
    paths: {},
  },
  'www.tinghu.example': {
    contentType: 'text/html; charset=big5',
    robots: 'User-agent: *\nDisallow: /bsfw/\n',
    paths: {
      '/xwzx/tpxw/201908/t20190826_2245.html': { failTimes: 1, note: 'a 503 that recovers on the next attempt' },
    },
  },
};

/** The article whose second version is served after setGeneration(1). */
const VERSIONED = { host: 'www.zjchanye.example', path: '/?id=1187' };
const VERSION_2_NOTE = '<p>  (本文于2024年9月25日更新,补充了项目建设最新进展。)</p>\n      </div>';

/** Times of the change-tracking scenario (China time, as the sites keep it). */
export const SCENARIO = {
  servedFrom: '2026-01-01T00:00:00+08:00',
  jssuxunEditedFrom: '2026-01-03T00:00:00+08:00',
  woaijiangsuChromeFrom: '2026-01-05T00:00:00+08:00',
  tinghuGoneFrom: '2026-01-10T00:00:00+08:00',
  jinshanwangNoticeFrom: '2026-01-12T00:00:00+08:00',
} as const;

/** The articles of the scenario: host → path, and the version files the build writes next to the page. */
const SCENARIO_PAGES: Record<string, { path: string; versions: (file: string, bytes: Buffer) => { files: Record<string, Buffer>; versions: PageVersion[] } }> = {
  'www.jssuxun.example': {
    path: '/html/2024/jiangsu_0220/52317.html',
    versions: (file, bytes) => {
      const v2 = file.replace(/\.html$/, '.corrected.html');
      return {
        files: { [v2]: jssuxunCorrected(bytes) },
        versions: [
          { from: SCENARIO.servedFrom, file, etag: '"52317-1"', lastModified: 'Tue, 20 Feb 2024 02:00:00 GMT' },
          { from: SCENARIO.jssuxunEditedFrom, file: v2, etag: '"52317-2"', lastModified: 'Fri, 02 Jan 2026 16:00:00 GMT' },
        ],
      };
    },
  },
  'www.woaijiangsu.example': {
    path: '/jsxw/2021/1216/45871.html',
    versions: (file, bytes) => {
      const v2 = file.replace(/\.html$/, '.newchrome.html');
      return {
        files: { [v2]: woaijiangsuNewChrome(bytes) },
        versions: [
          { from: SCENARIO.servedFrom, file },
          { from: SCENARIO.woaijiangsuChromeFrom, file: v2 },
        ],
      };
    },
  },
  'www.tinghu.example': {
    path: '/xwzx/tpxw/201908/t20190826_2245.html',
    versions: (file) => ({
      files: {},
      versions: [
        { from: SCENARIO.servedFrom, file },
        { from: SCENARIO.tinghuGoneFrom, status: 404 },
      ],
    }),
  },
  'www.jinshanwang.example': {
    path: '/news/zj/202301/t20230129_5581234.shtml',
    versions: (file, bytes) => {
      const notice = file.replace(/\.shtml$/, '.notice.shtml');
      return {
        files: { [notice]: jinshanwangNotice(bytes) },
        versions: [
          { from: SCENARIO.servedFrom, file },
          { from: SCENARIO.jinshanwangNoticeFrom, file: notice, etag: null, lastModified: null },
        ],
      };
    },
  },
};

/** jssuxun: the second paragraph's 新增市場主體2.5萬家 corrected to 2.6萬家 (UTF-8, Traditional as served). */
export const JSSUXUN_FIGURE = { before: '新增市場主體2.5萬家', after: '新增市場主體2.6萬家' };

function jssuxunCorrected(bytes: Buffer): Buffer {
  const html = bytes.toString('utf8');
  if (html.split(JSSUXUN_FIGURE.before).length !== 2) throw new Error('jssuxun: the figure to correct is not on the page exactly once');
  return Buffer.from(html.replace(JSSUXUN_FIGURE.before, JSSUXUN_FIGURE.after), 'utf8');
}

/** woaijiangsu (GBK): chrome only, right after the article body: an inline ad and a 相关阅读 list. */
const WOAIJIANGSU_NEW_CHROME = `      <div class="ad-inline" style="margin:10px 0;"><!-- 广告位:正文下方640x90 --><a href="/plus/ad_click.php?aid=21" rel="nofollow" target="_blank"><img src="/uploads/allimg/260105/ad_640x90.jpg" width="640" height="90" alt="" /></a></div>
      <div class="relnews mt10"><h3>相关阅读</h3>
        <ul>
          <li><a href="/jsxw/2026/0104/46101.html" target="_blank">南京江北新区一批重大项目集中开工</a></li>
          <li><a href="/jsxw/2026/0104/46098.html" target="_blank">全省重大项目建设推进会召开</a></li>
          <li><a href="/jsxw/2026/0103/46090.html" target="_blank">镇江新签约亿元以上产业项目27个</a></li>
          <li><a href="/jsxw/2026/0102/46077.html" target="_blank">苏州发布新一轮产业强市行动方案</a></li>
        </ul>
      </div>
`;
const WOAIJIANGSU_MARK = '      <div class="dede_pages">';

function woaijiangsuNewChrome(bytes: Buffer): Buffer {
  // The marker is ASCII, so its latin1 offset is its byte offset in the GBK file.
  const at = bytes.toString('latin1').indexOf(WOAIJIANGSU_MARK);
  if (at < 0) throw new Error('woaijiangsu: no dede_pages block after the body');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(encodeHtml(WOAIJIANGSU_NEW_CHROME, 'gbk').bytes), bytes.subarray(at)]);
}

/** jinshanwang (UTF-8): the site's notice page: same header, navigation, sidebar and footer; the article column is the notice. */
export const JINSHANWANG_NOTICE = '信息不存在或已被删除';
const JINSHANWANG_NOTICE_COLUMN = `  <div class="left fl">
    <div class="msg-box" style="padding:80px 0;text-align:center;">
      <h2>提示信息</h2>
      <p class="msg">${JINSHANWANG_NOTICE}</p>
      <p><a href="/">返回首页</a> | <a href="javascript:history.back();">返回上一页</a></p>
    </div>
  </div>
`;

const ARTICLE_META = /^<meta (name="(keywords|ArticleTitle|ContentSource|ColumnName|ColumnType)"|property="og:)/;

function jinshanwangNotice(bytes: Buffer): Buffer {
  const html = bytes.toString('utf8');
  const start = html.indexOf('  <div class="left fl">');
  const end = html.indexOf('    <div class="right fr">');
  if (start < 0 || end < start) throw new Error('jinshanwang: no article column to replace');
  const page = html.slice(0, start) + JINSHANWANG_NOTICE_COLUMN + html.slice(end);
  // A notice page carries the site's head, not the article's: its title and article meta tags go.
  const head = page
    .split('\n')
    .filter((line) => !ARTICLE_META.test(line))
    .join('\n');
  return Buffer.from(head.replace(/<title>[^<]*<\/title>/, '<title>提示信息_金山网</title>'), 'utf8');
}

/** Tree file for a URL path: the path itself, index.html for folders, `_q/<query>.html` for query-routed pages. */
function treeFile(url: URL): string {
  if (url.search) return `_q/${url.search.slice(1).replace(/[^a-z0-9=_-]/gi, '_')}.html`;
  const path = url.pathname.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function write(file: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

function toHttpLinks(bytes: Buffer, host: string): Buffer {
  return Buffer.from(bytes.toString('latin1').split(`https://${host}`).join(`http://${host}`), 'latin1');
}

function versionTwo(bytes: Buffer): Buffer {
  const html = bytes.toString('utf8');
  const start = html.indexOf('<div class="entry-content">');
  const end = html.indexOf('</div>', start);
  if (start < 0 || end < 0) throw new Error('versioned page: no entry-content block to change');
  const changed = html.slice(0, end) + VERSION_2_NOTE + html.slice(end + '</div>'.length);
  return Buffer.from(changed.replace('<span class="views">88</span>', '<span class="views">131</span>'), 'utf8');
}

export function buildTree(treeDir: string = DEFAULT_TREE_DIR): string[] {
  rmSync(treeDir, { recursive: true, force: true });
  const written: string[] = [];
  const paths: Record<string, Record<string, PathBehaviour>> = {};
  for (const [host, site] of Object.entries(SITES)) {
    paths[host] = { ...site.paths };
    write(join(treeDir, host, 'robots.txt'), site.robots);
    written.push(`${host}/robots.txt`);
  }
  for (const spec of pageSpecs()) {
    const url = new URL(spec.url.replace(/^https:/, 'http:'));
    const host = url.hostname;
    if (!SITES[host]) throw new Error(`seed page ${spec.file} is on ${host}, which the replay tree does not know`);
    const isList = spec.file.startsWith('index-');
    let bytes: Buffer = readFileSync(join(HTML_DIR, spec.file));
    if (isList) bytes = toHttpLinks(bytes, host);
    const file = treeFile(url);
    write(join(treeDir, host, file), bytes);
    written.push(`${host}/${file}  ← ${spec.file}${isList ? ' (links → http)' : ''}`);
    const key = url.pathname + url.search;
    const behaviour: PathBehaviour = { ...(paths[host]![key] ?? {}) };
    if (url.search) behaviour.file = file;
    if (host === VERSIONED.host && key === VERSIONED.path) {
      const v2 = file.replace(/\.html$/, '.v2.html');
      write(join(treeDir, host, v2), versionTwo(bytes));
      written.push(`${host}/${v2}  (version 2)`);
      behaviour.versions = [
        { fromGeneration: 0, file, etag: '"1187-v1"', lastModified: 'Tue, 24 Sep 2024 01:00:00 GMT' },
        { fromGeneration: 1, file: v2, etag: '"1187-v2"', lastModified: 'Wed, 25 Sep 2024 03:00:00 GMT' },
      ];
      behaviour.note = 'changed since the last run: version 2 after setGeneration(1)';
    }
    const scenario = SCENARIO_PAGES[host];
    if (scenario && scenario.path === key) {
      const built = scenario.versions(file, bytes);
      for (const [name, content] of Object.entries(built.files)) {
        write(join(treeDir, host, name), content);
        written.push(`${host}/${name}  (scenario version)`);
      }
      behaviour.versions = built.versions;
      behaviour.note = [behaviour.note, 'change-tracking scenario: time-based versions (seeds/replay/README.md)'].filter(Boolean).join('; ');
    }
    if (Object.keys(behaviour).length > 0) paths[host]![key] = behaviour;
  }
  write(join(treeDir, 'www.jssuxun.example', 'sitemap.xml'), sitemapXml());
  written.push('www.jssuxun.example/sitemap.xml');
  const manifest = ReplayManifest.parse({
    version: 1,
    description: 'Five Jiangsu news sites built from seeds/html by seeds/replay/build.ts. Do not edit by hand.',
    sites: Object.entries(SITES).map(([host, site]) => ({ host, contentType: site.contentType, paths: paths[host] })),
  });
  write(join(treeDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  write(join(treeDir, 'sources.json'), `${JSON.stringify({ sources: replaySources() }, null, 2)}\n`);
  written.push('manifest.json', 'sources.json');
  return written;
}

function sitemapXml(): string {
  const urls = ['http://www.jssuxun.example/html/2024/0220/52317.html', 'http://www.jssuxun.example/html/2024/jiangsu_0220/52316.html'];
  const items = urls.map((u) => `  <url><loc>${u}</loc><lastmod>2024-02-20</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</urlset>\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const line of buildTree()) console.log(line);
}
