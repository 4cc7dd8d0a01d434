/**
 * Issue 9 class 5 (trailers and widgets left in the body), on small pages written for the test: what follows the
 * article's closing credit block (a WeChat-style reply menu, a quoted neighbouring story), a trailing box of
 * teaser cards each carrying only a date, comment-rules and call-to-action promo lines, credit lines written with
 * `|` or `/` instead of a colon; and the articles that must keep their text.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`);
}

const PROSE = [
  '本报讯 3月12日上午，某某市召开城市更新工作推进会，总结去年城市更新工作成效，部署今年重点任务，会议由市政府副秘书长主持。',
  '会议指出，去年全市共完成老旧小区改造一百二十个，新增停车位三千余个，改造供水管网四十公里，群众满意度明显提升。',
  '会议要求，各区要把城市更新作为惠民生的重要抓手，坚持规划先行、分类推进，确保今年各项目标任务按时保质完成。',
  '会议还对安全生产、防汛备汛等工作作了安排，要求各部门压实责任，加强巡查，及时消除各类隐患，守住安全底线。',
];
const LAST = PROSE[PROSE.length - 1]!;
const prose = PROSE.map((p) => `<p>${p}</p>`).join('');

describe('trailers after the article (issue 9 class 5)', () => {
  it('reads credit lines written with | or /, and drops the reply menu after the closing credits', () => {
    const tail =
      '<p>编辑|王小明</p><p>责编|李大华</p><p>校对|赵一鸣</p><p>来源|某某发布</p>' +
      '<p>1、回复【社保】查询社保缴纳记录</p><p>2、回复【入户】查询相关政策</p><p>点击菜单栏【便民服务】解锁更多服务！</p>' +
      '<p>发送邮件至office@example.cn申请加入政务号</p>';
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${prose}${tail}</div>`));
    expect(r.paragraphs.at(-1)).toBe(LAST);
    expect(r.editors).toEqual(['王小明', '李大华']);
    expect(r.source).toBe('某某发布');
  });

  it('drops a quoted neighbouring story after the 责任编辑 line', () => {
    const tail =
      '<p>作者：陈晓东</p><p>责任编辑：<span></span></p>' +
      '<blockquote><p>邻市举行春季招聘会，提供岗位八千个</p><p>3月11日，邻市人社局在会展中心举办春季大型招聘会，两百余家企业进场招聘，提供岗位八千余个，吸引求职者…</p></blockquote>';
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${prose}${tail}</div>`));
    expect(r.paragraphs.at(-1)).toBe(LAST);
    expect(r.text).not.toContain('招聘会');
  });

  it('drops a trailing box of teaser cards that carry only a date, and the comment-rules line', () => {
    const card = (t: string) => `<div class="card"><div class="card-title"><span>${t}</span><a href="/col/1">深度观察</a></div><span>2024-03-12</span></div>`;
    const tail =
      `<div class="cards">${card('【深度】城市更新的下一步怎么走')}${card('【观察】老旧小区改造的三个难题')}${card('【评论】停车难如何破解')}</div>` +
      '<div class="rules">请自觉遵守互联网相关的政策法规，共同营造“阳光、理性、平和、友善”的跟评互动环境。</div>';
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${prose}${tail}</div>`));
    expect(r.paragraphs.at(-1)).toBe(LAST);
    expect(r.text).not.toContain('2024-03-12');
    expect(r.text).not.toContain('跟评');
  });

  it('drops call-to-action promo lines (a 【点击投票】 button inside a longer line, an app-download promo) and a 重新编排 note', () => {
    const promo =
      '<div class="quote"><p>“一张榜单看懂一年城市变化”，年度城市更新十大案例评选火热进行中！【<a href="/vote">点击投票</a>】选出你心目中的好项目</p></div>' +
      '<div class="quote"><p>新品第一时间免费试用，还有众多达人分享生活经验，快来<a href="/t">某某众测</a>，体验最有趣的产品吧~！下载<a href="/app">客户端</a>还能获得专享福利哦！</p></div>';
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${promo}${prose}<p>经过小编重新编排</p></div>`));
    expect(r.paragraphs[0]).toBe(PROSE[0]);
    expect(r.paragraphs.at(-1)).toBe(LAST);
    expect(r.text).not.toContain('点击投票');
    expect(r.text).not.toContain('专享福利');
  });

  it('reads a "X供稿 摄影/X 编辑/X" credit line and drops a "经过X重新编排" note', () => {
    const tail = '<p>党群工作部供稿 摄影/张艳 编辑/苏芳</p><p>信息来源于网络</p><p>经过小编重新编排</p>';
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${prose}${tail}</div>`));
    expect(r.paragraphs.at(-1)).toBe(LAST);
    expect(r.editors).toEqual(['苏芳']);
    expect(r.photographers).toEqual(['张艳']);
  });

  it('keeps an article whose paragraphs follow dated lines (a timeline), and prose after an early 编辑 line', () => {
    const timeline = [
      ['2024-01-05', '市政府常务会议审议通过城市更新三年行动方案，明确了改造范围、资金来源和推进步骤，提出到2026年完成全部老旧小区改造。'],
      ['2024-02-18', '首批二十个老旧小区改造项目集中开工，涉及居民八千余户，改造内容包括屋面防水、管网更新、加装电梯和停车设施建设。'],
      ['2024-03-12', '全市城市更新工作推进会召开，会议总结前期工作成效，部署下一阶段重点任务，要求各区倒排工期、挂图作战，确保按时完成。'],
    ];
    const body = `<p>编辑：王小明</p>${timeline.map(([d, t]) => `<p>${d}</p><p>${t}</p>`).join('')}`;
    const r = normalize(page('城市更新大事记', `<div class="content">${body}</div>`));
    expect(r.paragraphs).toEqual(timeline.flat());
  });
});

describe('a body repeated twice (issue 9 class 5)', () => {
  it('keeps one copy when the container holds the article twice', () => {
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content"><div class="pc">${prose}</div><div class="m">${prose}</div></div>`));
    expect(r.paragraphs).toEqual(PROSE);
  });

  it('keeps one copy of a block of short lines rendered twice in a row (an info table for desktop and mobile)', () => {
    const info = [['索 引 号：', '0001/2024-00012'], ['发文机关：', '某某市人民政府'], ['成文日期：', '2024年03月11日'], ['发布日期：', '2024年03月12日']];
    const table = `<table>${info.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('')}</table>`;
    const list = `<ul>${info.map(([k, v]) => `<li><span>${k}</span></li><li>${v}</li>`).join('')}</ul>`;
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${table}${list}${prose}</div>`));
    expect(r.paragraphs).toEqual([...info.flat(), ...PROSE]);
  });

  it('keeps a short chorus sung twice in a row', () => {
    const chorus = ['春风吹过田野', '花开满山坡'];
    const body = `<p>${PROSE[0]}</p>${[...chorus, ...chorus].map((l) => `<p>${l}</p>`).join('')}<p>${PROSE[1]}</p>`;
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${body}</div>`));
    expect(r.paragraphs).toEqual([PROSE[0], ...chorus, ...chorus, PROSE[1]]);
  });

  it('keeps a line the article repeats on purpose', () => {
    const refrain = '我们的家园，我们共同守护。';
    const body = `<p>${PROSE[0]}</p><p>${refrain}</p><p>${PROSE[1]}</p><p>${refrain}</p><p>${PROSE[2]}</p>`;
    const r = normalize(page('某某市召开城市更新工作推进会', `<div class="content">${body}</div>`));
    expect(r.paragraphs).toEqual([PROSE[0], refrain, PROSE[1], refrain, PROSE[2]]);
  });
});
