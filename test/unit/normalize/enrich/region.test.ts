import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../../lambdas/normalize/enrich/region.js';
import { loadSeed } from './seed-text.js';

const region = (title: string, paragraphs: string[], subtitle: string | null = null) => findRegion({ title, subtitle, paragraphs });

describe('findRegion on the seeds (hand-checked)', () => {
  it.each([
    ['000', { province: '江苏', city: '南京', district: null }],
    ['001', { province: '江苏', city: '镇江', district: null }],
    ['002', { province: '江苏', city: '南京', district: '江北新区' }],
    // 镇江 is named once, in the closing paragraph (全市 / 全省 elsewhere): below MIN_WEIGHT, so no place dominates.
    ['003', { province: null, city: null, district: null }],
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

  it('skips a short form inside a common phrase (例如东部 is not 如东, 非常熟悉 is not 常熟)', () => {
    expect(region('非常熟悉', ['他非常熟悉情况。']).city).toBeNull();
    expect(region('例如东部地区', []).city).toBeNull();
    expect(region('如东县召开大会', []).city).toBe('南通');
  });
});
