/**
 * Issue 9 class 4 (titles), the cases test/unit/normalize/extract/title-classes.test.ts and title-date-wording.test.ts
 * do not cover, on small pages written for the test: a logo or channel <h1> that is a whole segment of the <title>
 * after its headline (快资讯, 明日股市预测), a <title> naming only the site beside a headline <h1>, a leading range
 * written with a dash (1—10月), a department name appended to the headline (after a space in the <title>, or glued in
 * an <h1> span), an in-word hyphen at the start of a Chinese title bar (Off-Peak电价…), a Latin site name opening a
 * Chinese title bar (Daily Tech Notes - 标题), and a blog <h1> linking to a directory above the page.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';
import { stripTitleSuffixes } from '../../lambdas/normalize/extract/title.js';
import { findSiteName } from '../../lambdas/normalize/extract/site-name.js';

const PROSE =
  '<p>本市今年以来持续推进老旧小区改造工作，累计完成改造项目四十余个，惠及居民一万余户，群众满意度明显提升。</p>' +
  '<p>据介绍，下一步将围绕加装电梯、雨污分流和停车设施等方面继续发力，确保年底前全面完成既定目标任务。</p>' +
  '<p>市住建局有关负责人表示，改造过程中将充分听取居民意见，做到改造前问需于民、改造中问计于民、改造后问效于民。</p>';
const H = '老旧小区改造完成四十余个项目';

function page(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}
const titleOf = (head: string, body: string): string => normalize(page(head, body)).title;

describe('logo and channel <h1>s (issue 9 class 4)', () => {
  it('takes the headline over a logo <h1> that is the <title>\'s short suffix (快资讯), the headline in an <h2>', () => {
    expect(titleOf(`<title>${H}-快资讯</title>`, `<div class="logo"><h1>快资讯</h1></div><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe(H);
  });

  it('takes the <title>\'s headline over a channel <h1> that is a later, shorter segment of it (明日股市预测)', () => {
    expect(titleOf(`<title>${H}_明日股市预测_财经网</title>`, `<h1>明日股市预测</h1><div class="content">${PROSE}</div>`)).toBe(H);
  });

  it('keeps an <h1> that is the headline when the <title> puts a longer channel first, and a short headline <h1>', () => {
    expect(titleOf(`<title>城市建设新闻中心_${H}</title>`, `<h1>${H}</h1><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('<title>观摩会召开_江苏省人民政府门户网站</title>', `<h1>观摩会召开</h1><div class="content">${PROSE}</div>`)).toBe('观摩会召开');
  });

  it('takes a headline-length <h1> when the <title> names only the site', () => {
    expect(titleOf('<title>德清新闻网</title>', `<h1>1-10月德清县固定资产投资结构趋稳</h1><div class="content">${PROSE}</div>`)).toBe('1-10月德清县固定资产投资结构趋稳');
  });
});

describe('ranges, departments and hyphens in the <title> (issue 9 class 4)', () => {
  it('keeps a leading range written with a dash', () => {
    expect(stripTitleSuffixes('1—10月德清县固定资产投资结构趋稳_德清新闻网')).toBe('1—10月德清县固定资产投资结构趋稳');
    expect(stripTitleSuffixes('德清县固定资产投资结构趋稳—德清新闻网')).toBe('德清县固定资产投资结构趋稳');
  });

  it('drops a department name appended after a space, and one glued to the <h1> in a span', () => {
    expect(titleOf(`<title>${H} 市住建局_城市网</title>`, `<div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf(`<title>${H}_城市网</title>`, `<h1>${H}<span class="dept">市住建局</span></h1><div class="content">${PROSE}</div>`)).toBe(H);
    // A space-separated second half that is not a department stays.
    expect(stripTitleSuffixes('不负春光乘势上 项目建设争朝夕_城市网')).toBe('不负春光乘势上 项目建设争朝夕');
    expect(stripTitleSuffixes('德清县固定资产投资结构趋稳 县统计局')).toBe('德清县固定资产投资结构趋稳');
  });

  it('keeps an in-word hyphen that starts a Chinese title bar, and still splits a site glued by a hyphen', () => {
    expect(stripTitleSuffixes('Off-Peak电价新政解读：夜间用电更便宜_城市网')).toBe('Off-Peak电价新政解读：夜间用电更便宜');
    expect(stripTitleSuffixes('夜间用电更便宜 Off-peak电价新政解读_城市网')).toBe('夜间用电更便宜 Off-peak电价新政解读');
    expect(stripTitleSuffixes('阿里发布最强AI芯片一块顶十块GPU-EDN 电子技术设计')).toBe('阿里发布最强AI芯片一块顶十块GPU');
  });
});

describe('a site-first title bar with a Latin site name (issue 9 class 4)', () => {
  it('takes the Chinese headline after a Latin site name, and takes it out of the body', () => {
    expect(stripTitleSuffixes('Daily Tech Notes - 给计算机系学生的几点建议')).toBe('给计算机系学生的几点建议');
    const rec = normalize(page('<title>Daily Tech Notes - 老旧小区改造完成四十余个项目</title>', `<div class="content"><p>${H}</p>${PROSE}</div>`));
    expect(rec.title).toBe(H);
    expect(rec.paragraphs[0]).not.toBe(H);
  });

  it('keeps the usual orders: a Chinese headline first, a Latin headline before a Latin site, a Latin word inside', () => {
    expect(stripTitleSuffixes(`${H} - Daily Tech Notes`)).toBe(H);
    expect(stripTitleSuffixes('Advice for Computer Science Students - Daily Tech Notes')).toBe('Advice for Computer Science Students');
    expect(stripTitleSuffixes('iPhone 16发布会前瞻：新增三项功能_科技频道_城市网')).toBe('iPhone 16发布会前瞻：新增三项功能');
  });

  it('reads a Latin site name before a short Chinese blog name as naming no headline, so the lead line is the headline', () => {
    const lead = '陈某某《警世长钟》';
    const rec = normalize(page('<title>Daily Tech Notes--洞庭小叶</title>', `<div class="content"><p>${lead}</p>${PROSE}</div>`));
    expect(rec.title).toBe(lead);
    expect(rec.paragraphs[0]).not.toBe(lead);
  });
});

describe('a blog <h1> linking to a directory above the page (issue 9 class 4)', () => {
  const POST = '很高兴入住这个技术博客社区';
  const blog = (h1Href: string) =>
    `<h1><a class="headermaintitle" href="${h1Href}">某某的技术博客空间 </a></h1><div class="side"><h3>导航</h3><ul><li><a href="/x/">首页</a></li></ul></div>` +
    `<div class="post"><h2><a href="http://blog.example.org/mouren/archive/2004/12/27/41810.aspx">${POST}</a></h2>${PROSE}</div>`;
  const url = 'http://blog.example.org/mouren/archive/2004/12/27/41810.aspx';

  it('takes the post\'s heading over an <h1> linking to the blog\'s directory, absolute or relative', () => {
    expect(normalize(page('', blog('http://blog.example.org/mouren/')), { url }).title).toBe(POST);
    expect(normalize(page('', blog('/mouren/')), { url }).title).toBe(POST);
  });

  it('keeps an <h1> linking one level up (the article\'s first page), to another host, or with no page URL', () => {
    const paged = 'http://blog.example.org/mouren/slug/2/';
    // (A headline-length blog name: a name-length one gives way to the post's heading whatever its link.)
    expect(normalize(page('', blog('http://blog.example.org/mouren/slug/')), { url: paged }).title).toBe('某某的技术博客空间');
    expect(normalize(page('', blog('http://other.example.org/mouren/')), { url }).title).toBe('某某的技术博客空间');
    expect(normalize(page('', blog('http://blog.example.org/mouren/'))).title).toBe('某某的技术博客空间');
  });
});

describe('a headline set as a bold line in a table cell, no headline element (issue 9 class 4)', () => {
  const LINE = '《清洁》：一部东方式内敛的摇滚电影';
  const table = (head: string, between: string) =>
    `<table><tr><td><b><font size="2">娱乐八卦</font></b></td></tr><tr><td><font color="#FFFBB5">${head}</font></td></tr>` +
    `<tr><td>${between}</td><td class="p4">${PROSE}</td></tr></table>`;

  it('takes the bold line right before the article when the <title> names only the site', () => {
    expect(titleOf('<title>某某娱乐</title>', table(LINE, '<a href="user.php?id=1">眉间尺</a>'))).toBe(LINE);
    expect(titleOf('<title>谢谢您访问某某中心</title>', table(LINE, '作者：某某 来源：本站 发布日期：9/17/2004 5:54:13 AM'))).toBe(LINE);
  });

  it('takes no bold date line, no bold link, and no bold line far before the article', () => {
    expect(titleOf('<title>某某娱乐</title>', table('08-22 19:13', ''))).toBe('某某娱乐');
    expect(titleOf('<title>某某娱乐</title>', table(`<a href="/series.html">${LINE}</a>`, ''))).toBe('某某娱乐');
    const far = '<ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/c/${i}.html">栏目链接${i}</a></li>`).join('') + '</ul>';
    expect(titleOf('<title>某某娱乐</title>', table(LINE, far))).toBe('某某娱乐');
  });
});

describe('breadcrumb steps in the <title> (issue 9 class 4)', () => {
  it('splits at a single < or >, so a channel>site bar names no headline and the bold line before the article is taken', () => {
    const line = '中国艺术研究院博士生招生简章';
    expect(titleOf('<title>某某艺术网&gt;艺术教育</title>', `<table><tr><td><p><strong>${line}</strong></p></td></tr><tr><td>${PROSE}</td></tr></table>`)).toBe(line);
    expect(stripTitleSuffixes(`${H}>城市新闻>城市网`)).toBe(H);
  });

  it('reads the site from a channel<site bar, so that bar names no headline and the bold line before the article is taken', () => {
    expect(findSiteName({ chromeLines: [], titleBars: ['艺术史研究<某某在线中国艺术网'] })).toBe('某某在线中国艺术网');
    expect(findSiteName({ chromeLines: [], titleBars: ['某某艺术网>艺术教育'] })).toBe('某某艺术网');
    expect(findSiteName({ chromeLines: [], titleBars: ['<<城市网>>'] })).toBeNull();
    const rec = normalize(page('<title>艺术史研究&lt;某某在线中国艺术网</title>', `<table><tr><td><p><b>*第一编 古代</b></p></td></tr><tr><td>${PROSE}</td></tr></table>`));
    expect(rec.site.name).toBe('某某在线中国艺术网');
    expect(rec.title).toBe('第一编 古代');
  });

  it('keeps << >> book-title marks and >= inside a headline', () => {
    expect(stripTitleSuffixes('<<红楼梦>>研究综述_某某网')).toBe('<<红楼梦>>研究综述');
    expect(stripTitleSuffixes('收入增速>=支出增速的城市有十个_某某网')).toBe('收入增速>=支出增速的城市有十个');
  });
});

describe('a headline label before the headline (issue 9 class 4)', () => {
  const Q = '你知道旅行团为什么总去购物店吗？';

  it('takes the text after a 主题：/标题：/题目： label that opens a heading', () => {
    expect(titleOf('', `<h1><img src="v.gif"> 主题: ${H}</h1><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('', `<h1>标题：${H}</h1><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('<title>某某论坛</title>', `<h3>帖子主题：${H}</h3><div class="content">${PROSE}</div>`)).toBe(H);
  });

  it('takes the text that follows a bold label alone in its cell, when no element names the headline', () => {
    const cell = (label: string) =>
      `<table><tr><td class="large"><b>${label}</b>\n  ${Q}\n</td></tr>` +
      `<tr><td><b>作者：</b><a href="u.jsp?id=1">某某</a> <b>时间：</b>2005-08-22 19:13:18</td></tr></table><table><tr><td>${PROSE}</td></tr></table>`;
    expect(titleOf('<title>CCTV.com- 某某论坛 :: null</title>', cell('主题：'))).toBe(Q);
    expect(titleOf('<title>CCTV.com- 某某论坛 :: null</title>', cell('题目:'))).toBe(Q);
    // Another bold label (作者：) is no headline label: the title bar's segment stays.
    expect(titleOf('<title>CCTV.com- 某某论坛 :: null</title>', cell('作者：'))).toBe('CCTV.com');
  });

  it('keeps a heading that is a label alone, or a label word inside the headline', () => {
    expect(titleOf('', `<h1>主题：</h1><div class="content">${PROSE}</div>`)).toBe('主题：');
    expect(titleOf('', `<h1>年度主题：绿色发展</h1><div class="content">${PROSE}</div>`)).toBe('年度主题：绿色发展');
  });
});

describe('sidebar box headings and a permalink headline (issue 9 class 4)', () => {
  const url = 'http://blog.example.org/mouren/archive/2005/09/07/543698.aspx';
  const POST = '评某某：做最好的和最酷的东西？';
  const side = '<div id="side"><h1>导航</h1><ul><li><a href="/">首页</a></li></ul><h1>Blog统计</h1><p>文章 - 12</p><h1>公告</h1>' +
    '<h3 class="listtitle">某某联络家名单</h3><ul><li><a href="http://other.example.org/">某某的博客</a></li></ul></div>';
  const post = (href: string) => `<div id="main"><div class="post"><div class="postTitle"><a href="${href}">${POST}</a></div><div class="postText">${PROSE}</div></div></div>`;

  it('never takes a box heading (导航, Blog统计, 公告, 热门推荐) as the headline', () => {
    expect(titleOf('', `<h1>导航</h1><h1>${H}</h1><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('', `<div class="content">${PROSE}</div><h1>热门推荐</h1>`)).not.toBe('热门推荐');
  });

  it('takes the link to the page itself right before the post, when every <h1> is a box and there is no <title>', () => {
    expect(normalize(page('', side + post(url)), { url }).title).toBe(POST);
    expect(normalize(page('', side + post('543698.aspx#top')), { url }).title).toBe(POST);
  });

  it('takes no link to another page, and none without the page\'s URL', () => {
    expect(normalize(page('', side + post('http://blog.example.org/mouren/archive/2005/09/06/543600.aspx')), { url }).title).not.toBe(POST);
    expect(normalize(page('', side + post(url))).title).not.toBe(POST);
  });
});

describe('an <h1> holding the whole headline block, one line per row (issue 9 class 4)', () => {
  const SUB = '改造惠及居民一万余户，群众满意度明显提升';
  const rows = (...lines: string[]) => `<h1><table><tbody>${lines.map((l) => `<tr><td class="font01">${l}</td></tr>`).join('')}</tbody></table></h1>`;

  it('takes the row the <title> names as the headline, the other rows as its kicker and sub-headline', () => {
    const rec = normalize(page(`<title>${H}--城市网</title>`, `${rows('', H, SUB, '')}<div class="content">${PROSE}</div>`));
    expect(rec.title).toBe(H);
    expect(rec.subtitle).toBe(SUB);
    const kicked = normalize(page(`<title>${H}--城市网</title>`, `${rows('市住建局通报', H, SUB)}<div class="content">${PROSE}</div>`));
    expect(kicked.title).toBe(H);
    expect(kicked.subtitle).toBe(`市住建局通报 ${SUB}`);
  });

  it('keeps the whole <h1> when no row is the <title>\'s headline, or when it holds one line', () => {
    expect(titleOf('<title>城市网</title>', `${rows(H, SUB)}<div class="content">${PROSE}</div>`)).toBe(`${H}${SUB}`);
    expect(titleOf(`<title>${H}--城市网</title>`, `<h1><div>${H}</div></h1><div class="content">${PROSE}</div>`)).toBe(H);
  });
});

describe('a lead-line headline holding digits (issue 9 class 4)', () => {
  const lead = (line: string) => normalize(page('<title>显示</title>', `<div class="content"><p>${line}</p>${PROSE}</div>`));

  it('takes a first line with digits inside it as the headline, and takes it out of the body', () => {
    const line = '北京市儿童(13-15岁)心理发展现状调查报告';
    const rec = lead(line);
    expect(rec.title).toBe(line);
    expect(rec.paragraphs[0]).not.toBe(line);
  });

  it('takes no first line that opens with a number or holds a date', () => {
    expect(lead('1. 概述与研究方法').title).not.toBe('1. 概述与研究方法');
    expect(lead('（2）调查对象与方法').title).not.toBe('（2）调查对象与方法');
    expect(lead('课题组 2003年5月').title).not.toBe('课题组 2003年5月');
  });
});

describe('channel feed headings and page markers (issue 9 class 4)', () => {
  it('takes the heading before the article over a channel-feed <h1> (新闻动态) when there is no <title> (isNameLengthTitle)', () => {
    expect(titleOf('', `<div class="nav"><h1>新闻动态</h1></div><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('', `<div class="nav"><h1>工作动态</h1></div><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe(H);
  });

  it('drops a page marker a paged thread appends to the <title>, and keeps a series part', () => {
    expect(stripTitleSuffixes('社会资本与下岗职工的再就业(页 1) - 学术前沿 - 某某论坛')).toBe('社会资本与下岗职工的再就业');
    expect(stripTitleSuffixes('社会资本与下岗职工的再就业（第2页）_某某网')).toBe('社会资本与下岗职工的再就业');
    expect(stripTitleSuffixes('投身外交(3)_读书频道_某某网')).toBe('投身外交(3)');
  });
});

describe('a numbered headline class holding the column and the headline (issue 9 class 4)', () => {
  it('takes a div.tit2 line the <title> agrees with whole, column name included (as gne labels such titles)', () => {
    const line = `城市这一周 | ${H}`;
    expect(titleOf(`<title>${line}</title>`, `<div class="tit2">${line}</div><div class="content">${PROSE}</div>`)).toBe(line);
    // Without the element the title bar is split as before (the short column segment skipped).
    expect(titleOf(`<title>${line}</title>`, `<div class="content">${PROSE}</div>`)).toBe(H);
  });
});

describe('pages without a <title>: a permalink at another extension, a div.Heading headline (issue 9 class 4)', () => {
  it('takes a link to the same post at another extension (.html for .aspx) as the headline, not one to another post', () => {
    const url = 'http://blog.example.org/blog/mouren/archive/2005/07/31/255509.aspx';
    const body = (href: string) => `<div class="rightmenu"><div><a id="viewpost1_TitleUrl" href="${href}">${H}</a></div></div><div class="rightbox">${PROSE}</div>`;
    expect(normalize(page('', body('/blog/mouren/archive/2005/07/31/255509.html')), { url }).title).toBe(H);
    expect(normalize(page('', body('/blog/mouren/archive/2005/07/31/255510.html')), { url }).title).not.toBe(H);
  });

  it('takes a div.Heading line right before the article, and no panel-heading box', () => {
    const body = (cls: string) => `<div class="${cls}">${H}</div><div class="Date">2005-07-18 13:03:17</div><table><tr><td class="Content">${PROSE}</td></tr></table>`;
    expect(titleOf('', body('Heading'))).toBe(H);
    expect(titleOf('', body('panel-heading'))).not.toBe(H);
  });
});

describe('a name-length headline element and a headline-length heading before the article (issue 9 class 4)', () => {
  it('takes the heading before the article over a logo or channel <h1> when the title bar names no headline', () => {
    expect(titleOf('<title>松花江网</title>', `<div class="logo"><h1>松花江网</h1></div><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('<title>新闻动态--某某学会官网</title>', `<div class="top"><h1>某某学会</h1></div><h3>${H}</h3><div class="content">${PROSE}</div>`)).toBe(H);
    expect(titleOf('', `<div class="top"><h1>快资讯</h1></div><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe(H);
  });

  it('keeps a short headline when no heading stands before the article, or when the title bar names it', () => {
    expect(titleOf('<title>观摩会召开</title>', `<h1>观摩会召开</h1><div class="content">${PROSE}</div>`)).toBe('观摩会召开');
    expect(titleOf('<title>观摩会召开_江苏省人民政府门户网站</title>', `<h1>观摩会召开</h1><h2>${H}</h2><div class="content">${PROSE}</div>`)).toBe('观摩会召开');
  });
});
