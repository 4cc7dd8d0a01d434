/**
 * Typed view of chinese-surnames.json (its `source` says where the list comes from).
 */
import table from './chinese-surnames.json' with { type: 'json' };

/** Single-character surnames (《百家姓》 singles plus common modern ones). */
export const SINGLE_SURNAMES: ReadonlySet<string> = new Set([...table.single, ...table.modern]);
/** Two-character surnames (欧阳, 司马, 诸葛 ...). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(table.compound);
