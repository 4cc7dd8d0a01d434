import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { dropHeadlineDeck } from '../../../../lambdas/normalize/extract/tail.js';
import { addCreditNames, emptyCredits, MAX_CREDIT_NAMES, readDateline, readLabelledCredits, splitCaptionCredit, splitTrailingByline } from '../../../../lambdas/normalize/extract/byline.js';

describe('credits in their five shapes', () => {
  it('1. an info line whose outlet sits in the editor slot', () => {
    const c = emptyCredits();
    expect(readLabelledCredits('2024-02-20 09:49 来源: 编辑:中国江苏网 浏览量:0', c)).toBe(true);
    expect(c).toMatchObject({ source: '中国江苏网', editors: [] });
  });

  it('1a. a label whose value is a tag attribute left by broken markup is empty (issue 9)', () => {
    const c = emptyCredits();
    readLabelledCredits('作者： size="20" 来源： size="20" 发布日期： 7/5/2005 9:23:57 PM', c);
    expect(c).toMatchObject({ source: null, authors: [] });
    readLabelledCredits('来源：size=20 新闻网', c);
    expect(c.source).toBe('size=20');
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

  it('each label separator is read: half- and full-width colon, bar and slash (a line without one skips the labels)', () => {
    const c = emptyCredits();
    expect(readLabelledCredits('编辑：王小明', c)).toBe(true);
    expect(readLabelledCredits('摄影|张艳', c)).toBe(true);
    expect(readLabelledCredits('摄像｜李四', c)).toBe(true);
    expect(readLabelledCredits('校对/赵六', c)).toBe(true);
    expect(readLabelledCredits('来源／某某发布', c)).toBe(true);
    expect(c).toMatchObject({ editors: ['王小明'], photographers: ['张艳', '李四'], source: '某某发布' });
    // No separator: still the reporter line and the spaced credit (文 X, X 摄), none of the labels.
    const d = emptyCredits();
    expect(readLabelledCredits('本报记者 张三 发自北京', d)).toBe(true);
    expect(d.authors).toEqual(['张三']);
    expect(readLabelledCredits('编辑王小明今天说', emptyCredits())).toBe(false);
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
    // Issue 9: the outlet before the role, and a place report after the names, are not names.
    expect(splitTrailingByline('作出突出贡献。（总台记者 李明）')).toEqual({ rest: '作出突出贡献。', authors: ['李明'] });
    expect(splitTrailingByline('定期交流信息。(晨报记者 王五 赵六)')?.authors).toEqual(['王五', '赵六']);
    expect(splitTrailingByline('他笑着说：“没有道理。”（陈晓 上海报道）')).toEqual({ rest: '他笑着说：“没有道理。”', authors: ['陈晓'] });
    expect(splitTrailingByline('项目开工。（本报记者 张三 北京报道）')?.authors).toEqual(['张三']);
    expect(splitTrailingByline('会议召开。（上海报道）')).toBeNull();
    expect(splitTrailingByline('会议召开。（市政府办公室）')).toBeNull();
    // Places and organisations in parentheses are not bylines.
    expect(splitTrailingByline('中欧校友总会(镇江)')).toBeNull();
    // Anywhere in China (the nationwide table): 江 and 温 are surnames, 江油 (四川) and 温岭 (浙江) are places.
    expect(splitTrailingByline('民警核查人口。(江油)')).toBeNull();
    expect(splitTrailingByline('项目开工。(温岭)')).toBeNull();
    expect(splitTrailingByline('项目开工。(温岭海)')).toEqual({ rest: '项目开工。', authors: ['温岭海'] });
    expect(splitTrailingByline('各地党(工)委')).toBeNull();
  });

  it('4. a photo caption credit', () => {
    expect(splitCaptionCredit('镇江市项目攻坚暨产业强市大会现场。 马镇丹 谢道韫 摄')).toEqual({ caption: '镇江市项目攻坚暨产业强市大会现场。', photographers: ['马镇丹', '谢道韫'], cut: false });
    expect(splitCaptionCredit('会议以视频会议形式召开。')).toBeNull();
  });

  it('5. a dateline naming the outlet, but not 本报', () => {
    const c = emptyCredits();
    readDateline('金山网讯 1月28日,节后上班第一天', c);
    expect(c.source).toBe('金山网');
    const d = emptyCredits();
    readDateline('本报讯(记者 张三)4月10日,上海市镇江商会', d);
    expect(d).toMatchObject({ source: null, authors: ['张三'] });
    const e = emptyCredits();
    readDateline('本站讯（职工通讯员 李琴雯 刘会）为深入推进党建工作', e);
    expect(e.authors).toEqual(['李琴雯', '刘会']);
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

  it('a reporter line "本报记者X发自Y" / "记者X报道" standing alone is a credit; an interviewer\'s question is not', () => {
    const read = (line: string) => {
      const c = emptyCredits();
      return { found: readLabelledCredits(line, c), authors: c.authors };
    };
    expect(read('本报记者王立新发自上海')).toEqual({ found: true, authors: ['王立新'] });
    expect(read('本报记者 王立新 李静 发自杭州')).toEqual({ found: true, authors: ['王立新', '李静'] });
    expect(read('新华社记者赵强报道')).toEqual({ found: true, authors: ['赵强'] });
    expect(read('本报实习生 刘海 周明')).toEqual({ found: true, authors: ['刘海', '周明'] });
    // Prose about reporters is not a credit line.
    expect(read('记者发自现场的报道引起关注').found).toBe(false);
    expect(read('本报记者王立新发自上海的报道称，当地已经开工').found).toBe(false);
    // Interview lines open with 记者： and ask: the line is the article's, not a credit (the body keeps it).
    expect(read('记者：你们的市场在哪？').found).toBe(false);
    expect(read('记者：那么，明年的计划是什么？').found).toBe(false);
    expect(read('记者：张三').found).toBe(true);
    expect(read('作者：佚名').found).toBe(true);
  });
});

/** `n` distinct two- or three-character personal names (known surnames), written for these tests. */
function distinctNames(n: number): string[] {
  const surnames = '王李张刘陈杨黄赵吴周';
  const given = '伟芳敏静丽强磊军洋勇';
  return Array.from({ length: n }, (_, i) => surnames[i % 10]! + given[Math.floor(i / 10) % 10]! + (i >= 100 ? given[Math.floor(i / 100) % 10]! : ''));
}

describe('credits on hostile inputs (issue 10: every credit bounded, every scan linear)', () => {
  it('a caption credit of 100 names keeps only the last MAX_CREDIT_NAMES of them', () => {
    // The caption pattern used to be tried from every white space of the line to its end: 100k names took 60 s.
    // Bounding the names in one credit bounds the work of each try.
    const names = distinctNames(100);
    const split = splitCaptionCredit(`大会现场。${names.join(' ')} 摄`);
    expect(split?.photographers).toEqual(names.slice(-MAX_CREDIT_NAMES));
  });

  it('a parenthesis of more names than MAX_CREDIT_NAMES closing the last paragraph is not a byline', () => {
    const names = distinctNames(MAX_CREDIT_NAMES + 1);
    expect(splitTrailingByline(`会议召开。（记者 ${names.join(' ')}）`)).toBeNull();
    expect(splitTrailingByline(`会议召开。（记者 ${names.slice(0, MAX_CREDIT_NAMES).join(' ')}）`)?.authors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
  });

  it('reads 记者张三 as role and name in a trailing byline, with or without a space', () => {
    // The role word may or may not be set off: "记者张三" is a role and a name, and so is "记者 张三".
    expect(splitTrailingByline('会议召开。（记者张三 通讯员李四）')).toEqual({ rest: '会议召开。', authors: ['张三', '李四'] });
    expect(splitTrailingByline('会议召开。（记者 张三、见习记者王五）')).toEqual({ rest: '会议召开。', authors: ['张三', '王五'] });
    expect(splitTrailingByline(`会议召开。（${'记者张三 '.repeat(8)}x）`)).toBeNull();
  });

  it('a labelled credit of 1000 names, or 1000 credit lines, keep MAX_CREDIT_NAMES names per role', () => {
    const names = distinctNames(1000);
    const one = emptyCredits();
    readLabelledCredits(`作者：${names.join('、')}`, one);
    expect(one.authors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
    const many = emptyCredits();
    for (const name of names) readLabelledCredits(`责任编辑：${name}`, many);
    for (const name of names) readLabelledCredits(`记者 ${name} 报道`, many);
    expect(many.editors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
    expect(many.authors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
  });

  it('addCreditNames adds new names in order, once each, up to the cap, and marks the role it cut', () => {
    const c = emptyCredits();
    addCreditNames(c, 'authors', ['张三', '李四', '张三', '李四', '王五']);
    expect(c.authors).toEqual(['张三', '李四', '王五']);
    expect(c.namesCut.size).toBe(0);
    addCreditNames(c, 'authors', distinctNames(MAX_CREDIT_NAMES).slice(3));
    expect(c.authors).toHaveLength(MAX_CREDIT_NAMES);
    expect(c.namesCut.size).toBe(0);
    addCreditNames(c, 'authors', ['张三', ...distinctNames(50)]);
    expect(c.authors).toHaveLength(MAX_CREDIT_NAMES);
    expect([...c.namesCut]).toEqual(['authors']);
  });

  it('addCreditNames keeps a name once when it comes again in another case or spacing (meta author and JSON-LD)', () => {
    const c = emptyCredits();
    addCreditNames(c, 'authors', ['Laura Mowat', 'laura mowat', 'Laura  Mowat', 'Abigail Van Buren', 'ABIGAIL VAN BUREN']);
    expect(c.authors).toEqual(['Laura Mowat', 'Abigail Van Buren']);
  });

  it('marks the roles whose credits listed more than MAX_CREDIT_NAMES names', () => {
    const names = distinctNames(MAX_CREDIT_NAMES + 2);
    const c = emptyCredits();
    readLabelledCredits(`作者：${names.join('、')}`, c);
    readLabelledCredits(`责任编辑：${names.slice(0, MAX_CREDIT_NAMES).join('、')}`, c);
    expect([...c.namesCut]).toEqual(['authors']);
    expect(splitCaptionCredit(`大会现场。${distinctNames(100).join(' ')} 摄`)?.cut).toBe(true);
    expect(splitCaptionCredit(`大会现场。${distinctNames(MAX_CREDIT_NAMES).join(' ')} 摄`)?.cut).toBe(false);
    expect(splitCaptionCredit('镇江市项目攻坚暨产业强市大会现场。 马镇丹 谢道韫 摄')?.cut).toBe(false);
  });
});

describe('the record\'s credits (generated pages)', () => {
  const page = (head: string, byline: string) => new TextEncoder().encode(`<html><head><meta charset="utf-8">${head}<title>全省高质量发展大会召开</title></head><body>`
    + `<div class="article"><h1>全省高质量发展大会召开</h1><div class="info">2024-02-21 10:30</div><div class="info">${byline}</div>`
    + `<p>2月21日，全省高质量发展大会在南京召开，会议总结去年工作，部署今年重点任务，推动经济持续回升向好。</p>`
    + `<p>会议强调，要坚定信心、真抓实干，奋力推进中国式现代化江苏新实践，为全国大局作出更大贡献。</p></div></body></html>`);
  it('says in quality.warnings that the credit cap cut a role\'s names', () => {
    const names = distinctNames(MAX_CREDIT_NAMES + 2);
    const record = normalize(page('', `作者：${names.join('、')}`));
    expect(record.authors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
    expect(record.quality.warnings).toContain(`authors cut to their first ${MAX_CREDIT_NAMES} names (the page listed more)`);
    const within = normalize(page('', `作者：${names.slice(0, MAX_CREDIT_NAMES).join('、')}`));
    expect(within.authors).toEqual(names.slice(0, MAX_CREDIT_NAMES));
    expect(within.quality.warnings.some((w) => w.includes('names (the page listed more)'))).toBe(false);
  });
  it('keeps an interview\'s short 记者： questions in the body and reads a standalone reporter line as the byline', () => {
    const html = `<html><head><meta charset="utf-8"><title>专访：农机专家谈农业</title></head><body><div class="article"><h1>专访：农机专家谈农业</h1>`
      + '<p>农机专家谈未来三年农机市场的变化</p><p>本报记者王立新发自上海</p>'
      + '<p>记者：你们的农机大市场在哪？</p><p>王总：我们的市场在城东，占地两百亩，去年全年成交额超过十亿元，带动周边三千多户农民增收致富。</p>'
      + '<p>记者：明年有什么打算？</p><p>王总：明年我们准备再建一个仓储中心，把服务网点铺到全省每一个县，让农民买得放心、用得顺心。</p></div></body></html>';
    const record = normalize(new TextEncoder().encode(html));
    expect(record.paragraphs).toEqual([
      '记者：你们的农机大市场在哪？', '王总：我们的市场在城东，占地两百亩，去年全年成交额超过十亿元，带动周边三千多户农民增收致富。',
      '记者：明年有什么打算？', '王总：明年我们准备再建一个仓储中心，把服务网点铺到全省每一个县，让农民买得放心、用得顺心。',
    ]);
    expect(record.authors).toEqual(['王立新']);
  });
  it('drops a headline block before a reporter line only when it is short and headline-shaped', () => {
    const lines = (...t: string[]) => t.map((text) => ({ text }));
    const body = lines('谁来管管无序拆房？', '拆房屡出事故 管理形同虚设', '昨天下午，市建委有关人士介绍了情况。');
    expect(dropHeadlineDeck(body, 2).map((b) => b.text)).toEqual(['昨天下午，市建委有关人士介绍了情况。']);
    // A closed sentence before the reporter line is the article's (an editor's note, a lead).
    expect(dropHeadlineDeck(lines('编者按：三条人命，就这样消失了。', '正文开始。'), 1)).toHaveLength(2);
    // More than three lines, or none, or no reporter line: nothing is dropped.
    expect(dropHeadlineDeck(lines('一', '二', '三', '四', '五'), 4)).toHaveLength(5);
    expect(dropHeadlineDeck(body, 0)).toHaveLength(3);
    expect(dropHeadlineDeck(body, null)).toHaveLength(3);
  });
  it('drops a "——" sub-headline opening the body, but not a dash line later or a closed sentence', () => {
    const lines = (...t: string[]) => t.map((text) => ({ text }));
    expect(dropHeadlineDeck(lines('——写在大会开幕之际', '今天，大会隆重开幕。'), null).map((b) => b.text)).toEqual(['今天，大会隆重开幕。']);
    expect(dropHeadlineDeck(lines('读书使人明智。', '——（宋）某某', '正文。'), null)).toHaveLength(3);
    expect(dropHeadlineDeck(lines('——这语气相当耳熟，是谁说的呢？对了，是他说的。', '正文。'), null)).toHaveLength(2);
  });
  it('keeps a meta author once when JSON-LD names the same person with other spacing (aeb 624fcd90, 87438a0d)', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Abigail  Van Buren"}]}</script>';
    const record = normalize(page(`<meta name="author" content="Abigail Van Buren ">${ld}`, '来源：新华日报'));
    expect(record.authors).toEqual(['Abigail Van Buren']);
  });
});
