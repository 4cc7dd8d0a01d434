import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ParentNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { loadDocument, loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';
import { indexPage } from '../../../../lambdas/normalize/parse/page-index.js';

const SEEDS = join(import.meta.dirname, '../../../../seeds/html');
const HINTS = { editor: /editor|bianji|zrbj|responsible|bjxx/i, info: /info|source|time|date|author|byline|meta|pub|laiyuan|attr|property|from\b|ly\b|sj\b/i };
const HEADLINE_SELECTORS = 'h1, .title, .article-title, .post-title, .news-title, .tit, #title, td.title, .headline, .biaoti';
const CHROME_SELECTORS = 'footer, .footer, #footer, .foot, #foot, .bottom, #bottom, .copyright, #copyright, .banner, .top-banner, #top, .header, header';

/** What the cheerio selector queries (the code the index replaced) find after the same removal. */
function bySelectors(html: string) {
  const $ = loadHtml(html);
  $('script, style, noscript, template, iframe, svg').remove();
  const editor: Element[] = [];
  const info: Element[] = [];
  $('[class], [id]').each((_, el) => {
    const hint = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (HINTS.editor.test(hint)) editor.push(el);
    else if (HINTS.info.test(hint)) info.push(el);
  });
  const text = (els: Element[]) => els.map((el) => $(el).text());
  return {
    headlines: text($(HEADLINE_SELECTORS).toArray()),
    chrome: text($(CHROME_SELECTORS).toArray()),
    editor: text(editor),
    info: text(info),
    bodies: text($('body').toArray()),
    metas: $('meta').toArray().map((el) => el.attribs.content ?? null),
    links: $('a[href]').toArray().map((el) => `${el.attribs.href} ${$(el).text()}`),
    emphasised: text($('b, strong, font').toArray()),
    title: $('title').first().text(),
    canonical: $('link[rel="canonical"]').first().attr('href') ?? null,
    lang: $('html').first().attr('lang') ?? null,
    datePublished: $('[itemprop="datePublished"]').first().attr('content') ?? null,
    pubdate: $('time[pubdate]').first().attr('datetime') ?? null,
    all: $.root().text(),
  };
}

function byIndex(html: string) {
  const $ = loadHtml(html);
  const page = indexPage($.root()[0] as unknown as ParentNode, HINTS);
  const text = (els: Element[]) => els.map((el) => page.textOf(el));
  return {
    headlines: text(page.headlines),
    chrome: text(page.chrome),
    editor: text(page.editorHinted),
    info: text(page.infoHinted),
    bodies: text(page.bodies),
    metas: page.metas.map((el) => el.attribs.content ?? null),
    links: page.links.map((el) => `${el.attribs.href} ${page.textOf(el)}`),
    emphasised: text(page.emphasised),
    title: page.title ? page.textOf(page.title) : '',
    canonical: page.canonicalLink?.attribs.href ?? null,
    lang: page.html?.attribs.lang ?? null,
    datePublished: page.datePublishedItem?.attribs.content ?? null,
    pubdate: page.pubdateTime?.attribs.datetime ?? null,
    all: page.text,
  };
}

const FIXTURE = `<!DOCTYPE html><html lang="zh-CN"><head><title>标题_网站</title><meta name="author" content="张三">
<link rel="CANONICAL" href=" https://a.example/1 "><script type="application/ld+json">{"@type":"NewsArticle"}</script><style>.x{}</style></head>
<body><div class="header nav">网站 <a href="/">首页</a></div><div id="top">顶部</div>
<h1 class="title">标题</h1><div class="info">来源：新华社 <span class="time">2024-01-02</span></div>
<div class="content"><p>正文<script>var a = "<p>no</p>";</script>第一段。<strong>要<b>粗</b></strong><font color="red">红</font><a>无链接</a><A HREF="">空</A><noscript><a href="/n">藏</a></noscript></p><svg><text>图</text></svg><p class="zrbj">责任编辑：李四</p></div>
<time pubdate datetime="2024-01-02">1月2日</time><span itemprop="datePublished" content="2024-01-02T08:00">x</span>
<footer class="copyright">版权所有 © 网站</footer><div class="article-title tit">副</div><td class="title">表格标题</td></body></html>`;

describe('indexPage', () => {
  it('finds what the cheerio selectors found, with the same texts, on a page with every kind of element', () => {
    expect(byIndex(FIXTURE)).toEqual(bySelectors(FIXTURE));
    expect(byIndex(FIXTURE).headlines).toEqual(['标题', '副', '表格标题']);
    expect(byIndex(FIXTURE).all).not.toContain('var a');
    // `a[href]`: an empty href counts, an <a> without one does not, nor a link inside a removed <noscript>.
    expect(byIndex(FIXTURE).links).toEqual(['/ 首页', ' 空']);
    expect(byIndex(FIXTURE).emphasised).toEqual(['要粗', '粗', '红']);
  });

  it('agrees with the selectors on the seed pages', () => {
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.html'))) {
      const html = readFileSync(join(SEEDS, f), 'utf8');
      expect(byIndex(html), f).toEqual(bySelectors(html));
    }
  });

  it('matches class tokens and ids exactly, like css-select (case-sensitive, whole tokens)', () => {
    const html = '<div class="Title">a</div><div class="subtitle">b</div><div class="x\ttitle">c</div><div id="TITLE">d</div><div id="title">e</div>';
    expect(byIndex(html).headlines).toEqual(['c', 'e']);
    expect(byIndex(html)).toEqual(bySelectors(html));
  });

  it("serves a headline's next three sibling elements' texts from the walk, scripts between them not counted", () => {
    const html = '<body><div><h1>标题</h1>x<script>s</script><div id="a">一<b>二</b></div><p>三</p><style>t</style><span>四</span><i>五</i></div></body>';
    const $ = loadHtml(html);
    const page = indexPage($.root()[0] as unknown as ParentNode, HINTS);
    const siblings = $('h1').nextAll().toArray();
    expect(siblings.map((el) => el.tagName)).toEqual(['div', 'p', 'span', 'i']);
    // Changed after the walk: the three spanned siblings still give the walk's text; the fourth is read live.
    for (const el of siblings) el.children = [];
    expect(siblings.map((el) => page.textOf(el))).toEqual(['一二', '三', '四', '']);
    // Spanned for their text only: their start is still unknown (extract/html-layout.ts keeps info lines so).
    expect(siblings.map((el) => page.textStart(el))).toEqual([undefined, undefined, undefined, undefined]);
    page.thaw();
    expect(page.textOf(siblings[0]!)).toBe('');
  });

  it('loadDocument hands out the document its $ holds (indexed and scored without building a Cheerio object)', () => {
    const { $, root } = loadDocument('<body><h1>标题</h1></body>');
    expect($.root()[0]).toBe(root);
    expect(indexPage(root, HINTS).textOf($('h1')[0]!)).toBe('标题');
  });

  it('reads texts from the live tree once thawed', () => {
    const $ = loadHtml('<body><div class="info">a<b>b</b></div></body>');
    const page = indexPage($.root()[0] as unknown as ParentNode, HINTS);
    const info = page.infoHinted[0]!;
    (info.children[1] as Element).children = [];
    expect(page.textOf(info)).toBe('ab');
    page.thaw();
    expect(page.textOf(info)).toBe('a');
  });
});
