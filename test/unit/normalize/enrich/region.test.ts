import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../../lambdas/normalize/enrich/region.js';
import { loadSeed } from './seed-text.js';

const region = (title: string, paragraphs: string[], subtitle: string | null = null) => findRegion({ title, subtitle, paragraphs });

describe('findRegion on the seeds (hand-checked)', () => {
  it.each([
    ['000', { province: '江苏', city: '南京', district: null }],
    ['001', { province: '江苏', city: '镇江', district: null }],
    ['002', { province: '江苏', city: '南京', district: '江北新区' }],
    // 镇江 is named once, in the closing paragraph, the only place on the page; the text says 全市 throughout (OWN_CITY_VOICE).
    ['003', { province: '江苏', city: '镇江', district: null }],
    ['004', { province: '江苏', city: '盐城', district: '亭湖区' }],
  ] as const)('seed %s', (id, expected) => {
    expect(findRegion(loadSeed(id))).toEqual(expected);
  });
});

describe('findRegion rules', () => {
  it('returns nulls when no place is named', () => {
    expect(region('项目建设争朝夕', ['全市上下要抓项目。'])).toEqual({ province: null, city: null, district: null });
  });

  it('gives the province alone for a province word', () => {
    expect(region('全省重大项目推进会召开', ['江苏将加快建设。'])).toEqual({ province: '江苏', city: null, district: null });
  });

  it('does not count a university named after a city', () => {
    expect(region('校长访问', ['南京航空航天大学校长单忠德出席。']).city).toBeNull();
    expect(region('校长访问', ['扬州大学与镇江合作。']).city).toBe('镇江');
  });

  it('reads the longest form: 镇江新区 is a district of 镇江, 南京江北新区 one mention of 江北新区', () => {
    expect(region('镇江新区召开大会', [])).toEqual({ province: '江苏', city: '镇江', district: '镇江新区' });
    expect(region('南京江北新区召开大会', [])).toEqual({ province: '江苏', city: '南京', district: '江北新区' });
  });

  it('counts a district mention for its city', () => {
    expect(region('会议召开', ['丹阳市、句容经开区作交流发言。']).city).toBe('镇江');
  });

  it('weighs the headline over the body', () => {
    const body = ['南京客商到访。'];
    expect(region('盐城招商会举行', body).city).toBe('盐城');
    expect(region('招商会举行', body, '盐城经开区签约').city).toBe('盐城');
    expect(region('招商会举行', [...body, '南京企业签约。']).city).toBe('南京');
  });

  it('returns no city on a tie', () => {
    expect(region('苏州、无锡两地合作', [])).toEqual({ province: '江苏', city: null, district: null });
  });

  it('takes the district only from the headline or the first three paragraphs', () => {
    expect(region('盐城召开推进会', ['全市推进会召开。', '会议强调抓项目。', '会议要求抓落实。', '与会人员观摩了亭湖区项目。']).district).toBeNull();
    expect(region('盐城召开推进会', ['与会人员来亭湖区观摩。']).district).toBe('亭湖区');
  });

  it('leaves the district null when the lead visits several districts equally', () => {
    expect(region('南京观摩会', ['与会人员观摩了江宁区和六合区的项目。']).district).toBeNull();
  });

  it('lets an ambiguous district (鼓楼区 in 南京 and 徐州) count for no city, but resolve once the city is known', () => {
    expect(region('鼓楼区召开大会', [])).toEqual({ province: null, city: null, district: null });
    expect(region('南京鼓楼区召开大会', [])).toEqual({ province: '江苏', city: '南京', district: '鼓楼区' });
  });

  it('reads places anywhere in China, a municipality as its own city, and short county names only with their parent', () => {
    expect(region('德清县固定资产投资结构趋稳', ['1-10月，全县投资完成246.79亿元。'])).toEqual({ province: '浙江', city: '湖州', district: '德清县' });
    expect(region('民警赶到', ['重庆沙坪坝区公安分局供图。'])).toEqual({ province: '重庆', city: '重庆', district: '沙坪坝区' });
    expect(region('台江民中', ['他来到贵州黔东南苗族侗族自治州台江县。', '台江民中的老师。'])).toEqual({ province: '贵州', city: '黔东南', district: '台江县' });
    expect(region('民警被停机', ['四川江油一女民警核查人口。'])).toEqual({ province: '四川', city: '绵阳', district: '江油市' });
    expect(region('民警被停机', ['江油一女民警核查人口。']).province).toBeNull();
  });

  it('discounts organisations, visiting officials, datelines and enumerations; null when no place dominates', () => {
    expect(region('直播月', ['长春市商务局局长在江苏卫视晚会上。', '长春的美食。'])).toEqual({ province: '吉林', city: '长春', district: null });
    expect(region('上海会议', ['上海市召开会议。', '江苏省委书记信长星出席。', '上海代表发言。']).province).toBe('上海');
    expect(region('习近平签署命令', ['央广网北京2月13日消息 中央军委主席签署命令。']).province).toBeNull();
    expect(region('年会召开', ['年会在重庆举行。', '年会先后在江苏南京、湖北武汉、甘肃兰州、湖南长沙、吉林长春等地举办。'])).toMatchObject({ province: '重庆' });
    expect(region('多地项目爆雷', ['长沙项目维权。', '上海项目维权。', '福建项目维权。']).province).toBeNull();
  });

  it('names no Chinese region for a story about abroad: foreign countries count against every Chinese place', () => {
    // A foreign story that names 香港 as a topic (its headline and body are about 美国, 英国, 日本 politicians).
    expect(
      region('美国议员借香港问题组建联盟', ['美国和英国的议员今天宣布成立联盟。', '美国参议员称将关注香港问题。', '日本议员也加入了。', '英国议员发表声明。']),
    ).toEqual({ province: null, city: null, district: null });
    // A Chinese story that mentions an export market keeps its place.
    expect(region('南京企业拓展海外市场', ['南京一企业的产品出口美国。', '南京市商务局介绍了情况。']).city).toBe('南京');
    // 沿海地区 is not 海地, 蒙古族 not 蒙古.
    expect(region('沿海地区发展', ['江苏沿海地区加快发展。', '江苏蒙古族群众参加活动。']).province).toBe('江苏');
  });

  it('takes the one city a city paper names once when it speaks of 全市 / 我市, and only when no other place is named', () => {
    expect(region('项目建设争朝夕', ['全市重大项目现场会召开。', '全市上下要抓项目。', '擦亮无锡的名片。'])).toEqual({ province: '江苏', city: '无锡', district: null });
    // No voice of its own: one passing mention is not enough.
    expect(region('项目建设争朝夕', ['重大项目现场会召开。', '擦亮无锡的名片。']).province).toBeNull();
    // Another place named too: not one city's own story (two cities of one province give the province alone).
    expect(region('项目建设争朝夕', ['全市重大项目现场会召开。', '学习苏州经验。', '擦亮无锡的名片。']).city).toBeNull();
    expect(region('项目建设争朝夕', ['全市重大项目现场会召开。', '学习成都经验。', '擦亮无锡的名片。']).province).toBeNull();
  });

  it('skips a short form inside a common phrase (例如东部 is not 如东, 非常熟悉 is not 常熟)', () => {
    expect(region('非常熟悉', ['他非常熟悉情况。']).city).toBeNull();
    expect(region('例如东部地区', []).city).toBeNull();
    expect(region('如东县召开大会', []).city).toBe('南通');
  });

  it('counts a place once per paragraph: one paragraph naming it three times is one passing topic', () => {
    const body = ['报告会召开。', '会议在北京举行。', '专家说，深圳的工资增长6.1倍，深圳的指数上升，深圳的成本上升。'];
    // 北京 1, 深圳 1 (once for its paragraph): a tie, so no province; counted per mention, 深圳 would hold 3 of 4.
    expect(region('经济观察', body).province).toBeNull();
    // One more paragraph on 深圳: 2 against 1.
    expect(region('经济观察', [...body, '深圳企业表示乐观。']).province).toBe('广东');
  });

  it('does not count where a commenter posts from, or a transport work named after a place', () => {
    expect(region('快闪店登陆', ['电商平台合作。', '凛冬也至[网易湖北省武汉网友]2019-11-25'])).toEqual({ province: null, city: null, district: null });
    expect(region('无锡至江阴大桥段封闭', ['无锡往江阴大桥方向封闭。']).district).toBeNull();
    expect(region('无锡至江阴段封闭', ['无锡往江阴方向封闭。'])).toEqual({ province: '江苏', city: '无锡', district: '江阴市' });
    expect(region('绕行通知', ['车辆可从泰州大桥、苏通大桥过江。', '经广陵枢纽绕行。']).province).toBeNull();
  });

  it('reads a county short form only with its own city, or its province in the same paragraph', () => {
    // 公安 (公安县 in 荆州, 湖北) inside 公安部: 湖北 named elsewhere, through 武汉, does not confirm it.
    expect(region('女警遭停机', ['公安部发布消息，四川江油一民警核查人口。', '武汉一位快递小哥被停机。', '四川江油民警说。'])).toEqual({ province: '四川', city: '绵阳', district: '江油市' });
    expect(region('女警遭停机', ['公安部发布消息。', '湖北武汉一位快递小哥被停机。']).district).toBeNull();
  });

  it('names a city only when it is a fair part of its province on the page, and a district of its city', () => {
    const notice = ['吉林省人民政府通告。', '吉林省工程位于大安市、镇赉县。', '吉林省将加强管理。', '吉林省人民政府要求。', '吉林省各地执行。'];
    // 吉林 weighs 3 (headline) + 2 (lead) + 4 = 9, 白城 (大安市, 镇赉县) 1: below 0.3 × 9, so the notice is about the province.
    expect(region('吉林省人民政府关于工程的通告', notice)).toEqual({ province: '吉林', city: null, district: null });
    // Three more paragraphs on 白城: 4 of 12, above 0.3 × 12.
    expect(region('吉林省人民政府关于工程的通告', [...notice, '白城市要加强组织。', '大安市要落实。', '镇赉县要落实。'])).toMatchObject({ province: '吉林', city: '白城' });
    const survey = ['在东莞洪梅镇，董事长告诉笔者。', '东莞企业受到影响。', '东莞市政府座谈。', '东莞工业增长。', '东莞企业转型。'];
    expect(region('东莞调研', survey)).toEqual({ province: '广东', city: '东莞', district: null });
    expect(region('东莞洪梅镇调研', survey)).toEqual({ province: '广东', city: '东莞', district: '洪梅镇' });
  });
});

describe('findRegion: a directive of a national body to every region names no region (issue 14)', () => {
  const notice = [
    '新华社北京2月29日电 国务院联防联控机制印发《关于进一步落实防控策略的通知》，作出部署安排。',
    '湖北省和武汉市要全面加强疫情防控，继续实施严格管控。',
    '北京市要全力做好疫情防控工作。',
    '全国其他地区要以县域为单位，实施预防为主的策略。',
  ];

  it('gives nulls when a national issuer opens the page and the text directs every region (各地区要, 全国其他地区要)', () => {
    // The headline names the regions it singles out first (湖北和武汉): they are addressees, not where the story is.
    expect(region('国务院联防联控机制：湖北和武汉要严格管控', notice)).toEqual({ province: null, city: null, district: null });
  });

  it('keeps the place of a provincial notice to its own cities, and of a national story about one place', () => {
    // 各地要 in a provincial paper's notice: not a national voice.
    expect(region('江苏多地部署开学防疫', ['江苏多地日前发布通知。', '南京要求加强管理。', '各地要进一步完善防控机制。', '江苏省教育厅要求落实责任。']).province).toBe('江苏');
    // A national issuer about one place, with no directive to every region.
    expect(region('国务院批复同意武汉建设国家中心城市', ['国务院日前批复同意武汉建设国家中心城市。', '武汉将加快发展。']).city).toBe('武汉');
  });
});
