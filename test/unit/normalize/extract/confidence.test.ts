/** quality.confidence from extraction features (extract/confidence.ts), on small synthetic bodies written for the test. */
import { describe, expect, it } from 'vitest';
import { confidenceFeatures, confidenceOf, LOW_CONFIDENCE, titleAgreement } from '../../../../lambdas/normalize/extract/confidence.js';

const PROSE = [
  '今年以来，我市持续推进老旧小区改造，累计完成改造项目四十二个，惠及居民一万余户。',
  '市住建局负责人介绍，改造内容包括管网更新、加装电梯、增设停车位等，居民满意度明显提升。',
  '下一步，我市将继续加大投入，确保年底前完成全部改造任务，让更多居民住得更舒心。',
];
const input = (paragraphs: string[], over: Partial<Parameters<typeof confidenceFeatures>[0]> = {}) =>
  confidenceFeatures({ title: '我市老旧小区改造惠及居民一万余户', paragraphs, pageChars: 2000, bodyLinkChars: 0, layer: 'scoring', ...over });

describe('confidence', () => {
  it('is full for a punctuated article body that speaks of its headline', () => {
    expect(confidenceOf(input([...PROSE, ...PROSE, ...PROSE]))).toBe(1);
    expect(confidenceOf(input(PROSE.slice(0, 1)))).toBeLessThan(1);
  });

  it('is low for a cooperation / ICP footer taken as the body', () => {
    const footer = ['关于我们 | 广告服务 | 合作伙伴 | 联系我们', '版权所有 某某网 Copyright © 2024', '京ICP备12345678号 京公网安备11010502000001号', '联系电话：010-12345678 邮箱：news@example.com'];
    const c = confidenceOf(input(footer, { title: '某某网' }));
    expect(c).toBeLessThan(LOW_CONFIDENCE);
  });

  it('is low for a link list (a feed or a menu)', () => {
    const links = ['市政府召开常务会议', '全市经济运行情况通报', '我市举行春季招聘会', '多部门联合开展安全检查', '老旧小区改造稳步推进'];
    const c = confidenceOf(input(links, { bodyLinkChars: 60 }));
    expect(c).toBeLessThan(LOW_CONFIDENCE);
  });

  it('is lowered, not zeroed, by a headline the body never mentions', () => {
    const c = confidenceOf(input(PROSE, { title: '春季花卉展览开幕' }));
    expect(c).toBeGreaterThan(LOW_CONFIDENCE);
    expect(c).toBeLessThan(1);
  });

  it('reads Latin-script prose with its own punctuation scale', () => {
    const en = ['The city council approved the budget on Monday, after a long debate about housing, transport and schools.', 'Officials said the plan would add 400 homes, two bus lines and a new library by 2026.'];
    expect(confidenceOf(confidenceFeatures({ title: 'City council approves budget', paragraphs: en, pageChars: 900, bodyLinkChars: 0, layer: 'scoring' }))).toBeGreaterThan(0.8);
  });
});

describe('titleAgreement', () => {
  it('counts the headline bigrams found in the body', () => {
    expect(titleAgreement('老旧小区', '老旧小区改造')).toBe(1);
    expect(titleAgreement('春季花卉', '老旧小区改造')).toBe(0);
    expect(titleAgreement('Budget approved', 'the budget was approved')).toBe(1);
  });
});
