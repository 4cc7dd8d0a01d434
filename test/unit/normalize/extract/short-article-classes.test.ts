/**
 * Issue 9 class 1 (short articles lose to longer chrome) and class 2 (a recommended-stories stream joins or wins), on
 * small pages written for the test: a 100-character brief next to a longer cooperation/ICP footer, a comment list,
 * an "about us" box, a recommended stream under its header; and an article whose own sections must stay.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
}

const TITLE = '某某区举行春季植树活动';
const BRIEF = [
  '本网讯 3月12日，某某区举行春季植树活动，区机关干部和志愿者三百余人参加，共栽种香樟、桂花等苗木两千余株。',
  '活动现场，大家分工协作，挖坑、扶苗、培土、浇水，干劲十足。',
];
const NAV = '<div class="top"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">区县</a> <a href="/c">专题</a> <a href="/d">视频</a> <a href="/e">图片</a></div>';
const ARTICLE = `<div class="box"><h1>${TITLE}</h1><div class="info">2024-03-12 10:20 来源：某某新闻网</div><div class="txt">${BRIEF.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
const FOOTER =
  '<div class="w1000"><p>合作单位：某某日报社、某某广播电视台、某某新闻网、某某融媒体中心、某某信息港，欢迎各类媒体洽谈合作，共建共享，互利共赢，携手打造区域新闻传播新平台。</p>' +
  '<p>本站所刊登的各种新闻、信息和各种专题专栏资料，均为本站版权所有，未经协议授权，禁止下载使用，违者追究法律责任。</p>' +
  '<p>地址：某某省某某市人民路88号 邮编：210000 联系电话：025-12345678 投稿邮箱：news@example.cn</p><p>苏ICP备12345678号 苏公网安备32010202000001号</p></div>';
const COMMENTS =
  '<div class="talk"><h3>网友留言</h3>' +
  [
    '这个活动很有意义，希望每年都能坚持下去，绿化我们的家园，给子孙后代留下绿水青山。',
    '支持！我们小区旁边的空地也可以种一些树，既美化环境，又能让老人孩子有个休息乘凉的地方。',
    '植树造林，功在当代，利在千秋，为某某区点赞，也希望后期养护能跟上，别让树苗种了就不管了。',
  ].map((t, i) => `<div class="item"><span>网友${i + 1}</span><p>${t}</p><span>2024-03-12 1${i}:00</span></div>`).join('') +
  '</div>';
const ABOUT =
  '<div class="side"><h3>关于我们</h3><p>某某新闻网是某某区委宣传部主办的综合性新闻网站，立足某某、服务全区，及时发布权威信息，全面展示区域经济社会发展成就，是了解某某的重要窗口。</p>' +
  '<p>网站开设要闻、区县、民生、文旅、视频等栏目，日均更新稿件两百余条，欢迎广大读者投稿，共同讲好某某故事。</p></div>';
const STREAM =
  '<div class="more"><h3>为你推荐</h3>' +
  [
    '某某街道开展垃圾分类宣传进社区活动，工作人员向居民发放宣传册，讲解分类知识，现场气氛热烈。',
    '某某镇举办农民丰收节，展示特色农产品一百余种，吸引周边游客两万余人次前来参观选购。',
    '某某区图书馆推出周末亲子阅读活动，每期邀请专业老师带领孩子们阅读绘本、动手创作。',
  ].map((t) => `<div class="card"><p>${t}</p><span>阅读 1024</span></div>`).join('') +
  '</div>';

/** The same chrome boxes under neutral class names, with no section header: each outscores the brief beside it. */
const PLAIN_FOOTER =
  '<div class="bq"><p>合作单位：某某日报社、某某广播电视台、某某新闻网、某某融媒体中心、某某信息港，欢迎各类媒体洽谈合作，共建共享，互利共赢，携手打造区域新闻传播新平台。</p>' +
  '<p>本站所刊登的各种新闻、信息和各种专题专栏资料，均为本站版权所有，未经协议授权，禁止下载使用，违者追究法律责任。</p>' +
  '<p>地址：某某省某某市人民路88号 邮编：210000 联系电话：025-12345678 投稿邮箱：news@example.cn</p></div>';
const PLAIN_ABOUT =
  '<div class="side"><p>某某新闻网是某某区委宣传部主办的综合性新闻网站，立足某某、服务全区，及时发布权威信息，全面展示区域经济社会发展成就，是了解某某的重要窗口。</p>' +
  '<p>网站开设要闻、区县、民生、文旅、视频等栏目，日均更新稿件两百余条，欢迎广大读者投稿，共同讲好某某故事。</p></div>';

describe('short articles next to longer chrome (issue 9 class 1)', () => {
  it('keeps the brief when a cooperation footer with no registration mark and no header outscores it', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + PLAIN_FOOTER));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps the brief when an "about us" box with no header outscores it', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + PLAIN_ABOUT));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps the brief when a comment list with no header and neutral class names follows it', () => {
    const comments = '<div class="list">' + [
      '这个活动很有意义，希望每年都能坚持下去，绿化我们的家园，给子孙后代留下绿水青山。',
      '支持！我们小区旁边的空地也可以种一些树，既美化环境，又能让老人孩子有个休息乘凉的地方。',
      '植树造林，功在当代，利在千秋，为某某区点赞，也希望后期养护能跟上，别让树苗种了就不管了。',
      '去年种的树今年长得很好，说明养护工作做得到位，点赞！希望更多的人参与进来。',
    ].map((t, i) => `<div class="item"><span class="name">网友${i + 1}</span><span class="time">2024-03-12 1${i}:00</span><p>${t}</p></div>`).join('') + '</div>';
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + comments));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps the brief when teaser cards with no header follow it (class 2)', () => {
    const cards = '<div class="list">' + [
      ['垃圾分类宣传进社区', '某某街道开展垃圾分类宣传进社区活动，工作人员向居民发放宣传册，讲解分类知识，现场气氛热烈。'],
      ['农民丰收节开幕', '某某镇举办农民丰收节，展示特色农产品一百余种，吸引周边游客两万余人次前来参观选购。'],
      ['图书馆推出亲子阅读', '某某区图书馆推出周末亲子阅读活动，每期邀请专业老师带领孩子们阅读绘本、动手创作。'],
    ].map(([h, t], i) => `<div class="item"><h3><a href="/n/${i}.html">${h}</a></h3><p>${t}</p><span>2024-03-1${i}</span></div>`).join('') + '</div>';
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + cards));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps the brief when a longer neighbouring brief follows it, no class names anywhere (class 2)', () => {
    const plain = `<div><h1>${TITLE}</h1><div>2024-03-12 10:20 来源：某某新闻网</div><div>${BRIEF.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const next = '<div><h2><a href="/n/2.html">某某镇举办农民丰收节</a></h2><p>某某镇举办农民丰收节，展示特色农产品一百余种，吸引周边游客两万余人次前来参观选购。丰收节期间，还举办了农耕文化展、农产品直播带货等活动，线上线下销售额突破五百万元。</p>' +
      '<p>镇党委负责人介绍，丰收节已连续举办五届，成为展示乡村振兴成果的重要窗口，带动了当地农民增收致富。</p></div>';
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + plain + next));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps a short article whose paragraphs the fallback gathers from beside the headline block', () => {
    const more = ['据了解，某某区今年计划新增绿地面积五十万平方米，建设口袋公园二十个，让群众推窗见绿、出门进园，植树活动将持续到月底。'];
    const body = `<div class="box"><h1>${TITLE}</h1><div class="info">2024-03-12 10:20</div><div class="txt">${BRIEF.map((p) => `<p>${p}</p>`).join('')}</div></div><div class="txt2"><p>${more[0]}</p></div>`;
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + body));
    expect(r.paragraphs).toEqual([...BRIEF, ...more]);
  });

  it('reads a brief whose headline and the footer\'s lines (a registration mark among them) share one plain <div>', () => {
    const box = `<div><h1>${TITLE}</h1>${BRIEF.map((p) => `<p>${p}</p>`).join('')}<p>地址：某某省某某市人民路88号 邮编：210000 联系电话：025-12345678</p><p>苏ICP备12345678号</p></div>`;
    // The whole <div> was read as the site's footer box: NO_ARTICLE. The footer's own lines are boilerplate's to drop.
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + box));
    expect(r.paragraphs.slice(0, 2)).toEqual(BRIEF);
  });

  it('keeps the article body beside the headline block when it outscores the lead set with the headline', () => {
    const lead = '3月12日，某某区举行春季植树活动，区机关干部和志愿者三百余人来到城南新区绿化带，共栽种香樟、桂花、银杏、紫薇等苗木两千余株，为城市再添一片新绿，也为全区今年的国土绿化行动开了个好头。';
    const more = [
      '活动现场，大家分工协作，挖坑、扶苗、培土、浇水，干劲十足，不到两个小时，一株株新栽的树苗便整齐地排列在绿化带上。',
      '某某区林业站负责人介绍，今年春季植树活动共设置了五个植树点，全区计划新增造林面积两千亩，森林覆盖率提高零点五个百分点。',
      '植树活动结束后，区绿化养护中心将对新栽苗木实行专人管护，定期浇水、施肥、防治病虫害，确保栽一棵、活一棵、成林一片。',
      '据了解，某某区已连续十年组织春季义务植树活动，累计栽种各类苗木二十余万株，城区绿地率达到百分之四十以上。',
    ];
    const body = `<div class="main"><div class="head"><h1>${TITLE}</h1><p>${lead}</p></div><div class="text">${more.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + body));
    expect(r.paragraphs).toEqual([lead, ...more]);
  });

  it('keeps a 100-character brief and drops the cooperation/ICP footer', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + FOOTER));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps a brief and drops the comment list under its header', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + COMMENTS));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps a brief and drops the "about us" box', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + ABOUT));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps a brief and drops a recommended-stories stream (class 2)', () => {
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + ARTICLE + STREAM));
    expect(r.paragraphs).toEqual(BRIEF);
  });

  it('keeps the article text after a related-links header set inside the article container', () => {
    const more = ['活动结束后，志愿者们还向周边居民发放了爱绿护绿倡议书，倡导大家从身边做起，共同守护绿色家园。', '据了解，某某区今年计划新增绿地面积五十万平方米，建设口袋公园二十个，让群众推窗见绿、出门进园。'];
    const related = '<p><strong>相关新闻：</strong></p><p><a href="/a/1.html">某某区启动全民义务植树月活动</a></p><p><a href="/a/2.html">某某区去年新增绿地四十万平方米</a></p>';
    const body = `<div class="box"><h1>${TITLE}</h1><div class="txt">${BRIEF.map((p) => `<p>${p}</p>`).join('')}${related}${more.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + body));
    expect(r.paragraphs).toEqual([...BRIEF, ...more]);
  });

  it('keeps an article whose sections follow headers that are not chrome', () => {
    const sections = [
      ['活动背景', '近年来，某某区持续推进国土绿化行动，累计新增造林面积一万余亩，森林覆盖率稳步提高，生态环境持续改善。'],
      ['下一步工作', '某某区将继续实施城乡绿化提升工程，加强苗木后期管护，确保栽一棵、活一棵、成林一片，巩固绿化成果。'],
    ];
    const body = `<div class="box"><h1>${TITLE}</h1><div class="txt">${BRIEF.map((p) => `<p>${p}</p>`).join('')}${sections.map(([h, t]) => `<h3>${h}</h3><p>${t}</p>`).join('')}</div></div>`;
    const r = normalize(page(`${TITLE}_某某新闻网`, NAV + body));
    expect(r.paragraphs).toEqual([...BRIEF, ...sections.flat()]);
  });
});
