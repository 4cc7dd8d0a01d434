/**
 * Trying pages and sources through the real bin (a child process) against a real replay server:
 * `jsnews normalize URL` (robots respected, nothing stored), `-` for stdin, `--manifest`, and
 * `jsnews sources check ID|FILE` with its flags. The site tree is written here, page by page, so
 * every expected value below is read off the pages by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, jsnews } from '../../helpers/cli.js';

interface Line {
  input: string;
  title?: string;
  url?: string | null;
  publishedAt?: string | null;
  published?: { year: number | null; yearInferred: boolean } | null;
  raw?: unknown;
  error?: { code: string; message: string };
}
const lines = (stdout: string): Line[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);

function article(title: string, dateLine: string, lead: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_新闻中心_示例新闻网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻中心</a></div>
<div class="article"><h1>${title}</h1>${dateLine ? `<div class="info">${dateLine} 来源：盐城日报</div>` : ''}
<div class="content">
<p>${lead}会议指出，要坚持项目为王，聚焦主导产业，狠抓项目招引、建设和服务，推动各项工作落地见效。</p>
<p>会上，各县（市、区）分别汇报了重点项目进展情况。今年全市计划实施重点项目320个，总投资超过2000亿元，其中新开工项目150个。</p>
<p>会议要求，各地各部门要强化要素保障，优化营商环境，确保项目早开工、早投产、早见效，为全市经济社会高质量发展提供有力支撑。</p>
</div></div><div class="footer">版权所有 示例新闻网 苏ICP备00000000号</div></body></html>`;
}
const listPage = (title: string, links: string[]) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_示例新闻网</title></head><body><div class="nav"><a href="/">首页</a></div><h2>${title}</h2><ul class="list">${links
    .map((href, i) => `<li><a href="${href}">关于全市重点工作的第${i + 1}条消息</a><span>2024-03-0${i + 1}</span></li>`)
    .join('')}</ul></body></html>`;

const GOOD = 'good.example.test';
const BAD = 'bad.example.test';
const source = (id: string, host: string, start: string, pattern: string) => ({
  id,
  name: `${id} 示例`,
  hosts: [host],
  startPages: [{ url: `http://${host}${start}`, kind: 'list' }],
  articleUrlPatterns: [pattern],
  schedule: 'rate(1 hour)',
  politeness: { delayMs: 10 },
  enabled: true,
});
const SOURCES = [
  source('good', GOOD, '/news/', '^https?://good\\.example\\.test/news/\\d{4}/\\d{4}/\\d+\\.html$'),
  // Its pattern takes the list's own pages for articles.
  source('bad-lists', BAD, '/lists/', '^https?://bad\\.example\\.test/lists/list_\\d+\\.html$'),
  source('bad-empty', BAD, '/empty/', '^https?://bad\\.example\\.test/empty/\\d+\\.html$'),
  source('bad-nodate', BAD, '/nodate/', '^https?://bad\\.example\\.test/nodate/a\\d+\\.html$'),
];

function writeTree(dir: string): void {
  const files: Record<string, string> = {
    [`${GOOD}/robots.txt`]: 'User-agent: *\nDisallow: /private/\n',
    [`${GOOD}/news/index.html`]: listPage('新闻中心', ['/news/2024/0305/1.html', '/news/2024/0306/2.html', '/news/2024/0307/3.html']),
    [`${GOOD}/news/2024/0305/1.html`]: article('盐城市召开全市重点项目推进会', '发布时间：2024-03-05 09:30', '3月4日，盐城市召开全市重点项目推进会，总结去年项目建设情况。'),
    [`${GOOD}/news/2024/0306/2.html`]: article('亭湖区部署春季植树造林工作', '发布时间：2024-03-06 10:00', '3月5日，亭湖区召开春季植树造林工作会议，部署全年绿化任务。'),
    [`${GOOD}/news/2024/0307/3.html`]: article('大丰区举办重点企业招聘会', '发布时间：2024-03-07 15:20', '3月6日，大丰区举办重点企业专场招聘会，提供岗位一千余个。'),
    [`${GOOD}/private/x.html`]: article('不应被抓取的页面', '发布时间：2024-03-05 09:30', '3月4日，这一页在 robots.txt 禁止的目录里。'),
    [`${BAD}/robots.txt`]: 'User-agent: *\nAllow: /\n',
    [`${BAD}/lists/index.html`]: listPage('新闻列表', ['/lists/list_1.html', '/lists/list_2.html', '/lists/list_3.html']),
    [`${BAD}/lists/list_1.html`]: listPage('新闻列表', ['/lists/list_2.html', '/lists/list_3.html']),
    [`${BAD}/lists/list_2.html`]: listPage('新闻列表', ['/lists/list_1.html', '/lists/list_3.html']),
    [`${BAD}/lists/list_3.html`]: listPage('新闻列表', ['/lists/list_1.html', '/lists/list_2.html']),
    [`${BAD}/empty/index.html`]: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>空栏目</title></head><body><p>暂无内容</p></body></html>',
    [`${BAD}/nodate/index.html`]: listPage('通知公告', ['/nodate/a1.html']),
    [`${BAD}/nodate/a1.html`]: article('关于做好春季安全生产工作的通知', '', '各有关单位：为切实做好春季安全生产工作，现将有关事项通知如下。'),
  };
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: 1, sites: [{ host: GOOD }, { host: BAD }] }));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify({ sources: SOURCES }));
}

const base = mkdtempSync(join(tmpdir(), 'jsnews-try-'));
const tree = join(base, 'tree');
writeTree(tree);
// A data directory that must never be created: nothing here stores anything.
const home = join(base, 'home');
const env = cliEnv(home);

describe('jsnews normalize URL | - | --manifest', () => {
  it('fetches URLs through the fetch client (robots respected), prints records in input order, stores nothing', async () => {
    const urls = [`http://${GOOD}/news/2024/0305/1.html`, `http://${GOOD}/private/x.html`, `http://${GOOD}/news/2024/0399/missing.html`];
    const r = await jsnews(['normalize', '--replay', tree, ...urls], { env });
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out.map((l) => l.input)).toEqual(urls);
    expect(out[0]).toMatchObject({ title: '盐城市召开全市重点项目推进会', url: urls[0], publishedAt: '2024-03-05T09:30:00+08:00', raw: null });
    expect(out[1]!.error).toEqual({ code: 'ROBOTS_DISALLOWED', message: expect.stringContaining('robots.txt disallows /private/x.html') });
    expect(out[2]!.error).toEqual({ code: 'HTTP_STATUS', message: 'HTTP 404' });
    expect(existsSync(home)).toBe(false);
  });

  it('refuses --url/--fetched-at with a URL input, and --replay without one (exit 2, nothing printed)', async () => {
    const withUrl = await jsnews(['normalize', '--replay', tree, '--url', `http://${GOOD}/a.html`, `http://${GOOD}/news/2024/0305/1.html`], { env });
    expect(withUrl.status).toBe(2);
    expect(withUrl.stdout).toBe('');
    expect(withUrl.stderr).toMatch(/^jsnews normalize: INVALID_ARGUMENT: --url and --fetched-at are for file and stdin inputs/);
    const noUrl = await jsnews(['normalize', '--replay', tree, join(tree, GOOD, 'news/2024/0305/1.html')], { env });
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('--replay is for URL inputs');
  });

  it('"-" reads the page from stdin, between file inputs, in order', async () => {
    const file = join(tree, GOOD, 'news/2024/0306/2.html');
    const r = await jsnews(['normalize', '--url', `http://${GOOD}/news/2024/0305/1.html`, file, '-'], { env, input: readFileSync(join(tree, GOOD, 'news/2024/0305/1.html'), 'utf8') });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((l) => [l.input, l.title])).toEqual([
      [file, '亭湖区部署春季植树造林工作'],
      ['-', '盐城市召开全市重点项目推进会'],
    ]);
    expect(out[1]).toMatchObject({ url: `http://${GOOD}/news/2024/0305/1.html`, publishedAt: '2024-03-05T09:30:00+08:00' });
  });

  it('a manifest gives each file its url and fetchedAt; a bad entry is a usage error naming its line', async () => {
    const dir = join(base, 'pages');
    mkdirSync(dir, { recursive: true });
    // The date line says only "3月4日" in the body: a year comes only from fetchedAt.
    const page = article('射阳县召开春耕生产现场会', '', '3月4日，射阳县召开春耕生产现场会，部署春耕备耕工作。');
    writeFileSync(join(dir, 'a.html'), page);
    writeFileSync(join(dir, 'b.html'), page);
    const manifest = join(dir, 'manifest.jsonl');
    writeFileSync(
      manifest,
      `${JSON.stringify({ file: 'a.html', url: `http://${GOOD}/news/show.php?id=9`, fetchedAt: '2024-03-06T10:00:00+08:00' })}\n\n${JSON.stringify({ file: 'b.html' })}\n`,
    );
    const r = await jsnews(['normalize', '--manifest', manifest], { env });
    expect(r.status).toBe(0);
    const [a, b] = lines(r.stdout);
    expect(a).toMatchObject({ input: 'a.html', url: `http://${GOOD}/news/show.php?id=9`, publishedAt: '2024-03-04T00:00:00+08:00', published: { year: 2024, yearInferred: true } });
    expect(b).toMatchObject({ input: 'b.html', url: null, publishedAt: null, published: { year: null } });

    writeFileSync(manifest, `${JSON.stringify({ file: 'a.html' })}\n${JSON.stringify({ file: 'b.html', fetchedAt: 'yesterday' })}\n`);
    const bad = await jsnews(['normalize', '--manifest', manifest], { env });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${manifest}:2: fetchedAt: must be an ISO 8601 date-time`);
  });
});

describe('jsnews sources check', () => {
  it('a good source: its links, the first three records, "looks fine", exit 0', async () => {
    const r = await jsnews(['sources', 'check', '--replay', tree, 'good'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`start page http://${GOOD}/news/ (list): 3 article link(s), 3 with a date in the URL\n    http://${GOOD}/news/2024/0305/1.html\n`);
    expect(r.stdout).toContain('first 3 article(s):');
    for (const title of ['盐城市召开全市重点项目推进会', '亭湖区部署春季植树造林工作', '大丰区举办重点企业招聘会']) expect(r.stdout).toContain(`title        ${title}`);
    expect(r.stdout).toContain('publishedAt  2024-03-07T15:20:00+08:00');
    expect(r.stdout.trimEnd().endsWith('looks fine')).toBe(true);
    expect(existsSync(home)).toBe(false);
  });

  it('flags list pages taken for articles (the normalizer finds no article on them), exit 1; --json has the flags', async () => {
    const r = await jsnews(['sources', 'check', '--replay', tree, 'bad-lists', '--json'], { env });
    expect(r.status).toBe(1);
    const [check] = JSON.parse(r.stdout) as { startPages: { links: string[] }[]; flags: { level: string; code: string; url?: string }[] }[];
    expect(check!.startPages[0]!.links).toEqual([1, 2, 3].map((n) => `http://${BAD}/lists/list_${n}.html`));
    expect(check!.flags.filter((f) => f.code === 'LIST_PAGE_AS_ARTICLE').map((f) => f.url)).toEqual([1, 2, 3].map((n) => `http://${BAD}/lists/list_${n}.html`));
    expect(check!.flags.find((f) => f.code === 'NO_URL_DATES')?.level).toBe('note');
  });

  it('a sources FILE being written: every source in it, NO_LINKS and NO_DATE flagged', async () => {
    const file = join(base, 'my-sources.json');
    writeFileSync(file, JSON.stringify(SOURCES.filter((s) => s.id === 'bad-empty' || s.id === 'bad-nodate')));
    const r = await jsnews(['sources', 'check', file, '--replay', tree], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('bad-empty (bad-empty 示例)\n');
    expect(r.stdout).toMatch(new RegExp(`error +NO_LINKS http://${BAD}/empty/: discovery found no article links`));
    expect(r.stdout).toContain('title        关于做好春季安全生产工作的通知');
    expect(r.stdout).toMatch(new RegExp(`warning +NO_DATE http://${BAD}/nodate/a1\\.html: no publication date`));
  });

  it('an unknown id is a usage error', async () => {
    const r = await jsnews(['sources', 'check', '--replay', tree, 'nope'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown source: nope');
  });
});
