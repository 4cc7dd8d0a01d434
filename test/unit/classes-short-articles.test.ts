/**
 * Issue 9 class 1 (short articles next to a longer cooperation/ICP footer), the case
 * test/unit/normalize/extract/short-article-classes.test.ts does not cover, on small pages written for the test: the
 * brief and the footer inside one small wrapper (a <div> or a layout <table>), so that the wrapper itself holds a site
 * registration mark and was dropped as the footer, article and all (NO_ARTICLE).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';

const TITLE = '城东街道开展消防安全演练';
const BRIEF =
  '本网讯 11月9日上午，城东街道联合辖区消防救援站在社区广场开展消防安全演练，社区工作人员、物业人员和居民群众一百余人参加。演练中，消防员示范了灭火器和消防栓的使用方法，并指导居民进行了实际操作。';
// 220 characters of cooperation, contact and registration lines, each in its own <div>.
const FOOTER =
  '<div><div>合作单位：城东日报社 城东广播电视台 城东融媒体中心 城东信息港 城东发布 城东政务服务网 城东志愿者服务网 城东文明网 城东党建网</div>' +
  '<div>本网站由城东区委宣传部主办，城东融媒体中心承办，欢迎各类媒体与我们洽谈合作，共建共享区域新闻资源，共同打造区域传播新平台。</div>' +
  '<div>联系地址：城东区人民路188号 邮政编码：210000 联系电话：025-88888888 电子邮箱：cd@example.cn</div>' +
  '<div>苏ICP备10000000号-2 苏公网安备 32010402000000号 互联网新闻信息服务许可证：32120170000</div></div>';

function page(body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}-城东新闻网</title></head><body>${body}</body></html>`);
}

describe('a brief and the site footer in one small wrapper (issue 9 class 1)', () => {
  it('keeps the brief when a <div> wraps it and the footer, the headline outside', () => {
    expect(normalize(page(`<h1>${TITLE}</h1><div><div><p>${BRIEF}</p></div>${FOOTER}</div>`)).paragraphs).toEqual([BRIEF]);
  });

  it('keeps the brief when the wrapper holds the headline too', () => {
    expect(normalize(page(`<div class="wrap"><h1>${TITLE}</h1><div><p>${BRIEF}</p></div>${FOOTER}</div>`)).paragraphs).toEqual([BRIEF]);
  });

  it('keeps the brief of a table layout whose last row is the footer', () => {
    const r = normalize(page(`<table><tr><td><b>${TITLE}</b></td></tr><tr><td><p>${BRIEF}</p></td></tr><tr><td>${FOOTER}</td></tr></table>`));
    expect(r.paragraphs).toEqual([BRIEF]);
  });
});

describe('a brief and a comment list without a header (issue 9 class 1)', () => {
  const comments = [
    '这种演练很有必要，希望多组织几次，让老人和孩子都掌握灭火器的使用方法，关键时刻能救命。',
    '我们小区上个月也搞了一次，消防员讲得很细，学到了很多，点赞城东街道，也希望物业能定期检查消防通道。',
    '建议把演练视频发到社区群里，没来得及参加的居民也能学一学，安全无小事，人人都要重视起来。',
  ];
  const list = `<div class="comment-list">${comments.map((t, i) => `<div class="comment-item"><span class="user">用户${i + 1}</span><p>${t}</p><span class="time">11-09 1${i}:20</span> <a href="#">回复</a></div>`).join('')}</div>`;
  const nav = '<div class="nav"><a href="/">首页</a> <a href="/a">要闻</a> <a href="/b">街道</a> <a href="/c">社区</a> <a href="/d">服务</a></div>';

  it('keeps the brief alone', () => {
    expect(normalize(page(`${nav}<h1>${TITLE}</h1><div class="content"><p>${BRIEF}</p></div>${list}`)).paragraphs).toEqual([BRIEF]);
  });
});

describe('a brief and an "about us" box without a header (issue 9 class 1)', () => {
  const about =
    '<div class="about"><p>城东新闻网是城东区委宣传部主办的综合性新闻网站，立足城东、服务全区，及时发布权威信息，全面展示区域经济社会发展成就，是了解城东的重要窗口。</p>' +
    '<p>欢迎广大读者投稿，共同讲好城东故事，传播城东声音，展示城东形象。</p></div>';

  it('keeps the brief alone', () => {
    expect(normalize(page(`<h1>${TITLE}</h1><div class="content"><p>${BRIEF}</p></div>${about}`)).paragraphs).toEqual([BRIEF]);
  });

  it('keeps an article that reports on a news site', () => {
    const report = '城东新闻网客户端今天正式上线，市民可以通过手机随时浏览本地新闻、办理政务服务，上线首日下载量突破一万次。';
    expect(normalize(page(`<h1>${TITLE}</h1><div class="content"><p>${BRIEF}</p><p>${report}</p></div>`)).paragraphs).toEqual([BRIEF, report]);
  });
});
