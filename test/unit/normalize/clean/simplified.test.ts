import { describe, expect, it } from 'vitest';
import { stripPinyinAnnotations } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import {
  BOTH_SCRIPTS_HAN,
  countScriptChars,
  detectScript,
  toSimplified,
  toSimplifiedChars,
} from '../../../../lambdas/normalize/clean/simplified.js';
import { readSeed } from './seed-texts.js';

describe('toSimplified', () => {
  it('converts Traditional to mainland Simplified', () => {
    expect(toSimplified('鎮江市項目攻堅暨產業強市大會召開')).toBe('镇江市项目攻坚暨产业强市大会召开');
  });

  it('turns the particle 著 into 着 but keeps 著 in 著名 / 显著 / 专著', () => {
    expect(toSimplified('洋溢著奮進的激情,沿著產業發展的路徑,著力強化')).toBe('洋溢着奋进的激情,沿着产业发展的路径,着力强化');
    expect(toSimplified('著名學者的專著成效顯著,土著文化')).toBe('著名学者的专著成效显著,土著文化');
  });

  it('keeps mainland vocabulary (no Taiwan phrase conversion)', () => {
    expect(toSimplified('新增市場主體,主要經濟指標,核心骨幹,嚴格執行,資源整合度,效能標兵,熱點資訊'))
      .toBe('新增市场主体,主要经济指标,核心骨干,严格执行,资源整合度,效能标兵,热点资讯');
  });

  it('passes Simplified text, punctuation and digits through unchanged', () => {
    const text = '12月15日下午,市委市政府举行今年最后一场推进高质量发展重大项目现场观摩会。“项目为王”';
    expect(toSimplified(text)).toBe(text);
  });

  it('converts whole seeds 001, 002 and 004 with no Traditional-only character left', () => {
    for (const id of ['001', '002', '004']) {
      const simplified = toSimplified(stripPinyinAnnotations(readSeed(id)).text);
      expect(countScriptChars(simplified).traditional, id).toBe(0);
    }
  });

  it('toSimplifiedChars maps character by character', () => {
    expect(toSimplifiedChars('鎮')).toBe('镇');
    expect(toSimplifiedChars('工')).toBe('工');
  });
});

describe('detectScript', () => {
  it.each([
    ['鎮江市項目攻堅暨產業強市大會召開', 'Hant'],
    ['镇江市项目攻坚暨产业强市大会召开', 'Hans'],
    ['中国江苏', 'Hans'], // no script-specific characters
    ['', 'Hans'],
    ['镇江市项目 鎮江市項目', 'mixed'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('does not count characters valid in both scripts (于 干 台 后) as Simplified', () => {
    expect(BOTH_SCRIPTS_HAN.has('于')).toBe(true);
    expect(countScriptChars('一年之計在于春,鼓干勁,台灣,皇后')).toEqual({ traditional: 3, simplified: 0 });
    expect(detectScript('一年之計在于春,鼓干勁')).toBe('Hant');
  });

  it.each([
    ['000', 'Hans'],
    ['001', 'Hant'],
    ['002', 'Hant'],
    ['003', 'Hans'],
    ['004', 'Hant'],
  ] as const)('seed %s is served as %s', (id, script) => {
    expect(detectScript(readSeed(id))).toBe(script);
  });

  it('reports the counts behind the seed decisions', () => {
    expect(countScriptChars(readSeed('001'))).toEqual({ traditional: 720, simplified: 2 });
    expect(countScriptChars(readSeed('002'))).toEqual({ traditional: 780, simplified: 1 });
    expect(countScriptChars(readSeed('004'))).toEqual({ traditional: 499, simplified: 0 });
    expect(countScriptChars(readSeed('000'))).toEqual({ traditional: 0, simplified: 618 });
    expect(countScriptChars(readSeed('003'))).toEqual({ traditional: 0, simplified: 1044 });
  });
});
