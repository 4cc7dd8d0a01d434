/**
 * Calibration of quality.confidence: pages binned by our confidence against their mean page F1 (zh-cwced, aeb:
 * script-folded; gne: estimated from the body labels, and the share of its body checks; accuracy.ts calibrationPoints).
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
  /** The page F1 as the set's table scores it, when `f1` was folded differently (script): reported beside. */
  scoredF1?: number;
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
  /** Pages below FAILED_PAGE_F1 by `scoredF1` (when given), and of those, below LOW_CONFIDENCE. */
  failedAsScored?: { failed: number; below: number };
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
    ...asScored(points),
  };
}

function asScored(points: readonly CalibrationPoint[]): Pick<CalibrationTable, 'failedAsScored'> {
  const scored = points.filter((p) => p.scoredF1 !== undefined && p.scoredF1 < FAILED_PAGE_F1);
  if (!points.some((p) => p.scoredF1 !== undefined)) return {};
  return { failedAsScored: { failed: scored.length, below: scored.filter((p) => p.confidence !== null && p.confidence < LOW_CONFIDENCE).length } };
}

export function calibrationLines(title: string, t: CalibrationTable, scoreName = 'page F1'): string[] {
  const head = `mean ${scoreName}`;
  const out = [`-- ${title}: confidence vs ${scoreName} --`, `confidence    pages  ${head.padStart(12)}  failed(<${FAILED_PAGE_F1})`];
  for (const b of t.bins) out.push(`${b.from.toFixed(1)}–${b.to.toFixed(1)}      ${String(b.pages).padStart(5)}  ${fmt(b.meanF1).padStart(Math.max(12, head.length))}  ${String(b.failed).padStart(6)}`);
  out.push(`no record     ${String(t.noRecord).padStart(5)}`);
  out.push(
    `failed pages: ${t.failed}; below ${LOW_CONFIDENCE} confidence: ${t.failedBelow}; no record: ${t.failedNoRecord}; ` +
      `above: ${t.failed - t.failedBelow - t.failedNoRecord}. Good pages below ${LOW_CONFIDENCE}: ${t.goodBelow}`,
  );
  if (t.failedAsScored) out.push(`(page F1 as scored, not folded: ${t.failedAsScored.failed} page(s) below ${FAILED_PAGE_F1}, ${t.failedAsScored.below} of them below ${LOW_CONFIDENCE} confidence)`);
  return out;
}
