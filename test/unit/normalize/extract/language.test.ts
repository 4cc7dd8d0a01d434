import { describe, expect, it } from 'vitest';
import { findLanguage } from '../../../../lambdas/normalize/extract/language.js';

describe('language', () => {
  it('is zh-Hans for Chinese text, even quoting English or served with lang="en"', () => {
    expect(findLanguage('市委市政府举行重大项目现场观摩会,国家EDA技术创新中心获批建设。', null)).toBe('zh-Hans');
    expect(findLanguage('南京江北新区召开动员大会', 'en')).toBe('zh-Hans');
  });
  it('says what other pages are instead of claiming Chinese', () => {
    expect(findLanguage('Gaming used to be so simple. We would buy a game.', 'en-US')).toBe('en-us');
    expect(findLanguage('Gaming used to be so simple.', null)).toBe('und');
    expect(findLanguage('Gaming used to be so simple.', 'zh-CN')).toBe('und');
    expect(findLanguage('東京都は新しい計画を発表しました。', null)).toBe('ja');
  });
});
