/** The second opinion: Readability.js on linkedom, asked only when the first extraction's confidence is low. */
import { describe, expect, it } from 'vitest';
import { readabilityArticle } from '../../../../lambdas/normalize/extract/second-opinion.js';
import { normalize } from '../../../../lambdas/normalize/index.js';

const encode = (html: string): Uint8Array => new TextEncoder().encode(html);
const ARTICLE = [
  '今年以来，我市持续推进老旧小区改造，累计完成改造项目四十二个，惠及居民一万余户，居民纷纷点赞。',
  '市住建局负责人介绍，改造内容包括管网更新、加装电梯、增设停车位等，居民满意度明显提升。',
  '下一步，我市将继续加大投入，确保年底前完成全部改造任务，让更多居民住得更舒心、更安心。',
];

describe('readabilityArticle', () => {
  it('returns the article lines of a plain page', () => {
    const html = `<html><body><div id="nav"><a href="/">首页</a></div><article>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const got = readabilityArticle(html);
    expect(got?.blocks).toEqual(ARTICLE);
    expect(got?.linkChars).toBe(0);
  });
});

describe('normalize: second opinion', () => {
  it('is not asked on a confident page', () => {
    const html = `<html><head><title>我市老旧小区改造惠及居民一万余户</title></head><body><h1>我市老旧小区改造惠及居民一万余户</h1><div class="content">${[...ARTICLE, ...ARTICLE].map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const record = normalize(encode(html));
    expect(record.quality.confidence).toBeGreaterThanOrEqual(0.5);
    expect(record.quality.warnings.some((w) => w.startsWith('second opinion'))).toBe(false);
  });

  it('is asked on a low-confidence page; when Readability agrees the first body stays and says so', () => {
    // Prose without a single punctuation mark reads like a list (clause-mark density 0): confidence 0.35.
    const lines = [
      'The city council approved the budget on Monday after a long debate about housing transport and schools in the north',
      'Officials said the plan would add four hundred homes and two bus lines and a new library by the end of next year',
      'Residents who attended the meeting asked for more parks and safer streets near the schools and the council agreed',
    ];
    const html = `<html><head><title>City council approves budget</title></head><body><h1>City council approves budget</h1><div class="content">${lines.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`;
    const record = normalize(encode(html));
    expect(record.paragraphs).toEqual(lines);
    // One container: no runner-up; Readability reads the same unpunctuated text (0.35) and agrees.
    expect(record.quality.warnings).toContain('second opinion: readability agrees; scoring answered (confidence 0.35 → 0.6; no next candidate; readability 0.35)');
    expect(record.quality.confidence).toBe(0.6);
  });
});
