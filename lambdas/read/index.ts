/**
 * The typed read API over the records table, for programs that consume jsnews output:
 *
 *   const reader = await openReader(loadConfig());
 *   const today = await reader.byDay('2024-02-20');
 *   await reader.close();
 *
 * One method per access pattern; each is a GetItem or Query, except `all()` and a short id prefix,
 * which scan. With no AWS configuration the reader uses the local stores of the data directory
 * (running ones when `jsnews local start` left them up) and releases them on close().
 */
import type { AppConfig } from '../contract/config.js';
import { sha256Hex } from '../contract/hashing.js';
import { normalizeUrl } from '../contract/url.js';
import { openStores } from '../dev/open-stores.js';
import type { NewsRecord } from '../contract/record.js';
import type { ChangeFilter, ChangeItem, ChangeKindValue, FailureItem, TrackItem, VersionItem } from '../store/ports.js';
import { renderDiff, diffParagraphs, type ParagraphDiff } from './text-diff.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { DateRange, RepostMatch } from '../store/records-dynamodb.js';
import type { Stores } from '../store/stores.js';

export type { DateRange, RepostMatch } from '../store/records-dynamodb.js';
export type { FailureItem, ChangeItem, ChangeKindValue } from '../store/ports.js';
export type { ParagraphDiff } from './text-diff.js';

/** Changes detected in a time range (UTC ISO times, inclusive), optionally of one site and one kind. */
export interface ChangeQuery {
  since: string;
  until: string;
  site?: string;
  kind?: ChangeKindValue;
}

/** One line of `jsnews query --changes`. */
export interface ChangeRow {
  url: string;
  id: string;
  kind: ChangeKindValue;
  detectedAt: string;
  fields: { field: string; summary: string }[];
  detail?: string;
  firstSeenAt?: string;
  fromVersion?: number;
  toVersion?: number;
}

export interface VersionRow {
  n: number;
  firstSeenAt: string;
  lastSeenAt: string;
  title: string;
  paragraphs: number;
  hash: string;
  rawKey: string | null;
}

export interface History {
  id: string;
  url: string;
  status: 'live' | 'deleted';
  versionCount: number;
  firstSeenAt: string;
  lastVisitAt: string;
  nextRevisitAt: string | null;
  versions: VersionRow[];
}

export interface VersionDiff {
  id: string;
  from: number;
  to: number;
  title: { before: string; after: string } | null;
  paragraphs: ParagraphDiff[];
  /** Plain-text rendering ("~" changed with [-old-]{+new+}, "+" added, "-" removed). */
  text: string;
}
export { REPOST_MAX_HAMMING } from '../store/records-dynamodb.js';

export interface Reader {
  byId(id: string): Promise<NewsRecord | null>;
  /**
   * Records by any URL they were known under: the URL fetched (also one that redirected: the URL state
   * remembers which record it gave), the post-redirect `url`, and the `canonicalUrl` (the id is its hash).
   */
  byUrl(url: string): Promise<NewsRecord[]>;
  /** Records whose id starts with `prefix` (hex). A full 64-hex id is a GetItem; a shorter prefix scans. */
  byIdPrefix(prefix: string, limit?: number): Promise<NewsRecord[]>;
  /** Every stored record, page by page (a Scan): for exports and `query --all`. */
  all(): AsyncIterable<NewsRecord>;
  /** A site's records, newest first, in a China-day range (inclusive; either end may be open). */
  bySite(host: string, range?: DateRange, limit?: number): Promise<NewsRecord[]>;
  /** All records filed under one China day (published, else fetched). */
  byDay(day: string, limit?: number): Promise<NewsRecord[]>;
  /** Records about a city ("镇江" or "镇江市"), newest first. */
  byCity(city: string, range?: DateRange, limit?: number): Promise<NewsRecord[]>;
  /** Reposts of a record's story: same originalUrl, or simhash within `maxHamming` bits. */
  repostsOf(id: string, maxHamming?: number): Promise<RepostMatch[]>;
  /** Every recorded failure of a source. */
  failuresOf(sourceId: string): Promise<FailureItem[]>;
  /** Edits, deletions and restorations detected in a time range (by day partitions, or by site). */
  changes(query: ChangeQuery): Promise<ChangeRow[]>;
  /** The same changes in time order, streamed page by page (Queries, never a Scan): for exports. */
  streamChanges(query: ChangeQuery): AsyncIterable<ChangeRow>;
  /** Every version of an article with its first- and last-seen times; null when the article is not tracked. */
  history(id: string): Promise<History | null>;
  /** Paragraph- and character-level diff of two versions (default: the last two). */
  diff(id: string, from?: number, to?: number): Promise<VersionDiff>;
  close(): Promise<void>;
}

/** A reader over already-open stores (the caller owns their lifetime). */
export function createReader(stores: Stores, close: () => Promise<void> = async () => {}): Reader {
  const { records, failures, changes } = stores;
  const versionsOf = async (id: string): Promise<{ track: TrackItem; versions: VersionItem[] } | null> => {
    const { track, versions } = await changes.history(id);
    if (!track) return null;
    if (versions.length > 0) return { track, versions };
    // Never changed: the record is the only version (version items are written at the first change).
    const record = await records.byId(id);
    if (!record) return { track, versions: [] };
    const only: VersionItem = {
      id,
      n: 1,
      hash: track.hash,
      firstSeenAt: track.versionSeenAt,
      lastSeenAt: track.lastSeenAt,
      content: record,
      rawKey: record.raw?.key ?? null,
      normalizerVersion: record.normalizerVersion,
    };
    return { track, versions: [only] };
  };
  return {
    byId: (id) => records.byId(id),
    byUrl: (url) => byAnyUrl(stores, url),
    async byIdPrefix(prefix, limit) {
      if (/^[0-9a-f]{64}$/.test(prefix)) return [await records.byId(prefix)].filter((r): r is NewsRecord => r !== null);
      const found: NewsRecord[] = [];
      for await (const r of records.scanRecords({ idPrefix: prefix })) {
        found.push(r);
        if (limit && found.length >= limit) break;
      }
      return found;
    },
    all: () => records.scanRecords(),
    bySite: (host, range = {}, limit) => records.bySite(host, range, limit),
    byDay: (day, limit) => records.byDay(day, limit),
    byCity: (city, range = {}, limit) => records.byCity(city, range, limit),
    repostsOf: (id, maxHamming) => records.repostsOf(id, maxHamming),
    failuresOf: (sourceId) => failures.listBySource(sourceId),
    async changes(q) {
      return (await changes.changes(changeFilter(q))).map(changeRow);
    },
    async *streamChanges(q) {
      for await (const c of changes.streamChanges(changeFilter(q))) yield changeRow(c);
    },
    async history(id) {
      const found = await versionsOf(id);
      if (!found) return null;
      const { track, versions } = found;
      // The current version's last sighting is the tracking item's (updated on every revisit, not the version item).
      const rows = versions.map((v) => ({
        n: v.n,
        firstSeenAt: v.firstSeenAt,
        lastSeenAt: v.n === track.versionCount ? track.lastSeenAt : v.lastSeenAt,
        title: v.content.title,
        paragraphs: v.content.paragraphs.length,
        hash: v.hash,
        rawKey: v.rawKey,
      }));
      return { id, url: track.url, status: track.status, versionCount: track.versionCount, firstSeenAt: track.firstSeenAt, lastVisitAt: track.lastVisitAt, nextRevisitAt: track.nextRevisitAt, versions: rows };
    },
    async diff(id, from, to) {
      const found = await versionsOf(id);
      if (!found) throw new JsnewsError(ErrorCode.InvalidArgument, `no tracked article ${id}`);
      const { versions } = found;
      const last = versions.length;
      const b = to ?? last;
      const a = from ?? Math.max(1, b - 1);
      const va = versions.find((v) => v.n === a);
      const vb = versions.find((v) => v.n === b);
      if (!va || !vb) throw new JsnewsError(ErrorCode.InvalidArgument, `article ${id} has versions 1..${last}; asked for ${a} and ${b}`);
      const paragraphs = diffParagraphs(va.content.paragraphs, vb.content.paragraphs);
      const title = va.content.title === vb.content.title ? null : { before: va.content.title, after: vb.content.title };
      const titleLine = title ? `title: "${title.before}" → "${title.after}"\n` : '';
      return { id, from: a, to: b, title, paragraphs, text: `${titleLine}${renderDiff(paragraphs)}` };
    },
    close,
  };
}

function changeFilter(q: ChangeQuery): ChangeFilter {
  return { since: q.since, until: q.until, ...(q.site ? { host: q.site } : {}), ...(q.kind ? { kind: q.kind } : {}) };
}

function changeRow(c: ChangeItem): ChangeRow {
  return {
    url: c.url,
    id: c.id,
    kind: c.kind,
    detectedAt: c.detectedAt,
    fields: c.fields,
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.firstSeenAt ? { firstSeenAt: c.firstSeenAt } : {}),
    ...(c.fromVersion ? { fromVersion: c.fromVersion, toVersion: c.toVersion } : {}),
  };
}

/** The URL forms a record can be looked up by, in order: as given, and normalized as canonical URLs are. */
function urlForms(url: string): string[] {
  return [...new Set([url, normalizeUrl(url)].filter((u): u is string => !!u))];
}

async function byAnyUrl(stores: Stores, url: string): Promise<NewsRecord[]> {
  const forms = urlForms(url);
  const ids = new Set<string>();
  const found: NewsRecord[] = [];
  const add = (r: NewsRecord | null) => {
    if (r && !ids.has(r.id)) {
      ids.add(r.id);
      found.push(r);
    }
  };
  for (const form of forms) {
    for (const r of await stores.records.byUrl(form)) add(r); // the post-redirect url (GSI1)
    add(await stores.records.byId(sha256Hex(form))); // the canonicalUrl: a record's id is sha256(canonicalUrl)
    const state = await stores.urlState.get(form); // the URL as fetched, redirects included
    if (state?.recordId && !ids.has(state.recordId)) add(await stores.records.byId(state.recordId));
  }
  return found;
}

export async function openReader(config: AppConfig): Promise<Reader> {
  const opened = await openStores(config);
  return createReader(opened.stores, () => opened.close());
}
