/**
 * Calibration of quality.confidence: pages binned by our confidence against their mean page F1 (zh-cwced, aeb) or, on
 * gne (no full-text truth), the share of its three body checks (start, end, clean) a page passes.
 * The aim (issue 9): pages that fail (page F1 < FAILED_PAGE_F1) mostly sit below LOW_CONFIDENCE, and confidence
 * rises with page quality.
 */
import { fmt } from './stats.js';

/** A page with F1 below this failed outright (issue 9's count of failed pages). */
export const FAILED_PAGE_F1 = 0.5;
/** The confidence line failed pages should sit under. */
export const LOW_CONFIDENCE = 0.5;
/** Bin edges (lower bounds); the last bin includes 1. */
export const CONFIDENCE_BINS = [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

export interface CalibrationPoint {
  /** null when the page has no record (an error): it is counted apart. */
  confidence: number | null;
  /** Page F1 (0..1); an error page scores 0. */
  f1: number;
}

export interface CalibrationTable {
  bins: { from: number; to: number; pages: number; meanF1: number; failed: number }[];
  /** Pages without a record (NO_ARTICLE and other errors). */
  noRecord: number;
  failed: number;
  /** Failed pages that have a record and confidence below LOW_CONFIDENCE. */
  failedBelow: number;
  /** Failed pages without a record (the error is its own signal). */
  failedNoRecord: number;
  /** Good pages (F1 ≥ FAILED_PAGE_F1) flagged below LOW_CONFIDENCE: the cost of the flag. */
  goodBelow: number;
}

export function calibrate(points: readonly CalibrationPoint[]): CalibrationTable {
  const bins = CONFIDENCE_BINS.map((from, i) => ({ from, to: CONFIDENCE_BINS[i + 1] ?? 1, pages: 0, sum: 0, failed: 0 }));
  let noRecord = 0;
  for (const p of points) {
    if (p.confidence === null) {
      noRecord++;
      continue;
    }
    const bin = [...bins].reverse().find((b) => p.confidence! >= b.from)!;
    bin.pages++;
    bin.sum += p.f1;
    if (p.f1 < FAILED_PAGE_F1) bin.failed++;
  }
  const failed = points.filter((p) => p.f1 < FAILED_PAGE_F1);
  return {
    bins: bins.map((b) => ({ from: b.from, to: b.to, pages: b.pages, meanF1: b.pages ? b.sum / b.pages : Number.NaN, failed: b.failed })),
    noRecord,
    failed: failed.length,
    failedBelow: failed.filter((p) => p.confidence !== null && p.confidence < LOW_CONFIDENCE).length,
    failedNoRecord: failed.filter((p) => p.confidence === null).length,
    goodBelow: points.filter((p) => p.f1 >= FAILED_PAGE_F1 && p.confidence !== null && p.confidence < LOW_CONFIDENCE).length,
  };
}

export function calibrationLines(title: string, t: CalibrationTable, scoreName = 'mean page F1'): string[] {
  const out = [`-- ${title}: confidence vs ${scoreName} --`, `confidence    pages  ${scoreName.padStart(12)}  failed(<${FAILED_PAGE_F1})`];
  for (const b of t.bins) out.push(`${b.from.toFixed(1)}–${b.to.toFixed(1)}      ${String(b.pages).padStart(5)}  ${fmt(b.meanF1).padStart(12)}  ${String(b.failed).padStart(6)}`);
  out.push(`no record     ${String(t.noRecord).padStart(5)}`);
  out.push(
    `failed pages: ${t.failed}; below ${LOW_CONFIDENCE} confidence: ${t.failedBelow}; no record: ${t.failedNoRecord}; ` +
      `above: ${t.failed - t.failedBelow - t.failedNoRecord}. Good pages below ${LOW_CONFIDENCE}: ${t.goodBelow}`,
  );
  return out;
}
