/**
 * Runs extractors over every page of one bench set and scores each page: body by the README metric, date to the day,
 * authors by the strict rule of fields.ts. Errors are kept per page (code + message), never swallowed.
 */
import { performance } from 'node:perf_hooks';
import { decodeBytes } from '../../lambdas/normalize/decode/charset.js';
import { JsnewsError } from '../../lambdas/contract/errors.js';
import { readPageBytes, SET_TOKEN_MODE, type BenchPage, type BenchSet } from './datasets.js';
import type { Extraction, Extractor, PageInput } from './extractors.js';
import { judgeAuthors, labelDay, sameDay, type AuthorVerdict, type DayDate } from './fields.js';
import { scoreDocument, tokenize, type DocScore, type TokenMode } from './metric.js';
import { toSimplified } from '../../lambdas/normalize/clean/simplified.js';

export interface PageOutcome {
  id: string;
  ms: number;
  error: { code: string; message: string } | null;
  /** Extracted body (kept in memory for --page; not written to results.json). */
  text: string;
  chars: number;
  empty: boolean;
  score: DocScore | null;
  /** The same page scored with truth and output folded to Simplified (scriptFolded): the "script-folded" figure. */
  foldedScore: DocScore | null;
  day: DayDate | null;
  /** null when the page has no full-date label. */
  dateOk: boolean | null;
  authors: string[];
  /** null when the page has no author label. */
  author: AuthorVerdict | null;
  /** Headline and time of day, when the extractor gives them (gne scoring). */
  title: string | null;
  time: string | null;
  /** Our record's quality.confidence (null for peers). */
  confidence: number | null;
}

export interface ExtractorRun {
  name: string;
  kind: Extractor['kind'] | 'stored-peer';
  pages: PageOutcome[];
}

export interface LoadedPage {
  page: BenchPage;
  input: PageInput;
}

export function loadPages(set: BenchSet): LoadedPage[] {
  return set.pages.map((page) => {
    const bytes = readPageBytes(page);
    return { page, input: { bytes, decoded: decodeBytes(bytes).text, url: page.truth?.url ?? null } };
  });
}

export async function runExtractor(set: BenchSet, pages: readonly LoadedPage[], extractor: Extractor): Promise<ExtractorRun> {
  const outcomes: PageOutcome[] = [];
  for (const { page, input } of pages) {
    const t0 = performance.now();
    let extraction: Extraction | null = null;
    let error: PageOutcome['error'] = null;
    try {
      extraction = await extractor.run(input);
    } catch (err) {
      error = describeError(err);
    }
    outcomes.push(scorePage(set, page, extraction, error, performance.now() - t0));
  }
  return { name: extractor.name, kind: extractor.kind, pages: outcomes };
}

/** Stored peer outputs (bodies only): scored like the rest, no timing, no date or author. */
export function storedPeerRun(set: BenchSet, name: string, bodies: Map<string, string>): ExtractorRun {
  const pages = set.pages.map((page) => {
    const body = bodies.get(page.id);
    const extraction = body === undefined ? null : { text: body, authors: [], day: null };
    const error = body === undefined ? { code: 'MISSING', message: 'no stored output for this page' } : null;
    const outcome = scorePage(set, page, extraction, error, Number.NaN);
    return { ...outcome, dateOk: null, author: null };
  });
  return { name, kind: 'stored-peer', pages };
}

function scorePage(set: BenchSet, page: BenchPage, ex: Extraction | null, error: PageOutcome['error'], ms: number): PageOutcome {
  const mode = SET_TOKEN_MODE[set.name];
  const text = ex?.text ?? '';
  const truth = page.truth;
  const labelled = labelDay(truth?.date);
  return {
    id: page.id,
    ms,
    error,
    text,
    chars: text.length,
    empty: !error && tokenize(text, mode).length === 0,
    ...scores(truth?.body, text, mode),
    day: ex?.day ?? null,
    dateOk: labelled ? sameDay(labelled, ex?.day ?? null) : null,
    authors: ex?.authors ?? [],
    author: truth?.author ? judgeAuthors(truth.author, ex?.authors ?? []) : null,
    title: ex?.title ?? null,
    time: ex?.time ?? null,
    confidence: ex?.confidence ?? null,
  };
}

const HAN = /\p{Script=Han}/u;

/** Text folded to Simplified with the project's OpenCC converter (the record's own conversion); text without Han
 * characters as it is (nothing to fold; saves the converter on aeb). */
function scriptFolded(text: string): string {
  return HAN.test(text) ? toSimplified(text) : text;
}

/** The page scored as it is and script-folded (truth and output folded before tokenizing; one score when folding
 * changes neither). */
function scores(truth: string | undefined, text: string, mode: TokenMode): { score: DocScore | null; foldedScore: DocScore | null } {
  if (truth === undefined) return { score: null, foldedScore: null };
  const score = scoreDocument(truth, text, mode);
  const [ft, fx] = [scriptFolded(truth), scriptFolded(text)];
  return { score, foldedScore: ft === truth && fx === text ? score : scoreDocument(ft, fx, mode) };
}

function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof JsnewsError) return { code: err.code, message: err.message };
  return { code: 'THROWN', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}
