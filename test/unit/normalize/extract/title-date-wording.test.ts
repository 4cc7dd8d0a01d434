/**
 * Issue 9 class 4 (a counter kept at the end of the headline) and class 6 (a "latest recommended" date taken over the
 * publish date), on small pages written for the test.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

const PROSE =
  '<div class="content"><p>天色渐暗，山路上的行人越来越少，他背着行囊，沿着石阶一步步向山顶走去，心里想着明天就要到来的考试。</p>' +
  '<p>山顶的小庙里亮着一盏灯，老僧人坐在门口，远远地向他招手，示意他进来歇一歇脚，喝一碗热茶再赶路。</p></div>';
function page(title: string, h1: string, info = ''): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${h1}</h1>${info}${PROSE}</body></html>`);
}

describe('headline counters (issue 9 class 4)', () => {
  it('drops a view counter the <h1> carries after the headline the <title> gives', () => {
    expect(normalize(page('第二章 夜上山门_某某小说网', '第二章 夜上山门<span class="num">241</span>')).title).toBe('第二章 夜上山门');
    expect(normalize(page('第二章 夜上山门_某某小说网', '第二章 夜上山门 241')).title).toBe('第二章 夜上山门');
  });

  it('keeps digits that belong to the headline', () => {
    expect(normalize(page('苹果发布iPhone 11_某某科技网', '苹果发布iPhone 11')).title).toBe('苹果发布iPhone 11');
    expect(normalize(page('某某市GDP突破2000亿_某某网', '某某市GDP突破2000亿')).title).toBe('某某市GDP突破2000亿');
  });
});

describe('publish wording over other dates (issue 9 class 6)', () => {
  it('takes "于 … 发布" over "最新推荐文章于 …" in the info line', () => {
    const info = '<div class="article-info"><span class="time">最新推荐文章于 2024-05-07 10:12:00 发布</span> <span class="author">某某作者</span> <span class="time">于 2024-05-06 15:47:53 发布</span></div>';
    const r = normalize(page('夜上山门_某某博客', '夜上山门', info));
    expect(r.published?.text).toContain('2024-05-06 15:47');
    expect(r.publishedAt).toBe('2024-05-06T15:47:53+08:00');
  });

  it('takes the publish time over an update time printed first', () => {
    const info = '<div class="info">更新时间：2024-05-09 08:00 发布时间：2024-05-06 15:47</div>';
    expect(normalize(page('夜上山门_某某博客', '夜上山门', info)).publishedAt).toBe('2024-05-06T15:47:00+08:00');
  });
});
