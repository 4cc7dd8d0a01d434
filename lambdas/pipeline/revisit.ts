/**
 * Revisits: look again at tracked articles whose revisit is due (or all of them), with a conditional
 * GET through the same fetcher (robots, one request per host, the per-host delay), and record what
 * changed (changes.ts decides, track.ts writes).
 *
 * Writes per revisit: a 304 or the same bytes → the tracking item only (its schedule); new bytes with
 * the same normalized version → the raw bytes to S3 (every distinct page is archived) and the tracking
 * item, which also keeps the validators and body sha256 for the next conditional GET; a change → its
 * fetch pointer, version, record and change items as well. Replaying an observation already applied writes nothing.
 * The URL state ingest keeps is read only while the tracking item has no validators of its own.
 */
import { performance } from 'node:perf_hooks';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { sha256Hex } from '../contract/hashing.js';
import type { NewsRecord, RawRef, SiteHints } from '../contract/record.js';
import type { FetchedPage } from '../fetch/types.js';
import { charsetFromContentType, decodeBytes } from '../normalize/decode/charset.js';
import type { Source } from '../sites/sources-schema.js';
import type { ChangeStore, DueRevisit, FetchPointer, MemberRange, RecordPutOptions, TrackItem } from '../store/ports.js';
import { observeFetch, SOFT_404_MAX_BODY_CHARS, visibleText, type ChangeKind, type FetchFacts, type Observation } from './changes.js';
import type { PipelineDeps } from './deps.js';
import { fetchPointer } from './ingest.js';
import { mapPool } from './pool.js';
import { applyObservation, type RevisitValidators } from './track.js';

/** Revisits of one source in flight (one host: the fetcher serialises them anyway; 2 overlaps normalize with the next fetch). */
export const DEFAULT_REVISIT_CONCURRENCY = 2;
/** Sources revisited at once (different hosts). */
export const DEFAULT_REVISIT_SOURCE_CONCURRENCY = 4;

export interface RevisitResult {
  id: string;
  url: string;
  sourceId: string;
  /** How the fetch ended: a 304, a body with the bytes of last time, new bytes, or no page (a failure). */
  seen: FetchSeen;
  observed: Observation['kind'];
  change: ChangeKind | null;
  /** Table items written for this revisit (tracking, fetch pointer, versions, record, change). */
  writes: number;
  ms: number;
}

export type FetchSeen = 'not-modified' | 'same-bytes' | 'new-bytes' | 'failure';

export interface RevisitSelection {
  /** Revisit every tracked article, due or not. */
  all?: boolean;
  /** Revisit what is due at or before this time (default: the clock's now). */
  dueBefore?: Date;
  onResult?: (result: RevisitResult) => void;
  concurrency?: number;
}

/** A far-future bound that selects every tracked article of a source, due or not. */
export const ALL_DUE_BEFORE = '9999-12-31T23:59:59.999Z';

/** The due revisits of each source, soonest first (one Query per source). */
export async function planRevisits(sources: readonly Source[], changes: ChangeStore, before: string, limit?: number): Promise<DueRevisit[]> {
  const perSource = await Promise.all(sources.filter((s) => s.revisit.enabled).map((s) => changes.dueRevisits(s.id, before, limit)));
  return perSource.flat();
}

export async function revisitDue(sources: readonly Source[], deps: PipelineDeps, selection: RevisitSelection = {}): Promise<RevisitResult[]> {
  const changes = requireChanges(deps);
  const before = selection.all ? ALL_DUE_BEFORE : (selection.dueBefore ?? deps.clock()).toISOString();
  const bySource = new Map(sources.map((s) => [s.id, s] as const));
  const due = await planRevisits(sources, changes, before);
  const groups = new Map<string, DueRevisit[]>();
  for (const d of due) groups.set(d.sourceId, [...(groups.get(d.sourceId) ?? []), d]);
  const results: RevisitResult[] = [];
  await mapPool([...groups.entries()], DEFAULT_REVISIT_SOURCE_CONCURRENCY, async ([sourceId, items]) => {
    await mapPool(items, selection.concurrency ?? DEFAULT_REVISIT_CONCURRENCY, async (d) => {
      const r = await revisitOne(d, deps, bySource.get(sourceId));
      if (!r) return;
      results.push(r);
      selection.onResult?.(r);
    });
  });
  return results;
}

/** One revisit of one tracked article; null when it is no longer tracked. */
export async function revisitOne(due: Pick<DueRevisit, 'id' | 'sourceId'>, deps: PipelineDeps, source?: Source): Promise<RevisitResult | null> {
  const changes = requireChanges(deps);
  const started = performance.now();
  const track = await changes.getTrack(due.id);
  if (!track) return null;
  const ctx = { url: track.url, sourceId: track.sourceId, policy: source?.revisit };
  const { facts, record: normalized, validators, seen, archive } = await look(track, deps, source?.hints);
  const obs = observeFetch(facts);
  let record = normalized;
  let pointerWrites = 0;
  // New bytes are archived when they hold the article (before its record, as in ingest), and a notice page once: at the
  // first sighting of the article gone, as the evidence a deletion rests on (raw bytes stay archived). Not at every
  // later revisit of an already-gone article: its notice came back, and was PUT again, each time.
  if (archive && obs.kind === 'gone' && track.status === 'live' && track.goneSince === null) await archive();
  let put: RecordPutOptions = {};
  if (archive && obs.kind === 'article') {
    // A new version's record (the only one stored) has its body archived with its page, as a fresh ingest's batch
    // does: the record item stays one write unit (issue 13: ~4 more with the body inline).
    const stored = obs.hash !== track.hash ? record : null;
    const { ref, pointer, body } = await archive(stored);
    if (record) record = { ...record, raw: ref };
    if (body) put = { body };
    // The fetch pointer (how reprocess finds a day's raw bytes) only for bytes whose record is stored: a page changed
    // outside the article is no new version.
    if (obs.hash !== track.hash) {
      await deps.stores.archive.putFetchPointer(pointer);
      pointerWrites++;
    }
  }
  const applied = await applyObservation(deps, changes, track, obs, deps.clock(), ctx, record, validators, put);
  const result: RevisitResult = {
    id: track.id,
    url: track.url,
    sourceId: track.sourceId,
    seen,
    observed: obs.kind,
    change: applied.change?.kind ?? null,
    writes: applied.writes + pointerWrites,
    ms: performance.now() - started,
  };
  if (applied.change) deps.logger.info('change detected', { ...result, fields: applied.change.fields });
  return result;
}

/**
 * Archives a revisit's new bytes (one PUT): the page alone (putRaw's single-page object), or, given the record about
 * to be stored, the page and that record's body as one object (Archive.putBatch) with the body's member range.
 */
type Archiver = (record?: NewsRecord | null) => Promise<{ ref: RawRef; pointer: FetchPointer; body?: MemberRange }>;

/** Fetches the article conditionally; archives and normalizes new bytes. */
async function look(
  track: TrackItem,
  deps: PipelineDeps,
  site: SiteHints | undefined,
): Promise<{ facts: FetchFacts; record: NewsRecord | null; validators?: RevisitValidators; seen: FetchSeen; archive?: Archiver }> {
  const { stores } = deps;
  // The last revisit's validators, else ingest's URL state when it rides in this item (contract trackUrlState), else the URL's.
  const state =
    track.bodySha256 !== undefined
      ? { etag: track.etag ?? null, lastModified: track.lastModified ?? null, sha256: track.bodySha256 }
      : track.urlSha256 !== undefined
        ? { etag: track.urlEtag ?? null, lastModified: track.urlLastModified ?? null, sha256: track.urlSha256 }
        : await stores.urlState.get(track.url);
  const outcome = await deps.fetcher.fetch(track.url, state ? { etag: state.etag, lastModified: state.lastModified } : undefined);
  if (outcome.kind === 'failure') return { facts: { kind: 'failure', status: outcome.status, code: outcome.code, reason: outcome.reason, finalUrl: outcome.finalUrl }, record: null, seen: 'failure' };
  const page: FetchedPage = { ...outcome, fetchedAt: deps.clock().toISOString() };
  const sha256 = page.notModified ? '' : sha256Hex(page.body);
  if (page.notModified || (state && state.sha256 === sha256)) return { facts: { kind: 'not-modified' }, record: null, seen: page.notModified ? 'not-modified' : 'same-bytes' };

  const archive: Archiver = async (record) => {
    const meta = { sha256, url: page.finalUrl, status: page.status, contentType: page.contentType, charset: page.headerCharset, fetchedAt: page.fetchedAt };
    if (!record) {
      const { ref } = await stores.archive.putRaw(page.body, meta);
      return { ref, pointer: fetchPointer(track.url, page, ref, track.sourceId) };
    }
    const [archived] = await stores.archive.putBatch([{ bytes: page.body, meta, record }]);
    const { ref, member, body } = archived!;
    return { ref, pointer: fetchPointer(track.url, page, ref, track.sourceId, member), body };
  };
  let record: NewsRecord | null = null;
  try {
    // The source's hints, as ingest used them: the same page must normalize to the same record.
    record = deps.normalize(page.body, { url: page.finalUrl, fetchedAt: page.fetchedAt, charset: page.headerCharset, contentType: page.contentType, site });
  } catch (err) {
    if (!(err instanceof JsnewsError) || err.code === ErrorCode.Internal) deps.logger.warn('revisit: normalize failed', { url: track.url, error: String(err) });
  }
  const short = !record || record.paragraphs.reduce((n, p) => n + p.length, 0) <= SOFT_404_MAX_BODY_CHARS;
  const pageText = short ? visibleText(decodeBytes(page.body, { declared: page.headerCharset ?? charsetFromContentType(page.contentType) }).text) : '';
  // For the next conditional GET; applied with the observation (tracking item), and only for an article.
  const validators: RevisitValidators = { etag: page.headers.etag ?? null, lastModified: page.headers['last-modified'] ?? null, bodySha256: sha256 };
  return { facts: { kind: 'page', requestedUrl: track.url, finalUrl: page.finalUrl, status: page.status, record, pageText }, record, validators, seen: 'new-bytes', archive };
}

function requireChanges(deps: PipelineDeps): ChangeStore {
  if (!deps.stores.changes) throw new JsnewsError(ErrorCode.InvalidArgument, 'revisits need the change store (stores.changes)');
  return deps.stores.changes;
}
