/**
 * Issue 9 class 4 (titles), on small pages written for the test: a logo or channel <h1> against a headline named by
 * a compound class, a headline in an <h5> under a channel-only <title>, a leading range (`1-10月`) and English
 * in-word hyphens against separators.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { stripTitleSuffixes } from '../../../../lambdas/normalize/extract/title.js';

const PROSE =
  '<p>本市今年以来持续推进老旧小区改造工作，累计完成改造项目四十余个，惠及居民一万余户，群众满意度明显提升。</p>' +
  '<p>据介绍，下一步将围绕加装电梯、雨污分流和停车设施等方面继续发力，确保年底前全面完成既定目标任务。</p>' +
  '<p>市住建局有关负责人表示，改造过程中将充分听取居民意见，做到改造前问需于民、改造中问计于民、改造后问效于民。</p>';

function page(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

describe('titles (issue 9 class 4)', () => {
  it('takes a compound-class headline over a channel <h1> the <title> also contains', () => {
    const html = page(
      '<title>城市快讯--老旧小区改造完成四十余个项目</title>',
      `<div class="logo"><h1>城市快讯</h1></div><div class="main"><div class="title-text">老旧小区改造完成四十余个项目</div>` +
        `<div class="info">发布时间：2023-05-06 10:20</div><div class="content">${PROSE}</div></div>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });

  it('reads a headline class in any case (span.Title) instead of a <title> with a department appended', () => {
    const html = page(
      '<title>老旧小区改造完成四十余个项目 市住建局_城市网</title>',
      `<table><tr><td><span class="Title"><b>老旧小区改造完成四十余个项目</b></span></td></tr>` +
        `<tr><td class="content">${PROSE}</td></tr></table>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });

  it('does not take a headline wrapper that also holds the date line', () => {
    const html = page(
      '<title>老旧小区改造完成四十余个项目_城市网</title>',
      `<div class="article_title"><h1>老旧小区改造完成四十余个项目</h1><span>2023-05-06 来源：城市网</span></div><div class="content">${PROSE}</div>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });

  it('takes the heading right before the article when the <title> names only the channel and the site', () => {
    const html = page(
      '<title>新闻动态--城市建设协会官网</title>',
      `<div class="nav"><h3>首页 - 新闻动态</h3></div><div class="main"><h5>老旧小区改造完成四十余个项目</h5>` +
        `<div class="text">${PROSE}</div></div><div class="side"><h4>联系我们</h4><h5>城市建设协会秘书处</h5><p>电话：010-12345678</p></div>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });

  it('keeps a leading range and English in-word hyphens, and still cuts site suffixes', () => {
    expect(stripTitleSuffixes('1-10月全县固定资产投资结构趋稳')).toBe('1-10月全县固定资产投资结构趋稳');
    expect(stripTitleSuffixes('Off-Peak Pricing and the Black-Scholes Model')).toBe('Off-Peak Pricing and the Black-Scholes Model');
    expect(stripTitleSuffixes('Off-Peak Pricing Explained - Energy Weekly')).toBe('Off-Peak Pricing Explained');
    expect(stripTitleSuffixes('阿里发布最强AI芯片一块顶十块GPU-EDN 电子技术设计')).toBe('阿里发布最强AI芯片一块顶十块GPU');
    expect(stripTitleSuffixes('全县固定资产投资结构趋稳-新闻中心-县政府网')).toBe('全县固定资产投资结构趋稳');
  });
});

describe('a site-name heading at the end of the title bar, a headline class under a site-only <title> (issue 9 class 4)', () => {
  it('takes the title bar before a logo <h1> it ends with after a space', () => {
    const html = page(
      '<title>老旧小区改造完成四十余个项目 城市网</title>',
      `<h1 class="logo">城市网</h1><h2>老旧小区 改造完成</h2><div class="content">${PROSE}</div>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });

  it('keeps an <h1> that ends the title bar when what stands before it is no longer (a site-first bar)', () => {
    const html = page('<title>城市网 老旧小区改造完成</title>', `<h1>老旧小区改造完成</h1><div class="content">${PROSE}</div>`);
    expect(normalize(html).title).toBe('老旧小区改造完成');
  });

  it('takes a headline-classed cell when the <title> names only the site and there is no <h1>', () => {
    const html = page(
      '<title>城市新闻网_(新闻)</title>',
      `<table><tr><td class="bt_title">老旧小区改造完成四十余个项目</td></tr><tr><td>${PROSE}</td></tr></table>`,
    );
    expect(normalize(html).title).toBe('老旧小区改造完成四十余个项目');
  });
});

describe('a logo <h1> that is one link to the home page (issue 9 class 4)', () => {
  const blog = (h1: string, title = '') =>
    page(title, `<div id="header"><h1 class="title">${h1}</h1></div><div class="entity"><h2 class="diaryTitle">老旧小区改造完成四十余个项目- -</h2>${PROSE}</div>`);

  it('takes the post\'s heading, without its closing hyphens, over a logo <h1> linking home', () => {
    for (const href of ['index.html', '/', 'https://blog.example.com/']) {
      expect(normalize(blog(`<a href="${href}">林间的博客</a>`)).title).toBe('老旧小区改造完成四十余个项目');
    }
  });

  it('keeps an <h1> that links to its own article, or holds more than the link', () => {
    expect(normalize(blog('<a href="/2023/05/06/renovation.html">老旧小区改造完成四十余个项目</a>')).title).toBe('老旧小区改造完成四十余个项目');
    expect(normalize(blog('<a href="/">城市网</a> 老旧小区改造完成四十余个项目')).title).toBe('城市网 老旧小区改造完成四十余个项目');
  });
});

describe('a title bar that is the site\'s greeting (issue 9 class 4)', () => {
  it('takes the centred headline line that opens the article instead of 谢谢您访问… / 欢迎光临…', () => {
    for (const greeting of ['谢谢您访问〖城市新闻中心〗', '欢迎光临城市新闻网站']) {
      const html = page(`<title>${greeting}</title>`, `<table><tr><td><p>老旧小区改造完成四十余个项目</p>${PROSE}</td></tr></table>`);
      const r = normalize(html);
      expect(r.title).toBe('老旧小区改造完成四十余个项目');
      expect(r.paragraphs[0]).not.toBe('老旧小区改造完成四十余个项目');
    }
  });

  it('keeps a headline that starts with 欢迎 but is no greeting', () => {
    const html = page('<title>欢迎新同学入住老旧小区改造新楼_城市网</title>', `<h1>欢迎新同学入住老旧小区改造新楼</h1>${PROSE}`);
    expect(normalize(html).title).toBe('欢迎新同学入住老旧小区改造新楼');
  });
});
