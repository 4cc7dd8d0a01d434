/**
 * Normalizer versions as sortable strings, so DynamoDB condition expressions can compare them as
 * text: "1.10.2" → "000001.000010.000002~", a pre-release sorts before its release ("-" < "~").
 */
const SEMVER_RE = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
/** Digits per numeric part: versions up to 999999.999999.999999 compare correctly. */
const PART_DIGITS = 6;

export function versionSortKey(version: string): string {
  const m = SEMVER_RE.exec(version.trim());
  if (!m) throw new RangeError(`not a semantic version: ${JSON.stringify(version)}`);
  const parts = [m[1], m[2], m[3]].map((p) => (p ?? '0').padStart(PART_DIGITS, '0')).join('.');
  return m[4] ? `${parts}-${m[4]}` : `${parts}~`;
}
