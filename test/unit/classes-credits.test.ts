/**
 * Issue 9 class 9, the case test/unit/normalize/extract/credit-link-classes.test.ts does not cover, on a small page
 * written for the test: `原文地址：<a href="/a/3.html">点击查看原文</a>`, a link the page gives no absolute URL for. The
 * original's URL cannot be read (no page URL in the layout), and the "click here" line is not article text.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';

const TITLE = '某某县召开春耕生产工作会议';
const PROSE = [
  '3月10日，某某县召开春耕生产工作会议，总结去年农业农村工作，安排部署今年春耕生产各项任务，确保粮食播种面积稳定在一百万亩以上。',
  '会议要求，各乡镇要抓好农资供应、农技指导和农田水利建设，及早做好病虫害防治准备，为全年粮食丰收打下坚实基础。',
];

function page(tail: string): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><h1>${TITLE}</h1><div class="content">${PROSE.map((p) => `<p>${p}</p>`).join('')}${tail}</div></body></html>`,
  );
}

describe('原文地址 with a relative link (issue 9 class 9)', () => {
  it('drops the "click here" line and leaves originalUrl empty', () => {
    const r = normalize(page('<p>原文地址：<a href="/a/3.html">点击查看原文</a></p>'));
    expect(r.paragraphs).toEqual(PROSE);
    expect(r.originalUrl).toBeNull();
  });

  it('keeps a line that names the original in words (no link phrase)', () => {
    const line = '原文地址：见某某日报3月10日第二版';
    expect(normalize(page(`<p>${line}</p>`)).paragraphs).toEqual([...PROSE, line]);
  });
});
