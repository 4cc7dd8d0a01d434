/**
 * Applying an observation of a tracked article to the stores (the decision itself is changes.ts):
 *   1. a new version: the superseded version item (with its last-seen time), the new version item, the record;
 *   2. the change item, if the observation is a change, and the tracking item (status, version count,
 *      schedule) in one transaction: both or neither. A run killed before it redoes the observation at its
 *      next visit; a kill between the two would have left a change whose redo (a later detectedAt, so
 *      another key) reported it twice.
 * A redo after a kill past step 1 finds the record ahead of its tracking item and version n+1 stored with
 * the record's hash: the superseded version item written then holds the previous content (the per-field
 * summary is made against it, and it is not overwritten); version items are put-once by number, so the
 * redo adds none. A record ahead without that version item was re-normalized (reprocess): it is the
 * current version.
 * Nothing is written when the tracking item would not change (replaying the same observation).
 * Version items are written only once an article changes: an article never edited has its record
 * as its only version (history() shows it as version 1), so unchanged articles cost no version writes.
 */
import type { NewsRecord } from '../contract/record.js';
import type { RevisitPolicy } from '../sites/sources-schema.js';
import type { ChangeItem, ChangeStore, RecordPutOptions, TrackItem, VersionItem } from '../store/ports.js';
import { decideChange, trackedContent, versionHash, type DetectedChange, type Observation, type TrackState } from './changes.js';
import type { PipelineDeps } from './deps.js';
import { DEFAULT_SCHEDULE, nextVisit, scheduleOf } from './revisit-schedule.js';

const HOUR_MS = 60 * 60 * 1000;

export interface TrackContext {
  url: string;
  sourceId: string;
  policy?: RevisitPolicy;
}

function confirmMs(policy: RevisitPolicy | undefined): number {
  return (policy?.confirmDeletionAfterHours ?? 1) * HOUR_MS;
}

function nextAt(track: Pick<TrackItem, 'firstSeenAt'>, now: Date, policy: RevisitPolicy | undefined, pendingDeletion: boolean): string | null {
  if (policy && !policy.enabled) return null;
  const schedule = policy ? scheduleOf(policy) : DEFAULT_SCHEDULE;
  return nextVisit(new Date(track.firstSeenAt), now, schedule, pendingDeletion, confirmMs(policy)).toISOString();
}

/** The tracking item of an article seen for the first time. */
export function firstTrack(record: NewsRecord, ctx: TrackContext, now: Date): TrackItem {
  const at = now.toISOString();
  const track: TrackItem = {
    id: record.id,
    url: record.url ?? ctx.url,
    sourceId: ctx.sourceId,
    host: record.site.host ?? hostOf(ctx.url),
    status: 'live',
    hash: versionHash(record),
    versionCount: 1,
    firstSeenAt: at,
    versionSeenAt: at,
    lastSeenAt: at,
    lastVisitAt: at,
    nextRevisitAt: null,
    goneSince: null,
    goneDetail: null,
  };
  return { ...track, nextRevisitAt: nextAt(track, now, ctx.policy, false) };
}

/** What a revisit fetch that gave an article leaves for the next conditional GET (TrackItem). */
export type RevisitValidators = Required<Pick<TrackItem, 'etag' | 'lastModified' | 'bodySha256'>>;

export interface ApplyResult {
  change: DetectedChange | null;
  /** Items written (0 for a replayed observation). */
  writes: number;
  /** The record put's outcome when a new version was stored. */
  recordStatus?: 'new' | 'updated' | 'unchanged';
}

/**
 * Applies `obs` (seen at `now`) to the article tracked by `track`. `record` is the record normalized
 * from this fetch, when there is one (needed to store a new version); `put`, where its body was archived
 * with its page (the record put's options: the item then holds no body, issue 13).
 */
export async function applyObservation(
  deps: PipelineDeps,
  changes: ChangeStore,
  track: TrackItem,
  obs: Observation,
  now: Date,
  ctx: TrackContext,
  record: NewsRecord | null,
  validators?: RevisitValidators,
  put: RecordPutOptions = {},
): Promise<ApplyResult> {
  const differs = obs.kind === 'article' && obs.hash !== track.hash;
  const stored = differs ? await deps.stores.records.getStored(track.id) : null;
  const current = stored?.record ?? null;
  const currentHash = current ? versionHash(current) : track.hash;
  // The record ahead of the tracking item. Either an earlier apply of this observation died after storing it (see
  // above): then version n+1 is stored, with the record's hash. Or the record was re-normalized (`jsnews reprocess`,
  // which writes records only): then the record is the current version, as the newer normalizer reads it, and the
  // observation (read by that normalizer too) is compared with it, so an unchanged article is no edit.
  const ahead = currentHash !== track.hash;
  const redo = ahead && (await changes.getVersion(track.id, track.versionCount + 1))?.hash === currentHash;
  const superseded = redo ? await changes.getVersion(track.id, track.versionCount) : null;
  const currentVersionHash = ahead && !redo ? currentHash : track.hash;
  const state: TrackState = { status: track.status, hash: currentVersionHash, goneSince: track.goneSince, goneDetail: track.goneDetail };
  const previous = superseded?.content ?? (current ? trackedContent(current) : null);
  const decision = decideChange(state, obs, now, { confirmDeletionAfterMs: confirmMs(ctx.policy), previous });
  const at = now.toISOString();
  let writes = 0;
  let recordStatus: ApplyResult['recordStatus'];
  let versionCount = track.versionCount;
  let versionSeenAt = track.versionSeenAt;

  if (decision.newVersion && record) {
    versionCount = track.versionCount + 1;
    versionSeenAt = at;
    if (!redo) {
      const superseded: VersionItem = {
        id: track.id,
        n: track.versionCount,
        hash: currentVersionHash,
        firstSeenAt: track.versionSeenAt,
        lastSeenAt: track.lastSeenAt,
        content: current ? trackedContent(current) : trackedContent(record),
        rawKey: current?.raw?.key ?? null,
        normalizerVersion: current?.normalizerVersion ?? record.normalizerVersion,
      };
      // Its paragraphs are the stored record's: where that record's body is archived, the item names it.
      await changes.putVersion(superseded, { replace: true, ...(current && stored?.body ? { body: stored.body } : {}) });
      writes++;
    }
    await changes.putVersion(
      {
        id: track.id,
        n: versionCount,
        hash: versionHash(record),
        firstSeenAt: at,
        lastSeenAt: at,
        content: trackedContent(record),
        rawKey: record.raw?.key ?? null,
        normalizerVersion: record.normalizerVersion,
      },
      // Its paragraphs are the record's, archived with its page when the put names the body: the item names them too.
      put.body && record.raw && !put.bodyObject ? { body: { key: record.raw.key, range: put.body } } : {},
    );
    recordStatus = await deps.stores.records.put(record, put);
    writes += 2;
  }
  const change: ChangeItem | null = decision.change
    ? {
      id: track.id,
      url: track.url,
      host: track.host,
      kind: decision.change.kind,
      detectedAt: decision.change.detectedAt,
      fields: decision.change.fields,
      ...(decision.change.detail ? { detail: decision.change.detail } : {}),
      ...(decision.change.firstSeenAt ? { firstSeenAt: decision.change.firstSeenAt } : {}),
      ...(decision.newVersion ? { fromVersion: track.versionCount, toVersion: versionCount } : {}),
    }
    : null;
  const seenLive = obs.kind === 'article' || obs.kind === 'same';
  const next: TrackItem = {
    ...track,
    // Only an article's: a notice page's bytes must not read as "the same" next time.
    ...(validators && obs.kind === 'article' ? validators : {}),
    status: decision.state.status,
    // A re-normalized record's hash is kept too, so the next revisit compares with it without reading the record.
    hash: decision.newVersion ? decision.state.hash : currentVersionHash,
    goneSince: decision.state.goneSince,
    goneDetail: decision.state.goneDetail,
    versionCount,
    versionSeenAt,
    lastSeenAt: seenLive ? at : track.lastSeenAt,
    lastVisitAt: at,
    nextRevisitAt: nextAt(track, now, ctx.policy, decision.state.goneSince !== null),
  };
  if (change || !sameTrack(track, next)) {
    await changes.putTrack(next, change);
    writes += change ? 2 : 1;
  }
  return { change: decision.change, writes, ...(recordStatus ? { recordStatus } : {}) };
}

function sameTrack(a: TrackItem, b: TrackItem): boolean {
  const keys = Object.keys(b) as (keyof TrackItem)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
