/**
 * Issue 9 class 8 (non-articles become records), on small pages written for the test: a portal landing page of link
 * boxes with one short blurb, a "信息不存在或已被删除" notice inside the site's navigation and footer, a listing whose
 * entries end with the same sentence, a JSON file; and the articles next to them that must stay articles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { ErrorCode } from '../../../../lambdas/contract/errors.js';
import { errorCodeOf } from '../../../helpers/normalize-outcome.js';

function page(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

const NAV = '<div class="nav"><a href="/">首页</a><a href="/xw/">新闻</a><a href="/qx/">区县</a><a href="/pd/">频道</a><a href="/fw/">服务</a><a href="/hd/">互动</a></div>';
const FOOTER =
  '<div class="footer"><p>主办单位：某某市人民政府办公室 地址：某某市人民路1号 邮编：210000</p><p>联系电话：025-12345678 传真：025-12345679 网站标识码：3201000001</p>' +
  '<p>苏ICP备12345678号-1 苏公网安备 32010202000001号 版权所有 未经授权禁止复制或建立镜像</p></div>';
const box = (name: string, n: number) =>
  `<div class="box"><h3>${name}</h3><ul>${Array.from({ length: n }, (_, i) => `<li><a href="/${name}/${i}.html">${name}第${i + 1}项工作安排通知</a></li>`).join('')}</ul></div>`;

describe('non-articles (issue 9 class 8)', () => {
  it('refuses a portal landing page: boxes of links, one short blurb, a footer', () => {
    const html = page('<title>某某市人民政府门户网站</title>', `${NAV}<div class="intro">某某市位于长江下游，历史悠久，交通便利。</div>${box('政务公开', 8)}${box('办事服务', 8)}${box('互动交流', 6)}${FOOTER}`);
    expect(errorCodeOf(html)).toBe(ErrorCode.NoArticle);
  });

  it('refuses a "信息不存在或已被删除" notice in the site\'s navigation and footer', () => {
    const html = page('<title>提示信息</title>', `${NAV}<div class="main"><h1>提示信息</h1><div class="msg">对不起，您访问的信息不存在或已被删除！</div><a href="/">返回首页</a></div>${FOOTER}`);
    expect(errorCodeOf(html)).toBe(ErrorCode.NoArticle);
  });

  it('refuses a listing whose entries all end with the same sentence', () => {
    const items = ['高新区标准厂房招租', '经开区光电项目集中签约', '重点项目建设现场推进会召开', '电气产业集群入选省级名单', '港口物流项目加快建设', '文旅项目集中开工'];
    const html = page('<title>产业信息</title>', `<h1>产业信息</h1><div class="content">${items.map((t) => `<p>${t}。本文由系统自动收集，更多产业信息请关注本网。</p>`).join('')}</div>`);
    expect(errorCodeOf(html)).toBe(ErrorCode.NoArticle);
  });

  it('refuses a JSON file as UNSUPPORTED_INPUT, and keeps a text capture that quotes JSON', () => {
    const json = new TextEncoder().encode(JSON.stringify({ name: 'jsnews', version: '0.1.0', private: true, scripts: { test: 'vitest run' }, dependencies: { zod: '^3.23.0' } }, null, 2));
    expect(errorCodeOf(json)).toBe(ErrorCode.UnsupportedInput);
    expect(errorCodeOf(new TextEncoder().encode('[1, 2, 3]'))).toBe(ErrorCode.UnsupportedInput);
  });

  it('keeps a short article on the same chrome, and an article whose paragraphs end with one repeated credit', () => {
    const brief =
      '<p>本报讯 昨日上午，某某市召开全市安全生产工作会议，总结上半年工作，部署下半年任务。会议要求各地各部门压实责任，深入开展隐患排查整治，坚决遏制重特大事故发生，确保全市安全形势持续稳定。</p>';
    const html = page('<title>某某市召开全市安全生产工作会议_某某市人民政府</title>', `${NAV}<h1>某某市召开全市安全生产工作会议</h1><div class="content">${brief}</div>${FOOTER}`);
    expect(errorCodeOf(html)).toBeNull();
    expect(normalize(html).paragraphs.join('')).toContain('确保全市安全形势持续稳定');
    const prose = ['全市上下积极应对疫情冲击，有力有序推进项目建设，取得良好成效，经济运行稳中向好。', '据统计，上半年全市新开工项目一百二十个，总投资超过八百亿元，同比增长百分之十五。', '下一步，我市将继续优化营商环境，强化要素保障，推动更多项目早开工、早投产、早见效。'];
    const credited = page('<title>项目建设提速_城市网</title>', `<h1>项目建设提速</h1><div class="content">${prose.map((p) => `<p>${p}</p>`).join('')}<p>（记者 王明）</p><p>（记者 王明）</p></div>`);
    expect(errorCodeOf(credited)).toBeNull();
  });

  it('refuses every index page of the seeds and the replay tree\'s notice page', () => {
    const indexes = readdirSync('seeds/html').filter((f) => f.startsWith('index-'));
    expect(indexes.length).toBe(5);
    for (const f of indexes) expect([f, errorCodeOf(readFileSync(`seeds/html/${f}`))]).toEqual([f, ErrorCode.NoArticle]);
    expect(errorCodeOf(readFileSync('seeds/replay/jiangsu/www.jinshanwang.example/news/zj/202301/t20230129_5581234.notice.shtml'))).toBe(ErrorCode.NoArticle);
  });
});
