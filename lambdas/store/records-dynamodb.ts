/**
 * Records in the single table (see table-design.ts and docs/table-design.md).
 *
 * Writes are idempotent conditional puts: an existing record is replaced only when the new one
 * (a) has a newer normalizerVersion and is not from an older fetch, or (b) has a different
 * contentHash from a newer fetch. Anything else, including replaying the same write, is reported as
 * `unchanged` and leaves the stored item as it was. Records too big for one item (400 KB) keep
 * `paragraphs`/`text` in S3 under a content-addressed body key; reads rehydrate them.
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { NewsRecord } from '../contract/record.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { storeError } from './sdk-errors.js';
import type { Archive, ArchivedBody, MemberRange, PutOutcome, RecordPutOptions, RecordStore } from './ports.js';
import { batchGetItems } from './batch-items.js';
import { BAND_INDEXES, GSI, ITEM_KIND, keys, simhashBands } from '../contract/table-design.js';
import { hammingDistance, sha256Hex } from '../contract/hashing.js';
import { versionSortKey } from './semver.js';
import { chinaDay, chinaDayEndUtc, chinaDayStartUtc, daysBetween, toUtcIso } from '../contract/china-time.js';
import { bodyKeyFor } from '../contract/archive-keys.js';
import { packRecordMap, readRecordBody, TEXT_JOINER, unpackRecordMap } from './record-packing.js';

/**
 * Above this estimated size a record's body moves to S3. DynamoDB's limit is 400 KB (409,600 bytes)
 * counting attribute names and index keys; JSON length is a close estimate, so keep a 50 KB margin.
 */
export const MAX_INLINE_ITEM_BYTES = 350_000;
/** Two records whose simhashes differ in at most this many of 64 bits are reposts of one story (common near-duplicate threshold for 64-bit simhash). */
export const REPOST_MAX_HAMMING = 3;
/**
 * Near-duplicates of a record (simhash within the threshold) are looked for among the records filed under the
 * China days this many days either side of its own (GSI3 `DAY#` partitions, which project the simhash), plus
 * the band index entries (GSI6-9) that only records without a day, and items written before, still have.
 * Bands for every record were four index entries a record: 4 of the fresh ingest's ~14 write units a page
 * (cost bench, 317 pages: USD 2.5 of 12.9 per million). The price: a repost published more than this many days
 * from the record is not found, and a query reads 2 × this + 1 day partitions (~230 B an entry). A repost of a
 * news story is a same-week affair (syndication and 转载 follow the original within hours to days); a week's
 * window keeps that and bounds the read.
 */
export const REPOST_WINDOW_DAYS = 3;
/** An all-zero simhash comes from empty text: it would match every other empty text. */
const EMPTY_SIMHASH = '0000000000000000';
/*
 * `text` is `paragraphs` joined with TEXT_JOINER (CONTRACT.md), so an item keeps the body once: reads rebuild `text`.
 * That halves the body's share of a record item (cost bench, 327 bench and seed pages: 14.4 → 8 KB per
 * item). Checked per record, so a record whose text is not that join is stored as it is.
 */
/**
 * Sort key of a record's entries in the point indexes (GSI1 URL, GSI5 story, GSI6-9 simhash bands): they are
 * read by partition only and the record id comes from the entry's table key (PK), and GSI keys need not be
 * unique, so the sort key carries nothing. Items written before carry `REC#<id>` there (still read the same).
 * Each `REC#<id>` was 68 bytes of the item, six times (cost bench: part of −0.8 write units a record put).
 */
const POINT_INDEX_SK = 'R';

export interface StoredRecordItem {
  PK: string;
  SK: string;
  kind: typeof ITEM_KIND.record;
  /** Items written before the lean layout carry the id (and `recordId`) as attributes; it is in PK anyway (idOf). */
  id?: string;
  /** In memory; on the wire it is `recordZ1` (record-packing.ts). Items written before carry `recordGz` or `record`. */
  record: NewsRecord;
  versionKey: string;
  contentHash: string;
  fetchedAt: string;
  sortDate?: string;
  simhash: string;
  bodyInS3?: boolean;
  bodyKey?: string;
  /**
   * `[offset, length]` of the record's body member (record-packing.ts RecordBody) in the object its `raw.key`
   * names: the record map then holds no paragraphs, people or figures (one write unit instead of ~4).
   */
  bodyAt?: [number, number];
  /**
   * The object holding the `bodyAt` member when it is not the one `raw.key` names: a reprocess chunk's bodies object
   * (Archive.putBodies; its pages were archived by an earlier fetch).
   */
  bodyIn?: string;
  /** The stored record's `text` is empty and reads rebuild it from `paragraphs` (see TEXT_JOINER). */
  textFromParagraphs?: boolean;
  [gsiKey: string]: unknown;
}

export interface RepostMatch {
  record: NewsRecord;
  /** Why it matched: same story URL, or simhash within REPOST_MAX_HAMMING. */
  reason: 'originalUrl' | 'simhash';
  hamming: number;
}

export interface DateRange {
  /** China days (YYYY-MM-DD), inclusive; either may be open. */
  from?: string;
  to?: string;
}

export interface RecordQueries {
  byId(id: string): Promise<NewsRecord | null>;
  byUrl(url: string): Promise<NewsRecord[]>;
  bySite(host: string, range: DateRange, limit?: number): Promise<NewsRecord[]>;
  byDay(day: string, limit?: number): Promise<NewsRecord[]>;
  byCity(city: string, range: DateRange, limit?: number): Promise<NewsRecord[]>;
  repostsOf(id: string, maxHamming?: number): Promise<RepostMatch[]>;
  /**
   * Every stored record (or those whose id starts with `idPrefix`), page by page: a Scan, for exports
   * and listings that need all records; no access pattern above uses it.
   */
  scanRecords(options?: { idPrefix?: string; pageSize?: number }): AsyncIterable<NewsRecord>;
}

export type DynamoRecordStore = RecordStore & RecordQueries;

export function createDynamoRecordStore(doc: DynamoDBDocumentClient, tableName: string, archive: Archive): DynamoRecordStore {
  const store = new RecordTable(doc, tableName, archive);
  return {
    put: (r, options) => store.put(r, options),
    get: (id) => store.byId(id),
    getStored: (id) => store.stored(id),
    byId: (id) => store.byId(id),
    byUrl: (url) => store.byUrl(url),
    bySite: (host, range, limit) => store.bySite(host, range, limit),
    byDay: (day, limit) => store.byDay(day, limit),
    byCity: (city, range, limit) => store.byCity(city, range, limit),
    repostsOf: (id, maxHamming) => store.repostsOf(id, maxHamming),
    scanRecords: (options) => store.scanRecords(options),
  };
}

/** Items a record Scan reads per page: bounded memory for an export of any size. */
const SCAN_PAGE_ITEMS = 200;

/** "镇江市" and "镇江" name one city: the key drops a trailing 市. */
export function cityKey(city: string): string {
  return city.trim().replace(/市$/u, '');
}

/** The date a record is filed under: when it was published, else when it was fetched. */
function sortDateOf(record: NewsRecord): string | undefined {
  const iso = record.publishedAt ?? record.raw?.fetchedAt ?? null;
  if (!iso) return undefined;
  try {
    return toUtcIso(iso);
  } catch {
    return undefined;
  }
}

export function buildRecordItem(record: NewsRecord): StoredRecordItem {
  const sortDate = sortDateOf(record);
  const textFromParagraphs = record.text.length > 0 && record.text === record.paragraphs.join(TEXT_JOINER);
  const item: StoredRecordItem = {
    ...keys.record(record.id),
    kind: ITEM_KIND.record,
    record: textFromParagraphs ? { ...record, text: '' } : record,
    ...(textFromParagraphs ? { textFromParagraphs } : {}),
    versionKey: versionSortKey(record.normalizerVersion),
    contentHash: record.contentHash,
    fetchedAt: record.raw?.fetchedAt ? toUtcIso(record.raw.fetchedAt) : '',
    simhash: record.simhash,
  };
  // Date-ordered indexes: the date alone (ties come back in table-key order; the id is in the entry's PK).
  if (sortDate) {
    if (record.site.host) Object.assign(item, { GSI2PK: keys.sitePartition(record.site.host), GSI2SK: sortDate });
    Object.assign(item, { GSI3PK: keys.dayPartition(chinaDay(sortDate)), GSI3SK: sortDate });
    if (record.region.city) Object.assign(item, { GSI4PK: keys.cityPartition(cityKey(record.region.city)), GSI4SK: sortDate });
  }
  // A record's id is sha256 of its canonical URL: where that is also its url or its story, the record is found
  // by GetItem on that hash (byUrl, repostsOf) and needs no index entry (one write unit each).
  if (record.url && sha256Hex(record.url) !== record.id) Object.assign(item, { GSI1PK: keys.urlIndex(record.url), GSI1SK: POINT_INDEX_SK });
  const storyUrl = storyUrlOf(record);
  if (storyUrl && sha256Hex(storyUrl) !== record.id) Object.assign(item, { GSI5PK: keys.storyPartition(storyUrl), GSI5SK: POINT_INDEX_SK });
  // Simhash bands only for a record no day partition holds: the others are found through the day partitions
  // around their day (REPOST_WINDOW_DAYS), whose entries carry the simhash at no extra write unit.
  if (!item.GSI3PK && record.text.length > 0 && record.simhash !== EMPTY_SIMHASH) {
    simhashBands(record.simhash).forEach((band, i) => {
      Object.assign(item, { [`GSI${6 + i}PK`]: keys.bandPartition(i, band), [`GSI${6 + i}SK`]: POINT_INDEX_SK });
    });
  }
  return item;
}

/** The URL that names a record's story: the original it reposts, else its canonical URL, else its url. */
function storyUrlOf(record: NewsRecord): string | null {
  return record.originalUrl ?? record.canonicalUrl ?? record.url;
}

/** The record id of an item or index entry: from its table key (items written before also carry `id`/`recordId`). */
function idOf(item: Record<string, unknown>): string {
  return String(item.PK).slice(keys.recordPartition('').length);
}

/** The GSI5 partition a record item belongs to: its entry's, or, for a record without one, the story its id names. */
function storyPartitionOf(item: StoredRecordItem): string {
  return (item.GSI5PK as string | undefined) ?? keys.storyPartitionOfHash(idOf(item));
}

class RecordTable {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly archive: Archive,
  ) {}

  async put(input: NewsRecord, options: RecordPutOptions = {}): Promise<PutOutcome> {
    const record = NewsRecord.parse(input);
    let item = buildRecordItem(record);
    if (options.body && (record.raw || options.bodyObject)) item = bodyArchived(item, options.body, options.bodyObject);
    else if (estimateBytes(item) > MAX_INLINE_ITEM_BYTES) item = await this.moveBodyToS3(item);
    try {
      const out = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: packRecord(item),
          ConditionExpression:
            'attribute_not_exists(PK) OR (versionKey < :vk AND fetchedAt <= :fa) OR (versionKey <= :vk AND contentHash <> :ch AND fetchedAt < :fa)',
          ExpressionAttributeValues: { ':vk': item.versionKey, ':fa': item.fetchedAt, ':ch': item.contentHash },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes ? 'updated' : 'new';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return 'unchanged';
      throw storeError('DynamoDB', `put record ${record.id}`, err);
    }
  }

  /** The body goes first, under a key that names its content, so an item never points at a body it did not write. */
  private async moveBodyToS3(item: StoredRecordItem): Promise<StoredRecordItem> {
    const bodyKey = bodyKeyFor(idOf(item), item.contentHash);
    await this.archive.putBody(bodyKey, { paragraphs: item.record.paragraphs, text: item.record.text });
    return { ...item, record: { ...item.record, paragraphs: [], text: '' }, bodyInS3: true, bodyKey };
  }

  async byId(id: string): Promise<NewsRecord | null> {
    const out = await this.send(`get record ${id}`, () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.record(id) })),
    );
    return out.Item ? this.hydrate(out.Item as StoredRecordItem) : null;
  }

  /** One GetItem: the record, and its body's member when the item names one (bodyAt: in `bodyIn`, else in `raw.key`). */
  async stored(id: string): Promise<{ record: NewsRecord; body: ArchivedBody | null } | null> {
    const item = await this.getItem(id);
    if (!item) return null;
    const record = await this.hydrate(item);
    const key = item.bodyIn ?? record.raw?.key;
    return { record, body: item.bodyAt && key ? { key, range: { offset: item.bodyAt[0], length: item.bodyAt[1] } } : null };
  }

  /** GSI1 holds the records whose id is not sha256(url); the one whose id is, is a GetItem. */
  async byUrl(url: string): Promise<NewsRecord[]> {
    const [ids, named] = await Promise.all([
      this.queryIds({ IndexName: GSI.byUrl, pk: ['GSI1PK', keys.urlIndex(url)] }),
      this.byId(sha256Hex(url)),
    ]);
    const records = await this.getMany(ids);
    if (named && named.url === url && !records.some((r) => r.id === named.id)) records.push(named);
    return records;
  }

  bySite(host: string, range: DateRange, limit?: number): Promise<NewsRecord[]> {
    return this.queryRange(GSI.bySiteDate, 'GSI2', keys.sitePartition(host), range, limit);
  }

  byDay(day: string, limit?: number): Promise<NewsRecord[]> {
    return this.queryRange(GSI.byDay, 'GSI3', keys.dayPartition(day), {}, limit);
  }

  byCity(city: string, range: DateRange, limit?: number): Promise<NewsRecord[]> {
    return this.queryRange(GSI.byCityDate, 'GSI4', keys.cityPartition(cityKey(city)), range, limit);
  }

  async repostsOf(id: string, maxHamming = REPOST_MAX_HAMMING): Promise<RepostMatch[]> {
    const item = await this.getItem(id);
    if (!item) return [];
    const reasons = new Map<string, RepostMatch['reason']>();
    // The story's records: GSI5's entries, and the record whose id is the story URL's hash (it has no entry).
    const storyPk = storyPartitionOf(item);
    for (const other of await this.queryIds({ IndexName: GSI.byStory, pk: ['GSI5PK', storyPk] })) reasons.set(other, 'originalUrl');
    const storyHash = storyPk.slice(keys.storyPartitionOfHash('').length);
    if (storyHash !== id && !reasons.has(storyHash)) {
      const named = await this.getItem(storyHash);
      if (named && storyPartitionOf(named) === storyPk) reasons.set(storyHash, 'originalUrl');
    }
    for (const row of await this.simhashCandidates(item)) {
      const otherId = idOf(row);
      if (reasons.has(otherId) || typeof row.simhash !== 'string' || row.simhash === EMPTY_SIMHASH) continue;
      if (hammingDistance(item.simhash, row.simhash) <= maxHamming) reasons.set(otherId, 'simhash');
    }
    reasons.delete(id);
    const records = await this.getMany([...reasons.keys()]);
    return records.map((record) => ({
      record,
      reason: reasons.get(record.id) ?? 'simhash',
      hamming: hammingDistance(item.simhash, record.simhash),
    }));
  }

  /**
   * Index entries (table key + simhash) of the records that may be near-duplicates of `item`: the band entries
   * sharing one of its four bands (records without a day, items written before), and every record of the days
   * around its own (REPOST_WINDOW_DAYS). A table made before GSI3 projected the simhash returns day entries
   * without it: they are skipped, never an error.
   */
  private async simhashCandidates(item: StoredRecordItem): Promise<Record<string, unknown>[]> {
    if (item.simhash === EMPTY_SIMHASH) return [];
    const queries: QuerySpec[] = simhashBands(item.simhash).map((hex, band) => ({
      IndexName: BAND_INDEXES[band]!,
      pk: [`GSI${6 + band}PK`, keys.bandPartition(band, hex)] as [string, string],
    }));
    const dayPk = typeof item.GSI3PK === 'string' && item.GSI3PK.startsWith(keys.dayPartition('')) ? item.GSI3PK : null;
    if (dayPk) {
      const day = dayPk.slice(keys.dayPartition('').length);
      for (const d of daysAround(day, REPOST_WINDOW_DAYS)) queries.push({ IndexName: GSI.byDay, pk: ['GSI3PK', keys.dayPartition(d)] });
    }
    return (await Promise.all(queries.map((q) => this.queryAll(q)))).flat();
  }

  async *scanRecords(options: { idPrefix?: string; pageSize?: number } = {}): AsyncIterable<NewsRecord> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.send('scan records', () =>
        this.doc.send(
          new ScanCommand({
            TableName: this.tableName,
            FilterExpression: options.idPrefix ? '#kind = :kind AND begins_with(#pk, :prefix)' : '#kind = :kind',
            ExpressionAttributeNames: { '#kind': 'kind', ...(options.idPrefix ? { '#pk': 'PK' } : {}) },
            ExpressionAttributeValues: { ':kind': ITEM_KIND.record, ...(options.idPrefix ? { ':prefix': `REC#${options.idPrefix}` } : {}) },
            Limit: options.pageSize ?? SCAN_PAGE_ITEMS,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of (out.Items ?? []) as StoredRecordItem[]) yield await this.hydrate(item);
      startKey = out.LastEvaluatedKey;
    } while (startKey);
  }

  private async getItem(id: string): Promise<StoredRecordItem | null> {
    const out = await this.send(`get record ${id}`, () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.record(id) })),
    );
    return (out.Item as StoredRecordItem | undefined) ?? null;
  }

  private async queryRange(index: string, prefix: string, pk: string, range: DateRange, limit?: number): Promise<NewsRecord[]> {
    const lo = range.from ? chinaDayStartUtc(range.from) : '0';
    const hi = range.to ? `${chinaDayEndUtc(range.to)}#~` : '~';
    const rows = await this.queryAll(
      {
        IndexName: index,
        pk: [`${prefix}PK`, pk],
        sk: { name: `${prefix}SK`, between: [lo, hi] },
        newestFirst: true,
      },
      limit,
    );
    // GSI2-4 carry keys only (table-design.ts): the records themselves come by key, in the index's order.
    return this.getMany(rows.map((row) => String(row.PK).slice('REC#'.length)));
  }

  private async queryIds(q: QuerySpec): Promise<string[]> {
    const rows = await this.queryAll(q);
    return rows.map((r) => String(r.PK).slice('REC#'.length));
  }

  private async queryAll(q: QuerySpec, limit?: number): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.tableName,
        IndexName: q.IndexName,
        KeyConditionExpression: q.sk ? '#pk = :pk AND #sk BETWEEN :lo AND :hi' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': q.pk[0], ...(q.sk ? { '#sk': q.sk.name } : {}) },
        ExpressionAttributeValues: { ':pk': q.pk[1], ...(q.sk ? { ':lo': q.sk.between[0], ':hi': q.sk.between[1] } : {}) },
        ScanIndexForward: !q.newestFirst,
        ExclusiveStartKey: startKey,
        ...(limit ? { Limit: limit - rows.length } : {}),
      };
      const out = await this.send(`query ${q.IndexName}`, () => this.doc.send(new QueryCommand(input)));
      rows.push(...((out.Items ?? []) as Record<string, unknown>[]));
      startKey = out.LastEvaluatedKey;
    } while (startKey && (!limit || rows.length < limit));
    return rows;
  }

  private async getMany(ids: string[]): Promise<NewsRecord[]> {
    const unique = [...new Set(ids)];
    // Chunks of 100 keys, unprocessed keys sent again with backoff, a retryable STORE_FAILED when they stay: store/batch-items.ts.
    const items = (await batchGetItems(this.doc, this.tableName, unique.map((id) => keys.record(id)), 'batch get records')) as StoredRecordItem[];
    const byId = new Map(items.map((it) => [idOf(it), it]));
    return Promise.all(unique.filter((id) => byId.has(id)).map((id) => this.hydrate(byId.get(id)!)));
  }

  private async hydrate(packed: StoredRecordItem): Promise<NewsRecord> {
    const item = unpackRecord(packed);
    if (item.bodyAt) return this.withArchivedBody(item, item.bodyAt);
    const record = item.bodyInS3 && item.bodyKey ? { ...item.record, ...(await this.archive.getBody(item.bodyKey)) } : item.record;
    return NewsRecord.parse(item.textFromParagraphs ? { ...record, text: record.paragraphs.join(TEXT_JOINER) } : record);
  }

  /** The record with its body read from its batch object (one Range GET), checked against the item's contentHash. */
  private async withArchivedBody(item: StoredRecordItem, [offset, length]: [number, number]): Promise<NewsRecord> {
    const key = item.bodyIn ?? item.record.raw?.key;
    if (!key) throw new JsnewsError(ErrorCode.StoreFailed, `record ${idOf(item)} names an archived body but no raw object`);
    const body = readRecordBody(await this.archive.getMember(key, { offset, length }));
    if (sha256Hex(body.text) !== item.contentHash) throw new JsnewsError(ErrorCode.StoreFailed, `archived body of record ${idOf(item)} does not match its contentHash`);
    return NewsRecord.parse({ ...item.record, ...body });
  }

  private async send<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw storeError('DynamoDB', what, err);
    }
  }
}

interface QuerySpec {
  IndexName?: string;
  pk: [string, string];
  sk?: { name: string; between: [string, string] };
  newestFirst?: boolean;
}

/** The China days from `radius` days before `day` to `radius` days after it. */
function daysAround(day: string, radius: number): string[] {
  const t = Date.parse(`${day}T00:00:00Z`);
  const at = (k: number) => new Date(t + k * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return daysBetween(at(-radius), at(radius));
}

/** The item as written: the record map packed into `recordZ1` (record-packing.ts). */
function packRecord(item: StoredRecordItem): Record<string, unknown> {
  const { record, ...rest } = item;
  return { ...rest, ...packRecordMap(record) };
}

function unpackRecord(item: StoredRecordItem & { recordZ1?: Uint8Array; recordGz?: Uint8Array }): StoredRecordItem {
  const { recordZ1, recordGz, ...rest } = item;
  const record = unpackRecordMap(item, { id: idOf(item), contentHash: item.contentHash, simhash: item.simhash });
  return { ...rest, record: record as NewsRecord };
}

/** The item of a record whose body was archived with its raw page (putBatch) or in a bodies object (putBodies, `bodyIn`): the record map without it. */
function bodyArchived(item: StoredRecordItem, at: MemberRange, bodyIn?: string): StoredRecordItem {
  const { textFromParagraphs: _t, ...rest } = item;
  return { ...rest, record: { ...item.record, paragraphs: [], text: '', people: [], figures: [] }, bodyAt: [at.offset, at.length], ...(bodyIn ? { bodyIn } : {}) };
}

/** Uncompressed: a body that would not fit uncompressed goes to S3, as before compression, whatever gzip makes of it. */
function estimateBytes(item: StoredRecordItem): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}
