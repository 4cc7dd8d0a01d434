import { describe, expect, it } from 'vitest';
import { emptyCredits, readDateline, readLabelledCredits, splitCaptionCredit, splitTrailingByline } from '../../../../lambdas/normalize/extract/byline.js';

describe('credits in their five shapes', () => {
  it('1. an info line whose outlet sits in the editor slot', () => {
    const c = emptyCredits();
    expect(readLabelledCredits('2024-02-20 09:49 来源: 编辑:中国江苏网 浏览量:0', c)).toBe(true);
    expect(c).toMatchObject({ source: '中国江苏网', editors: [] });
  });

  it('1b. labelled source, author and editor in one line', () => {
    const c = emptyCredits();
    readLabelledCredits('来源:南京日报 2021-12-16 07:40 作者:张三、李四 责任编辑:王宁', c);
    expect(c).toMatchObject({ source: '南京日报', authors: ['张三', '李四'], editors: ['王宁'] });
  });

  it('2. tail lines: 责任编辑 in brackets, 原文地址', () => {
    const c = emptyCredits();
    readLabelledCredits('【责任编辑:陆超】', c);
    readLabelledCredits('原文地址:https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml', c);
    expect(c).toMatchObject({ editors: ['陆超'], originalUrl: 'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml' });
  });

  it('does not take CMS accounts for people', () => {
    const c = emptyCredits();
    readLabelledCredits('作者:admin', c);
    expect(c.authors).toEqual([]);
  });

  it('3. a trailing parenthesised byline, with or without a role', () => {
    expect(splitTrailingByline('在分会场参加会议。(记者 陈志奎)')).toEqual({ rest: '在分会场参加会议。', authors: ['陈志奎'] });
    expect(splitTrailingByline('营造良好环境。(吕正龙)')).toEqual({ rest: '营造良好环境。', authors: ['吕正龙'] });
    expect(splitTrailingByline('（通讯员 王五 记者 李四）')?.authors).toEqual(['王五', '李四']);
    // Places and organisations in parentheses are not bylines.
    expect(splitTrailingByline('中欧校友总会(镇江)')).toBeNull();
    // Anywhere in China (the nationwide table): 江 and 温 are surnames, 江油 (四川) and 温岭 (浙江) are places.
    expect(splitTrailingByline('民警核查人口。(江油)')).toBeNull();
    expect(splitTrailingByline('项目开工。(温岭)')).toBeNull();
    expect(splitTrailingByline('项目开工。(温岭海)')).toEqual({ rest: '项目开工。', authors: ['温岭海'] });
    expect(splitTrailingByline('各地党(工)委')).toBeNull();
  });

  it('4. a photo caption credit', () => {
    expect(splitCaptionCredit('镇江市项目攻坚暨产业强市大会现场。 马镇丹 谢道韫 摄')).toEqual({ caption: '镇江市项目攻坚暨产业强市大会现场。', photographers: ['马镇丹', '谢道韫'] });
    expect(splitCaptionCredit('会议以视频会议形式召开。')).toBeNull();
  });

  it('5. a dateline naming the outlet, but not 本报', () => {
    const c = emptyCredits();
    readDateline('金山网讯 1月28日,节后上班第一天', c);
    expect(c.source).toBe('金山网');
    const d = emptyCredits();
    readDateline('本报讯(记者 张三)4月10日,上海市镇江商会', d);
    expect(d).toMatchObject({ source: null, authors: ['张三'] });
  });

  it('credits written without a colon: reporter after the outlet, slash credits', () => {
    const read = (line: string) => {
      const c = emptyCredits();
      readLabelledCredits(line, c);
      return c;
    };
    expect(read('新京报记者 彭冲 山东冠县报道').authors).toEqual(['彭冲']);
    expect(read('顶端新闻·河南商报记者马俊峰/文').authors).toEqual(['马俊峰']);
    expect(read('文/张三').authors).toEqual(['张三']);
    expect(read('拿出10万元来做房产投资 蔡雪婧/摄').photographers).toEqual(['蔡雪婧']);
    // Prose is not a credit.
    expect(read('记者从市商务局了解到,目前全市又有12个项目在谈').authors).toEqual([]);
    expect(read('记者：据你了解农民通过什么渠道来获取这些信息，比如农业政策、农机之类的信息？').authors).toEqual([]);
  });
});
