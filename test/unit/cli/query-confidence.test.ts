/** `jsnews query --min-confidence` (cli/query.ts meetsMinConfidence) and the low-confidence warning on records. */
import { describe, expect, it } from 'vitest';
import { meetsMinConfidence } from '../../../lambdas/cli/query.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { LOW_CONFIDENCE } from '../../../lambdas/normalize/extract/confidence.js';

describe('--min-confidence', () => {
  it('keeps records at or above the minimum and leaves out those below or without a confidence', () => {
    expect(meetsMinConfidence({ quality: { confidence: 0.8 } }, 0.8)).toBe(true);
    expect(meetsMinConfidence({ quality: { confidence: 0.79 } }, 0.8)).toBe(false);
    expect(meetsMinConfidence({ quality: {} }, 0.1)).toBe(false);
    expect(meetsMinConfidence({ quality: {} }, undefined)).toBe(true);
  });
});

describe('low-confidence warning', () => {
  it('a record below LOW_CONFIDENCE says so in quality.warnings', () => {
    // A stream of three <article> stories, none of which the headline names: the body is doubted (a feed) and no
    // runner-up speaks of the headline more than it does; Readability reads the same stream.
    const stories = [
      '市交通运输局宣布，下月起新增三条公交线路，连接新城区与高铁站，发车间隔为十五分钟，首末班时间与高铁到发相衔接。',
      '今年以来，我市持续推进老旧小区改造，累计完成改造项目四十二个，惠及居民一万余户，改造内容包括管网更新和加装电梯。',
      '市图书馆新馆本月正式开放，馆藏图书二百万册，设有少儿阅览区、数字体验区和自习室，开放时间延长至每晚九点。',
    ];
    // Each story over 150 characters (ARTICLE_ITEM_MIN_CHARS in extract/body.ts).
    const item = (p: string) => `<article class="post"><p>${p}</p><p>${p}</p><p>${p}</p></article>`;
    const html = `<html><head><title>一周要闻</title></head><body><h1>一周要闻</h1><div class="list">${stories.map(item).join('')}</div></body></html>`;
    const record = normalize(new TextEncoder().encode(html));
    expect(record.quality.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(record.quality.warnings).toContain(`low extraction confidence ${record.quality.confidence}: the body may not be (only) the article`);
  });
});
