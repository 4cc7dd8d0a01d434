import { describe, expect, it } from 'vitest';
import { findPeople } from '../../../../lambdas/normalize/enrich/people.js';
import { loadSeed } from './seed-text.js';

const people = (...paragraphs: string[]) => findPeople(paragraphs);
const names = (...paragraphs: string[]) => findPeople(paragraphs).map((p) => p.name);
const each = (titles: string[], list: string[]) => list.map((name) => ({ name, titles }));

describe('findPeople on the seeds (hand-checked, in order)', () => {
  it('000', () => {
    expect(findPeople(loadSeed('000').paragraphs)).toEqual([
      { name: '韩立明', titles: ['省委常委', '市委书记'] },
      { name: '夏心旻', titles: ['市委副书记', '代市长'] },
      { name: '龙翔', titles: ['市人大常委会主任'] },
      { name: '刘以安', titles: ['市政协主席'] },
      { name: '沈文祖', titles: ['市委副书记'] },
      ...each(['市和江北新区领导'], ['杨学鹏', '蒋跃建', '邢正军', '沈剑荣', '罗群', '林涛', '周金良']),
      { name: '单忠德', titles: ['南京航空航天大学校长'] },
    ]);
  });

  it('001', () => {
    expect(findPeople(loadSeed('001').paragraphs)).toEqual([
      { name: '马明龙', titles: ['市委书记'] },
      { name: '徐曙海', titles: ['市委副书记', '市长'] },
      { name: '李健', titles: ['市人大常委会主任'] },
      { name: '郭建', titles: ['市政协主席'] },
      { name: '巩海滨', titles: ['市委副书记', '市委统战部部长'] },
      { name: '秦海涛', titles: ['市委常委', '常务副市长'] },
    ]);
  });

  it('002', () => {
    expect(findPeople(loadSeed('002').paragraphs)).toEqual([
      { name: '陆卫东', titles: ['南京市委常委', '江北新区党工委书记'] },
      { name: '吴勇强', titles: ['南京江北新区党工委副书记', '管委会主任', '浦口区委书记'] },
    ]);
  });

  it('003 has no named person', () => {
    expect(findPeople(loadSeed('003').paragraphs)).toEqual([]);
  });

  it('004', () => {
    const list = ['李驰', '陈红红', '王荣', '王小红', '吴晓丹', '羊维达', '崔浩', '倪峰', '马俊健', '蒋巍', '孙轶', '姜友新', '李东成', '张宏春', '陆汉超', '孙庆树'];
    expect(findPeople(loadSeed('004').paragraphs)).toEqual([
      { name: '戴源', titles: ['市委书记', '市人大常委会主任'] },
      { name: '曹路宝', titles: [] },
      ...each([], list),
    ]);
  });
});

describe('findPeople shapes', () => {
  it('reads post(s) then name, keeping posts as written', () => {
    expect(people('省委常委、市委书记韩立明讲话')).toEqual([{ name: '韩立明', titles: ['省委常委', '市委书记'] }]);
    expect(people('南京航空航天大学校长单忠德出席')).toEqual([{ name: '单忠德', titles: ['南京航空航天大学校长'] }]);
  });

  it('carries posts across a comma to the next name', () => {
    expect(people('南京江北新区党工委副书记、管委会主任,浦口区委书记吴勇强指出')).toEqual([
      { name: '吴勇强', titles: ['南京江北新区党工委副书记', '管委会主任', '浦口区委书记'] },
    ]);
  });

  it('drops the words before a post (在 …带领下)', () => {
    expect(people('与会人员在市委书记、市人大常委会主任戴源带领下观摩')).toEqual([
      { name: '戴源', titles: ['市委书记', '市人大常委会主任'] },
    ]);
  });

  it('settles name length by what follows', () => {
    expect(names('市委书记戴源带领下', '市长龙翔说', '市长夏心旻说')).toEqual(['戴源', '龙翔', '夏心旻']);
    expect(names('市长罗群等参加')).toEqual(['罗群']);
  });

  it('accepts a compound surname', () => {
    expect(people('市委书记欧阳明高出席')).toEqual([{ name: '欧阳明高', titles: ['市委书记'] }]);
  });

  it('deduplicates by name, merging titles in order', () => {
    expect(people('市长徐曙海出席。', '市委副书记、市长徐曙海指出', '徐曙海强调')).toEqual([
      { name: '徐曙海', titles: ['市长', '市委副书记'] },
    ]);
  });

  it('needs a bare list to be closed by 等 + a verb', () => {
    expect(names('李驰、陈红红、王荣等参加')).toEqual(['李驰', '陈红红', '王荣']);
    expect(names('李驰、陈红红、王荣')).toEqual([]);
  });

  it('accepts a known name with a one-character follower, an unknown one only with a post', () => {
    expect(names('夏心旻说')).toEqual([]);
    expect(names('市长夏心旻主持', '夏心旻说')).toEqual(['夏心旻']);
    expect(names('市长徐曙海作工作部署')).toEqual(['徐曙海']);
  });

  it('ignores photographer credits and reporter bylines', () => {
    expect(people('大会现场。 马镇丹 谢道韫 摄', '在分会场参加会议。(记者 陈志奎)')).toEqual([]);
  });

  it('does not take ordinary words for names', () => {
    expect(
      people(
        '全市上下要深入贯彻会议精神',
        '同时也要看到,重大项目建设力度还有待加强',
        '会议听取了情况汇报',
        '与会人员分两路现场观摩',
        '符合要求的加快纳入储备库',
        '通知要求各地抓紧落实',
        '党工委要求各部门',
      ),
    ).toEqual([]);
  });

  it('needs three characters for a lone name with no post', () => {
    expect(names('曹路宝主持推进会')).toEqual(['曹路宝']);
    expect(names('严格要求自己')).toEqual([]);
  });
});

describe('findPeople on common reporting formulas', () => {
  it.each([
    ['省委书记信长星来我市调研', [{ name: '信长星', titles: ['省委书记'] }]],
    ['会议由市委副书记李四主持', [{ name: '李四', titles: ['市委副书记'] }]],
    ['副省长胡广杰一行来镇调研', [{ name: '胡广杰', titles: ['副省长'] }]],
    ['市委常委、宣传部部长王红红,副市长张三出席', [{ name: '王红红', titles: ['市委常委', '宣传部部长'] }, { name: '张三', titles: ['副市长'] }]],
    ['镇江市台协会长曾国华及苏州部分地区台协会长', [{ name: '曾国华', titles: ['镇江市台协会长'] }]],
  ])('%s', (text, expected) => {
    expect(findPeople([text])).toEqual(expected);
  });
});
