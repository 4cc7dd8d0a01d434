/** Per-extractor figures for one set, from its page outcomes. */
import { aggregateScores, type SetScore } from './metric.js';
import type { ExtractorRun, PageOutcome } from './run-set.js';
import { median, quantile } from './stats.js';

export interface ExtractorSummary {
  name: string;
  kind: ExtractorRun['kind'];
  pages: number;
  errors: { id: string; code: string; message: string }[];
  empty: string[];
  /** Body figures by the README metric; null on sets without truth (gne). */
  body: SetScore | null;
  /** The same with truth and output folded to Simplified (run-set.ts scriptFolded); null without truth. */
  bodyFolded: SetScore | null;
  date: { labelled: number; correct: number; missing: number } | null;
  author: { labelled: number; exact: number; found: number; spuriousOnUnlabelled: number } | null;
  ms: { median: number; p95: number; max: number; slowest: { id: string; ms: number }[] } | null;
}

/** How many slowest pages to list per extractor. */
const SLOWEST_LISTED = 5;

export function summarize(run: ExtractorRun, authorLabelled: ReadonlySet<string>): ExtractorSummary {
  const pages = run.pages;
  const hasTruth = pages.some((p) => p.score !== null);
  const timed = run.kind !== 'stored-peer';
  // The baseline and stored peers give no date or author: '–' rather than a misleading 0 of N.
  const fields = timed && run.kind !== 'baseline' && hasTruth;
  return {
    name: run.name,
    kind: run.kind,
    pages: pages.length,
    errors: pages.filter((p) => p.error).map((p) => ({ id: p.id, code: p.error!.code, message: p.error!.message })),
    empty: pages.filter((p) => p.empty).map((p) => p.id),
    body: hasTruth ? aggregateScores(pages.map((p) => p.score!)) : null,
    bodyFolded: hasTruth ? aggregateScores(pages.map((p) => p.foldedScore!)) : null,
    date: fields ? dateFigures(pages) : null,
    author: fields ? authorFigures(pages, authorLabelled) : null,
    ms: timed ? timingFigures(pages) : null,
  };
}

function dateFigures(pages: readonly PageOutcome[]): ExtractorSummary['date'] {
  const labelled = pages.filter((p) => p.dateOk !== null);
  if (labelled.length === 0) return null;
  return { labelled: labelled.length, correct: labelled.filter((p) => p.dateOk).length, missing: labelled.filter((p) => !p.day).length };
}

function authorFigures(pages: readonly PageOutcome[], labelledIds: ReadonlySet<string>): ExtractorSummary['author'] {
  const labelled = pages.filter((p) => p.author !== null);
  if (labelled.length === 0) return null;
  return {
    labelled: labelled.length,
    exact: labelled.filter((p) => p.author === 'exact').length,
    found: labelled.filter((p) => p.author !== 'wrong').length,
    spuriousOnUnlabelled: pages.filter((p) => !labelledIds.has(p.id) && p.authors.length > 0).length,
  };
}

function timingFigures(pages: readonly PageOutcome[]): ExtractorSummary['ms'] {
  const ms = pages.map((p) => p.ms);
  const slowest = [...pages].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_LISTED).map((p) => ({ id: p.id, ms: round(p.ms) }));
  return { median: round(median(ms)), p95: round(quantile(ms, 0.95)), max: round(Math.max(...ms)), slowest };
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
