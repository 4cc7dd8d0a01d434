/**
 * Issue 9 class 3, second half: an encyclopedia-style article holding many dated lines (a 大事记 timeline) was taken for
 * a list page (NO_ARTICLE); a page of dated headline entries must still be one. Small pages written for the test.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { ErrorCode } from '../../../../lambdas/contract/errors.js';
import { errorCodeOf } from '../../../helpers/normalize-outcome.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`);
}

const EVENTS = [
  '1949年10月1日，某某县人民政府成立。',
  '1958年9月20日，成立某某人民公社。',
  '1984年5月12日，撤社建乡，设某某乡。',
  '1992年3月8日：撤乡建镇，设立某某镇。',
  '2001年7月1日，某某大桥建成通车。',
  '2008年12月26日，某某工业园区挂牌成立。',
  '2015年6月18日，某某镇被评为全国文明村镇。',
  '2020年11月3日，某某高铁站正式投入使用。',
];

describe('dated lines in an article (issue 9 class 3)', () => {
  it('keeps an encyclopedia article whose timeline is dated sentences', () => {
    const body =
      '<div class="content"><p>某某镇位于某某县东南部，东临某某河，西接某某山，总面积一百二十平方公里，辖十二个行政村，户籍人口四万余人，是全县的工业重镇和交通枢纽。</p>' +
      `<h2>大事记</h2>${EVENTS.map((e) => `<p>${e}</p>`).join('')}</div>`;
    const r = normalize(page('某某镇', body));
    expect(r.paragraphs.slice(-EVENTS.length)).toEqual(EVENTS);
  });

  it('still refuses a page of dated headline entries', () => {
    const items = ['某某县召开春耕生产工作会议', '某某镇开展安全生产大检查', '某某街道举办社区运动会', '某某县发布防汛预警', '某某乡推进人居环境整治', '某某县举行重点项目集中开工', '某某镇召开党员大会'];
    const body = `<div class="content">${items.map((t, i) => `<p>${t} 2024-03-${String(10 + i).padStart(2, '0')}</p>`).join('')}</div>`;
    expect(errorCodeOf(page('工作动态', body))).toBe(ErrorCode.NoArticle);
  });
});
