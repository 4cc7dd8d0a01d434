/**
 * Issue 9 class 9: `原文地址:<a href="…">…</a>`: the original article's URL is the link's href when the link text is a
 * title or a "click here", on small pages written for the test.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function page(body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>某某县召开春耕生产工作会议</title></head><body><h1>某某县召开春耕生产工作会议</h1>${body}</body></html>`);
}
const PROSE =
  '<p>3月10日，某某县召开春耕生产工作会议，总结去年农业农村工作，安排部署今年春耕生产各项任务，确保粮食播种面积稳定在一百万亩以上。</p>' +
  '<p>会议要求，各乡镇要抓好农资供应、农技指导和农田水利建设，及早做好病虫害防治准备，为全年粮食丰收打下坚实基础。</p>';

describe('原文地址 as a link (issue 9 class 9)', () => {
  it('reads the href of the link after 原文地址 and drops the line from the body', () => {
    const r = normalize(page(`<div class="content">${PROSE}<p>来源：某某日报</p><p>原文地址：<a href="https://news.example.cn/2024/0310/123.html">某某县召开春耕生产工作会议</a></p></div>`));
    expect(r.originalUrl).toBe('https://news.example.cn/2024/0310/123.html');
    expect(r.text).not.toContain('原文地址');
  });

  it('reads a 原文链接 label and a link in the next element', () => {
    const r = normalize(page(`<div class="content">${PROSE}<div class="from"><span>原文链接:</span> <a href="http://www.example.org/a/456">点击查看</a></div></div>`));
    expect(r.originalUrl).toBe('http://www.example.org/a/456');
  });

  it('leaves originalUrl empty when no link follows the label, or the link is a script', () => {
    expect(normalize(page(`<div class="content">${PROSE}<p>原文地址：见某某日报3月10日第二版</p></div>`)).originalUrl).toBeNull();
    expect(normalize(page(`<div class="content">${PROSE}<p>原文地址：<a href="javascript:void(0)">点击查看</a></p></div>`)).originalUrl).toBeNull();
  });
});
