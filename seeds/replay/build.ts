/**
 * Assembles the replay tree seeds/replay/jiangsu/ from the seed pages in seeds/html/.
 * Run: npx tsx seeds/replay/build.ts   → rewrites the tree and prints what it wrote.
 *
 * Article pages are copied byte for byte. List pages get one change: absolute links to their own
 * host are rewritten from https:// to http:// (the replay server speaks plain HTTP); that is an
 * ASCII-only byte substitution, safe in GBK and Big5 too. Everything else (robots.txt, the
 * behaviours in manifest.json, a changed second version of one page) is declared below.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageSpecs } from '../html/build.js';
import { ReplayManifest, type PathBehaviour } from '../../lambdas/dev/replay/manifest.js';
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
