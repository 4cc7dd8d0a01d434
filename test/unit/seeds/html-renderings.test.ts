/**
 * The seed HTML renderings (seeds/html/) are regression fixtures for the normalizer. These checks read
 * the committed bytes back the way a client would (TextDecoder with the right label, then character
 * references resolved) and hold them to seeds/html/README.md: every seed body line verbatim, the chrome
 * lines in the chrome, the stated headline/date/credit markup, the charset facts, and the list pages.
 */
import { readFileSync } from 'node:fs';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { HTML_DIR, renderPages } from '../../../seeds/html/build.js';

const SEEDS_DIR = new URL('../../../seeds/', import.meta.url);

interface ArticleCase {
  file: string;
  /** WHATWG label the bytes really are in (what a correct decoder must use). */
  label: 'gbk' | 'utf-8' | 'big5';
  url: string;
  /** 1-based seed lines that form the article body, each its own <p>. */
  body: [number, number];
  /** Seed lines that live in the page chrome (checked with white space collapsed). */
  chrome: number[];
  /** selector → exact text (white space collapsed), as README.md states it. */
  shows: Record<string, string>;
}

const ARTICLES: ArticleCase[] = [
  {
    file: '000_0bd5e5fca5af9d22.html',
    label: 'gbk',
    url: 'https://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
    body: [5, 17],
    chrome: [1, 3, 20, 22, 24, 25, 26, 28],
    shows: {
      title: '把新发展理念体现在项目建设上落实到实际行动中_我爱江苏网_江苏网',
      '.yt': '市委市政府举行今年第六场高质量发展重大项目现场观摩',
      h1: '把新发展理念体现在项目建设上落实到实际行动中',
      '.ft': '一批重大产业项目集中竣工韩立明讲话 夏心旻主持 龙翔刘以安沈文祖出席',
      '.info': '来源:南京日报 2021-12-16 07:40 编辑:王宁',
    },
  },
  {
    file: '001_7b4567f576345d14.html',
    label: 'utf-8',
    url: 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml',
    body: [3, 15],
    chrome: [1, 2, 16],
    shows: {
      h1: '鎮(zhèn)江市項(xiàng)目攻堅(jiān)暨產(chǎn)業(yè)強(qiáng)市大會(huì)召開(kāi)',
      'h2.subtitle': '聚焦項(xiàng)目攻堅(jiān)矢志產(chǎn)業(yè)強(qiáng)市 努力在新征程上開(kāi)好局起好步',
      '.article .info': '2023-01-29 08:02:15 來源:金山網',
      '.pic-text': '鎮(zhèn)江市項(xiàng)目攻堅(jiān)暨產(chǎn)業(yè)強(qiáng)市大會(huì)現(xiàn)場(chǎng)。 馬鎮(zhèn)丹 謝道韞 攝',
      '.article .editor': '責(zé)任編輯:龔逍遙',
    },
  },
  {
    file: '002_dfb4da28d1e41213.html',
    label: 'utf-8',
    url: 'https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html',
    body: [7, 27],
    chrome: [1, 3, 5, 29, 30, 31, 33, 35, 36, 37],
    shows: {
      h1: '南京江北新區(qū):“新春第一會”“熱辣滾燙”鼓干勁',
      '.article .info': '2024-02-20 09:49 來源: 編輯:中國江蘇網(wǎng) 瀏覽量:0',
      '.article > .editor': '【責任編輯:陸超】',
      '.top-banner': '關注民生 服務社會 發(fā)掘真相 傳播價值 感謝您瀏覽江蘇蘇訊網(wǎng)。 歡迎投稿:郵箱724922822@qq.com 客服電話:025-86163400 18061633398',
    },
  },
  {
    file: '003_3e0a5657ee805610.html',
    label: 'utf-8',
    url: 'https://www.zjchanye.example/?id=1187',
    body: [7, 17],
    chrome: [1, 3, 5, 19, 20, 21, 22, 23, 25, 27, 29, ...Array.from({ length: 47 }, (_, i) => 31 + i)],
    shows: {
      title: '不负春光乘势上 项目建设争朝夕 - 镇江产业网',
      '.breadcrumb': '当前位置:首页 > 镇江产业信息 > 正文内容',
      'h1.post-title': '不负春光乘势上 项目建设争朝夕',
      '.post-meta': 'admin1年前 (2024-09-24)镇江产业信息88',
    },
  },
  {
    file: '004_9102397643b9cae0.html',
    label: 'big5',
    url: 'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html',
    body: [3, 7],
    chrome: [1, 2],
    shows: {
      '.left_title:first': '新聞中心',
      'td.title': '市產(chǎn)業(yè)園區(qū)項目載體建設(shè)現(xiàn)場推進(jìn)會與會人員來亭觀摩',
      'td.info': '發布日期:2019-08-26 來源:區新聞中心 瀏覽次數:326 【字體:大 中 小】',
    },
  },
];

interface IndexCase {
  file: string;
  label: 'gbk' | 'utf-8' | 'big5';
  url: string;
  list: string;
  article: string;
  articleLink: RegExp;
}

const INDEXES: IndexCase[] = [
  { file: 'index-woaijiangsu.html', label: 'gbk', url: 'https://www.woaijiangsu.example/jsxw/', list: '.listbox', article: ARTICLES[0]!.url, articleLink: /^https:\/\/www\.woaijiangsu\.example\/jsxw\/\d{4}\/\d{4}\/\d+\.html$/ },
  { file: 'index-jinshanwang.html', label: 'utf-8', url: 'http://www.jinshanwang.example/news/zj/', list: '.news-list', article: ARTICLES[1]!.url, articleLink: /^http:\/\/www\.jinshanwang\.example\/news\/zj\/\d{6}\/t\d{8}_\d+\.shtml$/ },
  { file: 'index-jssuxun.html', label: 'utf-8', url: 'https://www.jssuxun.example/html/jiangsu/', list: '.list-2', article: ARTICLES[2]!.url, articleLink: /^https:\/\/www\.jssuxun\.example\/html\/\d{4}\/jiangsu_\d{4}\/\d+\.html$/ },
  { file: 'index-zjchanye.html', label: 'utf-8', url: 'https://www.zjchanye.example/?cate=3', list: '.posts-list', article: ARTICLES[3]!.url, articleLink: /^https:\/\/www\.zjchanye\.example\/\?id=\d+$/ },
  { file: 'index-tinghu.html', label: 'big5', url: 'http://www.tinghu.example/xwzx/tpxw/', list: '.list_box', article: ARTICLES[4]!.url, articleLink: /^http:\/\/www\.tinghu\.example\/xwzx\/tpxw\/\d{6}\/t\d{8}_\d+\.html$/ },
];

const NAMED_ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', copy: '©', raquo: '»', uarr: '↑' };

/** Numeric and the few named references the generator writes, resolved to characters. */
function resolveReferences(html: string): string {
  return html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${HTML_DIR}${file}`));
}

function decodePage(file: string, label: string): string {
  return new TextDecoder(label, { fatal: true }).decode(readBytes(file));
}

function seedLines(file: string): string[] {
  return readFileSync(new URL(file.replace(/\.html$/, '.txt'), SEEDS_DIR), 'utf8').split('\n');
}

function lineAt(lines: string[], n: number): string {
  const line = lines[n - 1];
  if (line === undefined) throw new Error(`seed has no line ${n}`);
  return line;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function textOf($: CheerioAPI, selector: string): string {
  const [sel, first] = selector.split(':first') as [string, string | undefined];
  const nodes = $(sel);
  expect(nodes.length, `${selector} matches`).toBeGreaterThan(0);
  return collapse((first === undefined ? nodes : nodes.first()).text());
}

describe.each(ARTICLES)('article page $file', (page) => {
  const lines = seedLines(page.file);
  const html = decodePage(page.file, page.label);
  const resolved = resolveReferences(html);
  const $ = load(html);
  const bodyLines: string[] = [];
  for (let n = page.body[0]; n <= page.body[1]; n++) if (lineAt(lines, n).trim() !== '') bodyLines.push(lineAt(lines, n));

  it('carries every seed body line verbatim in the decoded page', () => {
    expect(bodyLines.length).toBeGreaterThan(3);
    for (const line of bodyLines) expect(resolved, line.slice(0, 30)).toContain(line);
  });

  it('puts each body line in a <p> of its own, in seed order', () => {
    const paragraphs = $('p').toArray().map((p) => $(p).text());
    const positions = bodyLines.map((line) => paragraphs.indexOf(line));
    expect(positions.every((i) => i >= 0), `missing: ${bodyLines.filter((_, k) => positions[k]! < 0).join(' | ').slice(0, 80)}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the capture chrome lines into the page chrome', () => {
    const pageText = collapse(`${$('title').text()} ${$('body').text()}`);
    for (const n of page.chrome) expect(pageText, `line ${n}`).toContain(collapse(lineAt(lines, n)));
  });

  it('shows the headline, date and credit markup README.md states', () => {
    for (const [selector, text] of Object.entries(page.shows)) expect(textOf($, selector), selector).toBe(text);
  });

  it('names its own URL as canonical and/or og:url (README table)', () => {
    const named = [$('link[rel=canonical]').attr('href'), $('meta[property="og:url"]').attr('content')].filter(Boolean);
    if (page.file.startsWith('004')) expect(named).toEqual([]); // the gov CMS prints neither
    else expect(named.length > 0 && named.every((u) => u === page.url)).toBe(true);
  });

  it('has the chrome of a real news page', () => {
    expect($('link[rel=stylesheet]').length).toBeGreaterThan(0);
    expect(html).toMatch(/_hmt|hm\.js/); // analytics snippet
    expect($('meta[name=keywords]').length).toBe(1);
    expect($('meta[name=description]').length).toBe(1);
    expect($('meta[property^="og:"]').length).toBeGreaterThan(1);
    expect($('textarea').length).toBe(1);
    expect(html).toMatch(/发表评论|發表評論/); // the comment prompt
    expect(collapse($('body').text())).toMatch(/ICP备|ICP備/);
    expect(html).toMatch(/<!--/);
    expect($('body a').length).toBeGreaterThan(60);
    const lineCount = html.split('\n').length;
    expect(lineCount).toBeGreaterThanOrEqual(300);
    expect(lineCount).toBeLessThanOrEqual(600);
  });
});

describe('charset facts', () => {
  const declared = (html: string): string | null => /charset=["']?([\w-]+)/i.exec(html)?.[1]?.toLowerCase() ?? null;

  it('000 and index-woaijiangsu: GBK bytes declared as gb2312, not valid UTF-8', () => {
    for (const file of ['000_0bd5e5fca5af9d22.html', 'index-woaijiangsu.html']) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readBytes(file))).toThrow();
      const html = decodePage(file, 'gbk');
      expect(html).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />');
      expect(declared(html)).toBe('gb2312');
    }
  });

  it('000 holds GBK-only bytes (旻 of 夏心旻 is outside GB2312), so a strict GB2312 decoder would fail on it', () => {
    // A lead or trail byte below 0xA1 exists only in GBK, never in GB2312 (EUC-CN uses 0xA1-0xFE for both).
    const bytes = readBytes('000_0bd5e5fca5af9d22.html');
    let gbkOnly = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i]! >= 0x81) {
        if (bytes[i]! < 0xa1 || bytes[i + 1]! < 0xa1) gbkOnly++;
        i++;
      }
    }
    expect(gbkOnly).toBeGreaterThan(0);
  });

  it('001 and index-jinshanwang: valid UTF-8 that declares gbk', () => {
    for (const file of ['001_7b4567f576345d14.html', 'index-jinshanwang.html']) {
      const html = decodePage(file, 'utf-8');
      expect(html).toContain('<meta charset="gbk">');
      expect(declared(html)).toBe('gbk');
    }
  });

  it('002 and index-jssuxun: UTF-8 declared utf-8', () => {
    for (const file of ['002_dfb4da28d1e41213.html', 'index-jssuxun.html']) expect(declared(decodePage(file, 'utf-8'))).toBe('utf-8');
  });

  it('003 and index-zjchanye: UTF-8 with no charset anywhere and no BOM', () => {
    for (const file of ['003_3e0a5657ee805610.html', 'index-zjchanye.html']) {
      const bytes = readBytes(file);
      expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const html = decodePage(file, 'utf-8');
      expect(html).not.toMatch(/charset|content-type/i);
    }
  });

  it('004 and index-tinghu: plain Big5 (lead 0xA1-0xF9) declared big5, unencodable characters as &#NNNN;', () => {
    for (const file of ['004_9102397643b9cae0.html', 'index-tinghu.html']) {
      const bytes = readBytes(file);
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i]! < 0x80) continue;
        expect(bytes[i]!).toBeGreaterThanOrEqual(0xa1);
        expect(bytes[i]!).toBeLessThanOrEqual(0xf9);
        i++;
      }
      const html = decodePage(file, 'big5');
      expect(html).toContain('<meta http-equiv="Content-Type" content="text/html; charset=big5" />');
      expect(html).toMatch(/&#\d{3,5};/);
      expect(html).toContain('(ch&#462;n)'); // 產(chǎn): the tone-marked pinyin cannot be Big5
    }
  });
});

describe.each(INDEXES)('index page $file', (page) => {
  const html = decodePage(page.file, page.label);
  const $ = load(html);
  const links = $(`${page.list} a[href]`)
    .toArray()
    .map((a) => new URL($(a).attr('href')!, page.url).href)
    .filter((href) => page.articleLink.test(href));
  const unique = [...new Set(links)];

  it('lists 10-20 article links on the site pattern, the seed article among them', () => {
    expect(unique.length).toBeGreaterThanOrEqual(10);
    expect(unique.length).toBeLessThanOrEqual(20);
    expect(unique).toContain(page.article);
  });

  it('gives each listed article a date', () => {
    const dates = $(page.list).text().match(/20\d\d-\d\d-\d\d/g) ?? [];
    expect(dates.length).toBeGreaterThanOrEqual(unique.length);
  });

  it('has pagination and carries no article body', () => {
    expect(html).toMatch(/下一[页頁]/);
    const seed = ARTICLES.find((a) => a.url === page.article)!;
    const lines = seedLines(seed.file);
    const resolved = resolveReferences(html);
    for (let n = seed.body[0]; n <= seed.body[1]; n++) {
      const line = lineAt(lines, n);
      if (line.trim() !== '') expect(resolved.includes(line), `body line ${n} on a list page`).toBe(false);
    }
  });
});

describe('generator', () => {
  it('regenerates the committed bytes exactly (npx tsx seeds/html/build.ts)', () => {
    const pages = renderPages();
    expect(pages.map((p) => p.file).sort()).toEqual([...ARTICLES.map((a) => a.file), ...INDEXES.map((i) => i.file)].sort());
    for (const page of pages) expect(Buffer.from(page.bytes).equals(Buffer.from(readBytes(page.file))), page.file).toBe(true);
  });
});
