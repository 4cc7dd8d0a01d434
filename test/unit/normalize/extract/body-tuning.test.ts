import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';
import { findArticleBody } from '../../../../lambdas/normalize/extract/body.js';

const POST_ZH = [
  '导游的收入很大一部分来自购物的回扣，这是业内的行规，境内游境外游都是这样的，属于国际惯例。以国内游为例，回扣一般在购物额的百分之十左右。',
  '旅行车停在购物店门口会有停车费，进店购物一般要停留四十五分钟左右，这样就会有人头费，店里会根据客人的人数付钱。所以一定要看清楚合同。',
];

/** A forum thread page: the opening post, then the thread's reply tree as nested <li>s of "headline link【author】date". */
function forumThread(replies: number): string {
  const items = Array.from({ length: replies }, (_, i) =>
    `<li><img src="f.gif"><a href="t.jsp?id=${i}">第${i}条回复：我也来说说这次旅游遇到的事情，大家评评理</a>【<a href="u.jsp?id=${i}">网友${i}</a>】08-${10 + (i % 20)} 16:58 138字 [140/0]` +
    (i % 3 === 0 ? `<ul><li><a href="t.jsp?id=x${i}">回复第${i}条：同感，出门在外一定要小心，多留个心眼</a>【<a href="u.jsp">楼主</a>】08-12 10:00 0字 [175/1]</li></ul>` : '') +
    '</li>').join('\n');
  return `<html><head><title>你知道导游为什么热衷于让你去商场购物吗</title></head><body>
<table><tr><td class="large"><b>主题：</b>你知道导游为什么那么热衷于让你去各种各样的商场购物吗？</td></tr>
<tr><td class="middle"><b>作者：</b><a href="u.jsp">芊草凡凡</a> <b>时间：</b>2005-08-22 19:13:18</td></tr></table>
<table><tr><td class="line_h24"><p class="large">${POST_ZH.join('')}</p></td></tr></table>
<table><tr><td class="large"><b>| 回复线索：</b></td></tr></table>
<table><tr><td><ul>${items}</ul></td></tr></table></body></html>`;
}

describe('findArticleBody: forum thread (reply tree of link-led list items)', () => {
  it('takes the opening post, not the reply tree', () => {
    const body = findArticleBody(loadHtml(forumThread(40)));
    expect(body).not.toBeNull();
    expect(body!.blocks.join('')).toContain(POST_ZH[0]!.slice(0, 20));
    expect(body!.blocks.some((b) => b.includes('回复'))).toBe(false);
  });
});

const POSTS = [
  ['湘菜粤菜 兵分两路', '2005-06-14 03:25:55', '湘菜粤菜兵分两路，新鲜的是，湘菜浓妆淡抹，粤菜却是明艳照人。虽然湖南人喜欢吃辣，但碍于广东的炎热气候，不得不多吃清淡的菜肴，为解他们的思乡之情，厨师们想尽了办法。湘菜馆里的剁椒鱼头少放了辣，粤菜馆里的白切鸡多配了姜葱，两家隔街相望，各有各的熟客，每到周末门口都排起长队，热闹得很。老板说生意好做，难的是守住家乡的味道。'],
  ['澳坛真的累了', '2005-06-13 15:00:14', '澳坛真的累了，这一届比赛下来，老将们一个接一个地退出，新人还没有成长起来，教练组也面临着很大的压力。球迷们只能耐心等待，希望下一个赛季能够看到新的面貌，看到年轻人的冲劲。至于我们这些看了二十年球的老球迷，只要球队还在打，就会一直守在电视机前，为他们加油鼓劲，不管输赢。这就是体育的魅力，也是我们这一代人的青春记忆。'],
  ['爱上侦探小说', '2005-06-11 14:05:50', '读小学的时候，我就爱看侦探小说，以及侦探电影。虽然看不懂，但是也觉得有味道，卡通方面也爱看这类的。后来长大了，慢慢地看懂了其中的门道，越来越喜欢推理的过程，常常看到深夜还舍不得放下书本。如今工作忙了，看书的时间少了，可每次路过书店，还是忍不住要去推理小说的书架前站一会儿，翻一翻新出的作品，找一找当年的感觉。'],
  ['七十年代女孩的游戏', '2005-06-10 05:42:56', '张爱玲曾说过，像我们这样生长在都市文化中的人，总是先看到海的画面，后看见海；先读到爱情小说，后知道爱。而七十年代的小女孩们，也是从小就在跳房子、踢毽子、跳皮筋的游戏里长大的，那些游戏简单而快乐。那会儿小女生们爱玩跳房子，它在有些地方也叫做踢田，只要一支粉笔、一块石子儿就可以搞定，玩上一整个下午也不觉得累。'],
] as const;

/** A blog archive: every post in its own table with a title row, a body cell and a footer with the post's time. */
function blogArchive(): string {
  const posts = POSTS.map(([title, time, text]) => `<table><tr><td class="post-title">${title}</td><td class="post-title">${time}</td></tr>
<tr><td><table><tr><td class="post-body">${text}</td></tr></table></td></tr>
<tr><td class="post-footer"><em>由海姑娘张贴 @ <a href="v.php">${time}</a></em> (697)</td></tr></table>`).join('\n');
  return `<html><head><title>海姑娘的博客</title></head><body><div class="blog">${posts}</div></body></html>`;
}

describe('findArticleBody: list of posts (blog archive)', () => {
  it('takes the first post (POST_MIN_CHARS or more, shorter than a scoring retry) even when a later one is longer', () => {
    const body = findArticleBody(loadHtml(blogArchive()));
    expect(body).not.toBeNull();
    expect(body!.blocks.join('')).toContain('湘菜粤菜兵分两路');
    expect(body!.blocks.join('')).not.toContain('张爱玲');
  });

  it('keeps every section of one article split into same-class wrappers (no date stamps between them)', () => {
    const sections = POSTS.map(([, , text]) => `<section class="outer"><div class="post-content"><p>${text}</p></div></section><figure><img src="a.jpg"></figure>`).join('');
    const body = findArticleBody(loadHtml(`<html><body><article>${sections}</article></body></html>`));
    expect(body).not.toBeNull();
    const text = body!.blocks.join('');
    for (const [, , t] of POSTS) expect(text).toContain(t.slice(0, 12));
  });
});

const PARAS_EN = [
  'The city council voted on Tuesday to expand the bus network, adding three routes that will connect the northern suburbs with the hospital district, the university and the central station.',
  'Officials said the new routes would start running in March, once drivers have been hired and trained, and that fares would stay at the current level for at least two years.',
  'Residents who spoke at the meeting welcomed the plan, although several asked for later evening services, which the council said it would study over the coming months.',
];

describe('findArticleBody: English news page chrome inside the article container', () => {
  const html = `<html><body><div class="article-body">
<div class="hst-resgallery"><ul class="gallery"><li><div class="caption">A bus waits at the central station, Tuesday, Nov. 19, 2019.</div><span class="credit">Photo: Jane Doe, AP</span></li></ul>
<p class="open">Caption</p><p class="close">Close</p></div>
<p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>
<p>${PARAS_EN[0]}</p>
<p><a href="/other-story">City approves new parking rules for the downtown area</a></p>
<p>READ MORE: Council delays vote on the stadium deal</p>
<p>${PARAS_EN[1]}</p>
<p>DON'T MISS</p>
<p>${PARAS_EN[2]}</p>
<p>Sources: <a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>
<p>Advertisement</p>
</div></body></html>`;
  const body = findArticleBody(loadHtml(html));

  it('keeps the paragraphs and the spelled-out reference link', () => {
    expect(body).not.toBeNull();
    expect(body!.blocks).toEqual([...PARAS_EN.slice(0, 2), PARAS_EN[2], 'Sources: https://example.org/report.pdf']);
  });

  it('drops the photo gallery, link-only teasers, widget labels and the date stamp', () => {
    const text = body!.blocks.join('\n');
    for (const gone of ['bus waits', 'Photo: Jane Doe', 'Caption', 'parking rules', 'READ MORE', "DON'T MISS", 'Advertisement', 'Updated 5:27']) {
      expect(text).not.toContain(gone);
    }
  });
});

describe('findArticleBody: an article split into same-class parts, one nested deeper than the others', () => {
  const para = (part: string, i: number): string =>
    `<p>${part} paragraph ${i}: the researchers followed the cells through the lungs, the gut and the thymus, and found that they answer to the same chemical signals, which surprised them, because nobody had expected it.</p>`;
  const deep = (html: string): string => `<div><div><div><section><div><div><div>${html}</div></div></div></section></div></div></div>`;
  const shallow = (html: string): string => `<section><div><div>${html}</div></div></section>`;
  const sidebar = `<aside class="sidebar"><h3>Share</h3><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/s${i}">Share on network ${i}</a></li>`).join('')}</ul></aside>`;
  const page = `<html><head><title>Cells that taste danger</title></head><body><header><a href="/">Home</a></header>
<div class="wrap">
  <div class="part">${deep(`${sidebar}${[1, 2, 3, 4].map((i) => para('First part', i)).join('')}`)}</div>
  <figure class="media"><img src="a.jpg"><figcaption>A tuft cell under the microscope.</figcaption></figure>
  <div class="part">${shallow([1, 2, 3, 4, 5, 6, 7, 8].map((i) => para('Second part', i)).join(''))}</div>
  <div class="part">${shallow([1, 2, 3].map((i) => para('Third part', i)).join(''))}</div>
</div><footer><a href="/about">About us</a></footer></body></html>`;

  it('keeps the deep part: a sibling with the top container\'s class joins on the score of a candidate inside it', () => {
    const text = findArticleBody(loadHtml(page), { title: 'Cells that taste danger' })!.blocks.join('\n');
    expect(text).toContain('First part paragraph 1:');
    expect(text).toContain('Second part paragraph 8:');
    expect(text).toContain('Third part paragraph 3:');
    expect(text).not.toContain('Share on network');
  });
});
