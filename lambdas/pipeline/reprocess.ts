/**
 * Reprocess: re-normalize archived raw pages without fetching. The fetch pointers in S3 say which
 * pages a source fetched on which day; for each URL the newest fetch in the selection is read back
 * from the archive, normalized with the current normalizer and stored with the usual conditional
 * put (a newer normalizerVersion replaces the record; the same version leaves it `unchanged`).
 */
import { toJsnewsError } from '../contract/errors.js';
import type { FetchPointer, MemberRange, PutOutcome, RecordPutOptions } from '../store/ports.js';
import type { NewsRecord, SiteHints } from '../contract/record.js';
import type { Source } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { mapPool } from './pool.js';
import { recordFailure } from './record-failure.js';
import { countFailure, emptySummary, type SourceSummary } from './summary.js';

/** Pages normalized at once: normalize is CPU-bound, so more than 2 on 2 cores only adds memory. */
export const DEFAULT_REPROCESS_CONCURRENCY = 2;
/**
 * Pages a reprocess chunk archives the bodies of in one object (one S3 PUT, USD 5 per million: 0.25 a page at 20,
 * against the ~3 write units a page an inline body cost). The fetch path's batches are ARCHIVE_BATCH_PAGES (20) too;
 * a chunk's records (~20 × ~10 KB) are held in memory until stored.
 */
export const REPROCESS_BODY_BATCH = 20;

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
  // Chunks of the selection, `concurrency` at a time: each chunk's pages are read and normalized one after another,
  // their bodies archived as one object, then stored (reprocessChunk).
  const chunks: FetchPointer[][] = [];
  for (let i = 0; i < pointers.length; i += REPROCESS_BODY_BATCH) chunks.push(pointers.slice(i, i + REPROCESS_BODY_BATCH));
  await mapPool(chunks, options.concurrency ?? DEFAULT_REPROCESS_CONCURRENCY, async (chunk) => {
    const outcomes = await reprocessChunk(
      chunk.map((pointer) => ({ pointer, site: options.sources?.find((s) => s.id === pointer.sourceId)?.hints, hasFailure: failing.get(pointer.sourceId)?.has(pointer.url) ?? false })),
      deps,
    );
    for (const [k, pointer] of chunk.entries()) {
      const outcome = outcomes[k]!;
      const summary = summaries.get(pointer.sourceId) ?? emptySummary(pointer.sourceId);
      summaries.set(pointer.sourceId, summary);
      summary.discovered++;
      if (outcome.ok) summary[outcome.status]++;
      else countFailure(summary, outcome.code);
      options.onProgress?.({ done: ++done, total: pointers.length, sourceId: pointer.sourceId, outcome: outcome.ok ? outcome.status : 'failed' });
    }
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

type Outcome = { ok: true; status: PutOutcome } | { ok: false; code: string };
type Deps = Pick<PipelineDeps, 'stores' | 'normalize' | 'clock' | 'logger'>;
interface ChunkPage {
  pointer: FetchPointer;
  site: SiteHints | undefined;
  hasFailure: boolean;
}

/**
 * One chunk of reprocessed pages: each page read back (one Range GET of its member) and normalized, then the
 * normalized records' bodies archived as one object (Archive.putBodies, one PUT) and each record put naming its
 * body's range there, so the item stays one write unit as a fresh ingest's does (issue 13: reprocess wrote ~4.2
 * units a record with the body inline). If the bodies' PUT fails, the records are put with their bodies inline, as
 * before: never a lost record. A chunk whose records all come back `unchanged` (a rerun) leaves an object nothing
 * names (the same key and bytes as the first run's, content-addressed).
 */
async function reprocessChunk(pages: readonly ChunkPage[], deps: Deps): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = new Array(pages.length);
  const normalized: { k: number; record: NewsRecord }[] = [];
  for (const [k, page] of pages.entries()) {
    const n = await readAndNormalize(page, deps);
    if ('record' in n) normalized.push({ k, record: n.record });
    else outcomes[k] = n.outcome;
  }
  let bodies: { key: string; ranges: MemberRange[] } | null = null;
  if (normalized.length > 1) {
    try {
      bodies = await deps.stores.archive.putBodies(normalized.map((n) => n.record));
    } catch (err) {
      deps.logger.warn('reprocess bodies object not written; records stored with their bodies inline', { pages: normalized.length, error: toJsnewsError(err).message });
    }
  }
  for (const [j, { k, record }] of normalized.entries()) {
    outcomes[k] = await storeOne(pages[k]!, record, deps, bodies ? { body: bodies.ranges[j], bodyObject: bodies.key } : {});
  }
  return outcomes.map((o) => o!);
}

/** The page's record with its `raw` (the archived page it was normalized from), or the failure recorded. */
async function readAndNormalize({ pointer: p, site }: ChunkPage, deps: Deps): Promise<{ record: NewsRecord } | { outcome: Outcome }> {
  const { stores } = deps;
  let stage: 'normalize' | 'store' = 'store';
  try {
    // A page of a batch object is one Range GET of its member; a single-page object (older pointers) one GET.
    const bytes = await stores.archive.getRaw(p.rawKey, { sha256: p.sha256, member: p.member });
    stage = 'normalize';
    const record = deps.normalize(bytes, { url: p.finalUrl, fetchedAt: p.fetchedAt, charset: p.charset, contentType: p.contentType, site });
    return {
      record: { ...record, raw: { bucket: stores.archive.bucket, key: p.rawKey, sha256: p.sha256, bytes: p.bytes, contentType: p.contentType, charset: p.charset, status: p.status, fetchedAt: p.fetchedAt } },
    };
  } catch (err) {
    return { outcome: await fail(p, stage, err, deps) };
  }
}

async function storeOne({ pointer: p, hasFailure }: ChunkPage, record: NewsRecord, deps: Deps, put: RecordPutOptions): Promise<Outcome> {
  try {
    const status = await deps.stores.records.put(record, put);
    if (hasFailure) await deps.stores.failures.clear(p.sourceId, p.url);
    return { ok: true, status };
  } catch (err) {
    return fail(p, 'store', err, deps);
  }
}

async function fail(p: FetchPointer, stage: 'normalize' | 'store', err: unknown, deps: Deps): Promise<Outcome> {
  const e = toJsnewsError(err);
  await recordFailure(deps, { sourceId: p.sourceId, url: p.url, stage, code: e.code, reason: e.message, retryable: e.retryable, status: p.status }, 'reprocess failed');
  return { ok: false, code: e.code };
}
