import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../../lambdas/normalize/enrich/region.js';
import { loadSeed } from './seed-text.js';

const region = (title: string, paragraphs: string[], subtitle: string | null = null) => findRegion({ title, subtitle, paragraphs });

describe('findRegion on the seeds (hand-checked)', () => {
  it.each([
    ['000', { province: '江苏', city: '南京', district: null }],
    ['001', { province: '江苏', city: '镇江', district: null }],
    ['002', { province: '江苏', city: '南京', district: '江北新区' }],
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
    const body = ['南京客商到访。', '南京企业签约。'];
    expect(region('盐城招商会举行', body).city).toBe('盐城');
    expect(region('招商会举行', body, '盐城经开区签约').city).toBe('盐城');
    expect(region('招商会举行', body).city).toBe('南京');
  });

  it('returns no city on a tie', () => {
    expect(region('苏州、无锡两地合作', [])).toEqual({ province: '江苏', city: null, district: null });
  });

  it('takes the district only from the headline or lead paragraph', () => {
    expect(region('盐城召开推进会', ['全市推进会召开。', '与会人员观摩了亭湖区项目。']).district).toBeNull();
    expect(region('盐城召开推进会', ['与会人员来亭湖区观摩。']).district).toBe('亭湖区');
  });

  it('leaves the district null when the lead visits several districts equally', () => {
    expect(region('南京观摩会', ['与会人员观摩了江宁区和六合区的项目。']).district).toBeNull();
  });

  it('lets an ambiguous district (鼓楼区 in 南京 and 徐州) count for no city, but resolve once the city is known', () => {
    expect(region('鼓楼区召开大会', [])).toEqual({ province: null, city: null, district: null });
    expect(region('南京鼓楼区召开大会', [])).toEqual({ province: '江苏', city: '南京', district: '鼓楼区' });
  });

  it('skips a short form inside a common phrase (例如东部 is not 如东)', () => {
    expect(region('例如东部地区', []).city).toBeNull();
    expect(region('如东县召开大会', []).city).toBe('南通');
  });
});
