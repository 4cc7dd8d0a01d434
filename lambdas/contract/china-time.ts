/**
 * Dates as the stores use them. Day partitions and --from/--to are China days (UTC+08:00, the
 * sites' own time zone); sort keys are UTC ISO strings so they compare as text.
 */

/** The sites publish in China Standard Time, which has no daylight saving. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** UTC ISO string (`2024-02-20T01:02:03.000Z`) of any ISO 8601 timestamp; throws on garbage. */
export function toUtcIso(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 timestamp: ${iso}`);
  return new Date(t).toISOString();
}

/** The China-time calendar day (YYYY-MM-DD) of an ISO timestamp. */
export function chinaDay(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 timestamp: ${iso}`);
  return new Date(t + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  // Date.parse rolls 2024-02-30 over to March 1st; a real day round-trips unchanged.
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** First instant of a China day, as a UTC ISO string. */
export function chinaDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_UTC_OFFSET_MS).toISOString();
}

/** Last millisecond of a China day, as a UTC ISO string. */
export function chinaDayEndUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_UTC_OFFSET_MS + 24 * 60 * 60 * 1000 - 1).toISOString();
}

/** Every China day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 24 * 60 * 60 * 1000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
