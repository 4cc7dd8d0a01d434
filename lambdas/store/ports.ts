/**
 * The store ports the pipeline codes against. archive-s3.ts, records-dynamodb.ts, url-state.ts and
 * failures.ts implement them on S3 and DynamoDB; Lambda handlers and the CLI pass them in.
 */
import type { NewsRecord, RawRef } from '../contract/record.js';
import type { ErrorCodeValue } from '../contract/errors.js';
import type { MemberRange } from './batch-archive.js';
import type { UrlState } from '../contract/table-design.js';

export type { MemberRange };

/** How a page was served, stored next to its raw bytes. */
export interface RawMeta {
  /** sha256 of the bytes (hex), computed once by the caller: it is the archive key. */
  sha256: string;
  url: string;
  status: number;
  contentType: string | null;
  charset: string | null;
  fetchedAt: string;
}

/** One fetch of one URL, so reprocess can find archived pages by source and date. */
export interface FetchPointer {
  sourceId: string;
  /** URL as requested. */
  url: string;
  /** URL after redirects. */
  finalUrl: string;
  fetchedAt: string;
  status: number;
  headers: Record<string, string>;
  sha256: string;
  rawKey: string;
  bytes: number;
  contentType: string | null;
  charset: string | null;
  /** The page's gzip member in a batch object (`rawKey` names the batch); absent for a single-page object. */
  member?: MemberRange;
}

/** Which page of a raw object to read: its sha256 and, when known (the fetch pointer has it), its member range. */
export interface RawLocation {
  sha256: string;
  member?: MemberRange | undefined;
}

/** One page of an archived batch: its RawRef (the key names the batch object) and its member range there (null: a single-page object). */
export interface ArchivedPage {
  ref: RawRef;
  member: MemberRange | null;
  /** Where the page's record body sits in the same object, when putBatch was given one (records-dynamodb.ts). */
  body?: MemberRange;
}

export interface PointerFilter {
  sourceId?: string;
  /** China days, inclusive. */
  from?: string;
  to?: string;
}

/** One (source, China day) partition of the fetch pointers. */
export interface ArchiveDay {
  sourceId: string;
  day: string;
}

export interface Archive {
  readonly bucket: string;
  /**
   * Stores the bytes under their content address (`meta.sha256`). Idempotent: the same bytes always land on the same
   * key with the same content, so writing them again changes nothing but the object's metadata.
   */
  putRaw(bytes: Uint8Array, meta: RawMeta): Promise<{ ref: RawRef }>;
  /**
   * A fetch batch's pages as one object, one PUT (store/batch-archive.ts), in page order. Written before any
   * pointer or record names it; content-addressed, so a retry of the same pages writes the same key and bytes.
   * A page's `record` has its body (record-packing.ts RecordBody) archived beside the page (ArchivedPage.body). A
   * batch of one distinct page with no record is the single-page object (putRaw's key); with a record, a batch
   * object of that one page and the body.
   */
  putBatch(pages: readonly { bytes: Uint8Array; meta: RawMeta; record?: NewsRecord | undefined }[]): Promise<ArchivedPage[]>;
  /**
   * Records' bodies (record-packing.ts RecordBody) as one object of their own, one PUT (a reprocess chunk: its pages
   * are archived already): the object's key and each body's member range, in order. Content-addressed, so a retry of
   * the same bodies writes the same key and bytes.
   */
  putBodies(records: readonly NewsRecord[]): Promise<{ key: string; ranges: MemberRange[] }>;
  /** One gzip member of an object (a record body of a batch object), gunzipped: one Range GET. */
  getMember(key: string, range: MemberRange): Promise<Uint8Array>;
  /** One page's raw bytes: a single-page object by its key alone; a page of a batch object by `at` (one Range GET with a member range). */
  getRaw(key: string, at?: RawLocation): Promise<Uint8Array>;
  putFetchPointer(pointer: FetchPointer): Promise<void>;
  /** A fetch batch's pointers at once (table pointers: BatchWriteItem, 25 a call; issue 13: one request a page before). */
  putFetchPointers(pointers: readonly FetchPointer[]): Promise<void>;
  listFetchPointers(filter: PointerFilter): AsyncIterable<FetchPointer>;
  /** The (source, day) partitions holding fetch pointers, in key order, without reading the pointers. */
  listDays(filter: PointerFilter): Promise<ArchiveDay[]>;
  /** Large record bodies (see records-dynamodb.ts). */
  putBody(key: string, body: { paragraphs: string[]; text: string }): Promise<void>;
  getBody(key: string): Promise<{ paragraphs: string[]; text: string }>;
}

export type PutOutcome = 'new' | 'updated' | 'unchanged';

/** A record body archived as a member of an object (Archive.putBatch, putBodies): the object's key and the member's range. */
export interface ArchivedBody {
  key: string;
  range: MemberRange;
}

/** How a record put may find its body already archived: the record's `raw.key` object holds it at this range. */
export interface RecordPutOptions {
  body?: MemberRange | undefined;
  /** The object holding `body` when it is not the record's `raw.key` (a reprocess chunk's bodies object, Archive.putBodies). */
  bodyObject?: string | undefined;
}

export interface RecordStore {
  put(record: NewsRecord, options?: RecordPutOptions): Promise<PutOutcome>;
  get(id: string): Promise<NewsRecord | null>;
  /** As get, with where the record's body is archived when its item names it (null: the body is in the item, or a body key of its own). */
  getStored(id: string): Promise<{ record: NewsRecord; body: ArchivedBody | null } | null>;
}

/** What we remember about a URL for conditional GET and "unchanged" detection (its shape: contract/table-design.ts). */
export type { UrlState } from '../contract/table-design.js';

/** What UrlStateStore.getMany read. */
export interface UrlStateReads {
  /** The states of the URLs that have one, by URL. */
  states: Map<string, UrlState>;
  /**
   * The tracking items read on the way, by id (sha256 of each URL; null: no item): a caller about to store the URLs'
   * records needs no second read of them (issue 13), as long as nothing it did since may have written them.
   */
  tracks: Map<string, TrackItem | null>;
}

export interface UrlStateStore {
  get(url: string): Promise<UrlState | null>;
  /** As putMany of one state. */
  put(state: UrlState): Promise<void>;
  /** The states of `urls` that exist (BatchGetItem: 100 keys a call), and the tracking items read for them. */
  getMany(urls: readonly string[]): Promise<UrlStateReads>;
  /**
   * Every state written, a URL's last one if it comes twice: in the URL's record's tracking item when the URL is the
   * record's id and the item exists (one UpdateItem each), else as the URL's own item (BatchWriteItem: 25 a call).
   * A failure may leave some of them written (each is a plain overwrite).
   */
  putMany(states: readonly UrlState[]): Promise<void>;
}

/** Where the failure happened: fetching a list page, an article, normalizing, or storing. */
export type FailureStage = 'list' | 'fetch' | 'normalize' | 'store';

export interface FailureInput {
  sourceId: string;
  url: string;
  stage: FailureStage;
  code: ErrorCodeValue;
  reason: string;
  retryable: boolean;
  status?: number | null;
}

export interface FailureItem extends FailureInput {
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  nextRetryAt: string;
}

export interface FailureStore {
  record(input: FailureInput, now: Date): Promise<FailureItem>;
  clear(sourceId: string, url: string): Promise<void>;
  listBySource(sourceId: string): Promise<FailureItem[]>;
  dueFailures(sourceId: string, now: Date): Promise<FailureItem[]>;
}

// ---------------------------------------------------------------------------------------------
// Change tracking (docs/table-design.md: tracking, version and change items)

/** The tracked fields of one version (pipeline/changes.ts TRACKED_FIELDS). */
export type VersionContent = Pick<NewsRecord, 'title' | 'paragraphs' | 'publishedAt' | 'authors' | 'editors' | 'photographers'>;

export interface FieldSummary {
  field: string;
  summary: string;
}

/** Per-article tracking state, beside the record (`REC#<id>` / `TRACK`): status, version count and the revisit schedule. */
export interface TrackItem {
  id: string;
  /** The URL revisits fetch (the record's URL after redirects). */
  url: string;
  sourceId: string;
  host: string;
  status: 'live' | 'deleted';
  /** versionHash of the current version. */
  hash: string;
  versionCount: number;
  firstSeenAt: string;
  /** When the current version was first seen. */
  versionSeenAt: string;
  /** Last time the article was seen present (the current version's last-seen time). */
  lastSeenAt: string;
  lastVisitAt: string;
  /** Null: not revisited any more (revisits disabled for the source). */
  nextRevisitAt: string | null;
  goneSince: string | null;
  goneDetail: string | null;
  /**
   * The last revisit's validators and body sha256, for the next revisit's conditional GET (absent until
   * a revisit fetched the article: the URL state ingest wrote serves until then). Kept here, not in the
   * URL state, so a revisit whose page changed only outside the article writes this item alone.
   */
  etag?: string | null;
  lastModified?: string | null;
  bodySha256?: string;
  /**
   * Ingest's URL state (UrlState) of the URL whose sha256 is this record's id, written with the first tracking
   * item instead of a `URL#`/`STATE` item (one write unit less a fresh page; contract/table-design.ts
   * trackUrlState, read back by store/url-state.ts). Revisits keep theirs in the fields above.
   */
  urlEtag?: string | null;
  urlLastModified?: string | null;
  urlSha256?: string;
  urlFetchedAt?: string;
}

export interface VersionItem {
  id: string;
  /** 1, 2, ... in the order first seen. */
  n: number;
  hash: string;
  firstSeenAt: string;
  lastSeenAt: string;
  content: VersionContent;
  rawKey: string | null;
  normalizerVersion: string;
}

export type ChangeKindValue = 'edited' | 'deleted' | 'restored';

export interface ChangeItem {
  id: string;
  url: string;
  host: string;
  kind: ChangeKindValue;
  detectedAt: string;
  fields: FieldSummary[];
  /** Deletions: what was seen and when it was first seen. */
  detail?: string;
  firstSeenAt?: string;
  /** Version numbers before and after (edited / restored with new content). */
  fromVersion?: number;
  toVersion?: number;
}

export interface ChangeFilter {
  /** UTC ISO times, inclusive. */
  since: string;
  until: string;
  host?: string;
  kind?: ChangeKindValue;
}

export interface DueRevisit {
  id: string;
  sourceId: string;
  nextRevisitAt: string;
}

export interface ChangeStore {
  getTrack(id: string): Promise<TrackItem | null>;
  /** The tracking items of `ids` that exist, by id (BatchGetItem). */
  getTracks(ids: readonly string[]): Promise<Map<string, TrackItem>>;
  /** Tracking items without a change item (first sightings), written at once (BatchWriteItem): plain overwrites, as putTrack's. */
  putTracks(tracks: readonly TrackItem[]): Promise<void>;
  /**
   * The tracking item; with `change`, the change item too, in one transaction (both or neither): a
   * kill between them cannot leave a change that a redo (with a later detectedAt) reports again.
   */
  putTrack(track: TrackItem, change?: ChangeItem | null): Promise<void>;
  /** One version item (null when it was never written: an article never changed has none). */
  getVersion(id: string, n: number): Promise<VersionItem | null>;
  /**
   * Idempotent: a version number already written is left as it is, unless `replace` (used once, when a
   * version is superseded, to record its last-seen time). `body`: where the version's paragraphs are archived
   * already (its record's body member, record-packing.ts RecordBody): the item then names it instead of holding them.
   */
  putVersion(version: VersionItem, options?: { replace?: boolean; body?: ArchivedBody }): Promise<void>;
  /** The tracking item and every version item of an article, with one Query. */
  history(id: string): Promise<{ track: TrackItem | null; versions: VersionItem[] }>;
  changes(filter: ChangeFilter): Promise<ChangeItem[]>;
  /** The same changes in time order, read page by page (Query, and BatchGet for a site): for exports. */
  streamChanges(filter: ChangeFilter): AsyncIterable<ChangeItem>;
  /** Tracked articles of a source whose next revisit is at or before `before`, soonest first. */
  dueRevisits(sourceId: string, before: string, limit?: number): Promise<DueRevisit[]>;
}

/** One message for a work queue: a JSON body, and the seconds SQS keeps it invisible after the send (DelaySeconds, at most 900). */
export interface QueueMessage {
  body: string;
  delaySeconds?: number;
}

/** What a lease acquire answers: granted with a token to extend it by, or refused with the time the host is free from. */
export type LeaseGrant = { granted: true; token: string } | { granted: false; nextAtMs: number };

/**
 * Per-host politeness lease across every fetch Lambda (store/host-lease-dynamodb.ts): at most one holder
 * per host, and no new holder before the lease's `nextAt`. A lease is never given back early: it runs out at
 * its nextAt (pipeline/polite-batch.ts holdHost), so nextAt only moves forward.
 */
export interface HostLeaseStore {
  /** Takes the host's lease when its nextAt has passed (`nowMs`); no one else may take it before `nextAtMs`. */
  acquire(host: string, nowMs: number, nextAtMs: number): Promise<LeaseGrant>;
  /** Moves the lease's nextAt to `nextAtMs` while it is still the token's: false when another holder has it now. */
  extend(host: string, token: string, nextAtMs: number): Promise<boolean>;
}

/** Sends messages to the fetch or normalize queue (both standard); pipeline/work-queue.ts builds the messages. */
export interface QueueTransport {
  send(queue: 'fetch' | 'normalize', messages: readonly QueueMessage[]): Promise<void>;
  /** Makes received messages of the fetch queue visible again after `seconds` (ChangeMessageVisibility). */
  defer(queue: 'fetch', receiptHandles: readonly string[], seconds: number): Promise<void>;
}
