/**
 * Issue 9 class 3 (an encyclopedia article taken for a list page), the case
 * test/unit/normalize/extract/dated-article-classes.test.ts does not cover, on small pages written for the test: the
 * 大事记 as a table, each date in its own cell before the event's sentence, so that every date stands on a line alone;
 * and an index table of headline and date cells, which must stay a list page.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';
import { ErrorCode } from '../../lambdas/contract/errors.js';
import { errorCodeOf } from '../helpers/normalize-outcome.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`);
}

const EVENTS: [string, string][] = [
  ['1949年10月1日', '某某县人民政府成立。'],
  ['1958年9月20日', '成立某某人民公社。'],
  ['1984年5月12日', '撤社建乡，设某某乡。'],
  ['1992年3月8日', '撤乡建镇，设立某某镇。'],
  ['2001年7月1日', '某某大桥建成通车。'],
  ['2008年12月26日', '某某工业园区挂牌成立。'],
  ['2015年6月18日', '某某镇被评为全国文明村镇。'],
  ['2020年11月3日', '某某高铁站正式投入使用。'],
];
const INTRO = '某某镇位于某某县东南部，东临某某河，西接某某山，总面积一百二十平方公里，辖十二个行政村，户籍人口四万余人，是全县的工业重镇和交通枢纽。';

describe('a timeline table in an article (issue 9 class 3)', () => {
  it('keeps an encyclopedia article whose 大事记 is a table of date and event cells', () => {
    const table = `<table>${EVENTS.map(([d, e]) => `<tr><td>${d}</td><td>${e}</td></tr>`).join('')}</table>`;
    const r = normalize(page('某某镇', `<div class="content"><p>${INTRO}</p><h2>大事记</h2>${table}</div>`));
    expect(r.paragraphs.slice(-EVENTS.length * 2)).toEqual(EVENTS.flat());
  });

  it('still refuses an index table of headline and date cells', () => {
    const items = ['某某县召开春耕生产工作会议', '某某镇开展安全生产大检查', '某某街道举办社区运动会', '某某县发布防汛预警', '某某乡推进人居环境整治', '某某县举行重点项目集中开工', '某某镇召开党员大会'];
    const table = `<table>${items.map((t, i) => `<tr><td>${t}</td><td>2024-03-${String(10 + i).padStart(2, '0')}</td></tr>`).join('')}</table>`;
    expect(errorCodeOf(page('工作动态', `<div class="content">${table}</div>`))).toBe(ErrorCode.NoArticle);
  });
});
