/** Small order statistics for timings (ms). */

/** Value at quantile q (0..1) of the sorted list, nearest-rank; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Fixed-precision number for tables, or "–" for NaN/undefined. */
export function fmt(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}
