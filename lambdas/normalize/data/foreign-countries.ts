/**
 * Foreign countries and territories by their Simplified Chinese name: the generated foreign-countries.json
 * (i18n-iso-countries 7.14.0 langs/zh.json, CLDR names of ISO 3166-1, without 中国 / 香港 / 澳门 / 台湾, names that are
 * common words, and names that are also a Chinese place; see scripts/build-region-table.ts and the file's `source`).
 * Used by enrich/region.ts: a story about abroad names no Chinese region. Its shape is checked once at import.
 */
import generated from './foreign-countries.json' with { type: 'json' };

function namesOf(table: unknown): readonly string[] {
  const names = (table as { names?: unknown }).names;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && n.length >= 2)) throw new Error('foreign-countries.json: names must be strings of 2+ characters');
  return names as string[];
}

export const FOREIGN_COUNTRIES: readonly string[] = namesOf(generated);
