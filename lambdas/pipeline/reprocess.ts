/**
 * Reprocess: re-normalize archived raw pages without fetching. The fetch pointers in S3 say which
 * pages a source fetched on which day; for each URL the newest fetch in the selection is read back
 * from the archive, normalized with the current normalizer and stored with the usual conditional
 * put (a newer normalizerVersion replaces the record; the same version leaves it `unchanged`).
 */
import { toJsnewsError } from '../contract/errors.js';
import type { FetchPointer, PutOutcome } from '../store/ports.js';
import type { SiteHints } from '../contract/record.js';
import type { Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { mapPool } from './pool.js';
import { recordFailure } from './record-failure.js';
import { countFailure, emptySummary, type SourceSummary } from './summary.js';

/** Pages normalized at once: normalize is CPU-bound, so more than 2 on 2 cores only adds memory. */
export const DEFAULT_REPROCESS_CONCURRENCY = 2;

export type ReprocessSelection = { all: true } | { sourceId: string; from?: string; to?: string } | { from: string; to: string };

export interface ReprocessOptions {
  concurrency?: number;
  /** The sources registry: each page is normalized with its source's hints (Source.hints → PageContext.site). */
  sources?: readonly Source[];
  onProgress?: (event: { done: number; total: number; sourceId: string; outcome: PutOutcome | 'failed' }) => void;
}

export async function reprocess(
  selection: ReprocessSelection,
  deps: Pick<PipelineDeps, 'stores' | 'normalize' | 'clock' | 'logger'>,
  options: ReprocessOptions = {},
): Promise<SourceSummary[]> {
  const filter = 'all' in selection ? {} : selection;
  const latest = new Map<string, FetchPointer>();
  for await (const p of deps.stores.archive.listFetchPointers(filter)) {
    const key = `${p.sourceId} ${p.url}`;
    const prev = latest.get(key);
    if (!prev || prev.fetchedAt < p.fetchedAt) latest.set(key, p);
  }
  const summaries = new Map<string, SourceSummary>();
  const pointers = [...latest.values()];
  const failing = await failingUrls(new Set(pointers.map((p) => p.sourceId)), deps);
  let done = 0;
  await mapPool(pointers, options.concurrency ?? DEFAULT_REPROCESS_CONCURRENCY, async (pointer) => {
    const summary = summaries.get(pointer.sourceId) ?? emptySummary(pointer.sourceId);
    summaries.set(pointer.sourceId, summary);
    summary.discovered++;
    const hasFailure = failing.get(pointer.sourceId)?.has(pointer.url) ?? false;
    const outcome = await reprocessOne(pointer, deps, options.sources?.find((s) => s.id === pointer.sourceId)?.hints, hasFailure);
    if (outcome.ok) summary[outcome.status]++;
    else countFailure(summary, outcome.code);
    options.onProgress?.({ done: ++done, total: pointers.length, sourceId: pointer.sourceId, outcome: outcome.ok ? outcome.status : 'failed' });
  });
  return [...summaries.values()];
}

/**
 * The URLs that have a failure item, per source: one Query of each source's FAIL# partition, so a reprocessed
 * page deletes its failure only when it has one. A DeleteItem bills a write unit even when there is nothing to
 * delete (cost bench: 1 of the 6.6 write units of every reprocessed page). A failure recorded while the run goes
 * (a concurrent crawl) is not cleared here; its own retry clears it.
 */
async function failingUrls(sourceIds: Set<string>, deps: Pick<PipelineDeps, 'stores'>): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const id of sourceIds) out.set(id, new Set((await deps.stores.failures.listBySource(id)).map((f) => f.url)));
  return out;
}

async function reprocessOne(
  p: FetchPointer,
  deps: Pick<PipelineDeps, 'stores' | 'normalize' | 'clock' | 'logger'>,
  site: SiteHints | undefined,
  hasFailure: boolean,
): Promise<{ ok: true; status: PutOutcome } | { ok: false; code: string }> {
  const { stores } = deps;
  let stage: 'normalize' | 'store' = 'store';
  try {
    // A page of a batch object is one Range GET of its member; a single-page object (older pointers) one GET.
    const bytes = await stores.archive.getRaw(p.rawKey, { sha256: p.sha256, member: p.member });
    stage = 'normalize';
    const record = deps.normalize(bytes, { url: p.finalUrl, fetchedAt: p.fetchedAt, charset: p.charset, contentType: p.contentType, site });
    stage = 'store';
    const status = await stores.records.put({
      ...record,
      raw: { bucket: stores.archive.bucket, key: p.rawKey, sha256: p.sha256, bytes: p.bytes, contentType: p.contentType, charset: p.charset, status: p.status, fetchedAt: p.fetchedAt },
    });
    if (hasFailure) await stores.failures.clear(p.sourceId, p.url);
    return { ok: true, status };
  } catch (err) {
    const e = toJsnewsError(err);
    await recordFailure(deps, { sourceId: p.sourceId, url: p.url, stage, code: e.code, reason: e.message, retryable: e.retryable, status: p.status }, 'reprocess failed');
    return { ok: false, code: e.code };
  }
}
