/**
 * URLs through the data path: fetch → archive → normalize → store, a batch at a time (ingestBatch).
 *   1. conditional fetch with the URL's last ETag / Last-Modified (the batch's URL states read at once, with the
 *      tracking items that hold them: a fresh page's tracking item is read once);
 *   2. 304, or a body with the same sha256 as last time → `unchanged`, nothing written;
 *   3. normalize; a page with no usable record is a failure (NO_ARTICLE, ...), its bytes are archived all the same;
 *   4. archive the batch's raw pages (and, in a real batch, the records' bodies) as one object (content-addressed),
 *      then its fetch pointers (one batch write);
 *   5. conditional record put per page (new / updated / unchanged), then the batch's first tracking items, then its
 *      URL states (one batch write each), and clearing any failure.
 * Every failure is recorded in the failures store with its stage and code; nothing is dropped.
 * The URL state is written last, so a run killed half way simply redoes the URL next time.
 */
import { performance } from 'node:perf_hooks';
import { ErrorCode, JsnewsError, toJsnewsError, type ErrorCodeValue } from '../contract/errors.js';
import type { FetchedPage } from '../fetch/types.js';
import type { ArchivedPage, FailureStage, FetchPointer, MemberRange, PutOutcome, RawMeta, TrackItem, UrlState, UrlStateReads } from '../store/ports.js';
import type { NewsRecord, RawRef, SiteHints } from '../contract/record.js';
import { sha256Hex } from '../contract/hashing.js';
import { trackUrlState } from '../contract/table-design.js';
import type { PipelineDeps } from './deps.js';
import type { RevisitPolicy } from '../sites/sources-schema.js';
import { versionHash } from './changes.js';
import { applyObservation, firstTrack } from './track.js';
import { recordFailure } from './record-failure.js';
import { mapPool } from './pool.js';

export interface StageTimings {
  fetchMs: number;
  archiveMs: number;
  normalizeMs: number;
  storeMs: number;
}

export type IngestResult =
  | {
      url: string;
      status: PutOutcome;
      /** Why nothing was written, for `unchanged`. */
      unchangedBy?: 'not-modified' | 'same-bytes' | 'same-record';
      recordId?: string;
      /** True when the response had a body (not a 304). */
      fetched: boolean;
      timings: StageTimings;
    }
  | {
      url: string;
      status: 'failed';
      stage: FailureStage;
      code: ErrorCodeValue;
      reason: string;
      /** Whether a retry can help (a transient store outage, a 503), as recorded in the failures store. */
      retryable: boolean;
      /** The fetch failed but the stored record was kept and no failure item written (keepStoredOnFetchFailure). */
      keptStored?: true;
      fetched: boolean;
      timings: StageTimings;
    };

export interface IngestOptions {
  sourceId: string;
  /** The source's revisit policy, for the tracking item of a first sighting (default schedule when absent). */
  revisit?: RevisitPolicy;
  /** The source's hints for the normalizer (Source.hints), passed on as PageContext.site. */
  site?: SiteHints | null;
  /** Whether a failure item may exist for this URL; false skips the clearing delete (no write on a quiet re-run). */
  mayHaveFailure?: boolean;
  /**
   * Backfill: when a URL whose record is already stored cannot be fetched again (DNS, timeout, HTTP
   * error), record no failure item for it: the stored record and URL state stand, and the failure
   * shows only in this run's summary. A cycle keeps recording them (revisits and retries need them).
   */
  keepStoredOnFetchFailure?: boolean;
}

/** One URL of a batch, with its own options. */
export interface IngestItem {
  url: string;
  options: IngestOptions;
}

export interface IngestBatchOptions {
  /** URLs of the batch fetched at once (default 1: a batch is one host's pages, and the fetcher gates per host). */
  fetchConcurrency?: number;
  /** Record puts at once after the archive PUT (default 1; the pages are normalized one after another). */
  finishConcurrency?: number;
  /** Called as each URL's result is known (a failed or unchanged fetch before the batch is archived). */
  onResult?: (result: IngestResult, index: number) => void;
}

/** One URL alone: a batch of one (its raw page is the single-page object, as it always was). */
export async function ingestUrl(url: string, deps: PipelineDeps, options: IngestOptions): Promise<IngestResult> {
  const [result] = await ingestBatch([{ url, options }], deps);
  return result!;
}

/**
 * A fetch batch through the data path, split in three (issue 13: one archive PUT per batch instead of per page):
 *   1. fetch every URL (conditional GET with the URL states read in one batch; unchanged and failed fetches end here,
 *      failures recorded);
 *   2. archive the fetched pages as one object (Archive.putBatch), before any pointer or record names it. If that
 *      PUT fails, each of its pages is a retryable store failure, recorded with its URL and reason: never a lost
 *      page (no URL state was written, so the next cycle or the SQS retry fetches it again);
 *   3. the archived pages' fetch pointers (with their member ranges), normalize, store, URL states (archiveAndFinish).
 * A crash after 2 leaves an object nothing refers to (a retry writes the same content-addressed key again, or
 * another one); a crash inside 3 redoes the URL, as before.
 */
export async function ingestBatch(items: readonly IngestItem[], deps: PipelineDeps, batch: IngestBatchOptions = {}): Promise<IngestResult[]> {
  const results = new Array<IngestResult>(items.length);
  const done = (i: number, result: IngestResult) => {
    results[i] = result;
    batch.onResult?.(result, i);
  };
  const reads = await settleValue(deps.stores.urlState.getMany(items.map((item) => item.url)));
  const states = reads instanceof Error ? reads : reads.states;
  const fetched: Pending[] = [];
  await mapPool(items, batch.fetchConcurrency ?? 1, async (item, i) => {
    const step = await fetchStep(item.url, deps, item.options, states);
    if ('result' in step) done(i, step.result);
    else fetched.push({ i, item, page: step });
  });
  fetched.sort((a, b) => a.i - b.i);
  // The tracking items the URL-state read took are the records' own when a URL is its record's id: read moments ago,
  // by this batch, which has written none of them since (a record id two pages share is read again: storeGroup).
  await archiveAndFinish(fetched, deps, batch.finishConcurrency ?? 1, done, reads instanceof Error ? undefined : knownOnce(reads.tracks));
  return results;
}

/**
 * Tracking items read with the URL states (UrlStateReads.tracks), each handed out once: `take` gives an id's item
 * (null: it has none; undefined: not known, read it) and forgets it, since the taker may write it.
 */
interface KnownTracks {
  take(id: string): TrackItem | null | undefined;
}

const NO_KNOWN_TRACKS: KnownTracks = { take: () => undefined };

/** Tracks read moments ago by one batch (ingestBatch), each handed out once. */
function knownOnce(tracks: Map<string, TrackItem | null>): KnownTracks {
  return {
    take(id) {
      const track = tracks.get(id);
      tracks.delete(id);
      return track;
    },
  };
}

/** A fetched page waiting for its batch's archive PUT: its index in the caller's items. */
interface Pending {
  i: number;
  item: IngestItem;
  page: Fetched;
}

/** A page of a group whose record was normalized, on its way to the stores. */
interface Normalized extends Pending {
  record: NewsRecord;
  rawRef: RawRef;
  /** Where the record's body sits in the batch object, when the archive PUT wrote it there (ArchivedPage.body). */
  body: MemberRange | undefined;
}

/**
 * Steps 2 and 3 for one group of fetched pages, with the group's store requests batched (issue 13: ~6 DynamoDB
 * requests a page were, after normalize, the pipeline's largest CPU cost, in this process and in the store's):
 *   a. the pages normalized one after another, then one archive PUT of the group's raw pages and record bodies (if it
 *      fails, every page is a retryable store failure);
 *   b. the group's fetch pointers in one BatchWriteItem;
 *   c. the tracking items of the normalized records in one BatchGetItem, then each record's conditional put (one
 *      request a page: the condition keeps a newer normalizer's record), the first sightings' tracking items in one
 *      BatchWriteItem, and last the URL states of the stored pages in one BatchWriteItem.
 * The order per page is the order ingest always had: archived → pointer → record → tracking item → URL state, so a
 * crash anywhere redoes the page next time (no URL state), and a failed batch request fails just the pages it
 * carried (recorded, retryable). Never rejects: every page gets its result through `done`.
 */
async function archiveAndFinish(
  group: readonly Pending[],
  deps: PipelineDeps,
  finishConcurrency: number,
  done: (i: number, result: IngestResult) => void,
  knownTracks?: KnownTracks,
): Promise<void> {
  if (group.length === 0) return;
  const fail = (p: Pending, stage: FailureStage, err: JsnewsError) => failPage(p.item.url, deps, p.item.options, p.page.timings, stage, err, true, p.page.page.status);
  const failAll = async (pages: readonly Pending[], err: unknown) => {
    const e = toStoreError(err);
    await mapPool(pages, PARALLEL_FAILURE_WRITES, async (p) => done(p.i, await fail(p, 'store', e)));
  };
  // Normalized before the PUT, so a real batch archives each record's body beside its page (Archive.putBatch): the
  // record item then stays one write unit (issue 13). A batch of one distinct page is the single-page object and its
  // record keeps its body. One page at a time, the event loop let through in between (the other lanes' fetches and
  // store answers are not held up for a whole group's CPU).
  const normalized: ({ record: NewsRecord } | { error: JsnewsError })[] = [];
  for (const [k, p] of group.entries()) {
    if (k > 0) await yieldToLoop();
    normalized.push(normalizeStep(p.page, deps, p.item.options));
  }
  const batched = new Set(group.map(({ page }) => page.sha256)).size > 1;
  let t = performance.now();
  let archived: ArchivedPage[];
  try {
    archived = await deps.stores.archive.putBatch(
      group.map(({ page }, k) => {
        const n = normalized[k]!;
        return { bytes: page.page.body, meta: rawMeta(page.page, page.sha256), record: batched && 'record' in n ? n.record : undefined };
      }),
    );
  } catch (err) {
    shareTime(group, 'archiveMs', performance.now() - t);
    return failAll(group, err);
  }
  // The fetch pointers name the raw object, so they are written after it (and before any record).
  const pointerError = await settle(deps.stores.archive.putFetchPointers(group.map(({ item, page }, k) => fetchPointer(item.url, page.page, archived[k]!.ref, item.options.sourceId, archived[k]!.member))));
  shareTime(group, 'archiveMs', performance.now() - t);
  if (pointerError) return failAll(group, pointerError);

  const stored: Normalized[] = [];
  await mapPool([...group.entries()], PARALLEL_FAILURE_WRITES, async ([k, p]) => {
    const n = normalized[k]!;
    if ('error' in n) return done(p.i, await fail(p, 'normalize', n.error));
    const a = archived[k]!;
    stored.push({ ...p, record: { ...n.record, raw: a.ref }, rawRef: a.ref, body: a.body });
  });
  stored.sort((a, b) => a.i - b.i);
  await storeGroup(stored, deps, finishConcurrency, done, failAll, knownTracks);
}

/** A fetched page normalized (the record without its `raw`, which the archive PUT gives), or why it could not be. */
function normalizeStep(fetched: Fetched, deps: PipelineDeps, options: IngestOptions): { record: NewsRecord } | { error: JsnewsError } {
  const { page, timings } = fetched;
  const t = performance.now();
  try {
    return {
      record: deps.normalize(page.body, { url: page.finalUrl, fetchedAt: page.fetchedAt, charset: page.headerCharset, contentType: page.contentType, site: options.site }),
    };
  } catch (err) {
    return { error: toJsnewsError(err) };
  } finally {
    timings.normalizeMs = performance.now() - t;
  }
}

/** Failure items written at once when a whole group fails (one PutItem each; rare). */
const PARALLEL_FAILURE_WRITES = 4;

/**
 * Step c of archiveAndFinish: tracking items read at once (those not in `knownTracks`, read with the URL states),
 * records put one by one, tracking items and URL states written at once. The known items this group uses are taken
 * out of `knownTracks`: this group may write them, so anyone after it reads them again.
 */
async function storeGroup(
  pages: readonly Normalized[],
  deps: PipelineDeps,
  concurrency: number,
  done: (i: number, result: IngestResult) => void,
  failAll: (pages: readonly Pending[], err: unknown) => Promise<void>,
  knownTracks: KnownTracks = NO_KNOWN_TRACKS,
): Promise<void> {
  if (pages.length === 0) return;
  const { stores } = deps;
  let t = performance.now();
  let tracks: Map<string, TrackItem> | null = null;
  if (stores.changes) {
    try {
      const known = new Map<string, TrackItem | null>();
      for (const id of new Set(pages.map((p) => p.record.id))) {
        const track = knownTracks.take(id);
        if (track !== undefined) known.set(id, track);
      }
      const unknown = pages.map((p) => p.record.id).filter((id) => !known.has(id));
      tracks = unknown.length > 0 ? await stores.changes.getTracks(unknown) : new Map();
      for (const [id, track] of known) if (track) tracks.set(id, track);
    } catch (err) {
      shareTime(pages, 'storeMs', performance.now() - t);
      return failAll(pages, err);
    }
  }
  shareTime(pages, 'storeMs', performance.now() - t);
  // A record id a page of this group shares with an earlier one (two URLs, one canonical URL) is stored after the
  // others, its tracking item read again: it sees what the earlier page wrote, as when pages were stored one by one.
  const seen = new Set<string>();
  const firsts: Normalized[] = [];
  const repeats: Normalized[] = [];
  for (const p of pages) {
    (seen.has(p.record.id) ? repeats : firsts).push(p);
    seen.add(p.record.id);
  }

  const stored: { p: Normalized; status: PutOutcome; stateInTrack: boolean }[] = [];
  const newTracks: TrackItem[] = [];
  const putOne = async (p: Normalized, track: TrackItem | null) => {
    const s = performance.now();
    try {
      const out = await storeRecord(p.record, p.item.url, deps, p.item.options, track, p.body);
      // The URL state rides in the first tracking item when the URL is the record's id (contract trackUrlState).
      const inTrack = out.firstTrack ? trackUrlState(urlStateOf(p)) : null;
      if (out.firstTrack) newTracks.push({ ...out.firstTrack, ...inTrack });
      stored.push({ p, status: out.status, stateInTrack: inTrack !== null });
    } catch (err) {
      done(p.i, await failPage(p.item.url, deps, p.item.options, p.page.timings, 'store', toStoreError(err), true, p.page.page.status));
    } finally {
      p.page.timings.storeMs += performance.now() - s;
    }
  };
  await mapPool(firsts, concurrency, (p) => putOne(p, tracks?.get(p.record.id) ?? null));
  for (const [k, p] of repeats.entries()) {
    // What the earlier pages wrote is read back: their first sightings' tracking items go out first.
    const trackError = await writeTracks(newTracks.splice(0), deps);
    if (trackError) return failAll([...stored.map((s) => s.p), ...repeats.slice(k)], trackError);
    await putOne(p, stores.changes ? await stores.changes.getTrack(p.record.id) : null);
  }
  t = performance.now();
  const trackError = await writeTracks(newTracks, deps);
  shareTime(stored.map((s) => s.p), 'storeMs', performance.now() - t);
  // Without their tracking items the pages get no URL state: the next run redoes them and writes the items then.
  if (trackError) return failAll(stored.map((s) => s.p), trackError);
  await storeGroupEnd(stored, deps, done, failAll);
}

/** The first sightings' tracking items in one batch; the error when it failed. */
async function writeTracks(tracks: readonly TrackItem[], deps: PipelineDeps): Promise<unknown> {
  if (tracks.length === 0 || !deps.stores.changes) return null;
  return settle(deps.stores.changes.putTracks(tracks));
}

/** Last: the stored pages' URL states in one batch (strictly after their records), failures cleared, results out. */
async function storeGroupEnd(
  stored: readonly { p: Normalized; status: PutOutcome; stateInTrack: boolean }[],
  deps: PipelineDeps,
  done: (i: number, result: IngestResult) => void,
  failAll: (pages: readonly Pending[], err: unknown) => Promise<void>,
): Promise<void> {
  if (stored.length === 0) return;
  const t = performance.now();
  // Pages whose URL state went out in their first tracking item are stored whatever becomes of the others'.
  const own = stored.filter((s) => !s.stateInTrack).map((s) => s.p);
  const putError = await settle(deps.stores.urlState.putMany(own.map(urlStateOf)));
  shareTime(stored.map((s) => s.p), 'storeMs', performance.now() - t);
  if (putError) await failAll(own, putError);
  await Promise.all(
    (putError ? stored.filter((s) => s.stateInTrack) : stored).map(async ({ p, status }) => {
      // A page that may have a failure item has it deleted (one DeleteItem; none for a page never failed).
      const clearError = await settle(clearFailure(p.item.url, deps, p.item.options));
      if (clearError) return done(p.i, await failPage(p.item.url, deps, p.item.options, p.page.timings, 'store', toStoreError(clearError), true, p.page.page.status));
      done(p.i, { url: p.item.url, status, recordId: p.record.id, fetched: true, timings: p.page.timings, ...(status === 'unchanged' ? { unchangedBy: 'same-record' as const } : {}) });
    }),
  );
}

/** A batch request's time shared out over the pages it served (stage sums stay the real time spent). */
function shareTime(pages: readonly Pending[], stage: 'archiveMs' | 'storeMs', ms: number): void {
  for (const p of pages) p.page.timings[stage] += ms / pages.length;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Pages of one source archived as one S3 object by the in-process runs (`jsnews run`, backfill; issue 13: a PUT per
 * page was USD 5 of the ~17 per million fresh pages, per batch of 20 it is 0.25). Bounded so a batch's raw pages in
 * memory stay small (bench pages average ~30 KB gzipped, ~150 KB raw: ~3 MB a batch) and a failed PUT re-queues few
 * pages.
 */
export const ARCHIVE_BATCH_PAGES = 20;
/**
 * A fetched page waits at most this long for its batch to fill: a polite crawl (the registry's mean delay is 2 s a
 * page) then archives ~5 pages a PUT and its records appear within ~10 s of their fetch, not after 20 delays
 * (40 s). A run without politeness (bench:pipeline) fills batches of 20 long before.
 */
export const ARCHIVE_BATCH_MAX_WAIT_MS = 10_000;
/**
 * URL states read ahead by ingestInBatches with one BatchGetItem (its limit): before, one GetItem a URL. The next
 * chunk is read as soon as the current one is first used, so the read overlaps the fetches.
 */
export const URL_STATE_READ_AHEAD = 100;

/**
 * One source's URLs, `lanes` fetched at a time (the host gate lets one request through at a time, so more lanes
 * overlap normalize and store with fetching), the fetched pages archived together once ARCHIVE_BATCH_PAGES of them
 * wait, or the oldest has waited ARCHIVE_BATCH_MAX_WAIT_MS, or every URL is fetched. At most `lanes` batches are
 * archived and finished at once while fetching goes on (a fetch waits for one to end: memory stays bounded).
 */
export async function ingestInBatches(
  items: readonly IngestItem[],
  deps: PipelineDeps,
  options: { lanes: number; onResult?: (result: IngestResult) => void; maxWaitMs?: number },
): Promise<void> {
  const lanes = Math.max(1, options.lanes);
  const done = (_i: number, result: IngestResult) => options.onResult?.(result);
  let pending: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushing = new Set<Promise<void>>();
  const errors: unknown[] = [];
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const group = pending.sort((a, b) => a.i - b.i);
    pending = [];
    const run: Promise<void> = archiveAndFinish(group, deps, 1, done, knownTracks)
      .catch((err: unknown) => void errors.push(err))
      .finally(() => flushing.delete(run));
    flushing.add(run);
  };
  // The tracking items these reads take are handed on to storeGroup (one BatchGetItem a batch less, issue 13), each
  // used once: a group that stores a record takes its id's item out (knownTracks), so a later group with another URL
  // of the same record reads the item again and sees what the earlier one wrote, as before. A chunk read after a
  // group took an id may predate that group's write: such ids (`taken`) are never known again this run.
  const known = new Map<string, TrackItem | null>();
  const taken = new Set<string>();
  const knownTracks: KnownTracks = {
    take(id) {
      const track = known.get(id);
      known.delete(id);
      taken.add(id);
      return track;
    },
  };
  const chunks = new Map<number, Promise<Map<string, UrlState> | Error>>();
  const chunkUrls = (c: number) => items.slice(c * URL_STATE_READ_AHEAD, (c + 1) * URL_STATE_READ_AHEAD).map((item) => item.url);
  const read = (c: number) => {
    if (c * URL_STATE_READ_AHEAD >= items.length || chunks.has(c)) return;
    chunks.set(
      c,
      settleValue(
        deps.stores.urlState.getMany(chunkUrls(c)).then((r: UrlStateReads) => {
          for (const [id, track] of r.tracks) if (!taken.has(id)) known.set(id, track);
          return r.states;
        }),
      ),
    );
    // Lanes take URLs in order and are far fewer than a chunk: two chunks back nobody reads any more (their unused
    // tracking items go too: the map stays the size of the chunks in play).
    if (chunks.delete(c - 2)) for (const url of chunkUrls(c - 2)) known.delete(sha256Hex(url));
  };
  const statesFor = (i: number) => {
    const c = Math.floor(i / URL_STATE_READ_AHEAD);
    read(c);
    read(c + 1);
    return chunks.get(c)!;
  };
  await mapPool(items, lanes, async (item, i) => {
    const step = await fetchStep(item.url, deps, item.options, await statesFor(i));
    if ('result' in step) return done(i, step.result);
    pending.push({ i, item, page: step });
    if (pending.length >= ARCHIVE_BATCH_PAGES) flush();
    else timer ??= setTimeout(flush, options.maxWaitMs ?? ARCHIVE_BATCH_MAX_WAIT_MS);
    while (flushing.size >= lanes) await Promise.race(flushing);
  });
  flush();
  await Promise.all(flushing);
  if (errors.length > 0) throw errors[0];
}

/** A page fetched with a body that differs from the URL's last one: what the archive and finish steps need. */
interface Fetched {
  page: FetchedPage;
  /** sha256 of the body, computed once: compared with the URL state and used as the archive key. */
  sha256: string;
  timings: StageTimings;
}

async function failPage(
  url: string,
  deps: PipelineDeps,
  options: IngestOptions,
  timings: StageTimings,
  stage: FailureStage,
  err: JsnewsError,
  fetched: boolean,
  status: number | null = null,
): Promise<IngestResult> {
  const { code, message: reason, retryable } = err;
  await recordFailure(deps, { sourceId: options.sourceId, url, stage, code, reason, retryable, status }, 'ingest failed');
  return { url, status: 'failed', stage, code, reason, retryable, fetched, timings };
}

/**
 * Step 1: the conditional fetch; a result when the URL ends here (failed, not modified, the same bytes). `states`:
 * the URL states read for the batch (or the error that read ended in: the URL is then a store failure, as before).
 */
async function fetchStep(url: string, deps: PipelineDeps, options: IngestOptions, states: Map<string, UrlState> | Error): Promise<Fetched | { result: IngestResult }> {
  const timings: StageTimings = { fetchMs: 0, archiveMs: 0, normalizeMs: 0, storeMs: 0 };
  const t = performance.now();
  try {
    if (states instanceof Error) throw states;
    const state = states.get(url) ?? null;
    const outcome = await deps.fetcher.fetch(url, state ? { etag: state.etag, lastModified: state.lastModified } : undefined);
    timings.fetchMs = performance.now() - t;
    if (outcome.kind === 'failure') {
      if (options.keepStoredOnFetchFailure && state?.recordId) {
        deps.logger.warn('refetch failed; stored record kept', { url, code: outcome.code, reason: outcome.reason });
        return { result: { url, status: 'failed', stage: 'fetch', code: outcome.code, reason: outcome.reason, retryable: outcome.retryable, fetched: false, timings, keptStored: true } };
      }
      return { result: await failPage(url, deps, options, timings, 'fetch', new JsnewsError(outcome.code, outcome.reason, outcome.retryable), false, outcome.status) };
    }
    // The pipeline's clock, not the fetcher's, dates the fetch: a simulated clock (--now) dates everything.
    const page: FetchedPage = { ...outcome, fetchedAt: deps.clock().toISOString() };
    const sha256 = page.notModified ? '' : sha256Hex(page.body);
    if (page.notModified || (state && state.sha256 === sha256)) {
      await clearFailure(url, deps, options);
      return { result: { url, status: 'unchanged', unchangedBy: page.notModified ? 'not-modified' : 'same-bytes', fetched: !page.notModified, timings } };
    }
    return { page, sha256, timings };
  } catch (err) {
    return { result: await failPage(url, deps, options, timings, 'store', toStoreError(err), false) };
  }
}

/**
 * The record put, with change tracking when the stores have it (`track`: the article's tracking item, read for the
 * batch): a first sighting's tracking item (and revisit schedule) is handed back for the batch to write after the
 * record; a known article whose normalized version differs is an edit (or a restore), applied like a revisit's; the
 * same version only goes through the record put (a newer normalizer).
 */
async function storeRecord(
  record: NewsRecord,
  url: string,
  deps: PipelineDeps,
  options: IngestOptions,
  track: TrackItem | null,
  body?: MemberRange,
): Promise<{ status: PutOutcome; firstTrack?: TrackItem }> {
  const { changes, records } = deps.stores;
  const put = { body };
  if (!changes) return { status: await records.put(record, put) };
  const ctx = { url, sourceId: options.sourceId, policy: options.revisit };
  if (!track) {
    const status = await records.put(record, put);
    return { status, firstTrack: firstTrack(record, ctx, deps.clock()) };
  }
  const hash = versionHash(record);
  if (hash === track.hash && track.status === 'live' && track.goneSince === null) return { status: await records.put(record, put) };
  const applied = await applyObservation(deps, changes, track, { kind: 'article', content: record, hash }, deps.clock(), ctx, record, undefined, put);
  return { status: applied.recordStatus ?? 'unchanged' };
}

function rawMeta(page: FetchedPage, sha256: string): RawMeta {
  return { sha256, url: page.finalUrl, status: page.status, contentType: page.contentType, charset: page.headerCharset, fetchedAt: page.fetchedAt };
}

/**
 * The response headers a fetch pointer keeps: what reprocess and revisits read back (the content type, for the
 * charset; the validators of a conditional GET). Status and the header charset have their own fields. Every other
 * header (cookies, CSP, cache and CDN lines) is dropped: a real site's full set passes 1 KB, and a pointer item over
 * 1 KB bills two DynamoDB write units instead of one (issue 13; the replay server sends few, so the cost bench
 * did not show it).
 */
const POINTER_HEADERS: readonly string[] = ['content-type', 'etag', 'last-modified'];

function pointerHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (POINTER_HEADERS.includes(name.toLowerCase())) kept[name.toLowerCase()] = value;
  return kept;
}

/** The archive's pointer for one fetch of `url` (shared by ingest and revisit). */
export function fetchPointer(url: string, page: FetchedPage, ref: RawRef, sourceId: string, member: MemberRange | null = null): FetchPointer {
  return {
    sourceId,
    url,
    finalUrl: page.finalUrl,
    fetchedAt: page.fetchedAt,
    status: page.status,
    headers: pointerHeaders(page.headers),
    sha256: ref.sha256,
    rawKey: ref.key,
    bytes: ref.bytes,
    contentType: page.contentType,
    charset: page.headerCharset,
    ...(member ? { member } : {}),
  };
}

/**
 * The URL state after a fetch of `url` that gave the record `recordId`: validators for the next
 * conditional GET and the body's sha256 to know the same bytes again (revisits keep theirs in the
 * tracking item, track.ts).
 */
const urlStateOf = (p: Normalized): UrlState => urlStateFor(p.item.url, p.page.page, p.rawRef, p.item.options.sourceId, p.record.id);

function urlStateFor(url: string, page: FetchedPage, ref: RawRef, sourceId: string, recordId: string): UrlState {
  return {
    url,
    sourceId,
    etag: page.headers.etag ?? null,
    lastModified: page.headers['last-modified'] ?? null,
    sha256: ref.sha256,
    fetchedAt: page.fetchedAt,
    recordId,
  };
}

/** Resolves with the error a promise rejected with, or null: lets a write run in the background without an unhandled rejection. */
function settle(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (err: unknown) => err ?? new Error('rejected without a reason'),
  );
}

/** Resolves with the value, or with the error the promise rejected with (as an Error): a read shared by many waiters. */
function settleValue<T>(p: Promise<T>): Promise<T | Error> {
  return p.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
}

async function clearFailure(url: string, deps: PipelineDeps, options: IngestOptions): Promise<void> {
  if (options.mayHaveFailure === false) return;
  await deps.stores.failures.clear(options.sourceId, url);
}

/**
 * A store step's error. The store adapters map every SDK error to a JsnewsError that says whether a
 * retry can help (store/sdk-errors.ts); anything else thrown there (an invalid record, a bug) will
 * fail the same way again, so it is permanent.
 */
function toStoreError(err: unknown): JsnewsError {
  if (err instanceof JsnewsError) return err;
  return new JsnewsError(ErrorCode.StoreFailed, err instanceof Error ? err.message : String(err), false, { cause: err });
}
