import { describe, expect, it } from 'vitest';
import { layoutTextCapture } from '../../../../lambdas/normalize/extract/text-layout.js';

const capture = [
  '我爱江苏网_江苏网_大苏网_江苏资讯-江苏头条',
  '当前位置:首页 > 江苏新闻 > 正文',
  '南京江北新区召开动员大会',
  '2024-02-20 09:49 来源: 编辑:中国江苏网 浏览量:0',
  '一年之计在于春。2月19日,南京江北新区召开动员大会,动员新区上下开年即开工。',
  '会议以视频形式召开,各相关单位设分会场。',
  '发表评论:',
  '本报讯(马彦如)4月10日,上海市镇江商会相关负责人向学校捐赠善款,向30位家庭困难学生提供帮助。',
].join('\n\n');

describe('text captures', () => {
  it('separates chrome, headline, info line, body and what follows the end of the article', () => {
    const l = layoutTextCapture(capture);
    expect(l.title?.text).toBe('南京江北新区召开动员大会');
    expect(l.infoLines.map((x) => x.text)).toEqual(['2024-02-20 09:49 来源: 编辑:中国江苏网 浏览量:0']);
    expect(l.blocks.map((x) => x.text)).toEqual([
      '一年之计在于春。2月19日,南京江北新区召开动员大会,动员新区上下开年即开工。',
      '会议以视频形式召开,各相关单位设分会场。',
    ]);
    expect(l.titleBars).toEqual(['我爱江苏网_江苏网_大苏网_江苏资讯-江苏头条']);
  });

  it('a headline block of two lines gives title and subtitle', () => {
    const l = layoutTextCapture('镇江市项目攻坚暨产业强市大会召开\n聚焦项目攻坚矢志产业强市 努力在新征程上开好局起好步\n金山网讯 1月28日,节后上班第一天,市委、市政府召开大会。');
    expect(l.title?.text).toBe('镇江市项目攻坚暨产业强市大会召开');
    expect(l.subtitles.map((s) => s.text)).toEqual(['聚焦项目攻坚矢志产业强市 努力在新征程上开好局起好步']);
  });
});

describe('text captures: the end of the article is a header or widget line, not a paragraph opening with its word', () => {
  const head = '南京江北新区召开动员大会\n2024-02-20 09:49 来源: 中国江苏网\n一年之计在于春。2月19日,南京江北新区召开动员大会,动员新区上下开年即开工。';
  const paragraphs = [
    '热点话题持续发酵，会议要求各部门认真研究群众反映的问题，限期拿出解决方案。',
    '相关报道显示，新区去年引进重大项目一百余个，总投资超过两千亿元。',
    '网友评论称，这一做法值得推广，希望其他地区也能学习借鉴。',
    '长按电源键十秒后手机会重启，工作人员现场演示了应急处置流程。',
  ];

  it('keeps paragraphs that open with 热点, 相关报道, 网友评论, 长按', () => {
    const l = layoutTextCapture(`${head}\n${paragraphs.join('\n')}\n`);
    expect(l.blocks.map((b) => b.text).slice(1)).toEqual(paragraphs);
  });

  it.each(['相关阅读：', '上一篇：新区召开表彰大会', '扫一扫，用手机看新闻', '长按识别二维码关注', '热点新闻', '版权所有 © 2024 中国江苏网'])(
    'ends the article at %s',
    (marker) => {
      const l = layoutTextCapture(`${head}\n${paragraphs[0]}\n${marker}\n${paragraphs[1]}\n`);
      expect(l.blocks.map((b) => b.text).slice(1)).toEqual([paragraphs[0]]);
    },
  );
});

describe('text captures on hostile lines (issue 10: linear scans)', () => {
  it('reads a 200,000-letter line once for an e-mail address, and still sees one on a contact line', () => {
    // The e-mail pattern was tried from every letter of a run of letters to its end: 100,000 letters took 4.8 s.
    const layout = layoutTextCapture(`会议召开\n${'a'.repeat(200_000)}\n会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。\n`);
    expect(layout.blocks.map((b) => b.text)).toContain('会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。');
    const contact = layoutTextCapture('会议召开\n投稿请发送至 news.desk+tips@example.com.cn ，我们将及时处理，感谢您的关注和支持。\n会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。\n');
    expect(contact.blocks.map((b) => b.text)).not.toContain('投稿请发送至 news.desk+tips@example.com.cn ，我们将及时处理，感谢您的关注和支持。');
  });
});
